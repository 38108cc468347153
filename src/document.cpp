#include "sourcecheck/document.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <utility>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "sourcecheck/suppress.hpp"

namespace sourcecheck {
namespace {

using std::string_view;

constexpr size_t kNpos = string_view::npos;
constexpr string_view kBom = "\xEF\xBB\xBF";
constexpr string_view kReplacement = "\xEF\xBF\xBD";

// ---------------------------------------------------------------------------
// Character classes. Markup syntax is ASCII, so bytes >= 0x80 count as
// letters everywhere below; that keeps multi-byte characters intact.

bool IsAsciiAlpha(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
bool IsAsciiDigit(unsigned char c) { return c >= '0' && c <= '9'; }
bool IsAsciiAlnum(unsigned char c) { return IsAsciiAlpha(c) || IsAsciiDigit(c); }
bool IsAsciiPunct(unsigned char c) {
  return (c >= 0x21 && c <= 0x2F) || (c >= 0x3A && c <= 0x40) || (c >= 0x5B && c <= 0x60) ||
         (c >= 0x7B && c <= 0x7E);
}
bool IsHexDigit(unsigned char c) { return IsAsciiDigit(c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f'); }
bool IsSpaceOrTab(char c) { return c == ' ' || c == '\t'; }
bool IsLineSpace(char c) { return c == ' ' || c == '\t' || c == '\n'; }
bool IsHtmlSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'; }
char ToLowerAscii(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + ('a' - 'A')) : c; }

bool EqualsCaseless(string_view s, size_t at, string_view lower_needle) {
  if (at > s.size() || s.size() - at < lower_needle.size()) return false;
  for (size_t k = 0; k < lower_needle.size(); ++k) {
    if (ToLowerAscii(s[at + k]) != lower_needle[k]) return false;
  }
  return true;
}

// First occurrence of `lower_needle` (which starts with an ASCII
// non-letter) in s[from, end), ignoring ASCII case; kNpos when absent.
size_t FindCaseless(string_view s, size_t from, size_t end, string_view lower_needle) {
  const char first = lower_needle[0];
  while (from < end) {
    const void* hit = std::memchr(s.data() + from, first, end - from);
    if (hit == nullptr) return kNpos;
    const size_t p = static_cast<size_t>(static_cast<const char*>(hit) - s.data());
    if (end - p >= lower_needle.size() && EqualsCaseless(s, p, lower_needle)) return p;
    from = p + 1;
  }
  return kNpos;
}

size_t EncodeUtf8(uint32_t cp, char* out) {
  if (cp < 0x80) {
    out[0] = static_cast<char>(cp);
    return 1;
  }
  if (cp < 0x800) {
    out[0] = static_cast<char>(0xC0 | (cp >> 6));
    out[1] = static_cast<char>(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    out[0] = static_cast<char>(0xE0 | (cp >> 12));
    out[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out[2] = static_cast<char>(0x80 | (cp & 0x3F));
    return 3;
  }
  out[0] = static_cast<char>(0xF0 | (cp >> 18));
  out[1] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
  out[2] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
  out[3] = static_cast<char>(0x80 | (cp & 0x3F));
  return 4;
}

// strerror() may share a buffer between threads; drafts are read in parallel.
[[maybe_unused]] const char* PickStrerror(int rc, const char* buf) { return rc == 0 ? buf : "unknown error"; }
[[maybe_unused]] const char* PickStrerror(const char* message, const char*) { return message; }
std::string ErrnoText(int error) {
  char buf[256] = {0};
  return PickStrerror(strerror_r(error, buf, sizeof buf), buf);
}

// ---------------------------------------------------------------------------
// Offset runs.

// Maps `pos` through `runs` (from a space of from_size bytes into one of
// to_size bytes) with the semantics documented on OffsetRun.
// `pos`, which lies in run `r` (at or after its start, before the next
// run's), mapped through it. Clamped so that runs handed to FromParts that
// overshoot stay harmless.
uint32_t MapInRun(const OffsetRun& r, size_t pos, size_t to_size) {
  const size_t mapped = r.original_begin + std::min<size_t>(pos - r.text_begin, r.length);
  return static_cast<uint32_t>(std::min(mapped, to_size));
}

uint32_t MapOffset(const std::vector<OffsetRun>& runs, size_t from_size, size_t to_size, size_t pos) {
  if (pos >= from_size) return static_cast<uint32_t>(to_size);
  if (runs.empty()) return static_cast<uint32_t>(std::min(pos, to_size));
  auto it = std::upper_bound(runs.begin(), runs.end(), pos,
                             [](size_t p, const OffsetRun& r) { return p < r.text_begin; });
  if (it == runs.begin()) return static_cast<uint32_t>(std::min<size_t>(runs.front().original_begin, to_size));
  return MapInRun(*std::prev(it), pos, to_size);
}

// Appends runs in text order, merging neighbours so a document that is
// mostly prose ends up with few runs.
class RunBuilder {
 public:
  explicit RunBuilder(std::vector<OffsetRun>* runs) : runs_(runs) {}

  // text[t, t + n) corresponds byte for byte to source[o, o + n).
  void Linear(size_t t, size_t o, size_t n) {
    if (n == 0) return;
    if (!runs_->empty()) {
      OffsetRun& back = runs_->back();
      if (back.length > 0 && back.text_begin + back.length == t && back.original_begin + back.length == o) {
        back.length += static_cast<uint32_t>(n);
        return;
      }
      if (back.text_begin == t) runs_->pop_back();  // it covered nothing
    }
    runs_->push_back({static_cast<uint32_t>(t), static_cast<uint32_t>(o), static_cast<uint32_t>(n)});
  }

  // text from t up to the next run stands for the markup at source[o].
  void Constant(size_t t, size_t o) {
    if (!runs_->empty()) {
      OffsetRun& back = runs_->back();
      if (back.length == 0 && back.original_begin == o) return;
      if (back.text_begin == t) runs_->pop_back();
    }
    runs_->push_back({static_cast<uint32_t>(t), static_cast<uint32_t>(o), 0});
  }

 private:
  std::vector<OffsetRun>* runs_;
};

// Composes text -> mid (outer) with mid -> original (inner), so markup
// conversion can work on bytes already cleaned of CRLF, NUL and bad UTF-8.
std::vector<OffsetRun> ComposeRuns(const std::vector<OffsetRun>& outer, size_t text_size,
                                   const std::vector<OffsetRun>& inner, size_t mid_size,
                                   size_t original_size) {
  std::vector<OffsetRun> result;
  result.reserve(outer.size() + inner.size());
  RunBuilder builder(&result);
  // Converters emit in source order, so mid offsets mostly only grow: a
  // cursor walks `inner` once, where a binary search per piece would miss
  // the cache on every step.
  size_t cursor = 0;
  auto segment_of = [&](size_t m) {
    if (inner[cursor].text_begin > m) {
      cursor = static_cast<size_t>(
          std::upper_bound(inner.begin(), inner.end(), m,
                           [](size_t p, const OffsetRun& r) { return p < r.text_begin; }) -
          inner.begin());
      cursor = cursor > 0 ? cursor - 1 : 0;
    }
    while (cursor + 1 < inner.size() && inner[cursor + 1].text_begin <= m) ++cursor;
    return cursor;
  };
  auto map_inner = [&](size_t m) -> size_t {
    if (m >= mid_size) return original_size;
    const OffsetRun& in = inner[segment_of(m)];
    if (m < in.text_begin) return in.original_begin;
    return in.original_begin + std::min<size_t>(m - in.text_begin, in.length);
  };
  for (size_t k = 0; k < outer.size(); ++k) {
    const OffsetRun& o = outer[k];
    const size_t seg_end = k + 1 < outer.size() ? outer[k + 1].text_begin : text_size;
    const size_t linear = std::min<size_t>(o.length, seg_end - o.text_begin);
    size_t t = o.text_begin;
    size_t m = o.original_begin;
    size_t remaining = linear;
    while (remaining > 0) {
      if (m >= mid_size) {
        builder.Constant(t, original_size);
        break;
      }
      const size_t j = segment_of(m);
      const OffsetRun& in = inner[j];
      if (m < in.text_begin) {
        builder.Constant(t, in.original_begin);
        break;
      }
      const size_t in_end = j + 1 < inner.size() ? inner[j + 1].text_begin : mid_size;
      const size_t in_linear_end = in.text_begin + in.length;
      size_t piece;
      if (m < in_linear_end) {
        piece = std::min(remaining, in_linear_end - m);
        builder.Linear(t, in.original_begin + (m - in.text_begin), piece);
      } else {
        piece = std::min(remaining, std::max<size_t>(in_end - m, 1));
        builder.Constant(t, in.original_begin + in.length);
      }
      t += piece;
      m += piece;
      remaining -= piece;
    }
    if (seg_end > o.text_begin + linear) {
      builder.Constant(o.text_begin + linear, map_inner(o.original_begin + linear));
    }
  }
  return result;
}

bool IsIdentity(const std::vector<OffsetRun>& runs, size_t text_size, size_t original_size) {
  if (text_size != original_size) return false;
  if (runs.empty()) return true;
  return runs.size() == 1 && runs[0].text_begin == 0 && runs[0].original_begin == 0 &&
         runs[0].length == text_size;
}

// ---------------------------------------------------------------------------
// UTF-8 validation and the cleaning pass.

enum class Utf8Problem {
  kNone,
  kStrayContinuation,
  kOverlong,
  kSurrogate,
  kTooLarge,
  kTruncated,
  kInvalidByte,
};

const char* Utf8ProblemName(Utf8Problem problem) {
  switch (problem) {
    case Utf8Problem::kNone: return "valid";
    case Utf8Problem::kStrayContinuation: return "stray continuation byte";
    case Utf8Problem::kOverlong: return "overlong encoding";
    case Utf8Problem::kSurrogate: return "UTF-16 surrogate";
    case Utf8Problem::kTooLarge: return "code point above U+10FFFF";
    case Utf8Problem::kTruncated: return "truncated sequence";
    case Utf8Problem::kInvalidByte: return "byte never used in UTF-8";
  }
  return "invalid";
}

struct Utf8Check {
  size_t length = 1;  // the valid sequence, or the maximal bad subpart (one U+FFFD)
  Utf8Problem problem = Utf8Problem::kNone;
};

bool IsContinuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// Checks the sequence starting at p[0] >= 0x80. Bad sequences are measured as
// "maximal subparts" (Unicode's recommended practice), so replacement gives
// the same number of U+FFFD as browsers and iconv.
Utf8Check CheckUtf8(const unsigned char* p, size_t avail) {
  const unsigned char lead = p[0];
  if (lead < 0xC0) return {1, Utf8Problem::kStrayContinuation};
  if (lead < 0xC2) return {1, Utf8Problem::kOverlong};
  if (lead >= 0xFE) return {1, Utf8Problem::kInvalidByte};
  if (lead >= 0xF5) return {1, Utf8Problem::kTooLarge};
  const size_t need = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
  if (avail < 2 || !IsContinuation(p[1])) return {1, Utf8Problem::kTruncated};
  // The second byte's range is narrower after some leads; outside it, the
  // lead alone is the bad part and the byte is looked at again.
  const unsigned char second = p[1];
  if (lead == 0xE0 && second < 0xA0) return {1, Utf8Problem::kOverlong};
  if (lead == 0xED && second > 0x9F) return {1, Utf8Problem::kSurrogate};
  if (lead == 0xF0 && second < 0x90) return {1, Utf8Problem::kOverlong};
  if (lead == 0xF4 && second > 0x8F) return {1, Utf8Problem::kTooLarge};
  for (size_t k = 2; k < need; ++k) {
    if (k >= avail || !IsContinuation(p[k])) return {k, Utf8Problem::kTruncated};
  }
  return {need, Utf8Problem::kNone};
}

// The first byte at or after d[i] that Clean must look at (a byte of
// 0x80 or above, a NUL or a CR), or n. Prose is mostly ASCII without CR or
// NUL: it is skipped a block at a time, and the block holding such a byte
// says where, so the bytes before it are not read again one by one.
size_t SkipPlain(const unsigned char* d, size_t i, size_t n) {
#if defined(__SSE2__)
  const __m128i cr = _mm_set1_epi8('\r');
  const __m128i zero = _mm_setzero_si128();
  for (; i + 16 <= n; i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(d + i));
    // The sign bit is a byte's high bit: movemask finds 0x80 and above.
    const int special = _mm_movemask_epi8(_mm_or_si128(v, _mm_or_si128(_mm_cmpeq_epi8(v, zero), _mm_cmpeq_epi8(v, cr))));
    if (special != 0) return i + static_cast<size_t>(__builtin_ctz(static_cast<unsigned>(special)));
  }
#else
  constexpr uint64_t kOnes = 0x0101010101010101ull;
  constexpr uint64_t kHighs = 0x8080808080808080ull;
  auto has_zero = [](uint64_t x) { return (x - kOnes) & ~x & kHighs; };
  for (; i + 8 <= n; i += 8) {
    uint64_t v;
    std::memcpy(&v, d + i, sizeof v);
    if (((v & kHighs) | has_zero(v) | has_zero(v ^ (kOnes * '\r'))) != 0) break;
  }
#endif
  while (i < n && d[i] < 0x80 && d[i] != 0 && d[i] != '\r') ++i;
  return i;
}

void ComputeLineStarts(string_view original, std::vector<uint32_t>* starts) {
  starts->clear();
  const char* d = original.data();
  const size_t n = original.size();
  // The BOM is invisible in editors, so columns on line 1 start after it.
  const size_t first = original.substr(0, kBom.size()) == kBom ? kBom.size() : 0;
  starts->push_back(static_cast<uint32_t>(first));
  if (n == 0) return;
  if (std::memchr(d, '\r', n) == nullptr) {
    const char* p = d + first;
    const char* end = d + n;
    while (p < end) {
      const void* hit = std::memchr(p, '\n', static_cast<size_t>(end - p));
      if (hit == nullptr) break;
      p = static_cast<const char*>(hit) + 1;
      starts->push_back(static_cast<uint32_t>(p - d));
    }
    return;
  }
  for (size_t i = first; i < n; ++i) {
    if (d[i] == '\n' || (d[i] == '\r' && (i + 1 >= n || d[i + 1] != '\n'))) {
      starts->push_back(static_cast<uint32_t>(i + 1));
    }
  }
}

LineColumn LineColumnIn(const std::vector<uint32_t>& starts, size_t offset) {
  if (starts.empty() || offset < starts.front()) return {1, 1};
  auto it = std::upper_bound(starts.begin(), starts.end(), offset);
  const size_t line = static_cast<size_t>(it - starts.begin());
  return {static_cast<uint32_t>(line), static_cast<uint32_t>(offset - *(it - 1) + 1)};
}

std::string HexBytes(const unsigned char* p, size_t n) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (size_t k = 0; k < n; ++k) {
    if (k > 0) out += ' ';
    out += kHex[p[k] >> 4];
    out += kHex[p[k] & 0xF];
  }
  return out;
}

Status InvalidUtf8Error(const std::string& path, string_view original, size_t offset, Utf8Problem problem) {
  const auto* p = reinterpret_cast<const unsigned char*>(original.data()) + offset;
  const size_t avail = original.size() - offset;
  // Show the bytes a reader would expect to belong together: the lead and
  // the continuation bytes that follow it, up to the length the lead claims.
  size_t shown = 1;
  if (problem != Utf8Problem::kStrayContinuation && problem != Utf8Problem::kInvalidByte) {
    const size_t claimed = p[0] < 0xE0 ? 2 : p[0] < 0xF0 ? 3 : 4;
    while (shown < claimed && shown < avail && IsContinuation(p[shown])) ++shown;
  }
  std::string detail = std::string("invalid UTF-8 at byte ") + std::to_string(offset) + ": " +
                       Utf8ProblemName(problem) + " (" + HexBytes(p, shown) + ")";
  std::vector<uint32_t> starts;
  ComputeLineStarts(original, &starts);
  const LineColumn where = LineColumnIn(starts, offset);
  Diagnostic diagnostic;
  diagnostic.path = path;
  diagnostic.line = static_cast<int>(where.line);
  diagnostic.column = static_cast<int>(where.column);
  diagnostic.message = detail;
  return Status::Error(path + ": " + detail, {diagnostic});
}

// The bytes markup conversion works on: valid UTF-8 (or U+FFFD), no BOM, no
// NUL, and line ends reduced to "\n" (plain text keeps the CR of a CRLF,
// which the tokenizer reads as a space, so a CRLF file needs no runs).
struct Cleaned {
  bool changed = false;          // false: the bytes are the original ones
  std::string bytes;             // when changed
  std::vector<OffsetRun> runs;   // cleaned -> original; empty: identity
};

Status Clean(const std::string& path, string_view original, bool keep_crlf, bool replace_invalid,
             Cleaned* out) {
  const auto* d = reinterpret_cast<const unsigned char*>(original.data());
  const size_t n = original.size();
  RunBuilder runs(&out->runs);
  size_t copied = 0;  // original bytes before this are already in out->bytes
  auto flush = [&](size_t until) {
    if (!out->changed) {
      out->changed = true;
      out->bytes.reserve(n + 16);
    }
    runs.Linear(out->bytes.size(), copied, until - copied);
    out->bytes.append(original.data() + copied, until - copied);
    copied = until;
  };
  size_t i = 0;
  if (original.substr(0, kBom.size()) == kBom) {
    i = copied = kBom.size();
    flush(i);
  }
  while (i < n) {
    i = SkipPlain(d, i, n);
    if (i >= n) break;
    const unsigned char c = d[i];
    if (c < 0x80) {
      if (c == '\r') {
        const bool crlf = i + 1 < n && d[i + 1] == '\n';
        if (crlf && !keep_crlf) {
          flush(i);
          copied = i + 1;  // the LF that follows starts the next run
        } else if (!crlf) {
          // A lone CR ends a line (old Mac files); make it one for the segmenter.
          flush(i);
          runs.Linear(out->bytes.size(), i, 1);
          out->bytes += '\n';
          copied = i + 1;
        }
      } else if (c == 0) {
        flush(i);
        runs.Linear(out->bytes.size(), i, 1);
        out->bytes += ' ';
        copied = i + 1;
      }
      ++i;
      continue;
    }
    const Utf8Check check = CheckUtf8(d + i, n - i);
    if (check.problem != Utf8Problem::kNone) {
      if (!replace_invalid) return InvalidUtf8Error(path, original, i, check.problem);
      flush(i);
      runs.Constant(out->bytes.size(), i);
      out->bytes.append(kReplacement);
      copied = i + check.length;
    }
    i += check.length;
  }
  if (out->changed) {
    flush(n);
    if (IsIdentity(out->runs, out->bytes.size(), n)) out->runs.clear();
  }
  return Status::Ok();
}

// ---------------------------------------------------------------------------
// Output of the markup converters: text plus the runs mapping it back to the
// converter's source, with paragraph breaks inserted lazily so empty blocks
// and trailing markup never leave stray blank lines.

class Emitter {
 public:
  Emitter(string_view src, std::string* text, std::vector<OffsetRun>* runs)
      : src_(src), text_(text), runs_vector_(runs), runs_(runs) {}

  void Copy(size_t pos, size_t len) {
    // Paragraphs neither start nor end with white space, whatever markup
    // (an HTML block, a comment) stood next to it.
    if (AtBlockStart()) {
      while (len > 0 && IsLineSpace(src_[pos])) {
        ++pos;
        --len;
      }
    }
    if (len == 0) return;
    BeforeContent();
    runs_.Linear(text_->size(), pos, len);
    text_->append(src_.data() + pos, len);
  }

  // `bytes` stand for src[pos, pos + len).
  void Put(string_view bytes, size_t pos, size_t len) {
    if (bytes.empty()) return;
    BeforeContent();
    if (bytes.size() == len) {
      runs_.Linear(text_->size(), pos, len);
    } else {
      runs_.Constant(text_->size(), pos);
    }
    text_->append(bytes);
  }

  // The next content starts a new paragraph; the break stands for src[pos].
  void RequestBreak(size_t pos) {
    if (content_ && !pending_break_) {
      pending_break_ = true;
      break_pos_ = pos;
    }
  }

  bool AtBlockStart() const { return !content_ || pending_break_; }

  void Finish() { TrimTrailingSpace(); }

 private:
  void TrimTrailingSpace() {
    size_t n = text_->size();
    while (n > 0 && IsLineSpace((*text_)[n - 1])) --n;
    if (n == text_->size()) return;
    text_->resize(n);
    std::vector<OffsetRun>& runs = *runs_vector_;
    while (!runs.empty() && runs.back().text_begin >= n) runs.pop_back();
    if (!runs.empty() && runs.back().text_begin + runs.back().length > n) {
      runs.back().length = static_cast<uint32_t>(n - runs.back().text_begin);
    }
    if (n == 0) content_ = pending_break_ = false;
  }

  void BeforeContent() {
    if (pending_break_) TrimTrailingSpace();
    if (pending_break_) {
      pending_break_ = false;
      // Between Markdown paragraphs the source usually holds "\n\n" itself;
      // copying it keeps one run for a whole document of plain paragraphs.
      if (src_.size() - break_pos_ >= 2 && src_.compare(break_pos_, 2, "\n\n") == 0) {
        runs_.Linear(text_->size(), break_pos_, 2);
      } else {
        runs_.Constant(text_->size(), break_pos_);
      }
      text_->append("\n\n");
    }
    content_ = true;
  }

  string_view src_;
  std::string* text_;
  std::vector<OffsetRun>* runs_vector_;
  RunBuilder runs_;
  bool content_ = false;
  bool pending_break_ = false;
  size_t break_pos_ = 0;
};

// ---------------------------------------------------------------------------
// HTML pieces shared by both converters: character references and tags.

struct NamedEntity {
  string_view name;
  string_view utf8;  // empty: an invisible character we drop
};

// Latin-1 letters, typography and symbols: what news CMS exports contain.
// Soft hyphens and direction/joiner marks are dropped so that words stay
// whole for matching.
constexpr NamedEntity kNamedEntities[] = {
    {"AElig", "\u00C6"},  {"Aacute", "\u00C1"}, {"Acirc", "\u00C2"},  {"Agrave", "\u00C0"},
    {"Aring", "\u00C5"},  {"Atilde", "\u00C3"}, {"Auml", "\u00C4"},   {"Ccedil", "\u00C7"},
    {"Dagger", "\u2021"}, {"ETH", "\u00D0"},    {"Eacute", "\u00C9"}, {"Ecirc", "\u00CA"},
    {"Egrave", "\u00C8"}, {"Euml", "\u00CB"},   {"Iacute", "\u00CD"}, {"Icirc", "\u00CE"},
    {"Igrave", "\u00CC"}, {"Iuml", "\u00CF"},   {"Ntilde", "\u00D1"}, {"OElig", "\u0152"},
    {"Oacute", "\u00D3"}, {"Ocirc", "\u00D4"},  {"Ograve", "\u00D2"}, {"Oslash", "\u00D8"},
    {"Otilde", "\u00D5"}, {"Ouml", "\u00D6"},   {"Prime", "\u2033"},  {"Scaron", "\u0160"},
    {"THORN", "\u00DE"},  {"Uacute", "\u00DA"}, {"Ucirc", "\u00DB"},  {"Ugrave", "\u00D9"},
    {"Uuml", "\u00DC"},   {"Yacute", "\u00DD"}, {"Yuml", "\u0178"},   {"aacute", "\u00E1"},
    {"acirc", "\u00E2"},  {"acute", "\u00B4"},  {"aelig", "\u00E6"},  {"agrave", "\u00E0"},
    {"amp", "&"},         {"apos", "'"},        {"aring", "\u00E5"},  {"atilde", "\u00E3"},
    {"auml", "\u00E4"},   {"bdquo", "\u201E"},  {"brvbar", "\u00A6"}, {"bull", "\u2022"},
    {"ccedil", "\u00E7"}, {"cedil", "\u00B8"},  {"cent", "\u00A2"},   {"circ", "\u02C6"},
    {"copy", "\u00A9"},   {"curren", "\u00A4"}, {"dagger", "\u2020"}, {"deg", "\u00B0"},
    {"divide", "\u00F7"}, {"eacute", "\u00E9"}, {"ecirc", "\u00EA"},  {"egrave", "\u00E8"},
    {"emsp", "\u2003"},   {"ensp", "\u2002"},   {"eth", "\u00F0"},    {"euml", "\u00EB"},
    {"euro", "\u20AC"},   {"frac12", "\u00BD"}, {"frac14", "\u00BC"}, {"frac34", "\u00BE"},
    {"gt", ">"},          {"hellip", "\u2026"}, {"iacute", "\u00ED"}, {"icirc", "\u00EE"},
    {"iexcl", "\u00A1"},  {"igrave", "\u00EC"}, {"iquest", "\u00BF"}, {"iuml", "\u00EF"},
    {"laquo", "\u00AB"},  {"ldquo", "\u201C"},  {"lrm", ""},          {"lsaquo", "\u2039"},
    {"lsquo", "\u2018"},  {"lt", "<"},          {"macr", "\u00AF"},   {"mdash", "\u2014"},
    {"micro", "\u00B5"},  {"middot", "\u00B7"}, {"minus", "\u2212"},  {"nbsp", "\u00A0"},
    {"ndash", "\u2013"},  {"not", "\u00AC"},    {"ntilde", "\u00F1"}, {"oacute", "\u00F3"},
    {"ocirc", "\u00F4"},  {"oelig", "\u0153"},  {"ograve", "\u00F2"}, {"ordf", "\u00AA"},
    {"ordm", "\u00BA"},   {"oslash", "\u00F8"}, {"otilde", "\u00F5"}, {"ouml", "\u00F6"},
    {"para", "\u00B6"},   {"permil", "\u2030"}, {"plusmn", "\u00B1"}, {"pound", "\u00A3"},
    {"prime", "\u2032"},  {"quot", "\""},       {"raquo", "\u00BB"},  {"rdquo", "\u201D"},
    {"reg", "\u00AE"},    {"rlm", ""},          {"rsaquo", "\u203A"}, {"rsquo", "\u2019"},
    {"sbquo", "\u201A"},  {"scaron", "\u0161"}, {"sect", "\u00A7"},   {"shy", ""},
    {"sup1", "\u00B9"},   {"sup2", "\u00B2"},   {"sup3", "\u00B3"},   {"szlig", "\u00DF"},
    {"thinsp", "\u2009"}, {"thorn", "\u00FE"},  {"tilde", "\u02DC"},  {"times", "\u00D7"},
    {"trade", "\u2122"},  {"uacute", "\u00FA"}, {"ucirc", "\u00FB"},  {"ugrave", "\u00F9"},
    {"uml", "\u00A8"},    {"uuml", "\u00FC"},   {"yacute", "\u00FD"}, {"yen", "\u00A5"},
    {"yuml", "\u00FF"},   {"zwj", ""},          {"zwnj", ""},         {"hyphen", "\u2010"},
    {"dash", "\u2010"},
};

// Sorted at compile time, so an entry added anywhere above still works.
constexpr std::array<NamedEntity, std::size(kNamedEntities)> SortedEntities() {
  std::array<NamedEntity, std::size(kNamedEntities)> sorted{};
  std::copy(std::begin(kNamedEntities), std::end(kNamedEntities), sorted.begin());
  std::sort(sorted.begin(), sorted.end(),
            [](const NamedEntity& a, const NamedEntity& b) { return a.name < b.name; });
  return sorted;
}
constexpr auto kSortedEntities = SortedEntities();

// Numeric references 128-159 name Windows-1252 characters, as browsers read them.
constexpr std::array<uint16_t, 32> kWindows1252 = {
    0x20AC, 0x81,   0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x8D,   0x017D, 0x8F,   0x90,   0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D,   0x017E, 0x0178};

// Decodes the character reference at s[i] == '&'. Returns the bytes it
// spans (0: not a reference) and points *out at its replacement.
size_t DecodeEntity(string_view s, size_t i, size_t end, char* buf, string_view* out) {
  size_t j = i + 1;
  if (j < end && s[j] == '#') {
    ++j;
    const bool hex = j < end && (s[j] == 'x' || s[j] == 'X');
    if (hex) ++j;
    const size_t digits_begin = j;
    uint32_t cp = 0;
    while (j < end && (hex ? IsHexDigit(s[j]) : IsAsciiDigit(s[j]))) {
      const unsigned char d = static_cast<unsigned char>(s[j]);
      const uint32_t v = IsAsciiDigit(d) ? d - '0' : (d | 0x20) - 'a' + 10;
      if (cp <= 0x10FFFF) cp = cp * (hex ? 16 : 10) + v;  // saturates instead of overflowing
      ++j;
    }
    if (j == digits_begin) return 0;
    if (j < end && s[j] == ';') ++j;
    if (cp >= 0x80 && cp <= 0x9F) cp = kWindows1252[cp - 0x80];
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      *out = kReplacement;
    } else {
      *out = string_view(buf, EncodeUtf8(cp, buf));
    }
    return j - i;
  }
  while (j < end && j - i <= 32 && IsAsciiAlnum(s[j])) ++j;
  if (j == i + 1 || j >= end || s[j] != ';') return 0;
  const string_view name = s.substr(i + 1, j - i - 1);
  auto it = std::lower_bound(kSortedEntities.begin(), kSortedEntities.end(), name,
                             [](const NamedEntity& e, string_view n) { return e.name < n; });
  if (it == kSortedEntities.end() || it->name != name) return 0;
  *out = it->utf8;
  return j + 1 - i;
}

template <size_t N>
bool InSortedList(const std::array<string_view, N>& list, string_view name) {
  return std::binary_search(list.begin(), list.end(), name);
}

// Elements a browser lays out as blocks (or as line breaks): their tags end
// the current paragraph.
constexpr std::array<string_view, 55> kBlockElements = {
    "address", "article", "aside",    "blockquote", "body",   "br",       "caption", "center",
    "dd",      "details", "dialog",   "dir",        "div",    "dl",       "dt",      "fieldset",
    "figcaption", "figure", "footer", "form",       "h1",     "h2",       "h3",      "h4",
    "h5",      "h6",      "head",     "header",     "hgroup", "hr",       "html",    "iframe",
    "legend",  "li",      "main",     "menu",       "nav",    "noscript", "ol",      "optgroup",
    "option",  "p",       "pre",      "section",    "summary", "table",   "tbody",   "td",
    "template", "tfoot",  "th",       "thead",      "title",  "tr",       "ul"};
static_assert(std::is_sorted(kBlockElements.begin(), kBlockElements.end()));

// Elements whose content is not prose a reader sees.
constexpr std::array<string_view, 8> kSkippedElements = {
    "head", "math", "noscript", "script", "style", "svg", "template", "title"};
static_assert(std::is_sorted(kSkippedElements.begin(), kSkippedElements.end()));

// Their content is raw text: an unclosed one runs to the end of the file.
bool IsRawTextElement(string_view name) {
  return name == "script" || name == "style" || name == "title";
}

enum class TagType { kStart, kEnd, kComment, kOther };
enum class TagParse { kTag, kNotATag, kUnterminated };

struct TagInfo {
  TagType type = TagType::kOther;
  size_t end = 0;  // one past the closing '>'
  bool self_closing = false;
  char name_buf[16] = {};
  size_t name_len = 0;  // 0 when longer than any element we know
  string_view name() const { return string_view(name_buf, name_len); }
};

bool IsTagNameChar(char c) { return IsAsciiAlnum(c) || c == '-' || c == ':'; }

// Recognises tags, comments and declarations. Searches remember where they
// failed, so markup that never closes costs one scan, not one per '<'.
class TagScanner {
 public:
  void Reset(string_view s) {
    s_ = s;
    no_gt_from_ = no_dquote_from_ = no_squote_from_ = no_comment_end_from_ = kNpos;
  }

  // Parses the markup at s[i] == '<' that must end before `end`. Strict mode
  // (Markdown) rejects what cannot be a tag; lenient mode (HTML) follows the
  // browser and treats an unterminated tag as running to the end.
  TagParse Parse(size_t i, size_t end, bool strict, TagInfo* tag) {
    const string_view s = s_;
    if (i + 1 >= end) return TagParse::kNotATag;
    const char c = s[i + 1];
    if (c == '!') {
      if (s.compare(i, 4, "<!--") == 0) {
        tag->type = TagType::kComment;
        const size_t close = FindComment(i + 4);
        if (close == kNpos || close + 3 > end) return TagParse::kUnterminated;
        tag->end = close + 3;
        return TagParse::kTag;
      }
      if (strict && !(i + 2 < end && (IsAsciiAlpha(s[i + 2]) || s[i + 2] == '['))) return TagParse::kNotATag;
      return FindTagEnd(i + 2, end, tag);
    }
    if (c == '?') return FindTagEnd(i + 2, end, tag);
    const bool closing = c == '/';
    size_t j = i + 1 + (closing ? 1 : 0);
    if (j >= end || !IsAsciiAlpha(s[j])) return TagParse::kNotATag;
    tag->type = closing ? TagType::kEnd : TagType::kStart;
    tag->name_len = 0;
    bool too_long = false;
    for (; j < end && IsTagNameChar(s[j]); ++j) {
      if (tag->name_len < sizeof tag->name_buf) {
        tag->name_buf[tag->name_len++] = ToLowerAscii(s[j]);
      } else {
        too_long = true;
      }
    }
    if (too_long) tag->name_len = 0;
    if (strict && j < end && !(IsHtmlSpace(s[j]) || s[j] == '/' || s[j] == '>')) {
      return TagParse::kNotATag;
    }
    if (no_gt_from_ != kNpos && j >= no_gt_from_) return TagParse::kUnterminated;
    for (;;) {
      if (j >= end) return TagParse::kUnterminated;
      const char d = s[j];
      if (d == '>') {
        tag->end = j + 1;
        return TagParse::kTag;
      }
      if (d == '/' && j + 1 < end && s[j + 1] == '>') {
        tag->self_closing = true;
        tag->end = j + 2;
        return TagParse::kTag;
      }
      if (d == '"' || d == '\'') {
        const size_t q = Find(j + 1, d, d == '"' ? &no_dquote_from_ : &no_squote_from_);
        if (q == kNpos || q >= end) return TagParse::kUnterminated;
        j = q + 1;
        continue;
      }
      if (strict && (d == '<' || d == '`')) return TagParse::kNotATag;
      ++j;
    }
  }

  // True when the comment opening at s[i] has no "-->" anywhere after it.
  bool CommentNeverCloses(size_t i) { return FindComment(i + 4) == kNpos; }

 private:
  TagParse FindTagEnd(size_t from, size_t end, TagInfo* tag) {
    tag->type = TagType::kOther;
    const size_t gt = Find(from, '>', &no_gt_from_);
    if (gt == kNpos || gt >= end) return TagParse::kUnterminated;
    tag->end = gt + 1;
    return TagParse::kTag;
  }

  size_t Find(size_t from, char c, size_t* no_match_from) {
    if (*no_match_from != kNpos && from >= *no_match_from) return kNpos;
    if (from >= s_.size()) return kNpos;
    const void* hit = std::memchr(s_.data() + from, c, s_.size() - from);
    if (hit == nullptr) {
      *no_match_from = from;
      return kNpos;
    }
    return static_cast<size_t>(static_cast<const char*>(hit) - s_.data());
  }

  size_t FindComment(size_t from) {
    if (no_comment_end_from_ != kNpos && from >= no_comment_end_from_) return kNpos;
    const size_t hit = s_.find("-->", from);
    if (hit == kNpos) no_comment_end_from_ = from;
    return hit;
  }

  string_view s_;
  size_t no_gt_from_ = kNpos;
  size_t no_dquote_from_ = kNpos;
  size_t no_squote_from_ = kNpos;
  size_t no_comment_end_from_ = kNpos;
};

// ---------------------------------------------------------------------------
// HTML: tags out, entities decoded, whitespace collapsed as a browser would.

constexpr std::array<bool, 256> MakeTable(string_view chars) {
  std::array<bool, 256> table{};
  for (char c : chars) table[static_cast<unsigned char>(c)] = true;
  return table;
}
constexpr auto kHtmlStop = MakeTable("<& \t\n\f\r");

class HtmlConverter {
 public:
  HtmlConverter(string_view src, std::string* text, std::vector<OffsetRun>* runs)
      : src_(src), out_(src, text, runs) {
    tags_.Reset(src);
  }

  void Convert() {
    const size_t n = src_.size();
    size_t i = 0;
    while (i < n) {
      const char c = src_[i];
      if (c == '<') {
        i = Markup(i);
      } else if (c == '&') {
        i = Entity(i);
      } else if (IsHtmlSpace(c)) {
        i = Whitespace(i);
      } else {
        size_t j = i + 1;
        while (j < n && !kHtmlStop[static_cast<unsigned char>(src_[j])]) ++j;
        FlushSpace();
        out_.Copy(i, j - i);
        i = j;
      }
    }
    out_.Finish();
  }

 private:
  size_t Whitespace(size_t i) {
    size_t j = i + 1;
    while (j < src_.size() && IsHtmlSpace(src_[j])) ++j;
    if (pre_depth_ > 0) {
      if (!out_.AtBlockStart()) out_.Copy(i, j - i);
    } else if (!pending_space_) {
      pending_space_ = true;
      space_pos_ = i;
    }
    return j;
  }

  void FlushSpace() {
    if (!pending_space_) return;
    pending_space_ = false;
    // One space for the whole run, mapped to its first byte.
    if (!out_.AtBlockStart()) out_.Put(" ", space_pos_, 1);
  }

  size_t Entity(size_t i) {
    char buf[4];
    string_view decoded;
    const size_t len = DecodeEntity(src_, i, src_.size(), buf, &decoded);
    if (len == 0) {
      FlushSpace();
      out_.Copy(i, 1);
      return i + 1;
    }
    if (!decoded.empty()) {
      FlushSpace();
      out_.Put(decoded, i, len);
    }
    return i + len;
  }

  size_t Markup(size_t i) {
    TagInfo tag;
    const TagParse parse = tags_.Parse(i, src_.size(), /*strict=*/false, &tag);
    if (parse == TagParse::kNotATag) {
      FlushSpace();
      out_.Copy(i, 1);
      return i + 1;
    }
    if (parse == TagParse::kUnterminated) return src_.size();  // a browser drops it too
    if (tag.type != TagType::kStart && tag.type != TagType::kEnd) return tag.end;
    const string_view name = tag.name();
    if (InSortedList(kBlockElements, name)) {
      out_.RequestBreak(i);
      pending_space_ = false;
    }
    if (name == "pre") {
      if (tag.type == TagType::kStart) {
        ++pre_depth_;
      } else if (pre_depth_ > 0) {
        --pre_depth_;
      }
    }
    if (tag.type == TagType::kStart && !tag.self_closing && InSortedList(kSkippedElements, name)) {
      return SkipElement(name, tag.end);
    }
    return tag.end;
  }

  // Returns where reading resumes after the content of the element `name`
  // whose start tag ends at `from`.
  size_t SkipElement(string_view name, size_t from) {
    const size_t n = src_.size();
    const size_t index = static_cast<size_t>(
        std::lower_bound(kSkippedElements.begin(), kSkippedElements.end(), name) - kSkippedElements.begin());
    if (from >= skip_fail_from_[index]) return IsRawTextElement(name) ? n : from;
    for (size_t p = from; p < n;) {
      const void* hit = std::memchr(src_.data() + p, '<', n - p);
      if (hit == nullptr) break;
      p = static_cast<size_t>(static_cast<const char*>(hit) - src_.data());
      const bool end_tag = p + 2 + name.size() <= n && src_[p + 1] == '/' &&
                           EqualsCaseless(src_, p + 2, name) &&
                           (p + 2 + name.size() == n || !IsTagNameChar(src_[p + 2 + name.size()]));
      // Many pages never close <head>; <body> closes it implicitly.
      const bool body = name == "head" && EqualsCaseless(src_, p + 1, "body") &&
                        (p + 5 == n || !IsTagNameChar(src_[p + 5]));
      if (end_tag || body) {
        if (body) return p;
        const void* gt = std::memchr(src_.data() + p, '>', n - p);
        return gt == nullptr ? n : static_cast<size_t>(static_cast<const char*>(gt) - src_.data()) + 1;
      }
      ++p;
    }
    skip_fail_from_[index] = from;
    // Script and style swallow the rest of the file when unclosed; for the
    // others, showing their content beats losing the rest of the draft.
    return IsRawTextElement(name) ? n : from;
  }

  string_view src_;
  Emitter out_;
  TagScanner tags_;
  bool pending_space_ = false;
  size_t space_pos_ = 0;
  int pre_depth_ = 0;
  std::array<size_t, kSkippedElements.size()> skip_fail_from_ = MakeNpos();

  static constexpr std::array<size_t, kSkippedElements.size()> MakeNpos() {
    std::array<size_t, kSkippedElements.size()> a{};
    for (size_t& v : a) v = kNpos;
    return a;
  }
};

// ---------------------------------------------------------------------------
// Markdown: a line-based block pass (CommonMark's containers, simplified)
// collects each paragraph's lines; an inline pass then strips the markup of
// one paragraph at a time.

struct LineSeg {
  size_t begin;
  size_t end;  // the line's '\n' (or the end of the source)
};

struct ScratchSeg {
  size_t scratch_begin;
  size_t src_begin;
};

struct Link {
  size_t text_begin = 0;
  size_t text_end = 0;
  size_t end = 0;
};

constexpr auto kInlineSpecial = MakeTable("\\`*_~![<&");
constexpr int kMaxLinkNesting = 16;
constexpr size_t kMaxLabelSize = 999;

size_t SkipIndent(string_view s, size_t p, size_t end, int* columns) {
  int cols = 0;
  while (p < end && IsSpaceOrTab(s[p])) {
    cols = s[p] == '\t' ? (cols / 4 + 1) * 4 : cols + 1;
    ++p;
  }
  *columns = cols;
  return p;
}

size_t RunLength(string_view s, size_t i, size_t end, char c) {
  size_t j = i;
  while (j < end && s[j] == c) ++j;
  return j - i;
}

bool IsBlankRange(string_view s, size_t begin, size_t end) {
  for (size_t k = begin; k < end; ++k) {
    if (!IsSpaceOrTab(s[k])) return false;
  }
  return true;
}

void NormalizeLabel(string_view label, std::string* out) {
  out->clear();
  bool space = false;
  for (char c : label) {
    if (IsLineSpace(c)) {
      space = !out->empty();
    } else {
      if (space) out->push_back(' ');
      space = false;
      out->push_back(ToLowerAscii(c));
    }
  }
}

// "[label]:" at s[q]; returns the position after the colon, or kNpos.
size_t ParseDefinitionLabel(string_view s, size_t q, size_t end, string_view* label) {
  if (q >= end || s[q] != '[') return kNpos;
  size_t j = q + 1;
  while (j < end && s[j] != ']' && s[j] != '[') {
    j += (s[j] == '\\' && j + 1 < end) ? 2 : 1;
  }
  if (j >= end || s[j] != ']' || j == q + 1 || j - q - 1 > kMaxLabelSize || j + 1 >= end || s[j + 1] != ':') {
    return kNpos;
  }
  *label = s.substr(q + 1, j - q - 1);
  return j + 2;
}

class MarkdownConverter {
 public:
  MarkdownConverter(string_view src, std::string* text, std::vector<OffsetRun>* runs)
      : src_(src), out_(src, text, runs) {}

  void Convert() {
    size_t pos = SkipFrontMatter();
    CollectLinkLabels(pos);
    const size_t n = src_.size();
    while (pos < n) {
      const void* hit = std::memchr(src_.data() + pos, '\n', n - pos);
      const size_t eol = hit == nullptr ? n : static_cast<size_t>(static_cast<const char*>(hit) - src_.data());
      ProcessLine(pos, eol);
      pos = eol + 1;
    }
    CloseParagraph();
    out_.Finish();
  }

 private:
  // ----- block level

  // YAML front matter is metadata, not prose: "---" on the first line up to
  // a closing "---" or "...". Without a closing line it is a rule.
  size_t SkipFrontMatter() {
    auto line_is = [&](size_t b, size_t e, string_view marker) {
      return e - b >= marker.size() && src_.compare(b, marker.size(), marker) == 0 &&
             IsBlankRange(src_, b + marker.size(), e);
    };
    const size_t n = src_.size();
    size_t eol = src_.find('\n');
    if (eol == kNpos || !line_is(0, eol, "---")) return 0;
    for (size_t b = eol + 1; b < n;) {
      size_t e = src_.find('\n', b);
      if (e == kNpos) e = n;
      if (line_is(b, e, "---") || line_is(b, e, "...")) return std::min(e + 1, n);
      b = e + 1;
    }
    return 0;
  }

  // Reference links only count as links when their label is defined, and
  // definitions usually come last, so they are collected first.
  void CollectLinkLabels(size_t pos) {
    const size_t n = src_.size();
    std::string label;
    while (pos < n) {
      const void* hit = std::memchr(src_.data() + pos, '\n', n - pos);
      const size_t eol = hit == nullptr ? n : static_cast<size_t>(static_cast<const char*>(hit) - src_.data());
      int cols;
      const size_t q = SkipIndent(src_, pos, eol, &cols);
      string_view raw;
      if (cols <= 3 && q + 1 < eol && src_[q + 1] != '^' && ParseDefinitionLabel(src_, q, eol, &raw) != kNpos) {
        NormalizeLabel(raw, &label);
        labels_.push_back(label);
      }
      pos = eol + 1;
    }
    std::sort(labels_.begin(), labels_.end());
    labels_.erase(std::unique(labels_.begin(), labels_.end()), labels_.end());
  }

  bool HasLabel(string_view raw) {
    // CommonMark caps labels at 999 characters; the cap also keeps deeply
    // nested brackets from costing a normalisation each.
    if (labels_.empty() || raw.size() > kMaxLabelSize) return false;
    NormalizeLabel(raw, &label_buf_);
    return std::binary_search(labels_.begin(), labels_.end(), label_buf_);
  }

  void ProcessLine(size_t begin, size_t end) {
    for (;;) {
      if (!skip_until_.empty()) {
        const size_t found = FindCaseless(src_, begin, end, skip_until_);
        if (found == kNpos) return;
        // What follows the end of a comment or script is read as a new line.
        begin = found + skip_until_.size();
        skip_until_ = {};
      }
      // Blockquote markers: the prose inside a quote is prose all the same.
      int depth = 0;
      size_t p = begin;
      for (;;) {
        int cols;
        const size_t q = SkipIndent(src_, p, end, &cols);
        if (q >= end || cols > 3 || src_[q] != '>') break;
        ++depth;
        p = q + 1;
        if (p < end && IsSpaceOrTab(src_[p])) ++p;
      }
      int indent;
      const size_t q = SkipIndent(src_, p, end, &indent);

      if (in_fence_) {
        if (depth >= fence_depth_) {
          if (indent <= 3 + fence_indent_ && IsFenceClose(q, end)) in_fence_ = false;
          return;
        }
        in_fence_ = false;  // the blockquote holding the fence ended
      }
      if (q == end) {
        CloseParagraph();
        prev_blank_ = true;
        return;
      }
      const bool para_open = !para_.empty();
      const bool lazy = para_open && !prev_blank_;
      prev_blank_ = false;

      // The list item this line belongs to by its indentation.
      size_t fit = list_indents_.size();
      while (fit > 0 && list_indents_[fit - 1] > indent) --fit;
      const int base = fit > 0 ? list_indents_[fit - 1] : 0;
      const int rel = indent - base;

      if (rel >= 4) {
        if (para_open) {
          AddLine(p, end);
        } else {
          list_indents_.resize(fit);  // an indented code block: skipped
        }
        return;
      }
      const char c = src_[q];
      if ((c == '`' || c == '~') && OpenFence(q, end)) {
        CloseParagraph();
        list_indents_.resize(fit);
        in_fence_ = true;
        fence_depth_ = depth;
        fence_indent_ = base;
        return;
      }
      if (c == '#') {
        LineSeg heading;
        if (ParseAtxHeading(q, end, &heading)) {
          CloseParagraph();
          list_indents_.resize(fit);
          if (heading.end > heading.begin) para_.push_back(heading);
          CloseParagraph();
          return;
        }
      }
      if ((c == '=' || c == '-') && para_open && depth == para_depth_ && IsSetextUnderline(q, end)) {
        CloseParagraph();  // the paragraph was a heading; the underline is markup
        return;
      }
      if ((c == '*' || c == '-' || c == '_') && IsThematicBreak(q, end)) {
        CloseParagraph();
        list_indents_.resize(fit);
        return;
      }
      if (c == '<') {
        const string_view skip = HtmlBlockStart(q, end);
        if (!skip.empty()) {
          CloseParagraph();
          skip_until_ = skip;
          begin = skip == "-->" ? q + 4 : q;
          continue;
        }
      }
      size_t content;
      int content_indent;
      bool empty_item;
      bool ordered_not_one;
      if (ParseListMarker(q, end, indent, &content, &content_indent, &empty_item, &ordered_not_one) &&
          !(lazy && list_indents_.empty() && (empty_item || ordered_not_one))) {
        CloseParagraph();
        list_indents_.resize(fit);
        list_indents_.push_back(content_indent);
        content = SkipTaskBox(content, end);
        if (content < end) StartParagraph(content, end, depth);
        return;
      }
      if (c == '[') {
        string_view label;
        const size_t after = ParseDefinitionLabel(src_, q, end, &label);
        if (after != kNpos && !label.empty() && label[0] == '^') {
          // A footnote's text is prose; only its "[^1]:" marker goes.
          CloseParagraph();
          list_indents_.resize(fit);
          int ignored;
          const size_t text = SkipIndent(src_, after, end, &ignored);
          if (text < end) StartParagraph(text, end, depth);
          return;
        }
        if (after != kNpos && !para_open && !IsBlankRange(src_, after, end)) {
          list_indents_.resize(fit);
          return;  // a link reference definition
        }
      }
      if ((c == '|' || c == ':' || c == '-') && IsTableDelimiterRow(q, end)) return;

      if (lazy && depth <= para_depth_) {
        AddLine(p, end);
        return;
      }
      CloseParagraph();
      list_indents_.resize(fit);
      StartParagraph(q, end, depth);
      return;
    }
  }

  void StartParagraph(size_t begin, size_t end, int depth) {
    para_.push_back({begin, end});
    para_depth_ = depth;
  }

  void AddLine(size_t begin, size_t end) { para_.push_back({begin, end}); }

  bool OpenFence(size_t q, size_t end) {
    const char c = src_[q];
    const size_t n = RunLength(src_, q, end, c);
    if (n < 3) return false;
    // A backtick fence's info string may not hold backticks (that is inline code).
    if (c == '`' && src_.substr(q + n, end - q - n).find('`') != kNpos) return false;
    fence_char_ = c;
    fence_len_ = n;
    return true;
  }

  bool IsFenceClose(size_t q, size_t end) const {
    if (q >= end || src_[q] != fence_char_) return false;
    const size_t n = RunLength(src_, q, end, fence_char_);
    return n >= fence_len_ && IsBlankRange(src_, q + n, end);
  }

  bool ParseAtxHeading(size_t q, size_t end, LineSeg* heading) const {
    const size_t level = RunLength(src_, q, end, '#');
    if (level > 6 || (q + level < end && !IsSpaceOrTab(src_[q + level]))) return false;
    size_t b = q + level;
    while (b < end && IsSpaceOrTab(src_[b])) ++b;
    size_t e = end;
    while (e > b && IsSpaceOrTab(src_[e - 1])) --e;
    // An optional closing run of '#' goes too, when a space precedes it.
    size_t k = e;
    while (k > b && src_[k - 1] == '#') --k;
    if (k == b) {
      e = b;
    } else if (k < e && IsSpaceOrTab(src_[k - 1])) {
      e = k;
      while (e > b && IsSpaceOrTab(src_[e - 1])) --e;
    }
    *heading = {b, e};
    return true;
  }

  bool IsSetextUnderline(size_t q, size_t end) const {
    const size_t n = RunLength(src_, q, end, src_[q]);
    return IsBlankRange(src_, q + n, end);
  }

  bool IsThematicBreak(size_t q, size_t end) const {
    const char c = src_[q];
    int count = 0;
    for (size_t k = q; k < end; ++k) {
      if (src_[k] == c) {
        ++count;
      } else if (!IsSpaceOrTab(src_[k])) {
        return false;
      }
    }
    return count >= 3;
  }

  // HTML comments and script or style blocks hide their content even when
  // it looks like Markdown, so the block level skips them line by line.
  string_view HtmlBlockStart(size_t q, size_t end) const {
    if (src_.compare(q, 4, "<!--") == 0) return "-->";
    for (string_view name : {string_view("script"), string_view("style")}) {
      const size_t after = q + 1 + name.size();
      if (EqualsCaseless(src_, q + 1, name) && (after == end || IsHtmlSpace(src_[after]) || src_[after] == '>')) {
        return name == "script" ? "</script>" : "</style>";
      }
    }
    return {};
  }

  bool ParseListMarker(size_t q, size_t end, int indent, size_t* content, int* content_indent,
                       bool* empty_item, bool* ordered_not_one) const {
    const char c = src_[q];
    size_t m;
    *ordered_not_one = false;
    if (c == '-' || c == '+' || c == '*') {
      m = q + 1;
    } else if (IsAsciiDigit(c)) {
      m = q;
      while (m < end && m - q < 9 && IsAsciiDigit(src_[m])) ++m;
      if (m >= end || (src_[m] != '.' && src_[m] != ')')) return false;
      *ordered_not_one = !(m == q + 1 && c == '1');
      ++m;
    } else {
      return false;
    }
    const int marker_cols = static_cast<int>(m - q);
    if (m == end) {
      *content = end;
      *content_indent = indent + marker_cols + 1;
      *empty_item = true;
      return true;
    }
    if (!IsSpaceOrTab(src_[m])) return false;
    int spaces;
    const size_t after = SkipIndent(src_, m, end, &spaces);
    *empty_item = after == end;
    if (spaces >= 5 || after == end) {
      // Content indented further than that is code inside the item; the
      // item's own indentation is the marker plus one space.
      *content = after;
      *content_indent = indent + marker_cols + 1;
    } else {
      *content = after;
      *content_indent = indent + marker_cols + spaces;
    }
    return true;
  }

  size_t SkipTaskBox(size_t content, size_t end) const {
    if (end - content >= 4 && src_[content] == '[' && src_[content + 2] == ']' &&
        (src_[content + 1] == ' ' || src_[content + 1] == 'x' || src_[content + 1] == 'X') &&
        IsSpaceOrTab(src_[content + 3])) {
      int ignored;
      return SkipIndent(src_, content + 3, end, &ignored);
    }
    return content;
  }

  bool IsTableDelimiterRow(size_t q, size_t end) const {
    bool pipe = false;
    bool dash = false;
    for (size_t k = q; k < end; ++k) {
      const char c = src_[k];
      if (c == '|') {
        pipe = true;
      } else if (c == '-') {
        dash = true;
      } else if (c != ':' && !IsSpaceOrTab(c)) {
        return false;
      }
    }
    return pipe && dash;
  }

  void CloseParagraph() {
    if (para_.empty()) return;
    LineSeg& last = para_.back();
    while (last.end > last.begin && IsSpaceOrTab(src_[last.end - 1])) --last.end;
    const size_t para_end = last.end;
    bool contiguous = true;
    for (size_t k = 1; k < para_.size(); ++k) {
      if (para_[k].begin != para_[k - 1].end + 1) contiguous = false;
    }
    seg_map_.clear();
    string_view s;
    if (contiguous) {
      // The usual case: the lines are one stretch of the source, so no copy.
      s = src_.substr(para_.front().begin, para_end - para_.front().begin);
      seg_map_.push_back({0, para_.front().begin});
    } else {
      // Blockquote markers sit between the lines: join them in a scratch
      // buffer, each line keeping its own '\n', and map back per line.
      scratch_.clear();
      for (size_t k = 0; k < para_.size(); ++k) {
        seg_map_.push_back({scratch_.size(), para_[k].begin});
        scratch_.append(src_, para_[k].begin, para_[k].end - para_[k].begin);
        if (k + 1 < para_.size()) scratch_ += '\n';
      }
      s = scratch_;
    }
    para_.clear();
    ConvertInline(s);
    out_.RequestBreak(para_end);
  }

  // ----- inline level

  void ConvertInline(string_view s) {
    s_ = s;
    tags_.Reset(s);
    open_.fill(0);
    last_close_.fill(kNpos);
    no_backtick_run_from_.fill(kNpos);
    PairBrackets();
    Scan(0, s.size(), 0);
  }

  // One pass pairs brackets and parentheses and finds the last closing
  // emphasis run of each kind, so link and emphasis decisions need no
  // rescanning.
  void PairBrackets() {
    const string_view s = s_;
    brackets_.clear();
    parens_.clear();
    bracket_stack_.clear();
    paren_stack_.clear();
    for (size_t i = 0; i < s.size();) {
      const char c = s[i];
      if (c == '\\') {
        i += 2;
        continue;
      }
      if (c == '*' || c == '_' || c == '~') {
        const size_t n = RunLength(s, i, s.size(), c);
        bool can_open;
        bool can_close;
        Classify(c, i, n, &can_open, &can_close);
        if (can_close) last_close_[DelimiterIndex(c)] = i;
        i += n;
        continue;
      }
      if (c == '[') {
        bracket_stack_.push_back(i);
      } else if (c == ']' && !bracket_stack_.empty()) {
        brackets_.push_back({bracket_stack_.back(), i});
        bracket_stack_.pop_back();
      } else if (c == '(') {
        paren_stack_.push_back(i);
      } else if (c == ')' && !paren_stack_.empty()) {
        parens_.push_back({paren_stack_.back(), i});
        paren_stack_.pop_back();
      }
      ++i;
    }
    std::sort(brackets_.begin(), brackets_.end());
    std::sort(parens_.begin(), parens_.end());
  }

  static size_t MatchOf(const std::vector<std::pair<size_t, size_t>>& pairs, size_t open) {
    auto it = std::lower_bound(pairs.begin(), pairs.end(), std::make_pair(open, size_t{0}));
    return it != pairs.end() && it->first == open ? it->second : kNpos;
  }

  static size_t DelimiterIndex(char c) { return c == '*' ? 0 : c == '_' ? 1 : 2; }

  // CommonMark's flanking rules decide whether a run of '*', '_' or '~' can
  // open or close emphasis; "snake_case" and "2 * 3" stay as written.
  void Classify(char c, size_t i, size_t n, bool* can_open, bool* can_close) const {
    const unsigned char prev = i > 0 ? static_cast<unsigned char>(s_[i - 1]) : ' ';
    const unsigned char next = i + n < s_.size() ? static_cast<unsigned char>(s_[i + n]) : ' ';
    const bool prev_space = IsLineSpace(static_cast<char>(prev));
    const bool next_space = IsLineSpace(static_cast<char>(next));
    const bool prev_punct = IsAsciiPunct(prev);
    const bool next_punct = IsAsciiPunct(next);
    const bool left = !next_space && (!next_punct || prev_space || prev_punct);
    const bool right = !prev_space && (!prev_punct || next_space || next_punct);
    if (c == '~' && n != 2) {
      *can_open = *can_close = false;
    } else if (c == '_') {
      *can_open = left && (!right || prev_punct);
      *can_close = right && (!left || next_punct);
    } else {
      *can_open = left;
      *can_close = right;
    }
  }

  // Delimiters are dropped when they can close an open run, or can open one
  // that some later run can close; the rest are literal text.
  bool DropDelimiter(char c, size_t i, size_t n) {
    bool can_open;
    bool can_close;
    Classify(c, i, n, &can_open, &can_close);
    const size_t k = DelimiterIndex(c);
    if (can_close && open_[k] > 0) {
      --open_[k];
      return true;
    }
    if (can_open && last_close_[k] != kNpos && last_close_[k] > i) {
      ++open_[k];
      return true;
    }
    return false;
  }

  // Emits s_[a, b) from the source, line piece by line piece.
  void EmitRange(size_t a, size_t b) {
    while (a < b) {
      const size_t k = SegmentOf(a);
      const size_t seg_end = k + 1 < seg_map_.size() ? seg_map_[k + 1].scratch_begin : s_.size();
      const size_t len = std::min(b, seg_end) - a;
      out_.Copy(seg_map_[k].src_begin + (a - seg_map_[k].scratch_begin), len);
      a += len;
    }
  }

  size_t SegmentOf(size_t pos) const {
    if (seg_map_.size() == 1) return 0;
    auto it = std::upper_bound(seg_map_.begin(), seg_map_.end(), pos,
                               [](size_t p, const ScratchSeg& seg) { return p < seg.scratch_begin; });
    return static_cast<size_t>(it - seg_map_.begin()) - 1;
  }

  size_t SourcePos(size_t pos) const {
    const ScratchSeg& seg = seg_map_[SegmentOf(pos)];
    return seg.src_begin + (pos - seg.scratch_begin);
  }

  // The closing run of exactly n backticks at or after `from`, or kNpos.
  size_t FindBacktickRun(size_t from, size_t n) {
    // No run of n at or after `from` means none after any later start either.
    const bool memo = n < no_backtick_run_from_.size();
    if (memo && no_backtick_run_from_[n] != kNpos && from >= no_backtick_run_from_[n]) return kNpos;
    for (size_t j = from; j < s_.size();) {
      j = s_.find('`', j);
      if (j == kNpos) break;
      const size_t m = RunLength(s_, j, s_.size(), '`');
      if (m == n) return j;
      j += m;
    }
    if (memo) no_backtick_run_from_[n] = from;
    return kNpos;
  }

  bool ValidDestination(size_t a, size_t b) const {
    const string_view s = s_;
    while (a < b && IsLineSpace(s[a])) ++a;
    if (a == b) return true;
    size_t k = a;
    if (s[k] == '<') {
      while (k < b && s[k] != '>' && s[k] != '\n') ++k;
      if (k >= b || s[k] != '>') return false;
      ++k;
    } else {
      while (k < b && !IsLineSpace(s[k])) ++k;
    }
    while (k < b && IsLineSpace(s[k])) ++k;
    if (k == b) return true;
    // A title: "...", '...' or (...), and nothing after it.
    const char open = s[k];
    const char close = open == '(' ? ')' : open;
    if (open != '"' && open != '\'' && open != '(') return false;
    size_t t = b;
    while (t > k && IsLineSpace(s[t - 1])) --t;
    return t - 1 > k && s[t - 1] == close;
  }

  bool ParseLink(size_t open, size_t end, Link* link) {
    const size_t close = MatchOf(brackets_, open);
    if (close == kNpos || close >= end) return false;
    link->text_begin = open + 1;
    link->text_end = close;
    const size_t after = close + 1;
    if (after < end && s_[after] == '(') {
      const size_t paren = MatchOf(parens_, after);
      if (paren != kNpos && paren < end && ValidDestination(after + 1, paren)) {
        link->end = paren + 1;
        return true;
      }
    }
    if (after < end && s_[after] == '[') {
      const size_t ref_close = MatchOf(brackets_, after);
      if (ref_close != kNpos && ref_close < end) {
        const string_view label = ref_close == after + 1 ? s_.substr(open + 1, close - open - 1)
                                                         : s_.substr(after + 1, ref_close - after - 1);
        if (!HasLabel(label)) return false;
        link->end = ref_close + 1;
        return true;
      }
    }
    // "[text]" alone: a link only when defined; "[sic]" in a quote stays.
    if (!HasLabel(s_.substr(open + 1, close - open - 1))) return false;
    link->end = after;
    return true;
  }

  // "<https://example.com>" or "<name@example.com>": returns the position
  // after '>', or kNpos.
  size_t ParseAutolink(size_t i, size_t end) const {
    const string_view s = s_;
    size_t j = i + 1;
    if (j < end && IsAsciiAlpha(s[j])) {
      size_t k = j + 1;
      while (k < end && k - j < 32 && (IsAsciiAlnum(s[k]) || s[k] == '+' || s[k] == '.' || s[k] == '-')) ++k;
      if (k < end && s[k] == ':' && k - j >= 2) {
        ++k;
        while (k < end && s[k] != '>' && s[k] != '<' && static_cast<unsigned char>(s[k]) > ' ') ++k;
        if (k < end && s[k] == '>') return k + 1;
        return kNpos;
      }
    }
    size_t k = j;
    auto local_char = [](char c) {
      return IsAsciiAlnum(c) || (c != '<' && c != '>' && c != '@' && c != '(' && c != ')' && c != '[' &&
                                 c != ']' && c != '\\' && c != ',' && c != ';' && c != ':' && c != '"' &&
                                 IsAsciiPunct(c));
    };
    while (k < end && local_char(s[k])) ++k;
    if (k == j || k >= end || s[k] != '@') return kNpos;
    const size_t domain = ++k;
    while (k < end && (IsAsciiAlnum(s[k]) || s[k] == '-' || s[k] == '.')) ++k;
    if (k == domain || k >= end || s[k] != '>') return kNpos;
    return k + 1;
  }

  void Scan(size_t begin, size_t end, int depth) {
    const string_view s = s_;
    size_t flushed = begin;
    size_t i = begin;
    while (i < end) {
      const char c = s[i];
      if (!kInlineSpecial[static_cast<unsigned char>(c)]) {
        ++i;
        continue;
      }
      switch (c) {
        case '\\':
          if (i + 1 < end && (IsAsciiPunct(s[i + 1]) || s[i + 1] == '\n')) {
            EmitRange(flushed, i);
            flushed = i + 1;
            i += 2;
          } else {
            ++i;
          }
          break;
        case '`': {
          const size_t n = RunLength(s, i, end, '`');
          const size_t close = FindBacktickRun(i + n, n);
          if (close == kNpos || close >= end) {
            i += n;
            break;
          }
          EmitRange(flushed, i);
          size_t a = i + n;
          size_t b = close;
          // CommonMark strips one space on each side: "`` `x` ``" shows `x`.
          if (b - a >= 2 && IsLineSpace(s[a]) && IsLineSpace(s[b - 1])) {
            bool all_space = true;
            for (size_t k = a; k < b && all_space; ++k) all_space = IsLineSpace(s[k]);
            if (!all_space) {
              ++a;
              --b;
            }
          }
          EmitRange(a, b);
          flushed = i = close + n;
          break;
        }
        case '*':
        case '_':
        case '~': {
          const size_t n = RunLength(s, i, end, c);
          if (DropDelimiter(c, i, n)) {
            EmitRange(flushed, i);
            flushed = i + n;
          }
          i += n;
          break;
        }
        case '!': {
          Link link;
          if (i + 1 < end && s[i + 1] == '[' && ParseLink(i + 1, end, &link)) {
            // Images go with their alt text: it describes a picture, it is
            // not a sentence of the story.
            EmitRange(flushed, i);
            flushed = i = link.end;
          } else {
            ++i;
          }
          break;
        }
        case '[': {
          if (i + 1 < end && s[i + 1] == '^') {
            const size_t close = MatchOf(brackets_, i);
            if (close != kNpos && close < end &&
                std::none_of(s.begin() + static_cast<std::ptrdiff_t>(i), s.begin() + static_cast<std::ptrdiff_t>(close),
                             [](char ch) { return IsLineSpace(ch); })) {
              EmitRange(flushed, i);  // a footnote reference
              flushed = i = close + 1;
              break;
            }
          }
          Link link;
          if (depth < kMaxLinkNesting && ParseLink(i, end, &link)) {
            EmitRange(flushed, i);
            Scan(link.text_begin, link.text_end, depth + 1);
            flushed = i = link.end;
          } else {
            ++i;
          }
          break;
        }
        case '<': {
          const size_t autolink_end = ParseAutolink(i, end);
          if (autolink_end != kNpos) {
            EmitRange(flushed, i);
            EmitRange(i + 1, autolink_end - 1);
            flushed = i = autolink_end;
            break;
          }
          TagInfo tag;
          const TagParse parse = tags_.Parse(i, end, /*strict=*/true, &tag);
          // Only at the paragraph's top level can an open comment or script
          // run past its end; inside link text it is just unclosed.
          const bool top_level = end == s.size();
          if (parse == TagParse::kUnterminated && tag.type == TagType::kComment && top_level &&
              tags_.CommentNeverCloses(i)) {
            // The comment runs past this paragraph: skip lines until it ends.
            EmitRange(flushed, i);
            skip_until_ = "-->";
            flushed = i = end;
            break;
          }
          if (parse != TagParse::kTag) {
            ++i;
            break;
          }
          EmitRange(flushed, i);
          const size_t tag_pos = i;
          flushed = i = tag.end;
          if (InSortedList(kBlockElements, tag.name()) && tag.type != TagType::kComment &&
              tag.type != TagType::kOther) {
            out_.RequestBreak(SourcePos(tag_pos));
          }
          if (tag.type == TagType::kStart && !tag.self_closing &&
              (tag.name() == "script" || tag.name() == "style")) {
            const string_view terminator = tag.name() == "script" ? "</script>" : "</style>";
            const size_t close = FindCaseless(s, i, end, terminator);
            if (close == kNpos) {
              if (top_level) skip_until_ = terminator;
              flushed = i = end;
            } else {
              flushed = i = close + terminator.size();
            }
          }
          break;
        }
        case '&': {
          char buf[4];
          string_view decoded;
          const size_t len = DecodeEntity(s, i, end, buf, &decoded);
          if (len == 0) {
            ++i;
            break;
          }
          EmitRange(flushed, i);
          out_.Put(decoded, SourcePos(i), len);
          flushed = i = i + len;
          break;
        }
        default:
          ++i;
          break;
      }
    }
    EmitRange(flushed, end);
  }

  string_view src_;
  Emitter out_;

  // Block state.
  std::vector<LineSeg> para_;  // the open paragraph's lines
  int para_depth_ = 0;         // its blockquote depth
  bool prev_blank_ = false;
  std::vector<int> list_indents_;  // content column of each open list item
  bool in_fence_ = false;
  char fence_char_ = '`';
  size_t fence_len_ = 0;
  int fence_depth_ = 0;
  int fence_indent_ = 0;
  string_view skip_until_;  // inside an HTML comment or script: its terminator
  std::vector<std::string> labels_;
  std::string label_buf_;

  // Inline state, reused from paragraph to paragraph.
  string_view s_;
  std::string scratch_;
  std::vector<ScratchSeg> seg_map_;
  std::vector<std::pair<size_t, size_t>> brackets_;
  std::vector<std::pair<size_t, size_t>> parens_;
  std::vector<size_t> bracket_stack_;
  std::vector<size_t> paren_stack_;
  std::array<int, 3> open_{};
  std::array<size_t, 3> last_close_{};
  std::array<size_t, 17> no_backtick_run_from_{};
  TagScanner tags_;
};

// In plain text a line holding only a suppression marker is a directive,
// not prose: it and its line break read as spaces, so it is neither a claim
// nor a paragraph break. The bytes keep their length, so offsets are
// unchanged; suppress.cpp finds the marker in the original.
void BlankMarkerLines(std::string* text) {
  if (!HasSuppressionMarker(*text)) return;
  size_t start = 0;
  while (start < text->size()) {
    const size_t nl = text->find('\n', start);
    const size_t end = nl == kNpos ? text->size() : nl;
    if (IsSuppressionMarkerLine(string_view(*text).substr(start, end - start)))
      std::fill(text->begin() + static_cast<std::ptrdiff_t>(start),
                text->begin() + static_cast<std::ptrdiff_t>(nl == kNpos ? end : nl + 1), ' ');
    start = end + 1;
  }
}

std::string ToLower(string_view s) {
  std::string out(s);
  for (char& c : out) c = ToLowerAscii(c);
  return out;
}

std::string OverLimitMessage(const std::string& path, size_t size, size_t limit, bool user_limit) {
  return path + ": " + std::to_string(size) + " bytes is over the limit of " + std::to_string(limit) +
         " bytes" + (user_limit ? " (--max-bytes)" : "");
}

// The effective limit: the user's, capped by what 32-bit offsets allow.
size_t EffectiveLimit(const ReadOptions& options, bool* user_limit) {
  *user_limit = options.max_bytes != 0 && options.max_bytes <= kMaxDocumentBytes;
  return *user_limit ? options.max_bytes : kMaxDocumentBytes;
}

class FdCloser {
 public:
  explicit FdCloser(int fd) : fd_(fd) {}
  ~FdCloser() { ::close(fd_); }
  FdCloser(const FdCloser&) = delete;
  FdCloser& operator=(const FdCloser&) = delete;

 private:
  int fd_;
};

// Appends the rest of `fd` to *bytes (which may already hold what a first
// read found), refusing more than `limit` bytes in all: an endless device
// is cut at the limit, never read to exhaustion.
Status ReadAll(int fd, const std::string& name, size_t size_hint, size_t limit, bool user_limit,
               std::string* bytes) {
  size_t used = bytes->size();
  // One byte more than the expected size lets us see EOF without a resize.
  // Without a size (a pipe, a device), 64 KB to start. Not 64 KB for a
  // short file: the buffer is zero-filled before it is read into, and
  // triage reads thousands of 3 KB articles (a tenth of its time went to
  // zeroing those 64 KB).
  const size_t capacity = size_hint > 0 ? size_hint + 1 : 64 * 1024;
  bytes->resize(std::max(used, std::min(capacity, limit + 1)));
  for (;;) {
    if (used == bytes->size()) {
      if (used > limit) break;
      bytes->resize(std::min(bytes->size() * 2, limit + 1));
    }
    const ssize_t got = ::read(fd, bytes->data() + used, bytes->size() - used);
    if (got < 0) {
      if (errno == EINTR) continue;
      const int error = errno;
      bytes->clear();
      return Status::Error(name + ": " + ErrnoText(error));
    }
    if (got == 0) break;
    used += static_cast<size_t>(got);
  }
  if (used > limit) {
    bytes->clear();
    return Status::Error(name + ": input is over the limit of " + std::to_string(limit) + " bytes" +
                         (user_limit ? " (--max-bytes)" : ""));
  }
  bytes->resize(used);
  return Status::Ok();
}

}  // namespace

// ---------------------------------------------------------------------------

const char* InputFormatName(InputFormat format) {
  switch (format) {
    case InputFormat::kAuto: return "auto";
    case InputFormat::kText: return "text";
    case InputFormat::kMarkdown: return "markdown";
    case InputFormat::kHtml: return "html";
  }
  return "text";
}

bool ParseInputFormat(string_view name, InputFormat* format) {
  static constexpr std::array<InputFormat, 4> kAll = {InputFormat::kAuto, InputFormat::kText,
                                                      InputFormat::kMarkdown, InputFormat::kHtml};
  for (InputFormat f : kAll) {
    if (name == InputFormatName(f)) {
      *format = f;
      return true;
    }
  }
  return false;
}

InputFormat FormatFromPath(string_view path) {
  const size_t slash = path.find_last_of('/');
  const string_view base = slash == kNpos ? path : path.substr(slash + 1);
  const size_t dot = base.find_last_of('.');
  if (dot == kNpos) return InputFormat::kText;
  const std::string ext = ToLower(base.substr(dot + 1));
  if (ext == "md" || ext == "markdown") return InputFormat::kMarkdown;
  if (ext == "html" || ext == "htm" || ext == "xhtml") return InputFormat::kHtml;
  return InputFormat::kText;
}

uint32_t Document::ToOriginal(uint32_t text_offset) const {
  return MapOffset(runs_, text().size(), original_.size(), text_offset);
}

uint32_t Document::ToOriginal(uint32_t text_offset, size_t* run_hint) const {
  // The common case first: the offset lies in the run of the last one (the
  // run's end is where the next begins, or the text's end).
  const OffsetRun* runs = runs_.data();
  const size_t count = runs_.size();
  size_t k = *run_hint;
  if (k >= count || text_offset < runs[k].text_begin ||
      text_offset >= (k + 1 < count ? runs[k + 1].text_begin : text().size())) {
    // Before the first run, past the text's end or with no runs: as MapOffset.
    if (count == 0 || text_offset < runs[0].text_begin || text_offset >= text().size())
      return MapOffset(runs_, text().size(), original_.size(), text_offset);
    k = static_cast<size_t>(std::upper_bound(runs, runs + count, text_offset,
                                             [](uint32_t p, const OffsetRun& r) { return p < r.text_begin; }) -
                            runs) - 1;
    *run_hint = k;
  }
  return MapInRun(runs[k], text_offset, original_.size());
}

LineColumn Document::Locate(uint32_t text_offset, size_t* line_hint) const {
  return LineColumnOf(ToOriginal(text_offset), line_hint);
}

LineColumn Document::LineColumnOf(uint32_t original_offset, size_t* line_hint) const {
  const size_t offset = std::min<size_t>(original_offset, original_.size());
  const std::vector<uint32_t>& starts = line_starts_;
  if (starts.empty() || offset < starts.front()) return {1, 1};
  size_t& k = *line_hint;  // index of a line starting at or before offset
  if (k >= starts.size() || starts[k] > offset) k = 0;
  // A few lines ahead: step; far ahead: search the rest.
  for (int step = 0; step < 8 && k + 1 < starts.size() && starts[k + 1] <= offset; ++step) ++k;
  if (k + 1 < starts.size() && starts[k + 1] <= offset)
    k = static_cast<size_t>(std::upper_bound(starts.begin() + static_cast<std::ptrdiff_t>(k), starts.end(), offset) -
                            starts.begin()) - 1;
  return {static_cast<uint32_t>(k + 1), static_cast<uint32_t>(offset - starts[k] + 1)};
}

LineColumn Document::LineColumnOf(uint32_t original_offset) const {
  return LineColumnIn(line_starts_, std::min<size_t>(original_offset, original_.size()));
}

std::string_view Document::OriginalLine(uint32_t line) const {
  if (line == 0 || line > line_starts_.size()) return {};
  const size_t begin = line_starts_[line - 1];
  size_t end = line < line_starts_.size() ? line_starts_[line] : original_.size();
  if (end > begin && original_[end - 1] == '\n') --end;
  if (end > begin && original_[end - 1] == '\r') --end;
  return string_view(original_).substr(begin, end - begin);
}

Document Document::FromParts(std::string path, InputFormat format, std::string original, std::string text,
                             std::vector<OffsetRun> runs, bool text_is_original) {
  Document doc;
  doc.path_ = std::move(path);
  doc.format_ = format;
  doc.original_ = std::move(original);
  doc.text_is_original_ = text_is_original;
  if (!text_is_original) doc.text_ = std::move(text);
  doc.runs_ = std::move(runs);
  ComputeLineStarts(doc.original_, &doc.line_starts_);
  return doc;
}

Result<Document> ReadDocument(std::string path, std::string bytes, const ReadOptions& options) {
  bool user_limit;
  const size_t limit = EffectiveLimit(options, &user_limit);
  if (bytes.size() > limit) return Status::Error(OverLimitMessage(path, bytes.size(), limit, user_limit));
  if (options.refuse_binary) {
    const size_t nul = string_view(bytes).substr(0, kBinaryProbeBytes).find('\0');
    if (nul != kNpos)
      return Status::Error(path + ": binary data (NUL byte at offset " + std::to_string(nul) + "), not a text draft");
  }
  const InputFormat format = options.format == InputFormat::kAuto ? FormatFromPath(path) : options.format;

  Cleaned cleaned;
  Status status = Clean(path, bytes, /*keep_crlf=*/format == InputFormat::kText,
                        options.replace_invalid_utf8, &cleaned);
  if (!status.ok()) return status;

  std::string text;
  std::vector<OffsetRun> runs;
  if (format == InputFormat::kText) {
    if (cleaned.changed) {
      text = std::move(cleaned.bytes);
      runs = std::move(cleaned.runs);
    } else if (!HasSuppressionMarker(bytes)) {
      // Plain text needing no change is its own text: not copied.
      return Document::FromParts(std::move(path), format, std::move(bytes), std::string(), {}, true);
    } else {
      text = bytes;
    }
    BlankMarkerLines(&text);
  } else {
    const string_view src = cleaned.changed ? string_view(cleaned.bytes) : string_view(bytes);
    text.reserve(src.size());
    std::vector<OffsetRun> markup_runs;
    if (format == InputFormat::kHtml) {
      HtmlConverter(src, &text, &markup_runs).Convert();
    } else {
      MarkdownConverter(src, &text, &markup_runs).Convert();
    }
    if (IsIdentity(markup_runs, text.size(), src.size())) markup_runs.clear();
    if (cleaned.runs.empty()) {
      runs = std::move(markup_runs);
    } else if (markup_runs.empty()) {
      runs = std::move(cleaned.runs);
    } else {
      runs = ComposeRuns(markup_runs, text.size(), cleaned.runs, src.size(), bytes.size());
    }
  }
  if (IsIdentity(runs, text.size(), bytes.size())) runs.clear();
  return Document::FromParts(std::move(path), format, std::move(bytes), std::move(text), std::move(runs));
}

Result<Document> ReadFile(const std::string& path, const ReadOptions& options) {
  bool user_limit;
  const size_t limit = EffectiveLimit(options, &user_limit);
  std::string bytes;
  if (path == "-") {
    const std::string name = "<stdin>";
    Status status = ReadAll(STDIN_FILENO, name, 0, limit, user_limit, &bytes);
    if (!status.ok()) return status;
    return ReadDocument(name, std::move(bytes), options);
  }
  // Non-blocking, so that opening a FIFO nobody writes to does not wait
  // forever; blocking again below once we know what the file is.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) return Status::Error(path + ": " + ErrnoText(errno));
  FdCloser closer(fd);
  struct stat info;
  if (::fstat(fd, &info) != 0) return Status::Error(path + ": " + ErrnoText(errno));
  if (S_ISDIR(info.st_mode)) return Status::Error(path + ": is a directory");
  if (S_ISFIFO(info.st_mode)) {
    // A FIFO with a writer (a shell's <(cmd), a producer already started)
    // has data or would block (EAGAIN); one with no writer reads as end of
    // file at once, where a blocking open would have waited for ever.
    char first[64 * 1024];
    ssize_t got;
    do {
      got = ::read(fd, first, sizeof first);
    } while (got < 0 && errno == EINTR);
    if (got == 0)
      return Status::Error(path + ": a FIFO with no writer (nothing to read); pipe the draft to standard input "
                                  "with '-' instead");
    if (got < 0 && errno != EAGAIN && errno != EWOULDBLOCK) return Status::Error(path + ": " + ErrnoText(errno));
    if (got > 0) bytes.assign(first, static_cast<size_t>(got));
  }
  const int flags = ::fcntl(fd, F_GETFL);
  if (flags < 0 || ::fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) != 0)
    return Status::Error(path + ": " + ErrnoText(errno));
  size_t size_hint = 0;
  if (S_ISREG(info.st_mode)) {
    const auto size = static_cast<size_t>(info.st_size);
    if (size > limit) return Status::Error(OverLimitMessage(path, size, limit, user_limit));
    size_hint = size;
  }
  Status status = ReadAll(fd, path, size_hint, limit, user_limit, &bytes);
  if (!status.ok()) return status;
  return ReadDocument(path, std::move(bytes), options);
}

}  // namespace sourcecheck
