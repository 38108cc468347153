// Project settings: a `.sourcecheck.yaml` beside the drafts.
//
// A newsroom keeps its choices in one file at the top of a project; the
// command line finds it in the working directory or the nearest parent
// (FindSettingsFile) and its flags override it. The format
// (docs/reports.md):
//
//   version: 1                 # optional; only 1 exists
//   lexicons: [lexicons]       # extra lexicon directories, relative to this file
//   disable: [hedges.about]    # lexicon entries switched off, by full id
//   fail_on: very_weak         # --fail-on
//   min_tier: weak             # --min-tier
//   format: text               # --format: text, line, markdown, html, json
//   color: auto                # --color: auto, always, never
//
// Every key is optional. Problems are located diagnostics (path:line:col,
// the line, a caret), all of them in one run: unknown keys with a "did you
// mean", wrong types, unknown tiers, formats or colour modes, lexicon
// directories that do not exist, and (when the analyzer is loaded) entry
// ids no lexicon defines.
//
// Order of use: FindSettingsFile(), LoadSettings(), LoadAnalyzer().
// Thread safety: plain values and functions without shared state.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sourcecheck/analyzer.hpp"
#include "sourcecheck/claim.hpp"
#include "sourcecheck/lexicon.hpp"
#include "sourcecheck/render.hpp"
#include "sourcecheck/status.hpp"

namespace sourcecheck {

inline constexpr std::string_view kSettingsFileName = ".sourcecheck.yaml";

struct Settings {
  std::string path;  // the file read; empty for no settings
  // Lexicon directories as written, with where; `lexicon_dirs` holds them
  // resolved against the settings file's directory.
  std::vector<LocatedText> lexicons;
  std::vector<std::string> lexicon_dirs;
  std::vector<LocatedText> disable;  // full entry ids, with where
  std::optional<Tier> fail_on;
  std::optional<Tier> min_tier;
  std::optional<ReportFormat> format;
  std::optional<ColorMode> color;
  std::string text;  // the file's text, to quote lines in later diagnostics
};

// The settings file that governs `directory`: `.sourcecheck.yaml` in it or
// in the nearest parent, as a path relative to `directory` when it is
// there or above ("../.sourcecheck.yaml"); empty when there is none.
std::string FindSettingsFile(const std::string& directory);

// Parses settings text; `path` names it in diagnostics, and lexicon
// directories are resolved against its directory. Errors: every problem
// found, each a located diagnostic (the directories are not looked at).
Result<Settings> ParseSettings(const std::string& path, std::string_view yaml);

// Reads and parses the file at `path`, then checks that each lexicon
// directory exists. Errors: unreadable file, or ParseSettings' errors.
Result<Settings> LoadSettings(const std::string& path);

// The analyzer the settings ask for: the embedded lexicons, the settings'
// lexicon directories, then `extra_dirs` (the command line's, loaded last
// so they win), with the settings' disabled entries left out. Every
// diagnostic (notes included) is appended to *diagnostics when not null;
// a disabled id that no loaded entry has is an error located in the
// settings file, with a "did you mean".
Result<Analyzer> LoadAnalyzer(const Settings& settings, const std::vector<std::string>& extra_dirs,
                              std::vector<Diagnostic>* diagnostics);

}  // namespace sourcecheck
