// The HTML report: one self-contained page (inline CSS, SVG and script;
// nothing is fetched), the drafts with every claim highlighted by tier.
//
// Everything taken from a draft or a lexicon goes through Escape(), in text
// and in attribute values alike; the script reads only the page's own
// markup, so no draft text is ever placed inside it.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "render_common.hpp"

namespace sourcecheck {

namespace {

using internal::Mark;

std::string Escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      case '\r': out += ' '; break;
      default: out += c;
    }
  }
  return out;
}

std::string Fixed1(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

std::string WithThousands(size_t n) {
  const std::string digits = std::to_string(n);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

const char* TierColor(Tier tier) {
  switch (tier) {
    case Tier::kStrong: return "#1b7f3b";
    case Tier::kModerate: return "#1f6fb2";
    case Tier::kWeak: return "#b7791f";
    case Tier::kVeryWeak: return "#c0392b";
    case Tier::kUnattributed: return "#6b7280";
  }
  return "#6b7280";
}

const char* ScoreColor(int score) {
  if (score >= 80) return TierColor(Tier::kStrong);
  if (score >= 60) return TierColor(Tier::kModerate);
  if (score >= 40) return TierColor(Tier::kWeak);
  return TierColor(Tier::kVeryWeak);
}

const char* MarkClass(Mark mark) {
  switch (mark) {
    case Mark::kSource: return "m-source";
    case Mark::kVia: return "m-via";
    case Mark::kCue: return "m-cue";
    case Mark::kHedge: return "m-hedge";
    case Mark::kNone: return "";
  }
  return "";
}

const char* MarkTitle(Mark mark) {
  switch (mark) {
    case Mark::kSource: return "source";
    case Mark::kVia: return "relayed via";
    case Mark::kCue: return "attribution";
    case Mark::kHedge: return "hedge";
    case Mark::kNone: return "";
  }
  return "";
}

const char* FormatLabel(InputFormat format) {
  switch (format) {
    case InputFormat::kMarkdown: return "Markdown";
    case InputFormat::kHtml: return "HTML";
    default: return "Plain text";
  }
}

// The stretch [begin, end) of the text, inside one claim, with its marks.
std::string MarkedText(const std::vector<internal::MarkedSpan>& marks, const std::string& text, uint32_t begin,
                       uint32_t end) {
  std::string out;
  for (const internal::MarkedSpan& m : marks) {
    const uint32_t b = std::max(m.begin, begin);
    const uint32_t e = std::min(m.end, end);
    if (b >= e) continue;
    const std::string piece = Escape(SpanText(text, {b, e}));
    if (m.mark == Mark::kNone) out += piece;
    else
      out += std::string("<span class=\"") + MarkClass(m.mark) + "\" title=\"" + MarkTitle(m.mark) + "\">" + piece +
             "</span>";
  }
  return out;
}

// "d1-claim-3": built by appending, as g++ 12 warns (-Wrestrict) on
// "literal" + std::string&&.
std::string ElementId(size_t doc, const char* kind, size_t claim) {
  std::string id = "d";
  id.append(std::to_string(doc)).append(kind).append(std::to_string(claim));
  return id;
}
std::string ClaimId(size_t doc, size_t claim) { return ElementId(doc, "-claim-", claim); }
std::string CardId(size_t doc, size_t claim) { return ElementId(doc, "-card-", claim); }

std::string TierClass(const Claim& c) {
  return std::string("t-") + TierName(c.tier) + (c.suppressed ? " suppressed" : "");
}

// The draft's text, paragraph by paragraph, every claim a link to its card.
std::string RenderDraft(const Report& report, size_t d) {
  const std::string& text = report.document->text();
  std::string out;
  // Paragraphs: runs of lines that are not blank.
  std::vector<std::pair<uint32_t, uint32_t>> paragraphs;
  {
    size_t start = 0;
    size_t para_begin = std::string::npos, para_end = 0;
    while (start <= text.size()) {
      size_t nl = text.find('\n', start);
      if (nl == std::string::npos) nl = text.size();
      const std::string_view line = std::string_view(text).substr(start, nl - start);
      const bool blank = line.find_first_not_of(" \t\r\f\v") == std::string_view::npos;
      if (blank) {
        if (para_begin != std::string::npos) paragraphs.push_back({static_cast<uint32_t>(para_begin), static_cast<uint32_t>(para_end)});
        para_begin = std::string::npos;
      } else {
        if (para_begin == std::string::npos) para_begin = start + line.find_first_not_of(" \t\r\f\v");
        para_end = start + line.find_last_not_of(" \t\r\f\v") + 1;
      }
      if (nl == text.size()) break;
      start = nl + 1;
    }
    if (para_begin != std::string::npos) paragraphs.push_back({static_cast<uint32_t>(para_begin), static_cast<uint32_t>(para_end)});
  }
  const std::vector<Claim>& claims = report.claims;
  std::vector<std::vector<internal::MarkedSpan>> marks(claims.size());
  std::vector<bool> opened(claims.size(), false);
  size_t first = 0;  // the first claim that may still overlap
  for (const auto& [pb, pe] : paragraphs) {
    while (first < claims.size() && claims[first].span.end <= pb) ++first;
    bool heading = false, other = false;
    for (size_t i = first; i < claims.size() && claims[i].span.begin < pe; ++i)
      (claims[i].is_heading ? heading : other) = true;
    const bool is_heading = heading && !other;
    out += is_heading ? "<h2 class=\"para heading\">" : "<p class=\"para\">";
    uint32_t cursor = pb;
    for (size_t i = first; i < claims.size() && claims[i].span.begin < pe; ++i) {
      const Claim& c = claims[i];
      const uint32_t b = std::max(c.span.begin, pb);
      const uint32_t e = std::min(c.span.end, pe);
      if (b < cursor || b >= e) continue;
      out += Escape(SpanText(text, {cursor, b}));
      if (marks[i].empty()) marks[i] = internal::MarkClaim(c, text);
      const std::string card = CardId(d, i + 1);
      out += "<a class=\"claim " + TierClass(c) + "\"";
      if (!opened[i]) out += " id=\"" + ClaimId(d, i + 1) + "\"";
      opened[i] = true;
      out += " href=\"#" + card + "\" data-doc=\"" + std::to_string(d) + "\" data-claim=\"" + std::to_string(i + 1) +
             "\" data-card=\"" + card + "\" data-tier=\"" + TierName(c.tier) + "\">";
      out += MarkedText(marks[i], text, b, e);
      out += "</a>";
      cursor = e;
    }
    out += Escape(SpanText(text, {cursor, pe}));
    out += is_heading ? "</h2>\n" : "</p>\n";
  }
  return out;
}

std::string ScoreRing(int score) {
  constexpr double kRadius = 42;
  const double circumference = 2 * 3.14159265358979 * kRadius;
  const double filled = circumference * std::clamp(score, 0, 100) / 100.0;
  return "<svg class=\"ring\" viewBox=\"0 0 100 100\" width=\"112\" height=\"112\" role=\"img\" aria-label=\"Sourcing score " +
         std::to_string(score) +
         " of 100\"><circle cx=\"50\" cy=\"50\" r=\"42\" fill=\"none\" stroke=\"#e5e7eb\" stroke-width=\"10\"/>"
         "<circle cx=\"50\" cy=\"50\" r=\"42\" fill=\"none\" stroke=\"" +
         ScoreColor(score) + "\" stroke-width=\"10\" stroke-linecap=\"round\" stroke-dasharray=\"" + Fixed1(filled) +
         " " + Fixed1(circumference) +
         "\" transform=\"rotate(-90 50 50)\"/><text x=\"50\" y=\"50\" text-anchor=\"middle\" dominant-baseline=\"central\" "
         "class=\"ring-score\">" +
         std::to_string(score) + "</text></svg>";
}

std::string TierChart(const Summary& s) {
  constexpr int kRow = 30, kLabel = 104, kBar = 196;
  int most = 0;
  for (int t = 0; t < kTierCount; ++t) most = std::max(most, s.claims_by_tier[t]);
  const int height = kRow * kTierCount;
  std::string out = "<svg class=\"chart\" viewBox=\"0 0 340 " + std::to_string(height) +
                    "\" role=\"img\"><title>Claims by tier</title>";
  for (int t = 0; t < kTierCount; ++t) {
    const auto tier = static_cast<Tier>(t);
    const int n = s.claims_by_tier[t];
    double w = most ? static_cast<double>(n) * kBar / most : 0;
    if (n > 0) w = std::max(w, 3.0);
    const int y = t * kRow;
    out += "<g><text x=\"0\" y=\"" + std::to_string(y + 19) + "\" class=\"chart-label\">" +
           internal::TierLabel(tier) + "</text><rect x=\"" + std::to_string(kLabel) + "\" y=\"" +
           std::to_string(y + 6) + "\" width=\"" + std::to_string(kBar) + "\" height=\"18\" rx=\"4\" fill=\"#f1f3f6\"/>";
    if (n > 0)
      out += "<rect x=\"" + std::to_string(kLabel) + "\" y=\"" + std::to_string(y + 6) + "\" width=\"" + Fixed1(w) +
             "\" height=\"18\" rx=\"4\" fill=\"" + TierColor(tier) + "\"/>";
    out += "<text x=\"" + std::to_string(kLabel + kBar + 10) + "\" y=\"" + std::to_string(y + 19) +
           "\" class=\"chart-count\">" + std::to_string(n) + "</text></g>";
  }
  out += "</svg>";
  return out;
}

std::string Fact(const std::string& label, const std::string& value_html) {
  return "<dt>" + label + "</dt><dd>" + value_html + "</dd>";
}

std::string AttributionDetails(const Analyzer& analyzer, const Document& doc, const Attribution& a) {
  std::string out = "<dl class=\"attr\">";
  if (!a.source.empty() && (a.mental || a.hedged_verb)) {
    // Who holds a belief, or what a hedged verb is about: not a source.
    out += Fact(a.mental ? "Holder" : "Subject", Escape(internal::OneLine(SpanText(doc.text(), a.source))));
  } else if (!a.source.empty()) {
    out += Fact("Source", "<span class=\"m-source\">" + Escape(internal::OneLine(SpanText(doc.text(), a.source))) +
                              "</span> <span class=\"kind\">" + internal::KindLabel(a.kind) + "</span>");
  } else {
    out += Fact("Source", std::string("<span class=\"kind\">") + internal::KindLabel(a.kind) + "</span>");
  }
  if (!a.refers_to.empty()) out += Fact("Refers to", Escape(a.refers_to));
  if (!a.via.empty())
    out += Fact("Via", "<span class=\"m-via\">" + Escape(a.via_name.empty() ? internal::OneLine(SpanText(doc.text(), a.via)) : a.via_name) +
                           "</span> <span class=\"kind\">another outlet</span>");
  std::string cue = "<span class=\"m-cue\">" + Escape(internal::OneLine(SpanText(doc.text(), a.cue))) + "</span>";
  const std::string entry = internal::EntryId(analyzer, a.cue_entry);
  if (!entry.empty()) cue += " <code>" + Escape(entry) + "</code>";
  if (!a.verb_class.empty()) cue += " <span class=\"kind\">" + Escape(a.verb_class) + "</span>";
  out += Fact("Cue", cue);
  if (a.quote != QuoteKind::kNone) out += Fact("Quote", a.quote == QuoteKind::kDirect ? "direct" : "partial");
  std::string notes;
  if (a.mental) notes += "a belief or intention, not a source; ";
  if (a.hedged_verb) notes += "the verb is hedged as hearsay; ";
  if (a.inherited) notes += "attributed in another sentence; ";
  if (!notes.empty()) out += Fact("Note", Escape(notes.substr(0, notes.size() - 2)));
  out += "</dl>";
  return out;
}

std::string ClaimCard(const Analyzer& analyzer, const Report& report, size_t d, size_t i) {
  const Document& doc = *report.document;
  const Claim& c = report.claims[i];
  const LineColumn at = doc.Locate(c.span.begin);
  std::string out = "<article class=\"card claim-card " + TierClass(c) + "\" id=\"" + CardId(d, i + 1) +
                    "\" data-claim=\"" + std::to_string(i + 1) + "\" data-tier=\"" + TierName(c.tier) + "\">";
  out += "<header><span class=\"badge t-" + std::string(TierName(c.tier)) + "\">" + internal::TierLabel(c.tier) +
         "</span><span class=\"score\">" + std::to_string(c.score) + "<small>/100</small></span>";
  if (c.suppressed) out += "<span class=\"badge muted\" title=\"checked by an editor\">suppressed</span>";
  out += "<a class=\"loc\" href=\"#" + ClaimId(d, i + 1) + "\">claim " + std::to_string(i + 1) + " · " +
         Escape(doc.path()) + ":" + std::to_string(at.line) + ":" + std::to_string(at.column) + "</a></header>";
  out += "<blockquote>" + MarkedText(internal::MarkClaim(c, doc.text()), doc.text(), c.span.begin, c.span.end) +
         "</blockquote>";
  for (size_t k = 0; k < c.attributions.size(); ++k) {
    if (k == 1) out += "<p class=\"also\">Also in this claim</p>";
    out += AttributionDetails(analyzer, doc, c.attributions[k]);
  }
  if (!c.hedges.empty()) {
    out += "<dl class=\"attr\"><dt>Hedges</dt><dd>";
    for (size_t k = 0; k < c.hedges.size(); ++k) {
      const HedgeHit& h = c.hedges[k];
      out += k ? "<br>" : "";
      out += "<span class=\"m-hedge\">" + Escape(internal::OneLine(SpanText(doc.text(), h.span))) + "</span> <code>" +
             Escape(internal::EntryId(analyzer, h.entry)) + "</code>";
      if (h.quoted) out += " <span class=\"kind\">the speaker&#39;s</span>";
    }
    out += "</dd></dl>";
  }
  if (!c.reasons.empty()) {
    out += "<ul class=\"reasons\">";
    for (const std::string& r : c.reasons) out += "<li>" + Escape(r) + "</li>";
    out += "</ul>";
  }
  if (!c.advice.empty()) out += "<p class=\"advice\"><strong>Advice</strong> " + Escape(c.advice) + "</p>";
  out += "</article>\n";
  return out;
}

std::string RenderDocument(const Analyzer& analyzer, const Report& report, size_t d) {
  const Document& doc = *report.document;
  const Summary& s = report.summary;
  const int total = static_cast<int>(report.claims.size());
  const int suppressed = internal::CountSuppressed(report);
  std::string out = "<section class=\"doc\" id=\"d" + std::to_string(d) + "\" data-doc=\"" + std::to_string(d) +
                    "\" data-claims=\"" + std::to_string(total) + "\">\n";
  out += "<div class=\"doc-head\"><h1>" + Escape(doc.path()) + "</h1><p class=\"meta\">" + FormatLabel(doc.format()) +
         " · " + WithThousands(doc.original().size()) + " bytes · " + std::to_string(s.words) + " words · " +
         internal::Plural(total, "claim", "claims") +
         (suppressed ? " · " + std::to_string(suppressed) + " suppressed" : "") + "</p></div>\n";

  // The summary: score, tiers, figures.
  out += "<div class=\"overview\">";
  out += "<div class=\"card score-card\">" + ScoreRing(s.score) +
         "<div><div class=\"score-title\">Sourcing score</div><div class=\"score-note\">out of 100: the attributed "
         "claims&#39; mean score, less up to 20 points for unattributed ones</div></div></div>";
  out += "<div class=\"card\"><h2 class=\"card-title\">Claims by tier</h2>" + TierChart(s) + "</div>";
  std::string outlets;
  for (const auto& [name, n] : s.outlets)
    outlets += (outlets.empty() ? "" : "<br>") + Escape(name) + " <span class=\"kind\">" +
               internal::Plural(n, "claim", "claims") + "</span>";
  out += "<div class=\"card\"><h2 class=\"card-title\">At a glance</h2><dl class=\"facts\">" +
         Fact("Attributed", internal::Percent(s.attributed_share) + " of claims") +
         Fact("Anonymous", internal::Percent(s.anonymous_share) + " of attributed claims") +
         Fact("Sources", std::to_string(s.named_sources) + " named, " + std::to_string(s.unnamed_sources) + " unnamed") +
         Fact("Outlets", outlets.empty() ? "none" : outlets) +
         Fact("Hedges", std::to_string(s.hedges) + " <span class=\"kind\">" + internal::OneDecimal(s.hedges_per_100_words) +
                            " per 100 words</span>") +
         "</dl></div>";
  out += "</div>\n";
  if (!s.flags.empty()) {
    out += "<div class=\"flags\">";
    for (const auto& [id, message] : s.flags)
      out += "<div class=\"flag\"><span class=\"flag-icon\" aria-hidden=\"true\">!</span><span>" + Escape(message) +
             "</span><code>" + Escape(id) + "</code></div>";
    out += "</div>\n";
  }

  // The draft beside the detail panel.
  out += "<div class=\"workspace\"><article class=\"card draft\" aria-label=\"Draft\">\n" + RenderDraft(report, d) +
         "</article>\n<aside class=\"panel\"><div class=\"card panel-card\"><p class=\"panel-hint\">Point at or select a "
         "claim in the draft to see its sourcing.</p><div class=\"panel-body\"></div></div>"
         "<div class=\"card legend\"><h2 class=\"card-title\">Key</h2><ul>"
         "<li><span class=\"swatch t-strong\"></span>strong</li><li><span class=\"swatch t-moderate\"></span>moderate</li>"
         "<li><span class=\"swatch t-weak\"></span>weak</li><li><span class=\"swatch t-very_weak\"></span>very weak</li>"
         "<li><span class=\"swatch t-unattributed\"></span>unattributed</li></ul><ul>"
         "<li><span class=\"m-source\">source</span></li><li><span class=\"m-cue\">attribution</span></li>"
         "<li><span class=\"m-hedge\">hedge</span></li><li><span class=\"m-via\">relayed via</span></li></ul></div>"
         "</aside></div>\n";

  if (!report.sources.empty()) {
    out += "<section class=\"card sources\"><h2 class=\"card-title\">Sources <span class=\"count\">" + std::to_string(report.sources.size()) +
           "</span></h2><table><thead><tr><th>Source</th><th>Kind</th><th>Claims</th></tr></thead><tbody>";
    for (const SourceSummary& src : report.sources) {
      out += "<tr><td>" + Escape(src.name) + "</td><td><span class=\"kind-pill k-" + SourceKindName(src.kind) + "\">" +
             internal::KindLabel(src.kind) + "</span></td><td>";
      for (size_t k = 0; k < src.claims.size(); ++k) {
        if (k) out += ' ';
        out += "<a href=\"#" + ClaimId(d, src.claims[k]) + "\">" + std::to_string(src.claims[k]) + "</a>";
      }
      out += "</td></tr>";
    }
    out += "</tbody></table></section>\n";
  }
  out += "<section class=\"claims\"><h2 class=\"card-title\">Claims <span class=\"count\">" + std::to_string(total) + "</span></h2>\n";
  for (size_t i = 0; i < report.claims.size(); ++i) out += ClaimCard(analyzer, report, d, i);
  out += "</section>\n</section>\n";
  return out;
}

constexpr std::string_view kStyle = R"css(
:root{--ink:#1f2430;--muted:#5f6675;--line:#e3e6eb;--bg:#f5f6f8;--card:#fff;
--strong:#1b7f3b;--moderate:#1f6fb2;--weak:#b7791f;--very_weak:#c0392b;--unattributed:#6b7280}
*{box-sizing:border-box}
[hidden]{display:none!important}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--ink);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
code{font:12px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,"DejaVu Sans Mono",monospace;background:#f1f3f6;border-radius:4px;padding:1px 5px;color:#374151}
a{color:inherit}
.top{background:#151a23;color:#fff;padding:12px 28px;display:flex;align-items:center;gap:24px;flex-wrap:wrap;position:sticky;top:0;z-index:5;box-shadow:0 1px 0 rgba(0,0,0,.2)}
.brand{font-weight:700;letter-spacing:.02em;display:flex;align-items:center;gap:10px}
.brand svg{display:block}
.top .title{color:#aeb6c4}
.filters{margin-left:auto;display:flex;gap:14px;flex-wrap:wrap;font-size:13px;align-items:center}
.filters label{display:flex;align-items:center;gap:6px;cursor:pointer;color:#d7dce5}
.filters input{accent-color:#8ab4f8;margin:0}
.filters .dot{width:10px;height:10px;border-radius:50%;display:inline-block}
main{max-width:1240px;margin:0 auto;padding:8px 28px 40px}
.doc{padding-top:20px}
.doc+.doc{border-top:2px solid var(--line);margin-top:32px}
.doc-head h1{font-size:22px;margin:0;font-weight:650;word-break:break-all}
.doc-head .meta{margin:2px 0 16px;color:var(--muted);font-size:13px}
.card{background:var(--card);border:1px solid var(--line);border-radius:10px;box-shadow:0 1px 2px rgba(16,24,40,.04)}
.card-title{font-size:12px;text-transform:uppercase;letter-spacing:.08em;color:var(--muted);margin:0 0 10px;font-weight:650}
.overview{display:grid;grid-template-columns:minmax(250px,1fr) minmax(330px,1.2fr) minmax(280px,1.2fr);gap:16px}
.overview>.card{padding:16px 18px}
.score-card{display:flex;align-items:center;gap:16px}
.ring{flex:none}
.ring-score{font:700 28px system-ui,sans-serif;fill:var(--ink)}
.score-title{font-weight:650;font-size:16px}
.score-note{color:var(--muted);font-size:12.5px;margin-top:4px}
.chart{width:100%;max-width:340px;height:auto;display:block}
.chart-label{font:13px system-ui,sans-serif;fill:#374151}
.chart-count{font:600 13px system-ui,sans-serif;fill:var(--ink)}
dl.facts{display:grid;grid-template-columns:auto 1fr;gap:4px 14px;margin:0;font-size:14px}
dl.facts dt{color:var(--muted)}
dl.facts dd{margin:0;font-weight:550}
.kind{color:var(--muted);font-size:12.5px;font-weight:400}
.flags{margin-top:14px;display:grid;gap:8px}
.flag{display:flex;align-items:center;gap:10px;background:#fff8e6;border:1px solid #f3d48a;color:#6b4b05;border-radius:8px;padding:8px 12px;font-size:14px}
.flag code{margin-left:auto;background:#fdecc1;color:#6b4b05}
.flag-icon{flex:none;width:20px;height:20px;border-radius:50%;background:#e0a526;color:#fff;font-weight:700;display:grid;place-items:center;font-size:13px}
.workspace{display:grid;grid-template-columns:minmax(0,1fr) 360px;gap:16px;margin-top:16px;align-items:start}
.draft{padding:22px 30px;font:17px/1.75 Charter,"Bitstream Charter","Sitka Text",Cambria,Georgia,"DejaVu Serif",serif}
.draft .para{margin:0 0 1em}
.draft .heading{font:700 24px/1.3 Charter,Georgia,"DejaVu Serif",serif;margin:.2em 0 .8em}
.claim{text-decoration:none;border-radius:3px;padding:1px 0;box-decoration-break:clone;-webkit-box-decoration-break:clone;transition:background-color .15s,box-shadow .15s;cursor:pointer}
.claim.t-strong{background:#e3f3e7}.claim.t-moderate{background:#e1edf9}.claim.t-weak{background:#fcefcf}
.claim.t-very_weak{background:#f9dcd8}.claim.t-unattributed{background:#eceef2}
.claim:hover,.claim:focus{outline:none;box-shadow:0 0 0 2px rgba(31,36,48,.25)}
.claim.selected{box-shadow:0 0 0 2px rgba(31,36,48,.6)}
.claim.suppressed{background:none;outline:1px dashed #9aa1ad;outline-offset:1px;color:#555c69}
body.hide-strong .claim.t-strong,body.hide-moderate .claim.t-moderate,body.hide-weak .claim.t-weak,
body.hide-very_weak .claim.t-very_weak,body.hide-unattributed .claim.t-unattributed,body.hide-suppressed .claim.suppressed{background:none;outline:none}
body.hide-strong .claim-card.t-strong,body.hide-moderate .claim-card.t-moderate,body.hide-weak .claim-card.t-weak,
body.hide-very_weak .claim-card.t-very_weak,body.hide-unattributed .claim-card.t-unattributed,body.hide-suppressed .claim-card.suppressed{display:none}
.m-source{text-decoration:underline;text-decoration-thickness:2px;text-underline-offset:3px;font-weight:600}
.m-cue{text-decoration:underline dotted;text-decoration-thickness:2px;text-underline-offset:3px;text-decoration-color:#0e7490}
.m-hedge{text-decoration:underline wavy;text-decoration-thickness:1.5px;text-underline-offset:3px;text-decoration-color:#c2410c}
.m-via{text-decoration:underline dashed;text-decoration-thickness:1.5px;text-underline-offset:3px;text-decoration-color:#4f46e5}
.panel{position:sticky;top:72px;display:grid;gap:12px;min-width:0}
.draft,.claim-card,.sources td{overflow-wrap:anywhere}
.panel-card{padding:0;overflow:hidden}
.panel-hint{margin:0;padding:18px;color:var(--muted);font-size:14px}
.panel-body .claim-card{border:0;box-shadow:none;margin:0}
.legend{padding:14px 16px}
.legend ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:6px 14px;font-size:13px}
.legend ul+ul{margin-top:10px}
.swatch{display:inline-block;width:12px;height:12px;border-radius:3px;margin-right:6px;vertical-align:-1px}
.swatch.t-strong,.filters .t-strong{background:var(--strong)}.swatch.t-moderate,.filters .t-moderate{background:var(--moderate)}
.swatch.t-weak,.filters .t-weak{background:var(--weak)}.swatch.t-very_weak,.filters .t-very_weak{background:var(--very_weak)}
.swatch.t-unattributed,.filters .t-unattributed{background:var(--unattributed)}
.filters .suppressed{background:none;border:1px dashed #aeb6c4}
.badge{display:inline-block;font-size:12px;font-weight:650;letter-spacing:.02em;color:#fff;border-radius:999px;padding:2px 10px;background:var(--unattributed)}
.badge.t-strong{background:var(--strong)}.badge.t-moderate{background:var(--moderate)}.badge.t-weak{background:var(--weak)}
.badge.t-very_weak{background:var(--very_weak)}.badge.t-unattributed{background:var(--unattributed)}
.badge.muted{background:#eceef2;color:#4b5261;border:1px dashed #9aa1ad}
.claims{margin-top:24px}
.count{display:inline-block;background:#e6e9ee;color:#374151;border-radius:999px;padding:0 8px;margin-left:4px;letter-spacing:0}
.claims{display:grid;gap:12px}
.claim-card{padding:14px 18px;border-left:4px solid var(--unattributed)}
.claim-card.t-strong{border-left-color:var(--strong)}.claim-card.t-moderate{border-left-color:var(--moderate)}
.claim-card.t-weak{border-left-color:var(--weak)}.claim-card.t-very_weak{border-left-color:var(--very_weak)}
.claim-card.suppressed{opacity:.75}
.claim-card header{display:flex;align-items:center;gap:10px;flex-wrap:wrap}
.claim-card .score{font-weight:700;font-size:18px}
.claim-card .score small{font-weight:400;color:var(--muted);font-size:12px}
.claim-card .loc{margin-left:auto;color:var(--muted);font-size:12.5px;text-decoration:none}
.claim-card .loc:hover{text-decoration:underline}
.claim-card blockquote{margin:10px 0;padding:2px 0 2px 12px;border-left:3px solid var(--line);font:15.5px/1.6 Charter,Georgia,"DejaVu Serif",serif;color:#2b3140}
dl.attr{display:grid;grid-template-columns:76px 1fr;gap:3px 10px;margin:8px 0;font-size:13.5px}
dl.attr dt{color:var(--muted)}
dl.attr dd{margin:0}
.also{margin:10px 0 0;font-size:12px;text-transform:uppercase;letter-spacing:.06em;color:var(--muted)}
ul.reasons{margin:8px 0;padding-left:18px;font-size:13.5px}
ul.reasons li{margin:1px 0}
.advice{margin:8px 0 0;background:#f3f6fb;border-radius:6px;padding:8px 10px;font-size:13.5px}
.advice strong{display:block;font-size:11px;text-transform:uppercase;letter-spacing:.08em;color:var(--muted)}
.sources{margin-top:24px;padding:16px 18px}
.sources table{width:100%;border-collapse:collapse;font-size:14px}
.sources th{text-align:left;font-weight:600;color:var(--muted);font-size:12.5px;border-bottom:1px solid var(--line);padding:6px 8px}
.sources td{border-bottom:1px solid #f0f1f4;padding:7px 8px;vertical-align:top}
.sources td a{display:inline-block;min-width:22px;text-align:center;background:#eef1f5;border-radius:4px;text-decoration:none;font-size:12.5px;margin-right:2px}
.kind-pill{font-size:12.5px;border-radius:999px;padding:1px 8px;background:#eef1f5;color:#374151}
.kind-pill.k-named_person,.kind-pill.k-document{background:#e3f3e7;color:#14532d}
.kind-pill.k-organization{background:#e1edf9;color:#1e3a5f}
.kind-pill.k-outlet,.kind-pill.k-anonymous_described{background:#fcefcf;color:#6b4b05}
.kind-pill.k-anonymous_bare,.kind-pill.k-vague{background:#f9dcd8;color:#7f1d1d}
.script-errors{margin:16px 28px;padding:12px 16px;border:1px solid #f5b5ad;background:#fdecea;border-radius:8px;color:#7f1d1d}
footer{color:var(--muted);font-size:12.5px;text-align:center;padding:8px 0 28px}
@media (max-width:1000px){.overview{grid-template-columns:1fr}.workspace{grid-template-columns:1fr}.panel{position:static}}
@media print{.top{position:static}.panel,.filters{display:none}.workspace{grid-template-columns:1fr}.claim-card{break-inside:avoid}}
)css";

constexpr std::string_view kScript = R"js(
(function () {
  "use strict";
  var body = document.body;
  var errors = 0;
  function fail(message) {
    errors += 1;
    body.setAttribute("data-script-errors", String(errors));
    var box = document.getElementById("script-errors");
    if (box) {
      box.hidden = false;
      var item = document.createElement("li");
      item.textContent = String(message);
      box.querySelector("ul").appendChild(item);
    }
  }
  window.addEventListener("error", function (event) { fail(event.message); });
  try {
    // What the page rendered: each claim once, though it may be cut by a
    // paragraph break.
    var seen = {};
    var rendered = 0;
    var marked = document.querySelectorAll(".draft .claim");
    for (var i = 0; i < marked.length; i++) {
      var key = marked[i].getAttribute("data-doc") + ":" + marked[i].getAttribute("data-claim");
      if (!seen[key]) {
        seen[key] = true;
        rendered += 1;
      }
    }
    body.setAttribute("data-claims-rendered", String(rendered));

    // Tier filters.
    var boxes = document.querySelectorAll(".filters input[data-tier]");
    function shown(claim) {
      var tier = claim.getAttribute("data-tier");
      if (body.classList.contains("hide-" + tier)) return false;
      return !(claim.classList.contains("suppressed") && body.classList.contains("hide-suppressed"));
    }
    function applyFilters() {
      for (var k = 0; k < boxes.length; k++)
        body.classList.toggle("hide-" + boxes[k].getAttribute("data-tier"), !boxes[k].checked);
    }
    for (var b = 0; b < boxes.length; b++) boxes[b].addEventListener("change", applyFilters);
    applyFilters();
    var filters = document.querySelector(".filters");
    if (filters) filters.hidden = false;

    // The detail panel of each document: the hovered claim, else the
    // selected one.
    var docs = document.querySelectorAll(".doc");
    Array.prototype.forEach.call(docs, function (doc) {
      var body_ = doc.querySelector(".panel-body");
      var hint = doc.querySelector(".panel-hint");
      var selected = null;
      function show(claim) {
        var card = claim && document.getElementById(claim.getAttribute("data-card"));
        while (body_.firstChild) body_.removeChild(body_.firstChild);
        if (!card) {
          hint.hidden = false;
          return;
        }
        var copy = card.cloneNode(true);
        copy.removeAttribute("id");
        body_.appendChild(copy);
        hint.hidden = true;
      }
      function select(claim) {
        if (selected) selected.classList.remove("selected");
        selected = claim;
        if (claim) claim.classList.add("selected");
        show(claim);
      }
      function claimOf(target) {
        return target && target.closest ? target.closest(".draft .claim") : null;
      }
      doc.addEventListener("mouseover", function (event) {
        var claim = claimOf(event.target);
        if (claim) show(claim);
      });
      doc.addEventListener("mouseout", function (event) {
        if (claimOf(event.target) && !claimOf(event.relatedTarget)) show(selected);
      });
      doc.addEventListener("focusin", function (event) {
        var claim = claimOf(event.target);
        if (claim) select(claim);
      });
      doc.addEventListener("click", function (event) {
        var claim = claimOf(event.target);
        if (!claim) return;
        event.preventDefault();
        select(claim);
      });
      // Start on the first claim the filters show, so the panel is never
      // empty when there is something to say.
      var claims = doc.querySelectorAll(".draft .claim");
      for (var c = 0; c < claims.length; c++) {
        if (shown(claims[c])) {
          select(claims[c]);
          break;
        }
      }
    });
  } catch (error) {
    fail(error && error.message ? error.message : error);
  }
  body.setAttribute("data-script-errors", String(errors));
})();
)js";

}  // namespace

std::string RenderHtml(const Analyzer& analyzer, const std::vector<const Report*>& reports,
                       const RenderOptions& options) {
  size_t total = 0;
  for (const Report* r : reports) total += r->claims.size();
  std::string title = "Sourcing report";
  if (reports.size() == 1) title += ": " + reports.front()->document->path();
  else title += ": " + std::to_string(reports.size()) + " drafts";

  std::string out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                    "<meta name=\"generator\" content=\"sourcecheck\">\n<title>" +
                    Escape(title) + "</title>\n<style>" + std::string(kStyle) + "</style>\n</head>\n";
  out += "<body data-claims=\"" + std::to_string(total) + "\">\n";
  out += "<header class=\"top\"><div class=\"brand\"><svg width=\"22\" height=\"22\" viewBox=\"0 0 24 24\" "
         "aria-hidden=\"true\"><rect x=\"2\" y=\"3\" width=\"20\" height=\"18\" rx=\"3\" fill=\"#2b3445\"/>"
         "<rect x=\"5\" y=\"7\" width=\"9\" height=\"2.4\" rx=\"1.2\" fill=\"#1b7f3b\"/>"
         "<rect x=\"5\" y=\"11\" width=\"14\" height=\"2.4\" rx=\"1.2\" fill=\"#b7791f\"/>"
         "<rect x=\"5\" y=\"15\" width=\"6\" height=\"2.4\" rx=\"1.2\" fill=\"#c0392b\"/></svg>sourcecheck</div>"
         "<div class=\"title\">Sourcing report</div><div class=\"filters\" hidden>";
  for (int t = 0; t < kTierCount; ++t) {
    const auto tier = static_cast<Tier>(t);
    out += std::string("<label><input type=\"checkbox\" data-tier=\"") + TierName(tier) + "\"" +
           (AtOrBelow(tier, options.min_tier) ? " checked" : "") + "><span class=\"dot t-" + TierName(tier) +
           "\"></span>" + internal::TierLabel(tier) + "</label>";
  }
  out += "<label><input type=\"checkbox\" data-tier=\"suppressed\"><span class=\"dot suppressed\"></span>suppressed"
         "</label></div></header>\n";
  out += "<div id=\"script-errors\" class=\"script-errors\" hidden><strong>The page&#39;s script failed:</strong><ul>"
         "</ul></div>\n<main>\n";
  for (size_t d = 0; d < reports.size(); ++d) out += RenderDocument(analyzer, *reports[d], d + 1);
  if (reports.empty()) out += "<p>No drafts.</p>\n";
  out += "</main>\n<footer>Made by sourcecheck. The page is self-contained: it loads nothing.</footer>\n<script>" +
         std::string(kScript) + "</script>\n</body>\n</html>\n";
  return out;
}

}  // namespace sourcecheck
