// Triage: rank many documents so the weakest-sourced are read first.
//
// TriageDocument() analyses one document and gives it a priority from 0 to
// 100 (docs/triage.md): the share of weak and very weak claims, reliance on
// anonymous sources, dependence on a single source, hedge density and
// claims resting on other outlets, weighted by a TriageModel read from
// `triage.yaml` (the embedded default, then a --lexicons directory's).
// Documents that cannot be analysed (unreadable, binary, empty, too large,
// invalid UTF-8, a malformed JSONL line) become error records: every input
// yields exactly one record.
//
// Thread safety: a TriageModel is immutable after loading; the functions
// here are pure and may run on many threads with one Analyzer.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "sourcecheck/analyzer.hpp"
#include "sourcecheck/claim.hpp"
#include "sourcecheck/status.hpp"

namespace sourcecheck {

struct TriageModel {
  // Weights of the five signals; they need not sum to 1 (the priority is
  // normalised by their sum).
  double weak = 0;           // share of claims rated weak or very weak
  double anonymous = 0;      // share of attributed claims resting on anonymous sources
  double single_source = 0;  // share of attributed claims resting on the most used source
  double hedges = 0;         // hedges per 100 words, saturating at hedge_saturation
  double outlets = 0;        // share of attributed claims resting on other outlets
  double hedge_saturation = 1;

  // The embedded default model (lexicons/triage.yaml), loaded once.
  static const TriageModel& Default();
  // The embedded default plus each directory's triage.yaml, key by key.
  static Result<TriageModel> Load(const std::vector<std::string>& extra_dirs);
  // Reads one triage file over *this; diagnostics are appended to *out.
  void Read(const std::string& path, std::string_view yaml, std::vector<Diagnostic>* out);
};

// A claim worth a fact-checker's look first.
struct WorstClaim {
  uint32_t id = 0;  // 1-based claim id in the document
  uint32_t line = 0;
  Tier tier = Tier::kUnattributed;
  int score = 0;
  std::string text;    // the claim, cut to a few hundred bytes at a character boundary
  std::string reason;  // its first reason
};

struct TriageRecord {
  std::string id;    // the JSONL id, or the path
  std::string path;  // the file, or "<stdin>:LINE" for a JSONL line
  bool ok = true;
  std::string error;  // why the document could not be analysed
  double priority = 0;  // 0..100, higher is read first
  // The document's figures (meaningful when ok).
  int claims = 0;
  int claims_by_tier[kTierCount] = {};
  double attributed_share = 0;
  double anonymous_share = 0;
  double single_source_share = 0;
  double outlet_share = 0;
  double hedges_per_100_words = 0;
  int score = 0;
  std::vector<std::string> flags;
  std::vector<WorstClaim> worst;  // at most three, weakest first
  // Other fields of a JSONL input line, as a JSON object text ("{}" when none).
  std::string fields = "{}";
};

// Analyses a document read by the caller. With a deadline (see Deadline in
// analyzer.hpp), a document whose analysis outlasts it becomes an error
// record ("analysis stopped after 2000 ms (--timeout-ms) while matching").
TriageRecord TriageDocument(const Analyzer& analyzer, const TriageModel& model,
                            const Document& document, std::string id, const Deadline& deadline = Deadline());
// An error record.
TriageRecord TriageError(std::string id, std::string path, std::string error);

// One JSON object on one line (no newline), keys in a fixed order.
std::string TriageJson(const TriageRecord& record);
// CSV (RFC 4180) header and row; rank is 1-based.
std::string TriageCsvHeader();
std::string TriageCsvRow(size_t rank, const TriageRecord& record);

// Ranking order: errors last, then higher priority first, ties by input
// order (`a_index` < `b_index`).
bool RanksBefore(const TriageRecord& a, size_t a_index, const TriageRecord& b, size_t b_index);

}  // namespace sourcecheck
