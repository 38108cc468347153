// Scoring: from attributions and hedges to a sourcing strength an editor can
// act on.
//
// A ScoringModel holds the weights of docs/scoring.md, read from
// `scoring.yaml` (the embedded default, then any `scoring.yaml` in a
// --lexicons directory, key by key). Score() rates each claim of a document:
// its hedges (with the quoted ones marked as the speaker's), a 0-100 score, a
// tier, the reasons, and advice below `strong`. Summarize() gives the
// document's figures.
//
// Thread safety: a loaded ScoringModel is immutable; Score() and
// Summarize() are pure.
#pragma once

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "sourcecheck/claim.hpp"
#include "sourcecheck/status.hpp"

namespace sourcecheck {

class Analyzer;
class Document;
struct Analysis;

struct ScoringModel {
  // The values come from lexicons/scoring.yaml (see Default()); a
  // value-initialised model is all zeros.
  //
  // Lowest score of each tier but unattributed (strong, moderate, weak,
  // very_weak); a claim with no source and no hedge is unattributed.
  double tier_floor[4] = {};
  double base[9] = {};  // base score by source kind, first-hand (index: SourceKind)
  double unattributed = 0;
  double direct_quote = 0;
  double partial_quote = 0;
  double relayed = 0;              // named person, organization, document via an outlet
  double relayed_anonymous = 0;    // anonymous or vague source via an outlet
  double hedge = 0;                // each hedge of the writer's own, times its weight
  double stacked_hedges = 0;       // two or more such hedges
  double anonymity_reason = 0;     // why the source is anonymous
  double vantage = 0;              // how an anonymous source knows ("briefed on")
  double bare_plural_sources = 0;  // "sources" and nothing else
  double loaded_verb = 0;          // "claimed", "admitted"
  double tentative_verb = 0;       // "suggested", "hinted"
  double inherited = 0;            // the attribution stands in another sentence

  // The embedded default model (lexicons/scoring.yaml), loaded once.
  static const ScoringModel& Default();
  // The embedded default plus each directory's scoring.yaml, key by key.
  // Errors are located diagnostics (unknown keys, wrong types).
  static Result<ScoringModel> Load(const std::vector<std::string>& extra_dirs);
  // Reads one scoring file over *this; diagnostics are appended to *out.
  void Read(const std::string& path, std::string_view yaml, std::vector<Diagnostic>* out);
};

// Fills each claim's hedges, score, tier, reasons and advice, replacing
// what a reused claim held (its reason strings are reused).
void Score(const ScoringModel& model, const Analyzer& analyzer, const Document& document,
           const Analysis& analysis, std::vector<Claim>* claims);

// The document's figures (JSON "summary").
struct Summary {
  int claims_by_tier[kTierCount] = {};
  double attributed_share = 0;      // claims with a source, of all claims
  double anonymous_share = 0;       // anonymous attributions, of attributed claims
  int named_sources = 0;            // distinct named sources
  int unnamed_sources = 0;          // distinct anonymous or vague sources
  std::vector<std::pair<std::string, int>> outlets;  // outlet -> claims resting on it
  int words = 0;
  int hedges = 0;                    // the writer's own hedges
  double hedges_per_100_words = 0;
  int score = 0;                     // overall sourcing score, 0..100
  // Newsroom-standard warnings: (id, message), e.g. ("single_anonymous_source",
  // "the story rests on a single anonymous source"); and ("pattern_limit",
  // PatternLimitMessage(id)) for each lexicon pattern Boost.Regex stopped.
  std::vector<std::pair<std::string, std::string>> flags;
};

// "lexicon pattern 'hedges.x' exceeded Boost.Regex's match limit
// (catastrophic backtracking) and was skipped: ...".
std::string PatternLimitMessage(const std::string& entry_id);

Summary Summarize(const Analyzer& analyzer, const Document& document, const Analysis& analysis,
                  const std::vector<Claim>& claims);

// Hashes std::string keys and std::string_view lookups alike, so that a
// set or map of names is searched without making a string of the name.
struct StringViewHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

// The same gathered piece by piece, for a document analysed in sections
// (report.hpp): Add() each section's analysis and scored claims in text
// order, then Finish() once. Summarize() is one Add() and Finish().
class SummaryBuilder {
 public:
  void Add(const Document& document, const Analysis& analysis, const std::vector<Claim>& claims);
  Summary Finish();

 private:
  Summary s_;
  int claims_ = 0;
  int attributed_ = 0;
  int anonymous_ = 0;
  double score_sum_ = 0;
  std::unordered_set<std::string, StringViewHash, std::equal_to<>> named_, unnamed_;
  bool first_source_anonymous_ = false;
  int inherited_claim_ = 0;  // 1-based id of the first claim attributed only in another sentence
  std::set<std::string> pattern_errors_;
};

}  // namespace sourcecheck
