#include "sourcecheck/settings.hpp"

#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "sourcecheck/report.hpp"

namespace fs = std::filesystem;
using namespace sourcecheck;

namespace {

const fs::path kSource = SOURCECHECK_SOURCE_DIR;

std::string Errors(const std::string& path, const std::string& yaml) {
  Result<Settings> s = ParseSettings(path, yaml);
  REQUIRE_FALSE(s.ok());
  return FormatDiagnostics(s.status().diagnostics());
}

struct TempDir {
  TempDir() {
    path = fs::temp_directory_path() / ("sourcecheck_settings_" + std::to_string(::getpid()) + "_" +
                                        std::to_string(counter++));
    fs::create_directories(path);
  }
  ~TempDir() { fs::remove_all(path); }
  fs::path path;
  static inline int counter = 0;
};

struct Cwd {
  explicit Cwd(const fs::path& to) : old(fs::current_path()) { fs::current_path(to); }
  ~Cwd() { fs::current_path(old); }
  fs::path old;
};

void Write(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

}  // namespace

TEST_CASE("Settings: every key read", "[settings]") {
  Result<Settings> s = ParseSettings("proj/.sourcecheck.yaml",
                                     "version: 1\n"
                                     "lexicons: [newsroom, /abs/lex, ../shared/lex]\n"
                                     "disable:\n  - hedges.about\n  - vague_sources.critics\n"
                                     "fail_on: very_weak\nmin_tier: weak\nformat: markdown\ncolor: never\n");
  REQUIRE(s.ok());
  CHECK(s->lexicon_dirs == std::vector<std::string>{"proj/newsroom", "/abs/lex", "shared/lex"});
  REQUIRE(s->disable.size() == 2);
  CHECK(s->disable[1].text == "vague_sources.critics");
  CHECK(s->disable[1].location.line == 5);
  CHECK(s->disable[1].location.column == 5);
  CHECK(s->fail_on == Tier::kVeryWeak);
  CHECK(s->min_tier == Tier::kWeak);
  CHECK(s->format == ReportFormat::kMarkdown);
  CHECK(s->color == ColorMode::kNever);
}

TEST_CASE("Settings: an empty file, or one string for a list", "[settings]") {
  Result<Settings> empty = ParseSettings(".sourcecheck.yaml", "# nothing yet\n");
  REQUIRE(empty.ok());
  CHECK_FALSE(empty->fail_on);
  CHECK(empty->lexicon_dirs.empty());
  Result<Settings> one = ParseSettings(".sourcecheck.yaml", "lexicons: lexicons\ndisable: hedges.about\n");
  REQUIRE(one.ok());
  CHECK(one->lexicon_dirs == std::vector<std::string>{"lexicons"});
  CHECK(one->disable.size() == 1);
}

TEST_CASE("Settings: every problem is a located diagnostic, all in one run", "[settings]") {
  CHECK(Errors(".sourcecheck.yaml",
               "fail-on: weak\n"
               "min_tier: feeble\n"
               "format: pdf\n"
               "color: yes please\n"
               "lexicons: {a: b}\n"
               "disable: [hedges.about, [x]]\n"
               "version: 2\n"
               "format: text\n") ==
        ".sourcecheck.yaml:1:1: error: unknown key 'fail-on' (did you mean 'fail_on'?)\n"
        "    fail-on: weak\n"
        "    ^\n"
        ".sourcecheck.yaml:8:1: error: duplicate key 'format'\n"
        "    format: text\n"
        "    ^\n"
        ".sourcecheck.yaml:2:11: error: unknown tier 'feeble'; the tiers, strongest first: strong, moderate, weak, "
        "very_weak, unattributed\n"
        "    min_tier: feeble\n"
        "              ^\n"
        ".sourcecheck.yaml:3:9: error: unknown format 'pdf'; the formats: text, line, markdown, html, json\n"
        "    format: pdf\n"
        "            ^\n"
        ".sourcecheck.yaml:4:8: error: unknown color mode 'yes please'; the modes: auto, always, never\n"
        "    color: yes please\n"
        "           ^\n"
        ".sourcecheck.yaml:5:11: error: 'lexicons' must be a list of strings, not a map\n"
        "    lexicons: {a: b}\n"
        "              ^\n"
        ".sourcecheck.yaml:6:25: error: 'disable' must list strings, not a list\n"
        "    disable: [hedges.about, [x]]\n"
        "                            ^\n"
        ".sourcecheck.yaml:7:10: error: unknown settings version '2' (only 1 exists)\n"
        "    version: 2\n"
        "             ^\n");
}

TEST_CASE("Settings: did you mean, for tiers and keys", "[settings]") {
  CHECK(Errors("s.yaml", "min_tier: very-weak\n") ==
        "s.yaml:1:11: error: unknown tier 'very-weak' (did you mean 'very_weak'?); the tiers, strongest first: "
        "strong, moderate, weak, very_weak, unattributed\n"
        "    min_tier: very-weak\n"
        "              ^\n");
  CHECK(Errors("s.yaml", "colour: never\n") ==
        "s.yaml:1:1: error: unknown key 'colour' (did you mean 'color'?)\n"
        "    colour: never\n"
        "    ^\n");
}

TEST_CASE("Settings: YAML syntax errors and a file that is not a map", "[settings]") {
  CHECK(Errors("s.yaml", "lexicons: [a, b\n").rfind("s.yaml:2:1: error: YAML syntax error: ", 0) == 0);
  CHECK(Errors("s.yaml", "- fail_on\n") ==
        "s.yaml:1:1: error: settings must be a map of keys (version, lexicons, disable, fail_on, min_tier, format, "
        "color), not a list\n"
        "    - fail_on\n"
        "    ^\n");
}

TEST_CASE("Settings: found in the working directory or the nearest parent", "[settings]") {
  TempDir tmp;
  Write(tmp.path / "news/.sourcecheck.yaml", "fail_on: weak\n");
  fs::create_directories(tmp.path / "news/desk/drafts");
  fs::create_directories(tmp.path / "elsewhere");
  {
    const Cwd cwd(tmp.path / "news/desk/drafts");
    CHECK(FindSettingsFile(".") == "../../.sourcecheck.yaml");
  }
  {
    const Cwd cwd(tmp.path / "news");
    CHECK(FindSettingsFile(".") == ".sourcecheck.yaml");
  }
  CHECK(FindSettingsFile((tmp.path / "news/desk").string()) == (tmp.path / "news/.sourcecheck.yaml").string());
  CHECK(FindSettingsFile((tmp.path / "elsewhere").string()).empty());
}

TEST_CASE("Settings: lexicon directories resolve against the file and must exist", "[settings]") {
  TempDir tmp;
  Write(tmp.path / "proj/.sourcecheck.yaml", "lexicons:\n  - lexicons\n  - missing\n");
  Write(tmp.path / "proj/lexicons/hedges.yaml", "version: 1\nfamily: hedges\nentries: []\n");
  const Cwd cwd(tmp.path);
  Result<Settings> s = LoadSettings("proj/.sourcecheck.yaml");
  REQUIRE_FALSE(s.ok());
  CHECK(FormatDiagnostics(s.status().diagnostics()) ==
        "proj/.sourcecheck.yaml:3:5: error: lexicon directory 'missing' does not exist (looked for proj/missing)\n"
        "      - missing\n"
        "        ^\n");
  Result<Settings> none = LoadSettings("proj/nothing.yaml");
  REQUIRE_FALSE(none.ok());
  CHECK(none.status().message() == "proj/nothing.yaml: cannot read: No such file or directory");
}

TEST_CASE("Settings: disabled entries leave the analysis; unknown ones are located errors", "[settings]") {
  const std::string text = "The minister reportedly resigned on Monday.\n";
  const Document doc = Document::FromParts("d.txt", InputFormat::kText, text, text, {});
  {
    Result<Settings> s = ParseSettings(".sourcecheck.yaml", "disable: [hedges.reportedly]\n");
    REQUIRE(s.ok());
    std::vector<Diagnostic> diagnostics;
    Result<Analyzer> analyzer = LoadAnalyzer(*s, {}, &diagnostics);
    REQUIRE(analyzer.ok());
    CHECK(analyzer->lexicon().Find("hedges.reportedly") == nullptr);
    const Report report = BuildReport(*analyzer, doc);
    REQUIRE(report.claims.size() == 1);
    CHECK(report.claims[0].hedges.empty());
    CHECK(report.claims[0].tier == Tier::kUnattributed);
  }
  {
    Result<Settings> s = ParseSettings(".sourcecheck.yaml", "disable:\n  - hedges.reportedy\n");
    REQUIRE(s.ok());
    std::vector<Diagnostic> diagnostics;
    Result<Analyzer> analyzer = LoadAnalyzer(*s, {}, &diagnostics);
    REQUIRE_FALSE(analyzer.ok());
    CHECK(analyzer.status().message() == "1 error in settings");
    CHECK(FormatDiagnostics(diagnostics) ==
          ".sourcecheck.yaml:2:5: error: no lexicon entry 'hedges.reportedy' to disable (did you mean "
          "'hedges.reportedly'?)\n"
          "      - hedges.reportedy\n"
          "        ^\n");
  }
}

TEST_CASE("Settings: lexicon directories load before the command line's", "[settings]") {
  const Cwd cwd(kSource);
  Result<Settings> s = ParseSettings(".sourcecheck.yaml", "lexicons: [tests/data/newsroom_lexicon]\n");
  REQUIRE(s.ok());
  std::vector<Diagnostic> diagnostics;
  Result<Analyzer> analyzer = LoadAnalyzer(*s, {}, &diagnostics);
  REQUIRE(analyzer.ok());
  bool replaced = false;
  for (const Diagnostic& d : diagnostics)
    replaced |= d.message.find("entry 'hedges.reportedly' replaces") != std::string::npos &&
                d.path.rfind("tests/data/newsroom_lexicon/", 0) == 0;
  CHECK(replaced);
}
