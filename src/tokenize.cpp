#include "sourcecheck/tokenize.hpp"

namespace sourcecheck {
namespace {

constexpr uint64_t kFnvOffset = 14695981039346656037ull;
constexpr uint64_t kFnvPrime = 1099511628211ull;

inline uint64_t HashByte(uint64_t h, unsigned char c) { return (h ^ c) * kFnvPrime; }

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
inline uint64_t HashPunct(uint64_t h, uint32_t cp, std::string_view raw) {
  switch (cp) {
    case 0x2018: case 0x2019: case 0x2032: return HashByte(h, '\'');
    case 0x201C: case 0x201D: case 0x2033: case 0x201E: case 0x00AB: case 0x00BB:
      return HashByte(h, '"');
    case 0x2013: case 0x2014: case 0x2015: return HashByte(HashByte(h, '-'), '-');
    case 0x2010: case 0x2011: case 0x2212: return HashByte(h, '-');
    case 0x2026: return HashByte(HashByte(HashByte(h, '.'), '.'), '.');
    default: break;
  }
  for (unsigned char c : raw) h = HashByte(h, c);
  return h;
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
inline uint64_t HashLetter(uint64_t h, std::string_view text, size_t i, const CharInfo& ch,
                           bool* upper) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  if (ch.len == 1) {
    unsigned char c = s[i];
    if (c >= 'A' && c <= 'Z') {
      *upper = true;
      c = static_cast<unsigned char>(c + 32);
    }
    return HashByte(h, c);
  }
  if (const uint32_t lower = LatinLower(ch.cp)) {
    *upper = true;
    EmitSmallCodePoint(lower, [&h](unsigned char b) { h = HashByte(h, b); });
    return h;
  }
  for (uint8_t k = 0; k < ch.len; ++k) h = HashByte(h, s[i + k]);
  return h;
}

inline bool IsAsciiLetter(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
inline bool IsAsciiDigit(unsigned char c) { return c >= '0' && c <= '9'; }

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
  uint64_t h = kFnvOffset;
  for (unsigned char c : normalized) h = HashByte(h, c);
  return h;
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
  while (i < n) {
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
      tok.hash = HashPunct(kFnvOffset, ch.cp, text.substr(i, ch.len));
      // Typewriter double quotes written as two marks: '' (closing or
      // both, as in Times copy) and `` (opening, as in TeX and PTB text).
      uint32_t cp = ch.cp;
      if ((cp == '\'' || cp == '`') && i + 1 < n && text[i + 1] == static_cast<char>(cp)) {
        tok.hash = HashByte(kFnvOffset, '"');
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
    uint64_t h = kFnvOffset;
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
          h = HashByte(h, static_cast<unsigned char>(text[i++]));
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
        h = HashLetter(h, text, i, c, &upper);
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
        h = HashByte(h, '\'');
        i = after;
        continue;
      }
      const unsigned char sep = static_cast<unsigned char>(text[i]);
      const bool digit_follows = i + 1 < n && IsAsciiDigit(static_cast<unsigned char>(text[i + 1]));
      if (tok.kind == TokenKind::kNumber && (sep == '.' || sep == ',' || sep == ':') &&
          digit_follows) {
        h = HashByte(h, sep);
        ++i;
        continue;
      }
      if (tok.kind == TokenKind::kWord && sep == '.') {
        if (segment_letters > 2) segments_short = false;
        // Continue an initialism: short segments of ASCII letters ("U.S.",
        // "J.D.", "Ph.D.", "a.m.").
        const size_t run = AsciiLetterRun(text, i + 1);
        if (segments_short && run >= 1 && run <= 2 && i + 1 + run < n && text[i + 1 + run] == '.') {
          h = HashByte(h, '.');
          ++i;
          segment_letters = 0;
          initialism = true;
          continue;
        }
        if (initialism) {  // the closing period of "U.S.", also at the very end of the text
          h = HashByte(h, '.');
          ++i;
        }
      }
      break;
    }
    tok.end = static_cast<uint32_t>(i);
    tok.hash = h;
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
        poss.hash = HashByte(HashByte(kFnvOffset, '\''), 's');
        poss.flags = text[i + c.len] == 's' ? kHasLower : 0;
        out->push_back(poss);
        i += c.len + 1;
      }
    }
  }
}

std::string NormalizeToken(std::string_view t) {
  std::string out;
  out.reserve(t.size());
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
  return out;
}

}  // namespace sourcecheck
