// The sourcecheck command line: flags to an Analyzer and a renderer, and an
// exit code. No analysis logic lives here; each command has its own file.
//
// Exit codes: 0 done, 1 findings at or below --fail-on (check) or a failed
// lexicon test, 2 usage, input or lexicon errors.
#include <algorithm>
#include <iostream>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include "cli/common.hpp"
#include "sourcecheck/version.hpp"

namespace sourcecheck::cli {
namespace {

// A run analyses section after section with buffers of about the same size
// (tokens, claims, a section's report): glibc's defaults hand large ones
// back to the system when they are freed and take fresh, zeroed pages for
// the next section. Keeping them costs no peak memory (the next section
// reuses them) and saves 3 to 5% of a long document's time (measured on
// the BBC text; docs/performance.md).
void TuneAllocator() {
#if defined(__GLIBC__)
  mallopt(M_MMAP_THRESHOLD, 256 << 20);
  mallopt(M_TRIM_THRESHOLD, 256 << 20);
  mallopt(M_TOP_PAD, 16 << 20);
#endif
}

int Main(int argc, char** argv) {
  TuneAllocator();
  CLI::App app{"sourcecheck: how well is each claim of a news draft sourced?", "sourcecheck"};
  app.set_version_flag("--version", std::string("sourcecheck ") + kVersion);
  app.require_subcommand(0, 1);
  CommonOptions common;
  InputOptions input;
  std::vector<Command> commands;
  commands.push_back(AddCheckCommand(&app, &common, &input));
  commands.push_back(AddSegmentCommand(&app, &common, &input));
  for (Command& c : AddLexiconCommands(&app, &common)) commands.push_back(std::move(c));
  commands.push_back(AddTriageCommand(&app, &common, &input));

  // `sourcecheck FILE` means `sourcecheck check FILE`.
  std::vector<std::string> args(argv + 1, argv + argc);
  bool is_command = false;
  if (!args.empty()) {
    try {
      is_command = app.get_subcommand(args[0]) != nullptr;
    } catch (const CLI::OptionNotFound&) {
      is_command = false;
    }
  }
  if (!args.empty() && !is_command && args[0] != "--help" && args[0] != "-h" && args[0] != "--version")
    args.insert(args.begin(), "check");
  std::reverse(args.begin(), args.end());
  try {
    app.parse(args);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kExitError;
  }
  for (const Command& c : commands)
    if (c.app->parsed()) return c.run();
  std::cout << app.help();
  return kExitError;
}

}  // namespace
}  // namespace sourcecheck::cli

int main(int argc, char** argv) { return sourcecheck::cli::Main(argc, argv); }
