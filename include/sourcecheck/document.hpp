// Reading drafts: bytes in, analysable prose out, every offset traceable.
//
// A Document holds the file's original bytes and the prose extracted from
// them (`text`): for plain text the same bytes; for Markdown the text without
// markup, code blocks or front matter; for HTML the text without tags,
// scripts or styles, with entities decoded and block elements turned into
// paragraph breaks (a blank line). Every later stage works on `text`; every
// position shown to a user is mapped back to the original bytes with
// ToOriginal() and then to a 1-based line and column with LineColumn().
//
// Order of use: ReadFile() or ReadDocument() once per draft; the Document is
// immutable afterwards and may be shared between threads.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "sourcecheck/status.hpp"

namespace sourcecheck {

enum class InputFormat { kAuto, kText, kMarkdown, kHtml };

// "text", "markdown", "html" (kAuto prints "auto").
const char* InputFormatName(InputFormat format);
// Parses "text" | "markdown" | "html" | "auto"; false when unknown.
bool ParseInputFormat(std::string_view name, InputFormat* format);
// The format a path's extension implies: .md/.markdown -> Markdown,
// .html/.htm/.xhtml -> HTML, anything else (and "-") -> text.
InputFormat FormatFromPath(std::string_view path);

// Offsets are 32-bit, and decoding may grow text up to three times (U+FFFD
// for single bad bytes), so no document may be larger than this.
inline constexpr size_t kMaxDocumentBytes = size_t{1} << 30;

struct ReadOptions {
  InputFormat format = InputFormat::kAuto;  // kAuto: from the path's extension
  // Invalid UTF-8: false -> an error naming the byte offset; true -> each bad
  // sequence becomes U+FFFD in `text` (offsets still map to the original).
  bool replace_invalid_utf8 = false;
  // Documents larger than this are refused with an error (0: no limit).
  size_t max_bytes = 0;
  // A NUL byte in the first 8 KiB means a binary file (an image, a PDF,
  // UTF-16 text), not a draft: true refuses it with an error; false reads
  // NUL bytes as spaces.
  bool refuse_binary = false;
};

// How far into a document refuse_binary looks for a NUL byte.
inline constexpr size_t kBinaryProbeBytes = 8192;

struct LineColumn {
  uint32_t line = 1;    // 1-based
  uint32_t column = 1;  // 1-based, in bytes of the original line
};

// A run of `text` bytes that came verbatim from `original`.
//
// Each run covers text from text_begin up to the next run's text_begin (or
// the end of text). Its first `length` bytes map byte for byte to original
// bytes from original_begin; they are the same bytes, or a same-length
// stand-in for them (a space for a NUL or for HTML whitespace, "\n" for a
// lone CR). The rest of the run, if any, was inserted (a paragraph break, a
// decoded entity, U+FFFD) and maps to original_begin + length: the start of
// the markup it stands for. Runs with length 0 describe inserted text only.
struct OffsetRun {
  uint32_t text_begin = 0;
  uint32_t original_begin = 0;
  uint32_t length = 0;
};

class Document {
 public:
  Document() = default;

  const std::string& path() const { return path_; }
  InputFormat format() const { return format_; }
  // The bytes as read (after nothing: BOM, CRLF and markup all still there).
  const std::string& original() const { return original_; }
  // The prose to analyse. Paragraphs are separated by a blank line ("\n\n");
  // NUL bytes and a leading BOM are not part of it.
  const std::string& text() const { return text_is_original_ ? original_ : text_; }

  // Maps a byte offset in text() to a byte offset in original(). Offsets in
  // text that were inserted (a paragraph break standing for a tag, a decoded
  // entity) map to the start of the markup they stand for. An offset equal to
  // text().size() maps to original().size().
  uint32_t ToOriginal(uint32_t text_offset) const;
  // Maps the exclusive end of a span of text() (end > 0) to the exclusive
  // end in original(): one past the original position of its last byte, so
  // a span never stretches over markup or line breaks that follow it.
  uint32_t ToOriginalEnd(uint32_t text_end) const {
    return text_end == 0 ? ToOriginal(0) : ToOriginal(text_end - 1) + 1;
  }
  // The same two for offsets visited in nearly increasing order (a
  // report's claims and their spans): *run_hint, 0 at first, keeps the run
  // of the offset mapped last, so that an offset in it or the next needs no
  // search. Any order gives the right answer.
  uint32_t ToOriginal(uint32_t text_offset, size_t* run_hint) const;
  uint32_t ToOriginalEnd(uint32_t text_end, size_t* run_hint) const {
    return text_end == 0 ? ToOriginal(0, run_hint) : ToOriginal(text_end - 1, run_hint) + 1;
  }
  // The 1-based line and column of a byte offset in original(). CRLF and a
  // lone CR each end one line. A leading BOM belongs to no line: line 1
  // starts after it, as in an editor. Offsets past the end are clamped.
  LineColumn LineColumnOf(uint32_t original_offset) const;
  // Shorthand: LineColumnOf(ToOriginal(text_offset)).
  LineColumn Locate(uint32_t text_offset) const { return LineColumnOf(ToOriginal(text_offset)); }
  // The same for offsets visited in increasing order (a report's claims):
  // *line_hint, 0 at first, keeps where the last search ended, so each call
  // steps over the lines between instead of searching them all. Any order
  // gives the right answer; increasing order gives it fast.
  LineColumn Locate(uint32_t text_offset, size_t* line_hint) const;
  // LineColumnOf() with such a hint.
  LineColumn LineColumnOf(uint32_t original_offset, size_t* line_hint) const;
  // The original line (without its line break) with the given 1-based number;
  // empty when out of range.
  std::string_view OriginalLine(uint32_t line) const;

  // Builds a document directly (tests, stdin). `runs` must be sorted by
  // text_begin and cover text; pass an empty vector for identity mapping.
  // With `text_is_original`, the text is `original` itself, held once
  // (`text` is ignored).
  static Document FromParts(std::string path, InputFormat format, std::string original,
                            std::string text, std::vector<OffsetRun> runs,
                            bool text_is_original = false);

 private:
  std::string path_;
  InputFormat format_ = InputFormat::kText;
  std::string original_;
  std::string text_;              // empty when text_is_original_
  bool text_is_original_ = false;  // the text is original_ itself (no copy)
  std::vector<OffsetRun> runs_;        // empty: text == original
  std::vector<uint32_t> line_starts_;  // byte offsets in original_ of each line's start
};

// Extracts the prose of `bytes` (the content of `path`, used in messages and
// for the format when options.format is kAuto). Errors: invalid UTF-8 (unless
// replaced), a document over options.max_bytes. Handles a UTF-8 BOM, CRLF and
// lone CR line ends, and NUL bytes (treated as spaces).
//
// In text, plain text keeps the CR of a CRLF (the tokenizer reads it as a
// space) and turns a lone CR into "\n"; Markdown and HTML drop CRs.
// A plain-text line that holds only a suppression marker (suppress.hpp)
// reads as spaces, its line break included: a directive, not prose.
// Invalid UTF-8 is reported with its 0-based byte offset in the file, the
// kind of fault and the bytes, plus one located Diagnostic:
//   draft.txt: invalid UTF-8 at byte 1234: overlong encoding (C0 AF)
// The kinds: stray continuation byte, overlong encoding, UTF-16 surrogate,
// code point above U+10FFFF, truncated sequence, byte never used in UTF-8.
// Too large: "draft.txt: 52428800 bytes is over the limit of 1048576 bytes
// (--max-bytes)". Binary, with refuse_binary: "photo.txt: binary data (NUL
// byte at offset 3), not a text draft".
Result<Document> ReadDocument(std::string path, std::string bytes, const ReadOptions& options);

// Reads the file at `path` ("-" reads standard input, named "<stdin>" in
// messages and in Document::path()) and calls ReadDocument.
// Errors name the path: missing or unreadable ("draft.md: No such file or
// directory", from strerror), a directory ("notes: is a directory"), too large
// (an endless device such as /dev/zero is cut at the limit and refused).
// A FIFO (named pipe) is read when a writer has it open (as for a shell's
// process substitution, <(cmd)); one that no process is writing to is
// refused ("PATH: a FIFO with no writer") instead of waiting forever.
Result<Document> ReadFile(const std::string& path, const ReadOptions& options);

}  // namespace sourcecheck
