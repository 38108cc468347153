// What every command shares: options, exit codes, loading the lexicons.
#pragma once

#include <CLI/CLI.hpp>

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

// The commands; each registers its subcommand on `app`.
Command AddCheckCommand(CLI::App* app, CommonOptions* common, InputOptions* input);
Command AddSegmentCommand(CLI::App* app, CommonOptions* common, InputOptions* input);
std::vector<Command> AddLexiconCommands(CLI::App* app, CommonOptions* common);
Command AddTriageCommand(CLI::App* app, CommonOptions* common, InputOptions* input);

}  // namespace sourcecheck::cli
