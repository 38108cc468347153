// sourcecheck lexicon check | test | list, and sourcecheck segment.
#include <cstdio>
#include <iostream>

#include "cli/common.hpp"
#include "sourcecheck/lexicon_testing.hpp"

namespace sourcecheck::cli {

namespace {

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
      PrintError(doc.status());
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

}  // namespace

Command AddSegmentCommand(CLI::App* app, CommonOptions* common, InputOptions* input) {
  auto files = std::make_shared<std::vector<std::string>>();
  CLI::App* cmd = app->add_subcommand("segment", "Print sentences with their line:column spans");
  cmd->add_option("files", *files, "Drafts to segment")->required();
  AddCommonOptions(cmd, common);
  AddInputOptions(cmd, input);
  return {cmd, [=] { return RunSegment(*common, *files, input->Resolved()); }};
}

std::vector<Command> AddLexiconCommands(CLI::App* app, CommonOptions* common) {
  CLI::App* lexicon = app->add_subcommand("lexicon", "Validate, test and list lexicons");
  lexicon->require_subcommand(1);
  auto dirs = std::make_shared<std::vector<std::string>>();
  auto family = std::make_shared<std::string>();
  auto phrases_only = std::make_shared<bool>(false);
  CLI::App* check = lexicon->add_subcommand("check", "Validate the lexicons (defaults and DIRs)");
  CLI::App* test = lexicon->add_subcommand("test", "Run every entry's examples and counterexamples");
  CLI::App* list = lexicon->add_subcommand("list", "List entries by family");
  for (CLI::App* cmd : {check, test, list}) {
    cmd->add_option("dirs", *dirs, "Directories of lexicon files loaded over the defaults");
    cmd->add_flag("-v,--verbose", common->verbose, "Say more (lexicon overrides, ...)");
  }
  list->add_option("--family", *family, "Only this family");
  list->add_flag("--phrases", *phrases_only, "Print every phrase, one a line, and nothing else");
  // The positional directories join any --lexicons given before.
  auto with_dirs = [common, dirs] {
    CommonOptions c = *common;
    c.lexicon_dirs.insert(c.lexicon_dirs.end(), dirs->begin(), dirs->end());
    return c;
  };
  return {{check, [=] { return RunLexiconCheck(with_dirs()); }},
          {test, [=] { return RunLexiconTest(with_dirs()); }},
          {list, [=] { return RunLexiconList(with_dirs(), *family, *phrases_only); }}};
}

}  // namespace sourcecheck::cli
