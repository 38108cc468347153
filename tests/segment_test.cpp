#include "sourcecheck/segment.hpp"

#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <tuple>
#include <vector>

namespace sourcecheck {
namespace {

struct Segmented {
  std::string text;
  std::vector<Token> tokens;
  Segmentation seg;
};

Segmented Run(std::string text, const Abbreviations& abbreviations = Abbreviations::Default()) {
  Segmented out;
  out.text = std::move(text);
  Tokenize(out.text, &out.tokens);
  out.seg = Segment(out.text, out.tokens, abbreviations);
  return out;
}

std::string Slice(const std::string& text, uint32_t begin, uint32_t end) {
  return text.substr(begin, end - begin);
}

std::vector<std::string> SentenceTexts(const Segmented& s) {
  std::vector<std::string> out;
  for (const Sentence& sentence : s.seg.sentences)
    out.push_back(Slice(s.text, sentence.begin, sentence.end));
  return out;
}

std::vector<std::string> Sentences(std::string text,
                                   const Abbreviations& abbreviations = Abbreviations::Default()) {
  return SentenceTexts(Run(std::move(text), abbreviations));
}

std::vector<bool> Headings(const Segmented& s) {
  std::vector<bool> out;
  for (const Sentence& sentence : s.seg.sentences) out.push_back(sentence.is_heading);
  return out;
}

// The structural promises of segment.hpp, for any input.
void CheckInvariants(const Segmented& s) {
  const Segmentation& seg = s.seg;
  if (s.tokens.empty()) {
    CHECK(seg.sentences.empty());
    CHECK(seg.paragraphs.empty());
    CHECK(seg.quotations.empty());
    return;
  }
  // Sentences cover every token once, in order.
  uint32_t next_token = 0;
  for (const Sentence& sentence : seg.sentences) {
    REQUIRE(sentence.first_token == next_token);
    REQUIRE(sentence.token_count >= 1);
    next_token += sentence.token_count;
    REQUIRE(next_token <= s.tokens.size());
    CHECK(sentence.begin == s.tokens[sentence.first_token].begin);
    CHECK(sentence.end == s.tokens[next_token - 1].end);
    REQUIRE(sentence.paragraph < seg.paragraphs.size());
  }
  REQUIRE(next_token == s.tokens.size());
  // Paragraphs cover every sentence once, in order; breaks fall on blank lines.
  uint32_t next_sentence = 0;
  for (uint32_t p = 0; p < seg.paragraphs.size(); ++p) {
    const Paragraph& paragraph = seg.paragraphs[p];
    REQUIRE(paragraph.first_sentence == next_sentence);
    REQUIRE(paragraph.sentence_count >= 1);
    next_sentence += paragraph.sentence_count;
    REQUIRE(next_sentence <= seg.sentences.size());
    CHECK(paragraph.begin == seg.sentences[paragraph.first_sentence].begin);
    CHECK(paragraph.end == seg.sentences[next_sentence - 1].end);
    for (uint32_t i = paragraph.first_sentence; i < next_sentence; ++i) {
      CHECK(seg.sentences[i].paragraph == p);
      if (i > paragraph.first_sentence)
        CHECK_FALSE(s.tokens[seg.sentences[i].first_token].has(kBlankLineBefore));
    }
    const Token& first = s.tokens[seg.sentences[paragraph.first_sentence].first_token];
    if (p > 0) CHECK(first.has(kBlankLineBefore));
  }
  REQUIRE(next_sentence == seg.sentences.size());
  // Quotations are ordered and lie within their sentences.
  uint32_t last_end = 0;
  for (const Quotation& q : seg.quotations) {
    CHECK(q.begin >= last_end);
    CHECK(q.begin < q.end);
    CHECK(q.first_sentence <= q.last_sentence);
    REQUIRE(q.last_sentence < seg.sentences.size());
    CHECK(q.begin >= seg.sentences[q.first_sentence].begin);
    CHECK(q.begin < seg.sentences[q.first_sentence].end);
    CHECK(q.end <= seg.sentences[q.last_sentence].end);
    CHECK(q.end > seg.sentences[q.last_sentence].begin);
    last_end = q.end;
  }
}

using Expected = std::vector<std::string>;

}  // namespace

// Each case: a piece of invented news copy and the sentences it must give.
TEST_CASE("Segment splits news copy into sentences", "[segment]") {
  std::string text;
  Expected expected;
  std::tie(text, expected) = GENERATE(table<std::string, Expected>({
      // Abbreviations, titles and initials.
      {"The U.S. Senate passed the bill on Tuesday. The House votes next week.",
       {"The U.S. Senate passed the bill on Tuesday.", "The House votes next week."}},
      {"The plan moved to the U.S. The next day it was dropped.",
       {"The plan moved to the U.S.", "The next day it was dropped."}},
      {"The law applies in the U.S. and in Canada.",
       {"The law applies in the U.S. and in Canada."}},
      {"Troops from the U.N. peacekeeping force withdrew.",
       {"Troops from the U.N. peacekeeping force withdrew."}},
      {"The firm moved its base to the U.K. Its rivals stayed in Paris.",
       {"The firm moved its base to the U.K.", "Its rivals stayed in Paris."}},
      {"Mr. Brown met Mrs. Patel and Dr. Okafor in Leeds. They talked for an hour.",
       {"Mr. Brown met Mrs. Patel and Dr. Okafor in Leeds.", "They talked for an hour."}},
      {"Gen. Mark Ellis and Sen. Ana Ruiz visited the base. Rep. Tom Hale stayed away.",
       {"Gen. Mark Ellis and Sen. Ana Ruiz visited the base.", "Rep. Tom Hale stayed away."}},
      {"Gov. Lisa Ward and Lt. Col. Dan Price spoke. Nobody took questions.",
       {"Gov. Lisa Ward and Lt. Col. Dan Price spoke.", "Nobody took questions."}},
      {"He studied under Prof. Hannah Lee. She later joined the cabinet.",
       {"He studied under Prof. Hannah Lee.", "She later joined the cabinet."}},
      {"Fr. O'Neill led the service. Hundreds attended.",
       {"Fr. O'Neill led the service.", "Hundreds attended."}},
      {"The march ended at St. Paul's Cathedral. Police made no arrests.",
       {"The march ended at St. Paul's Cathedral.", "Police made no arrests."}},
      {"Talks began on Jan. 12 and ended on Feb. 3. A deal followed in Aug. 2023.",
       {"Talks began on Jan. 12 and ended on Feb. 3.", "A deal followed in Aug. 2023."}},
      {"The report is due in Sept. The minister declined to comment.",
       {"The report is due in Sept.", "The minister declined to comment."}},
      {"Shares in Rowan Inc. rose 4% on Monday. Tyne Corp. fell.",
       {"Shares in Rowan Inc. rose 4% on Monday.", "Tyne Corp. fell."}},
      {"The deal values Harlow Ltd. at £40m, sources said.",
       {"The deal values Harlow Ltd. at £40m, sources said."}},
      {"The sale was agreed with Marsh & Co. The price was not disclosed.",
       {"The sale was agreed with Marsh & Co.", "The price was not disclosed."}},
      {"Arsenal vs. Chelsea drew a record crowd. Tickets sold out.",
       {"Arsenal vs. Chelsea drew a record crowd.", "Tickets sold out."}},
      {"The bill covers rent, fuel, etc. and costs £2bn. It passed.",
       {"The bill covers rent, fuel, etc. and costs £2bn.", "It passed."}},
      {"They packed tents, stoves, maps etc. The trip began at dawn.",
       {"They packed tents, stoves, maps etc.", "The trip began at dawn."}},
      {"The prime minister returned to No. 10 on Friday. Aides were waiting.",
       {"The prime minister returned to No. 10 on Friday.", "Aides were waiting."}},
      {"The single reached No. 1 in March.", {"The single reached No. 1 in March."}},
      {"Asked whether he would resign, he said no. The room fell silent.",
       {"Asked whether he would resign, he said no.", "The room fell silent."}},
      {"J.D. Vance spoke first. He was followed by George W. Bush.",
       {"J.D. Vance spoke first.", "He was followed by George W. Bush."}},
      {"The memo was signed by A. J. Carter and R. Mendes. Both declined to comment.",
       {"The memo was signed by A. J. Carter and R. Mendes.", "Both declined to comment."}},
      {"Martin Luther King Jr. Day is a federal holiday.",
       {"Martin Luther King Jr. Day is a federal holiday."}},
      {"Some sectors, e.g. farming, were exempt. Others were not.",
       {"Some sectors, e.g. farming, were exempt.", "Others were not."}},
      {"The rules, i.e. The Acts of 2019, expire soon.",
       {"The rules, i.e. The Acts of 2019, expire soon."}},
      {"The bridge is approx. two miles long.", {"The bridge is approx. two miles long."}},
      // Decimals, times, money.
      {"Inflation rose to 3.5% in March. Economists had expected 3.2%.",
       {"Inflation rose to 3.5% in March.", "Economists had expected 3.2%."}},
      {"The company lost $1.2bn last year. Its shares fell 4.5 per cent.",
       {"The company lost $1.2bn last year.", "Its shares fell 4.5 per cent."}},
      {"The vote was 1,024 to 987. The motion failed.",
       {"The vote was 1,024 to 987.", "The motion failed."}},
      {"The meeting starts at 10:30 a.m. on Thursday. It will be broadcast live.",
       {"The meeting starts at 10:30 a.m. on Thursday.", "It will be broadcast live."}},
      {"Voting closes at 10 p.m. The first results are due after midnight.",
       {"Voting closes at 10 p.m.", "The first results are due after midnight."}},
      {"The blast happened at 5 a.m. Police sealed off the street.",
       {"The blast happened at 5 a.m.", "Police sealed off the street."}},
      {"The polls close at 8 p.m. Eastern on Tuesday.",
       {"The polls close at 8 p.m. Eastern on Tuesday."}},
      {"Talks resume at 9 a.m. Monday in Geneva.", {"Talks resume at 9 a.m. Monday in Geneva."}},
      {"Shares fell 5%. 2024 will be harder, analysts said.",
       {"Shares fell 5%.", "2024 will be harder, analysts said."}},
      {"The fund is worth £2m. $400,000 of it came from donors.",
       {"The fund is worth £2m.", "$400,000 of it came from donors."}},
      {"The score was 2-1. Rovers remain top.", {"The score was 2-1.", "Rovers remain top."}},
      // Quotations.
      {"\"We will win,\" he said.", {"\"We will win,\" he said."}},
      {"\"We will win.\" He then left.", {"\"We will win.\"", "He then left."}},
      {"He said: \"We will win.\"", {"He said: \"We will win.\""}},
      {"“We will win,” the minister said. “Nobody doubts it.”",
       {"“We will win,” the minister said.", "“Nobody doubts it.”"}},
      {"“We will win.” He then left the stage.",
       {"“We will win.”", "He then left the stage."}},
      {"\"Are we ready?\" she asked. \"Not yet.\"",
       {"\"Are we ready?\" she asked.", "\"Not yet.\""}},
      {"\"Is this the end?\" Ms Okafor asked reporters.",
       {"\"Is this the end?\" Ms Okafor asked reporters."}},
      {"\"Why now?\" Mr. Hale said.", {"\"Why now?\" Mr. Hale said."}},
      {"\"Enough!\" shouted the chairman. The meeting ended.",
       {"\"Enough!\" shouted the chairman.", "The meeting ended."}},
      {"\"Where is the money?\" He never got an answer.",
       {"\"Where is the money?\"", "He never got an answer."}},
      {"The minister called the report \"a disgrace\". She did not elaborate.",
       {"The minister called the report \"a disgrace\".", "She did not elaborate."}},
      {"He called the deal \"fair and final.\" Critics disagreed.",
       {"He called the deal \"fair and final.\"", "Critics disagreed."}},
      {"\"We will win. We always do,\" he said.",
       {"\"We will win.", "We always do,\" he said."}},
      {"He said the U.S. \"special relationship\" was over.",
       {"He said the U.S. \"special relationship\" was over."}},
      {"She said the plan was “dead”, then left.", {"She said the plan was “dead”, then left."}},
      // Brackets.
      {"(He left.) The meeting went on without him.",
       {"(He left.)", "The meeting went on without him."}},
      {"The bill passed (by a narrow margin.) Opponents vowed to fight on.",
       {"The bill passed (by a narrow margin.)", "Opponents vowed to fight on."}},
      {"The firm (founded in 1998) employs 400 people.",
       {"The firm (founded in 1998) employs 400 people."}},
      // Dashes and asides.
      {"The minister — who resigned on Tuesday — denied any wrongdoing.",
       {"The minister — who resigned on Tuesday — denied any wrongdoing."}},
      {"The plan — was it ever real? — collapsed in June.",
       {"The plan — was it ever real? — collapsed in June."}},
      {"Only one thing mattered -- winning -- and he knew it.",
       {"Only one thing mattered -- winning -- and he knew it."}},
      // Ellipses, question and exclamation marks.
      {"He paused... and then he spoke.", {"He paused... and then he spoke."}},
      {"They waited for hours... Nothing happened.",
       {"They waited for hours...", "Nothing happened."}},
      {"It is over … The clubs must now rebuild.",
       {"It is over …", "The clubs must now rebuild."}},
      {"The answer was “maybe…” according to aides.",
       {"The answer was “maybe…” according to aides."}},
      {"Is this the end? Not yet, the coach said.",
       {"Is this the end?", "Not yet, the coach said."}},
      {"What a night! Fans celebrated until dawn.",
       {"What a night!", "Fans celebrated until dawn."}},
      {"He left?! Nobody expected that.", {"He left?!", "Nobody expected that."}},
      // Lower case after a period continues.
      {"The figure was revised. but only slightly, officials said.",
       {"The figure was revised. but only slightly, officials said."}},
      {"Details are at www.example.com today.", {"Details are at www.example.com today."}},
      // Headlines, bylines, datelines, hard wraps.
      {"Ministers unveil flood plan\n\nThe government will spend £3bn on defences.",
       {"Ministers unveil flood plan", "The government will spend £3bn on defences."}},
      {"Ministers unveil flood plan\nThe government will spend £3bn on defences.",
       {"Ministers unveil flood plan", "The government will spend £3bn on defences."}},
      {"By Maria Lopez\nBBC News, Madrid\n\nThe strike entered its third day.",
       {"By Maria Lopez", "BBC News, Madrid", "The strike entered its third day."}},
      {"WASHINGTON (Reuters) -\nThe Senate approved the budget on Friday.",
       {"WASHINGTON (Reuters) -\nThe Senate approved the budget on Friday."}},
      {"WASHINGTON (Reuters) - The Senate approved the budget on Friday.",
       {"WASHINGTON (Reuters) - The Senate approved the budget on Friday."}},
      {"LONDON, Jan. 5 (Reuters) — Sterling rose on Monday.",
       {"LONDON, Jan. 5 (Reuters) — Sterling rose on Monday."}},
      {"The minister said people familiar with\nthe plan had warned her.",
       {"The minister said people familiar with\nthe plan had warned her."}},
      {"Officials from the Treasury met\nbankers in the City.",
       {"Officials from the Treasury met\nbankers in the City."}},
      {"The talks were described by the\nPrime Minister as useful.",
       {"The talks were described by the\nPrime Minister as useful."}},
      {"It rained. The talks that followed were described\nas useful by Mr\nBrown.",
       {"It rained.", "The talks that followed were described\nas useful by Mr\nBrown."}},
      {"Apple moved to the U.S.\nSenate hearings followed.",
       {"Apple moved to the U.S.\nSenate hearings followed."}},
      // Lists.
      {"The plan has three parts:\n- lower taxes\n- more police\n- cheaper trains",
       {"The plan has three parts:", "- lower taxes", "- more police", "- cheaper trains"}},
      {"Key points:\n* Rates held at 5%\n* Growth forecast cut",
       {"Key points:", "* Rates held at 5%", "* Growth forecast cut"}},
      {"1. Cut taxes.\n2. Hire more nurses.\n3. Build homes",
       {"1. Cut taxes.", "2. Hire more nurses.", "3. Build homes"}},
      {"• First item\n• Second item", {"• First item", "• Second item"}},
      {"The options were:\na) stay\nb) leave", {"The options were:", "a) stay", "b) leave"}},
      // Paragraphs.
      {"He left.\n\nShe stayed.", {"He left.", "She stayed."}},
      {"The vote was close\n\nthe result was contested.",
       {"The vote was close", "the result was contested."}},
      {"It ended in the U.S.\n\nSenate leaders disagreed.",
       {"It ended in the U.S.", "Senate leaders disagreed."}},
      {"\n\n  The first line.  \n\n\n", {"The first line."}},
      {"", {}},
  }));
  INFO("text: " << text);
  const Segmented s = Run(text);
  CHECK(SentenceTexts(s) == expected);
  CheckInvariants(s);
}

TEST_CASE("Segment tracks a quotation over several sentences", "[segment]") {
  const Segmented s = Run("\"We will win. We always do,\" he said. Nobody argued.");
  REQUIRE(s.seg.sentences.size() == 3);
  REQUIRE(s.seg.quotations.size() == 1);
  const Quotation& q = s.seg.quotations[0];
  CHECK(q.begin == 0);
  CHECK(Slice(s.text, q.begin, q.end) == "\"We will win. We always do,\"");
  CHECK(q.first_sentence == 0);
  CHECK(q.last_sentence == 1);
  CHECK(q.closed);
  CheckInvariants(s);
}

TEST_CASE("Segment keeps a quotation open across paragraphs when the next reopens it",
          "[segment]") {
  SECTION("straight quotes") {
    const Segmented s = Run(
        "She said: \"We will build the homes.\n\n"
        "\"And we will build them on time,\" she added.\n\n"
        "Critics were unconvinced.");
    REQUIRE(s.seg.paragraphs.size() == 3);
    REQUIRE(s.seg.quotations.size() == 1);
    const Quotation& q = s.seg.quotations[0];
    CHECK(Slice(s.text, q.begin, q.end) ==
          "\"We will build the homes.\n\n\"And we will build them on time,\"");
    CHECK(q.first_sentence == 0);
    CHECK(q.last_sentence == 1);
    CHECK(q.closed);
    CheckInvariants(s);
  }
  SECTION("curly quotes over three paragraphs") {
    const Segmented s = Run(
        "“The first point is cost.\n\n“The second is time. The third is trust.\n\n"
        "“That is all,” he said.");
    REQUIRE(s.seg.quotations.size() == 1);
    CHECK(s.seg.quotations[0].first_sentence == 0);
    CHECK(s.seg.quotations[0].last_sentence == 3);
    CHECK(s.seg.quotations[0].closed);
    CheckInvariants(s);
  }
}

TEST_CASE("Segment ends an unclosed quotation", "[segment]") {
  SECTION("at a paragraph that does not reopen it") {
    const Segmented s = Run("He said: \"We will build the homes.\n\nCritics were unconvinced.");
    REQUIRE(s.seg.quotations.size() == 1);
    const Quotation& q = s.seg.quotations[0];
    CHECK_FALSE(q.closed);
    CHECK(Slice(s.text, q.begin, q.end) == "\"We will build the homes.");
    CHECK(q.first_sentence == 0);
    CHECK(q.last_sentence == 0);
    CheckInvariants(s);
  }
  SECTION("at the end of the text") {
    const Segmented s = Run("He said: \"We will never give up. Never.");
    REQUIRE(s.seg.quotations.size() == 1);
    const Quotation& q = s.seg.quotations[0];
    CHECK_FALSE(q.closed);
    CHECK(q.end == s.text.size());
    CHECK(q.first_sentence == 0);
    CHECK(q.last_sentence == 1);
    CheckInvariants(s);
  }
}

TEST_CASE("Segment finds each quotation in a sentence", "[segment]") {
  const Segmented s = Run("He called it \"fair\" and \"final\". Nobody agreed.");
  REQUIRE(s.seg.quotations.size() == 2);
  CHECK(Slice(s.text, s.seg.quotations[0].begin, s.seg.quotations[0].end) == "\"fair\"");
  CHECK(Slice(s.text, s.seg.quotations[1].begin, s.seg.quotations[1].end) == "\"final\"");
  CHECK(s.seg.quotations[1].last_sentence == 0);
  CheckInvariants(s);
}

TEST_CASE("Segment continues a quotation reopened mid-paragraph", "[segment]") {
  // Copy that lost its paragraph breaks keeps the reopening quote mark.
  const Segmented s = Run("\"It was hard. \"We kept going,\" she said.");
  REQUIRE(s.seg.quotations.size() == 1);
  CHECK(s.seg.quotations[0].closed);
  CHECK(s.seg.quotations[0].last_sentence == 1);
  CheckInvariants(s);
}

TEST_CASE("Segment ignores a closing quote mark with no opening one", "[segment]") {
  const Segmented s = Run("He left.\" Then she spoke.");
  CHECK(s.seg.quotations.empty());
  CHECK(SentenceTexts(s) == Expected{"He left.\"", "Then she spoke."});
}

TEST_CASE("Segment builds paragraphs from blank lines", "[segment]") {
  const std::string text =
      "Flood plan unveiled\n\nThe government will spend £3bn. Work starts in May.\r\n\r\n"
      "Critics said it was too little.";
  const Segmented s = Run(text);
  REQUIRE(s.seg.paragraphs.size() == 3);
  REQUIRE(s.seg.sentences.size() == 4);
  const Paragraph& second = s.seg.paragraphs[1];
  CHECK(second.first_sentence == 1);
  CHECK(second.sentence_count == 2);
  CHECK(Slice(text, second.begin, second.end) ==
        "The government will spend £3bn. Work starts in May.");
  CHECK(s.seg.paragraphs[2].first_sentence == 3);
  CHECK(s.seg.paragraphs[2].sentence_count == 1);
  CHECK(s.seg.sentences[0].paragraph == 0);
  CHECK(s.seg.sentences[2].paragraph == 1);
  CHECK(s.seg.sentences[3].paragraph == 2);
  CheckInvariants(s);

  SECTION("a single line break is no paragraph break") {
    const Segmented one = Run("He left.\nShe stayed.");
    CHECK(one.seg.paragraphs.size() == 1);
    CHECK(one.seg.sentences.size() == 2);
  }
}

TEST_CASE("Segment gives sentences token ranges and byte offsets", "[segment]") {
  const std::string text = "  Shares rose.  Bonds fell. ";
  const Segmented s = Run(text);
  REQUIRE(s.seg.sentences.size() == 2);
  const Sentence& first = s.seg.sentences[0];
  CHECK(first.begin == 2);
  CHECK(first.end == 14);
  CHECK(first.first_token == 0);
  CHECK(first.token_count == 3);
  CHECK(s.seg.sentences[1].first_token == 3);
  CHECK(s.seg.sentences[1].token_count == 3);
}

TEST_CASE("Segment marks lines without final punctuation as headings", "[segment]") {
  SECTION("headline, byline and body") {
    const Segmented s = Run(
        "Ministers unveil flood plan\nBy Maria Lopez\n\nThe government will spend £3bn.");
    CHECK(Headings(s) == std::vector<bool>{true, true, false});
  }
  SECTION("a dateline standing alone") {
    const Segmented s = Run("WASHINGTON (Reuters) -\n\nThe Senate met.");
    CHECK(Headings(s) == std::vector<bool>{true, false});
  }
  SECTION("list items without a full stop are headings; the lead-in with a colon is not") {
    const Segmented s = Run("The plan has two parts:\n- lower taxes\n- More police.");
    CHECK(Headings(s) == std::vector<bool>{false, true, false});
  }
  SECTION("a sentence that ends with punctuation or a quotation is no heading") {
    const Segmented s = Run("He said: \"We will win.\"\n\nThe U.S.\n\nMr.");
    CHECK(Headings(s) == std::vector<bool>{false, false, false});
  }
  SECTION("a line that starts mid-line is no heading") {
    const Segmented s = Run("Rain fell. Then came the wind\n\nIt was over.");
    CHECK(Headings(s) == std::vector<bool>{false, false, false});
  }
}

TEST_CASE("Abbreviations can be extended", "[segment]") {
  const std::string text = "The party won in Sask. Voters were pleased.";
  CHECK(Sentences(text).size() == 2);
  Abbreviations abbreviations = Abbreviations::Default();
  const Token sask = [] {
    std::vector<Token> t;
    Tokenize("Sask", &t);
    return t[0];
  }();
  CHECK_FALSE(abbreviations.Contains(sask.hash));
  abbreviations.Add("Sask.", AbbreviationKind::kNeverFinal);
  CHECK(abbreviations.Contains(sask.hash));
  CHECK(abbreviations.Contains(NormalizedHash("sask")));
  CHECK(Sentences(text, abbreviations).size() == 1);

  SECTION("ordinary abbreviations split only before a sentence starter") {
    Abbreviations ordinary;
    ordinary.Add("sask");
    CHECK(Sentences(text, ordinary).size() == 1);
    CHECK(Sentences("The party won in Sask. The voters were pleased.", ordinary).size() == 2);
  }
  SECTION("adding a known word without a kind keeps its kind; with one replaces it") {
    Abbreviations a = Abbreviations::Default();
    a.Add("Mr.");
    AbbreviationKind kind;
    REQUIRE(a.Find(NormalizedHash("mr"), &kind));
    CHECK(kind == AbbreviationKind::kNeverFinal);
    a.Add("mr", AbbreviationKind::kOrdinary);
    REQUIRE(a.Find(NormalizedHash("mr"), &kind));
    CHECK(kind == AbbreviationKind::kOrdinary);
  }
  SECTION("dotted words are found with the final period the tokenizer keeps") {
    Abbreviations dotted;
    dotted.Add("i.e.", AbbreviationKind::kNeverFinal);
    CHECK(dotted.Contains(NormalizedHash("i.e")));
    CHECK(dotted.Contains(NormalizedHash("i.e.")));
    CHECK(Sentences("The rules, i.e. The Acts, stand.", dotted).size() == 1);
  }
  SECTION("the default list knows the news abbreviations") {
    const Abbreviations& d = Abbreviations::Default();
    for (const char* w : {"mr", "mrs", "dr", "gen", "sen", "rep", "gov", "lt", "col", "st", "jan",
                          "feb", "aug", "sept", "inc", "corp", "ltd", "co", "vs", "etc", "no"}) {
      INFO(w);
      CHECK(d.Contains(NormalizedHash(w)));
    }
    AbbreviationKind kind;
    REQUIRE(d.Find(NormalizedHash("no"), &kind));
    CHECK(kind == AbbreviationKind::kBeforeNumber);
    REQUIRE(d.Find(NormalizedHash("mr"), &kind));
    CHECK(kind == AbbreviationKind::kNeverFinal);
    CHECK_FALSE(d.Find(NormalizedHash("minister"), &kind));
  }
}

TEST_CASE("Segment is well formed on random copy", "[segment]") {
  // Fragments chosen to hit every rule at random boundaries.
  const std::vector<std::string> pieces = {
      "The", "minister", "said", "U.S.", "Mr.", "No.", "10", "3.5%", "a.m.", ".", ".", ",",
      "?", "!", "\"", "“", "”", "(", ")", "—", "-", ":", "…", "\n", "\n\n", "e.g.", "Inc.",
      "W.", "he", "The", "'s", "’", "‘", "•", "1.", "\xFF", "J.D.", "etc.", "Senate"};
  std::mt19937 rng(7);
  std::uniform_int_distribution<size_t> pick(0, pieces.size() - 1);
  std::uniform_int_distribution<int> length(0, 60);
  std::bernoulli_distribution space(0.7);
  for (int round = 0; round < 500; ++round) {
    std::string text;
    const int n = length(rng);
    for (int i = 0; i < n; ++i) {
      text += pieces[pick(rng)];
      if (space(rng)) text += ' ';
    }
    INFO("text: " << text);
    CheckInvariants(Run(text));
  }
}

}  // namespace sourcecheck
