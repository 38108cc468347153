#include "sourcecheck/report.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "json_schema.hpp"
#include "sourcecheck/suppress.hpp"

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

namespace {

// Articles of invented copy, each a headline and a few paragraphs with
// attributions, hedges and a quotation, separated by blank lines.
std::string Articles(int count) {
  std::string text;
  for (int i = 0; i < count; ++i) {
    const std::string n = std::to_string(i);
    text += "Council " + n + " delays the bridge vote\n\n";
    text += "The council will reportedly delay the vote on bridge " + n +
            ", according to people familiar with the plan.\n\n";
    text += "\"We need more time,\" said Mayor Ann Dale" + n + ". She added that costs may rise.\n\n";
    text += "Officials told the Tribune that the repairs could take a year.\n\n";
  }
  return text;
}

std::string Streamed(const Document& doc, uint32_t section_bytes, StreamedReport* out = nullptr) {
  std::string json;
  Result<StreamedReport> r = StreamJson(
      DefaultAnalyzer(), doc, [&json](std::string_view piece) { json.append(piece); }, Deadline(), section_bytes);
  REQUIRE(r.ok());
  if (out) *out = *r;
  return json;
}

std::string Whole(const Document& doc, uint32_t section_bytes) {
  Result<Report> report = BuildReport(DefaultAnalyzer(), doc, Deadline(), section_bytes);
  REQUIRE(report.ok());
  ApplySuppressions(&*report);
  return RenderJson(DefaultAnalyzer(), *report);
}

}  // namespace

TEST_CASE("Sections cover the text and end at paragraph breaks", "[report][sections]") {
  const std::string text = Articles(40);
  for (uint32_t size : {1u, 64u, 500u, 4096u, 1u << 20}) {
    CAPTURE(size);
    const std::vector<Span> sections = Sections(text, size);
    REQUIRE_FALSE(sections.empty());
    CHECK(sections.front().begin == 0);
    CHECK(sections.back().end == text.size());
    for (size_t k = 0; k < sections.size(); ++k) {
      CHECK(sections[k].begin < sections[k].end);
      if (k + 1 < sections.size()) {
        CHECK(sections[k].end == sections[k + 1].begin);
        CHECK(sections[k].end - sections[k].begin >= size);
        // Where a paragraph break lies within the section's length past the
        // cut point (always, once sections outgrow the paragraphs), one
        // ends every section but the last: the text before the cut ends
        // with a blank line, the next starts a line.
        if (size >= 500) {
          CHECK(text.compare(sections[k].end - 2, 2, "\n\n") == 0);
          CHECK(text[sections[k].end] != '\n');
        }
      }
    }
  }
  CHECK(Sections("", 10).empty());
  CHECK(Sections("short", 10).size() == 1);
}

TEST_CASE("Sections of text without breaks cut at spaces, else between characters", "[report][sections]") {
  // One line of words: cut after a space.
  std::string words;
  while (words.size() < 5000) words += "word ";
  for (const Span s : Sections(words, 1000)) CHECK((s.end == words.size() || words[s.end - 1] == ' '));
  // No space at all, and multi-byte characters: never inside a character.
  std::string e_acute;
  while (e_acute.size() < 5001) e_acute += "\xC3\xA9";
  const std::vector<Span> sections = Sections(e_acute, 999);
  CHECK(sections.size() > 4);
  for (const Span s : sections) CHECK((static_cast<unsigned char>(e_acute[s.begin]) & 0xC0) != 0x80);
  CHECK(sections.back().end == e_acute.size());
}

TEST_CASE("Streamed JSON is byte-identical to the report built whole, in one section or many",
          "[report][json][sections]") {
  std::string text = Articles(30);
  // A suppression marker, and one that suppresses nothing (last line).
  text.insert(text.find("Officials told the Tribune"), "# sourcecheck-disable-next-line\n");
  text += "# sourcecheck-disable-next-line\n";
  Result<Document> doc = ReadDocument("articles.txt", text, ReadOptions{});
  REQUIRE(doc.ok());
  for (uint32_t size : {kSectionBytes, 2000u, 300u}) {
    CAPTURE(size);
    StreamedReport streamed;
    const std::string json = Streamed(*doc, size, &streamed);
    CHECK(json == Whole(*doc, size));
    const nlohmann::json report = nlohmann::json::parse(json);
    CHECK(streamed.claims == report["claims"].size());
    CHECK(report["summary"]["suppressed"] == 1);
    REQUIRE(streamed.unused_suppressions.size() == 1);
    CHECK(streamed.unused_suppressions[0].line == static_cast<int>(std::count(text.begin(), text.end(), '\n')));
    // Claim ids run on across sections; offsets are the file's.
    for (size_t i = 0; i < report["claims"].size(); ++i) {
      const nlohmann::json& c = report["claims"][i];
      CHECK(c["id"] == i + 1);
      CHECK(text.substr(c["start"].get<size_t>(), c["end"].get<size_t>() - c["start"].get<size_t>()) ==
            c["text"].get<std::string>());
    }
  }
}

TEST_CASE("JSON strings are escaped as RFC 8259 requires, wherever the escape falls", "[report][json]") {
  // Quotes, backslashes, tabs and other control characters at every offset
  // from a word's start, in short strings and long ones, so that the writer's
  // sixteen- and eight-bytes-at-a-time copies meet each at every position of
  // their block; bytes of multi-byte characters (over 0x7F) are not escaped.
  std::string text;
  for (int shift = 0; shift < 18; ++shift) {
    text += "The mayor" + std::string(static_cast<size_t>(shift), 'x') + " said \"the \\ fund\"\tis\x01 empty,\x1f caf\xc3\xa9s reportedly";
    text += shift % 2 ? " and the council might agree.\n\n" : ".\n\n";
  }
  Result<Document> doc = ReadDocument("escapes.txt", text, ReadOptions{});
  REQUIRE(doc.ok());
  const std::string json = RenderJson(DefaultAnalyzer(), BuildReport(DefaultAnalyzer(), *doc));
  CHECK(json.find("\\\"the \\\\ fund\\\"\\tis\\u0001 empty,\\u001f caf\xc3\xa9s reportedly") != std::string::npos);
  const nlohmann::json report = nlohmann::json::parse(json);
  REQUIRE(report["claims"].size() == 18);
  for (const nlohmann::json& c : report["claims"]) {
    const size_t start = c["start"].get<size_t>(), end = c["end"].get<size_t>();
    CHECK(c["text"].get<std::string>() == text.substr(start, end - start));
    for (const nlohmann::json& h : c["hedges"])
      CHECK(h["text"].get<std::string>() == text.substr(h["start"].get<size_t>(), h["end"].get<size_t>() - h["start"].get<size_t>()));
  }
  // Each claim's line is what an independent writer makes of the same value
  // (nlohmann keeps the key order with ordered_json and escapes alike).
  std::istringstream lines(json);
  std::string line;
  int claim_lines = 0;
  while (std::getline(lines, line)) {
    if (line.rfind("    {\"id\":", 0) != 0) continue;
    ++claim_lines;
    std::string value = line.substr(4);
    if (value.back() == ',') value.pop_back();
    CHECK(nlohmann::ordered_json::parse(value).dump() == value);
  }
  CHECK(claim_lines == 18);
}

TEST_CASE("Articles analysed in separate sections keep their claims, kinds and relays", "[report][sections]") {
  // Each article names its own sources, so cutting between articles changes
  // nothing but what a section cannot see: the claims are the same.
  const std::string text = Articles(20);
  Result<Document> doc = ReadDocument("articles.txt", text, ReadOptions{});
  REQUIRE(doc.ok());
  const nlohmann::json one = nlohmann::json::parse(Streamed(*doc, kSectionBytes));
  const nlohmann::json many = nlohmann::json::parse(Streamed(*doc, 400));
  REQUIRE(one["claims"].size() == many["claims"].size());
  CHECK(one["claims"] == many["claims"]);
  CHECK(one["summary"] == many["summary"]);
  CHECK(one["sources"] == many["sources"]);
}

TEST_CASE("Plain text that needs no change is not copied", "[report][document]") {
  Result<Document> plain = ReadDocument("a.txt", "Officials said so.\n", ReadOptions{});
  REQUIRE(plain.ok());
  CHECK(&plain->text() == &plain->original());
  CHECK(plain->ToOriginal(5) == 5);
  CHECK(plain->ToOriginal(static_cast<uint32_t>(plain->text().size())) == plain->original().size());
  // A marker line is blanked in the text, so that text is a copy.
  Result<Document> marked =
      ReadDocument("b.txt", "# sourcecheck-disable-next-line\nOfficials said so.\n", ReadOptions{});
  REQUIRE(marked.ok());
  CHECK(&marked->text() != &marked->original());
  CHECK(marked->text().find("sourcecheck") == std::string::npos);
}
