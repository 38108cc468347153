#include "sourcecheck/report.hpp"


#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "json_writer.hpp"
#include "sourcecheck/suppress.hpp"

namespace sourcecheck {

namespace {

// Shares and rates with three decimals, so output is stable and readable.
double Round3(double v) { return std::round(v * 1000.0) / 1000.0; }

}  // namespace

std::vector<Span> Sections(std::string_view text, uint32_t section_bytes) {
  std::vector<Span> sections;
  if (section_bytes == 0) section_bytes = 1;
  const size_t n = text.size();
  size_t begin = 0;
  while (begin < n) {
    if (n - begin <= section_bytes) {
      sections.push_back({static_cast<uint32_t>(begin), static_cast<uint32_t>(n)});
      break;
    }
    // Look for a cut in [target, target + section_bytes): the search is
    // bounded, so a text without breaks stays linear.
    const size_t target = begin + section_bytes;
    const size_t limit = std::min(n, target + section_bytes);
    const std::string_view window = text.substr(target, limit - target);
    size_t cut = std::string_view::npos;
    if (size_t p = window.find("\n\n"); p != std::string_view::npos) {
      cut = target + p + 2;
      while (cut < n && text[cut] == '\n') ++cut;  // blank lines stay with the section before
    } else if (size_t q = window.find('\n'); q != std::string_view::npos) {
      cut = target + q + 1;
    } else if (size_t r = window.find(' '); r != std::string_view::npos) {
      cut = target + r + 1;
    } else {
      cut = target;  // between characters: not inside a UTF-8 sequence
      while (cut > begin + 1 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    }
    if (cut >= n) cut = n;
    sections.push_back({static_cast<uint32_t>(begin), static_cast<uint32_t>(cut)});
    begin = cut;
  }
  return sections;
}

SectionReader::SectionReader(const Analyzer& analyzer, const Document& document, uint32_t section_bytes)
    : analyzer_(&analyzer), document_(&document), sections_(Sections(document.text(), section_bytes)) {}

Result<bool> SectionReader::Next(const Deadline& deadline) {
  first_id_ += made_;
  made_ = 0;
  // The claims' storage is reused by the next section's (Attribute fills
  // the vector in place); every path that makes none empties it.
  if (next_ >= sections_.size()) {
    claims_.clear();
    // A document with no text still has its (empty) analysis, once.
    if (next_ > 0 || !sections_.empty()) return false;
    ++next_;
    if (Status s = analyzer_->Analyze(*document_, Span{0, 0}, &analysis_, deadline); !s.ok()) return s;
    return true;
  }
  const Span section = sections_[next_++];
  auto fail = [this](Status s) -> Result<bool> {
    claims_.clear();
    return s;
  };
  if (Status s = analyzer_->Analyze(*document_, section, &analysis_, deadline); !s.ok()) return fail(s);
  Attribute(*analyzer_, *document_, analysis_, &claims_);
  if (deadline.Passed()) return fail(deadline.Expired("attributing"));
  Score(analyzer_->scoring(), *analyzer_, *document_, analysis_, &claims_);
  if (deadline.Passed()) return fail(deadline.Expired("scoring"));
  made_ = static_cast<uint32_t>(claims_.size());
  return true;
}

void SourcesBuilder::Add(const Document& document, const std::vector<Claim>& claims, uint32_t first_id) {
  // Distinct sources, in order of first appearance; a pronoun counts as the
  // person it refers to. Indexed by name, so a document with a hundred
  // thousand sources is not quadratic.
  for (uint32_t i = 0; i < claims.size(); ++i) {
    const Claim& c = claims[i];
    if (c.attributions.empty()) continue;
    const Attribution& a = c.attributions.front();
    if (a.mental || a.kind == SourceKind::kNone) continue;
    // A pronoun or an outlet's short form counts as what it refers to.
    const std::string_view name = a.refers_to.empty() ? SpanText(document.text(), a.source) : a.refers_to;
    if (2 * (sources_.size() + 1) > slots_.size()) Grow();
    const auto hash = static_cast<uint32_t>(StringViewHash{}(name));
    const size_t mask = slots_.size() - 1;
    size_t p = hash & mask;
    while (slots_[p].source != 0 && (slots_[p].hash != hash || sources_[slots_[p].source - 1].name != name))
      p = (p + 1) & mask;
    const auto added = static_cast<uint32_t>(sources_.size());
    size_t k;
    if (slots_[p].source == 0) {
      slots_[p] = {hash, added + 1};
      k = added;
    } else {
      k = slots_[p].source - 1;
      while (sources_[k].kind != a.kind && next_kind_[k] != 0) k = next_kind_[k] - 1;
      if (sources_[k].kind != a.kind) {
        next_kind_[k] = added + 1;
        k = added;
      }
    }
    if (k == added) {
      sources_.push_back({std::string(name), a.kind, {}});
      next_kind_.push_back(0);
    }
    sources_[k].claims.push_back(first_id + i);
  }
}

void SourcesBuilder::Grow() {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(std::max<size_t>(64, 2 * old.size()), Slot());
  const size_t mask = slots_.size() - 1;
  for (const Slot& s : old) {
    if (s.source == 0) continue;
    size_t p = s.hash & mask;
    while (slots_[p].source != 0) p = (p + 1) & mask;
    slots_[p] = s;
  }
}

std::vector<SourceSummary> SourcesBuilder::Finish() {
  slots_.clear();
  next_kind_.clear();
  return std::move(sources_);
}

namespace {

// Appends a later section's analysis and claims to the report's, counting
// token, sentence and paragraph indices from the document's start.
void Join(Report* report, Analysis&& part, std::vector<Claim>&& claims) {
  Analysis& whole = report->analysis;
  const auto tokens = static_cast<uint32_t>(whole.tokens.size());
  const auto sentences = static_cast<uint32_t>(whole.segmentation.sentences.size());
  const auto paragraphs = static_cast<uint32_t>(whole.segmentation.paragraphs.size());
  const auto cues = static_cast<uint32_t>(whole.cues.size());
  whole.tokens.insert(whole.tokens.end(), part.tokens.begin(), part.tokens.end());
  for (Paragraph p : part.segmentation.paragraphs) {
    p.first_sentence += sentences;
    whole.segmentation.paragraphs.push_back(p);
  }
  for (Sentence s : part.segmentation.sentences) {
    s.first_token += tokens;
    s.paragraph += paragraphs;
    whole.segmentation.sentences.push_back(s);
  }
  for (Quotation q : part.segmentation.quotations) {
    q.first_sentence += sentences;
    q.last_sentence += sentences;
    whole.segmentation.quotations.push_back(q);
  }
  for (CueMatch m : part.cues) {
    m.first_token += tokens;
    whole.cues.push_back(m);
  }
  if (!whole.cue_begin.empty()) whole.cue_begin.pop_back();
  for (uint32_t b : part.cue_begin) whole.cue_begin.push_back(b + cues);
  whole.pattern_errors.insert(whole.pattern_errors.end(), part.pattern_errors.begin(), part.pattern_errors.end());
  for (Claim& c : claims) {
    c.first_sentence += sentences;
    c.last_sentence += sentences;
    report->claims.push_back(std::move(c));
  }
}

}  // namespace

Report BuildReport(const Analyzer& analyzer, const Document& document) {
  // Without a deadline nothing can stop it.
  return std::move(BuildReport(analyzer, document, Deadline())).value();
}

Result<Report> BuildReport(const Analyzer& analyzer, const Document& document, const Deadline& deadline,
                           uint32_t section_bytes) {
  Report report;
  report.document = &document;
  SectionReader reader(analyzer, document, section_bytes);
  SummaryBuilder summary;
  SourcesBuilder sources;
  for (bool first = true;; first = false) {
    Result<bool> more = reader.Next(deadline);
    if (!more.ok()) return more.status();
    if (!*more) break;
    summary.Add(document, reader.analysis(), reader.claims());
    sources.Add(document, reader.claims(), reader.first_id());
    if (first) {
      report.analysis = std::move(reader.analysis());
      report.claims = std::move(reader.claims());
      reader.analysis() = Analysis();
      reader.claims().clear();
    } else {
      Join(&report, std::move(reader.analysis()), std::move(reader.claims()));
    }
  }
  report.summary = summary.Finish();
  report.sources = sources.Finish();
  return report;
}

namespace {

using internal::JsonWriter;

// Up to and including the opening of the claims array.
void WriteHead(JsonWriter& w, const Document& doc) {
  w.BeginObject();
  w.Field("schema", "sourcecheck.report/1");
  w.Key("input");
  w.BeginObject();
  w.Field("path", doc.path());
  w.Field("format", InputFormatName(doc.format()));
  w.Field("bytes", doc.original().size());
  w.EndObject();
  w.Key("claims");
  w.BeginArray();
}

// Where the last claim was found in the document: claims come in text
// order, so each one's offsets and line are found from there, without a
// search (Document::ToOriginal and LineColumnOf with a hint).
struct Hints {
  size_t run = 0;
  size_t line = 0;
};

// "start":…,"end":…,"text":"…" of a span, raw (see JsonWriter::BeginRaw),
// to the writer or to a cursor.
template <typename Out>
void RawSpan(Out& w, const Document& doc, Span s, Hints* hints) {
  w.Raw("\"start\":");
  w.RawUint(doc.ToOriginal(s.begin, &hints->run));
  w.Raw(",\"end\":");
  w.RawUint(doc.ToOriginalEnd(s.end, &hints->run));
  w.Raw(",\"text\":");
  w.RawString(SpanText(doc.text(), s));
}

// One claim on a line of its own. There are tens of thousands in a long
// report, so the claim is written raw, its keys as literals: the same bytes
// as the writer's Key and value calls (docs/report-format.md), at a fraction
// of the cost. `w` is the writer, or a cursor into its buffer (WriteClaim).
template <typename Out>
void WriteClaimTo(Out& w, const Analyzer& analyzer, const Document& doc, const Claim& c, uint32_t id,
                  Hints* hints) {
  w.Raw("{\"id\":");
  w.RawUint(id);
  w.Raw(",\"start\":");
  const uint32_t start = doc.ToOriginal(c.span.begin, &hints->run);
  w.RawUint(start);
  w.Raw(",\"end\":");
  w.RawUint(doc.ToOriginalEnd(c.span.end, &hints->run));
  const LineColumn at = doc.LineColumnOf(start, &hints->line);
  w.Raw(",\"line\":");
  w.RawUint(at.line);
  w.Raw(",\"column\":");
  w.RawUint(at.column);
  w.Raw(",\"text\":");
  w.RawString(SpanText(doc.text(), c.span));
  w.Raw(",\"attributions\":[");
  bool first = true;
  for (const Attribution& a : c.attributions) {
    if (!first) w.Raw(",");
    first = false;
    w.Raw("{\"cue\":{");
    RawSpan(w, doc, a.cue, hints);
    w.Raw(",\"entry\":");
    if (a.cue_entry == kNoEntry) w.Raw("null");
    else w.RawString(analyzer.matcher().entry(a.cue_entry).id);
    w.Raw("},\"source\":");
    if (a.source.empty()) {
      w.Raw("null");
    } else {
      w.Raw("{");
      RawSpan(w, doc, a.source, hints);
      w.Raw("}");
    }
    w.Raw(",\"kind\":");
    w.RawString(SourceKindName(a.kind));
    w.Raw(",\"refers_to\":");
    w.RawStringOrNull(a.refers_to);
    w.Raw(",\"via\":");
    if (a.via.empty()) {
      w.Raw("null");
    } else {
      w.Raw("{");
      RawSpan(w, doc, a.via, hints);
      w.Raw(",\"kind\":\"outlet\",\"name\":");
      w.RawString(a.via_name);
      w.Raw("}");
    }
    w.Raw(",\"quote\":");
    w.RawString(QuoteKindName(a.quote));
    w.Raw(",\"verb_class\":");
    w.RawString(a.verb_class);
    w.Raw(",\"mental\":");
    w.RawBool(a.mental);
    w.Raw(",\"hedged_verb\":");
    w.RawBool(a.hedged_verb);
    w.Raw(",\"inherited\":");
    w.RawBool(a.inherited);
    w.Raw("}");
  }
  w.Raw("],\"hedged\":");
  w.RawBool(std::any_of(c.hedges.begin(), c.hedges.end(), [](const HedgeHit& h) { return !h.quoted; }));
  w.Raw(",\"hedges\":[");
  first = true;
  for (const HedgeHit& h : c.hedges) {
    const Entry& e = analyzer.matcher().entry(h.entry);
    if (!first) w.Raw(",");
    first = false;
    w.Raw("{");
    RawSpan(w, doc, h.span, hints);
    w.Raw(",\"entry\":");
    w.RawString(e.id);
    w.Raw(",\"category\":");
    w.RawString(e.category);
    w.Raw(",\"quoted\":");
    w.RawBool(h.quoted);
    w.Raw("}");
  }
  w.Raw("],\"stacked_hedges\":");
  w.RawBool(c.stacked_hedges);
  w.Raw(",\"score\":");
  w.RawInt(c.score);
  w.Raw(",\"tier\":");
  w.RawString(TierName(c.tier));
  w.Raw(",\"reasons\":[");
  first = true;
  for (const std::string& r : c.reasons) {
    if (!first) w.Raw(",");
    first = false;
    w.RawString(r);
  }
  w.Raw("],\"advice\":");
  w.RawStringOrNull(c.advice);
  w.Raw(",\"suppressed\":");
  w.RawBool(c.suppressed);
  w.Raw("}");
}

// The most bytes WriteClaimTo() writes for `c`: each string as if every
// byte were escaped as \u00XX; each number its longest; the literals of
// the claim, of an attribution and of a hedge (with the names of a kind, a
// quote and a tier) fewer than the 512, 512 and 256 bytes allowed them.
size_t ClaimRoom(const Analyzer& analyzer, const Claim& c) {
  using Room = JsonWriter;
  size_t room = 512 + Room::QuotedRoom(c.span.end - c.span.begin) + Room::QuotedRoom(c.advice.size());
  for (const Attribution& a : c.attributions) {
    room += 512 + Room::QuotedRoom(a.cue.end - a.cue.begin) + Room::QuotedRoom(a.source.end - a.source.begin) +
            Room::QuotedRoom(a.via.end - a.via.begin) + Room::QuotedRoom(a.refers_to.size()) +
            Room::QuotedRoom(a.via_name.size()) + Room::QuotedRoom(a.verb_class.size());
    if (a.cue_entry != kNoEntry) room += Room::QuotedRoom(analyzer.matcher().entry(a.cue_entry).id.size());
  }
  for (const HedgeHit& h : c.hedges) {
    const Entry& e = analyzer.matcher().entry(h.entry);
    room += 256 + Room::QuotedRoom(h.span.end - h.span.begin) + Room::QuotedRoom(e.id.size()) +
            Room::QuotedRoom(e.category.size());
  }
  for (const std::string& r : c.reasons) room += 1 + Room::QuotedRoom(r.size());
  return room;
}

// A claim through a cursor (no check of the buffer's room per value) when
// its room is known to fit, as nearly every claim's does; else through
// the writer.
void WriteClaim(JsonWriter& w, const Analyzer& analyzer, const Document& doc, const Claim& c, uint32_t id,
                Hints* hints) {
  w.BeginRaw();
  w.Bounded(ClaimRoom(analyzer, c), [&](auto& out) { WriteClaimTo(out, analyzer, doc, c, id, hints); });
}

// One source on a line of its own, raw like a claim (a long report has
// thousands): `w` is the writer or a cursor into its buffer.
template <typename Out>
void WriteSourceTo(Out& w, const SourceSummary& s) {
  w.Raw("{\"name\":");
  w.RawString(s.name);
  w.Raw(",\"kind\":");
  w.RawString(SourceKindName(s.kind));
  w.Raw(",\"claims\":[");
  bool first = true;
  for (uint32_t id : s.claims) {
    if (!first) w.Raw(",");
    first = false;
    w.RawUint(id);
  }
  w.Raw("]}");
}

// Through a cursor when the source's room is known to fit (its literals
// and kind's name within 64 bytes, a claim id and comma within 11).
void WriteSource(JsonWriter& w, const SourceSummary& s) {
  w.BeginRaw();
  w.Bounded(64 + JsonWriter::QuotedRoom(s.name.size()) + 11 * s.claims.size(),
            [&](auto& out) { WriteSourceTo(out, s); });
}

// From the end of the claims array to the end of the report.
void WriteTail(JsonWriter& w, const std::vector<SourceSummary>& sources, const Summary& sm, size_t claims,
               size_t suppressed) {
  w.EndArray();
  w.Key("sources");
  w.BeginArray();
  for (const SourceSummary& s : sources) WriteSource(w, s);
  w.EndArray();
  w.Key("summary");
  w.BeginObject();
  w.Field("claims", claims);
  w.Field("suppressed", suppressed);
  w.Key("claims_by_tier");
  w.BeginObject();
  for (int t = 0; t < kTierCount; ++t) w.Field(TierName(static_cast<Tier>(t)), sm.claims_by_tier[t]);
  w.EndObject();
  w.Field("attributed_share", Round3(sm.attributed_share));
  w.Field("anonymous_share", Round3(sm.anonymous_share));
  w.Field("named_sources", sm.named_sources);
  w.Field("unnamed_sources", sm.unnamed_sources);
  w.Key("outlets");
  w.BeginArray();
  for (const auto& [name, count] : sm.outlets) {
    w.BeginObject();
    w.Field("name", name);
    w.Field("claims", count);
    w.EndObject();
  }
  w.EndArray();
  w.Field("words", sm.words);
  w.Field("hedges", sm.hedges);
  w.Field("hedges_per_100_words", Round3(sm.hedges_per_100_words));
  w.Field("score", sm.score);
  w.Key("flags");
  w.BeginArray();
  for (const auto& [id, message] : sm.flags) {
    w.BeginObject();
    w.Field("id", id);
    w.Field("message", message);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  w.EndObject();
  w.Finish();
}

}  // namespace

void WriteJson(const Analyzer& analyzer, const Report& report,
               const std::function<void(std::string_view)>& sink) {
  const Document& doc = *report.document;
  JsonWriter w(sink);
  WriteHead(w, doc);
  Hints hints;
  for (size_t i = 0; i < report.claims.size(); ++i)
    WriteClaim(w, analyzer, doc, report.claims[i], static_cast<uint32_t>(i + 1), &hints);
  const auto suppressed = static_cast<size_t>(
      std::count_if(report.claims.begin(), report.claims.end(), [](const Claim& c) { return c.suppressed; }));
  WriteTail(w, report.sources, report.summary, report.claims.size(), suppressed);
  sink("\n");
}

Result<StreamedReport> StreamJson(const Analyzer& analyzer, const Document& document,
                                  const std::function<void(std::string_view)>& sink, const Deadline& deadline,
                                  uint32_t section_bytes) {
  StreamedReport out;
  SectionReader reader(analyzer, document, section_bytes);
  SummaryBuilder summary;
  SourcesBuilder sources;
  Suppressor suppressor(document);
  JsonWriter w(sink);
  WriteHead(w, document);
  size_t suppressed = 0;
  Hints hints;  // claims come in text order, section after section
  for (;;) {
    Result<bool> more = reader.Next(deadline);
    if (!more.ok()) {
      w.Finish();
      return more.status();
    }
    if (!*more) break;
    std::vector<Claim>& claims = reader.claims();
    suppressor.Apply(&claims);
    summary.Add(document, reader.analysis(), claims);
    sources.Add(document, claims, reader.first_id());
    for (size_t i = 0; i < claims.size(); ++i) {
      const Claim& c = claims[i];
      WriteClaim(w, analyzer, document, c, reader.first_id() + static_cast<uint32_t>(i), &hints);
      if (c.suppressed) ++suppressed;
      else ++out.unsuppressed_by_tier[static_cast<int>(c.tier)];
    }
    out.claims += claims.size();
  }
  WriteTail(w, sources.Finish(), summary.Finish(), out.claims, suppressed);
  sink("\n");
  out.unused_suppressions = suppressor.Unused();
  return out;
}

std::string RenderJson(const Analyzer& analyzer, const Report& report) {
  std::string out;
  WriteJson(analyzer, report, [&out](std::string_view piece) { out.append(piece); });
  return out;
}

}  // namespace sourcecheck
