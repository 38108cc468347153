// A streaming JSON writer: values go straight to an output function as they
// are written, so a report never exists twice in memory (as a document tree
// and as text). Its layout is fixed and byte-stable: the members of the
// outermost `line_depth` containers each on a line of their own, indented
// by two spaces a level, as `"key": value`; every container deeper than
// that on one line, without spaces (`{"id":1,"tier":"weak"}`), so that a
// report of many claims has one claim a line. Empty containers are `[]`
// and `{}`, strings escaped as RFC 8259 requires (control characters as
// \u00XX, UTF-8 kept as is), numbers in their shortest round-trip form.
//
// It is on the hot path of a full analysis (a report is several times the
// size of its text), so it writes into a flat buffer of its own, handed to
// the sink 256 KB at a time (fewer, larger writes: a 100 MB report goes to
// a file in 4% less time than 64 KB at a time), copies strings sixteen
// bytes at a time while nothing in them needs an escape, and lets a caller
// that bounds a value's size write it without a check of the room per
// piece (Cursor).
//
// Not thread-safe; one writer per output.
#pragma once

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace sourcecheck::internal {

class JsonWriter {
 public:
  // `sink` receives the text in pieces; `line_depth` 0 writes one line.
  explicit JsonWriter(std::function<void(std::string_view)> sink, size_t line_depth = 2)
      : sink_(std::move(sink)), line_depth_(line_depth), buf_(new char[kCapacity]) {}
  JsonWriter(const JsonWriter&) = delete;
  JsonWriter& operator=(const JsonWriter&) = delete;

  void BeginObject() { Open('{'); }
  void EndObject() { Close('}'); }
  void BeginArray() { Open('['); }
  void EndArray() { Close(']'); }

  // The key of the next member of the current object. Keys are the
  // schema's own names (plain ASCII, nothing to escape): written as they are.
  void Key(std::string_view key) { KeyOf(key.data(), key.size()); }
  // A literal key: its length is known when compiled, so it is copied
  // without a call (most keys of a report).
  template <size_t N>
  void Key(const char (&key)[N]) {
    KeyOf(key, N - 1);
  }

  void String(std::string_view s) {
    Prefix();
    Quoted(s);
  }

  void Int(int64_t v) {
    Prefix();
    RawInt(v);
  }
  // Shortest form that reads back the same; integral values keep ".0"
  // (a share of exactly 1 is 1.0, as other JSON writers print it).
  void Double(double v) {
    Prefix();
    if (!std::isfinite(v)) {
      Put("null");
      return;
    }
    char tmp[32];
    auto [end, ec] = std::to_chars(tmp, tmp + sizeof tmp, v);
    (void)ec;
    const std::string_view s(tmp, static_cast<size_t>(end - tmp));
    Put(s);
    if (s.find_first_of(".eEn") == std::string_view::npos) Put(".0");
  }
  void Bool(bool v) {
    Prefix();
    RawBool(v);
  }
  void Null() {
    Prefix();
    Raw("null");
  }
  // A key and a value in one call.
  template <size_t N, typename T>
  void Field(const char (&key)[N], const T& v) {
    Key(key);
    Value(v);
  }
  template <typename T>
  void Field(std::string_view key, const T& v) {
    Key(key);
    Value(v);
  }

  // Raw writing, for the values on the hot path whose layout the caller
  // spells out (a report's claims): BeginRaw() writes what goes before a
  // value here (a separator, a line break), then the Raw calls append one
  // complete value in the compact layout, its keys and punctuation as
  // literals. The output is the same as from the calls above.
  void BeginRaw() { Prefix(); }
  template <size_t N>
  void Raw(const char (&text)[N]) {
    Reserve(N - 1);
    std::memcpy(buf_.get() + len_, text, N - 1);
    len_ += N - 1;
  }
  void RawString(std::string_view s) { Quoted(s); }
  void RawStringOrNull(std::string_view s) {
    if (s.empty()) Raw("null");
    else Quoted(s);
  }
  void RawInt(int64_t v) {
    Reserve(24);
    auto [end, ec] = std::to_chars(buf_.get() + len_, buf_.get() + len_ + 24, v);
    (void)ec;
    len_ = static_cast<size_t>(end - buf_.get());
  }
  // The same for the unsigned 32-bit values of a claim (ids, offsets,
  // lines): its digits come from 32-bit arithmetic, cheaper than 64-bit.
  void RawUint(uint32_t v) {
    Reserve(10);
    len_ = static_cast<size_t>(UintTo(buf_.get() + len_, v) - buf_.get());
  }
  void RawBool(bool v) {
    if (v) Raw("true");
    else Raw("false");
  }

  // Raw writing without a check of the buffer's room per call, for a value
  // whose size is bounded in advance (a claim: tens of thousands of them,
  // each some thirty literals, strings and numbers). Bounded(room, write)
  // calls write(out) with `out` a Cursor, whose Raw calls are the writer's
  // own writing through a pointer, when `room` fits in half the buffer, and
  // with the writer itself otherwise. The caller answers for the bound: a
  // string of n bytes takes at most QuotedRoom(n), a number 20, a literal
  // its length.
  class Cursor {
   public:
    template <size_t N>
    void Raw(const char (&text)[N]) {
      std::memcpy(p_, text, N - 1);
      p_ += N - 1;
    }
    void RawString(std::string_view s) { p_ = QuotedTo(p_, s); }
    void RawStringOrNull(std::string_view s) {
      if (s.empty()) Raw("null");
      else RawString(s);
    }
    void RawInt(int64_t v) { p_ = std::to_chars(p_, p_ + 20, v).ptr; }
    void RawUint(uint32_t v) { p_ = UintTo(p_, v); }
    void RawBool(bool v) {
      if (v) Raw("true");
      else Raw("false");
    }

   private:
    friend class JsonWriter;
    explicit Cursor(char* p) : p_(p) {}
    char* p_;
  };
  static constexpr size_t kMaxRoom = 1 << 17;  // half the buffer
  // The most bytes a string of n bytes takes quoted: every byte as \u00XX.
  static constexpr size_t QuotedRoom(size_t n) { return 6 * n + 2; }
  template <typename Write>
  void Bounded(size_t room, Write&& write) {
    if (room > kMaxRoom) {
      write(*this);
      return;
    }
    Reserve(room);
    Cursor cursor(buf_.get() + len_);
    write(cursor);
    len_ = static_cast<size_t>(cursor.p_ - buf_.get());
  }

  // Writes what is buffered; call at the end.
  void Finish() { Drain(); }

 private:
  static constexpr size_t kCapacity = 1 << 18;
  static_assert(kMaxRoom <= kCapacity);
  static constexpr size_t kMaxInlineIndent = 32;  // deeper levels take the slow path
  static constexpr size_t kIndent = 2;

  // Whether the members of the innermost open container go on lines of
  // their own.
  bool OnLines() const { return empty_.size() <= line_depth_; }

  void Value(std::string_view v) { String(v); }
  void Value(const std::string& v) { String(v); }
  void Value(const char* v) { String(v); }
  void Value(bool v) { Bool(v); }
  void Value(double v) { Double(v); }
  void Value(int v) { Int(v); }
  void Value(uint32_t v) { Int(v); }
  void Value(int64_t v) { Int(v); }
  void Value(size_t v) { Int(static_cast<int64_t>(v)); }

  // The separator, new line and indentation before a member, then the key
  // and its colon, in one reservation of the buffer.
  [[gnu::always_inline]] void KeyOf(const char* key, size_t size) {
    const bool lines = OnLines();
    const size_t spaces = lines ? empty_.size() * kIndent : 0;
    if (empty_.empty() || spaces > kMaxInlineIndent || size > 256) {
      Separate();
      Put('"');
      Put(std::string_view(key, size));
      Put(lines ? std::string_view("\": ") : std::string_view("\":"));
      after_key_ = true;
      return;
    }
    // ',' '\n' indentation (written as a fixed 32 spaces, of which `spaces`
    // count) '"' key '"' ':' ' '
    Reserve(2 + kMaxInlineIndent + size + 4);
    char* p = buf_.get() + len_;
    if (!empty_.back()) *p++ = ',';
    empty_.back() = 0;
    if (lines) {
      *p++ = '\n';
      std::memcpy(p, "                                ", kMaxInlineIndent);
      p += spaces;
    }
    *p++ = '"';
    std::memcpy(p, key, size);
    p += size;
    *p++ = '"';
    *p++ = ':';
    if (lines) *p++ = ' ';
    len_ = static_cast<size_t>(p - buf_.get());
    after_key_ = true;
  }

  // Room for n more bytes (n <= kCapacity), draining the buffer if needed.
  void Reserve(size_t n) {
    if (len_ + n > kCapacity) Drain();
  }
  void Drain() {
    if (len_ == 0) return;
    sink_(std::string_view(buf_.get(), len_));
    len_ = 0;
  }
  void Put(std::string_view s) {
    if (s.size() > kCapacity) {
      Drain();
      sink_(s);
      return;
    }
    Reserve(s.size());
    std::memcpy(buf_.get() + len_, s.data(), s.size());
    len_ += s.size();
  }
  void Put(char c) {
    Reserve(1);
    buf_[len_++] = c;
  }

  // Whether any of the bytes of a Word (uint64_t: 8, uint32_t: 4) at p is
  // a control character, '"' or '\\' (the classic SWAR tests for "a byte
  // below n" and "a byte equal to c"; exact as a yes or no).
  template <typename Word = uint64_t>
  static bool NeedsEscape(const char* p) {
    Word v;
    std::memcpy(&v, p, sizeof v);
    constexpr Word kOnes = static_cast<Word>(0x0101010101010101ull), kHigh = static_cast<Word>(0x8080808080808080ull);
    const Word below_space = (v - kOnes * 0x20) & ~v & kHigh;
    const Word q = v ^ (kOnes * '"');
    const Word quote = (q - kOnes) & ~q & kHigh;
    const Word b = v ^ (kOnes * '\\');
    const Word backslash = (b - kOnes) & ~b & kHigh;
    return (below_space | quote | backslash) != 0;
  }

  static bool NeedsEscape(unsigned char c) { return c < 0x20 || c == '"' || c == '\\'; }

  // How many of the 16 bytes at p need no escape, counted from p (16 when
  // none does). Where SSE2 is there (every x86-64), one comparison of each
  // kind covers the 16; elsewhere two eight-byte checks.
  static size_t CleanPrefix16(const char* p) {
#if defined(__SSE2__)
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    const __m128i quote = _mm_cmpeq_epi8(v, _mm_set1_epi8('"'));
    const __m128i backslash = _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'));
    const __m128i control = _mm_cmpeq_epi8(_mm_max_epu8(v, _mm_set1_epi8(0x1F)), _mm_set1_epi8(0x1F));
    const auto mask = static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(quote, backslash), control)));
    return mask == 0 ? 16 : static_cast<size_t>(__builtin_ctz(mask));
#else
    if (NeedsEscape(p)) return 0;
    return NeedsEscape(p + 8) ? 8 : 16;
#endif
  }

  // A string in quotes. One that may take more room than the buffer has
  // (over 40 KB) goes in pieces, which cannot split an escape.
  void Quoted(std::string_view s) {
    if (QuotedRoom(s.size()) <= kCapacity) {
      Reserve(QuotedRoom(s.size()));
      len_ = static_cast<size_t>(QuotedTo(buf_.get() + len_, s) - buf_.get());
      return;
    }
    Put('"');
    constexpr size_t kPiece = (kCapacity - 2) / 6;
    for (size_t at = 0; at < s.size(); at += kPiece) {
      const std::string_view piece = s.substr(at, kPiece);
      Reserve(6 * piece.size());
      len_ = static_cast<size_t>(EscapedTo(buf_.get() + len_, piece) - buf_.get());
    }
    Put('"');
  }

  // Writes v in decimal at p, which has room for 10 bytes; returns the end.
  // What std::to_chars writes, without the checks of room and sign that a
  // caller who bounds its room does not need: the length from three or
  // four comparisons, then two digits at a time from the end.
  static char* UintTo(char* p, uint32_t v) {
    static constexpr char kPairs[] =
        "0001020304050607080910111213141516171819202122232425262728293031323334353637383940414243444546474849"
        "5051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899";
    const size_t n = v < 100000 ? (v < 100 ? (v < 10 ? 1 : 2) : v < 1000 ? 3 : v < 10000 ? 4 : 5)
                                : v < 10000000 ? (v < 1000000 ? 6 : 7)
                                               : v < 100000000 ? 8 : v < 1000000000 ? 9 : 10;
    char* q = p + n;
    while (v >= 100) {
      const uint32_t r = v % 100;
      v /= 100;
      q -= 2;
      std::memcpy(q, kPairs + 2 * r, 2);
    }
    if (v >= 10) std::memcpy(p, kPairs + 2 * v, 2);
    else *p = static_cast<char>('0' + v);
    return p + n;
  }

  // Writes `s` in quotes at out, which has room for QuotedRoom(s.size())
  // bytes; returns the end of what it wrote.
  static char* QuotedTo(char* out, std::string_view s) {
    *out++ = '"';
    out = EscapedTo(out, s);
    *out++ = '"';
    return out;
  }

  // Writes `s` escaped at out, which has room for 6 * s.size() bytes;
  // returns the end of what it wrote. The common case (nothing to escape)
  // copies it in blocks as it checks them: sixteen bytes at a time, the
  // last block overlapping the one before it (what it checks again was
  // clean), so that no string of sixteen bytes or more ends byte by byte;
  // a shorter one is two overlapping blocks of eight or four.
  static char* EscapedTo(char* out, std::string_view s) {
    const size_t n = s.size();
    const char* in = s.data();
    size_t i = 0;  // the bytes before i need no escape and are in place
    if (n >= 16) {
      for (;;) {
        // The 16 bytes are copied whole; what follows an escape is written
        // over below.
        const size_t at = std::min(i, n - 16);
        std::memcpy(out + at, in + at, 16);
        const size_t clean = CleanPrefix16(in + at);
        i = at + clean;
        if (clean < 16 || i == n) break;
      }
    } else if (n >= 8) {
      if (!NeedsEscape(in) && !NeedsEscape(in + n - 8)) {
        std::memcpy(out, in, 8);
        std::memcpy(out + n - 8, in + n - 8, 8);
        i = n;
      }
    } else if (n >= 4) {
      if (!NeedsEscape<uint32_t>(in) && !NeedsEscape<uint32_t>(in + n - 4)) {
        std::memcpy(out, in, 4);
        std::memcpy(out + n - 4, in + n - 4, 4);
        i = n;
      }
    }
    // A short string with an escape, or one under four bytes: up to the
    // first escape.
    while (i < n && !NeedsEscape(static_cast<unsigned char>(in[i]))) {
      out[i] = in[i];
      ++i;
    }
    if (i == n) return out + n;
    out += i;
    // From the first escape on: each escape, then the run of bytes that
    // need none after it, copied whole.
    while (i < n) {
      out = Escape(out, static_cast<unsigned char>(in[i++]));
      const size_t run = i;
      while (i + 16 <= n) {
        const size_t clean = CleanPrefix16(in + i);
        i += clean;
        if (clean < 16) break;
      }
      while (i < n && !NeedsEscape(static_cast<unsigned char>(in[i]))) ++i;
      std::memcpy(out, in + run, i - run);
      out += i - run;
    }
    return out;
  }

  // Writes the escape of c (a control character, '"' or '\\') at out.
  static char* Escape(char* out, unsigned char c) {
    char e = 0;
    switch (c) {
      case '"': e = '"'; break;
      case '\\': e = '\\'; break;
      case '\b': e = 'b'; break;
      case '\f': e = 'f'; break;
      case '\n': e = 'n'; break;
      case '\r': e = 'r'; break;
      case '\t': e = 't'; break;
      default: {
        static const char* hex = "0123456789abcdef";
        const char esc[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
        std::memcpy(out, esc, 6);
        return out + 6;
      }
    }
    out[0] = '\\';
    out[1] = e;
    return out + 2;
  }

  void Open(char c) {
    Prefix();
    Put(c);
    empty_.push_back(1);
  }
  void Close(char c) {
    const bool empty = empty_.back();
    const bool lines = OnLines();
    empty_.pop_back();
    if (!empty && lines) Newline();
    Put(c);
  }
  // Before a value: a separator and a new line inside arrays; nothing after
  // a key.
  void Prefix() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    Separate();
  }
  void Separate() {
    if (empty_.empty()) return;
    if (!empty_.back()) Put(',');
    empty_.back() = 0;
    if (OnLines()) Newline();
  }
  // A line break and the indentation of the current depth.
  void Newline() {
    const size_t spaces = empty_.size() * kIndent;
    if (spaces + 1 > kCapacity) {  // absurdly deep: never in a report
      Put('\n');
      for (size_t k = 0; k < spaces; ++k) Put(' ');
      return;
    }
    Reserve(spaces + 1);
    buf_[len_++] = '\n';
    std::memset(buf_.get() + len_, ' ', spaces);
    len_ += spaces;
  }

  std::function<void(std::string_view)> sink_;
  size_t line_depth_;
  std::unique_ptr<char[]> buf_;
  size_t len_ = 0;
  std::vector<char> empty_;  // per open container: nothing written in it yet (not vector<bool>: slow)
  bool after_key_ = false;
};

}  // namespace sourcecheck::internal
