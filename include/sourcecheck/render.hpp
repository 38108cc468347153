// Renderers: a Report in the forms an editor reads it.
//
// Five forms of the same Report (docs/reports.md):
//   text      the terminal report: the summary, then each listed claim with
//             its location, the sentence with its cues marked, the reasons
//             and the advice; ANSI colours on request, wrapped to a width
//   line      one compiler-style diagnostic a line
//             ("path:line:col: severity: message [entry]") for vim's
//             quickfix, Emacs compile mode and VS Code problem matchers
//   markdown  a summary and a table of claims, to paste into a review
//   html      one self-contained page (inline CSS, SVG and script, nothing
//             fetched): the draft with every claim highlighted by tier
//   json      RenderJson() in report.hpp (every claim, whatever the options)
//
// Which claims a report lists: those at or below RenderOptions::min_tier in
// the order strong > moderate > weak > very_weak > unattributed, and never a
// suppressed one (suppress.hpp). Renderers only format: no judgment, and
// the same Report and options give the same bytes.
//
// Order of use: BuildReport(), optionally ApplySuppressions(), then one of
// the Render functions. Thread safety: pure functions.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sourcecheck/analyzer.hpp"
#include "sourcecheck/claim.hpp"
#include "sourcecheck/report.hpp"
#include "sourcecheck/status.hpp"

namespace sourcecheck {

enum class ReportFormat { kText, kLine, kMarkdown, kHtml, kJson };
// "text", "line", "markdown", "html", "json".
const char* ReportFormatName(ReportFormat format);
// Parses one of the names above; false when unknown.
bool ParseReportFormat(std::string_view name, ReportFormat* format);

enum class ColorMode { kAuto, kAlways, kNever };
// "auto", "always", "never".
const char* ColorModeName(ColorMode mode);
// Parses one of the names above; false when unknown.
bool ParseColorMode(std::string_view name, ColorMode* mode);

// True when `tier` is `threshold` or weaker, in the order
// strong > moderate > weak > very_weak > unattributed.
inline bool AtOrBelow(Tier tier, Tier threshold) {
  return static_cast<int>(tier) >= static_cast<int>(threshold);
}

struct RenderOptions {
  // Claims at or below this tier are listed (text, line, markdown) or shown
  // at first (html, which marks up every claim and lets the reader filter).
  Tier min_tier = Tier::kModerate;
  // The --fail-on threshold, if any: claims at or below it are errors in
  // the line form and counted in the text summary.
  std::optional<Tier> fail_on;
  bool color = false;  // text: ANSI colours and styles
  int width = 80;      // text: wrap to this many columns (at least 40 are used)
};

// True when `claim` is listed under `options`: not suppressed, at or below
// min_tier.
bool IsListed(const Claim& claim, const RenderOptions& options);

// The number of claims that are not suppressed and are at or below
// `threshold`: a run with --fail-on `threshold` exits 1 when it is not 0.
int CountAtOrBelow(const Report& report, Tier threshold);

// The severity of a claim's line diagnostic: error when it is at or below
// options.fail_on; otherwise warning for weak and very_weak, note for
// moderate, unattributed and strong.
Severity ClaimSeverity(const Claim& claim, const RenderOptions& options);

// The terminal report of one document; ends with a newline.
std::string RenderText(const Analyzer& analyzer, const Report& report, const RenderOptions& options);

// One diagnostic a line: the document's flags first (at 1:1, warnings),
// then each listed claim in document order. Empty when there is nothing
// to say.
std::string RenderLine(const Analyzer& analyzer, const Report& report, const RenderOptions& options);

// A Markdown (GitHub Flavored) section for one document: a level-2
// heading, the summary and a table of the listed claims. Every piece of the
// draft is escaped, so nothing in it becomes markup.
std::string RenderMarkdown(const Analyzer& analyzer, const Report& report,
                           const RenderOptions& options);

// One HTML page for any number of documents (one section each), fully
// self-contained. Every piece of the draft is escaped, in text and in
// attributes. The page's script records what it rendered on <body>:
// data-claims-rendered (claims it found marked up in the drafts) beside
// data-claims (the reports' count) and data-script-errors.
std::string RenderHtml(const Analyzer& analyzer, const std::vector<const Report*>& reports,
                       const RenderOptions& options);

}  // namespace sourcecheck
