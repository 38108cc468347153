#include "cli/common.hpp"

#include <fcntl.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <iostream>

#include "huge_pages.hpp"

namespace sourcecheck::cli {

ReadOptions InputOptions::Resolved() const {
  ReadOptions r = read;
  ParseInputFormat(format, &r.format);
  return r;
}

void AddCommonOptions(CLI::App* cmd, CommonOptions* common) {
  // One directory per flag: `--lexicons DIR a.md b.md` must leave the
  // drafts to the command.
  cmd->add_option("--lexicons", common->lexicon_dirs,
                  "A directory of extra lexicon files, loaded over the defaults (repeatable)")
      ->allow_extra_args(false);
  cmd->add_flag("-v,--verbose", common->verbose, "Say more (lexicon overrides, ...)");
}

void AddInputOptions(CLI::App* cmd, InputOptions* input) {
  cmd->add_option("--input-format", input->format, "text, markdown, html or auto (by extension)")
      ->check(CLI::IsMember({"auto", "text", "markdown", "html"}));
  cmd->add_flag("--replace-invalid-utf8", input->read.replace_invalid_utf8,
                "Replace invalid UTF-8 with U+FFFD instead of refusing the file");
  // A negative size would wrap around to an unsigned one, and anything over
  // kMaxDocumentBytes would be cut to it without a word: both are refused.
  cmd->add_option("--max-bytes", input->read.max_bytes,
                  "Largest document (or JSONL line) read, in bytes or with a unit (64MB, 1GiB); larger ones are refused "
                  "(default 16 MiB; 0: up to 1 GiB, the most)")
      ->check(CLI::Validator(
          [](const std::string& value) {
            return value.find('-') == std::string::npos ? std::string() : "a size cannot be negative: " + value;
          },
          "SIZE"))
      ->transform(CLI::AsSizeValue(false))
      ->check(CLI::Range(size_t{0}, kMaxDocumentBytes));
}

int ColumnsOr80() {
  if (const char* columns = std::getenv("COLUMNS")) {
    char* end = nullptr;
    const long n = std::strtol(columns, &end, 10);
    if (end != columns && *end == '\0' && n > 0 && n < 10000) return static_cast<int>(n);
  }
  return 80;
}

int TerminalWidth() {
  struct winsize size {};
  if (::isatty(STDOUT_FILENO) && ::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0)
    return size.ws_col;
  return ColumnsOr80();
}

bool UseColor(ColorMode mode, bool to_stdout) {
  if (mode != ColorMode::kAuto) return mode == ColorMode::kAlways;
  if (!to_stdout || !::isatty(STDOUT_FILENO)) return false;
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color && *no_color) return false;
  const char* term = std::getenv("TERM");
  return !(term && std::strcmp(term, "dumb") == 0);
}

std::optional<Lexicon> LoadOrReport(const CommonOptions& common) {
  LexiconBuilder builder;
  builder.AddDefaults();
  for (const std::string& dir : common.lexicon_dirs) builder.AddDirectory(dir);
  Result<Lexicon> lexicon = builder.BuildAndRelease();
  for (const Diagnostic& d : builder.diagnostics())
    if (d.severity != Severity::kNote || common.verbose) std::cerr << FormatDiagnostic(d);
  if (!lexicon.ok()) {
    std::cerr << "sourcecheck: " << lexicon.status().message() << "\n";
    return std::nullopt;
  }
  return std::move(lexicon).value();
}

void PrintError(const Status& status) {
  if (status.diagnostics().empty()) std::cerr << "sourcecheck: " << status.message() << "\n";
  else std::cerr << status.ToString();
}

std::optional<Analyzer> MakeAnalyzer(const CommonOptions& common) {
  std::vector<Diagnostic> diagnostics;
  Result<Analyzer> analyzer = Analyzer::Load(common.lexicon_dirs, &diagnostics);
  for (const Diagnostic& d : diagnostics)
    if (d.severity != Severity::kNote || common.verbose) std::cerr << FormatDiagnostic(d);
  if (!analyzer.ok()) {
    std::cerr << "sourcecheck: " << analyzer.status().message() << "\n";
    return std::nullopt;
  }
  return std::move(analyzer).value();
}

void AdviseHugeHeap(uint64_t input_bytes) {
#if defined(__GLIBC__)
  if (input_bytes < kHugeHeapMinBytes) return;
  // The run holds about three times its text, plus the lexicons; the block
  // stays under glibc's trim threshold (256 MiB, TuneAllocator), so that
  // freeing it leaves it in the heap.
  const uint64_t block = std::min<uint64_t>(4 * input_bytes + (uint64_t{16} << 20), uint64_t{192} << 20);
  if (void* p = std::malloc(static_cast<size_t>(block))) {
    internal::AdviseHugePages(p, static_cast<size_t>(block));
    std::free(p);
  }
#else
  (void)input_bytes;
#endif
}

ReportSpace::ReportSpace(int fd, uint64_t expected_bytes) : fd_(fd) {
  if (fd < 0 || expected_bytes < kMinBytes) return;
  struct stat st {};
  const int flags = ::fcntl(fd, F_GETFL);
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || flags < 0 || (flags & O_APPEND) != 0) return;
  const off_t at = ::lseek(fd, 0, SEEK_CUR);
  if (at < 0) return;
  // A failure (no fallocate here, a full disk) leaves the file as it was
  // for the report to be written the ordinary way; a partial reservation
  // is given back below like an unused one.
  reserved_ = true;
  (void)::fallocate(fd, FALLOC_FL_KEEP_SIZE, at, static_cast<off_t>(expected_bytes));
}

ReportSpace::~ReportSpace() {
  if (!reserved_) return;
  // Truncating to the file's own length frees the blocks past its end,
  // and only those.
  struct stat st {};
  if (::fstat(fd_, &st) == 0) (void)!::ftruncate(fd_, st.st_size);
}

}  // namespace sourcecheck::cli
