// Start-up cost: loading, validating and compiling the embedded lexicons.
#include <benchmark/benchmark.h>

#include "sourcecheck/analyzer.hpp"
#include "sourcecheck/lexicon.hpp"
#include "sourcecheck/matcher.hpp"

namespace {

using namespace sourcecheck;

size_t EmbeddedBytes() {
  size_t n = 0;
  for (const EmbeddedFile& f : EmbeddedLexicons()) n += f.text.size();
  return n;
}

void BM_LoadDefaultLexicons(benchmark::State& state) {
  for (auto _ : state) {
    LexiconBuilder builder;
    builder.AddDefaults();
    Result<Lexicon> lexicon = builder.Build();
    benchmark::DoNotOptimize(lexicon.ok());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * EmbeddedBytes()));
}
BENCHMARK(BM_LoadDefaultLexicons)->Unit(benchmark::kMillisecond);

void BM_LoadAndCompileDefaultLexicons(benchmark::State& state) {
  for (auto _ : state) {
    Result<Lexicon> lexicon = LoadLexicons({});
    Result<Analyzer> analyzer = Analyzer::Create(std::move(lexicon).value());
    benchmark::DoNotOptimize(analyzer.ok());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * EmbeddedBytes()));
}
BENCHMARK(BM_LoadAndCompileDefaultLexicons)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
