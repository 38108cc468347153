#include "sourcecheck/report.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "json_schema.hpp"

namespace fs = std::filesystem;
using namespace sourcecheck;

namespace {

const fs::path kSource = SOURCECHECK_SOURCE_DIR;

std::string ReadAll(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

const Analyzer& DefaultAnalyzer() {
  static const Analyzer analyzer = std::move(Analyzer::Load({})).value();
  return analyzer;
}

std::string JsonOf(const std::string& relative_path) {
  Result<Document> doc = ReadFile(relative_path, ReadOptions{});
  REQUIRE(doc.ok());
  const Report report = BuildReport(DefaultAnalyzer(), *doc);
  return RenderJson(DefaultAnalyzer(), report);
}

// Set SOURCECHECK_UPDATE_GOLDEN=1 to rewrite the golden files after a
// deliberate change (then review the diff).
void CompareGolden(const std::string& actual, const fs::path& golden) {
  if (std::getenv("SOURCECHECK_UPDATE_GOLDEN")) {
    std::ofstream(golden, std::ios::binary) << actual;
    WARN("rewrote " << golden.string());
  }
  const std::string expected = ReadAll(golden);
  REQUIRE_FALSE(expected.empty());
  CHECK(actual == expected);
}

struct Cwd {
  explicit Cwd(const fs::path& to) : old(fs::current_path()) { fs::current_path(to); }
  ~Cwd() { fs::current_path(old); }
  fs::path old;
};

}  // namespace

TEST_CASE("JSON reports validate against docs/report.schema.json", "[report][json]") {
  const Cwd cwd(kSource);
  const nlohmann::json schema = nlohmann::json::parse(ReadAll("docs/report.schema.json"));
  for (const char* path : {"examples/draft.md", "tests/data/reports/relay.md", "tests/data/reports/relay.html",
                           "tests/data/reports/empty.txt"}) {
    INFO(path);
    const nlohmann::json report = nlohmann::json::parse(JsonOf(path));
    const std::vector<std::string> errors = testing::ValidateSchema(schema, report);
    std::string all;
    for (const std::string& e : errors) all += e + "\n";
    INFO(all);
    CHECK(errors.empty());
  }
}

TEST_CASE("The schema validator itself rejects what it must", "[report][json]") {
  const nlohmann::json schema = nlohmann::json::parse(ReadAll(kSource / "docs/report.schema.json"));
  nlohmann::json bad = nlohmann::json::parse(JsonOf((kSource / "tests/data/reports/relay.md").string()));
  bad["claims"][0]["tier"] = "excellent";
  bad["claims"][1].erase("score");
  bad["surprise"] = 1;
  CHECK(testing::ValidateSchema(schema, bad).size() == 3);
}

TEST_CASE("JSON report of a Markdown draft matches its golden file byte for byte", "[report][json][golden]") {
  const Cwd cwd(kSource);
  CompareGolden(JsonOf("tests/data/reports/relay.md"), "tests/data/reports/relay.md.json");
}

TEST_CASE("JSON offsets point into the original file, markup included", "[report][json]") {
  const Cwd cwd(kSource);
  const std::string original = ReadAll("tests/data/reports/relay.html");
  const nlohmann::json report = nlohmann::json::parse(JsonOf("tests/data/reports/relay.html"));
  REQUIRE(report["claims"].size() >= 3);
  for (const auto& claim : report["claims"]) {
    for (const auto& a : claim["attributions"]) {
      const auto& cue = a["cue"];
      const std::string at = original.substr(cue["start"].get<size_t>(),
                                             cue["end"].get<size_t>() - cue["start"].get<size_t>());
      INFO("cue " << cue.dump());
      CHECK(at == cue["text"].get<std::string>());
    }
  }
}

TEST_CASE("The same input gives byte-identical JSON", "[report][json]") {
  const Cwd cwd(kSource);
  CHECK(JsonOf("examples/draft.md") == JsonOf("examples/draft.md"));
}
