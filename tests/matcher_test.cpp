#include "sourcecheck/matcher.hpp"

#include <catch2/catch.hpp>

#include <cstring>

#include "embedded_lexicons.hpp"
#include "sourcecheck/lexicon_testing.hpp"

using namespace sourcecheck;

namespace {

// A test lexicon: one YAML entry list per family, from strings.
Matcher Compile(const std::vector<std::pair<std::string, std::string>>& files) {
  LexiconBuilder builder;
  for (const auto& [family, entries] : files)
    builder.AddText("test/" + family + ".yaml",
                    "version: 1\nfamily: " + family + "\nentries:\n" + entries);
  Result<Lexicon> lexicon = builder.Build();
  INFO(FormatDiagnostics(builder.diagnostics()));
  REQUIRE(lexicon.ok());
  Result<Matcher> matcher = Matcher::Compile(std::move(lexicon).value());
  REQUIRE(matcher.ok());
  return std::move(matcher).value();
}

std::string Def(const std::string& id, const std::string& what, const std::string& category,
                  const std::string& extra = "") {
  return "  - id: " + id + "\n    " + what + "\n    category: " + category +
         "\n    note: n\n    examples: [x]\n    counterexamples: [y]\n" + extra;
}

// "id:matched text" for every cue, in order.
std::vector<std::string> Hits(const Matcher& m, const std::string& text) {
  std::vector<Token> tokens;
  Tokenize(text, &tokens);
  std::vector<CueMatch> out;
  m.Match(text, tokens, 0, static_cast<uint32_t>(tokens.size()), &out);
  std::vector<std::string> hits;
  for (const CueMatch& c : out)
    hits.push_back(m.entry(c.entry).id + ":" + text.substr(c.begin, c.end - c.begin));
  return hits;
}

using V = std::vector<std::string>;

}  // namespace

TEST_CASE("Matcher finds multi-word phrases across case, quotes and line breaks", "[matcher]") {
  const Matcher m = Compile({{"anonymous_sources",
                              Def("familiar", "phrase: people familiar with the matter", "described")},
                             {"organizations", Def("taiwan", "phrase: Taiwan's government", "government")}});
  CHECK(Hits(m, "People familiar\nwith the matter said so.") ==
        V{"anonymous_sources.familiar:People familiar\nwith the matter"});
  CHECK(Hits(m, "Taiwan\xE2\x80\x99s government denied it.") ==
        V{"organizations.taiwan:Taiwan\xE2\x80\x99s government"});
  CHECK(Hits(m, "people familiar with the plans").empty());
}

TEST_CASE("Matcher forms match each inflection and nothing else", "[matcher]") {
  const Matcher m = Compile({{"reporting_verbs", Def("say", "forms: [say, says, said]", "neutral")}});
  CHECK(Hits(m, "He says it, she said it, they say it.") ==
        V{"reporting_verbs.say:says", "reporting_verbs.say:said", "reporting_verbs.say:say"});
  CHECK(Hits(m, "The sayings of the sage.").empty());
}

TEST_CASE("Matcher case rules", "[matcher]") {
  const Matcher m = Compile(
      {{"outlets", Def("post", "phrase: the Post", "newspaper", "    case: as_written\n")},
       {"hedges", Def("may", "phrase: may", "modal", "    case: lower\n    not_before: ['{number}']\n")}});
  CHECK(Hits(m, "The Post reported it.") == V{"outlets.post:The Post"});
  CHECK(Hits(m, "the Post reported it.") == V{"outlets.post:the Post"});
  CHECK(Hits(m, "He wrote the post.").empty());
  CHECK(Hits(m, "The deal may collapse.") == V{"hedges.may:may"});
  CHECK(Hits(m, "Theresa May spoke.").empty());
  CHECK(Hits(m, "It rose in may 2016.").empty());
}

TEST_CASE("Matcher context rules use placeholders", "[matcher]") {
  const Matcher m = Compile({{"hedges", Def("about", "phrase: about", "approximator",
                                              "    not_before: ['{capitalized}', the]\n"
                                              "    not_after: [talk, '{number}']\n")}});
  CHECK(Hits(m, "It cost about 40 dollars.") == V{"hedges.about:about"});
  CHECK(Hits(m, "A book about Paris.").empty());
  CHECK(Hits(m, "Worried about the cost.").empty());
  CHECK(Hits(m, "Let us talk about it.").empty());
  CHECK(Hits(m, "Chapter 3 about it.").empty());
}

TEST_CASE("Matcher overlap: longest within a family, nesting across families", "[matcher]") {
  const Matcher m = Compile(
      {{"hedges", Def("said_to", "phrase: is said to", "passive") + Def("said", "phrase: said", "passive")},
       {"reporting_verbs", Def("say", "forms: [said, says]", "neutral")},
       {"anonymous_sources", Def("senior", "phrase: a senior official", "described")},
       {"source_roles", Def("official", "phrase: official", "official")}});
  CHECK(Hits(m, "He is said to be ill.") ==
        V{"hedges.said_to:is said to", "reporting_verbs.say:said"});
  CHECK(Hits(m, "A senior official said.") ==
        V{"anonymous_sources.senior:A senior official", "source_roles.official:official",
          "hedges.said:said", "reporting_verbs.say:said"});
}

TEST_CASE("Matcher: non_cues suppress the cues they cover", "[matcher]") {
  const Matcher m = Compile(
      {{"hedges", Def("could", "phrase: could", "modal")},
       {"anonymous_sources", Def("sources", "phrase: sources", "bare")},
       {"non_cues", Def("reached", "phrase: could not be reached for comment", "convention") +
                        Def("revenue", "phrase: sources of revenue", "literal")}});
  CHECK(Hits(m, "The minister could not be reached for comment.") ==
        V{"non_cues.reached:could not be reached for comment"});
  CHECK(Hits(m, "New sources of revenue could help.") ==
        V{"non_cues.revenue:sources of revenue", "hedges.could:could"});
  CHECK(Hits(m, "Sources said it could.") == V{"anonymous_sources.sources:Sources", "hedges.could:could"});
}

TEST_CASE("Matcher: aliases are reported as such", "[matcher]") {
  const Matcher m = Compile({{"outlets", Def("wsj", "forms: [The Wall Street Journal, WSJ]", "newspaper",
                                               "    case: as_written\n    aliases: [the Journal]\n")}});
  const std::string text = "The Wall Street Journal said. The Journal added.";
  std::vector<Token> tokens;
  Tokenize(text, &tokens);
  std::vector<CueMatch> out;
  m.Match(text, tokens, 0, static_cast<uint32_t>(tokens.size()), &out);
  REQUIRE(out.size() == 2);
  CHECK_FALSE(out[0].alias);
  CHECK(out[1].alias);
  CHECK(text.substr(out[1].begin, out[1].end - out[1].begin) == "The Journal");
}

TEST_CASE("Matcher: Aho-Corasick failure links find phrases after a partial match", "[matcher]") {
  const Matcher m = Compile({{"vague_sources", Def("some_experts", "phrase: some experts say", "quantified") +
                                                   Def("experts", "phrase: experts believe", "group")}});
  CHECK(Hits(m, "Some experts believe otherwise.") == V{"vague_sources.experts:experts believe"});
  CHECK(Hits(m, "some some experts say") == V{"vague_sources.some_experts:some experts say"});
}

TEST_CASE("Matcher: patterns match on token boundaries only", "[matcher]") {
  const Matcher m = Compile({{"hedges", Def("percent", "pattern: 'up to \\d+ (per cent|percent)'", "approximator")}});
  CHECK(Hits(m, "Prices rose up to 40 percent last year.") == V{"hedges.percent:up to 40 percent"});
  CHECK(Hits(m, "Prices rose up to 40 percentage points.").empty());
}

TEST_CASE("Matcher: an anchored pattern is tried where an anchor starts, with the same matches", "[matcher]") {
  const std::string pattern = "pattern: '\\bt(?:ook|akes?) (?:\\w+ ){0,2}?(?:swipes?|shots?) at\\b'";
  const Matcher everywhere = Compile({{"reporting_verbs", Def("shots", pattern, "loaded")}});
  const Matcher anchored =
      Compile({{"reporting_verbs", Def("shots", pattern + "\n    anchors: [took, take, takes]", "loaded")}});
  // At the start of the text, after a word, capitalised, twice in a sentence.
  for (const std::string text :
       {"Took a swipe at the mayor, she did.", "Ana Costa took two shots at the board.",
        "She takes swipes at rivals and took a shot at the press.", "The mistake took shape at once."}) {
    INFO(text);
    CHECK(Hits(anchored, text) == Hits(everywhere, text));
  }
  CHECK(Hits(anchored, "Ana Costa took two shots at the board.") ==
        V{"reporting_verbs.shots:took two shots at"});
  // The match starts at an anchor or not at all: "mistook" holds "took"
  // but is no anchor, and a \b before it fails.
  CHECK(Hits(anchored, "He mistook a swipe at him for praise.").empty());
  // A pattern whose matches start elsewhere than its anchors finds nothing.
  const Matcher misanchored =
      Compile({{"reporting_verbs", Def("shots", pattern + "\n    anchors: [swipe]", "loaded")}});
  CHECK(Hits(misanchored, "Ana Costa took a swipe at the board.").empty());
  // With required words the pattern is tried only when one follows the
  // anchor within kRequiresWindow tokens: the same hits when the list is
  // complete, none for a word left off it.
  const Matcher required = Compile(
      {{"reporting_verbs",
        Def("shots", pattern + "\n    anchors: [took, take, takes]\n    requires: [swipe, swipes, shot, shots]", "loaded")}});
  const Matcher incomplete = Compile(
      {{"reporting_verbs", Def("shots", pattern + "\n    anchors: [took, take, takes]\n    requires: [swipe]", "loaded")}});
  for (const std::string text : {"Took a swipe at the mayor, she did.", "Ana Costa took two shots at the board.",
                                 "She takes swipes at rivals and took a shot at the press."}) {
    INFO(text);
    CHECK(Hits(required, text) == Hits(everywhere, text));
  }
  CHECK(Hits(incomplete, "Ana Costa took two shots at the board.").empty());
  CHECK(Hits(incomplete, "Ana Costa took a swipe at the board.") == V{"reporting_verbs.shots:took a swipe at"});
}

TEST_CASE("Matcher: a range limits the match", "[matcher]") {
  const Matcher m = Compile({{"anonymous_sources", Def("sources", "phrase: sources said", "bare")}});
  const std::string text = "It fell, sources said.";
  std::vector<Token> tokens;
  Tokenize(text, &tokens);
  std::vector<CueMatch> out;
  m.Match(text, tokens, 0, 4, &out);  // "It fell , sources"
  CHECK(out.empty());
  m.Match(text, tokens, 3, 2, &out);
  CHECK(out.size() == 1);
}

TEST_CASE("Lexicon tests report failing examples and counterexamples", "[matcher][lexicon]") {
  LexiconBuilder builder;
  builder.AddText("t/hedges.yaml",
                  "version: 1\nfamily: hedges\nentries:\n"
                  "  - id: likely\n    phrase: likely\n    category: adverb\n    note: n\n"
                  "    examples: [It will likely pass., It will probably pass.]\n"
                  "    counterexamples: [It is unlikely., It is likely.]\n");
  Result<Lexicon> lexicon = builder.Build();
  REQUIRE(lexicon.ok());
  Result<Matcher> m = Matcher::Compile(std::move(lexicon).value());
  REQUIRE(m.ok());
  const LexiconTestReport report = RunLexiconTests(*m);
  CHECK(report.passed == 2);
  CHECK(FormatLexiconTestReport(report) ==
        "t/hedges.yaml:8:38: FAIL hedges.likely: did not fire on example\n"
        "    It will probably pass.\n"
        "t/hedges.yaml:9:40: FAIL hedges.likely: fired on counterexample (matched 'likely')\n"
        "    It is likely.\n"
        "lexicon test: 2 passed, 2 failed (1 entries)\n");
}

TEST_CASE("Matcher: only_before and only_after require a context", "[matcher]") {
  const Matcher m = Compile({{"hedges", Def("about", "phrase: about", "approximator",
                                            "    only_before: ['{number}', '$']\n") +
                                            Def("or_so", "phrase: or so", "approximator",
                                                "    only_after: ['{number}', '{number} {word}']\n")}});
  CHECK(Hits(m, "About 40 people came.") == V{"hedges.about:About"});
  CHECK(Hits(m, "It cost about $5.") == V{"hedges.about:about"});
  CHECK(Hits(m, "A book about Paris.").empty());
  CHECK(Hits(m, "He waited 20 minutes or so.") == V{"hedges.or_so:or so"});
  CHECK(Hits(m, "It rained, or so they say.").empty());
}

TEST_CASE("Matcher: each entry's context rules see only their own phrases", "[matcher]") {
  // All context phrases of all entries share the matcher's arrays: a rule
  // must not reach the phrases of the rule or entry filed before or after it.
  const Matcher m = Compile({{"hedges", Def("about", "phrase: about", "approximator",
                                            "    not_before: [town, '{number}']\n") +
                                            Def("around", "phrase: around", "approximator",
                                                "    not_before: [city]\n    only_after: [walked]\n") +
                                            Def("nearly", "phrase: nearly", "approximator",
                                                "    only_before: ['{number}', all]\n") +
                                            Def("roughly", "phrase: roughly", "approximator")}});
  CHECK(Hits(m, "We spoke about city life.") == V{"hedges.about:about"});
  CHECK(Hits(m, "We spoke about town life.").empty());
  CHECK(Hits(m, "We spoke about 40 times.").empty());
  CHECK(Hits(m, "He walked around town.") == V{"hedges.around:around"});
  CHECK(Hits(m, "He walked around city hall.").empty());
  CHECK(Hits(m, "He ran around town.").empty());
  CHECK(Hits(m, "It took nearly 40 days.") == V{"hedges.nearly:nearly"});
  CHECK(Hits(m, "It took nearly all day.") == V{"hedges.nearly:nearly"});
  CHECK(Hits(m, "It took nearly town days.").empty());
  CHECK(Hits(m, "He walked roughly town city 40.") == V{"hedges.roughly:roughly"});
}

namespace {

// Checks that `records` (embedded_lexicons.hpp) holds the texts of `lists` of
// every default entry, in order, with the hashes Tokenize gives them now.
void CheckTokenRecords(std::string_view records,
                       const std::vector<std::vector<LocatedText> Entry::*>& lists, size_t at_least) {
  LexiconBuilder builder;
  builder.AddDefaults();
  Result<Lexicon> lexicon = builder.Build();
  REQUIRE(lexicon.ok());
  size_t pos = 0;
  auto u32 = [&]() {
    uint32_t v = 0;
    REQUIRE(records.size() - pos >= sizeof v);
    std::memcpy(&v, records.data() + pos, sizeof v);
    pos += sizeof v;
    return v;
  };
  std::vector<Token> tokens;
  size_t phrases = 0;
  for (const Entry& e : lexicon->entries()) {
    for (const auto list : lists) {
      for (const LocatedText& p : e.*list) {
        INFO(e.id << ": " << p.text);
        const uint32_t size = u32();
        REQUIRE(records.size() - pos >= size);
        CHECK(records.substr(pos, size) == p.text);
        pos += size;
        const uint32_t count = u32();
        Tokenize(p.text, &tokens);
        REQUIRE(count == tokens.size());
        for (const Token& t : tokens) {
          uint64_t hash = 0;
          std::memcpy(&hash, records.data() + pos, sizeof hash);
          pos += sizeof hash;
          CHECK(hash == t.hash);
        }
        ++phrases;
      }
    }
  }
  CHECK(pos == records.size());
  CHECK(phrases > at_least);
}

}  // namespace

TEST_CASE("Matcher: the build's phrase tokens are Tokenize's, for every default phrase in order", "[matcher]") {
  // Compile takes the defaults' token hashes from these records when the
  // text is the next one in them: they must be every phrase and alias (every
  // context phrase) of the compiled defaults, in order, tokenized as Tokenize
  // does now.
  CheckTokenRecords(internal::CompiledPhraseTokens(), {&Entry::phrases, &Entry::aliases}, 4000);
  CheckTokenRecords(internal::CompiledContextTokens(),
                    {&Entry::not_before, &Entry::only_before, &Entry::only_after, &Entry::not_after}, 3000);
}
