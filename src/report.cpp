#include "sourcecheck/report.hpp"


#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "json_writer.hpp"

namespace sourcecheck {

namespace {

std::string_view Slice(const std::string& text, Span s) {
  return std::string_view(text).substr(s.begin, s.end - s.begin);
}

// Shares and rates with three decimals, so output is stable and readable.
double Round3(double v) { return std::round(v * 1000.0) / 1000.0; }

}  // namespace

Report BuildReport(const Analyzer& analyzer, const Document& document) {
  // Without a deadline nothing can stop it.
  return std::move(BuildReport(analyzer, document, Deadline())).value();
}

Result<Report> BuildReport(const Analyzer& analyzer, const Document& document, const Deadline& deadline) {
  Report report;
  report.document = &document;
  if (Status s = analyzer.Analyze(document, &report.analysis, deadline); !s.ok()) return s;
  report.claims = Attribute(analyzer, document, report.analysis);
  if (deadline.Passed()) return deadline.Expired("attributing");
  Score(analyzer.scoring(), analyzer, document, report.analysis, &report.claims);
  if (deadline.Passed()) return deadline.Expired("scoring");
  report.summary = Summarize(analyzer, document, report.analysis, report.claims);
  // Distinct sources, in order of first appearance; a pronoun counts as the
  // person it refers to. Indexed by name, so a document with a hundred
  // thousand sources is not quadratic.
  std::unordered_map<std::string, std::vector<size_t>> by_name;
  for (uint32_t i = 0; i < report.claims.size(); ++i) {
    const Claim& c = report.claims[i];
    if (c.attributions.empty()) continue;
    const Attribution& a = c.attributions.front();
    if (a.mental || a.kind == SourceKind::kNone) continue;
    // A pronoun or an outlet's short form counts as what it refers to.
    std::string name = a.refers_to.empty() ? std::string(Slice(document.text(), a.source)) : a.refers_to;
    std::vector<size_t>& same_name = by_name[name];
    auto it = std::find_if(same_name.begin(), same_name.end(),
                           [&](size_t k) { return report.sources[k].kind == a.kind; });
    size_t k;
    if (it == same_name.end()) {
      k = report.sources.size();
      same_name.push_back(k);
      report.sources.push_back({std::move(name), a.kind, {}});
    } else {
      k = *it;
    }
    report.sources[k].claims.push_back(i + 1);
  }
  return report;
}

void WriteJson(const Analyzer& analyzer, const Report& report,
               const std::function<void(std::string_view)>& sink) {
  const Document& doc = *report.document;
  internal::JsonWriter w(sink);
  auto span = [&](Span s) {
    w.Field("start", doc.ToOriginal(s.begin));
    w.Field("end", doc.ToOriginalEnd(s.end));
    w.Field("text", Slice(doc.text(), s));
  };
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
  for (size_t i = 0; i < report.claims.size(); ++i) {
    const Claim& c = report.claims[i];
    w.BeginObject();
    w.Field("id", i + 1);
    w.Field("start", doc.ToOriginal(c.span.begin));
    w.Field("end", doc.ToOriginalEnd(c.span.end));
    const LineColumn at = doc.Locate(c.span.begin);
    w.Field("line", at.line);
    w.Field("column", at.column);
    w.Field("text", Slice(doc.text(), c.span));
    w.Key("attributions");
    w.BeginArray();
    for (const Attribution& a : c.attributions) {
      w.BeginObject();
      w.Key("cue");
      w.BeginObject();
      span(a.cue);
      w.Key("entry");
      if (a.cue_entry == kNoEntry) w.Null();
      else w.String(analyzer.matcher().entry(a.cue_entry).id);
      w.EndObject();
      w.Key("source");
      if (a.source.empty()) {
        w.Null();
      } else {
        w.BeginObject();
        span(a.source);
        w.EndObject();
      }
      w.Field("kind", SourceKindName(a.kind));
      w.Key("refers_to");
      if (a.refers_to.empty()) w.Null();
      else w.String(a.refers_to);
      w.Key("via");
      if (a.via.empty()) {
        w.Null();
      } else {
        w.BeginObject();
        span(a.via);
        w.Field("kind", "outlet");
        w.Field("name", a.via_name);
        w.EndObject();
      }
      w.Field("quote", QuoteKindName(a.quote));
      w.Field("verb_class", a.verb_class);
      w.Field("mental", a.mental);
      w.Field("hedged_verb", a.hedged_verb);
      w.Field("inherited", a.inherited);
      w.EndObject();
    }
    w.EndArray();
    w.Field("hedged", std::any_of(c.hedges.begin(), c.hedges.end(), [](const HedgeHit& h) { return !h.quoted; }));
    w.Key("hedges");
    w.BeginArray();
    for (const HedgeHit& h : c.hedges) {
      const Entry& e = analyzer.matcher().entry(h.entry);
      w.BeginObject();
      span(h.span);
      w.Field("entry", e.id);
      w.Field("category", e.category);
      w.Field("quoted", h.quoted);
      w.EndObject();
    }
    w.EndArray();
    w.Field("stacked_hedges", c.stacked_hedges);
    w.Field("score", c.score);
    w.Field("tier", TierName(c.tier));
    w.Key("reasons");
    w.BeginArray();
    for (const std::string& r : c.reasons) w.String(r);
    w.EndArray();
    w.Key("advice");
    if (c.advice.empty()) w.Null();
    else w.String(c.advice);
    w.Field("suppressed", c.suppressed);
    w.EndObject();
  }
  w.EndArray();
  w.Key("sources");
  w.BeginArray();
  for (const SourceSummary& s : report.sources) {
    w.BeginObject();
    w.Field("name", s.name);
    w.Field("kind", SourceKindName(s.kind));
    w.Key("claims");
    w.BeginArray();
    for (uint32_t id : s.claims) w.Int(id);
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  const Summary& sm = report.summary;
  w.Key("summary");
  w.BeginObject();
  w.Field("claims", report.claims.size());
  w.Field("suppressed", static_cast<size_t>(std::count_if(report.claims.begin(), report.claims.end(),
                                                          [](const Claim& c) { return c.suppressed; })));
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
  sink("\n");
}

std::string RenderJson(const Analyzer& analyzer, const Report& report) {
  std::string out;
  WriteJson(analyzer, report, [&out](std::string_view piece) { out.append(piece); });
  return out;
}

}  // namespace sourcecheck
