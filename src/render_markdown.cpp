// The Markdown report: to paste into a review or a pull request.
#include "render_common.hpp"

namespace sourcecheck {

namespace {

using internal::Mark;

// Escapes text so GitHub Flavored Markdown shows it as written, inside a
// table cell too: every character that can start or end markup is
// backslash-escaped (CommonMark allows it before any ASCII punctuation),
// and line breaks become spaces. Spaces at either end are kept: the
// caller trims (OneLine) where it means to.
std::string Escape(std::string_view line) {
  std::string out;
  out.reserve(line.size() + 8);
  for (size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    switch (c) {
      case '\n': case '\r': case '\t':
        out += ' ';
        break;
      case '\\': case '`': case '*': case '_': case '[': case ']': case '<': case '>':
      case '|': case '~': case '&': case '#': case '!': case '{': case '}':
        out += '\\';
        out += c;
        break;
      case '+': case '-': case '=':
        // Markers of lists and underlined headings, only where a line
        // could start.
        if (i == 0) out += '\\';
        out += c;
        break;
      case '.': case ')':
        // "1." or "1)" at the start would begin an ordered list.
        if (i > 0 && line.find_first_not_of("0123456789") == i) out += '\\';
        out += c;
        break;
      default:
        out += c;
    }
  }
  return out;
}

// Prose from the report (reasons, names) on one line, escaped.
std::string Prose(std::string_view text) { return Escape(internal::OneLine(text)); }

// The claim's text with its sources in bold and its cues and hedges in
// italics (`*`, which works inside words too).
std::string MarkedClaim(const Claim& claim, const std::string& text) {
  std::string out;
  for (const auto& [piece, mark] : internal::DisplayPieces(claim, text)) {
    const std::string escaped = Escape(piece);
    switch (mark) {
      case Mark::kSource: out += "**" + escaped + "**"; break;
      case Mark::kCue:
      case Mark::kHedge:
      case Mark::kVia: out += "*" + escaped + "*"; break;
      case Mark::kNone: out += escaped; break;
    }
  }
  return out;
}

}  // namespace

std::string RenderMarkdown(const Analyzer& analyzer, const Report& report, const RenderOptions& options) {
  (void)analyzer;
  const Document& doc = *report.document;
  const Summary& s = report.summary;
  const int total = static_cast<int>(report.claims.size());
  const int suppressed = internal::CountSuppressed(report);
  std::string out;
  out += "## Sourcing report: " + Prose(doc.path()) + "\n\n";
  out += "**Sourcing score " + std::to_string(s.score) + "/100** · " + internal::Plural(total, "claim", "claims");
  if (suppressed) out += " (" + std::to_string(suppressed) + " suppressed)";
  out += " · " + internal::Percent(s.attributed_share) + " attributed · anonymous sources " +
         internal::Percent(s.anonymous_share) + " of attributed claims · " + std::to_string(s.named_sources) +
         " named and " + std::to_string(s.unnamed_sources) + " unnamed sources · " +
         internal::Plural(s.hedges, "hedge", "hedges") + " (" + internal::OneDecimal(s.hedges_per_100_words) +
         " per 100 words)\n\n";

  out += "| Tier | Claims |\n|---|---:|\n";
  for (int t = 0; t < kTierCount; ++t)
    out += "| " + internal::TierLabel(static_cast<Tier>(t)) + " | " + std::to_string(s.claims_by_tier[t]) + " |\n";
  out += "\n";

  if (!s.outlets.empty()) {
    out += "**Outlets relied on:** ";
    for (size_t i = 0; i < s.outlets.size(); ++i)
      out += (i ? ", " : "") + Prose(s.outlets[i].first) + " (" +
             internal::Plural(s.outlets[i].second, "claim", "claims") + ")";
    out += "\n\n";
  }
  if (!s.flags.empty()) {
    out += "**Warnings:**\n\n";
    for (const auto& [id, message] : s.flags) out += "- " + Prose(message) + " (`" + id + "`)\n";
    out += "\n";
  }
  if (options.fail_on) {
    const int failing = CountAtOrBelow(report, *options.fail_on);
    out += std::string("**--fail-on ") + TierName(*options.fail_on) + ":** " +
           (failing ? internal::Plural(failing, "claim", "claims") + " at or below it" : "no claim at or below it") +
           "\n\n";
  }

  const int listed = internal::CountListed(report, options);
  out += "### Claims " + internal::ListedPhrase(options.min_tier) + " (" + std::to_string(listed) + ")\n\n";
  if (listed == 0) {
    out += "None.\n";
  } else {
    out += "| # | Line | Tier | Claim | Why | Advice |\n|---:|---|---|---|---|---|\n";
    for (size_t i = 0; i < report.claims.size(); ++i) {
      const Claim& c = report.claims[i];
      if (!IsListed(c, options)) continue;
      const LineColumn at = doc.Locate(c.span.begin);
      std::string why;
      for (size_t r = 0; r < c.reasons.size(); ++r) why += (r ? "<br>" : "") + Prose(c.reasons[r]);
      out += "| " + std::to_string(i + 1) + " | " + std::to_string(at.line) + ":" + std::to_string(at.column) +
             " | " + internal::TierLabel(c.tier) + " (" + std::to_string(c.score) + ") | " +
             MarkedClaim(c, doc.text()) + " | " + why + " | " + Prose(c.advice) + " |\n";
    }
    out += "\nIn the claims: **source**, *attribution, relay or hedge*.\n";
  }
  if (!report.sources.empty()) {
    out += "\n### Sources (" + std::to_string(report.sources.size()) + ")\n\n| Source | Kind | Claims |\n|---|---|---|\n";
    for (const SourceSummary& src : report.sources) {
      std::string ids;
      for (size_t i = 0; i < src.claims.size(); ++i) ids += (i ? ", " : "") + std::to_string(src.claims[i]);
      out += "| " + Prose(src.name) + " | " + internal::KindLabel(src.kind) + " | " + ids + " |\n";
    }
  }
  return out;
}

}  // namespace sourcecheck
