// Tokens with byte offsets and a normalised identity, produced in one pass.
//
// The tokenizer is the bottom of the text engine: the segmenter and the cue
// matcher both read the same token vector, so a document is scanned once.
// Tokens never copy text: each holds byte offsets into the text it was made
// from, plus a 64-bit hash of its *normalised* form, which is what matching
// compares. Normalisation happens inside the hash and never moves an offset:
//
//   - letters are case-folded: ASCII (A-Z -> a-z) and the Latin capitals of
//     Latin-1 and Latin Extended-A ("É" -> "é", "Ł" -> "ł"); other scripts
//     are left as they are;
//   - the curly apostrophes and quotes (U+2018, U+2019, U+201C, U+201D, and
//     the primes U+2032/U+2033) hash as the straight ' and "; so do the
//     typewriter pairs '' and `` (one token each);
//   - the en and em dashes (U+2013, U+2014) and the horizontal bar hash as
//     "--", the hyphen-minus as "-";
//   - non-breaking and other Unicode spaces (U+00A0, U+2000-U+200A, U+202F,
//     U+3000) separate tokens like a space; a line break inside a phrase is
//     just space, so "people familiar" split over two lines matches.
//
// Word tokens: a run of letters and digits (any non-ASCII character that is
// not punctuation or space counts as a letter), with inner periods for
// initialisms ("U.S.", "J.D.", "a.m." keep their final period), inner
// apostrophes ("don't", "o'clock"), and numbers with inner "." "," or ":"
// ("3.5", "1,000", "10:30"). A final "'s" or "’s" is split off as its own
// token, so "Taiwan’s" is "taiwan" + "'s" (and "it's" is "it" + "'s").
// Hyphens are separate tokens. Every other non-space character is a
// one-character punctuation token; an ellipsis typed as "..." is three.
//
// Quote direction: curly double quotes (and « „ ») say whether they open or
// close. A straight " opens when a non-space follows it and a space, the
// start of the text, an opening bracket, a dash or a colon precedes it; it
// closes otherwise. Single quotes (' ‘ ’) are never flagged: they are
// apostrophes far more often than quotation marks.
//
// Thread safety: Tokenize is a pure function.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sourcecheck {

enum class TokenKind : uint8_t {
  kWord,    // letters, possibly with digits, inner apostrophes or periods
  kNumber,  // starts with a digit
  kPunct,   // one punctuation character (possibly multi-byte, e.g. “ or —)
};

// Bit flags describing a token's surface form and what precedes it.
enum TokenFlag : uint16_t {
  kCapitalized = 1 << 0,    // first character is an uppercase letter (ASCII or Latin-1/Latin Extended)
  kAllUpper = 1 << 1,       // every cased letter is uppercase and there are at least two letters
  kHasLower = 1 << 2,       // at least one lowercase letter
  kSpaceBefore = 1 << 3,    // whitespace between the previous token and this one
  kNewlineBefore = 1 << 4,  // at least one line break before this token (since the previous one)
  kBlankLineBefore = 1 << 5,  // an empty line (paragraph break) before this token
  kInitialism = 1 << 6,     // a word with inner periods such as "U.S." or "a.m."
  kOpenQuote = 1 << 7,      // a double-quote mark that opens a quotation (by shape or context)
  kCloseQuote = 1 << 8,     // a double-quote mark that closes a quotation
};

struct Token {
  uint32_t begin = 0;  // byte offset of the first byte in the text
  uint32_t end = 0;    // byte offset one past the last byte
  uint64_t hash = 0;   // hash of the normalised form (see NormalizedHash)
  TokenKind kind = TokenKind::kWord;
  uint16_t flags = 0;

  bool has(TokenFlag f) const { return (flags & f) != 0; }
  uint32_t size() const { return end - begin; }
};

// Splits text into tokens. Never fails: bytes that are not valid UTF-8 become
// one-byte punctuation tokens. Offsets are 32-bit: callers must not pass text
// of 4 GiB or more. Appends to *out after clearing it, so a caller can reuse
// one vector across documents without reallocating.
void Tokenize(std::string_view text, std::vector<Token>* out);

// The hash Tokenize gives a token whose normalised form is `normalized`
// (already lower-case, straight quotes). Used to compile lexicon phrases.
uint64_t NormalizedHash(std::string_view normalized);

// The normalised form of a token's text (for display, tests and compiling
// lexicons): case-folded, quotes straightened, dashes as "-" or "--".
std::string NormalizeToken(std::string_view token_text);
// The same into *out, replacing what it held and reusing its storage (for
// a caller normalising many names in a loop).
void NormalizeToken(std::string_view token_text, std::string* out);

}  // namespace sourcecheck
