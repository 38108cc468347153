// The sourcecheck command line: flags to an Analyzer and a renderer, and an
// exit code. No analysis logic lives here.
//
// Exit codes: 0 done, 1 findings at or below --fail-on (check), a failed
// lexicon test (lexicon test), 2 usage, input or lexicon errors.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdio>
#include <optional>
#include <iostream>
#include <string>
#include <vector>

#include "sourcecheck/analyzer.hpp"
#include "sourcecheck/document.hpp"
#include "sourcecheck/lexicon.hpp"
#include "sourcecheck/lexicon_testing.hpp"
#include "sourcecheck/report.hpp"
#include "sourcecheck/version.hpp"

namespace sourcecheck {
namespace {

constexpr int kExitOk = 0;
constexpr int kExitFindings = 1;
constexpr int kExitError = 2;

struct CommonOptions {
  std::vector<std::string> lexicon_dirs;
  bool verbose = false;
};

// Loads the defaults plus the user's directories; prints every diagnostic
// (notes only with --verbose). Returns nullopt after printing on error.
std::optional<Lexicon> LoadOrReport(const CommonOptions& common) {
  LexiconBuilder builder;
  builder.AddDefaults();
  for (const std::string& dir : common.lexicon_dirs) builder.AddDirectory(dir);
  Result<Lexicon> lexicon = builder.Build();
  for (const Diagnostic& d : builder.diagnostics())
    if (d.severity != Severity::kNote || common.verbose) std::cerr << FormatDiagnostic(d);
  if (!lexicon.ok()) {
    std::cerr << "sourcecheck: " << lexicon.status().message() << "\n";
    return std::nullopt;
  }
  return std::move(lexicon).value();
}

std::optional<Analyzer> MakeAnalyzer(const CommonOptions& common) {
  std::vector<Diagnostic> diagnostics;
  Result<Analyzer> analyzer = Analyzer::Load(common.lexicon_dirs, &diagnostics);
  for (const Diagnostic& d : diagnostics)
    if (d.severity != Severity::kNote || common.verbose) std::cerr << FormatDiagnostic(d);
  if (!analyzer.ok()) {
    std::cerr << "sourcecheck: " << analyzer.status().message() << "\n";
    return std::nullopt;
  }
  return std::move(analyzer).value();
}

int RunLexiconCheck(const CommonOptions& common) {
  std::optional<Lexicon> lexicon = LoadOrReport(common);
  if (!lexicon) return kExitError;
  std::cout << "lexicons ok: " << lexicon->entries().size() << " entries in " << kFamilyCount
            << " families\n";
  return kExitOk;
}

int RunLexiconTest(const CommonOptions& common) {
  std::optional<Analyzer> analyzer = MakeAnalyzer(common);
  if (!analyzer) return kExitError;
  const LexiconTestReport report = RunLexiconTests(analyzer->matcher());
  std::cout << FormatLexiconTestReport(report);
  return report.failures.empty() ? kExitOk : kExitFindings;
}

int RunLexiconList(const CommonOptions& common, const std::string& family_filter, bool phrases_only) {
  std::optional<Lexicon> lexicon = LoadOrReport(common);
  if (!lexicon) return kExitError;
  if (phrases_only) {
    // One phrase a line (forms and aliases included), for other tools:
    // grep -F -f, spell checkers, the benchmark's yardstick.
    for (const Entry& e : lexicon->entries()) {
      if (!family_filter.empty() && family_filter != FamilyName(e.family)) continue;
      for (const LocatedText& p : e.phrases) std::cout << p.text << "\n";
      for (const LocatedText& p : e.aliases) std::cout << p.text << "\n";
    }
    return kExitOk;
  }
  for (int f = 0; f < kFamilyCount; ++f) {
    const auto family = static_cast<Family>(f);
    if (!family_filter.empty() && family_filter != FamilyName(family)) continue;
    std::cout << FamilyName(family) << " (" << lexicon->CountFamily(family) << " entries)\n";
    for (const Entry& e : lexicon->entries()) {
      if (e.family != family) continue;
      std::string what;
      if (e.pattern) what = "pattern";
      else what = std::to_string(e.phrases.size()) + (e.phrases.size() == 1 ? " phrase" : " phrases");
      if (!e.aliases.empty()) what += ", " + std::to_string(e.aliases.size()) + " aliases";
      char weight[16];
      std::snprintf(weight, sizeof weight, "%.2f", e.weight);
      std::cout << "  " << e.id << "  [" << e.category << "]  weight " << weight << "  " << what
                << "\n";
    }
  }
  return kExitOk;
}

int RunSegment(const CommonOptions& common, const std::vector<std::string>& files,
               const ReadOptions& read_options) {
  std::optional<Analyzer> analyzer = MakeAnalyzer(common);
  if (!analyzer) return kExitError;
  int status = kExitOk;
  for (const std::string& path : files) {
    Result<Document> doc = ReadFile(path, read_options);
    if (!doc.ok()) {
      std::cerr << "sourcecheck: " << doc.status().ToString() << "\n";
      status = kExitError;
      continue;
    }
    const Analysis a = analyzer->Analyze(*doc);
    const std::string& text = doc->text();
    for (size_t i = 0; i < a.segmentation.sentences.size(); ++i) {
      const Sentence& s = a.segmentation.sentences[i];
      const LineColumn b = doc->Locate(s.begin);
      const LineColumn e = doc->LineColumnOf(doc->ToOriginalEnd(s.end));
      std::cout << doc->path() << ":" << b.line << ":" << b.column << "-" << e.line << ":"
                << e.column << ": [p" << s.paragraph + 1 << (s.is_heading ? " heading" : "")
                << "] ";
      // One sentence on one line: line breaks inside it shown as spaces.
      for (char c : std::string_view(text).substr(s.begin, s.end - s.begin))
        std::cout << (c == '\n' || c == '\r' ? ' ' : c);
      std::cout << "\n";
    }
    for (const Quotation& q : a.segmentation.quotations) {
      const LineColumn b = doc->Locate(q.begin);
      std::cout << doc->path() << ":" << b.line << ":" << b.column << ": quotation over sentences "
                << q.first_sentence + 1 << "-" << q.last_sentence + 1
                << (q.closed ? "" : " (not closed)") << "\n";
    }
  }
  return status;
}

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

int Main(int argc, char** argv) {
  CLI::App app{"sourcecheck: how well is each claim of a news draft sourced?", "sourcecheck"};
  app.set_version_flag("--version", std::string("sourcecheck ") + kVersion);
  app.require_subcommand(0, 1);
  CommonOptions common;
  ReadOptions read_options;
  std::string input_format = "auto";
  auto add_common = [&](CLI::App* cmd) {
    cmd->add_option("--lexicons", common.lexicon_dirs,
                    "A directory of extra lexicon files, loaded over the defaults (repeatable)");
    cmd->add_flag("-v,--verbose", common.verbose, "Say more (lexicon overrides, ...)");
  };
  auto add_input = [&](CLI::App* cmd) {
    cmd->add_option("--input-format", input_format, "text, markdown, html or auto (by extension)")
        ->check(CLI::IsMember({"auto", "text", "markdown", "html"}));
    cmd->add_flag("--replace-invalid-utf8", read_options.replace_invalid_utf8,
                  "Replace invalid UTF-8 with U+FFFD instead of refusing the file");
  };

  std::vector<std::string> check_files;
  CLI::App* check = app.add_subcommand("check", "Report the sourcing of each claim (the default)");
  check->add_option("files", check_files, "Drafts to check ('-' reads standard input)")->required();
  CheckOptions check_options;
  check->add_option("-f,--format", check_options.format, "Output: text or json")
      ->check(CLI::IsMember({"text", "json"}));
  check->add_option("--fail-on", check_options.fail_on,
                    "Exit 1 when a claim is at or below this tier (strong, moderate, weak, very_weak)");
  add_common(check);
  add_input(check);

  std::vector<std::string> segment_files;
  CLI::App* segment = app.add_subcommand("segment", "Print sentences with their line:column spans");
  segment->add_option("files", segment_files, "Drafts to segment")->required();
  add_common(segment);
  add_input(segment);

  CLI::App* lexicon = app.add_subcommand("lexicon", "Validate, test and list lexicons");
  lexicon->require_subcommand(1);
  std::vector<std::string> dirs;
  std::string family_filter;
  CLI::App* lex_check = lexicon->add_subcommand("check", "Validate the lexicons (defaults and DIRs)");
  CLI::App* lex_test = lexicon->add_subcommand("test", "Run every entry's examples and counterexamples");
  CLI::App* lex_list = lexicon->add_subcommand("list", "List entries by family");
  for (CLI::App* cmd : {lex_check, lex_test, lex_list}) {
    cmd->add_option("dirs", dirs, "Directories of lexicon files loaded over the defaults");
    cmd->add_flag("-v,--verbose", common.verbose, "Say more (lexicon overrides, ...)");
  }
  lex_list->add_option("--family", family_filter, "Only this family");
  bool phrases_only = false;
  lex_list->add_flag("--phrases", phrases_only, "Print every phrase, one a line, and nothing else");

  // `sourcecheck FILE` means `sourcecheck check FILE`.
  std::vector<std::string> args(argv + 1, argv + argc);
  if (!args.empty() && args[0] != "check" && args[0] != "segment" && args[0] != "lexicon" &&
      args[0] != "--help" && args[0] != "-h" && args[0] != "--version")
    args.insert(args.begin(), "check");
  std::reverse(args.begin(), args.end());
  try {
    app.parse(args);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kExitError;
  }
  if (app.get_subcommands().empty()) {
    std::cout << app.help();
    return kExitError;
  }
  ParseInputFormat(input_format, &read_options.format);
  for (const std::string& d : dirs) common.lexicon_dirs.push_back(d);
  if (check->parsed()) return RunCheck(common, check_options, check_files, read_options);
  if (segment->parsed()) return RunSegment(common, segment_files, read_options);
  if (lex_check->parsed()) return RunLexiconCheck(common);
  if (lex_test->parsed()) return RunLexiconTest(common);
  if (lex_list->parsed()) return RunLexiconList(common, family_filter, phrases_only);
  return kExitError;
}

}  // namespace
}  // namespace sourcecheck

int main(int argc, char** argv) { return sourcecheck::Main(argc, argv); }
