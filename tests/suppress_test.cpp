#include "sourcecheck/suppress.hpp"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "sourcecheck/render.hpp"

using namespace sourcecheck;

namespace {

const Analyzer& DefaultAnalyzer() {
  static const Analyzer analyzer = std::move(Analyzer::Load({})).value();
  return analyzer;
}

Document Read(const std::string& path, const std::string& bytes) {
  Result<Document> doc = ReadDocument(path, bytes, ReadOptions{});
  REQUIRE(doc.ok());
  return std::move(doc).value();
}

// The texts of the claims, "(s)" after a suppressed one.
std::vector<std::string> Claims(const Report& report) {
  std::vector<std::string> out;
  for (const Claim& c : report.claims) {
    std::string t = report.document->text().substr(c.span.begin, c.span.end - c.span.begin);
    out.push_back(t + (c.suppressed ? " (s)" : ""));
  }
  return out;
}

}  // namespace

TEST_CASE("Suppression: which plain-text lines are markers", "[suppress]") {
  auto [line, marker] = GENERATE(table<const char*, bool>({
      {"# sourcecheck-disable-next-line", true},
      {"  #   sourcecheck-disable-next-line  \r", true},
      {"<!-- sourcecheck-disable-next-line -->", true},
      {"<!--sourcecheck-disable-next-line-->", true},
      {"\t<!-- sourcecheck-disable-next-line -->", true},
      {"## sourcecheck-disable-next-line", false},
      {"# sourcecheck-disable-next-line please", false},
      {"sourcecheck-disable-next-line", false},
      {"[sourcecheck-disable-next-line]", false},
      {"# sourcecheck-disable-line", false},
      {"Sources said # sourcecheck-disable-next-line", false},
  }));
  INFO(line);
  CHECK(IsSuppressionMarkerLine(line) == marker);
}

TEST_CASE("Suppression: markers are found in the original, where the reader dropped them", "[suppress]") {
  SECTION("Markdown") {
    const Document doc = Read("d.md",
                              "# Title\n\n<!-- sourcecheck-disable-next-line -->\nSources said X.\n\n"
                              "Text <!-- sourcecheck-disable-next-line --> inline.\n<!-- a comment -->\n"
                              "<!--\nsourcecheck-disable-next-line\n-->\nCritics say Y.\n");
    const std::vector<SuppressionMarker> m = FindSuppressionMarkers(doc);
    REQUIRE(m.size() == 3);
    CHECK(m[0].at.line == 3);
    CHECK(m[0].at.column == 1);
    CHECK(m[0].end_line == 3);
    CHECK(m[1].at.line == 6);
    CHECK(m[1].at.column == 6);
    CHECK(m[2].at.line == 8);
    CHECK(m[2].end_line == 10);
    CHECK(doc.text().find("sourcecheck") == std::string::npos);
  }
  SECTION("HTML") {
    const Document doc = Read("d.html", "<p>A.</p>\n  <!-- sourcecheck-disable-next-line -->\n<p>Sources said X.</p>\n");
    const std::vector<SuppressionMarker> m = FindSuppressionMarkers(doc);
    REQUIRE(m.size() == 1);
    CHECK(m[0].at.line == 2);
    CHECK(m[0].at.column == 3);
  }
  SECTION("plain text, CRLF and lone CR") {
    const Document doc = Read("d.txt", "A b.\r\n# sourcecheck-disable-next-line\r\nSources said X.\r"
                                       "<!-- sourcecheck-disable-next-line -->\rCritics say Y.\r\n");
    const std::vector<SuppressionMarker> m = FindSuppressionMarkers(doc);
    REQUIRE(m.size() == 2);
    CHECK(m[0].at.line == 2);
    CHECK(m[1].at.line == 4);
    // The reader blanks marker lines: same length, no words.
    CHECK(doc.text().size() == doc.original().size());
    CHECK(doc.text().find("sourcecheck") == std::string::npos);
  }
  SECTION("no markers") {
    CHECK(FindSuppressionMarkers(Read("d.md", "Sources said X.\n")).empty());
  }
}

TEST_CASE("Suppression: claims starting on the next line are marked, not dropped", "[suppress]") {
  SECTION("Markdown") {
    const Document doc = Read("d.md",
                              "Sources said the talks had collapsed.\n\n<!-- sourcecheck-disable-next-line -->\n"
                              "Critics say the deal is bad. Observers say it is late.\nThe vote is on Monday.\n");
    Report report = BuildReport(DefaultAnalyzer(), doc);
    const std::vector<Diagnostic> unused = ApplySuppressions(&report);
    CHECK(unused.empty());
    CHECK(Claims(report) == std::vector<std::string>{"Sources said the talks had collapsed.",
                                                     "Critics say the deal is bad. (s)",
                                                     "Observers say it is late. (s)", "The vote is on Monday."});
    CHECK(CountAtOrBelow(report, Tier::kVeryWeak) == 2);
  }
  SECTION("plain text: the marker line is neither a claim nor a paragraph break") {
    const std::string with = "The council met.\n# sourcecheck-disable-next-line\nSources said the talks had collapsed.\n";
    const std::string without = "The council met.\nSources said the talks had collapsed.\n";
    const Document a = Read("a.txt", with);
    const Document b = Read("b.txt", without);
    Report ra = BuildReport(DefaultAnalyzer(), a);
    const Report rb = BuildReport(DefaultAnalyzer(), b);
    CHECK(ApplySuppressions(&ra).empty());
    REQUIRE(ra.claims.size() == rb.claims.size());
    CHECK(Claims(ra).back() == "Sources said the talks had collapsed. (s)");
    CHECK(ra.analysis.segmentation.sentences.back().paragraph == rb.analysis.segmentation.sentences.back().paragraph);
    CHECK(a.Locate(ra.claims.back().span.begin).line == 3);
    CHECK(CountAtOrBelow(ra, Tier::kVeryWeak) == CountAtOrBelow(rb, Tier::kVeryWeak) - 1);
  }
}

TEST_CASE("Suppression: a marker with no claim on the next line is a located warning", "[suppress]") {
  const Document doc = Read("d.html", "<p>A.</p>\n<!-- sourcecheck-disable-next-line -->\n\n<p>Sources said X.</p>\n");
  Report report = BuildReport(DefaultAnalyzer(), doc);
  const std::vector<Diagnostic> unused = ApplySuppressions(&report);
  CHECK(FormatDiagnostics(unused) ==
        "d.html:2:1: warning: sourcecheck-disable-next-line: no claim starts on the next line\n"
        "    <!-- sourcecheck-disable-next-line -->\n"
        "    ^\n");
  for (const Claim& c : report.claims) CHECK_FALSE(c.suppressed);
}

TEST_CASE("Suppression: the JSON report marks suppressed claims and counts them", "[suppress][json]") {
  const Document doc = Read("d.md", "<!-- sourcecheck-disable-next-line -->\nSources said X happened.\n\nCritics say Y.\n");
  Report report = BuildReport(DefaultAnalyzer(), doc);
  (void)ApplySuppressions(&report);
  const nlohmann::json j = nlohmann::json::parse(RenderJson(DefaultAnalyzer(), report));
  REQUIRE(j["claims"].size() == 2);
  CHECK(j["claims"][0]["suppressed"] == true);
  CHECK(j["claims"][1]["suppressed"] == false);
  CHECK(j["summary"]["suppressed"] == 1);
  // Still counted in the summary's figures: they describe the draft.
  CHECK(j["summary"]["claims"] == 2);
}
