// Whole-CLI tests: the built binary on fixtures; stdout, stderr and the exit
// code are checked.
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

struct Run {
  int status = -1;
  std::string out;
  std::string err;
};

// Runs the binary with `args` (a shell-quoted string) from `cwd` (the
// source directory by default), optionally feeding `input` on stdin, with
// `env` ("NAME=value ...") added to the environment.
Run Sourcecheck(const std::string& args, const std::string& input = "",
                const std::string& cwd = SOURCECHECK_SOURCE_DIR, const std::string& env = "") {
  const fs::path err_file = fs::temp_directory_path() / ("sourcecheck_cli_err_" + std::to_string(::getpid()));
  const fs::path in_file = fs::temp_directory_path() / ("sourcecheck_cli_in_" + std::to_string(::getpid()));
  {
    std::ofstream in(in_file, std::ios::binary);
    in << input;
  }
  const std::string cmd = "cd '" + cwd + "' && " + (env.empty() ? "" : "env " + env + " ") + "'" +
                          SOURCECHECK_BINARY + "' " + args + " <'" + in_file.string() + "' 2>'" +
                          err_file.string() + "'";
  Run r;
  FILE* pipe = ::popen(cmd.c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::array<char, 4096> buf{};
  size_t n;
  while ((n = std::fread(buf.data(), 1, buf.size(), pipe)) > 0) r.out.append(buf.data(), n);
  const int raw = ::pclose(pipe);
  r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  std::ifstream e(err_file, std::ios::binary);
  std::ostringstream s;
  s << e.rdbuf();
  r.err = s.str();
  fs::remove(err_file);
  fs::remove(in_file);
  return r;
}

}  // namespace

TEST_CASE("CLI: --version and --help", "[cli]") {
  const Run v = Sourcecheck("--version");
  CHECK(v.status == 0);
  CHECK(v.out.rfind("sourcecheck ", 0) == 0);
  const Run h = Sourcecheck("--help");
  CHECK(h.status == 0);
  CHECK(h.out.find("lexicon") != std::string::npos);
  CHECK(h.out.find("check") != std::string::npos);
}

TEST_CASE("CLI: usage errors exit 2", "[cli]") {
  CHECK(Sourcecheck("check").status == 2);
  CHECK(Sourcecheck("check --format yaml examples/draft.md").status == 2);
  CHECK(Sourcecheck("lexicon").status == 2);
}

TEST_CASE("CLI: a missing file is an error naming it, and the others still run", "[cli]") {
  const Run r = Sourcecheck("check no-such-draft.md tests/data/reports/relay.md");
  CHECK(r.status == 2);
  CHECK(r.err.find("no-such-draft.md") != std::string::npos);
  CHECK(r.out.find("tests/data/reports/relay.md") != std::string::npos);
}

TEST_CASE("CLI: check is the default command and reads stdin", "[cli]") {
  const Run r = Sourcecheck("- --format json", "Sources said the talks had collapsed.\n");
  CHECK(r.status == 0);
  CHECK(r.out.find("\"anonymous_bare\"") != std::string::npos);
  CHECK(r.out.find("\"<stdin>\"") != std::string::npos);
}

TEST_CASE("CLI: --fail-on sets the exit code", "[cli]") {
  CHECK(Sourcecheck("--fail-on very_weak tests/data/reports/relay.md").status == 1);
  CHECK(Sourcecheck("--fail-on very_weak -", "The mayor, Ann Dale, said the bridge would reopen.\n").status == 0);
  CHECK(Sourcecheck("--fail-on feeble tests/data/reports/relay.md").status == 2);
}

TEST_CASE("CLI: lexicon list shows every family; lexicon check and test pass on the defaults",
          "[cli][lexicon]") {
  const Run list = Sourcecheck("lexicon list");
  CHECK(list.status == 0);
  for (const char* family : {"hedges", "reporting_verbs", "anonymous_sources", "source_roles",
                             "organizations", "outlets", "documents", "vague_sources", "non_cues",
                             "abbreviations"})
    CHECK(list.out.find(std::string(family) + " (") != std::string::npos);
  CHECK(list.out.find("hedges.reportedly") != std::string::npos);
  const Run check = Sourcecheck("lexicon check");
  CHECK(check.status == 0);
  CHECK(check.out.rfind("lexicons ok: ", 0) == 0);
  const Run test = Sourcecheck("lexicon test");
  CHECK(test.status == 0);
  CHECK(test.out.find(" 0 failed") != std::string::npos);
}

TEST_CASE("CLI: a broken user lexicon is reported with its location and exit 2", "[cli][lexicon]") {
  const Run r = Sourcecheck("lexicon check tests/data/broken_lexicons/unknown_key");
  CHECK(r.status == 2);
  CHECK(r.err.find("tests/data/broken_lexicons/unknown_key/hedges.yaml:7:5: error: unknown key 'weigth' "
                   "(did you mean 'weight'?)") != std::string::npos);
  const Run c = Sourcecheck("--lexicons tests/data/broken_lexicons/unknown_key examples/draft.md");
  CHECK(c.status == 2);
}

TEST_CASE("CLI: a newsroom lexicon overrides a default entry, noted with --verbose", "[cli][lexicon]") {
  const Run r = Sourcecheck("lexicon check -v tests/data/newsroom_lexicon");
  CHECK(r.status == 0);
  CHECK(r.err.find("note: entry 'hedges.reportedly' replaces the one at lexicons/hedges.yaml") !=
        std::string::npos);
  const Run quiet = Sourcecheck("lexicon check tests/data/newsroom_lexicon");
  CHECK(quiet.err.empty());
}

TEST_CASE("CLI: segment prints sentences with line:column spans", "[cli]") {
  const Run r = Sourcecheck("segment tests/data/reports/relay.md");
  CHECK(r.status == 0);
  CHECK(r.out.find("tests/data/reports/relay.md:1:3-1:47: [p1 heading] Ferry operator plans to cut winter crossings") !=
        std::string::npos);
  CHECK(r.out.find("tests/data/reports/relay.md:10:1-") != std::string::npos);
}

namespace {

std::vector<std::string> OutputLines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// A scratch directory with files, removed afterwards.
struct Scratch {
  Scratch() {
    path = fs::temp_directory_path() / ("sourcecheck_cli_" + std::to_string(::getpid()) + "_" + std::to_string(n++));
    fs::create_directories(path);
  }
  ~Scratch() { fs::remove_all(path); }
  void Write(const std::string& name, const std::string& text) const {
    fs::create_directories((path / name).parent_path());
    std::ofstream(path / name, std::ios::binary) << text;
  }
  std::string dir() const { return path.string(); }
  fs::path path;
  static inline int n = 0;
};

const char* const kDraft = "Sources said the talks had collapsed.\n\nThe mayor, Ann Dale, said the bridge would reopen.\n";

}  // namespace

TEST_CASE("CLI: --format line prints compiler-style diagnostics", "[cli][render]") {
  const Run r = Sourcecheck("--format line tests/data/render/council.md");
  CHECK(r.status == 0);
  const std::vector<std::string> lines = OutputLines(r.out);
  REQUIRE_FALSE(lines.empty());
  for (const std::string& line : lines) {
    INFO(line);
    CHECK(line.rfind("tests/data/render/council.md:", 0) == 0);
    CHECK((line.find(": warning: ") != std::string::npos || line.find(": note: ") != std::string::npos));
  }
  CHECK(r.out.find("tests/data/render/council.md:12:1: warning: very_weak (28): anonymous source, undescribed: "
                   "'Sources'") != std::string::npos);
  const Run fail = Sourcecheck("-f line --fail-on very_weak tests/data/render/council.md");
  CHECK(fail.status == 1);
  CHECK(fail.out.find("tests/data/render/council.md:12:1: error: very_weak (28)") != std::string::npos);
}

TEST_CASE("CLI: --min-tier chooses the claims listed", "[cli][render]") {
  const Run all = Sourcecheck("-f line --min-tier strong tests/data/render/council.md");
  const Run weakest = Sourcecheck("-f line --min-tier unattributed tests/data/render/council.md");
  const Run some = Sourcecheck("-f line --min-tier very_weak tests/data/render/council.md");
  CHECK(all.status == 0);
  CHECK(OutputLines(all.out).size() > OutputLines(some.out).size());
  CHECK(OutputLines(some.out).size() > OutputLines(weakest.out).size());
  for (const std::string& line : OutputLines(weakest.out)) CHECK(line.find(": note: unattributed (") != std::string::npos);
  const Run bad = Sourcecheck("--min-tier very-weak tests/data/render/council.md");
  CHECK(bad.status == 2);
  CHECK(bad.err == "sourcecheck: --min-tier: unknown tier 'very-weak' (did you mean 'very_weak'?); the tiers, "
                   "strongest first: strong, moderate, weak, very_weak, unattributed\n");
}

TEST_CASE("CLI: a long JSON report written to a file holds its bytes and no reserved space past them",
          "[cli]") {
  // Over ReportSpace::kMinBytes / 6 of text, so the report's space is
  // reserved when the output is a regular file; long sentences with no
  // source make a report about twice the text's size, so most of the
  // reservation is unused and must be given back.
  Scratch s;
  std::string sentence = "The council will vote on the budget";
  while (sentence.size() < 600) sentence += ", and on the roads, the parks and the libraries of the town";
  std::string text;
  while (text.size() < (size_t{17} << 20) / 10) text += sentence + ".\n\n";
  s.Write("long.txt", text);
  const std::string dir = s.dir();
  const std::string input = " '" + dir + "/long.txt'";
  const std::string json = "--format json";
  const Run piped = Sourcecheck(json + input);
  REQUIRE(piped.status == 0);
  const Run to_file = Sourcecheck(json + " -o '" + dir + "/a.json'" + input);
  const Run redirected = Sourcecheck(json + input + " >'" + dir + "/b.json'");
  CHECK(to_file.status == 0);
  CHECK(redirected.status == 0);
  for (const char* name : {"a.json", "b.json"}) {
    INFO(name);
    std::ifstream in(s.path / name, std::ios::binary);
    std::ostringstream report;
    report << in.rdbuf();
    CHECK(report.str() == piped.out);
    struct stat st {};
    REQUIRE(::stat((s.path / name).c_str(), &st) == 0);
    CHECK(static_cast<uint64_t>(st.st_blocks) * 512 <= static_cast<uint64_t>(st.st_size) + (256u << 10));
  }
}

TEST_CASE("CLI: markdown and html, to standard output or a file", "[cli][render]") {
  const Run md = Sourcecheck("--format markdown tests/data/render/council.md");
  CHECK(md.status == 0);
  CHECK(md.out.rfind("## Sourcing report: tests/data/render/council.md\n", 0) == 0);
  CHECK(md.out.find("| # | Line | Tier | Claim | Why | Advice |") != std::string::npos);
  const Run html = Sourcecheck("--format html tests/data/render/council.md");
  CHECK(html.status == 0);
  CHECK(html.out.rfind("<!DOCTYPE html>\n", 0) == 0);
  Scratch s;
  const Run file = Sourcecheck("-f html -o '" + s.dir() + "/report.html' tests/data/render/council.md tests/data/render/hostile.txt");
  CHECK(file.status == 0);
  CHECK(file.out.empty());
  std::ifstream in(s.path / "report.html", std::ios::binary);
  std::ostringstream page;
  page << in.rdbuf();
  CHECK(page.str().find("<title>Sourcing report: 2 drafts</title>") != std::string::npos);
  const Run unwritable = Sourcecheck("-f html -o '" + s.dir() + "/no/such/dir/r.html' tests/data/render/council.md");
  CHECK(unwritable.status == 2);
  CHECK(unwritable.err.find("/no/such/dir/r.html: cannot write: No such file or directory") != std::string::npos);
}

TEST_CASE("CLI: colours only on a terminal or when asked; NO_COLOR; COLUMNS", "[cli][render]") {
  const Run piped = Sourcecheck("tests/data/render/council.md");
  CHECK(piped.out.find('\x1b') == std::string::npos);
  CHECK(Sourcecheck("--color always tests/data/render/council.md").out.find("\x1b[") != std::string::npos);
  CHECK(Sourcecheck("--color always tests/data/render/council.md", "", SOURCECHECK_SOURCE_DIR, "NO_COLOR=1")
            .out.find("\x1b[") != std::string::npos);
  CHECK(Sourcecheck("--color auto tests/data/render/council.md", "", SOURCECHECK_SOURCE_DIR, "NO_COLOR=1")
            .out.find('\x1b') == std::string::npos);
  CHECK(Sourcecheck("--color never tests/data/render/council.md").out.find('\x1b') == std::string::npos);
  CHECK(Sourcecheck("--color sometimes tests/data/render/council.md").status == 2);
  const Run narrow = Sourcecheck("tests/data/render/council.md", "", SOURCECHECK_SOURCE_DIR, "COLUMNS=50");
  for (const std::string& line : OutputLines(narrow.out)) {
    if (line.rfind("tests/", 0) == 0) continue;  // a location is never cut
    INFO(line);
    size_t columns = 0;
    for (unsigned char c : line) columns += (c & 0xC0) != 0x80;
    CHECK(columns <= 50);
  }
}

TEST_CASE("CLI: several files and standard input in one call", "[cli]") {
  const Run r = Sourcecheck("-f line --min-tier strong tests/data/render/council.md - tests/data/render/hostile.txt", kDraft);
  CHECK(r.status == 0);
  CHECK(r.out.find("tests/data/render/council.md:") != std::string::npos);
  CHECK(r.out.find("<stdin>:1:1: warning: very_weak") != std::string::npos);
  CHECK(r.out.find("<stdin>:3:1: note: strong") != std::string::npos);
  CHECK(r.out.find("tests/data/render/hostile.txt:") != std::string::npos);
}

TEST_CASE("CLI: a suppressed claim is not listed and does not fail the run", "[cli][suppress]") {
  const std::string marked = std::string("# sourcecheck-disable-next-line\n") + kDraft;
  CHECK(Sourcecheck("--fail-on very_weak -", kDraft).status == 1);
  const Run r = Sourcecheck("--fail-on very_weak -f line -", marked);
  CHECK(r.status == 0);
  // The story's flags still stand; the claim is not listed.
  CHECK(r.out.find("<stdin>:2:1:") == std::string::npos);
  CHECK(r.out.find("very_weak") == std::string::npos);
  const Run json = Sourcecheck("-f json -", marked);
  CHECK(json.out.find("\"suppressed\":true") != std::string::npos);
  const Run unused = Sourcecheck("-f line -", "The vote is on Monday.\n# sourcecheck-disable-next-line\n\nSources said X.\n");
  CHECK(unused.err == "<stdin>:2:1: warning: sourcecheck-disable-next-line: no claim starts on the next line\n"
                      "    # sourcecheck-disable-next-line\n"
                      "    ^\n");
}

TEST_CASE("CLI: .sourcecheck.yaml in the working directory or a parent; flags override it", "[cli][settings]") {
  Scratch s;
  s.Write(".sourcecheck.yaml", "format: line\nfail_on: very_weak\nmin_tier: strong\n");
  s.Write("desk/draft.txt", kDraft);
  const std::string desk = (s.path / "desk").string();
  const Run r = Sourcecheck("draft.txt", "", desk);
  CHECK(r.status == 1);
  CHECK(r.out == "draft.txt:1:1: warning: the first source the story cites is anonymous [first_source_anonymous]\n"
                 "draft.txt:1:1: error: very_weak (28): anonymous source, undescribed: 'Sources'; 'sources' with "
                 "nothing else. Describe who the sources are (their vantage point) and why they are anonymous, or "
                 "find an on-record source. [anonymous_sources.sources]\n"
                 "draft.txt:3:1: note: strong (88): named person: The mayor, Ann Dale. [reporting_verbs.say]\n");
  const Run over = Sourcecheck("--format text --fail-on unattributed --min-tier moderate draft.txt", "", desk);
  CHECK(over.status == 0);
  CHECK(over.out.rfind("draft.txt: 2 claims, sourcing score ", 0) == 0);
  const Run ignored = Sourcecheck("--no-settings draft.txt", "", desk);
  CHECK(ignored.status == 0);
  CHECK(ignored.out.rfind("draft.txt: 2 claims", 0) == 0);
  s.Write("other.yaml", "format: markdown\n");
  const Run chosen = Sourcecheck("--settings ../other.yaml draft.txt", "", desk);
  CHECK(chosen.out.rfind("## Sourcing report: draft.txt", 0) == 0);
}

TEST_CASE("CLI: errors in .sourcecheck.yaml are located and exit 2", "[cli][settings]") {
  Scratch s;
  s.Write(".sourcecheck.yaml", "fail-on: weak\nlexicons: [newsroom]\ndisable: [hedges.reportedy]\n");
  s.Write("draft.txt", kDraft);
  const Run r = Sourcecheck("draft.txt", "", s.dir());
  CHECK(r.status == 2);
  CHECK(r.out.empty());
  CHECK(r.err == ".sourcecheck.yaml:1:1: error: unknown key 'fail-on' (did you mean 'fail_on'?)\n"
                 "    fail-on: weak\n"
                 "    ^\n");
  s.Write(".sourcecheck.yaml", "lexicons: [newsroom]\ndisable: [hedges.reportedy]\n");
  const Run dir = Sourcecheck("draft.txt", "", s.dir());
  CHECK(dir.status == 2);
  CHECK(dir.err == ".sourcecheck.yaml:1:12: error: lexicon directory 'newsroom' does not exist\n"
                   "    lexicons: [newsroom]\n"
                   "               ^\n");
  s.Write(".sourcecheck.yaml", "disable: [hedges.reportedy]\n");
  const Run id = Sourcecheck("draft.txt", "", s.dir());
  CHECK(id.status == 2);
  CHECK(id.err == ".sourcecheck.yaml:1:11: error: no lexicon entry 'hedges.reportedy' to disable (did you mean "
                  "'hedges.reportedly'?)\n"
                  "    disable: [hedges.reportedy]\n"
                  "              ^\n"
                  "sourcecheck: 1 error in settings\n");
}
