#include "sourcecheck/tokenize.hpp"

#include <cstring>
#include <initializer_list>

namespace sourcecheck {
namespace {

// The hash of a token's normalised bytes, taken eight bytes at a time: the
// bytes fill a 64-bit word (the first in the low byte, as a little-endian
// load reads them) and each full word is mixed in with one rotate, xor and
// multiply; the last, partial word carries the length in its top byte. A
// word of up to seven bytes is thus one bijective step from its bytes, so
// two such words never collide, and the tokenizer's fast path hashes a
// whole word of ASCII letters from one load, without a loop over its bytes.
constexpr uint64_t kHashSeed = 0x243F6A8885A308D3ull;
constexpr uint64_t kHashMultiplier = 0x9E3779B97F4A7C15ull;

inline uint64_t Mix(uint64_t h, uint64_t word) {
  return (((h << 5) | (h >> 59)) ^ word) * kHashMultiplier;
}
inline uint64_t FinishHash(uint64_t h, uint64_t tail, size_t length) {
  h = Mix(h, tail | (static_cast<uint64_t>(length & 0xFF) << 56));
  return h ^ (h >> 32);
}

// The same hash fed a byte at a time, for the slow path and for strings.
class Hasher {
 public:
  void Add(unsigned char c) {
    tail_ |= static_cast<uint64_t>(c) << (8 * fill_);
    ++length_;
    if (++fill_ == 8) {
      h_ = Mix(h_, tail_);
      tail_ = 0;
      fill_ = 0;
    }
  }
  uint64_t Finish() const { return FinishHash(h_, tail_, length_); }

 private:
  uint64_t h_ = kHashSeed;
  uint64_t tail_ = 0;
  uint32_t fill_ = 0;
  uint32_t length_ = 0;
};

uint64_t HashOf(std::initializer_list<unsigned char> bytes) {
  Hasher h;
  for (unsigned char c : bytes) h.Add(c);
  return h.Finish();
}

enum class CharClass : uint8_t { kSpace, kLetter, kDigit, kPunct, kApostrophe };

// Classification of ASCII bytes, built once.
struct AsciiTable {
  CharClass cls[128];
  constexpr AsciiTable() : cls() {
    for (int c = 0; c < 128; ++c) {
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0)
        cls[c] = CharClass::kSpace;
      else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
        cls[c] = CharClass::kLetter;
      else if (c >= '0' && c <= '9')
        cls[c] = CharClass::kDigit;
      else if (c == '\'')
        cls[c] = CharClass::kApostrophe;
      else if (c < 32 || c == 127)
        cls[c] = CharClass::kSpace;
      else
        cls[c] = CharClass::kPunct;
    }
  }
};
constexpr AsciiTable kAscii;

// The fast path's view of an ASCII byte: what it is, and its case-folded
// form. Most of a news text is ASCII words between spaces, and these two
// tables let the tokenizer take such a word without decoding it.
enum AsciiBits : uint8_t { kLowerBit = 1, kUpperBit = 2, kDigitBit = 4, kAlnumBits = 7 };
struct FastTable {
  uint8_t bits[256];
  unsigned char fold[256];
  constexpr FastTable() : bits(), fold() {
    for (int c = 0; c < 256; ++c) {
      fold[c] = static_cast<unsigned char>(c);
      if (c >= 'a' && c <= 'z') bits[c] = kLowerBit;
      if (c >= 'A' && c <= 'Z') {
        bits[c] = kUpperBit;
        fold[c] = static_cast<unsigned char>(c + 32);
      }
      if (c >= '0' && c <= '9') bits[c] = kDigitBit;
    }
  }
};
constexpr FastTable kFast;

// A decoded character: its class, byte length, and for punctuation that
// normalises to ASCII, the replacement ("'", "\"", "--", "...").
struct CharInfo {
  CharClass cls;
  uint8_t len;
  uint32_t cp;
};

inline bool IsCont(unsigned char c) { return (c & 0xC0) == 0x80; }

// Decodes the character at text[i] (which is >= 0x80). Invalid sequences are
// one byte of punctuation.
inline CharInfo DecodeNonAscii(std::string_view text, size_t i) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  const unsigned char c = s[i];
  uint32_t cp = 0;
  uint8_t len = 0;
  if (c >= 0xC2 && c <= 0xDF && i + 1 < n && IsCont(s[i + 1])) {
    cp = ((c & 0x1Fu) << 6) | (s[i + 1] & 0x3Fu);
    len = 2;
  } else if (c >= 0xE0 && c <= 0xEF && i + 2 < n && IsCont(s[i + 1]) && IsCont(s[i + 2])) {
    cp = ((c & 0x0Fu) << 12) | ((s[i + 1] & 0x3Fu) << 6) | (s[i + 2] & 0x3Fu);
    len = 3;
    if (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF)) return {CharClass::kPunct, 1, 0xFFFD};
  } else if (c >= 0xF0 && c <= 0xF4 && i + 3 < n && IsCont(s[i + 1]) && IsCont(s[i + 2]) &&
             IsCont(s[i + 3])) {
    cp = ((c & 0x07u) << 18) | ((s[i + 1] & 0x3Fu) << 12) | ((s[i + 2] & 0x3Fu) << 6) |
         (s[i + 3] & 0x3Fu);
    len = 4;
    if (cp < 0x10000 || cp > 0x10FFFF) return {CharClass::kPunct, 1, 0xFFFD};
  } else {
    return {CharClass::kPunct, 1, 0xFFFD};
  }
  CharClass cls = CharClass::kLetter;
  if (cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x2028 ||
      cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000 || cp == 0xFEFF || cp == 0x85) {
    cls = CharClass::kSpace;
  } else if (cp == 0x2019 || cp == 0x2018 || cp == 0x2032) {
    cls = CharClass::kApostrophe;
  } else if (cp < 0xA0 || (cp >= 0xA1 && cp <= 0xBF && cp != 0xAA && cp != 0xB5 && cp != 0xBA) ||
             cp == 0xD7 || cp == 0xF7 || (cp >= 0x2010 && cp <= 0x2BFF) ||
             (cp >= 0x3001 && cp <= 0x303F) || (cp >= 0xFE10 && cp <= 0xFE6F) ||
             (cp >= 0xFF01 && cp <= 0xFF0F) || cp == 0xFFFD || (cp >= 0x1F000 && cp <= 0x1FAFF)) {
    cls = CharClass::kPunct;
  }
  return {cls, len, cp};
}

inline CharInfo Decode(std::string_view text, size_t i) {
  const unsigned char c = static_cast<unsigned char>(text[i]);
  if (c < 0x80) return {kAscii.cls[c], 1, c};
  return DecodeNonAscii(text, i);
}

// Hashes the normalised form of one punctuation or apostrophe character.
inline uint64_t HashPunct(uint32_t cp, std::string_view raw) {
  switch (cp) {
    case 0x2018: case 0x2019: case 0x2032: return HashOf({'\''});
    case 0x201C: case 0x201D: case 0x2033: case 0x201E: case 0x00AB: case 0x00BB:
      return HashOf({'"'});
    case 0x2013: case 0x2014: case 0x2015: return HashOf({'-', '-'});
    case 0x2010: case 0x2011: case 0x2212: return HashOf({'-'});
    case 0x2026: return HashOf({'.', '.', '.'});
    default: break;
  }
  Hasher h;
  for (unsigned char c : raw) h.Add(c);
  return h.Finish();
}

// The lower-case form of a non-ASCII capital from Latin-1 or Latin
// Extended-A, or 0 when `cp` is not one. Folding these too lets "ÉLYSÉE" and
// "Élysée" (or "ŁÓDŹ" and "Łódź") match and gives them kCapitalized; other
// scripts stay as they are (their letters count as lower case).
inline uint32_t LatinLower(uint32_t cp) {
  if (cp < 0xC0 || cp > 0x17F) return 0;
  if (cp <= 0xDE) return cp == 0xD7 ? 0 : cp + 0x20;
  if (cp < 0x100) return 0;
  if (cp == 0x130) return 'i';  // İ: the simple case mapping
  if (cp == 0x178) return 0xFF;  // Ÿ
  if (cp <= 0x137 || (cp >= 0x14A && cp <= 0x177)) return (cp & 1) ? 0 : cp + 1;
  if ((cp >= 0x139 && cp <= 0x148) || cp >= 0x179) return (cp & 1) && cp != 0x17F ? cp + 1 : 0;
  return 0;
}

// Appends the UTF-8 encoding of a code point below U+0800 (all LatinLower
// results) through `emit`.
template <typename Emit>
inline void EmitSmallCodePoint(uint32_t cp, Emit emit) {
  if (cp < 0x80) {
    emit(static_cast<unsigned char>(cp));
  } else {
    emit(static_cast<unsigned char>(0xC0 | (cp >> 6)));
    emit(static_cast<unsigned char>(0x80 | (cp & 0x3F)));
  }
}

// Hashes one letter or digit case-folded; sets *upper for a capital.
inline void HashLetter(Hasher* h, std::string_view text, size_t i, const CharInfo& ch, bool* upper) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  if (ch.len == 1) {
    unsigned char c = s[i];
    if (c >= 'A' && c <= 'Z') {
      *upper = true;
      c = static_cast<unsigned char>(c + 32);
    }
    h->Add(c);
    return;
  }
  if (const uint32_t lower = LatinLower(ch.cp)) {
    *upper = true;
    EmitSmallCodePoint(lower, [h](unsigned char b) { h->Add(b); });
    return;
  }
  for (uint8_t k = 0; k < ch.len; ++k) h->Add(s[i + k]);
}

inline bool IsAsciiLetter(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
inline bool IsAsciiDigit(unsigned char c) { return c >= '0' && c <= '9'; }

// Per byte of a 64-bit word, the high bit set where the byte is an ASCII
// lower-case letter, capital or digit (bytes of 0x80 and above are none).
constexpr uint64_t kHighBits = 0x8080808080808080ull;
constexpr uint64_t Repeat(unsigned char c) { return 0x0101010101010101ull * c; }
struct AsciiClasses {
  uint64_t lower, upper, digit;
};
// Bytes in [lo, hi]: with the high bits cleared no byte carries into the
// next, so x + (0x80 - lo) sets the high bit exactly where x >= lo.
inline uint64_t InRange(uint64_t low7, uint64_t ascii, unsigned char lo, unsigned char hi) {
  return (low7 + Repeat(static_cast<unsigned char>(0x80 - lo))) &
         ~(low7 + Repeat(static_cast<unsigned char>(0x7F - hi))) & ascii;
}
inline AsciiClasses Classify(uint64_t w) {
  const uint64_t low7 = w & ~kHighBits;
  const uint64_t ascii = ~w & kHighBits;
  return {InRange(low7, ascii, 'a', 'z'), InRange(low7, ascii, 'A', 'Z'),
          InRange(low7, ascii, '0', '9')};
}
// The fast path's kLowerBit, kUpperBit and kDigitBit seen in the bytes `keep` selects.
inline uint8_t Seen(const AsciiClasses& c, uint64_t keep) {
  return static_cast<uint8_t>(((c.lower & keep) ? kLowerBit : 0) | ((c.upper & keep) ? kUpperBit : 0) |
                              ((c.digit & keep) ? kDigitBit : 0));
}

// Length of a run of ASCII letters starting at i.
inline size_t AsciiLetterRun(std::string_view text, size_t i) {
  size_t j = i;
  while (j < text.size() && IsAsciiLetter(static_cast<unsigned char>(text[j]))) ++j;
  return j - i;
}

// True when text[i] is an "s" or "S" that ends a word: the "s" of a final
// "'s", which is split off as its own token.
inline bool IsFinalS(std::string_view text, size_t i) {
  if (i >= text.size() || (text[i] | 0x20) != 's') return false;
  if (i + 1 >= text.size()) return true;
  const CharClass next = Decode(text, i + 1).cls;
  return next != CharClass::kLetter && next != CharClass::kDigit;
}

}  // namespace

uint64_t NormalizedHash(std::string_view normalized) {
  Hasher h;
  for (unsigned char c : normalized) h.Add(c);
  return h.Finish();
}

void Tokenize(std::string_view text, std::vector<Token>* out) {
  out->clear();
  const size_t n = text.size();
  // English news runs at about one token per five bytes; reserving that much
  // up front spares the copies of a growing vector on long documents.
  out->reserve(n / 5 + 16);
  size_t i = 0;
  uint16_t pending = 0;  // whitespace flags for the next token
  int newlines = 0;
  bool after_open_context = true;  // start of text counts as a place a quote opens
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  while (i < n) {
    // The fast path: an ASCII word or number that ends where no rule of the
    // slow path below (initialisms, inner apostrophes and periods, "'s",
    // decimal points) could continue it, and one-byte punctuation. It makes
    // exactly the tokens the slow path would; anything else falls through.
    if (const unsigned char c0 = s[i]; (kFast.bits[c0] & kAlnumBits) && i + 8 <= n) {
      // Eight bytes at a time: the run of ASCII letters and digits is found
      // and case-folded in registers, and hashed a word at a time.
      uint64_t h = kHashSeed;
      uint64_t tail = 0;
      uint8_t seen = 0;
      size_t j = i;
      bool near_end = false;
      while (true) {
        if (j + 8 > n) {
          near_end = true;  // the last bytes of the text: the slow path takes the word
          break;
        }
        uint64_t w;
        std::memcpy(&w, s + j, 8);
        const AsciiClasses c = Classify(w);
        const uint64_t alnum = c.lower | c.upper | c.digit;
        const uint64_t folded = w | (c.upper >> 2);  // 'A'..'Z' + 0x20
        const uint64_t stops = ~alnum & kHighBits;
        if (stops == 0) {
          seen |= Seen(c, ~uint64_t{0});
          h = Mix(h, folded);
          j += 8;
          continue;
        }
        const unsigned run = static_cast<unsigned>(__builtin_ctzll(stops)) >> 3;
        const uint64_t keep = (uint64_t{1} << (8 * run)) - 1;  // run < 8: a stop was found
        seen |= Seen(c, keep);
        tail = folded & keep;
        j += run;
        break;
      }
      if (near_end) goto slow_path;
      h = FinishHash(h, tail, j - i);
      const bool number = (kFast.bits[c0] & kDigitBit) != 0;
      bool simple = true;
      if (j < n) {
        const unsigned char stop = s[j];
        const unsigned char next = j + 1 < n ? s[j + 1] : 0;
        if (stop >= 0x80 || stop == '\'') {
          simple = false;  // a letter, an apostrophe or a curly one: the slow path decides
        } else if (number) {
          simple = !((stop == '.' || stop == ',' || stop == ':') && IsAsciiDigit(next));
        } else if (stop == '.') {
          // "U.S." and "a.m." continue; a word of three letters or more
          // (no digits) never starts an initialism.
          simple = !IsAsciiLetter(next) || ((seen & kDigitBit) == 0 && j - i > 2);
        }
      }
      if (simple) {
        Token tok;
        tok.begin = static_cast<uint32_t>(i);
        tok.end = static_cast<uint32_t>(j);
        tok.hash = h;
        tok.kind = number ? TokenKind::kNumber : TokenKind::kWord;
        tok.flags = pending;
        // A capital first letter (a number's first byte is a digit), set
        // without a branch: capitals and lower case alternate unpredictably.
        tok.flags |= static_cast<uint16_t>(((kFast.bits[c0] & kUpperBit) >> 1) * kCapitalized);
        if (seen & kLowerBit) {
          tok.flags |= kHasLower;
        } else if (seen & kUpperBit) {
          int letters = 0;
          for (size_t k = i; k < j && letters < 2; ++k) letters += (kFast.bits[s[k]] & kDigitBit) == 0;
          if (letters >= 2) tok.flags |= kAllUpper;
        }
        pending = 0;
        newlines = 0;
        after_open_context = false;
        out->push_back(tok);
        i = j;
        continue;
      }
    } else if (c0 == ' ') {
      pending |= kSpaceBefore;
      ++i;
      continue;
    } else if (c0 < 0x80 && kAscii.cls[c0] == CharClass::kPunct && c0 != '"' && c0 != '`') {
      Token tok;
      tok.begin = static_cast<uint32_t>(i);
      tok.end = static_cast<uint32_t>(i + 1);
      tok.hash = HashOf({c0});
      tok.kind = TokenKind::kPunct;
      tok.flags = pending;
      pending = 0;
      newlines = 0;
      after_open_context = c0 == '(' || c0 == '[' || c0 == '{' || c0 == ':';
      out->push_back(tok);
      ++i;
      continue;
    }
  slow_path:
    const CharInfo ch = Decode(text, i);
    if (ch.cls == CharClass::kSpace) {
      pending |= kSpaceBefore;
      if (text[i] == '\n' || ch.cp == 0x2028 || ch.cp == 0x2029 || ch.cp == 0x85) {
        pending |= kNewlineBefore;
        if (++newlines >= 2 || ch.cp == 0x2029) pending |= kBlankLineBefore;
      }
      i += ch.len;
      continue;
    }
    newlines = 0;
    Token tok;
    tok.begin = static_cast<uint32_t>(i);
    tok.flags = pending;
    pending = 0;
    if (ch.cls == CharClass::kPunct || ch.cls == CharClass::kApostrophe) {
      tok.kind = TokenKind::kPunct;
      tok.hash = HashPunct(ch.cp, text.substr(i, ch.len));
      // Typewriter double quotes written as two marks: '' (closing or
      // both, as in Times copy) and `` (opening, as in TeX and PTB text).
      uint32_t cp = ch.cp;
      if ((cp == '\'' || cp == '`') && i + 1 < n && text[i + 1] == static_cast<char>(cp)) {
        tok.hash = HashOf({'"'});
        i += 1;
        cp = cp == '`' ? 0x201C : '"';
      }
      i += ch.len;
      // Quote direction: curly marks say it; a straight mark opens after
      // space, the start, an opening bracket, a dash or a colon
      // ('said:"We'), when a word follows, and closes otherwise.
      if (cp == 0x201C || cp == 0x201E || cp == 0xAB) {
        tok.flags |= kOpenQuote;
      } else if (cp == 0x201D || cp == 0xBB) {
        tok.flags |= kCloseQuote;
      } else if (cp == '"') {
        const bool space_after = i >= n || Decode(text, i).cls == CharClass::kSpace;
        if ((after_open_context || (tok.flags & kSpaceBefore)) && !space_after)
          tok.flags |= kOpenQuote;
        else
          tok.flags |= kCloseQuote;
      }
      tok.end = static_cast<uint32_t>(i);
      after_open_context = ch.cp == '(' || ch.cp == '[' || ch.cp == '{' || ch.cp == ':' ||
                           ch.cp == 0x2014 || ch.cp == 0x2013 || (tok.flags & kOpenQuote) != 0;
      out->push_back(tok);
      continue;
    }
    after_open_context = false;
    // A word or a number.
    tok.kind = ch.cls == CharClass::kDigit ? TokenKind::kNumber : TokenKind::kWord;
    Hasher h;
    bool first_upper = false;
    bool any_upper = false;
    bool any_lower = false;
    int letters = 0;
    bool initialism = false;
    // Letters in the current period-separated segment, for initialisms.
    size_t segment_letters = 0;
    bool segments_short = true;
    bool first = true;
    while (i < n) {
      if (!first) {
        // Most of a word is a run of ASCII lower-case letters: hash those
        // without decoding or case tests.
        const size_t run_begin = i;
        while (i < n && text[i] >= 'a' && text[i] <= 'z')
          h.Add(static_cast<unsigned char>(text[i++]));
        if (i != run_begin) {
          letters += static_cast<int>(i - run_begin);
          segment_letters += i - run_begin;
          any_lower = true;
          if (i >= n) break;
        }
      }
      const CharInfo c = first ? ch : Decode(text, i);
      if (c.cls == CharClass::kLetter || c.cls == CharClass::kDigit) {
        bool upper = false;
        HashLetter(&h, text, i, c, &upper);
        if (c.cls == CharClass::kLetter) {
          ++letters;
          ++segment_letters;
          if (upper) any_upper = true;
          else if (c.len > 1 || (text[i] >= 'a' && text[i] <= 'z')) any_lower = true;
          if (first) first_upper = upper;
        }
        i += c.len;
        first = false;
        continue;
      }
      first = false;
      if (c.cls == CharClass::kApostrophe) {
        // Inner apostrophe: "don't" stays one word; a final "'s" splits off.
        const size_t after = i + c.len;
        if (after >= n || Decode(text, after).cls != CharClass::kLetter || IsFinalS(text, after))
          break;
        h.Add('\'');
        i = after;
        continue;
      }
      const unsigned char sep = static_cast<unsigned char>(text[i]);
      const bool digit_follows = i + 1 < n && IsAsciiDigit(static_cast<unsigned char>(text[i + 1]));
      if (tok.kind == TokenKind::kNumber && (sep == '.' || sep == ',' || sep == ':') &&
          digit_follows) {
        h.Add(sep);
        ++i;
        continue;
      }
      if (tok.kind == TokenKind::kWord && sep == '.') {
        if (segment_letters > 2) segments_short = false;
        // Continue an initialism: short segments of ASCII letters ("U.S.",
        // "J.D.", "Ph.D.", "a.m.").
        const size_t run = AsciiLetterRun(text, i + 1);
        if (segments_short && run >= 1 && run <= 2 && i + 1 + run < n && text[i + 1 + run] == '.') {
          h.Add('.');
          ++i;
          segment_letters = 0;
          initialism = true;
          continue;
        }
        if (initialism) {  // the closing period of "U.S.", also at the very end of the text
          h.Add('.');
          ++i;
        }
      }
      break;
    }
    tok.end = static_cast<uint32_t>(i);
    tok.hash = h.Finish();
    if (first_upper) tok.flags |= kCapitalized;
    if (any_lower) tok.flags |= kHasLower;
    if (any_upper && !any_lower && letters >= 2) tok.flags |= kAllUpper;
    if (initialism) tok.flags |= kInitialism;
    out->push_back(tok);
    // A split-off possessive "'s" (or "’s"), which hashes the same either way.
    if (i < n) {
      const CharInfo c = Decode(text, i);
      if (c.cls == CharClass::kApostrophe && IsFinalS(text, i + c.len)) {
        Token poss;
        poss.begin = static_cast<uint32_t>(i);
        poss.end = static_cast<uint32_t>(i + c.len + 1);
        poss.kind = TokenKind::kWord;
        poss.hash = HashOf({'\'', 's'});
        poss.flags = text[i + c.len] == 's' ? kHasLower : 0;
        out->push_back(poss);
        i += c.len + 1;
      }
    }
  }
}

std::string NormalizeToken(std::string_view t) {
  std::string out;
  NormalizeToken(t, &out);
  return out;
}

void NormalizeToken(std::string_view t, std::string* into) {
  std::string& out = *into;
  // ASCII (most text) changes only in A-Z: lower-cased in place, with no
  // decoding.
  out.assign(t);
  unsigned char bytes = 0;  // every byte's bits OR-ed: the high one tells of a byte past ASCII
  for (char& b : out) {
    bytes |= static_cast<unsigned char>(b);
    b = b >= 'A' && b <= 'Z' ? static_cast<char>(b + 32) : b;
  }
  if (bytes < 0x80) return;
  out.clear();
  size_t i = 0;
  while (i < t.size()) {
    const CharInfo c = Decode(t, i);
    if (c.len == 1) {
      char b = t[i];
      if (b >= 'A' && b <= 'Z') b = static_cast<char>(b + 32);
      out += b;
    } else {
      switch (c.cp) {
        case 0x2018: case 0x2019: case 0x2032: out += '\''; break;
        case 0x201C: case 0x201D: case 0x2033: case 0x201E: case 0x00AB: case 0x00BB:
          out += '"';
          break;
        case 0x2013: case 0x2014: case 0x2015: out += "--"; break;
        case 0x2010: case 0x2011: case 0x2212: out += '-'; break;
        case 0x2026: out += "..."; break;
        default:
          if (const uint32_t lower = LatinLower(c.cp)) {
            EmitSmallCodePoint(lower, [&out](unsigned char b) { out += static_cast<char>(b); });
          } else {
            out.append(t.substr(i, c.len));
          }
      }
    }
    i += c.len;
  }
}

}  // namespace sourcecheck
