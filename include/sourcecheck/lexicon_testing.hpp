// Lexicon tests: every entry's examples and counterexamples, run like code.
//
// Each example sentence must make its entry fire; each counterexample must
// not. The sentences go through the same tokenizer and matcher as drafts
// (all entries at once, so non_cues apply), which makes a newsroom's lexicon
// testable with `sourcecheck lexicon test`.
//
// Thread safety: pure functions of a compiled Matcher.
#pragma once

#include <string>
#include <vector>

#include "sourcecheck/matcher.hpp"

namespace sourcecheck {

struct LexiconTestFailure {
  std::string entry_id;
  SourceLocation location;  // of the example or counterexample
  bool counterexample = false;
  std::string sentence;
  // For a counterexample, the text the entry matched; for an example, the
  // entries that did fire there (to help see what took the words instead).
  std::string detail;
};

struct LexiconTestReport {
  size_t entries = 0;
  size_t passed = 0;
  std::vector<LexiconTestFailure> failures;
};

// Runs every example and counterexample of every entry of the matcher's
// lexicon.
LexiconTestReport RunLexiconTests(const Matcher& matcher);

// Formats failures as a test runner does, ending with the line
// "lexicon test: N passed, N failed".
std::string FormatLexiconTestReport(const LexiconTestReport& report);

// The ids of the entries that fire in `sentence`, in order of position
// ("hedges.reportedly", ...), for debugging and tests.
std::vector<std::string> EntriesFiringIn(const Matcher& matcher, const std::string& sentence);

}  // namespace sourcecheck
