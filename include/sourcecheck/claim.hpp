// Claims and what is known about them: the types every later stage shares.
//
// A claim is a sentence, or the sentences of one direct quotation. The
// attribution stage fills its attributions; the scoring stage its hedges,
// score, tier, reasons and advice. Spans are byte offsets into
// Document::text(); renderers map them to the original file.
//
// All types here are plain values.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sourcecheck {

enum class SourceKind {
  kNamedPerson,
  kOrganization,
  kDocument,
  kOutlet,
  kAnonymousDescribed,
  kAnonymousBare,
  kVague,
  kNone,
  kUnknown,  // a pronoun that could not be resolved
};
// "named_person", "organization", ..., "none", "unknown".
const char* SourceKindName(SourceKind kind);

enum class QuoteKind { kNone, kPartial, kDirect };
// "none", "partial", "direct".
const char* QuoteKindName(QuoteKind kind);

// A span of Document::text() (byte offsets, end exclusive); empty when
// begin == end.
struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;
  bool empty() const { return begin == end; }
};

// The stretch of `text` (Document::text()) that `span` covers.
inline std::string_view SpanText(std::string_view text, Span span) {
  return text.substr(span.begin, span.end - span.begin);
}

inline constexpr uint32_t kNoEntry = UINT32_MAX;

struct Attribution {
  Span cue;
  uint32_t cue_entry = kNoEntry;  // index into Lexicon::entries()
  Span source;                    // empty when no source is named
  SourceKind kind = SourceKind::kNone;
  std::string refers_to;  // the named antecedent of a pronoun or description
  Span via;               // the outlet the source reached us through
  std::string via_name;   // that outlet's full name ("The Wall Street Journal")
  QuoteKind quote = QuoteKind::kNone;
  // The reporting verb's category (neutral, assertive, loaded, tentative,
  // mental, intention, publication, stance, impression, phrase, relay) or
  // the hedge's for a source-less attribution ("reportedly"). An
  // "impression" ("seems", "is expected") never has a source.
  std::string verb_class;
  // The attribution reports a belief, intention or stance ("Xi sees",
  // "Beijing believes", "the governor endorsed") rather than speech or
  // writing: the holder is not a source.
  bool mental = false;
  // The verb is itself hedged as hearsay ("Xi reportedly assured"): its
  // subject is what the claim is about, not its source.
  bool hedged_verb = false;
  // Inherited from another sentence: a quotation continued past the
  // sentence that attributes it.
  bool inherited = false;
};

// A hedge cue found in a claim.
struct HedgeHit {
  Span span;
  uint32_t entry = kNoEntry;  // index into Lexicon::entries()
  bool quoted = false;        // inside a direct quotation: the speaker's hedge
};

// Sourcing strength, strongest first (see docs/scoring.md).
enum class Tier { kStrong, kModerate, kWeak, kVeryWeak, kUnattributed };
inline constexpr int kTierCount = 5;
// "strong", "moderate", "weak", "very_weak", "unattributed".
const char* TierName(Tier tier);
// Parses a tier name; false when unknown.
bool ParseTier(std::string_view name, Tier* tier);

struct Claim {
  uint32_t first_sentence = 0;
  uint32_t last_sentence = 0;
  Span span;
  bool is_heading = false;
  // The primary attribution first (the one the claim's rating rests on).
  std::vector<Attribution> attributions;

  // Filled by scoring.
  std::vector<HedgeHit> hedges;
  bool stacked_hedges = false;  // two or more hedges of the writer's own
  int score = 0;                // 0..100
  Tier tier = Tier::kUnattributed;
  std::vector<std::string> reasons;
  std::string advice;  // empty for strong claims

  // Set by ApplySuppressions() (suppress.hpp): an editor marked the claim
  // as checked. It stays in the report but is not listed or failed on.
  bool suppressed = false;
};

// The attribution a claim's rating rests on, or nullptr when it rests on
// none (no attribution, only a belief or intention such as "Xi sees", or a
// verb hedged as hearsay). The pointer lives as long as the claim.
const Attribution* PrimaryAttribution(const Claim& claim);

}  // namespace sourcecheck
