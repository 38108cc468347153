// Reports: what the analysis found in one document, and its JSON form.
//
// BuildReport() runs the whole pipeline on a Document (text engine,
// attribution) and gathers the claims and the distinct sources. The
// renderers only format a Report: they add no judgment of their own, and
// their output is byte-stable (same input, same bytes, whatever the thread).
//
// Thread safety: pure functions; a Report is a plain value.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "sourcecheck/analyzer.hpp"
#include "sourcecheck/attribution.hpp"
#include "sourcecheck/document.hpp"
#include "sourcecheck/scoring.hpp"

namespace sourcecheck {

// One distinct source of the document and the claims resting on it.
struct SourceSummary {
  std::string name;     // as first written, or the resolved name for pronouns
  SourceKind kind = SourceKind::kNone;
  std::vector<uint32_t> claims;  // 1-based claim ids
};

struct Report {
  const Document* document = nullptr;  // not owned; must outlive the Report
  Analysis analysis;
  std::vector<Claim> claims;
  std::vector<SourceSummary> sources;
  Summary summary;
};

// Analyses `document` (which must outlive the returned Report).
Report BuildReport(const Analyzer& analyzer, const Document& document);
// The same under a time limit (see Deadline): an error when the deadline
// passes, checked between the stages and inside the text engine's.
Result<Report> BuildReport(const Analyzer& analyzer, const Document& document, const Deadline& deadline);

// The JSON report, schema "sourcecheck.report/1" (docs/report-format.md),
// pretty-printed with two-space indentation and a final newline, written to
// `sink` piece by piece as it is made (never whole in memory).
void WriteJson(const Analyzer& analyzer, const Report& report,
               const std::function<void(std::string_view)>& sink);
// The same as one string.
std::string RenderJson(const Analyzer& analyzer, const Report& report);

}  // namespace sourcecheck
