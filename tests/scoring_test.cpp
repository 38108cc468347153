#include "sourcecheck/scoring.hpp"

#include <catch2/catch.hpp>

#include <cstring>
#include <filesystem>
#include <fstream>

#include "sourcecheck/attribution.hpp"
#include "sourcecheck/report.hpp"

namespace fs = std::filesystem;
using namespace sourcecheck;

namespace {

const Analyzer& DefaultAnalyzer() {
  static const Analyzer analyzer = std::move(Analyzer::Load({})).value();
  return analyzer;
}

// The last claim of a one- or two-sentence document.
Claim LastClaim(const std::string& text, const Analyzer& analyzer = DefaultAnalyzer()) {
  const Document doc = Document::FromParts("t.txt", InputFormat::kText, text, text, {});
  const Report report = BuildReport(analyzer, doc);
  REQUIRE_FALSE(report.claims.empty());
  return report.claims.back();
}

std::string Reasons(const Claim& c) {
  std::string out;
  for (const std::string& r : c.reasons) out += "\n  " + r;
  return out;
}

}  // namespace

// One or more claims for each tier and each modifier of docs/scoring.md;
// the scores are pinned so a change to the model shows up here.
TEST_CASE("Scoring: tiers and scores of a table of claims", "[scoring]") {
  struct Row {
    const char* text;
    const char* tier;
    int score;
  };
  const Row rows[] = {
      {"Finance Minister Ana Costa said the budget would balance next year.", "strong", 88},
      {"\"We will balance the budget next year,\" Finance Minister Ana Costa said.", "strong", 96},
      {"\"We have no plans to sell the terminal at this time,\" a spokesperson for the port authority said.", "strong", 80},
      {"The annual report shows that container traffic fell by 12% in 2023.", "strong", 85},
      {"A Pentagon spokesperson said: \"The drills were planned months ago and are routine.\"", "strong", 80},
      {"Mayor Tom Reyes told reporters the bridge would reopen on Monday.", "strong", 88},
      {"Finance Minister Ana Costa told Reuters the budget would balance next year.", "moderate", 68},
      {"\"We will balance the budget,\" Finance Minister Ana Costa told the Financial Times.", "moderate", 76},
      {"The Treasury said the budget would balance next year.", "moderate", 72},
      {"Trade envoy Mei Tan said the tariffs would stay, Bloomberg reported.", "moderate", 68},
      {"A senior official, who spoke on condition of anonymity because he was not authorized to discuss the talks, said the deal was close.", "moderate", 63},
      {"The Washington Post reported that the agency had lost the files.", "weak", 52},
      {"According to people familiar with the talks, the deal is close.", "weak", 55},
      {"According to people familiar with the talks cited by Reuters, the deal is close.", "weak", 50},
      {"The deal could be signed this week, Bloomberg reported.", "weak", 49},
      {"Two officials briefed on the plan said the vote would be delayed.", "weak", 57},
      {"The merger is reportedly worth $4bn, according to the Financial Times.", "weak", 46},
      {"Sources said the talks had collapsed.", "very_weak", 28},
      {"The talks had collapsed, according to sources.", "very_weak", 28},
      {"Critics say the plan is unfair to renters.", "very_weak", 28},
      {"Some experts believe the virus may have been circulating for months.", "very_weak", 24},
      {"The minister is said to be furious about the leak.", "very_weak", 24},
      {"The talks reportedly collapsed on Friday.", "very_weak", 24},
      {"It is believed the ship sank in the storm.", "very_weak", 24},
      {"The company may possibly be considering a sale.", "very_weak", 14},
      {"Many believe the election was rigged.", "very_weak", 28},
      {"Observers say the government is likely to fall.", "very_weak", 24},
      {"A source said the minister could resign.", "very_weak", 29},
      {"The bridge opened in 1932 and carries 40,000 cars a day.", "unattributed", 15},
      {"The council meets on the first Monday of each month.", "unattributed", 15},
      {"Officials fear the ceasefire will collapse.", "very_weak", 28},
      {"Beijing regards the island as a breakaway province.", "unattributed", 15},
      {"The minister resigned on Tuesday.", "unattributed", 15},
      {"Prices rose 3.2% in the year to March.", "unattributed", 15},
      {"Finance Minister Ana Costa claimed the figures were accurate.", "moderate", 78},
      {"Finance Minister Ana Costa admitted: \"We made a mistake with these figures and we apologise.\"", "strong", 86},
      {"Ana Costa suggested the budget might balance next year.", "moderate", 79},
      {"People close to the negotiations said the deal could collapse.", "weak", 52},
      {"Sources said the deal could possibly collapse.", "very_weak", 12},
      {"In a statement, the ministry said: \"The minister has resigned with immediate effect.\"", "strong", 80},
      {"Dr. Helen Okafor runs the clinic. She told the BBC the ward would close in May.", "moderate", 68},
  };
  for (const Row& row : rows) {
    const Claim c = LastClaim(row.text);
    INFO(row.text << Reasons(c));
    CHECK(TierName(c.tier) == std::string(row.tier));
    CHECK(c.score == row.score);
    CHECK((c.tier == Tier::kStrong) == c.advice.empty());
    CHECK_FALSE(c.reasons.empty());
  }
}

TEST_CASE("Scoring: modifiers each move the score the documented way", "[scoring]") {
  const ScoringModel& m = DefaultAnalyzer().scoring();
  const int named = LastClaim("Ana Costa said the budget would balance.").score;
  CHECK(named == m.base[0]);
  CHECK(LastClaim("\"We will balance the budget this year,\" Ana Costa said.").score == named + m.direct_quote);
  CHECK(LastClaim("Ana Costa told Reuters the budget would balance.").score == named + m.relayed);
  CHECK(LastClaim("Ana Costa claimed the budget would balance.").score == named + m.loaded_verb);
  CHECK(LastClaim("Ana Costa hinted the budget would balance.").score == named + m.tentative_verb);
  const int bare = LastClaim("A source said the plant will close.").score;
  CHECK(LastClaim("Sources said the plant will close.").score == bare + m.bare_plural_sources);
  const Claim stacked = LastClaim("The plant may possibly close.");
  CHECK(stacked.stacked_hedges);
  CHECK(stacked.hedges.size() == 2);
}

TEST_CASE("Scoring: a hedge inside a quotation is the speaker's and does not lower the claim", "[scoring]") {
  const Claim quoted = LastClaim("\"The plant will likely close next year,\" Ana Costa said.");
  const Claim plain = LastClaim("\"The plant will close next year for good,\" Ana Costa said.");
  REQUIRE(quoted.hedges.size() == 1);
  CHECK(quoted.hedges[0].quoted);
  CHECK(quoted.score == plain.score);
  CHECK(quoted.tier == Tier::kStrong);
}

TEST_CASE("Scoring: a newsroom scoring.yaml overrides single keys", "[scoring]") {
  ScoringModel model = ScoringModel::Default();
  std::vector<Diagnostic> diagnostics;
  model.Read("newsroom/scoring.yaml", "version: 1\nkind: scoring\nsources:\n  anonymous_bare: 10\n", &diagnostics);
  CHECK(diagnostics.empty());
  CHECK(model.base[static_cast<int>(SourceKind::kAnonymousBare)] == 10);
  CHECK(model.base[static_cast<int>(SourceKind::kNamedPerson)] == ScoringModel::Default().base[0]);
  Result<Lexicon> lexicon = LoadLexicons({});
  REQUIRE(lexicon.ok());
  Result<Analyzer> analyzer = Analyzer::Create(std::move(lexicon).value(), model);
  REQUIRE(analyzer.ok());
  CHECK(LastClaim("A source said the plant will close.", *analyzer).score == 10);
}

TEST_CASE("Scoring: a broken scoring.yaml gives located diagnostics", "[scoring]") {
  ScoringModel model = ScoringModel::Default();
  std::vector<Diagnostic> diagnostics;
  model.Read("newsroom/scoring.yaml",
             "version: 1\nkind: scoring\nsources:\n  anonymus_bare: 10\nmodifiers:\n  hedge: lots\n",
             &diagnostics);
  CHECK(FormatDiagnostics(diagnostics) ==
        "newsroom/scoring.yaml:4:3: error: unknown key 'anonymus_bare' (did you mean 'anonymous_bare'?)\n"
        "      anonymus_bare: 10\n"
        "      ^\n"
        "newsroom/scoring.yaml:6:10: error: 'hedge' must be a number, not 'lots'\n"
        "      hedge: lots\n"
        "             ^\n");
}

TEST_CASE("Scoring: tier names round-trip", "[scoring]") {
  for (int t = 0; t < kTierCount; ++t) {
    Tier tier;
    REQUIRE(ParseTier(TierName(static_cast<Tier>(t)), &tier));
    CHECK(tier == static_cast<Tier>(t));
  }
  Tier tier;
  CHECK_FALSE(ParseTier("excellent", &tier));
}

TEST_CASE("Scoring: document summary and flags", "[scoring][summary]") {
  const std::string text =
      "Sources said the plant would close. The closure could cost 300 jobs, sources said. "
      "The plant opened in 1970.";
  const Document doc = Document::FromParts("t.txt", InputFormat::kText, text, text, {});
  const Report report = BuildReport(DefaultAnalyzer(), doc);
  const Summary& s = report.summary;
  CHECK(report.claims.size() == 3);
  CHECK(s.claims_by_tier[static_cast<int>(Tier::kVeryWeak)] == 2);
  CHECK(s.claims_by_tier[static_cast<int>(Tier::kUnattributed)] == 1);
  CHECK(s.attributed_share == Approx(2.0 / 3));
  CHECK(s.anonymous_share == Approx(1.0));
  CHECK(s.named_sources == 0);
  CHECK(s.unnamed_sources == 1);
  CHECK(s.hedges == 1);
  bool single = false, first = false;
  for (const auto& [id, message] : s.flags) {
    single |= id == "single_anonymous_source";
    first |= id == "first_source_anonymous";
  }
  CHECK(single);
  CHECK(first);
}

// A section's claims reuse the vector of the one before (SectionReader):
// Attribute leaves their reasons for Score to write over. Scoring into
// claims that held another document's, with more reasons or fewer, must
// give what scoring fresh claims gives.
TEST_CASE("Scoring: claims reused from another document get their own reasons", "[scoring]") {
  const std::string many =
      "Officials reportedly believe the plan might possibly fail, according to sources. "
      "The deal is likely to be signed, the paper said, citing people familiar with the matter. "
      "Critics perhaps suggested that the minister apparently lied.";
  const std::string few = "Ana Costa said the levy would pass. It rained. \"We won,\" she said.";
  auto scored = [](const std::string& text, std::vector<Claim>* claims) {
    const Document doc = Document::FromParts("t.txt", InputFormat::kText, text, text, {});
    const Analysis analysis = DefaultAnalyzer().Analyze(doc);
    Attribute(DefaultAnalyzer(), doc, analysis, claims);
    Score(DefaultAnalyzer().scoring(), DefaultAnalyzer(), doc, analysis, claims);
  };
  for (const auto& [first, second] : {std::pair{many, few}, std::pair{few, many}}) {
    std::vector<Claim> fresh;
    scored(second, &fresh);
    std::vector<Claim> reused;
    scored(first, &reused);
    scored(second, &reused);
    REQUIRE(reused.size() == fresh.size());
    for (size_t i = 0; i < fresh.size(); ++i) {
      INFO("claim " << i << " of: " << second);
      CHECK(reused[i].reasons == fresh[i].reasons);
      CHECK(reused[i].advice == fresh[i].advice);
      CHECK(reused[i].score == fresh[i].score);
    }
  }
}

TEST_CASE("Scoring: the compiled default model equals the embedded scoring.yaml read now", "[scoring]") {
  // Start-up copies the model the build read; reading the same YAML now
  // must give the same values, key by key.
  ScoringModel read;
  std::vector<Diagnostic> diagnostics;
  bool found = false;
  for (const EmbeddedFile& f : EmbeddedLexicons()) {
    if (f.path != "lexicons/scoring.yaml") continue;
    read.Read(std::string(f.path), f.text, &diagnostics);
    found = true;
  }
  REQUIRE(found);
  CHECK_FALSE(HasErrors(diagnostics));
  Result<ScoringModel> loaded = ScoringModel::Load({});
  REQUIRE(loaded.ok());
  const ScoringModel& m = *loaded;
  for (int i = 0; i < 4; ++i) CHECK(m.tier_floor[i] == read.tier_floor[i]);
  for (int i = 0; i < 9; ++i) CHECK(m.base[i] == read.base[i]);
  CHECK(m.unattributed == read.unattributed);
  CHECK(m.direct_quote == read.direct_quote);
  CHECK(m.partial_quote == read.partial_quote);
  CHECK(m.relayed == read.relayed);
  CHECK(m.relayed_anonymous == read.relayed_anonymous);
  CHECK(m.hedge == read.hedge);
  CHECK(m.stacked_hedges == read.stacked_hedges);
  CHECK(m.anonymity_reason == read.anonymity_reason);
  CHECK(m.vantage == read.vantage);
  CHECK(m.bare_plural_sources == read.bare_plural_sources);
  CHECK(m.loaded_verb == read.loaded_verb);
  CHECK(m.tentative_verb == read.tentative_verb);
  CHECK(m.inherited == read.inherited);
  CHECK(m.base[0] != 0);  // the values are the file's, not a zeroed model
  // And every byte, so that a field added later is covered too.
  CHECK(std::memcmp(&m, &read, sizeof m) == 0);
}
