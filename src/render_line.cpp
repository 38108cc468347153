// Line diagnostics: the form compilers print, so editors read it unaided.
#include "render_common.hpp"

namespace sourcecheck {

std::string RenderLine(const Analyzer& analyzer, const Report& report, const RenderOptions& options) {
  const Document& doc = *report.document;
  std::string out;
  // Flags concern the whole story: they stand at its first line.
  for (const auto& [id, message] : report.summary.flags)
    out += doc.path() + ":1:1: warning: " + internal::OneLine(message) + " [" + id + "]\n";
  for (size_t i = 0; i < report.claims.size(); ++i) {
    const Claim& c = report.claims[i];
    if (!IsListed(c, options)) continue;
    const LineColumn at = doc.Locate(c.span.begin);
    std::string message = std::string(TierName(c.tier)) + " (" + std::to_string(c.score) + "): ";
    for (size_t r = 0; r < c.reasons.size(); ++r) message += (r ? "; " : "") + c.reasons[r];
    if (c.reasons.empty()) message += "claim " + std::to_string(i + 1);
    message += ".";
    if (!c.advice.empty()) message += " " + c.advice;
    const std::string entry = internal::RatingEntry(analyzer, report, c);
    out += doc.path() + ":" + std::to_string(at.line) + ":" + std::to_string(at.column) + ": " +
           SeverityName(ClaimSeverity(c, options)) + ": " + internal::OneLine(message) +
           (entry.empty() ? "" : " [" + entry + "]") + "\n";
  }
  return out;
}

}  // namespace sourcecheck
