// What every command shares: options, exit codes, loading the lexicons.
#pragma once

#include <CLI/CLI.hpp>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "sourcecheck/analyzer.hpp"
#include "sourcecheck/document.hpp"
#include "sourcecheck/render.hpp"

namespace sourcecheck::cli {

constexpr int kExitOk = 0;
constexpr int kExitFindings = 1;
constexpr int kExitError = 2;

struct CommonOptions {
  std::vector<std::string> lexicon_dirs;
  bool verbose = false;
};

// The largest draft read by default (--max-bytes): a long feature is
// 100 KB; anything near this is not a draft, and the analysis of a
// document grows with its size.
constexpr size_t kDefaultMaxBytes = size_t{16} << 20;

struct InputOptions {
  // The CLI refuses binary files (a NUL byte in the first 8 KiB) and, by
  // default, anything over kDefaultMaxBytes.
  ReadOptions read = [] {
    ReadOptions r;
    r.max_bytes = kDefaultMaxBytes;
    r.refuse_binary = true;
    return r;
  }();
  std::string format = "auto";
  // The ReadOptions with the --input-format applied.
  ReadOptions Resolved() const;
};

// A subcommand and what runs when it was given.
struct Command {
  CLI::App* app = nullptr;
  std::function<int()> run;
};

void AddCommonOptions(CLI::App* cmd, CommonOptions* common);
void AddInputOptions(CLI::App* cmd, InputOptions* input);

// Loads the defaults plus the user's directories, printing every diagnostic
// to stderr (notes only with --verbose); nullopt after printing on error.
std::optional<Lexicon> LoadOrReport(const CommonOptions& common);
std::optional<Analyzer> MakeAnalyzer(const CommonOptions& common);

// Prints an error to stderr: a located one (invalid UTF-8 in a draft) in
// the compiler form "draft.md:2:3: error: ...", which editors and `vim -q`
// read; any other as "sourcecheck: MESSAGE".
void PrintError(const Status& status);

// Standard output as a terminal: its width in columns (TIOCGWINSZ when it
// is a terminal, else $COLUMNS, else 80).
int TerminalWidth();
// $COLUMNS when it is a positive number, else 80: the width for output
// that does not go to the terminal.
int ColumnsOr80();
// Whether output gets ANSI colours: always; never; or, for auto, when it
// goes to standard output, that is a terminal, NO_COLOR is unset or empty
// (no-color.org) and TERM is not "dumb".
bool UseColor(ColorMode mode, bool to_stdout);

// Huge pages for a long input's run, before its document is read. The
// program's allocations all come from the heap (main.cpp's TuneAllocator),
// and a run over a 5 MB text touches about 21 MB of it for the first time:
// 5,400 page faults of 4 KiB, a tenth of the run. For input of
// kHugeHeapMinBytes or more, the next part of the heap, sized for the
// input, is taken, marked MADV_HUGEPAGE (huge_pages.hpp) and given back
// at once, untouched; the run's buffers then come from it, faulted in
// 2 MiB at a time (the 5 MB run: about 900 faults). A draft's run is left
// as it is: it would gain little, and a fragmented machine can take time
// to find a huge page. Nothing happens off glibc or without THP.
inline constexpr uint64_t kHugeHeapMinBytes = uint64_t{1} << 20;
void AdviseHugeHeap(uint64_t input_bytes);

// Disk space for a long report written to a regular file. A report is
// about five times the size of its text, so a dump of 20 MB makes one of
// 100 MB, and on ext4 that file reserves a block for each page written.
// Reserving the expected size up front in one call (fallocate, the file's
// length left as it is) took the system time of that run from 60 to 47 ms.
// On destruction the reservation the report did not use is given back: the
// file ends holding its bytes and no more.
// Nothing happens for a terminal, a pipe, a file opened for appending, a
// file system without fallocate, or a report expected under
// kMinBytes: a draft's report is written before a reservation would pay.
class ReportSpace {
 public:
  static constexpr uint64_t kMinBytes = uint64_t{8} << 20;
  // `fd` stays the caller's; it must outlive this object.
  ReportSpace(int fd, uint64_t expected_bytes);
  ~ReportSpace();
  ReportSpace(const ReportSpace&) = delete;
  ReportSpace& operator=(const ReportSpace&) = delete;

 private:
  int fd_ = -1;
  bool reserved_ = false;
};

// The commands; each registers its subcommand on `app`.
Command AddCheckCommand(CLI::App* app, CommonOptions* common, InputOptions* input);
Command AddSegmentCommand(CLI::App* app, CommonOptions* common, InputOptions* input);
std::vector<Command> AddLexiconCommands(CLI::App* app, CommonOptions* common);
Command AddTriageCommand(CLI::App* app, CommonOptions* common, InputOptions* input);

}  // namespace sourcecheck::cli
