#include "sourcecheck/attribution.hpp"

#include <catch2/catch.hpp>

#include "sourcecheck/report.hpp"

using namespace sourcecheck;

namespace {

const Analyzer& DefaultAnalyzer() {
  static const Analyzer analyzer = [] {
    std::vector<Diagnostic> diagnostics;
    Result<Analyzer> a = Analyzer::Load({}, &diagnostics);
    if (!a.ok()) FAIL(FormatDiagnostics(diagnostics));
    return std::move(a).value();
  }();
  return analyzer;
}

struct Expect {
  const char* text;        // the document
  const char* anchor;      // a substring of the claim under test
  const char* source;      // primary attribution's source text ("" for none)
  const char* kind;        // its kind
  const char* via;         // its via text ("" for none)
  const char* refers_to;   // "" for none
};

// The primary attribution of the claim holding `anchor`, as strings.
struct Got {
  std::string source, kind, via, refers_to, cue;
  bool mental = false;
  std::string quote;
};

Got PrimaryOf(const char* text, const char* anchor, std::string* claim_text) {
  const std::string t = text;
  const Document doc = Document::FromParts("t.txt", InputFormat::kText, t, t, {});
  const Report report = BuildReport(DefaultAnalyzer(), doc);
  const size_t at = t.find(anchor);
  REQUIRE(at != std::string::npos);
  Got got;
  got.kind = "none";
  for (const Claim& c : report.claims) {
    if (c.span.begin > at || at >= c.span.end) continue;
    *claim_text = t.substr(c.span.begin, c.span.end - c.span.begin);
    if (c.attributions.empty()) return got;
    const sourcecheck::Attribution& a = c.attributions.front();
    got.mental = a.mental;
    got.kind = a.mental ? "none" : SourceKindName(a.kind);
    got.source = a.mental ? "" : t.substr(a.source.begin, a.source.end - a.source.begin);
    got.via = t.substr(a.via.begin, a.via.end - a.via.begin);
    got.refers_to = a.refers_to;
    got.cue = t.substr(a.cue.begin, a.cue.end - a.cue.begin);
    got.quote = QuoteKindName(a.quote);
    return got;
  }
  FAIL("no claim holds the anchor");
  return got;
}

}  // namespace

TEST_CASE("Attribution finds source, kind and relay for news constructions", "[attribution]") {
  const Expect cases[] = {
      // SOURCE said (that) ...
      {"Finance Minister Ana Costa said the budget would balance.", "budget", "Finance Minister Ana Costa", "named_person", "", ""},
      {"Ana Costa said that the budget would balance.", "budget", "Ana Costa", "named_person", "", ""},
      // inverted
      {"\"We will balance the budget,\" said Ana Costa.", "balance", "Ana Costa", "named_person", "", ""},
      {"\"We will balance the budget,\" Costa said.", "balance", "Costa", "named_person", "", ""},
      {"The budget will balance, the finance ministry said on Tuesday.", "balance", "the finance ministry", "organization", "", ""},
      // according to
      {"According to the State Department, the embassy will reopen.", "embassy", "the State Department", "organization", "", ""},
      {"The embassy will reopen, according to sources.", "embassy", "sources", "anonymous_bare", "", ""},
      {"According to people familiar with the talks cited by Reuters, the deal is close.", "deal", "people familiar with the talks", "anonymous_described", "Reuters", ""},
      // SOURCE told OUTLET
      {"Ana Costa told Reuters the budget would balance.", "budget", "Ana Costa", "named_person", "Reuters", ""},
      {"As the analyst Rui Mendes told Bloomberg, \"Nobody expected the cut to be this deep.\"", "Nobody", "the analyst Rui Mendes", "named_person", "Bloomberg", ""},
      // OUTLET reported
      {"The Washington Post reported that the agency had lost the files.", "files", "The Washington Post", "outlet", "", "The Washington Post"},
      {"The New York Times first reported the merger. The merger is worth $4bn, the report says.", "worth", "the report", "outlet", "", "The New York Times"},
      // relayed statement: ", OUTLET reported"
      {"The Wall Street Journal covered the talks. Trade envoy Mei Tan said the tariffs would stay, the Journal reported.", "tariffs", "Trade envoy Mei Tan", "named_person", "the Journal", ""},
      // cited by / citing
      {"Economists cited by Bloomberg expect two rate cuts this year.", "rate cuts", "Economists", "vague", "Bloomberg", ""},
      // in a statement
      {"In a statement, the White House said the visit was postponed.", "postponed", "the White House", "organization", "", ""},
      // spokesperson of a named body
      {"A Pentagon spokesperson said the drills were routine.", "drills", "A Pentagon spokesperson", "organization", "", ""},
      // anonymous, described and bare
      {"A senior official who was not authorized to speak publicly said the plan had been shelved.", "shelved", "A senior official", "anonymous_described", "", ""},
      {"Sources said the plan had been shelved.", "shelved", "Sources", "anonymous_bare", "", ""},
      // vague
      {"Critics say the plan is unfair to renters.", "renters", "Critics", "vague", "", ""},
      // pronoun coreference
      {"Dr. Helen Okafor runs the clinic. She said the ward would close in May.", "ward", "She", "named_person", "", "Helen Okafor"},
      {"Defence spokesman Arno Veldt spoke on Monday. He said the exercise would continue.", "exercise", "He", "named_person", "", "Arno Veldt"},
      // a description pointing back to a named person
      {"Senator Ruth Blake opposed the bill. The senator said it would raise prices.", "raise prices", "The senator", "named_person", "", "Ruth Blake"},
      // attributions without a source
      {"The minister is said to be furious about the leak.", "furious", "", "none", "", ""},
      {"The talks reportedly collapsed on Friday.", "collapsed", "", "none", "", ""},
      // a named holder's belief is the writer's reading; an unnamed group's
      // belief is reported as theirs
      {"President Ilves sees the vote as a test of his reforms.", "test", "", "none", "", ""},
      {"Officials fear the ceasefire will collapse.", "ceasefire", "Officials", "vague", "", ""},
      {"Officials at the ministry fear the ceasefire will collapse.", "ceasefire", "Officials at the ministry", "anonymous_described", "", ""},
      // settings: "told reporters", "in a statement", "in an interview with"
      {"Mayor Tom Reyes told reporters the bridge would reopen on Monday.", "bridge", "Mayor Tom Reyes", "named_person", "", ""},
      {"In an interview with the BBC, Ana Costa said the budget would balance.", "budget", "Ana Costa", "named_person", "the BBC", ""},
      {"\"We have no plans to sell,\" a spokesperson for the port authority said.", "plans", "a spokesperson for the port authority", "organization", "", ""},
      {"In a statement, the ministry said the minister had resigned.", "resigned", "the ministry", "organization", "", ""},
      // citing: the outlet relays the source after it
      {"Reuters, citing two diplomats, reported that the talks had stalled.", "stalled", "two diplomats", "anonymous_described", "Reuters", ""},
      // no attribution at all
      {"The bridge opened in 1932 and carries 40,000 cars a day.", "bridge", "", "none", "", ""},
  };
  for (const Expect& e : cases) {
    std::string claim;
    const Got got = PrimaryOf(e.text, e.anchor, &claim);
    INFO("claim: " << claim << "\ncue: " << got.cue);
    CHECK(got.source == e.source);
    CHECK(got.kind == e.kind);
    CHECK(got.via == e.via);
    CHECK(got.refers_to == e.refers_to);
  }
}

TEST_CASE("A quotation over several sentences is one claim with one speaker", "[attribution]") {
  std::string claim;
  const Got got = PrimaryOf(
      "\"We did nothing wrong. We will fight this in court,\" said Mara Lind, the firm's founder.",
      "fight this", &claim);
  CHECK(claim.find("We did nothing wrong.") != std::string::npos);
  CHECK(got.kind == "named_person");
  CHECK(got.quote == "direct");
}

TEST_CASE("A quotation continued in the next paragraph keeps its speaker", "[attribution]") {
  const std::string text =
      "\"The harbour has been neglected for years,\" said Mara Lind, the port's director. \"We need the money.\n\n"
      "\"Without it the cranes will stop,\" she added.";
  std::string claim;
  const Got got = PrimaryOf(text.c_str(), "cranes", &claim);
  CHECK(got.kind == "named_person");
}

TEST_CASE("Source kinds have stable names", "[attribution]") {
  CHECK(std::string(SourceKindName(SourceKind::kAnonymousDescribed)) == "anonymous_described");
  CHECK(std::string(SourceKindName(SourceKind::kUnknown)) == "unknown");
  CHECK(std::string(QuoteKindName(QuoteKind::kPartial)) == "partial");
}
