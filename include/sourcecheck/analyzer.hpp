// The analysis pipeline: a Document in, its sentences and cues out.
//
// An Analyzer is built once from a Lexicon (it compiles the Matcher and the
// abbreviation list) and then analyses any number of documents:
//
//   Result<Lexicon> lexicon = LoadLexicons({});
//   Result<Analyzer> analyzer = Analyzer::Create(std::move(*lexicon));
//   Analysis a = analyzer->Analyze(document);
//
// Analyze() is const and keeps no state between calls: one Analyzer may serve
// many threads at once.
#pragma once

#include <chrono>
#include <memory>
#include <vector>

#include "sourcecheck/document.hpp"
#include "sourcecheck/lexicon.hpp"
#include "sourcecheck/matcher.hpp"
#include "sourcecheck/scoring.hpp"
#include "sourcecheck/segment.hpp"
#include "sourcecheck/status.hpp"
#include "sourcecheck/tokenize.hpp"

namespace sourcecheck {

// A time limit on the analysis of one document (triage's --timeout-ms).
//
// The analysis is synchronous, so the limit is cooperative: each stage looks
// at the clock before it starts and, inside its loops, every few thousand
// sentences or claims, and gives up with an error once the deadline has
// passed. A check costs one clock read, and a stage overshoots by at most
// one such step. A default-constructed Deadline never passes.
class Deadline {
 public:
  Deadline() = default;
  // `budget` from now; a budget of zero (or less) means no deadline, and one
  // past the clock's range a deadline that never passes.
  static Deadline In(std::chrono::milliseconds budget);

  bool none() const { return budget_.count() <= 0; }
  std::chrono::milliseconds budget() const { return budget_; }
  // True once the deadline has passed; always false for none().
  bool Passed() const { return !none() && std::chrono::steady_clock::now() >= at_; }
  // The error of a stage that gave up: "analysis stopped after 2000 ms
  // (--timeout-ms) while matching".
  Status Expired(const char* stage) const;

 private:
  std::chrono::steady_clock::time_point at_{};
  std::chrono::milliseconds budget_{0};
};

// Everything the text engine found in one document. Offsets are into
// Document::text(); use Document::Locate() for lines and columns.
struct Analysis {
  std::vector<Token> tokens;
  Segmentation segmentation;
  std::vector<CueMatch> cues;  // sorted by position; non_cues included
  // Per sentence, the index of its first cue in `cues` (cues of sentence s
  // are cues[cue_begin[s], cue_begin[s + 1])); size sentences + 1.
  std::vector<uint32_t> cue_begin;
  std::vector<std::string> pattern_errors;  // entry ids stopped by Boost's limit
  std::vector<CueMatch> pattern_cues;       // scratch: pattern matches of the whole text
};

class Analyzer {
 public:
  // Compiles the lexicon; claims are rated with `scoring`. Errors: a
  // pattern that does not compile.
  static Result<Analyzer> Create(Lexicon lexicon,
                                 const ScoringModel& scoring = ScoringModel::Default());
  // Loads the embedded lexicons and scoring model plus each directory's
  // (see LexiconBuilder, ScoringModel::Load). Every diagnostic, notes
  // included, is appended to *diagnostics when it is not null.
  static Result<Analyzer> Load(const std::vector<std::string>& lexicon_dirs,
                               std::vector<Diagnostic>* diagnostics = nullptr);

  const Matcher& matcher() const { return matcher_; }
  const Lexicon& lexicon() const { return matcher_.lexicon(); }
  const Abbreviations& abbreviations() const { return abbreviations_; }
  const ScoringModel& scoring() const { return scoring_; }

  // Tokenizes, segments and matches `document`. Never fails.
  Analysis Analyze(const Document& document) const;
  // The same into an Analysis whose vectors are reused (no reallocation
  // once they have grown to the size of the largest document).
  void Analyze(const Document& document, Analysis* analysis) const;
  // The same under a time limit: an error (Deadline::Expired) when the
  // deadline passes, checked between stages, between the runs of sentences
  // (64 KB) that patterns are matched over and every 4096 sentences while
  // matching phrases; *analysis is then incomplete and must not be used.
  Status Analyze(const Document& document, Analysis* analysis, const Deadline& deadline) const;
  // The same for the bytes [range.begin, range.end) of document.text()
  // only: a section of a long document (report.hpp). Offsets in *analysis
  // stay those of the whole text; token and sentence indices start at 0.
  Status Analyze(const Document& document, Span range, Analysis* analysis, const Deadline& deadline) const;

 private:
  explicit Analyzer(Matcher matcher);
  Matcher matcher_;
  Abbreviations abbreviations_;
  ScoringModel scoring_;
  bool has_patterns_ = false;  // some entry has a `pattern`
};

}  // namespace sourcecheck
