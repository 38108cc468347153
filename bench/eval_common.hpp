// Shared helpers of the accuracy programs (polnear_eval, conll_eval).
//
// These programs measure sourcecheck against annotated corpora kept in
// ../shared/eval beside the checkout. They are measurements, not tests: they
// print figures and exit 0 whatever the score, 0 with a "skipped" line when
// the data are absent, and non-zero only when they cannot do their job (a bad
// flag, an unreadable file, lexicons that fail to load).
//
// Everything here is header-only and deterministic: file listings are sorted,
// nothing depends on the clock but the printed run time.
#pragma once

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "sourcecheck/analyzer.hpp"
#include "sourcecheck/status.hpp"

namespace sourcecheck::eval {

// The shared directory beside the checkout ("<source>/../shared"), where CI
// puts the corpora; the compile definition names the checkout.
inline std::filesystem::path SharedDir() {
#ifdef SOURCECHECK_SOURCE_DIR
  return std::filesystem::path(SOURCECHECK_SOURCE_DIR) / ".." / "shared";
#else
  return std::filesystem::path("..") / "shared";
#endif
}

// Reads a whole file into *out. False (and *out untouched) when it cannot be
// opened or read.
inline bool ReadWholeFile(const std::filesystem::path& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return false;
  *out = std::move(data);
  return true;
}

// The regular files of `dir` whose names end in `suffix`, sorted by name so
// every run visits them in the same order. Empty when `dir` is missing.
inline std::vector<std::filesystem::path> ListFiles(const std::filesystem::path& dir,
                                                    std::string_view suffix) {
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (!it->is_regular_file()) continue;
    const std::string name = it->path().filename().string();
    if (name.size() >= suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(),
                                                     suffix) == 0)
      files.push_back(it->path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

// The byte offset of every code point of `utf8`, plus one final entry equal
// to utf8.size(): result[i] is where character i starts, so a character-offset
// span [b, e) is the byte span [result[b], result[e]). Annotation tools
// written in Python (brat, PolNeAR) count characters, the library counts
// bytes. Invalid bytes count as one character each, as Python's
// "surrogateescape" would.
inline std::vector<uint32_t> CodePointByteOffsets(std::string_view utf8) {
  std::vector<uint32_t> offsets;
  offsets.reserve(utf8.size() + 1);
  for (size_t i = 0; i < utf8.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(utf8[i]);
    // Continuation bytes (10xxxxxx) belong to the character before them.
    if ((c & 0xC0) != 0x80 || offsets.empty()) offsets.push_back(static_cast<uint32_t>(i));
  }
  offsets.push_back(static_cast<uint32_t>(utf8.size()));
  return offsets;
}

// Counts of a binary decision or of a span matching, and the figures
// derived from them (percentages; 0 when undefined).
struct Counts {
  uint64_t tp = 0;
  uint64_t fp = 0;
  uint64_t fn = 0;

  double Precision() const { return tp + fp == 0 ? 0.0 : 100.0 * double(tp) / double(tp + fp); }
  double Recall() const { return tp + fn == 0 ? 0.0 : 100.0 * double(tp) / double(tp + fn); }
  double F1() const {
    const double p = Precision(), r = Recall();
    return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
  }
  Counts& operator+=(const Counts& o) {
    tp += o.tp;
    fp += o.fp;
    fn += o.fn;
    return *this;
  }
};

// The header of a P/R/F1 table whose first column is `width` wide.
inline void PrintCountsHeader(const char* first_column, int width) {
  std::printf("%-*s %7s %7s %7s %7s %7s %7s\n", width, first_column, "P", "R", "F1", "tp", "fp",
              "fn");
}

// One row of that table.
inline void PrintCountsRow(const std::string& label, const Counts& c, int width) {
  std::printf("%-*s %7.1f %7.1f %7.1f %7llu %7llu %7llu\n", width, label.c_str(), c.Precision(),
              c.Recall(), c.F1(), static_cast<unsigned long long>(c.tp),
              static_cast<unsigned long long>(c.fp), static_cast<unsigned long long>(c.fn));
}

// Loads the default lexicons, printing every diagnostic on stderr. Empty
// when they do not load (the program cannot measure anything then).
inline std::optional<Analyzer> LoadDefaultAnalyzer(const char* program) {
  std::vector<Diagnostic> diagnostics;
  Result<Analyzer> analyzer = Analyzer::Load({}, &diagnostics);
  if (!diagnostics.empty()) std::fputs(FormatDiagnostics(diagnostics).c_str(), stderr);
  if (!analyzer.ok()) {
    std::fprintf(stderr, "%s: cannot load the default lexicons: %s\n", program,
                 analyzer.status().ToString().c_str());
    return std::nullopt;
  }
  return std::move(analyzer).value();
}

// The text of one line for an example listing: newlines and tabs shown as
// spaces, cut to `max_bytes` on a character boundary with "..." after.
inline std::string OneLine(std::string_view text, size_t max_bytes = 400) {
  std::string out;
  out.reserve(std::min(text.size(), max_bytes) + 3);
  for (size_t i = 0; i < text.size(); ++i) {
    if (out.size() >= max_bytes && (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      out += "...";
      break;
    }
    const char c = text[i];
    out += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
  }
  return out;
}

// Wall-clock seconds since construction, for the "run time" line.
class Stopwatch {
 public:
  Stopwatch() : start_(std::chrono::steady_clock::now()) {}
  double Seconds() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  }

 private:
  std::chrono::steady_clock::time_point start_;
};

}  // namespace sourcecheck::eval
