// Every input a fuzzer ever crashed on (tests/fuzz/regressions/TARGET/),
// and every seed (tests/fuzz/TARGET/), run through the same target body as
// the libFuzzer programs. A broken invariant aborts the test binary with the
// target's message; under SOURCECHECK_SANITIZE=ON a memory error or
// undefined behaviour does too.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "fuzz/fuzz_targets.hpp"

namespace fs = std::filesystem;

namespace {

std::vector<fs::path> FilesIn(const fs::path& dir) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
    if (it->is_regular_file()) files.push_back(it->path());
  std::sort(files.begin(), files.end());
  return files;
}

std::string Slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void Replay(const std::string& target, const fs::path& dir) {
  const sourcecheck::fuzz::Target run = sourcecheck::fuzz::FindTarget(target);
  REQUIRE(run != nullptr);
  for (const fs::path& file : FilesIn(dir)) {
    INFO(file.string());
    const std::string bytes = Slurp(file);
    run(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
    SUCCEED();
  }
}

}  // namespace

TEST_CASE("Fuzz crashers stay fixed", "[fuzz]") {
  const auto target = GENERATE(as<std::string>{}, "lexicon", "read_document", "report", "triage_jsonl");
  Replay(target, fs::path(SOURCECHECK_SOURCE_DIR) / "tests/fuzz/regressions" / target);
}

TEST_CASE("Fuzz seeds pass every target's checks", "[fuzz]") {
  const auto target = GENERATE(as<std::string>{}, "lexicon", "read_document", "report", "triage_jsonl");
  const fs::path seeds = fs::path(SOURCECHECK_SOURCE_DIR) / "tests/fuzz" / target;
  CHECK(!FilesIn(seeds).empty());
  Replay(target, seeds);
}
