// The fuzz targets' bodies, shared by the libFuzzer programs (tests/fuzz,
// built with SOURCECHECK_FUZZ=ON) and the Catch2 test that replays every
// saved crasher (tests/fuzz_regression_test.cpp), so a regression runs in
// the ordinary suite and in the sanitizer build.
//
// Each function takes arbitrary bytes, drives one public entry point the
// way a user's input would, and checks what must hold whatever the input
// (offsets in range, JSON that parses, one triage record per line). A
// broken invariant calls FuzzFail(), which aborts: libFuzzer and the
// sanitizers report it as a crash with its stack.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace sourcecheck::fuzz {

// The targets by name: "lexicon", "read_document", "report", "triage_jsonl".
using Target = void (*)(const uint8_t* data, size_t size);
// The target called `name`; nullptr when there is none.
Target FindTarget(std::string_view name);

// YAML bytes to LexiconBuilder::AddText + Build (and the compiled matcher
// over a short draft), ScoringModel::Read or TriageModel::Read.
void FuzzLexicon(const uint8_t* data, size_t size);
// Bytes to ReadDocument as text, Markdown or HTML, with and without
// replacement of invalid UTF-8; checks the offset maps.
void FuzzReadDocument(const uint8_t* data, size_t size);
// Bytes to ReadDocument, BuildReport and RenderJson with the default
// lexicons; checks the JSON parses and every span is inside the text.
void FuzzReport(const uint8_t* data, size_t size);
// Bytes as a JSONL stream (fmemopen) to MakeJsonlSource and RunTriage with
// one or two workers; checks one record per non-blank line, in order.
void FuzzTriageJsonl(const uint8_t* data, size_t size);

}  // namespace sourcecheck::fuzz
