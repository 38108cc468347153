// Inline suppression: an editor's mark on a claim they have checked.
//
// A draft says "this claim is checked, stop reporting it" with a marker on
// the line before the claim:
//
//   Markdown, HTML   <!-- sourcecheck-disable-next-line -->
//   plain text       # sourcecheck-disable-next-line
//                    (a line of its own; the HTML comment form also works)
//
// Every claim that starts on the line after the marker (after the line the
// comment ends on) is suppressed: it stays in the report, marked, but is not
// listed and does not count for --fail-on. The Markdown and HTML readers
// drop comments from Document::text() and the plain-text reader blanks
// marker lines, so markers are found in Document::original().
//
// Order of use: BuildReport(), then ApplySuppressions(), then a renderer.
// Thread safety: pure functions.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "sourcecheck/document.hpp"
#include "sourcecheck/report.hpp"
#include "sourcecheck/status.hpp"

namespace sourcecheck {

inline constexpr std::string_view kDisableNextLine = "sourcecheck-disable-next-line";

// Whether kDisableNextLine occurs anywhere in `text`: one fast search
// (glibc's memmem), where std::string::find would stop at every 's'. Most
// documents have no marker, and this is all they cost.
bool HasSuppressionMarker(std::string_view text);

// True when a plain-text line (without its line break; a trailing CR is
// allowed) holds only a marker: "# sourcecheck-disable-next-line" or
// "<!-- sourcecheck-disable-next-line -->", with spaces around allowed.
bool IsSuppressionMarkerLine(std::string_view line);

// A marker in a document's original bytes.
struct SuppressionMarker {
  LineColumn at;      // where it starts (1-based)
  uint32_t end_line;  // the line it ends on; it suppresses claims starting on end_line + 1
};

// Every marker of `document`, in order: HTML comments whose content is
// exactly the marker word (spaces around it allowed) in Markdown and HTML;
// in plain text, lines that hold only "# sourcecheck-disable-next-line" or
// the comment form.
std::vector<SuppressionMarker> FindSuppressionMarkers(const Document& document);

// Applies a document's markers to its claims as they are made, section by
// section (report.hpp): Apply() each batch of claims, then Unused().
class Suppressor {
 public:
  explicit Suppressor(const Document& document);
  // Sets `suppressed` on each claim that starts on the line after a marker.
  void Apply(std::vector<Claim>* claims);
  // A warning for each marker that suppressed nothing so far (see below).
  std::vector<Diagnostic> Unused() const;

 private:
  const Document* document_;
  std::vector<SuppressionMarker> markers_;  // in order of end_line
  std::vector<bool> used_;
};

// Sets `suppressed` on every claim of `report` that starts on the line
// after a marker of report->document. Returns a warning for each marker
// that suppresses nothing (no claim starts on the next line), located at
// the marker, with its source line.
std::vector<Diagnostic> ApplySuppressions(Report* report);

}  // namespace sourcecheck
