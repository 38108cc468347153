// sourcecheck check (the default command): the report on each draft.
#include <algorithm>
#include <iostream>

#include "cli/common.hpp"
#include "sourcecheck/report.hpp"

namespace sourcecheck::cli {

namespace {

struct CheckOptions {
  std::string format = "text";
  std::string fail_on;  // a tier name, or empty
};

// A plain report until the full terminal renderer: the summary, then each
// claim below strong with its location, tier, reasons and advice.
void PrintText(const Report& report, std::ostream& out) {
  const Document& doc = *report.document;
  const Summary& s = report.summary;
  out << doc.path() << ": " << report.claims.size() << " claims, sourcing score " << s.score
      << "/100\n";
  out << "  ";
  for (int t = 0; t < kTierCount; ++t)
    out << (t ? ", " : "") << TierName(static_cast<Tier>(t)) << " " << s.claims_by_tier[t];
  out << "\n";
  for (const auto& [id, message] : s.flags) out << "  warning: " << message << " [" << id << "]\n";
  for (size_t i = 0; i < report.claims.size(); ++i) {
    const Claim& c = report.claims[i];
    if (c.tier == Tier::kStrong) continue;
    const LineColumn at = doc.Locate(c.span.begin);
    std::string sentence = doc.text().substr(c.span.begin, c.span.end - c.span.begin);
    std::replace(sentence.begin(), sentence.end(), '\n', ' ');
    out << "\n" << doc.path() << ":" << at.line << ":" << at.column << ": " << TierName(c.tier)
        << " (" << c.score << ")\n    " << sentence << "\n";
    for (const std::string& r : c.reasons) out << "    - " << r << "\n";
    if (!c.advice.empty()) out << "    advice: " << c.advice << "\n";
  }
}

int RunCheck(const CommonOptions& common, const CheckOptions& options,
             const std::vector<std::string>& files, const ReadOptions& read_options) {
  std::optional<Analyzer> analyzer = MakeAnalyzer(common);
  if (!analyzer) return kExitError;
  Tier fail_tier = Tier::kUnattributed;
  const bool fail_on = !options.fail_on.empty();
  if (fail_on && !ParseTier(options.fail_on, &fail_tier)) {
    std::cerr << "sourcecheck: --fail-on: unknown tier '" << options.fail_on << "'\n";
    return kExitError;
  }
  int status = kExitOk;
  for (const std::string& path : files) {
    Result<Document> doc = ReadFile(path, read_options);
    if (!doc.ok()) {
      std::cerr << "sourcecheck: " << doc.status().ToString() << "\n";
      status = kExitError;
      continue;
    }
    const Report report = BuildReport(*analyzer, *doc);
    if (options.format == "json") std::cout << RenderJson(*analyzer, report);
    else PrintText(report, std::cout);
    if (fail_on && status == kExitOk)
      for (const Claim& c : report.claims)
        if (c.tier != Tier::kUnattributed && static_cast<int>(c.tier) >= static_cast<int>(fail_tier))
          status = kExitFindings;
  }
  return status;
}

}  // namespace

Command AddCheckCommand(CLI::App* app, CommonOptions* common, InputOptions* input) {
  auto files = std::make_shared<std::vector<std::string>>();
  auto options = std::make_shared<CheckOptions>();
  CLI::App* cmd = app->add_subcommand("check", "Report the sourcing of each claim (the default)");
  cmd->add_option("files", *files, "Drafts to check ('-' reads standard input)")->required();
  cmd->add_option("-f,--format", options->format, "Output: text or json")
      ->check(CLI::IsMember({"text", "json"}));
  cmd->add_option("--fail-on", options->fail_on,
                  "Exit 1 when a claim is at or below this tier (strong, moderate, weak, very_weak)");
  AddCommonOptions(cmd, common);
  AddInputOptions(cmd, input);
  return {cmd, [=] { return RunCheck(*common, *options, *files, input->Resolved()); }};
}

}  // namespace sourcecheck::cli
