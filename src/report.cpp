#include "sourcecheck/report.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>

namespace sourcecheck {

namespace {

using nlohmann::ordered_json;

std::string_view Slice(const std::string& text, Span s) {
  return std::string_view(text).substr(s.begin, s.end - s.begin);
}

// A span as JSON: original-file byte offsets and the text as written.
ordered_json SpanJson(const Document& doc, Span s) {
  ordered_json j;
  j["start"] = doc.ToOriginal(s.begin);
  j["end"] = doc.ToOriginalEnd(s.end);
  j["text"] = std::string(Slice(doc.text(), s));
  return j;
}

// Shares and rates with three decimals, so output is stable and readable.
double Round3(double v) { return std::round(v * 1000.0) / 1000.0; }

}  // namespace

Report BuildReport(const Analyzer& analyzer, const Document& document) {
  Report report;
  report.document = &document;
  analyzer.Analyze(document, &report.analysis);
  report.claims = Attribute(analyzer, document, report.analysis);
  Score(analyzer.scoring(), analyzer, document, report.analysis, &report.claims);
  report.summary = Summarize(analyzer, document, report.analysis, report.claims);
  // Distinct sources, in order of first appearance; a pronoun counts as the
  // person it refers to.
  for (uint32_t i = 0; i < report.claims.size(); ++i) {
    const Claim& c = report.claims[i];
    if (c.attributions.empty()) continue;
    const Attribution& a = c.attributions.front();
    if (a.mental || a.kind == SourceKind::kNone) continue;
    // A pronoun or an outlet's short form counts as what it refers to.
    const std::string name =
        a.refers_to.empty() ? std::string(Slice(document.text(), a.source)) : a.refers_to;
    auto it = std::find_if(report.sources.begin(), report.sources.end(),
                           [&](const SourceSummary& s) { return s.name == name && s.kind == a.kind; });
    if (it == report.sources.end()) {
      report.sources.push_back({name, a.kind, {}});
      it = report.sources.end() - 1;
    }
    it->claims.push_back(i + 1);
  }
  return report;
}

std::string RenderJson(const Analyzer& analyzer, const Report& report) {
  (void)analyzer;
  const Document& doc = *report.document;
  ordered_json root;
  root["schema"] = "sourcecheck.report/1";
  root["input"] = {{"path", doc.path()},
                   {"format", InputFormatName(doc.format())},
                   {"bytes", doc.original().size()}};
  ordered_json claims = ordered_json::array();
  for (size_t i = 0; i < report.claims.size(); ++i) {
    const Claim& c = report.claims[i];
    ordered_json jc;
    jc["id"] = i + 1;
    jc["start"] = doc.ToOriginal(c.span.begin);
    jc["end"] = doc.ToOriginalEnd(c.span.end);
    const LineColumn at = doc.Locate(c.span.begin);
    jc["line"] = at.line;
    jc["column"] = at.column;
    jc["text"] = std::string(Slice(doc.text(), c.span));
    ordered_json attributions = ordered_json::array();
    for (const Attribution& a : c.attributions) {
      ordered_json ja;
      ordered_json cue = SpanJson(doc, a.cue);
      cue["entry"] = a.cue_entry == kNoEntry ? ordered_json(nullptr)
                                             : ordered_json(analyzer.matcher().entry(a.cue_entry).id);
      ja["cue"] = cue;
      ja["source"] = a.source.empty() ? ordered_json(nullptr) : SpanJson(doc, a.source);
      ja["kind"] = SourceKindName(a.kind);
      ja["refers_to"] = a.refers_to.empty() ? ordered_json(nullptr) : ordered_json(a.refers_to);
      if (a.via.empty()) {
        ja["via"] = nullptr;
      } else {
        ordered_json via = SpanJson(doc, a.via);
        via["kind"] = "outlet";
        via["name"] = a.via_name;
        ja["via"] = via;
      }
      ja["quote"] = QuoteKindName(a.quote);
      ja["verb_class"] = a.verb_class;
      ja["mental"] = a.mental;
      ja["hedged_verb"] = a.hedged_verb;
      ja["inherited"] = a.inherited;
      attributions.push_back(std::move(ja));
    }
    jc["attributions"] = std::move(attributions);
    jc["hedged"] = std::any_of(c.hedges.begin(), c.hedges.end(),
                               [](const HedgeHit& h) { return !h.quoted; });
    ordered_json hedges = ordered_json::array();
    for (const HedgeHit& h : c.hedges) {
      ordered_json jh = SpanJson(doc, h.span);
      const Entry& e = analyzer.matcher().entry(h.entry);
      jh["entry"] = e.id;
      jh["category"] = e.category;
      jh["quoted"] = h.quoted;
      hedges.push_back(std::move(jh));
    }
    jc["hedges"] = std::move(hedges);
    jc["stacked_hedges"] = c.stacked_hedges;
    jc["score"] = c.score;
    jc["tier"] = TierName(c.tier);
    jc["reasons"] = c.reasons;
    jc["advice"] = c.advice.empty() ? ordered_json(nullptr) : ordered_json(c.advice);
    jc["suppressed"] = c.suppressed;
    claims.push_back(std::move(jc));
  }
  root["claims"] = std::move(claims);
  ordered_json sources = ordered_json::array();
  for (const SourceSummary& s : report.sources)
    sources.push_back({{"name", s.name}, {"kind", SourceKindName(s.kind)}, {"claims", s.claims}});
  root["sources"] = std::move(sources);
  const Summary& sm = report.summary;
  ordered_json summary;
  ordered_json tiers;
  for (int t = 0; t < kTierCount; ++t) tiers[TierName(static_cast<Tier>(t))] = sm.claims_by_tier[t];
  summary["claims"] = report.claims.size();
  summary["suppressed"] = std::count_if(report.claims.begin(), report.claims.end(),
                                        [](const Claim& c) { return c.suppressed; });
  summary["claims_by_tier"] = std::move(tiers);
  summary["attributed_share"] = Round3(sm.attributed_share);
  summary["anonymous_share"] = Round3(sm.anonymous_share);
  summary["named_sources"] = sm.named_sources;
  summary["unnamed_sources"] = sm.unnamed_sources;
  ordered_json outlets = ordered_json::array();
  for (const auto& [name, count] : sm.outlets) outlets.push_back({{"name", name}, {"claims", count}});
  summary["outlets"] = std::move(outlets);
  summary["words"] = sm.words;
  summary["hedges"] = sm.hedges;
  summary["hedges_per_100_words"] = Round3(sm.hedges_per_100_words);
  summary["score"] = sm.score;
  ordered_json flags = ordered_json::array();
  for (const auto& [id, message] : sm.flags) flags.push_back({{"id", id}, {"message", message}});
  summary["flags"] = std::move(flags);
  root["summary"] = std::move(summary);
  return root.dump(2) + "\n";
}

}  // namespace sourcecheck
