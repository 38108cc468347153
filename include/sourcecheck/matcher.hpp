// The cue matcher: every lexicon phrase found in one pass over the tokens.
//
// Compile() turns a Lexicon into an immutable Matcher: all `phrase`, `forms`
// and `aliases` of all families become one Aho-Corasick automaton over
// normalised token identities (see tokenize.hpp), and `pattern` entries are
// compiled once with Boost.Regex. Match() then scans a range of tokens (a
// sentence, usually) left to right once and reports each cue with the index
// of its lexicon entry.
//
// Overlap policy (docs/lexicons.md): within one family, overlapping matches
// keep the leftmost, then the longest; matches of different families may
// nest; a `non_cues` match suppresses every other match lying wholly inside
// it and is itself reported (family kNonCues) so callers can show it.
//
// Thread safety: a compiled Matcher is immutable; Match() is const and may be
// called from many threads at once.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "sourcecheck/lexicon.hpp"
#include "sourcecheck/status.hpp"
#include "sourcecheck/tokenize.hpp"

namespace sourcecheck {

struct CueMatch {
  uint32_t first_token = 0;  // index into the token vector
  uint32_t token_count = 0;
  uint32_t begin = 0;        // byte offsets in the text
  uint32_t end = 0;
  uint32_t entry = 0;        // index into Lexicon::entries()
  bool alias = false;        // matched one of the entry's aliases
};

class Matcher {
 public:
  // Compiles the lexicon, which the Matcher keeps. Errors: a pattern Boost
  // cannot compile (the loader normally caught it already).
  static Result<Matcher> Compile(Lexicon lexicon);

  Matcher(Matcher&&) noexcept;
  Matcher& operator=(Matcher&&) noexcept;
  ~Matcher();

  const Lexicon& lexicon() const;
  const Entry& entry(uint32_t index) const { return lexicon().entries()[index]; }

  // Finds the cues in tokens[first, first + count) of `text` and appends them
  // to *out sorted by position (begin, then longer first). Pattern entries run
  // over text[tokens[first].begin, tokens[first+count-1].end). A pattern that
  // exceeds Boost's complexity limit is skipped for this range and its id
  // added to *pattern_errors when that is not null.
  void Match(std::string_view text, const std::vector<Token>& tokens, uint32_t first,
             uint32_t count, std::vector<CueMatch>* out,
             std::vector<std::string>* pattern_errors = nullptr) const;

  // Finds the `pattern` entries' matches over the tokens [first,
  // first+count) at once (each regex runs once over a stretch of many
  // sentences, not once per sentence), appending them to *out sorted by
  // position. Feed them to MatchWith.
  void MatchPatterns(std::string_view text, const std::vector<Token>& tokens, uint32_t first, uint32_t count,
                     std::vector<CueMatch>* out,
                     std::vector<std::string>* pattern_errors = nullptr) const;

  // Like Match, but instead of running the patterns over the range it takes
  // the pattern matches from extra[0, extra_count) that lie wholly inside
  // it (as found by MatchPatterns).
  void MatchWith(std::string_view text, const std::vector<Token>& tokens, uint32_t first,
                 uint32_t count, const CueMatch* extra, size_t extra_count,
                 std::vector<CueMatch>* out) const;

  // Number of automaton states and phrases (for diagnostics and benchmarks).
  size_t state_count() const;
  size_t phrase_count() const;

 private:
  struct Impl;
  explicit Matcher(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace sourcecheck
