// Text engine throughput over the BBC corpus (../shared/corpus/bbc): reading,
// tokenizing, segmenting, and segmenting plus matching with the default
// lexicons. Skips, saying so, when the corpus is absent.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <new>
#include <sstream>

#include "sourcecheck/analyzer.hpp"

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

}  // namespace

BENCHMARK_MAIN();
