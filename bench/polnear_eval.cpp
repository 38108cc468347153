// polnear_eval: how well sourcecheck finds attributions, measured on PolNeAR.
//
//   polnear_eval [--split train|dev|test] [--data DIR] [--confusion] [--errors N]
//                [--dump FILE]
//
// PolNeAR (Newell, Margolin, Ruths, LREC 2018) annotates every attribution of
// 1,008 US political news articles as source, cue and content spans in brat
// standoff with character offsets. We analyse each article as plain text and
// compare, for the split:
//   - sentences (of our segmentation) that hold an attribution cue;
//   - our attribution cues with the gold Cue spans (overlap and exact);
//   - our source spans with the gold Source spans (overlap and exact).
// Span matching is one-to-one and greedy: the pairs sharing most bytes are
// matched first, so one long gold span cannot absorb several of ours.
//
// --confusion adds tables that explain the figures (kinds and verb classes of
// matched and unmatched predictions, how our source relates to the gold one
// when the cue is right). --errors N lists examples and the most frequent
// missed and spurious words; it refuses the test split, whose sentences must
// not guide the rules. --dump FILE writes one tab-separated line per gold cue
// and per cue of ours (found or not, the source, the sentence), for counting
// misses with a script; train and dev only, like --errors.
//
// This is a measurement: it exits 0 whatever the score, and 0 with a
// "skipped" line when the corpus is not beside the checkout.
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "eval_common.hpp"
#include "sourcecheck/analyzer.hpp"
#include "sourcecheck/claim.hpp"
#include "sourcecheck/document.hpp"
#include "sourcecheck/lexicon.hpp"
#include "sourcecheck/report.hpp"

namespace fs = std::filesystem;
using namespace sourcecheck;
using eval::Counts;

namespace {

constexpr const char* kProgram = "polnear_eval";

// ---------------------------------------------------------------------------
// Gold annotations

// A gold span in bytes of the article: one part, or several for brat's
// discontinuous spans ("3223 3246;3248 3443").
struct GoldSpan {
  std::vector<Span> parts;  // in file order, each non-empty
  Span hull;                // first part's begin to last part's end
  std::string id;           // "T12", for linking with E relations
};

struct GoldAttribution {
  int cue = -1;     // index into Gold::cues, -1 when the relation names none
  int source = -1;  // index into Gold::sources, -1 for Attribution-no-source
};

struct Gold {
  std::vector<GoldSpan> cues;
  std::vector<GoldSpan> sources;
  std::vector<GoldAttribution> attributions;
  int bad_lines = 0;       // T lines we could not read
  int text_mismatches = 0;  // spans whose text is not the article's at those offsets
};

// Parses "start end;start end" (character offsets) into byte parts.
bool ParseParts(std::string_view s, const std::vector<uint32_t>& char_to_byte,
                std::vector<Span>* parts) {
  const uint32_t max_char = static_cast<uint32_t>(char_to_byte.size() - 1);
  while (!s.empty()) {
    const size_t semi = s.find(';');
    const std::string_view piece = s.substr(0, semi);
    const size_t space = piece.find(' ');
    if (space == std::string_view::npos) return false;
    char* end = nullptr;
    const std::string a(piece.substr(0, space)), b(piece.substr(space + 1));
    const unsigned long begin = std::strtoul(a.c_str(), &end, 10);
    if (a.empty() || *end != '\0') return false;
    const unsigned long finish = std::strtoul(b.c_str(), &end, 10);
    if (b.empty() || *end != '\0' || finish < begin || finish > max_char) return false;
    if (finish > begin)
      parts->push_back({char_to_byte[begin], char_to_byte[finish]});
    if (semi == std::string_view::npos) break;
    s.remove_prefix(semi + 1);
  }
  return !parts->empty();
}

// Reads one brat .ann file. Lines that are not T or E records (annotator
// notes, and the continuation lines of span texts that hold a newline) are
// ignored; Content, Discuss, Discard and the Attribution trigger spans are
// not needed.
Gold ParseAnn(std::string_view ann, std::string_view text) {
  Gold gold;
  const std::vector<uint32_t> char_to_byte = eval::CodePointByteOffsets(text);
  std::map<std::string, std::pair<char, int>, std::less<>> by_id;  // T id -> ('c'|'s', index)
  std::vector<std::string_view> relations;
  size_t pos = 0;
  while (pos < ann.size()) {
    size_t eol = ann.find('\n', pos);
    if (eol == std::string_view::npos) eol = ann.size();
    std::string_view line = ann.substr(pos, eol - pos);
    pos = eol + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    const size_t tab1 = line.find('\t');
    if (tab1 == std::string_view::npos || tab1 < 2) continue;
    const std::string_view id = line.substr(0, tab1);
    if (id.find_first_not_of("0123456789", 1) != std::string_view::npos) continue;
    if (id[0] == 'E') {
      relations.push_back(line.substr(tab1 + 1));
      continue;
    }
    if (id[0] != 'T') continue;
    const size_t tab2 = line.find('\t', tab1 + 1);
    const std::string_view middle =
        line.substr(tab1 + 1, tab2 == std::string_view::npos ? std::string_view::npos
                                                             : tab2 - tab1 - 1);
    const size_t space = middle.find(' ');
    if (space == std::string_view::npos) {
      ++gold.bad_lines;
      continue;
    }
    const std::string_view type = middle.substr(0, space);
    const bool is_cue = type == "Cue", is_source = type == "Source";
    if (!is_cue && !is_source) continue;
    GoldSpan span;
    span.id = std::string(id);
    if (!ParseParts(middle.substr(space + 1), char_to_byte, &span.parts)) {
      ++gold.bad_lines;
      continue;
    }
    span.hull = {span.parts.front().begin, span.parts.back().end};
    // The record's text is the article's text at those offsets (parts
    // joined by a space, cut at its first newline): checking the first part
    // catches a wrong offset convention at once.
    if (tab2 != std::string_view::npos) {
      std::string_view written = line.substr(tab2 + 1);
      const std::string_view first(text.data() + span.parts[0].begin,
                                   span.parts[0].end - span.parts[0].begin);
      written = written.substr(0, std::min(written.size(), first.size()));
      if (first.substr(0, written.size()) != written) ++gold.text_mismatches;
    }
    auto& list = is_cue ? gold.cues : gold.sources;
    by_id[span.id] = {is_cue ? 'c' : 's', static_cast<int>(list.size())};
    list.push_back(std::move(span));
  }
  // "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1"
  for (std::string_view rel : relations) {
    GoldAttribution a;
    while (!rel.empty()) {
      const size_t sp = rel.find(' ');
      const std::string_view arg = rel.substr(0, sp);
      const size_t colon = arg.find(':');
      if (colon != std::string_view::npos) {
        const std::string_view role = arg.substr(0, colon);
        const auto it = by_id.find(arg.substr(colon + 1));
        if (it != by_id.end()) {
          if (role == "Cue" && it->second.first == 'c') a.cue = it->second.second;
          if (role == "Source" && it->second.first == 's') a.source = it->second.second;
        }
      }
      if (sp == std::string_view::npos) break;
      rel.remove_prefix(sp + 1);
    }
    if (a.cue >= 0 || a.source >= 0) gold.attributions.push_back(a);
  }
  return gold;
}

// ---------------------------------------------------------------------------
// Span matching

uint32_t Intersection(Span a, Span b) {
  const uint32_t lo = std::max(a.begin, b.begin), hi = std::min(a.end, b.end);
  return hi > lo ? hi - lo : 0;
}

uint32_t Intersection(Span a, const GoldSpan& g) {
  uint32_t n = 0;
  for (const Span& p : g.parts) n += Intersection(a, p);
  return n;
}

// Decodes the code point at text[i]; sets *len. Invalid bytes decode as
// themselves with length 1 (they are never punctuation).
uint32_t DecodeAt(std::string_view text, size_t i, size_t* len) {
  const unsigned char c = static_cast<unsigned char>(text[i]);
  int n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
  if (i + n > text.size()) n = 1;
  uint32_t cp = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
  for (int k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
  *len = static_cast<size_t>(n);
  return cp;
}

// Spaces, ASCII punctuation and the typographic quotes, dashes and ellipsis
// news copy uses: what "surrounding punctuation" means for exact matching
// (annotators and rules disagree about a final comma or an opening quote).
bool IsTrimmable(uint32_t cp) {
  if (cp < 0x80) return std::isspace(static_cast<int>(cp)) || std::ispunct(static_cast<int>(cp));
  switch (cp) {
    case 0x00A0: case 0x2013: case 0x2014: case 0x2018: case 0x2019:
    case 0x201C: case 0x201D: case 0x2026: case 0x00AB: case 0x00BB:
      return true;
    default:
      return false;
  }
}

// The span without leading and trailing trimmable characters.
Span Trim(std::string_view text, Span s) {
  while (s.begin < s.end) {
    size_t len = 0;
    if (!IsTrimmable(DecodeAt(text, s.begin, &len))) break;
    s.begin += static_cast<uint32_t>(len);
  }
  while (s.end > s.begin) {
    size_t start = s.end - 1;  // back up to the first byte of the last character
    while (start > s.begin && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
    size_t len = 0;
    if (!IsTrimmable(DecodeAt(text, start, &len))) break;
    s.end = static_cast<uint32_t>(start);
  }
  return s;
}

enum class MatchMode { kOverlap, kExact };

// One-to-one matching of predicted spans with gold spans. Returns, for each
// predicted span, the index of its gold partner or -1. Overlap: pairs
// sharing the most bytes are matched first (ties in text order). Exact: the
// trimmed predicted span equals the trimmed hull of the gold span.
std::vector<int> MatchSpans(std::string_view text, const std::vector<Span>& pred,
                            const std::vector<GoldSpan>& gold, MatchMode mode) {
  struct Pair {
    uint32_t weight;
    int p, g;
  };
  std::vector<Pair> pairs;
  std::vector<Span> gold_trimmed;
  if (mode == MatchMode::kExact)
    for (const GoldSpan& g : gold) gold_trimmed.push_back(Trim(text, g.hull));
  for (size_t p = 0; p < pred.size(); ++p) {
    const Span pt = mode == MatchMode::kExact ? Trim(text, pred[p]) : pred[p];
    for (size_t g = 0; g < gold.size(); ++g) {
      if (mode == MatchMode::kOverlap) {
        const uint32_t n = Intersection(pred[p], gold[g]);
        if (n > 0) pairs.push_back({n, static_cast<int>(p), static_cast<int>(g)});
      } else if (!pt.empty() && pt.begin == gold_trimmed[g].begin &&
                 pt.end == gold_trimmed[g].end) {
        pairs.push_back({1, static_cast<int>(p), static_cast<int>(g)});
      }
    }
  }
  std::stable_sort(pairs.begin(), pairs.end(),
                   [](const Pair& a, const Pair& b) { return a.weight > b.weight; });
  std::vector<int> pred_to_gold(pred.size(), -1);
  std::vector<char> gold_used(gold.size(), 0);
  for (const Pair& pr : pairs) {
    if (pred_to_gold[pr.p] >= 0 || gold_used[pr.g]) continue;
    pred_to_gold[pr.p] = pr.g;
    gold_used[pr.g] = 1;
  }
  return pred_to_gold;
}

Counts CountMatches(const std::vector<int>& pred_to_gold, size_t gold_count) {
  Counts c;
  for (int g : pred_to_gold) (g >= 0 ? c.tp : c.fp)++;
  c.fn = gold_count - c.tp;
  return c;
}

// ---------------------------------------------------------------------------
// Predictions

// One distinct attribution of ours (claims repeat an attribution when a
// quotation inherits it, so they are deduplicated by cue span).
struct Predicted {
  Span cue;
  Span source;
  SourceKind kind = SourceKind::kNone;
  std::string verb_class;
  bool mental = false;
};

std::vector<Predicted> CollectPredictions(const Report& report) {
  std::vector<Predicted> out;
  std::set<std::pair<uint32_t, uint32_t>> seen_cues;
  for (const Claim& claim : report.claims) {
    for (const Attribution& a : claim.attributions) {
      // An inherited copy carries the same cue and source as the original.
      if (a.cue.empty() || !seen_cues.emplace(a.cue.begin, a.cue.end).second) continue;
      out.push_back({a.cue, a.source, a.kind, a.verb_class, a.mental});
    }
  }
  std::sort(out.begin(), out.end(), [](const Predicted& a, const Predicted& b) {
    return a.cue.begin != b.cue.begin ? a.cue.begin < b.cue.begin : a.cue.end < b.cue.end;
  });
  return out;
}

// ---------------------------------------------------------------------------
// The run

struct Options {
  std::string split = "dev";
  std::optional<fs::path> data;
  bool confusion = false;
  int errors = 0;
  std::string dump_path;  // --dump
  FILE* dump = nullptr;   // open while the split runs
};

// Everything summed over the split.
struct Totals {
  int articles = 0;
  uint64_t sentences = 0;
  uint64_t gold_attributions = 0;
  uint64_t bytes = 0;
  int bad_lines = 0;
  int text_mismatches = 0;
  Counts sentence_any, sentence_speech, cue_overlap, cue_exact, source_overlap, source_exact;
  // --confusion
  std::map<std::string, Counts> source_kind;  // tp: matched, fp: unmatched
  std::map<std::string, Counts> cue_class;
  std::map<std::string, uint64_t> source_given_cue;
  // --errors
  std::map<std::string, int> fn_cue_words, fp_cue_words, fn_source_words, fp_source_words;
  std::vector<std::string> sentence_fp, sentence_fn, cue_fp, cue_fn, source_boundary;
};

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// A span's text on one line, cut to 120 characters, for the error lists.
std::string DisplayText(std::string_view text, Span s) { return eval::OneLine(SpanText(text, s), 120); }

std::string GoldText(std::string_view text, const GoldSpan& g) {
  std::string out;
  for (const Span& p : g.parts) {
    if (!out.empty()) out += " … ";
    out += DisplayText(text, p);
  }
  return out;
}

// How our source relates to the gold one, for an attribution whose cue we
// found: the breakdown tells boundary errors from missing sources.
std::string SourceRelation(std::string_view text, Span ours, const GoldSpan* gold) {
  if (ours.empty() && gold == nullptr) return "both none (correct)";
  if (ours.empty()) return "gold source, ours none";
  if (gold == nullptr) return "gold none, ours some";
  const Span o = Trim(text, ours), g = Trim(text, gold->hull);
  if (o.begin == g.begin && o.end == g.end) return "same span (exact)";
  if (Intersection(ours, *gold) == 0) return "different spans (disjoint)";
  if (o.begin <= g.begin && o.end >= g.end) return "ours longer (contains gold)";
  if (o.begin >= g.begin && o.end <= g.end) return "ours shorter (inside gold)";
  return "partial overlap";
}

void EvaluateArticle(const Analyzer& analyzer, const std::string& name, const std::string& text,
                     const Gold& gold, const Options& options, Totals* t) {
  const Document doc = Document::FromParts(name, InputFormat::kText, text, text, {});
  const Report report = BuildReport(analyzer, doc);
  const std::string_view tv = doc.text();
  const std::vector<Sentence>& sentences = report.analysis.segmentation.sentences;

  ++t->articles;
  t->sentences += sentences.size();
  t->gold_attributions += gold.attributions.size();
  t->bytes += text.size();
  t->bad_lines += gold.bad_lines;
  t->text_mismatches += gold.text_mismatches;

  // Sentence level. Gold: the sentence overlaps a gold cue. Ours: a claim
  // covering the sentence has an attribution whose cue starts in it.
  std::vector<char> gold_pos(sentences.size(), 0), pred_any(sentences.size(), 0),
      pred_speech(sentences.size(), 0);
  for (size_t s = 0; s < sentences.size(); ++s) {
    const Span ss{sentences[s].begin, sentences[s].end};
    for (const GoldSpan& g : gold.cues)
      if (Intersection(ss, g) > 0) gold_pos[s] = 1;
  }
  for (const Claim& claim : report.claims) {
    for (uint32_t s = claim.first_sentence; s <= claim.last_sentence && s < sentences.size(); ++s) {
      for (const Attribution& a : claim.attributions) {
        if (a.cue.empty() || a.cue.begin < sentences[s].begin || a.cue.begin >= sentences[s].end)
          continue;
        pred_any[s] = 1;
        if (!a.mental) pred_speech[s] = 1;
      }
    }
  }
  for (size_t s = 0; s < sentences.size(); ++s) {
    if (gold_pos[s] && pred_any[s]) ++t->sentence_any.tp;
    if (!gold_pos[s] && pred_any[s]) ++t->sentence_any.fp;
    if (gold_pos[s] && !pred_any[s]) ++t->sentence_any.fn;
    if (gold_pos[s] && pred_speech[s]) ++t->sentence_speech.tp;
    if (!gold_pos[s] && pred_speech[s]) ++t->sentence_speech.fp;
    if (gold_pos[s] && !pred_speech[s]) ++t->sentence_speech.fn;
  }

  // Spans.
  const std::vector<Predicted> pred = CollectPredictions(report);
  std::vector<Span> pred_cues;
  for (const Predicted& p : pred) pred_cues.push_back(p.cue);
  std::vector<Span> pred_sources;
  std::vector<int> source_owner;  // pred_sources[i] belongs to pred[source_owner[i]]
  {
    // One source may serve two cues ("X said ... and added"): count it once.
    std::set<std::pair<uint32_t, uint32_t>> seen;
    for (size_t i = 0; i < pred.size(); ++i) {
      if (pred[i].source.empty()) continue;
      if (!seen.emplace(pred[i].source.begin, pred[i].source.end).second) continue;
      pred_sources.push_back(pred[i].source);
      source_owner.push_back(static_cast<int>(i));
    }
  }
  const std::vector<int> cue_match = MatchSpans(tv, pred_cues, gold.cues, MatchMode::kOverlap);
  const std::vector<int> cue_exact = MatchSpans(tv, pred_cues, gold.cues, MatchMode::kExact);
  const std::vector<int> src_match =
      MatchSpans(tv, pred_sources, gold.sources, MatchMode::kOverlap);
  const std::vector<int> src_exact = MatchSpans(tv, pred_sources, gold.sources, MatchMode::kExact);
  t->cue_overlap += CountMatches(cue_match, gold.cues.size());
  t->cue_exact += CountMatches(cue_exact, gold.cues.size());
  t->source_overlap += CountMatches(src_match, gold.sources.size());
  t->source_exact += CountMatches(src_exact, gold.sources.size());

  // The gold source of each gold cue, through the E relations.
  std::vector<int> gold_cue_source(gold.cues.size(), -1);
  for (const GoldAttribution& a : gold.attributions)
    if (a.cue >= 0) gold_cue_source[a.cue] = a.source;

  if (options.confusion) {
    for (size_t i = 0; i < pred_sources.size(); ++i) {
      Counts& c = t->source_kind[SourceKindName(pred[source_owner[i]].kind)];
      (src_match[i] >= 0 ? c.tp : c.fp)++;
    }
    for (size_t i = 0; i < pred.size(); ++i) {
      const std::string label =
          (pred[i].verb_class.empty() ? std::string("(none)") : pred[i].verb_class) +
          (pred[i].source.empty() ? ", no source" : "");
      Counts& c = t->cue_class[label];
      (cue_match[i] >= 0 ? c.tp : c.fp)++;
      if (cue_match[i] >= 0) {
        const int gs = gold_cue_source[cue_match[i]];
        ++t->source_given_cue[SourceRelation(tv, pred[i].source,
                                             gs >= 0 ? &gold.sources[gs] : nullptr)];
      }
    }
  }

  // What the listings below share: which gold cues and sources ours found
  // (and which of our attributions' sources matched), the sentence holding
  // a byte offset, and the lexicon entries matched inside a gold cue ("the
  // lexicon knew the word, the attribution rules dropped it").
  std::vector<char> gold_cue_hit(gold.cues.size(), 0), gold_src_hit(gold.sources.size(), 0),
      pred_src_hit(pred.size(), 0);
  std::vector<int> gold_to_pred(gold.cues.size(), -1);
  for (size_t i = 0; i < pred_cues.size(); ++i)
    if (cue_match[i] >= 0) {
      gold_cue_hit[cue_match[i]] = 1;
      gold_to_pred[cue_match[i]] = static_cast<int>(i);
    }
  for (size_t i = 0; i < pred_sources.size(); ++i)
    if (src_match[i] >= 0) {
      gold_src_hit[src_match[i]] = 1;
      pred_src_hit[source_owner[i]] = 1;
    }
  // The sentence holding a byte offset (the last one starting at or before it).
  auto sentence_at = [&](uint32_t offset) {
    const auto it = std::upper_bound(sentences.begin(), sentences.end(), offset,
                                     [](uint32_t o, const Sentence& sen) { return o < sen.begin; });
    return it == sentences.begin() ? size_t{0} : static_cast<size_t>(it - sentences.begin() - 1);
  };
  auto entries_inside = [&](size_t g) {
    std::vector<std::string> ids;
    for (const CueMatch& m : report.analysis.cues)
      if (Intersection(Span{m.begin, m.end}, gold.cues[g]) > 0)
        ids.push_back(analyzer.matcher().entry(m.entry).id);
    return ids;
  };

  if (options.dump != nullptr) {
    // gold<TAB>article<TAB>cue<TAB>cue found<TAB>source<TAB>source found<TAB>
    //   our cue over it<TAB>our source<TAB>lexicon entries inside<TAB>sentence
    // ours<TAB>article<TAB>cue<TAB>cue matched<TAB>source<TAB>source matched<TAB>
    //   gold cue<TAB>gold source<TAB>entry class<TAB>sentence
    auto sentence_text = [&](uint32_t offset) {
      if (sentences.empty()) return std::string();
      const Sentence& sen = sentences[sentence_at(offset)];
      if (offset < sen.begin || offset >= sen.end) return std::string();
      return eval::OneLine(tv.substr(sen.begin, sen.end - sen.begin), 600);
    };
    for (size_t g = 0; g < gold.cues.size(); ++g) {
      const int gs = gold_cue_source[g];
      const int pi = gold_to_pred[g];
      std::string lex;
      for (const std::string& id : entries_inside(g)) lex += id + " ";
      std::fprintf(options.dump, "gold\t%s\t%s\t%d\t%s\t%d\t%s\t%s\t%s\t%s\n", name.c_str(),
                   GoldText(tv, gold.cues[g]).c_str(), pi >= 0,
                   gs >= 0 ? GoldText(tv, gold.sources[gs]).c_str() : "-",
                   gs >= 0 ? gold_src_hit[gs] : 0,
                   pi >= 0 ? DisplayText(tv, pred[pi].cue).c_str() : "-",
                   pi >= 0 && !pred[pi].source.empty() ? DisplayText(tv, pred[pi].source).c_str()
                                                       : "-",
                   lex.c_str(), sentence_text(gold.cues[g].hull.begin).c_str());
    }
    for (size_t i = 0; i < pred.size(); ++i) {
      const int g = cue_match[i];
      const int gs = g >= 0 ? gold_cue_source[g] : -1;
      std::fprintf(options.dump, "ours\t%s\t%s\t%d\t%s\t%d\t%s\t%s\t%s\t%s\n", name.c_str(),
                   DisplayText(tv, pred[i].cue).c_str(), g >= 0,
                   pred[i].source.empty() ? "-" : DisplayText(tv, pred[i].source).c_str(),
                   pred_src_hit[i], g >= 0 ? GoldText(tv, gold.cues[g]).c_str() : "-",
                   gs >= 0 ? GoldText(tv, gold.sources[gs]).c_str() : "-",
                   pred[i].verb_class.c_str(), sentence_text(pred[i].cue.begin).c_str());
    }
  }

  if (options.errors > 0) {
    for (size_t i = 0; i < pred_cues.size(); ++i)
      if (cue_match[i] < 0) ++t->fp_cue_words[Lower(DisplayText(tv, pred_cues[i]))];
    for (size_t g = 0; g < gold.cues.size(); ++g)
      if (!gold_cue_hit[g]) ++t->fn_cue_words[Lower(GoldText(tv, gold.cues[g]))];
    for (size_t i = 0; i < pred_sources.size(); ++i)
      if (src_match[i] < 0) ++t->fp_source_words[Lower(DisplayText(tv, pred_sources[i]))];
    for (size_t g = 0; g < gold.sources.size(); ++g)
      if (!gold_src_hit[g]) ++t->fn_source_words[Lower(GoldText(tv, gold.sources[g]))];

    // Example listings: the sentence, then gold and our cue -> source pairs;
    // the gold cue missed or our cue spurious that the example is listed for
    // is marked with '*', and a missed cue is followed by the lexicon entries
    // that matched inside it ("[reporting_verbs.say]": the lexicon knew the
    // word, the attribution rules dropped it).
    auto describe = [&](size_t s, int missed_gold = -1, int spurious_pred = -1) {
      const Sentence& sen = sentences[s];
      const Span ss{sen.begin, sen.end};
      std::string out = "  [" + name + " #" + std::to_string(s) + "] " +
                        eval::OneLine(tv.substr(sen.begin, sen.end - sen.begin)) + "\n";
      for (size_t g = 0; g < gold.cues.size(); ++g) {
        if (Intersection(ss, gold.cues[g]) == 0) continue;
        const int gs = gold_cue_source[g];
        std::string lex;
        if (static_cast<int>(g) == missed_gold)
          for (const std::string& id : entries_inside(g)) lex += " [" + id + "]";
        out += std::string(static_cast<int>(g) == missed_gold ? "    * " : "      ") +
               "gold: cue \"" + GoldText(tv, gold.cues[g]) + "\"  source \"" +
               (gs >= 0 ? GoldText(tv, gold.sources[gs]) : std::string("-")) + "\"" + lex + "\n";
      }
      for (size_t i = 0; i < pred.size(); ++i) {
        const Predicted& p = pred[i];
        if (p.cue.begin < sen.begin || p.cue.begin >= sen.end) continue;
        out += std::string(static_cast<int>(i) == spurious_pred ? "    * " : "      ") +
               "ours: cue \"" + DisplayText(tv, p.cue) + "\"  source \"" +
               (p.source.empty() ? std::string("-") : DisplayText(tv, p.source)) + "\"  (" +
               SourceKindName(p.kind) + ", " + p.verb_class + (p.mental ? ", mental" : "") +
               ")\n";
      }
      return out;
    };
    for (size_t s = 0; s < sentences.size(); ++s) {
      if (!gold_pos[s] && pred_any[s]) t->sentence_fp.push_back(describe(s));
      if (gold_pos[s] && !pred_any[s]) t->sentence_fn.push_back(describe(s));
    }
    for (size_t i = 0; i < pred_cues.size(); ++i)
      if (cue_match[i] < 0 && !sentences.empty())
        t->cue_fp.push_back(describe(sentence_at(pred_cues[i].begin), -1, static_cast<int>(i)));
    for (size_t g = 0; g < gold.cues.size(); ++g)
      if (!gold_cue_hit[g] && !sentences.empty())
        t->cue_fn.push_back(describe(sentence_at(gold.cues[g].hull.begin), static_cast<int>(g)));
    for (size_t i = 0; i < pred.size(); ++i) {
      if (cue_match[i] < 0) continue;
      const int gs = gold_cue_source[cue_match[i]];
      const std::string rel =
          SourceRelation(tv, pred[i].source, gs >= 0 ? &gold.sources[gs] : nullptr);
      if (rel.find("correct") != std::string::npos || rel.find("exact") != std::string::npos)
        continue;
      t->source_boundary.push_back("  [" + name + "] cue \"" + DisplayText(tv, pred[i].cue) +
                                   "\": gold source \"" +
                                   (gs >= 0 ? GoldText(tv, gold.sources[gs]) : std::string("-")) +
                                   "\"  ours \"" +
                                   (pred[i].source.empty() ? std::string("-")
                                                           : DisplayText(tv, pred[i].source)) +
                                   "\" (" + SourceKindName(pred[i].kind) + "; " + rel + ")\n");
    }
  }
}

void PrintTop(const char* title, const std::map<std::string, int>& counts, int n) {
  std::vector<std::pair<std::string, int>> v(counts.begin(), counts.end());
  std::stable_sort(v.begin(), v.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  std::printf("\n%s (%zu distinct)\n", title, v.size());
  for (int i = 0; i < n && i < static_cast<int>(v.size()); ++i)
    std::printf("  %5d  %s\n", v[i].second, v[i].first.c_str());
}

// n examples spread evenly over the split (not the first article's n).
void PrintExamples(const char* title, const std::vector<std::string>& all, int n) {
  std::printf("\n%s: %d of %zu\n", title, std::min<int>(n, static_cast<int>(all.size())),
              all.size());
  if (all.empty()) return;
  const size_t count = std::min<size_t>(static_cast<size_t>(n), all.size());
  for (size_t i = 0; i < count; ++i) std::fputs(all[i * all.size() / count].c_str(), stdout);
}

int Usage(FILE* out, int code) {
  std::fprintf(out,
               "usage: %s [--split train|dev|test] [--data DIR] [--confusion] [--errors N]\n"
               "       [--dump FILE]\n"
               "  --split      which PolNeAR split to measure (default dev)\n"
               "  --data DIR   the PolNeAR directory (default <source>/../shared/eval/polnear)\n"
               "  --confusion  tables of matched and unmatched predictions by kind and class\n"
               "  --errors N   N example errors of each kind and the most frequent misses\n"
               "               (train and dev only)\n"
               "  --dump FILE  one TSV line per gold cue and per cue of ours (train and dev only)\n",
               kProgram);
  return code;
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    auto value = [&]() -> const char* {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "%s: %s needs a value\n", kProgram, argv[i]);
        std::exit(Usage(stderr, 2));
      }
      return argv[++i];
    };
    if (arg == "--split") {
      options.split = value();
    } else if (arg == "--data") {
      options.data = fs::path(value());
    } else if (arg == "--confusion") {
      options.confusion = true;
    } else if (arg == "--errors") {
      const char* v = value();
      char* end = nullptr;
      const long n = std::strtol(v, &end, 10);
      if (*v == '\0' || *end != '\0' || n < 0 || n > 100000) {
        std::fprintf(stderr, "%s: --errors wants a count, not '%s'\n", kProgram, v);
        return 2;
      }
      options.errors = static_cast<int>(n);
    } else if (arg == "--dump") {
      options.dump_path = value();
    } else if (arg == "--help" || arg == "-h") {
      return Usage(stdout, 0);
    } else {
      std::fprintf(stderr, "%s: unknown argument '%s'\n", kProgram, argv[i]);
      return Usage(stderr, 2);
    }
  }
  if (options.split != "train" && options.split != "dev" && options.split != "test") {
    std::fprintf(stderr, "%s: --split must be train, dev or test, not '%s'\n", kProgram,
                 options.split.c_str());
    return 2;
  }
  // The test split measures; looking at its sentences would tune the rules
  // to it (PolNeAR's README asks the same).
  if (options.split == "test" && (options.errors > 0 || !options.dump_path.empty())) {
    std::fprintf(stderr,
                 "%s: --errors and --dump are for train and dev only: test is for measuring\n",
                 kProgram);
    return 2;
  }

  fs::path data;
  if (options.data) {
    data = *options.data;
    if (!fs::is_directory(data)) {
      std::fprintf(stderr, "%s: %s: no such directory\n", kProgram, data.string().c_str());
      return 2;
    }
  } else {
    data = eval::SharedDir() / "eval" / "polnear";
    if (!fs::is_directory(data)) {
      std::printf("%s: ../shared/eval/polnear not found: skipped\n", kProgram);
      return 0;
    }
  }
  const fs::path text_dir = data / options.split / "text";
  const fs::path ann_dir = data / options.split / "attributions";
  if (!fs::is_directory(text_dir) || !fs::is_directory(ann_dir)) {
    std::fprintf(stderr, "%s: %s: no text/ and attributions/ for split '%s'\n", kProgram,
                 data.string().c_str(), options.split.c_str());
    return 2;
  }

  if (!options.dump_path.empty()) {
    options.dump = std::fopen(options.dump_path.c_str(), "w");
    if (options.dump == nullptr) {
      std::fprintf(stderr, "%s: cannot write %s\n", kProgram, options.dump_path.c_str());
      return 2;
    }
  }

  const eval::Stopwatch clock;
  std::optional<Analyzer> analyzer = eval::LoadDefaultAnalyzer(kProgram);
  if (!analyzer) return 2;

  // <name>_<annotator>.ann; several annotators for some articles: the first
  // file by name wins, as the corpus README says.
  std::map<std::string, fs::path> ann_for;
  for (const fs::path& p : eval::ListFiles(ann_dir, ".ann")) {
    const std::string stem = p.stem().string();
    const size_t us = stem.rfind('_');
    if (us == std::string::npos) continue;
    ann_for.emplace(stem.substr(0, us), p);  // keeps the first
  }

  Totals totals;
  int missing_ann = 0;
  double analysis_seconds = 0;
  for (const fs::path& text_path : eval::ListFiles(text_dir, ".txt")) {
    const std::string name = text_path.stem().string();
    const auto it = ann_for.find(name);
    if (it == ann_for.end()) {
      ++missing_ann;
      continue;
    }
    std::string text, ann;
    if (!eval::ReadWholeFile(text_path, &text) || !eval::ReadWholeFile(it->second, &ann)) {
      std::fprintf(stderr, "%s: cannot read %s or %s\n", kProgram, text_path.string().c_str(),
                   it->second.string().c_str());
      return 2;
    }
    const Gold gold = ParseAnn(ann, text);
    const eval::Stopwatch article_clock;
    EvaluateArticle(*analyzer, name, text, gold, options, &totals);
    analysis_seconds += article_clock.Seconds();
  }
  if (options.dump != nullptr && std::fclose(options.dump) != 0) {
    std::fprintf(stderr, "%s: cannot write %s\n", kProgram, options.dump_path.c_str());
    return 2;
  }
  if (totals.articles == 0) {
    std::fprintf(stderr, "%s: no annotated articles in %s\n", kProgram,
                 (data / options.split).string().c_str());
    return 2;
  }
  if (missing_ann > 0)
    std::fprintf(stderr, "%s: warning: %d articles without an .ann file were left out\n",
                 kProgram, missing_ann);
  if (totals.bad_lines > 0)
    std::fprintf(stderr, "%s: warning: %d unreadable T records were left out\n", kProgram,
                 totals.bad_lines);
  if (totals.text_mismatches > 0)
    std::fprintf(stderr,
                 "%s: warning: %d gold spans do not match the article text at their offsets\n",
                 kProgram, totals.text_mismatches);

  std::printf("PolNeAR %s: %d articles, %llu sentences (ours), %llu gold attributions, "
              "%zu gold cues, %zu gold sources\n\n",
              options.split.c_str(), totals.articles,
              static_cast<unsigned long long>(totals.sentences),
              static_cast<unsigned long long>(totals.gold_attributions),
              static_cast<size_t>(totals.cue_overlap.tp + totals.cue_overlap.fn),
              static_cast<size_t>(totals.source_overlap.tp + totals.source_overlap.fn));
  constexpr int kWidth = 34;
  eval::PrintCountsHeader("measure", kWidth);
  eval::PrintCountsRow("sentence (any attribution)", totals.sentence_any, kWidth);
  eval::PrintCountsRow("sentence (not mental)", totals.sentence_speech, kWidth);
  eval::PrintCountsRow("cue (overlap)", totals.cue_overlap, kWidth);
  eval::PrintCountsRow("cue (exact)", totals.cue_exact, kWidth);
  eval::PrintCountsRow("source (overlap)", totals.source_overlap, kWidth);
  eval::PrintCountsRow("source (exact)", totals.source_exact, kWidth);

  if (options.confusion) {
    // tp/fp of these rows are our matched/unmatched predictions; recall
    // has no meaning per kind (gold carries no kinds), so only P is shown.
    auto table = [](const char* title, const std::map<std::string, Counts>& rows) {
      std::printf("\n%-34s %8s %8s %7s\n", title, "matched", "unmatch", "P");
      for (const auto& [label, c] : rows)
        std::printf("%-34s %8llu %8llu %7.1f\n", label.c_str(),
                    static_cast<unsigned long long>(c.tp), static_cast<unsigned long long>(c.fp),
                    c.Precision());
    };
    table("our source kind (source overlap)", totals.source_kind);
    table("our cue class (cue overlap)", totals.cue_class);
    std::printf("\n%-34s %8s\n", "source when the cue matched", "count");
    for (const auto& [label, n] : totals.source_given_cue)
      std::printf("%-34s %8llu\n", label.c_str(), static_cast<unsigned long long>(n));
  }
  if (options.errors > 0) {
    PrintTop("missed gold cues (cue FN), most frequent", totals.fn_cue_words, options.errors);
    PrintTop("spurious cues (cue FP), most frequent", totals.fp_cue_words, options.errors);
    PrintTop("missed gold sources (source FN), most frequent", totals.fn_source_words,
             options.errors);
    PrintTop("spurious sources (source FP), most frequent", totals.fp_source_words,
             options.errors);
    PrintExamples("sentence false positives", totals.sentence_fp, options.errors);
    PrintExamples("sentence false negatives", totals.sentence_fn, options.errors);
    PrintExamples("sentences with a spurious cue (cue FP)", totals.cue_fp, options.errors);
    PrintExamples("sentences with a missed gold cue (cue FN)", totals.cue_fn, options.errors);
    PrintExamples("source errors where the cue matched", totals.source_boundary, options.errors);
  }

  const double seconds = clock.Seconds();
  std::printf("\ntime: %.2f s (analysis %.2f s, %.1f MB/s)\n", seconds, analysis_seconds,
              analysis_seconds > 0 ? double(totals.bytes) / 1e6 / analysis_seconds : 0.0);
  std::printf("polnear %s: sentence F1 %.1f  cue F1 (overlap) %.1f  source F1 (overlap) %.1f  "
              "(%d articles)\n",
              options.split.c_str(), totals.sentence_any.F1(), totals.cue_overlap.F1(),
              totals.source_overlap.F1(), totals.articles);
  return 0;
}
