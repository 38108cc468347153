#include "sourcecheck/tokenize.hpp"

#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

namespace sourcecheck {
namespace {

std::vector<Token> Tokens(std::string_view text) {
  std::vector<Token> tokens;
  Tokenize(text, &tokens);
  return tokens;
}

std::string_view TextOf(std::string_view text, const Token& t) {
  return text.substr(t.begin, t.end - t.begin);
}

// The normalised form of every token, in order.
std::vector<std::string> Normalized(std::string_view text) {
  std::vector<std::string> out;
  for (const Token& t : Tokens(text)) out.push_back(NormalizeToken(TextOf(text, t)));
  return out;
}

// The raw text of every token, in order.
std::vector<std::string> Raw(std::string_view text) {
  std::vector<std::string> out;
  for (const Token& t : Tokens(text)) out.emplace_back(TextOf(text, t));
  return out;
}

// Tokens are ordered, non-empty, non-overlapping and inside the text.
void CheckWellFormed(std::string_view text, const std::vector<Token>& tokens) {
  uint32_t last_end = 0;
  for (const Token& t : tokens) {
    REQUIRE(t.begin >= last_end);
    REQUIRE(t.begin < t.end);
    REQUIRE(t.end <= text.size());
    last_end = t.end;
  }
}

}  // namespace

TEST_CASE("Tokenize gives nothing for empty or blank text", "[tokenize]") {
  CHECK(Tokens("").empty());
  CHECK(Tokens(" \n\t\r\n  ").empty());
  CHECK(Tokens("\xC2\xA0\xE2\x80\x83").empty());  // NBSP, em space
}

TEST_CASE("Tokenize reuses the output vector after clearing it", "[tokenize]") {
  std::vector<Token> tokens;
  Tokenize("One two three.", &tokens);
  REQUIRE(tokens.size() == 4);
  Tokenize("Four", &tokens);
  REQUIRE(tokens.size() == 1);
  CHECK(tokens[0].begin == 0);
  CHECK(tokens[0].end == 4);
}

TEST_CASE("Tokenize normalises case, quotes and dashes", "[tokenize]") {
  const std::string text =
      "The U.S. economy grew 3.5% in 2004, to $1,200bn \xE2\x80\x94 "
      "\xE2\x80\x9C" "faster\xE2\x80\x9D than at 10:30 a.m.";
  CHECK(Normalized(text) ==
        std::vector<std::string>{"the", "u.s.", "economy", "grew", "3.5", "%", "in", "2004", ",",
                                 "to", "$", "1,200bn", "--", "\"", "faster", "\"", "than", "at",
                                 "10:30", "a.m."});
}

TEST_CASE("Tokenize keeps the final period of an initialism at the end of the text",
          "[tokenize]") {
  CHECK(Raw("They moved to the U.S.") ==
        std::vector<std::string>{"They", "moved", "to", "the", "U.S."});
  CHECK(Raw("at 9 p.m.") == std::vector<std::string>{"at", "9", "p.m."});
}

TEST_CASE("Tokenize splits off a possessive 's and hashes both apostrophes alike",
          "[tokenize]") {
  const std::string curly = "Taiwan\xE2\x80\x99s president";
  const std::string straight = "Taiwan's president";
  CHECK(Raw(curly) == std::vector<std::string>{"Taiwan", "\xE2\x80\x99s", "president"});
  CHECK(Raw(straight) == std::vector<std::string>{"Taiwan", "'s", "president"});
  const auto a = Tokens(curly);
  const auto b = Tokens(straight);
  REQUIRE(a.size() == b.size());
  for (size_t i = 0; i < a.size(); ++i) CHECK(a[i].hash == b[i].hash);
  CHECK(a[1].hash == NormalizedHash("'s"));
  CHECK(a[0].hash == NormalizedHash("taiwan"));

  SECTION("inner apostrophes stay inside the word") {
    CHECK(Raw("don't o'clock O'Neill") == std::vector<std::string>{"don't", "o'clock", "O'Neill"});
    CHECK(Normalized("Don\xE2\x80\x99t") == std::vector<std::string>{"don't"});
  }
  SECTION("a plural possessive apostrophe is punctuation") {
    CHECK(Raw("the leaders' talks") == std::vector<std::string>{"the", "leaders", "'", "talks"});
  }
  SECTION("possessives of initialisms and names ending in s") {
    CHECK(Raw("the U.S.'s role") == std::vector<std::string>{"the", "U.S.", "'s", "role"});
    CHECK(Raw("Ross's car") == std::vector<std::string>{"Ross", "'s", "car"});
    CHECK(Raw("WHO'S next") == std::vector<std::string>{"WHO", "'S", "next"});
  }
}

TEST_CASE("Tokenize recognises initialisms", "[tokenize]") {
  const std::string text = "U.S. J.D. Ph.D. e.g. U.K.-based Mr. St.";
  CHECK(Raw(text) == std::vector<std::string>{"U.S.", "J.D.", "Ph.D.", "e.g.", "U.K.", "-",
                                              "based", "Mr", ".", "St", "."});
  const auto tokens = Tokens(text);
  for (size_t i = 0; i < 5; ++i) CHECK(tokens[i].has(kInitialism));
  CHECK_FALSE(tokens[7].has(kInitialism));  // "Mr" is an abbreviation, not an initialism
  CHECK(tokens[0].hash == NormalizedHash("u.s."));
}

TEST_CASE("Tokenize keeps numbers with inner separators whole", "[tokenize]") {
  const std::string text = "1,000 3.5 10:30 2.5bn 2004. 1,000, 7.";
  CHECK(Raw(text) == std::vector<std::string>{"1,000", "3.5", "10:30", "2.5bn", "2004", ".",
                                              "1,000", ",", "7", "."});
  for (const Token& t : Tokens(text)) {
    if (t.kind != TokenKind::kPunct) CHECK(t.kind == TokenKind::kNumber);
  }
}

TEST_CASE("Tokenize makes hyphens and dashes their own tokens", "[tokenize]") {
  CHECK(Raw("well-known U.S.-led") ==
        std::vector<std::string>{"well", "-", "known", "U.S.", "-", "led"});
  const std::string dashes = "a\xE2\x80\x94" "b \xE2\x80\x93 c \xE2\x80\x91 d \xE2\x80\xA6";
  const auto tokens = Tokens(dashes);
  REQUIRE(tokens.size() == 8);
  CHECK(tokens[1].hash == NormalizedHash("--"));  // em dash
  CHECK(tokens[3].hash == NormalizedHash("--"));  // en dash
  CHECK(tokens[5].hash == NormalizedHash("-"));   // non-breaking hyphen
  CHECK(tokens[7].hash == NormalizedHash("..."));  // ellipsis
  CHECK(tokens[1].kind == TokenKind::kPunct);
  CHECK(NormalizeToken("\xE2\x80\x94") == "--");
}

TEST_CASE("Tokenize sets surface and spacing flags", "[tokenize]") {
  const std::string text = "The NATO chief\nsaid  this.\n\n\xC3\x89mile met \xC5\x81ukasz";
  const auto tokens = Tokens(text);
  REQUIRE(tokens.size() == 9);
  CHECK(tokens[0].has(kCapitalized));
  CHECK(tokens[0].has(kHasLower));
  CHECK_FALSE(tokens[0].has(kAllUpper));
  CHECK_FALSE(tokens[0].has(kSpaceBefore));
  CHECK(tokens[1].has(kAllUpper));
  CHECK(tokens[1].has(kCapitalized));
  CHECK_FALSE(tokens[1].has(kHasLower));
  CHECK_FALSE(tokens[2].has(kCapitalized));
  CHECK(tokens[3].has(kNewlineBefore));
  CHECK_FALSE(tokens[3].has(kBlankLineBefore));
  CHECK(tokens[4].has(kSpaceBefore));
  CHECK_FALSE(tokens[5].has(kSpaceBefore));  // "."
  CHECK(tokens[6].has(kBlankLineBefore));
  CHECK(tokens[6].has(kNewlineBefore));
  CHECK(tokens[6].has(kCapitalized));  // É (Latin-1)
  CHECK(tokens[8].has(kCapitalized));  // Ł (Latin Extended-A)

  SECTION("a blank line with spaces on it, CRLF and U+2029 are paragraph breaks") {
    CHECK(Tokens("a\n  \nb")[1].has(kBlankLineBefore));
    CHECK(Tokens("a\r\n\r\nb")[1].has(kBlankLineBefore));
    CHECK(Tokens("a\xE2\x80\xA9" "b")[1].has(kBlankLineBefore));
    CHECK_FALSE(Tokens("a\r\nb")[1].has(kBlankLineBefore));
  }
}

TEST_CASE("Tokenize case-folds Latin letters beyond ASCII", "[tokenize]") {
  CHECK(Tokens("\xC3\x89LYS\xC3\x89" "E")[0].hash == NormalizedHash("\xC3\xA9lys\xC3\xA9" "e"));
  // ŁÓDŹ -> łódź
  CHECK(NormalizeToken("\xC5\x81\xC3\x93" "D\xC5\xB9") == "\xC5\x82\xC3\xB3" "d\xC5\xBA");
  CHECK(NormalizeToken("\xC3\x97") == "\xC3\x97");  // × is no letter
  CHECK(NormalizeToken("\xC5\xB8") == "\xC3\xBF");  // Ÿ -> ÿ
}

TEST_CASE("NormalizeToken into a string replaces what the string held", "[tokenize]") {
  // The same forms as the returning NormalizeToken, ASCII or not, written
  // over a longer earlier value.
  std::string out = "a much longer earlier value than any below";
  for (std::string_view word : {"Osei", "U.S.", "\xE2\x80\x9CHi\xE2\x80\x9D", "\xC3\x89LYS\xC3\x89" "E", ""}) {
    NormalizeToken(word, &out);
    CHECK(out == NormalizeToken(word));
  }
  NormalizeToken("Costa", &out);
  CHECK(out == "costa");
  NormalizeToken("\xE2\x80\x94", &out);
  CHECK(out == "--");
}

TEST_CASE("Tokenize tells opening from closing quotes", "[tokenize]") {
  const auto flags_of = [](std::string_view text, std::string_view mark) {
    std::vector<uint16_t> out;
    for (const Token& t : Tokens(text)) {
      if (TextOf(text, t) == mark) out.push_back(t.flags & (kOpenQuote | kCloseQuote));
    }
    return out;
  };
  const uint16_t open = kOpenQuote;
  const uint16_t close = kCloseQuote;
  CHECK(flags_of("\"We will win,\" he said.", "\"") == std::vector<uint16_t>{open, close});
  CHECK(flags_of("He said \"yes\" and \"no\".", "\"") ==
        std::vector<uint16_t>{open, close, open, close});
  CHECK(flags_of("He said:\"No.\"", "\"") == std::vector<uint16_t>{open, close});
  CHECK(flags_of("(\"Yes\")", "\"") == std::vector<uint16_t>{open, close});
  CHECK(flags_of("\xE2\x80\x9CYes,\xE2\x80\x9D he said", "\xE2\x80\x9C") ==
        std::vector<uint16_t>{open});
  CHECK(flags_of("\xE2\x80\x9CYes,\xE2\x80\x9D he said", "\xE2\x80\x9D") ==
        std::vector<uint16_t>{close});
  // Single quotes are left alone: they are apostrophes far more often.
  CHECK(flags_of("\xE2\x80\x98Yes\xE2\x80\x99", "\xE2\x80\x98") == std::vector<uint16_t>{0});
  CHECK(Tokens("\xE2\x80\x9C")[0].hash == NormalizedHash("\""));
}

TEST_CASE("Tokenize treats Unicode spaces as spaces", "[tokenize]") {
  CHECK(Raw("10\xC2\xA0per\xE2\x80\xAF" "cent") == std::vector<std::string>{"10", "per", "cent"});
}

TEST_CASE("Tokenize survives invalid UTF-8", "[tokenize]") {
  const std::string text = "ab\xFF" "cd \xE2\x80 \xC3 \xED\xA0\x80 \xF0\x9F\x98";
  const auto tokens = Tokens(text);
  CheckWellFormed(text, tokens);
  CHECK(Raw(text).front() == "ab");
  CHECK(Raw(text)[1] == "\xFF");

  SECTION("random bytes give well-formed tokens") {
    std::mt19937 rng(20240607);
    std::uniform_int_distribution<int> byte(0, 255);
    for (int round = 0; round < 200; ++round) {
      std::string bytes(static_cast<size_t>(byte(rng)), '\0');
      for (char& c : bytes) c = static_cast<char>(byte(rng));
      std::vector<Token> out;
      Tokenize(bytes, &out);
      CheckWellFormed(bytes, out);
    }
  }
}

TEST_CASE("Every token hashes as its normalised text", "[tokenize]") {
  const std::string text =
      "\xE2\x80\x9CWe\xE2\x80\x99re ready,\xE2\x80\x9D said \xC3\x89LODIE O'Brien \xE2\x80\x94 "
      "the U.S.-led talks (in 2024) cost $3.5bn, i.e. 10% more\xE2\x80\xA6 Taiwan's \"deal\".";
  const auto tokens = Tokens(text);
  CheckWellFormed(text, tokens);
  for (const Token& t : tokens) {
    INFO(TextOf(text, t));
    CHECK(t.hash == NormalizedHash(NormalizeToken(TextOf(text, t))));
  }
}

TEST_CASE("A word hashes the same on the fast path and the slow one", "[tokenize]") {
  // Words of one to twenty bytes, in every case mix and with digits, each
  // read far from the end of the text (eight bytes at a time) and as the
  // text's last bytes (a byte at a time); and before each stop the fast path
  // hands to the slow one.
  const std::string letters = "aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789";
  for (size_t len = 1; len <= 20; ++len) {
    for (size_t shift = 0; shift < letters.size(); shift += 5) {
      std::string word;
      for (size_t k = 0; k < len; ++k) word += letters[(shift + k * 7) % letters.size()];
      const uint64_t expected = NormalizedHash(NormalizeToken(word));
      for (const char* after : {" and more words here", "", ".", ". Next", "'s own", ",5 left", "\xE2\x80\x99s"}) {
        const std::string text = word + after;
        INFO(text);
        const auto tokens = Tokens(text);
        REQUIRE_FALSE(tokens.empty());
        if (TextOf(text, tokens[0]) == word) CHECK(tokens[0].hash == expected);
        for (const Token& t : tokens) CHECK(t.hash == NormalizedHash(NormalizeToken(TextOf(text, t))));
      }
    }
  }
}

TEST_CASE("Tokenizer reads the typewriter pairs '' and `` as double quotes", "[tokenize]") {
  const std::string text = "He said, ``We won.'' Then ''It is over,'' she said.";
  std::vector<Token> tokens;
  Tokenize(text, &tokens);
  std::vector<std::string> quotes;
  for (const Token& t : tokens)
    if (t.hash == NormalizedHash("\""))
      quotes.push_back(text.substr(t.begin, t.size()) + (t.has(kOpenQuote) ? "open" : t.has(kCloseQuote) ? "close" : "?"));
  CHECK(quotes == std::vector<std::string>{"``open", "''close", "''open", "''close"});
}

}  // namespace sourcecheck
