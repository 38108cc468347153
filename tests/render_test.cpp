#include "sourcecheck/render.hpp"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <memory>
#include <regex>
#include <sstream>

#include "sourcecheck/suppress.hpp"

namespace fs = std::filesystem;
using namespace sourcecheck;

namespace {

const fs::path kSource = SOURCECHECK_SOURCE_DIR;
const fs::path kData = kSource / "tests/data/render";

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

// A document and its report, suppressions applied (the document must not
// move: the report points at it).
struct Checked {
  std::unique_ptr<Document> document;
  Report report;
};

Checked Check(const std::string& name) {
  // Named as a user would give the path, so the golden files do not hold
  // this machine's directories.
  Result<Document> doc = ReadDocument("tests/data/render/" + name, ReadAll(kData / name), ReadOptions{});
  REQUIRE(doc.ok());
  Checked c;
  c.document = std::make_unique<Document>(std::move(doc).value());
  c.report = BuildReport(DefaultAnalyzer(), *c.document);
  (void)ApplySuppressions(&c.report);
  return c;
}

// Set SOURCECHECK_UPDATE_GOLDEN=1 to rewrite the golden files after a
// deliberate change (then review the diff).
void CompareGolden(const std::string& actual, const std::string& golden_name) {
  const fs::path golden = kData / golden_name;
  if (std::getenv("SOURCECHECK_UPDATE_GOLDEN")) {
    std::ofstream(golden, std::ios::binary) << actual;
    WARN("rewrote " << golden.string());
  }
  const std::string expected = ReadAll(golden);
  REQUIRE_FALSE(expected.empty());
  INFO("golden file " << golden.string() << " (SOURCECHECK_UPDATE_GOLDEN=1 rewrites it)");
  CHECK(actual == expected);
}

RenderOptions Options(Tier min_tier = Tier::kModerate, std::optional<Tier> fail_on = std::nullopt,
                      bool color = false, int width = 80) {
  RenderOptions o;
  o.min_tier = min_tier;
  o.fail_on = fail_on;
  o.color = color;
  o.width = width;
  return o;
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

int DisplayColumns(const std::string& line) {
  int n = 0;
  for (size_t i = 0; i < line.size(); ++i) {
    const auto c = static_cast<unsigned char>(line[i]);
    if ((c & 0xC0) == 0x80) continue;
    // The fixtures' only wide characters are CJK ideographs (E4-E9 leads).
    n += (c >= 0xE4 && c <= 0xE9) ? 2 : 1;
  }
  return n;
}

const char* const kFixtures[] = {"council.md", "hostile.txt", "suppressed.html"};

}  // namespace

TEST_CASE("Renderers match their golden files byte for byte", "[render][golden]") {
  for (const char* name : kFixtures) {
    INFO(name);
    const Checked c = Check(name);
    const Analyzer& a = DefaultAnalyzer();
    const std::string base = name;
    CompareGolden(RenderText(a, c.report, Options()), base + ".text");
    CompareGolden(RenderText(a, c.report, Options(Tier::kModerate, Tier::kVeryWeak, true, 60)), base + ".color.text");
    CompareGolden(RenderLine(a, c.report, Options()), base + ".line");
    CompareGolden(RenderLine(a, c.report, Options(Tier::kStrong, Tier::kVeryWeak)), base + ".fail.line");
    CompareGolden(RenderMarkdown(a, c.report, Options()), base + ".markdown");
    CompareGolden(RenderHtml(a, {&c.report}, Options()), base + ".html");
  }
  const Checked council = Check("council.md");
  const Checked hostile = Check("hostile.txt");
  CompareGolden(RenderHtml(DefaultAnalyzer(), {&council.report, &hostile.report}, Options(Tier::kWeak)),
                "two_drafts.html");
}

TEST_CASE("Renderers give the same bytes for the same report", "[render]") {
  const Checked a = Check("council.md");
  const Checked b = Check("council.md");
  const Analyzer& an = DefaultAnalyzer();
  CHECK(RenderText(an, a.report, Options()) == RenderText(an, b.report, Options()));
  CHECK(RenderLine(an, a.report, Options()) == RenderLine(an, b.report, Options()));
  CHECK(RenderMarkdown(an, a.report, Options()) == RenderMarkdown(an, b.report, Options()));
  CHECK(RenderHtml(an, {&a.report}, Options()) == RenderHtml(an, {&b.report}, Options()));
}

TEST_CASE("Tier order: strong > moderate > weak > very_weak > unattributed", "[render]") {
  CHECK(AtOrBelow(Tier::kUnattributed, Tier::kVeryWeak));
  CHECK(AtOrBelow(Tier::kVeryWeak, Tier::kVeryWeak));
  CHECK_FALSE(AtOrBelow(Tier::kWeak, Tier::kVeryWeak));
  CHECK(AtOrBelow(Tier::kStrong, Tier::kStrong));
  CHECK_FALSE(AtOrBelow(Tier::kStrong, Tier::kModerate));
  Claim c;
  c.tier = Tier::kVeryWeak;
  CHECK(IsListed(c, Options()));
  CHECK(ClaimSeverity(c, Options()) == Severity::kWarning);
  CHECK(ClaimSeverity(c, Options(Tier::kModerate, Tier::kWeak)) == Severity::kError);
  c.tier = Tier::kUnattributed;
  CHECK(ClaimSeverity(c, Options()) == Severity::kNote);
  CHECK(ClaimSeverity(c, Options(Tier::kModerate, Tier::kVeryWeak)) == Severity::kError);
  c.tier = Tier::kModerate;
  CHECK(ClaimSeverity(c, Options()) == Severity::kNote);
  c.tier = Tier::kStrong;
  CHECK_FALSE(IsListed(c, Options()));
  CHECK(IsListed(c, Options(Tier::kStrong)));
  c.tier = Tier::kWeak;
  c.suppressed = true;
  CHECK_FALSE(IsListed(c, Options(Tier::kStrong)));
}

TEST_CASE("Format and colour names parse both ways", "[render]") {
  for (const char* name : {"text", "line", "markdown", "html", "json"}) {
    ReportFormat f;
    REQUIRE(ParseReportFormat(name, &f));
    CHECK(std::string(ReportFormatName(f)) == name);
  }
  for (const char* name : {"auto", "always", "never"}) {
    ColorMode m;
    REQUIRE(ParseColorMode(name, &m));
    CHECK(std::string(ColorModeName(m)) == name);
  }
  ReportFormat f;
  CHECK_FALSE(ParseReportFormat("pdf", &f));
  ColorMode m;
  CHECK_FALSE(ParseColorMode("yes", &m));
}

TEST_CASE("Text report: wrapped to the width, colours only when asked", "[render][text]") {
  for (const char* name : kFixtures) {
    const Checked c = Check(name);
    for (int width : {40, 57, 80, 120}) {
      INFO(name << " at width " << width);
      const std::string out = RenderText(DefaultAnalyzer(), c.report, Options(Tier::kStrong, std::nullopt, false, width));
      CHECK(out.find('\x1b') == std::string::npos);
      for (const std::string& line : Lines(out)) {
        // The location line is one token a terminal makes clickable; it
        // may overflow only when the path alone is longer than the width.
        if (line.rfind("tests/data/render/", 0) == 0) continue;
        INFO(line);
        CHECK(DisplayColumns(line) <= width);
      }
    }
    const std::string colored = RenderText(DefaultAnalyzer(), c.report, Options(Tier::kModerate, std::nullopt, true));
    CHECK(colored.find("\x1b[") != std::string::npos);
    // Colour replaces the marker lines.
    CHECK(colored.find("^^^") == std::string::npos);
  }
}

TEST_CASE("Text report: the summary first, then each listed claim with its location", "[render][text]") {
  const Checked c = Check("council.md");
  const std::string out = RenderText(DefaultAnalyzer(), c.report, Options());
  CHECK(out.rfind("tests/data/render/council.md: " + std::to_string(c.report.claims.size()) + " claims (1 suppressed), sourcing score ", 0) == 0);
  for (const char* tier : {"strong", "moderate", "weak", "very_weak", "unattributed"})
    CHECK(out.find("\n  " + std::string(tier) + " ") != std::string::npos);
  CHECK(out.find("  anonymous   ") != std::string::npos);
  CHECK(out.find("  outlets     ") != std::string::npos);
  for (size_t i = 0; i < c.report.claims.size(); ++i) {
    const Claim& claim = c.report.claims[i];
    const LineColumn at = c.document->Locate(claim.span.begin);
    const std::string where = "tests/data/render/council.md:" + std::to_string(at.line) + ":" + std::to_string(at.column) +
                              ": claim " + std::to_string(i + 1) + ", ";
    INFO(where);
    CHECK((out.find(where) != std::string::npos) == IsListed(claim, Options()));
  }
  // The suppressed claim ("Critics say ...") is not listed.
  CHECK(out.find("Critics say") == std::string::npos);
}

TEST_CASE("Line diagnostics: one compiler-style line each, severities by tier", "[render][line]") {
  const std::regex form(R"(^tests/data/render/[a-z_.]+:[0-9]+:[0-9]+: (error|warning|note): .+)");
  for (const char* name : kFixtures) {
    const Checked c = Check(name);
    for (const RenderOptions& o : {Options(), Options(Tier::kStrong, Tier::kWeak), Options(Tier::kVeryWeak)}) {
      const std::string out = RenderLine(DefaultAnalyzer(), c.report, o);
      const std::vector<std::string> lines = Lines(out);
      int listed = 0;
      for (const Claim& claim : c.report.claims) listed += IsListed(claim, o);
      CHECK(lines.size() == c.report.summary.flags.size() + static_cast<size_t>(listed));
      for (const std::string& line : lines) {
        INFO(line);
        CHECK(std::regex_match(line, form));
      }
    }
  }
  const Checked c = Check("council.md");
  const std::string out = RenderLine(DefaultAnalyzer(), c.report, Options(Tier::kStrong, Tier::kWeak));
  CHECK(out.find(": error: weak (") != std::string::npos);
  CHECK(out.find(": error: very_weak (") != std::string::npos);
  CHECK(out.find(": note: strong (") != std::string::npos);
  CHECK(out.find("[anonymous_sources.sources]") != std::string::npos);
  CHECK(out.find("[hedges.reportedly]") != std::string::npos);
}

TEST_CASE("Markdown: every cell escaped, the table keeps its columns", "[render][markdown]") {
  for (const char* name : kFixtures) {
    const Checked c = Check(name);
    const std::string out = RenderMarkdown(DefaultAnalyzer(), c.report, Options(Tier::kStrong));
    bool in_claims = false;
    for (const std::string& line : Lines(out)) {
      if (line.rfind("| # |", 0) == 0) in_claims = true;
      if (line.empty()) in_claims = false;
      if (!in_claims || line.rfind("|---", 0) == 0) continue;
      INFO(line);
      int pipes = 0;
      for (size_t i = 0; i < line.size(); ++i) pipes += line[i] == '|' && (i == 0 || line[i - 1] != '\\');
      CHECK(pipes == 7);
      // No raw HTML but the line breaks between reasons.
      std::string rest = line;
      for (size_t at; (at = rest.find("<br>")) != std::string::npos;) rest.erase(at, 4);
      for (size_t i = 0; i < rest.size(); ++i)
        if (rest[i] == '<') CHECK((i > 0 && rest[i - 1] == '\\'));
    }
  }
  const Checked hostile = Check("hostile.txt");
  const std::string out = RenderMarkdown(DefaultAnalyzer(), hostile.report, Options(Tier::kStrong));
  CHECK(out.find(R"(\<script\>document.title='pwned'\</script\>)") != std::string::npos);
  CHECK(out.find(R"(\`£5m\` \| more)") != std::string::npos);
  CHECK(out.find(R"(\*deal\*)") != std::string::npos);
}

TEST_CASE("HTML: a draft's markup stays text, in elements and attributes", "[render][html]") {
  const Checked hostile = Check("hostile.txt");
  const std::string out = RenderHtml(DefaultAnalyzer(), {&hostile.report}, Options());
  CHECK(out.find("<script>document.title") == std::string::npos);
  CHECK(out.find("&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;") != std::string::npos);
  CHECK(out.find("&lt;b&gt;bold&lt;/b&gt;") != std::string::npos);
  size_t scripts = 0;
  for (size_t at = 0; (at = out.find("<script", at)) != std::string::npos; ++at) ++scripts;
  CHECK(scripts == 1);
  // Nothing outside the page.
  CHECK(out.find("src=") == std::string::npos);
  CHECK(out.find("<link") == std::string::npos);
  CHECK(out.find("url(") == std::string::npos);

  // A path with quotes and angle brackets, in the title, a heading and
  // attribute values.
  const std::string text = "Sources said the \"deal\" was <off>.\n";
  const Document doc = Document::FromParts("a\"b'<c>&.txt", InputFormat::kText, text, text, {});
  const Report report = BuildReport(DefaultAnalyzer(), doc);
  const std::string page = RenderHtml(DefaultAnalyzer(), {&report}, Options());
  CHECK(page.find("a\"b") == std::string::npos);
  CHECK(page.find("<c>") == std::string::npos);
  CHECK(page.find("a&quot;b&#39;&lt;c&gt;&amp;.txt") != std::string::npos);
  CHECK(page.find("the &quot;deal&quot; was &lt;off&gt;.") != std::string::npos);
}

TEST_CASE("HTML: every claim marked up once, counts for the page's script", "[render][html]") {
  const Checked council = Check("council.md");
  const Checked hostile = Check("hostile.txt");
  const std::string out = RenderHtml(DefaultAnalyzer(), {&council.report, &hostile.report}, Options());
  const size_t total = council.report.claims.size() + hostile.report.claims.size();
  CHECK(out.find("<body data-claims=\"" + std::to_string(total) + "\">") != std::string::npos);
  for (size_t d = 1; d <= 2; ++d) {
    const Report& r = d == 1 ? council.report : hostile.report;
    for (size_t i = 1; i <= r.claims.size(); ++i) {
      // Built by appending: g++ 12 warns (-Wrestrict) on "literal" + std::string&&.
      std::string claim = "id=\"d", card = "id=\"d";
      claim.append(std::to_string(d)).append("-claim-").append(std::to_string(i)).append("\"");
      card.append(std::to_string(d)).append("-card-").append(std::to_string(i)).append("\"");
      INFO(claim);
      CHECK(out.find(claim) != std::string::npos);
      CHECK(out.find(card) != std::string::npos);
    }
  }
  // The suppressed claim is marked as such, not dropped.
  CHECK(out.find("class=\"claim t-very_weak suppressed\"") != std::string::npos);
  // --min-tier sets which tiers the filters show at first.
  CHECK(out.find("data-tier=\"strong\"><span") != std::string::npos);
  CHECK(out.find("data-tier=\"weak\" checked>") != std::string::npos);
}

// A report put together by hand: the renderers' handling of overlapping
// cues, attributions standing in another sentence, wide characters and
// long words, whatever the lexicons and the attribution stage do.
TEST_CASE("Renderers on a hand-made report: overlapping and outside marks", "[render]") {
  const Analyzer& analyzer = DefaultAnalyzer();
  auto entry = [&](const char* id) {
    const Entry* e = analyzer.lexicon().Find(id);
    REQUIRE(e != nullptr);
    return static_cast<uint32_t>(e - analyzer.lexicon().entries().data());
  };
  const std::string text =
      "\"It is fine,\" she said.\n\nPeople who reportedly know the plan at 東京 told the Echo | the "
      "supercalifragilisticexpialidocious-and-then-some deal is *off*.";
  const Document doc = Document::FromParts("hand.md", InputFormat::kText, text, text, {});
  auto span = [&](const std::string& what, size_t from = 0) {
    const size_t at = text.find(what, from);
    REQUIRE(at != std::string::npos);
    return Span{static_cast<uint32_t>(at), static_cast<uint32_t>(at + what.size())};
  };
  Report report;
  report.document = &doc;
  Claim first;
  first.span = span("\"It is fine,\" she said.");
  first.tier = Tier::kStrong;
  first.score = 90;
  Claim second;
  second.span = {span("People").begin, static_cast<uint32_t>(text.size())};
  Attribution a;
  a.source = span("People who reportedly know the plan");
  a.kind = SourceKind::kAnonymousDescribed;
  a.cue = span("told");
  a.cue_entry = entry("reporting_verbs.tell");
  a.via = span("the Echo");
  a.via_name = "The Echo";
  Attribution inherited;  // stands in the first claim
  inherited.cue = span("said");
  inherited.cue_entry = entry("reporting_verbs.say");
  inherited.inherited = true;
  second.attributions = {a, inherited};
  second.hedges = {{span("reportedly"), entry("hedges.reportedly"), false}};
  second.tier = Tier::kWeak;
  second.score = 47;
  second.reasons = {"anonymous source | described", "relayed from The Echo"};
  second.advice = "Say <why>.";
  report.claims = {first, second};
  report.summary.claims_by_tier[0] = 1;
  report.summary.claims_by_tier[2] = 1;

  const std::string plain = RenderText(analyzer, report, Options(Tier::kModerate, std::nullopt, false, 40));
  CHECK(plain ==
        "hand.md: 2 claims, sourcing score 0/100\n"
        "\n"
        "  strong         1  ██████████████████\n"
        "  moderate       0\n"
        "  weak           1  ██████████████████\n"
        "  very_weak      0\n"
        "  unattributed   0\n"
        "\n"
        "  attributed  0% of claims (0 of 2)\n"
        "  anonymous   0% of attributed claims\n"
        "  sources     0 named, 0 unnamed\n"
        "  outlets     none\n"
        "  hedges      0 of the writer's own (0.0\n"
        "              per 100 words)\n"
        "\n"
        "  1 claim below strong\n"
        "  marks:  ^ source  - attribution\n"
        "          ~ hedge  = relayed via\n"
        "\n"
        "hand.md:3:1: claim 2, weak (47)\n"
        "    People who reportedly know the plan\n"
        "    ^^^^^^^^^^ ~~~~~~~~~~ ^^^^^^^^^^^^^\n"
        "    at 東京 told the Echo | the\n"
        "            ---- ========\n"
        "    supercalifragilisticexpialidocious-\n"
        "    and-then-some deal is *off*.\n"
        "    - anonymous source | described\n"
        "    - relayed from The Echo\n"
        "    advice: Say <why>.\n");

  const std::string md = RenderMarkdown(analyzer, report, Options());
  CHECK(md.find("| 2 | 3:1 | weak (47) | **People who** *reportedly* **know the plan** at 東京 *told* *the Echo* \\| the "
                "supercalifragilisticexpialidocious-and-then-some deal is \\*off\\*. | anonymous source \\| described<br>"
                "relayed from The Echo | Say \\<why\\>. |\n") != std::string::npos);

  const std::string html = RenderHtml(analyzer, {&report}, Options());
  CHECK(html.find("<a class=\"claim t-weak\" id=\"d1-claim-2\" href=\"#d1-card-2\" data-doc=\"1\" data-claim=\"2\" "
                  "data-card=\"d1-card-2\" data-tier=\"weak\"><span class=\"m-source\" title=\"source\">People who</span> "
                  "<span class=\"m-hedge\" title=\"hedge\">reportedly</span>") != std::string::npos);
  const std::string line = RenderLine(analyzer, report, Options());
  CHECK(line == "hand.md:3:1: warning: weak (47): anonymous source | described; relayed from The Echo. Say <why>. "
                "[reporting_verbs.tell]\n");
}

TEST_CASE("The VS Code problem matcher in docs/ reads every line diagnostic", "[render][line]") {
  const nlohmann::json tasks = nlohmann::json::parse(ReadAll(kSource / "docs/vscode-problem-matcher.json"));
  REQUIRE(tasks["tasks"].size() == 2);
  for (const auto& task : tasks["tasks"]) {
    const auto& pattern = task["problemMatcher"]["pattern"];
    const std::regex regexp(pattern["regexp"].get<std::string>(), std::regex::ECMAScript);
    for (const char* name : kFixtures) {
      const Checked c = Check(name);
      for (const std::string& line : Lines(RenderLine(DefaultAnalyzer(), c.report, Options(Tier::kStrong, Tier::kWeak)))) {
        INFO(line);
        std::smatch m;
        REQUIRE(std::regex_match(line, m, regexp));
        CHECK(m[pattern["file"].get<int>()].str().rfind("tests/data/render/", 0) == 0);
        CHECK(std::stoi(m[pattern["line"].get<int>()].str()) >= 1);
        CHECK(std::stoi(m[pattern["column"].get<int>()].str()) >= 1);
        const std::string severity = m[pattern["severity"].get<int>()].str();
        CHECK((severity == "error" || severity == "warning" || severity == "note"));
        const std::string code = m[pattern["code"].get<int>()].str();
        const std::string message = m[pattern["message"].get<int>()].str();
        CHECK_FALSE(message.empty());
        // The entry, when there is one, is the code, not part of the message.
        if (line.back() == ']') {
          CHECK_FALSE(code.empty());
          CHECK(message.back() != ']');
        }
      }
    }
  }
}
