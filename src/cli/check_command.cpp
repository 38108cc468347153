// sourcecheck check (the default command): the report on each draft.
//
// Flags override the project's settings (.sourcecheck.yaml in the working
// directory or a parent), which override the defaults.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>

#include "cli/common.hpp"
#include "sourcecheck/report.hpp"
#include "sourcecheck/settings.hpp"
#include "sourcecheck/suppress.hpp"

namespace sourcecheck::cli {

namespace {

struct CheckOptions {
  std::string format;    // empty: the settings', else text
  std::string output;    // empty or "-": standard output
  std::string color;     // empty: the settings', else auto
  std::string fail_on;   // empty: the settings', else none
  std::string min_tier;  // empty: the settings', else moderate
  std::string settings;  // a settings file instead of the one found
  bool no_settings = false;
};

std::vector<std::string> TierNames() {
  std::vector<std::string> names;
  for (int t = 0; t < kTierCount; ++t) names.push_back(TierName(static_cast<Tier>(t)));
  return names;
}

// Parses a tier flag; prints the problem and returns false when unknown.
bool ParseTierFlag(const char* flag, const std::string& value, Tier* tier) {
  if (ParseTier(value, tier)) return true;
  const std::string guess = DidYouMean(value, TierNames());
  std::cerr << "sourcecheck: " << flag << ": unknown tier '" << value << "'"
            << (guess.empty() ? "" : " (did you mean '" + guess + "'?)")
            << "; the tiers, strongest first: strong, moderate, weak, very_weak, unattributed\n";
  return false;
}

std::optional<Settings> FindSettings(const CommonOptions& common, const CheckOptions& options) {
  if (options.no_settings) return Settings{};
  const std::string path = options.settings.empty() ? FindSettingsFile(".") : options.settings;
  if (path.empty()) return Settings{};
  Result<Settings> settings = LoadSettings(path);
  if (!settings.ok()) {
    if (settings.status().diagnostics().empty()) std::cerr << "sourcecheck: ";
    std::cerr << settings.status().ToString();
    if (settings.status().diagnostics().empty()) std::cerr << "\n";
    return std::nullopt;
  }
  if (common.verbose) std::cerr << "sourcecheck: settings from " << path << "\n";
  return std::move(settings).value();
}

// The analyzer lives as long as the process: freeing its thousands of
// lexicon entries just before exit would only cost time (about a tenth of a
// one-paragraph check). Held from a static, it stays reachable: no leak.
const Analyzer* KeepUntilExit(Analyzer analyzer) {
  static auto* const kept = new std::vector<std::unique_ptr<const Analyzer>>();
  kept->push_back(std::make_unique<const Analyzer>(std::move(analyzer)));
  return kept->back().get();
}

int RunCheck(const CommonOptions& common, const CheckOptions& options, const std::vector<std::string>& files,
             const ReadOptions& read_options) {
  std::optional<Settings> settings = FindSettings(common, options);
  if (!settings) return kExitError;

  ReportFormat format = settings->format.value_or(ReportFormat::kText);
  if (!options.format.empty()) ParseReportFormat(options.format, &format);
  ColorMode color = settings->color.value_or(ColorMode::kAuto);
  if (!options.color.empty()) ParseColorMode(options.color, &color);
  RenderOptions render;
  render.fail_on = settings->fail_on;
  if (!options.fail_on.empty()) {
    Tier tier;
    if (!ParseTierFlag("--fail-on", options.fail_on, &tier)) return kExitError;
    render.fail_on = tier;
  }
  render.min_tier = settings->min_tier.value_or(Tier::kModerate);
  if (!options.min_tier.empty() && !ParseTierFlag("--min-tier", options.min_tier, &render.min_tier))
    return kExitError;

  std::vector<Diagnostic> diagnostics;
  Result<Analyzer> analyzer = LoadAnalyzer(*settings, common.lexicon_dirs, &diagnostics);
  for (const Diagnostic& d : diagnostics)
    if (d.severity != Severity::kNote || common.verbose) std::cerr << FormatDiagnostic(d);
  if (!analyzer.ok()) {
    std::cerr << "sourcecheck: " << analyzer.status().message() << "\n";
    return kExitError;
  }
  const Analyzer* const checker = KeepUntilExit(std::move(analyzer).value());

  const bool to_stdout = options.output.empty() || options.output == "-";
  std::ofstream file;
  if (!to_stdout) {
    file.open(options.output, std::ios::binary | std::ios::trunc);
    if (!file) {
      std::cerr << "sourcecheck: " << options.output << ": cannot write: " << std::strerror(errno) << "\n";
      return kExitError;
    }
  }
  std::ostream& out = to_stdout ? std::cout : file;
  render.color = format == ReportFormat::kText && UseColor(color, to_stdout);
  render.width = to_stdout ? TerminalWidth() : ColumnsOr80();

  uint64_t text_bytes = 0;  // of the regular files among the inputs
  for (const std::string& path : files) {
    struct stat st {};
    if (path != "-" && ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode))
      text_bytes += static_cast<uint64_t>(st.st_size);
  }
  AdviseHugeHeap(text_bytes);

  // A JSON report is about five times the size of its text: a long one
  // written to a file gets its space reserved (see ReportSpace).
  int space_fd = -1;
  std::optional<ReportSpace> space;
  if (format == ReportFormat::kJson) {
    constexpr uint64_t kReportPerTextByte = 6;
    if (text_bytes * kReportPerTextByte >= ReportSpace::kMinBytes) {
      // A second descriptor of the file just opened, for its space only
      // (never blocking: a FIFO has its reader already, and is let be).
      space_fd = to_stdout ? STDOUT_FILENO : ::open(options.output.c_str(), O_WRONLY | O_CLOEXEC | O_NONBLOCK);
      space.emplace(space_fd, text_bytes * kReportPerTextByte);
    }
  }

  int status = kExitOk;
  // The HTML page holds every draft, so their documents and reports are
  // kept; the other forms are written draft by draft.
  std::vector<std::unique_ptr<Document>> documents;
  std::vector<Report> reports;
  bool first = true;
  for (const std::string& path : files) {
    Result<Document> doc = ReadFile(path, read_options);
    if (!doc.ok()) {
      PrintError(doc.status());
      status = kExitError;
      continue;
    }
    auto document = std::make_unique<Document>(std::move(doc).value());
    if (format == ReportFormat::kJson) {
      // Written as it is made, section by section: a long document's
      // analysis is never held whole.
      const StreamedReport streamed = std::move(StreamJson(*checker, *document, [&out](std::string_view piece) {
                                                  out.write(piece.data(), static_cast<std::streamsize>(piece.size()));
                                                })).value();
      for (const Diagnostic& d : streamed.unused_suppressions) std::cerr << FormatDiagnostic(d);
      if (render.fail_on && status == kExitOk) {
        for (int t = 0; t < kTierCount; ++t)
          if (AtOrBelow(static_cast<Tier>(t), *render.fail_on) && streamed.unsuppressed_by_tier[t] > 0)
            status = kExitFindings;
      }
      first = false;
      continue;
    }
    Report report = BuildReport(*checker, *document);
    for (const Diagnostic& d : ApplySuppressions(&report)) std::cerr << FormatDiagnostic(d);
    if (render.fail_on && status == kExitOk && CountAtOrBelow(report, *render.fail_on) > 0) status = kExitFindings;
    switch (format) {
      case ReportFormat::kText: out << (first ? "" : "\n") << RenderText(*checker, report, render); break;
      case ReportFormat::kLine: out << RenderLine(*checker, report, render); break;
      case ReportFormat::kMarkdown: out << (first ? "" : "\n") << RenderMarkdown(*checker, report, render); break;
      case ReportFormat::kJson: break;  // streamed above
      case ReportFormat::kHtml:
        documents.push_back(std::move(document));
        reports.push_back(std::move(report));
        break;
    }
    first = false;
  }
  if (format == ReportFormat::kHtml) {
    std::vector<const Report*> pointers;
    for (const Report& r : reports) pointers.push_back(&r);
    out << RenderHtml(*checker, pointers, render);
  }
  out.flush();
  space.reset();
  if (!to_stdout && space_fd >= 0) ::close(space_fd);
  if (!out) {
    std::cerr << "sourcecheck: " << (to_stdout ? "standard output" : options.output) << ": write failed\n";
    return kExitError;
  }
  return status;
}

}  // namespace

Command AddCheckCommand(CLI::App* app, CommonOptions* common, InputOptions* input) {
  auto files = std::make_shared<std::vector<std::string>>();
  auto options = std::make_shared<CheckOptions>();
  CLI::App* cmd = app->add_subcommand("check", "Report the sourcing of each claim (the default)");
  cmd->add_option("files", *files, "Drafts to check ('-' reads standard input)")->required();
  cmd->add_option("-f,--format", options->format,
                  "Output: text (the terminal report, default), line (path:line:col: diagnostics for "
                  "editors), markdown, html (one self-contained page) or json")
      ->check(CLI::IsMember({"text", "line", "markdown", "html", "json"}));
  cmd->add_option("-o,--output", options->output, "Write the report to this file instead of standard output");
  cmd->add_option("--color", options->color, "Colours in the text report: auto (on a terminal, unless NO_COLOR "
                                             "is set), always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  cmd->add_option("--fail-on", options->fail_on,
                  "Exit 1 when a claim is at or below this tier (strong > moderate > weak > very_weak > "
                  "unattributed)");
  cmd->add_option("--min-tier", options->min_tier,
                  "List the claims at or below this tier (default moderate: every claim below strong)");
  cmd->add_option("--settings", options->settings,
                  "Read this settings file instead of the .sourcecheck.yaml found in the working directory "
                  "or a parent");
  cmd->add_flag("--no-settings", options->no_settings, "Ignore any .sourcecheck.yaml");
  AddCommonOptions(cmd, common);
  AddInputOptions(cmd, input);
  return {cmd, [=] { return RunCheck(*common, *options, *files, input->Resolved()); }};
}

}  // namespace sourcecheck::cli
