// Reports: what the analysis found in one document, and its JSON form.
//
// A document goes through the pipeline (text engine, attribution, scoring)
// in sections (SectionReader). Order of use: either BuildReport(), which
// joins the sections into one Report, then ApplySuppressions() and a
// renderer; or StreamJson(), which writes the JSON report section by
// section, suppressions applied, holding one section at a time. Both give
// the same bytes. The renderers only format a Report: they add no judgment
// of their own, and their output is byte-stable (same input, same bytes,
// whatever the thread).
//
// Thread safety: the functions are pure and a Report is a plain value; a
// SectionReader or a SourcesBuilder belongs to one thread.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
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

// Long documents are analysed in sections of about kSectionBytes of text
// that end at a paragraph break (or, where a stretch of that length has
// none, at a line break, else at a space, else anywhere between
// characters). Each section is analysed on its own, so the memory held
// stays that of one section whatever the document's length, and nothing
// reaches across a section's start: a pronoun, an outlet's short name or a
// quotation continued there does not resolve to the section before. No
// news article comes near this length; concatenated dumps do.
inline constexpr uint32_t kSectionBytes = 256u << 10;  // 256 KiB

// The sections of `text`, in order, covering it whole (none when empty).
std::vector<Span> Sections(std::string_view text, uint32_t section_bytes = kSectionBytes);

// Runs the pipeline (text engine, attribution, scoring) over a document one
// section at a time. Not thread-safe; the Analyzer and Document must
// outlive it.
class SectionReader {
 public:
  SectionReader(const Analyzer& analyzer, const Document& document, uint32_t section_bytes = kSectionBytes);

  // Analyses the next section: true when there was one, false at the end.
  // An error when the deadline passes.
  Result<bool> Next(const Deadline& deadline = Deadline());

  // The current section's analysis and scored claims (which a caller may
  // change or move from), and the 1-based id of claims()[0].
  Analysis& analysis() { return analysis_; }
  std::vector<Claim>& claims() { return claims_; }
  uint32_t first_id() const { return first_id_; }

 private:
  const Analyzer* analyzer_;
  const Document* document_;
  std::vector<Span> sections_;
  size_t next_ = 0;
  uint32_t first_id_ = 1;
  uint32_t made_ = 0;  // claims the current section made
  Analysis analysis_;
  std::vector<Claim> claims_;
};

// Gathers the distinct sources of a document's claims, section by section.
class SourcesBuilder {
 public:
  // `claims` in text order, the first with id `first_id`.
  void Add(const Document& document, const std::vector<Claim>& claims, uint32_t first_id);
  std::vector<SourceSummary> Finish();

 private:
  // The sources by name, in a table of open addressing (compact, with no
  // allocation per name, for a document with a hundred thousand sources):
  // each slot holds a name's hash and 1 + the index in sources_ of the first
  // source of that name (0: an empty slot). Sources of the same name but
  // another kind follow from there through next_kind_.
  struct Slot {
    uint32_t hash = 0;
    uint32_t source = 0;
  };
  void Grow();

  std::vector<SourceSummary> sources_;
  std::vector<Slot> slots_;          // a power of two of them, at most half used
  std::vector<uint32_t> next_kind_;  // per source: 1 + index of the next of its name, or 0
};

// Analyses `document` (which must outlive the returned Report). A document
// of several sections gets one Report: their analyses and claims are joined
// (token and sentence indices count from the document's start).
Report BuildReport(const Analyzer& analyzer, const Document& document);
// The same under a time limit (see Deadline): an error when the deadline
// passes, checked between the stages and inside the text engine's.
Result<Report> BuildReport(const Analyzer& analyzer, const Document& document, const Deadline& deadline,
                           uint32_t section_bytes = kSectionBytes);

// What StreamJson() tells its caller besides the JSON.
struct StreamedReport {
  size_t claims = 0;
  int unsuppressed_by_tier[kTierCount] = {};    // claims not suppressed, by tier
  std::vector<Diagnostic> unused_suppressions;  // as ApplySuppressions() returns them
};

// Analyses `document` section by section and writes its JSON report to
// `sink` as it goes, suppressions applied: the same bytes as WriteJson()
// of BuildReport() and ApplySuppressions(), but what is held in memory is
// one section's analysis, not the document's. An error when the deadline
// passes (the JSON written so far is then incomplete).
Result<StreamedReport> StreamJson(const Analyzer& analyzer, const Document& document,
                                  const std::function<void(std::string_view)>& sink,
                                  const Deadline& deadline = Deadline(), uint32_t section_bytes = kSectionBytes);

// The JSON report, schema "sourcecheck.report/1" (docs/report-format.md):
// one claim and one source a line, a final newline, written to `sink`
// piece by piece as it is made (never whole in memory).
void WriteJson(const Analyzer& analyzer, const Report& report,
               const std::function<void(std::string_view)>& sink);
// The same as one string.
std::string RenderJson(const Analyzer& analyzer, const Report& report);

}  // namespace sourcecheck
