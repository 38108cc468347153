// What the renderers share: the marks of a claim's cues, labels, widths.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "sourcecheck/render.hpp"

namespace sourcecheck::internal {

// What a stretch of a claim's text is, for highlighting. When cues overlap,
// the later kind wins (a hedge inside a source shows as a hedge).
enum class Mark : uint8_t { kNone, kSource, kVia, kCue, kHedge };

// A stretch of Document::text() with one mark.
struct MarkedSpan {
  uint32_t begin = 0;
  uint32_t end = 0;
  Mark mark = Mark::kNone;
};

// The claim's span cut into stretches by mark: the sources (not the
// holders of beliefs or the subjects of hedged verbs), relays and cues of
// its attributions (the parts inside the claim: an inherited attribution
// stands elsewhere) and its hedges. A mark never starts or ends
// on whitespace. The stretches cover claim.span exactly, in order.
std::vector<MarkedSpan> MarkClaim(const Claim& claim, const std::string& text);

// The same as display pieces: every run of whitespace (line breaks
// included) is one space, none at either end.
std::vector<std::pair<std::string, Mark>> DisplayPieces(const Claim& claim, const std::string& text);

// Whitespace runs as one space, trimmed.
std::string OneLine(std::string_view text);

// "named person", "organisation", "document", "another outlet",
// "anonymous, described", "anonymous, undescribed", "vague group",
// "no source", "unresolved pronoun".
const char* KindLabel(SourceKind kind);
// The tier as prose: "very weak" for very_weak.
std::string TierLabel(Tier tier);

// The entry's full id, or "" for kNoEntry.
std::string EntryId(const Analyzer& analyzer, uint32_t entry);

// The lexicon entry a claim's rating rests on, for the line form's
// "[entry]": for an anonymous, vague or outlet source, the entry its
// words matched; else the primary attribution's cue; else the first hedge
// of the writer's own; else "".
std::string RatingEntry(const Analyzer& analyzer, const Report& report, const Claim& claim);

// 0.4 -> "40%".
std::string Percent(double share);
// 1.9 with one decimal: "1.9".
std::string OneDecimal(double value);
// "1 claim", "3 claims".
std::string Plural(int n, const char* one, const char* many);

int CountSuppressed(const Report& report);
int CountListed(const Report& report, const RenderOptions& options);

// "below strong" for the default, else "at or below weak".
std::string ListedPhrase(Tier min_tier);

// Terminal columns a UTF-8 string takes (East Asian wide characters two,
// combining marks none).
int DisplayWidth(std::string_view utf8);
// The byte length of the UTF-8 sequence starting with `lead` (1 for a
// stray byte, so a walk always advances).
size_t Utf8SequenceLength(unsigned char lead);
// Columns of the code point starting at `s` (0, 1 or 2).
int CodePointWidth(std::string_view s);

}  // namespace sourcecheck::internal
