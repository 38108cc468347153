// The first acceptance case: the seed article, read as an experienced
// editor reads it (../shared/reference/seed-gold.yaml). Skipped, with a
// message, when ../shared is not beside the checkout.
#include <yaml-cpp/yaml.h>

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "sourcecheck/report.hpp"

namespace fs = std::filesystem;
using namespace sourcecheck;

namespace {

const fs::path kReference = fs::path(SOURCECHECK_SOURCE_DIR) / ".." / "shared" / "reference";

std::string ReadAll(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string Text(const Document& doc, Span s) { return doc.text().substr(s.begin, s.end - s.begin); }

}  // namespace

TEST_CASE("The seed article is read as the editor reads it", "[seed][acceptance]") {
  if (!fs::exists(kReference / "seed-gold.yaml")) {
    WARN("../shared/reference not found: seed acceptance test skipped");
    return;
  }
  const std::string article = ReadAll(kReference / "seed-article.txt");
  const YAML::Node gold = YAML::LoadFile((kReference / "seed-gold.yaml").string());
  Result<Analyzer> analyzer = Analyzer::Load({});
  REQUIRE(analyzer.ok());
  const Document doc = Document::FromParts("seed-article.txt", InputFormat::kText, article, article, {});
  const Report report = BuildReport(*analyzer, doc);

  for (const YAML::Node& g : gold["claims"]) {
    const std::string anchor = g["anchor"].as<std::string>();
    const size_t at = article.find(anchor);
    REQUIRE(at != std::string::npos);
    const Claim* claim = nullptr;
    for (const Claim& c : report.claims)
      if (c.span.begin <= at && at < c.span.end) claim = &c;
    INFO("claim anchored at: " << anchor);
    REQUIRE(claim != nullptr);
    INFO("claim text: " << Text(doc, claim->span));
    std::string reasons;
    for (const std::string& r : claim->reasons) reasons += "\n  " + r;
    INFO("reasons:" << reasons);

    CHECK(TierName(claim->tier) == g["tier"].as<std::string>());
    const Attribution* a = claim->attributions.empty() ? nullptr : &claim->attributions.front();
    const std::string kind = g["source"].as<std::string>();
    if (kind == "none") {
      CHECK((a == nullptr || a->mental || a->kind == SourceKind::kNone));
    } else {
      REQUIRE(a != nullptr);
      CHECK(SourceKindName(a->kind) == kind);
      CHECK_FALSE(a->mental);
      if (g["source_text"]) CHECK(Text(doc, a->source) == g["source_text"].as<std::string>());
      if (g["via"]) CHECK(Text(doc, a->via) == g["via"].as<std::string>());
      else CHECK(a->via.empty());
      if (g["refers_to"]) CHECK(a->refers_to == g["refers_to"].as<std::string>());
      if (g["quote"]) CHECK(QuoteKindName(a->quote) == g["quote"].as<std::string>());
    }
    if (g["hedges"]) {
      for (const YAML::Node& h : g["hedges"]) {
        const std::string want = Lower(h.as<std::string>());
        bool found = false;
        for (const HedgeHit& hit : claim->hedges)
          if (Lower(Text(doc, hit.span)).find(want) != std::string::npos) found = true;
        INFO("hedge: " << want);
        CHECK(found);
      }
    }
  }
}
