// Whole-CLI tests: the built binary on fixtures; stdout, stderr and the exit
// code are checked.
#include <catch2/catch.hpp>

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace fs = std::filesystem;

namespace {

struct Run {
  int status = -1;
  std::string out;
  std::string err;
};

// Runs the binary with `args` (a shell-quoted string) from the source
// directory, optionally feeding `input` on stdin.
Run Sourcecheck(const std::string& args, const std::string& input = "") {
  const fs::path err_file = fs::temp_directory_path() / ("sourcecheck_cli_err_" + std::to_string(::getpid()));
  const fs::path in_file = fs::temp_directory_path() / ("sourcecheck_cli_in_" + std::to_string(::getpid()));
  {
    std::ofstream in(in_file, std::ios::binary);
    in << input;
  }
  const std::string cmd = std::string("cd '") + SOURCECHECK_SOURCE_DIR + "' && '" + SOURCECHECK_BINARY +
                          "' " + args + " <'" + in_file.string() + "' 2>'" + err_file.string() + "'";
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
