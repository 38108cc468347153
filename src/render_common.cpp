#include "render_common.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>

namespace sourcecheck {

namespace {

constexpr std::array<const char*, 5> kFormatNames = {"text", "line", "markdown", "html", "json"};
constexpr std::array<const char*, 3> kColorNames = {"auto", "always", "never"};

}  // namespace

const char* ReportFormatName(ReportFormat format) { return kFormatNames[static_cast<size_t>(format)]; }

bool ParseReportFormat(std::string_view name, ReportFormat* format) {
  for (size_t i = 0; i < kFormatNames.size(); ++i) {
    if (name == kFormatNames[i]) {
      *format = static_cast<ReportFormat>(i);
      return true;
    }
  }
  return false;
}

const char* ColorModeName(ColorMode mode) { return kColorNames[static_cast<size_t>(mode)]; }

bool ParseColorMode(std::string_view name, ColorMode* mode) {
  for (size_t i = 0; i < kColorNames.size(); ++i) {
    if (name == kColorNames[i]) {
      *mode = static_cast<ColorMode>(i);
      return true;
    }
  }
  return false;
}

bool IsListed(const Claim& claim, const RenderOptions& options) {
  return !claim.suppressed && AtOrBelow(claim.tier, options.min_tier);
}

int CountAtOrBelow(const Report& report, Tier threshold) {
  return static_cast<int>(std::count_if(report.claims.begin(), report.claims.end(), [&](const Claim& c) {
    return !c.suppressed && AtOrBelow(c.tier, threshold);
  }));
}

Severity ClaimSeverity(const Claim& claim, const RenderOptions& options) {
  if (options.fail_on && AtOrBelow(claim.tier, *options.fail_on)) return Severity::kError;
  if (claim.tier == Tier::kWeak || claim.tier == Tier::kVeryWeak) return Severity::kWarning;
  return Severity::kNote;
}

namespace internal {

namespace {

bool IsSpace(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\v'; }

}  // namespace

std::vector<MarkedSpan> MarkClaim(const Claim& claim, const std::string& text) {
  const uint32_t begin = claim.span.begin;
  const uint32_t end = std::min<uint32_t>(claim.span.end, static_cast<uint32_t>(text.size()));
  std::vector<MarkedSpan> out;
  if (end <= begin) return out;
  std::vector<Mark> marks(end - begin, Mark::kNone);
  auto paint = [&](Span s, Mark m) {
    const uint32_t b = std::max(s.begin, begin);
    const uint32_t e = std::min(s.end, end);
    for (uint32_t i = b; i < e; ++i) marks[i - begin] = m;
  };
  // Later paints win: sources are long phrases that may hold a cue or a
  // hedge, which should still show.
  // The holder of a belief ("Xi sees") or the subject of a hedged verb ("Xi
  // reportedly assured") is not a source, and is not marked as one.
  for (const Attribution& a : claim.attributions)
    if (!a.mental && !a.hedged_verb) paint(a.source, Mark::kSource);
  for (const Attribution& a : claim.attributions) paint(a.via, Mark::kVia);
  for (const Attribution& a : claim.attributions) paint(a.cue, Mark::kCue);
  for (const HedgeHit& h : claim.hedges) paint(h.span, Mark::kHedge);
  // No mark starts or ends on whitespace.
  for (size_t i = 0; i < marks.size();) {
    if (marks[i] == Mark::kNone) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < marks.size() && marks[j] == marks[i]) ++j;
    size_t b = i, e = j;
    while (b < e && IsSpace(text[begin + b])) marks[b++] = Mark::kNone;
    while (e > b && IsSpace(text[begin + e - 1])) marks[--e] = Mark::kNone;
    i = j;
  }
  for (uint32_t i = 0; i < marks.size();) {
    uint32_t j = i;
    while (j < marks.size() && marks[j] == marks[i]) ++j;
    out.push_back({begin + i, begin + j, marks[i]});
    i = j;
  }
  return out;
}

std::vector<std::pair<std::string, Mark>> DisplayPieces(const Claim& claim, const std::string& text) {
  std::vector<std::pair<std::string, Mark>> pieces;
  bool pending_space = false;
  bool any = false;
  for (const MarkedSpan& m : MarkClaim(claim, text)) {
    std::string piece;
    for (char c : SpanText(text, {m.begin, m.end})) {
      if (IsSpace(c)) {
        pending_space = any;
        continue;
      }
      if (pending_space) {
        // Marks never end on whitespace, so a space where a stretch starts
        // belongs to no mark.
        if (!piece.empty()) piece += ' ';
        else if (!pieces.empty() && pieces.back().second == Mark::kNone) pieces.back().first += ' ';
        else pieces.push_back({" ", Mark::kNone});
        pending_space = false;
      }
      piece += c;
      any = true;
    }
    if (!piece.empty()) {
      if (!pieces.empty() && pieces.back().second == m.mark) pieces.back().first += piece;
      else pieces.push_back({std::move(piece), m.mark});
    }
  }
  return pieces;
}

std::string OneLine(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool space = false;
  for (char c : text) {
    if (IsSpace(c)) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

const char* KindLabel(SourceKind kind) {
  switch (kind) {
    case SourceKind::kNamedPerson: return "named person";
    case SourceKind::kOrganization: return "organisation";
    case SourceKind::kDocument: return "document";
    case SourceKind::kOutlet: return "another outlet";
    case SourceKind::kAnonymousDescribed: return "anonymous, described";
    case SourceKind::kAnonymousBare: return "anonymous, undescribed";
    case SourceKind::kVague: return "vague group";
    case SourceKind::kNone: return "no source";
    case SourceKind::kUnknown: return "unresolved pronoun";
  }
  return "no source";
}

std::string TierLabel(Tier tier) {
  std::string s = TierName(tier);
  std::replace(s.begin(), s.end(), '_', ' ');
  return s;
}

std::string EntryId(const Analyzer& analyzer, uint32_t entry) {
  if (entry == kNoEntry || entry >= analyzer.lexicon().entries().size()) return "";
  return analyzer.matcher().entry(entry).id;
}

std::string RatingEntry(const Analyzer& analyzer, const Report& report, const Claim& claim) {
  if (!claim.attributions.empty()) {
    const Attribution& a = claim.attributions.front();
    const bool looked_up = a.kind == SourceKind::kAnonymousDescribed || a.kind == SourceKind::kAnonymousBare ||
                           a.kind == SourceKind::kVague || a.kind == SourceKind::kOutlet;
    if (looked_up && !a.source.empty()) {
      // The words of the source matched an entry ("sources", "critics",
      // "the Journal"): that entry is what the rating rests on. It starts
      // inside the source.
      const auto& cues = report.analysis.cues;
      auto it = std::lower_bound(cues.begin(), cues.end(), a.source.begin,
                                 [](const CueMatch& m, uint32_t at) { return m.begin < at; });
      for (; it != cues.end() && it->begin < a.source.end; ++it) {
        // The entry may take in the verb too ("critics say").
        if (it->entry >= analyzer.lexicon().entries().size()) continue;
        const Family f = analyzer.matcher().entry(it->entry).family;
        if (f == Family::kAnonymousSources || f == Family::kVagueSources || f == Family::kOutlets)
          return analyzer.matcher().entry(it->entry).id;
      }
    }
    if (a.cue_entry != kNoEntry) return EntryId(analyzer, a.cue_entry);
  }
  for (const HedgeHit& h : claim.hedges)
    if (!h.quoted) return EntryId(analyzer, h.entry);
  return "";
}

std::string Percent(double share) { return std::to_string(std::lround(share * 100.0)) + "%"; }

std::string OneDecimal(double value) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", value);
  return buf;
}

std::string Plural(int n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

int CountSuppressed(const Report& report) {
  return static_cast<int>(
      std::count_if(report.claims.begin(), report.claims.end(), [](const Claim& c) { return c.suppressed; }));
}

int CountListed(const Report& report, const RenderOptions& options) {
  return static_cast<int>(std::count_if(report.claims.begin(), report.claims.end(),
                                        [&](const Claim& c) { return IsListed(c, options); }));
}

std::string ListedPhrase(Tier min_tier) {
  if (min_tier == Tier::kModerate) return "below strong";
  return std::string("at or below ") + TierName(min_tier);
}

size_t Utf8SequenceLength(unsigned char lead) {
  if (lead < 0x80) return 1;
  if ((lead & 0xE0) == 0xC0) return 2;
  if ((lead & 0xF0) == 0xE0) return 3;
  if ((lead & 0xF8) == 0xF0) return 4;
  return 1;
}

namespace {

uint32_t DecodeCodePoint(std::string_view s, size_t* length) {
  const auto lead = static_cast<unsigned char>(s[0]);
  size_t n = std::min(Utf8SequenceLength(lead), s.size());
  *length = n;
  if (n == 1) return lead;
  uint32_t cp = lead & (0x7F >> n);
  for (size_t i = 1; i < n; ++i) cp = (cp << 6) | (static_cast<unsigned char>(s[i]) & 0x3F);
  return cp;
}

bool InRanges(uint32_t cp, std::initializer_list<std::pair<uint32_t, uint32_t>> ranges) {
  for (const auto& [lo, hi] : ranges)
    if (cp >= lo && cp <= hi) return true;
  return false;
}

}  // namespace

int CodePointWidth(std::string_view s) {
  if (s.empty()) return 0;
  size_t n;
  const uint32_t cp = DecodeCodePoint(s, &n);
  if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0)) return 0;
  if (InRanges(cp, {{0x0300, 0x036F}, {0x1AB0, 0x1AFF}, {0x1DC0, 0x1DFF}, {0x200B, 0x200F},
                    {0x20D0, 0x20FF}, {0xFE00, 0xFE0F}, {0xFE20, 0xFE2F}}))
    return 0;
  if (InRanges(cp, {{0x1100, 0x115F}, {0x2E80, 0x303E}, {0x3041, 0x33FF}, {0x3400, 0x4DBF},
                    {0x4E00, 0x9FFF}, {0xA000, 0xA4CF}, {0xAC00, 0xD7A3}, {0xF900, 0xFAFF},
                    {0xFE30, 0xFE4F}, {0xFF00, 0xFF60}, {0xFFE0, 0xFFE6}, {0x1F300, 0x1F64F},
                    {0x1F900, 0x1F9FF}, {0x20000, 0x3FFFD}}))
    return 2;
  return 1;
}

int DisplayWidth(std::string_view utf8) {
  int width = 0;
  for (size_t i = 0; i < utf8.size();) {
    const size_t n = std::min(Utf8SequenceLength(static_cast<unsigned char>(utf8[i])), utf8.size() - i);
    width += CodePointWidth(utf8.substr(i, n));
    i += n;
  }
  return width;
}

}  // namespace internal
}  // namespace sourcecheck
