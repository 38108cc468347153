// Throughput of each stage over the BBC corpus (../shared/corpus/bbc):
// reading, tokenizing, segmenting, matching with the default lexicons,
// attributing, scoring, writing the JSON report, and all of them together
// as `sourcecheck check --format json` runs them (section by section).
// Skips, saying so, when the corpus is absent.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <new>
#include <sstream>

#include "sourcecheck/analyzer.hpp"
#include "sourcecheck/attribution.hpp"
#include "sourcecheck/report.hpp"

namespace fs = std::filesystem;
using namespace sourcecheck;

// Counting allocator: every operator new in the process is counted, so a
// benchmark can report allocations per token on the hot path.
static size_t g_allocations = 0;
// GCC cannot see that the replaced new and delete below pair malloc with
// free, and warns at every delete.
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
void* operator new(size_t n) {
  ++g_allocations;
  if (void* p = std::malloc(n ? n : 1)) return p;
  throw std::bad_alloc();
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, size_t) noexcept { std::free(p); }

namespace {

fs::path CorpusDir() {
  if (const char* env = std::getenv("SOURCECHECK_BBC")) return env;
  return fs::path(SOURCECHECK_SOURCE_DIR) / ".." / "shared" / "corpus" / "bbc";
}

// The BBC articles concatenated, paragraphs kept, articles separated by a
// blank line; empty when the corpus is absent.
const std::string& Corpus() {
  static const std::string corpus = [] {
    std::string all;
    std::vector<fs::path> files;
    std::error_code ec;
    if (!fs::is_directory(CorpusDir(), ec)) return all;
    for (const auto& e : fs::recursive_directory_iterator(CorpusDir(), ec))
      if (e.path().extension() == ".txt" && e.path().filename() != "README.TXT") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const fs::path& f : files) {
      std::ifstream in(f, std::ios::binary);
      std::ostringstream s;
      s << in.rdbuf();
      all += s.str();
      all += "\n\n";
    }
    return all;
  }();
  return corpus;
}

const Analyzer& DefaultAnalyzer() {
  static const Analyzer analyzer = [] {
    Result<Lexicon> lexicon = LoadLexicons({});
    return std::move(Analyzer::Create(std::move(lexicon).value())).value();
  }();
  return analyzer;
}

bool SkipWithoutCorpus(benchmark::State& state) {
  if (!Corpus().empty()) return false;
  state.SkipWithError("../shared/corpus/bbc not found (set SOURCECHECK_BBC): skipped");
  return true;
}

void BM_ReadDocument(benchmark::State& state) {
  if (SkipWithoutCorpus(state)) return;
  for (auto _ : state) {
    Result<Document> doc = ReadDocument("bbc.txt", Corpus(), ReadOptions{});
    benchmark::DoNotOptimize(doc.ok());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * Corpus().size()));
}
BENCHMARK(BM_ReadDocument)->Unit(benchmark::kMillisecond);

void BM_Tokenize(benchmark::State& state) {
  if (SkipWithoutCorpus(state)) return;
  std::vector<Token> tokens;
  for (auto _ : state) {
    Tokenize(Corpus(), &tokens);
    benchmark::DoNotOptimize(tokens.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * Corpus().size()));
  state.counters["tokens"] = static_cast<double>(tokens.size());
}
BENCHMARK(BM_Tokenize)->Unit(benchmark::kMillisecond);

void BM_Segment(benchmark::State& state) {
  if (SkipWithoutCorpus(state)) return;
  std::vector<Token> tokens;
  size_t sentences = 0;
  for (auto _ : state) {
    Tokenize(Corpus(), &tokens);
    Segmentation s = Segment(Corpus(), tokens);
    sentences = s.sentences.size();
    benchmark::DoNotOptimize(s.sentences.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * Corpus().size()));
  state.counters["sentences"] = static_cast<double>(sentences);
}
BENCHMARK(BM_Segment)->Unit(benchmark::kMillisecond);

// Segmentation plus matching on one core: the 100 MB/s target.
void BM_SegmentAndMatch(benchmark::State& state) {
  if (SkipWithoutCorpus(state)) return;
  const Analyzer& analyzer = DefaultAnalyzer();
  Document doc = Document::FromParts("bbc.txt", InputFormat::kText, Corpus(), Corpus(), {});
  Analysis analysis;
  analyzer.Analyze(doc, &analysis);  // grow the vectors once
  const size_t before = g_allocations;
  for (auto _ : state) {
    analyzer.Analyze(doc, &analysis);
    benchmark::DoNotOptimize(analysis.cues.data());
  }
  const double allocations = static_cast<double>(g_allocations - before);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * Corpus().size()));
  state.counters["cues"] = static_cast<double>(analysis.cues.size());
  state.counters["allocs_per_token"] =
      allocations / static_cast<double>(state.iterations()) / static_cast<double>(analysis.tokens.size());
}
BENCHMARK(BM_SegmentAndMatch)->Unit(benchmark::kMillisecond);

// The corpus's sections as the full analysis cuts them (report.hpp), each
// analysed once: the later stages are timed on these.
struct Sections {
  Document doc;
  std::vector<Span> spans;
  std::vector<Analysis> analyses;
};
const Sections& AnalysedSections() {
  static const Sections sections = [] {
    Sections s{Document::FromParts("bbc.txt", InputFormat::kText, Corpus(), Corpus(), {}), {}, {}};
    s.spans = sourcecheck::Sections(s.doc.text());
    for (Span span : s.spans) {
      Analysis a;
      (void)DefaultAnalyzer().Analyze(s.doc, span, &a, Deadline());
      s.analyses.push_back(std::move(a));
    }
    return s;
  }();
  return sections;
}

void BM_Attribute(benchmark::State& state) {
  if (SkipWithoutCorpus(state)) return;
  const Sections& s = AnalysedSections();
  size_t claims = 0;
  // One vector of claims reused from section to section, as the full
  // analysis does (SectionReader).
  std::vector<Claim> c;
  for (auto _ : state) {
    claims = 0;
    for (const Analysis& a : s.analyses) {
      Attribute(DefaultAnalyzer(), s.doc, a, &c);
      claims += c.size();
      benchmark::DoNotOptimize(c.data());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * Corpus().size()));
  state.counters["claims"] = static_cast<double>(claims);
}
BENCHMARK(BM_Attribute)->Unit(benchmark::kMillisecond);

void BM_Score(benchmark::State& state) {
  if (SkipWithoutCorpus(state)) return;
  const Sections& s = AnalysedSections();
  std::vector<std::vector<Claim>> attributed;
  for (const Analysis& a : s.analyses) attributed.push_back(Attribute(DefaultAnalyzer(), s.doc, a));
  for (auto _ : state) {
    state.PauseTiming();
    std::vector<std::vector<Claim>> claims = attributed;
    state.ResumeTiming();
    for (size_t k = 0; k < claims.size(); ++k)
      Score(DefaultAnalyzer().scoring(), DefaultAnalyzer(), s.doc, s.analyses[k], &claims[k]);
    benchmark::DoNotOptimize(claims.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * Corpus().size()));
}
BENCHMARK(BM_Score)->Unit(benchmark::kMillisecond);

// Writing the JSON report of a scored document (the sink only counts bytes).
void BM_WriteJson(benchmark::State& state) {
  if (SkipWithoutCorpus(state)) return;
  const Sections& s = AnalysedSections();
  const Report report = BuildReport(DefaultAnalyzer(), s.doc);
  size_t bytes = 0;
  for (auto _ : state) {
    bytes = 0;
    WriteJson(DefaultAnalyzer(), report, [&bytes](std::string_view piece) { bytes += piece.size(); });
    benchmark::DoNotOptimize(bytes);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * Corpus().size()));
  state.counters["json_bytes"] = static_cast<double>(bytes);
}
BENCHMARK(BM_WriteJson)->Unit(benchmark::kMillisecond);

// Everything `check --format json` does after reading the file.
void BM_FullAnalysisJson(benchmark::State& state) {
  if (SkipWithoutCorpus(state)) return;
  const Document doc = Document::FromParts("bbc.txt", InputFormat::kText, Corpus(), Corpus(), {});
  for (auto _ : state) {
    size_t bytes = 0;
    Result<StreamedReport> r =
        StreamJson(DefaultAnalyzer(), doc, [&bytes](std::string_view piece) { bytes += piece.size(); });
    benchmark::DoNotOptimize(bytes);
    benchmark::DoNotOptimize(r.ok());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * Corpus().size()));
}
BENCHMARK(BM_FullAnalysisJson)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
