// A streaming JSON writer: values go straight to an output function as they
// are written, so a report never exists twice in memory (as a document tree
// and as text). Its layout is fixed and byte-stable: two-space indentation,
// `"key": value`, empty containers as `[]` and `{}`, strings escaped as
// RFC 8259 requires (control characters as \u00XX, UTF-8 kept as is), and
// numbers in their shortest round-trip form.
//
// Not thread-safe; one writer per output.
#pragma once

#include <charconv>
#include <cmath>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace sourcecheck::internal {

class JsonWriter {
 public:
  // `sink` receives the text in pieces; `indent` 0 writes one line.
  JsonWriter(std::function<void(std::string_view)> sink, int indent = 2)
      : sink_(std::move(sink)), indent_(indent) {}

  void BeginObject() { Open('{'); }
  void EndObject() { Close('}'); }
  void BeginArray() { Open('['); }
  void EndArray() { Close(']'); }

  // The key of the next member of the current object.
  void Key(std::string_view key) {
    Separate();
    Quoted(key);
    buf_ += indent_ > 0 ? ": " : ":";
    after_key_ = true;
  }

  void String(std::string_view s) {
    Prefix();
    Quoted(s);
    Flush(false);
  }

  void Int(int64_t v) {
    Prefix();
    char tmp[24];
    auto [end, ec] = std::to_chars(tmp, tmp + sizeof tmp, v);
    (void)ec;
    buf_.append(tmp, end);
  }
  // Shortest form that reads back the same; integral values keep ".0"
  // (a share of exactly 1 is 1.0, as other JSON writers print it).
  void Double(double v) {
    Prefix();
    if (!std::isfinite(v)) {
      buf_ += "null";
      return;
    }
    char tmp[32];
    auto [end, ec] = std::to_chars(tmp, tmp + sizeof tmp, v);
    (void)ec;
    std::string_view s(tmp, static_cast<size_t>(end - tmp));
    buf_.append(s);
    if (s.find_first_of(".eEn") == std::string_view::npos) buf_ += ".0";
  }
  void Bool(bool v) {
    Prefix();
    buf_ += v ? "true" : "false";
  }
  void Null() {
    Prefix();
    buf_ += "null";
  }
  // A key and a value in one call.
  void Field(std::string_view key, std::string_view v) { Key(key); String(v); }
  void Field(std::string_view key, const char* v) { Key(key); String(v); }
  void Field(std::string_view key, int64_t v) { Key(key); Int(v); }
  void Field(std::string_view key, int v) { Key(key); Int(v); }
  void Field(std::string_view key, uint32_t v) { Key(key); Int(v); }
  void Field(std::string_view key, size_t v) { Key(key); Int(static_cast<int64_t>(v)); }
  void Field(std::string_view key, double v) { Key(key); Double(v); }
  void Field(std::string_view key, bool v) { Key(key); Bool(v); }

  // Writes what is buffered; call at the end.
  void Finish() { Flush(true); }

 private:
  void Quoted(std::string_view s) {
    buf_ += '"';
    for (unsigned char c : s) {
      switch (c) {
        case '"': buf_ += "\\\""; break;
        case '\\': buf_ += "\\\\"; break;
        case '\b': buf_ += "\\b"; break;
        case '\f': buf_ += "\\f"; break;
        case '\n': buf_ += "\\n"; break;
        case '\r': buf_ += "\\r"; break;
        case '\t': buf_ += "\\t"; break;
        default:
          if (c < 0x20) {
            static const char* hex = "0123456789abcdef";
            buf_ += "\\u00";
            buf_ += hex[c >> 4];
            buf_ += hex[c & 15];
          } else {
            buf_ += static_cast<char>(c);
          }
      }
    }
    buf_ += '"';
  }

  struct Level {
    bool empty = true;
  };

  void Open(char c) {
    Prefix();
    buf_ += c;
    levels_.push_back({});
  }
  void Close(char c) {
    const bool empty = levels_.back().empty;
    levels_.pop_back();
    if (!empty) Newline();
    buf_ += c;
    Flush(false);
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
    if (levels_.empty()) return;
    if (!levels_.back().empty) buf_ += ',';
    levels_.back().empty = false;
    Newline();
  }
  void Newline() {
    if (indent_ <= 0) return;
    buf_ += '\n';
    buf_.append(levels_.size() * static_cast<size_t>(indent_), ' ');
  }
  void Flush(bool force) {
    if (buf_.size() >= (force ? 1u : 1u << 16)) {
      sink_(buf_);
      buf_.clear();
    }
  }

  std::function<void(std::string_view)> sink_;
  int indent_;
  std::string buf_;
  std::vector<Level> levels_;
  bool after_key_ = false;
};

}  // namespace sourcecheck::internal
