#include "fuzz_targets.hpp"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "sourcecheck/analyzer.hpp"
#include "sourcecheck/document.hpp"
#include "sourcecheck/lexicon.hpp"
#include "sourcecheck/report.hpp"
#include "sourcecheck/suppress.hpp"
#include "sourcecheck/scoring.hpp"
#include "sourcecheck/triage.hpp"
#include "sourcecheck/triage_run.hpp"

namespace sourcecheck::fuzz {

namespace {

// A broken invariant: say which, then abort so the fuzzer (or the test)
// reports the input with its stack.
[[noreturn]] void FuzzFail(const char* what, const std::string& detail = "") {
  std::fprintf(stderr, "fuzz invariant broken: %s%s%s\n", what, detail.empty() ? "" : ": ", detail.c_str());
  std::abort();
}

#define FUZZ_CHECK(cond, ...) \
  do {                        \
    if (!(cond)) FuzzFail(#cond __VA_OPT__(, ) __VA_ARGS__); \
  } while (0)

const Analyzer& DefaultAnalyzer() {
  static const Analyzer* analyzer = [] {
    Result<Analyzer> a = Analyzer::Load({});
    if (!a.ok()) FuzzFail("the default lexicons load", a.status().ToString());
    return new Analyzer(std::move(a).value());
  }();
  return *analyzer;
}

bool ValidUtf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    size_t n;
    uint32_t cp;
    if (c < 0x80) {
      ++i;
      continue;
    } else if ((c & 0xE0) == 0xC0) {
      n = 1;
      cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      n = 2;
      cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      n = 3;
      cp = c & 0x07;
    } else {
      return false;
    }
    if (n >= s.size() - i) return false;  // truncated
    for (size_t k = 1; k <= n; ++k) {
      const auto d = static_cast<unsigned char>(s[i + k]);
      if ((d & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (d & 0x3F);
    }
    static constexpr uint32_t kMin[] = {0, 0x80, 0x800, 0x10000};
    if (cp < kMin[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += n + 1;
  }
  return true;
}

// What must hold for any document ReadDocument accepted.
void CheckDocument(const Document& doc) {
  const std::string& text = doc.text();
  const std::string& original = doc.original();
  FUZZ_CHECK(text.size() <= 3 * original.size() + 2 || original.empty());
  FUZZ_CHECK(text.find('\0') == std::string::npos);
  FUZZ_CHECK(ValidUtf8(text), "text() is not valid UTF-8");
  uint32_t previous = 0;
  for (size_t i = 0; i <= text.size(); ++i) {
    const uint32_t o = doc.ToOriginal(static_cast<uint32_t>(i));
    FUZZ_CHECK(o <= original.size(), "ToOriginal(" + std::to_string(i) + ") = " + std::to_string(o));
    FUZZ_CHECK(o >= previous, "ToOriginal is not monotonic at " + std::to_string(i));
    previous = o;
    if (i > 0) FUZZ_CHECK(doc.ToOriginalEnd(static_cast<uint32_t>(i)) <= original.size());
  }
  FUZZ_CHECK(doc.ToOriginal(static_cast<uint32_t>(text.size())) == original.size());
  const LineColumn last = doc.LineColumnOf(static_cast<uint32_t>(original.size()));
  for (uint32_t line = 1; line <= last.line + 1; ++line) {
    const std::string_view l = doc.OriginalLine(line);
    if (!l.empty()) {
      FUZZ_CHECK(l.data() >= original.data() && l.data() + l.size() <= original.data() + original.size());
    }
  }
}

bool InText(const Document& doc, Span s) { return s.begin <= s.end && s.end <= doc.text().size(); }

// BuildReport, RenderJson, StreamJson and the triage record of one
// document, analysed in sections of `section_bytes`, with what must hold of
// them.
void CheckReport(const Analyzer& analyzer, const Document& doc, uint32_t section_bytes = kSectionBytes) {
  Result<Report> built = BuildReport(analyzer, doc, Deadline(), section_bytes);
  FUZZ_CHECK(built.ok(), "BuildReport failed without a deadline");
  Report& report = *built;
  ApplySuppressions(&report);
  for (const Claim& c : report.claims) {
    FUZZ_CHECK(InText(doc, c.span));
    FUZZ_CHECK(c.score >= 0 && c.score <= 100, std::to_string(c.score));
    for (const Attribution& a : c.attributions) {
      FUZZ_CHECK(InText(doc, a.cue));
      FUZZ_CHECK(InText(doc, a.source));
      FUZZ_CHECK(InText(doc, a.via));
    }
    for (const HedgeHit& h : c.hedges) FUZZ_CHECK(InText(doc, h.span));
  }
  const std::string json = RenderJson(analyzer, report);
  nlohmann::json parsed = nlohmann::json::parse(json, nullptr, false);
  FUZZ_CHECK(!parsed.is_discarded(), "RenderJson gave invalid JSON");
  FUZZ_CHECK(parsed["claims"].size() == report.claims.size());
  // The streamed report is the same bytes.
  std::string streamed;
  Result<StreamedReport> r = StreamJson(
      analyzer, doc, [&streamed](std::string_view piece) { streamed.append(piece); }, Deadline(), section_bytes);
  FUZZ_CHECK(r.ok(), "StreamJson failed without a deadline");
  FUZZ_CHECK(streamed == json, "StreamJson differs from RenderJson of BuildReport");
  FUZZ_CHECK(r->claims == report.claims.size());

  const TriageRecord record = TriageDocument(analyzer, TriageModel::Default(), doc, "fuzz");
  FUZZ_CHECK(record.priority >= 0 && record.priority <= 100, std::to_string(record.priority));
  FUZZ_CHECK(!nlohmann::json::parse(TriageJson(record), nullptr, false).is_discarded(),
             "TriageJson gave invalid JSON");
  (void)TriageCsvRow(1, record);
}

}  // namespace

Target FindTarget(std::string_view name) {
  if (name == "lexicon") return FuzzLexicon;
  if (name == "read_document") return FuzzReadDocument;
  if (name == "report") return FuzzReport;
  if (name == "triage_jsonl") return FuzzTriageJsonl;
  return nullptr;
}

// data[0]: what the bytes are. Low two bits: 0 a lexicon file alone, 1 a
// lexicon file over the embedded default of its family, 2 scoring.yaml,
// 3 triage.yaml; the other bits pick the family.
void FuzzLexicon(const uint8_t* data, size_t size) {
  if (size < 1) return;
  const std::string yaml(reinterpret_cast<const char*>(data + 1), size - 1);
  const int kind = data[0] & 3;
  if (kind == 2) {
    ScoringModel model = ScoringModel::Default();
    std::vector<Diagnostic> diagnostics;
    model.Read("fuzz/scoring.yaml", yaml, &diagnostics);
    (void)FormatDiagnostics(diagnostics);
    return;
  }
  if (kind == 3) {
    TriageModel model = TriageModel::Default();
    std::vector<Diagnostic> diagnostics;
    model.Read("fuzz/triage.yaml", yaml, &diagnostics);
    (void)FormatDiagnostics(diagnostics);
    if (!HasErrors(diagnostics)) {
      FUZZ_CHECK(model.hedge_saturation > 0);
      for (double w : {model.weak, model.anonymous, model.single_source, model.hedges, model.outlets})
        FUZZ_CHECK(w >= 0 && w <= 1);
    }
    return;
  }
  const auto family = static_cast<Family>((data[0] >> 2) % kFamilyCount);
  const std::string name = FamilyName(family);
  LexiconBuilder builder;
  if (kind == 1) {
    for (const EmbeddedFile& f : EmbeddedLexicons())
      if (f.path.find("/" + name + ".yaml") != std::string_view::npos) builder.AddText(std::string(f.path), f.text);
  }
  builder.AddText("fuzz/" + name + ".yaml", yaml);
  Result<Lexicon> lexicon = builder.Build();
  (void)FormatDiagnostics(builder.diagnostics());
  FUZZ_CHECK(lexicon.ok() == !builder.has_errors());
  if (!lexicon.ok()) {
    FUZZ_CHECK(!lexicon.status().message().empty());
    return;
  }
  // The user's entries, compiled and run over a short draft and over the
  // lexicon's own text (where its phrases certainly occur).
  Result<Analyzer> analyzer = Analyzer::Create(std::move(lexicon).value());
  if (!analyzer.ok()) return;
  ReadOptions options;
  options.format = InputFormat::kText;
  options.replace_invalid_utf8 = true;
  for (const std::string& text :
       {std::string("Officials said the talks had collapsed, according to people familiar with the matter. "
                    "\"We will not back down,\" she told Reuters. The plan is reportedly dead."),
        yaml}) {
    Result<Document> doc = ReadDocument("fuzz.txt", text, options);
    if (doc.ok()) CheckReport(*analyzer, *doc);
  }
}

// data[0]: the format (0 text, 1 Markdown, 2 HTML; low two bits, 3 is
// text) and bit 2 replace_invalid_utf8.
void FuzzReadDocument(const uint8_t* data, size_t size) {
  if (size < 1) return;
  static constexpr InputFormat kFormats[] = {InputFormat::kText, InputFormat::kMarkdown, InputFormat::kHtml,
                                             InputFormat::kText};
  ReadOptions options;
  options.format = kFormats[data[0] & 3];
  options.replace_invalid_utf8 = (data[0] & 4) != 0;
  std::string bytes(reinterpret_cast<const char*>(data + 1), size - 1);
  Result<Document> doc = ReadDocument("fuzz.in", std::move(bytes), options);
  if (!doc.ok()) {
    const std::string& message = doc.status().message();
    FUZZ_CHECK(message.rfind("fuzz.in: ", 0) == 0, message);
    FUZZ_CHECK(!options.replace_invalid_utf8, "an error despite replace_invalid_utf8: " + message);
    return;
  }
  CheckDocument(*doc);
}

// data[0]: bits 0-1 the format, as for read_document (invalid UTF-8 is
// replaced); bits 2-3 the section length (the default, 64, 256 or 1024
// bytes), so that inputs are cut into many sections too.
void FuzzReport(const uint8_t* data, size_t size) {
  if (size < 1) return;
  static constexpr InputFormat kFormats[] = {InputFormat::kText, InputFormat::kMarkdown, InputFormat::kHtml,
                                             InputFormat::kText};
  ReadOptions options;
  options.format = kFormats[data[0] & 3];
  options.replace_invalid_utf8 = true;
  Result<Document> doc =
      ReadDocument("fuzz.in", std::string(reinterpret_cast<const char*>(data + 1), size - 1), options);
  FUZZ_CHECK(doc.ok(), doc.ok() ? "" : doc.status().message());
  static constexpr uint32_t kSectionLengths[] = {kSectionBytes, 64, 256, 1024};
  CheckReport(DefaultAnalyzer(), *doc, kSectionLengths[(data[0] >> 2) & 3]);
}

// data[0]: bit 0 two workers instead of one; bits 1-2 the line limit
// (1 MiB, 64, 300 or 4096 bytes).
void FuzzTriageJsonl(const uint8_t* data, size_t size) {
  if (size < 1) return;
  static constexpr size_t kLimits[] = {size_t{1} << 20, 64, 300, 4096};
  const int jobs = 1 + (data[0] & 1);
  const size_t limit = kLimits[(data[0] >> 1) & 3];
  std::string stream(reinterpret_cast<const char*>(data + 1), size - 1);

  // The records the contract promises: one per line that is not blank (or
  // is too long to look at), numbered from 1.
  std::vector<size_t> expected_lines;
  {
    size_t line = 0;
    size_t start = 0;
    while (start < stream.size()) {
      size_t nl = stream.find('\n', start);
      if (nl == std::string::npos) nl = stream.size();
      ++line;
      std::string_view l(stream.data() + start, nl - start);
      const bool too_long = l.size() > limit;
      if (!l.empty() && l.back() == '\r' && !too_long) l.remove_suffix(1);
      if (too_long || l.find_first_not_of(" \t") != std::string_view::npos) expected_lines.push_back(line);
      start = nl + 1;
    }
  }

  std::string buffer = stream.empty() ? std::string(1, '\n') : stream;  // fmemopen needs a size
  std::FILE* in = ::fmemopen(buffer.data(), stream.empty() ? 0 : buffer.size(), "r");
  if (in == nullptr) in = ::fmemopen(buffer.data(), 1, "r");
  if (in == nullptr) FuzzFail("fmemopen");
  if (stream.empty()) {
    std::fclose(in);
    return;
  }
  std::unique_ptr<TriageSource> source = MakeJsonlSource(in, "<fuzz>", limit);
  TriageRunOptions options;
  options.jobs = jobs;
  options.read.max_bytes = limit;
  size_t count = 0;
  const TriageRunStats stats =
      RunTriage(DefaultAnalyzer(), TriageModel::Default(), *source, options, [&](size_t index, TriageRecord&& r) {
        FUZZ_CHECK(index == count, "record " + std::to_string(index) + " out of order");
        FUZZ_CHECK(count < expected_lines.size(), "more records than lines");
        FUZZ_CHECK(r.path == "<fuzz>:" + std::to_string(expected_lines[count]),
                   r.path + " for line " + std::to_string(expected_lines[count]));
        FUZZ_CHECK(r.ok || !r.error.empty());
        const std::string json = TriageJson(r);
        FUZZ_CHECK(!nlohmann::json::parse(json, nullptr, false).is_discarded(), "TriageJson: " + json);
        FUZZ_CHECK(!nlohmann::json::parse(r.fields, nullptr, false).is_discarded(), "fields: " + r.fields);
        ++count;
      });
  std::fclose(in);
  FUZZ_CHECK(count == expected_lines.size(),
             std::to_string(count) + " records for " + std::to_string(expected_lines.size()) + " lines");
  FUZZ_CHECK(stats.records == count);
}

}  // namespace sourcecheck::fuzz
