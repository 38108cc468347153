// sourcecheck triage: rank many documents, weakest-sourced first.
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <limits>
#include <thread>

#include "cli/common.hpp"
#include "sourcecheck/triage_run.hpp"

namespace sourcecheck::cli {

namespace {

struct TriageOptions {
  std::vector<std::string> paths;
  int jobs = 0;  // 0: one per core
  std::string format = "table";
  size_t top = 0;  // 0: all
  FileSelection selection;
  std::string id_field = "id";
  std::string text_field = "text";
  int64_t timeout_ms = 10000;
  bool quiet = false;
};

void Write(const std::string& s) { std::fwrite(s.data(), 1, s.size(), stdout); }

// "\r triage 1234/2225 (55%)  850 docs/s  ETA 1s", at most ten times a second.
class Progress {
 public:
  void Update(size_t done, std::optional<size_t> total, bool final) {
    const auto now = std::chrono::steady_clock::now();
    if (!final && now - last_ < std::chrono::milliseconds(100)) return;
    last_ = now;
    const double seconds = std::chrono::duration<double>(now - start_).count();
    const double rate = seconds > 0 ? static_cast<double>(done) / seconds : 0;
    char line[160];
    if (total && *total > 0) {
      const double eta = rate > 0 ? static_cast<double>(*total - std::min(done, *total)) / rate : 0;
      std::snprintf(line, sizeof line, "\rtriage %zu/%zu (%3.0f%%)  %.0f docs/s  ETA %.0fs   ", done, *total,
                    100.0 * static_cast<double>(done) / static_cast<double>(*total), rate, eta);
    } else {
      std::snprintf(line, sizeof line, "\rtriage %zu  %.0f docs/s   ", done, rate);
    }
    std::fputs(line, stderr);
    if (final) std::fputs("\n", stderr);
  }

 private:
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point last_{};
};

std::string TableRow(size_t rank, const TriageRecord& r) {
  char buf[96];
  if (!r.ok) {
    std::snprintf(buf, sizeof buf, "%5s  %8s  %5s  %6s  %4s  %6s  %5s  ", "-", "error", "", "", "", "", "");
    // A file's error already starts with its path (its id); a JSONL
    // record's names the line, so its id goes first.
    const bool named = r.error.compare(0, r.id.size() + 1, r.id + ":") == 0;
    return buf + (named ? r.error : r.id + ": " + r.error) + "\n";
  }
  const int weak = r.claims_by_tier[static_cast<int>(Tier::kWeak)];
  const int very_weak = r.claims_by_tier[static_cast<int>(Tier::kVeryWeak)];
  std::snprintf(buf, sizeof buf, "%5zu  %8.1f  %5d  %6d  %4d  %6d  %4.0f%%  ", rank, r.priority, r.score, r.claims,
                weak, very_weak, 100.0 * r.anonymous_share);
  return buf + r.id + "\n";
}

int RunTriageCommand(const CommonOptions& common, const TriageOptions& options, const InputOptions& input) {
  const bool stdin_input = std::find(options.paths.begin(), options.paths.end(), "-") != options.paths.end();
  if (stdin_input && options.paths.size() > 1) {
    std::cerr << "sourcecheck triage: '-' (a JSONL stream on standard input) must be the only input\n";
    return kExitError;
  }
  std::optional<Analyzer> analyzer = MakeAnalyzer(common);
  if (!analyzer) return kExitError;
  Result<TriageModel> model = TriageModel::Load(common.lexicon_dirs);
  if (!model.ok()) {
    std::cerr << model.status().ToString() << "sourcecheck: " << model.status().message() << "\n";
    return kExitError;
  }

  TriageRunOptions run;
  run.jobs = options.jobs > 0 ? options.jobs : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  run.read = input.Resolved();
  run.timeout = std::chrono::milliseconds(options.timeout_ms);
  // A JSONL line holds one document, escaped: the same limit, and with no
  // limit (0) the most a document may have.
  const size_t max_line = run.read.max_bytes > 0 ? run.read.max_bytes : kMaxDocumentBytes;
  run.id_field = options.id_field;
  run.text_field = options.text_field;
  Progress progress;
  const bool show_progress = !options.quiet && ::isatty(STDERR_FILENO);
  if (show_progress) run.progress = [&](size_t done, std::optional<size_t> total) { progress.Update(done, total, false); };

  std::unique_ptr<TriageSource> source = stdin_input ? MakeJsonlSource(stdin, "<stdin>", max_line)
                                                     : MakeFileSource(options.paths, options.selection);

  // JSONL without --top streams: each record leaves in input order as soon
  // as it is ready, flushed at once unless the output is a regular file.
  const bool streaming = options.format == "jsonl" && options.top == 0;
  struct stat st{};
  const bool to_file = ::fstat(STDOUT_FILENO, &st) == 0 && S_ISREG(st.st_mode);
  // Ranked outputs keep what the ranking needs: with --top N, the N best
  // so far; without it, every record, but without its claims' text.
  std::vector<std::pair<TriageRecord, size_t>> kept;
  auto worse = [](const std::pair<TriageRecord, size_t>& a, const std::pair<TriageRecord, size_t>& b) {
    return RanksBefore(a.first, a.second, b.first, b.second);
  };
  const TriageRunStats stats = RunTriage(*analyzer, *model, *source, run, [&](size_t index, TriageRecord&& r) {
    if (streaming) {
      Write(TriageJson(r) + "\n");
      if (!to_file) std::fflush(stdout);
      return;
    }
    if (options.format != "jsonl") {
      r.worst.clear();
      r.fields = "{}";
    }
    kept.emplace_back(std::move(r), index);
    if (options.top > 0) {
      std::push_heap(kept.begin(), kept.end(), worse);
      if (kept.size() > options.top) {
        std::pop_heap(kept.begin(), kept.end(), worse);
        kept.pop_back();
      }
    }
  });
  if (show_progress) progress.Update(stats.records, source->total(), true);

  if (!streaming) {
    std::sort(kept.begin(), kept.end(), worse);
    if (options.format == "csv") Write(TriageCsvHeader());
    if (options.format == "table")
      Write("rank  priority  score  claims  weak  v.weak  anon  document\n");
    for (size_t i = 0; i < kept.size(); ++i) {
      const TriageRecord& r = kept[i].first;
      if (options.format == "csv") Write(TriageCsvRow(i + 1, r));
      else if (options.format == "jsonl") Write(TriageJson(r) + "\n");
      else Write(TableRow(i + 1, r));
    }
    if (options.format == "table") {
      Write(std::to_string(stats.records) + (stats.records == 1 ? " document" : " documents") + ", " +
            std::to_string(stats.errors) + (stats.errors == 1 ? " error" : " errors") +
            (options.top > 0 && options.top < stats.records ? "; the top " + std::to_string(options.top) + " shown" : "") +
            "\n");
    }
  }
  std::fflush(stdout);
  return stats.errors > 0 ? kExitFindings : kExitOk;
}

}  // namespace

Command AddTriageCommand(CLI::App* app, CommonOptions* common, InputOptions* input) {
  auto options = std::make_shared<TriageOptions>();
  CLI::App* cmd = app->add_subcommand("triage", "Rank many documents, weakest-sourced first");
  cmd->add_option("paths", options->paths,
                  "Files and directories (recursive), or '-' for a JSONL stream on standard input")
      ->required();
  cmd->add_option("-j,--jobs", options->jobs, "Worker threads (default: one per core)")->check(CLI::Range(1, 256));
  cmd->add_option("-f,--format", options->format, "table (ranked), csv (ranked) or jsonl (input order; ranked with --top)")
      ->check(CLI::IsMember({"table", "csv", "jsonl"}));
  cmd->add_option("--top", options->top, "Keep only the N highest priorities");
  // One glob per flag, so that `--include '*.log' logs/` leaves logs/ to the paths.
  cmd->add_option("--include", options->selection.include,
                  "Glob of files to take from directories (repeatable; default *.txt *.md *.markdown *.html *.htm)")
      ->allow_extra_args(false);
  cmd->add_option("--exclude", options->selection.exclude, "Glob of files to skip in directories (repeatable)")
      ->allow_extra_args(false);
  cmd->add_option("--id-field", options->id_field, "JSONL field holding the document's id (default: id)");
  cmd->add_option("--text-field", options->text_field, "JSONL field holding the document's text (default: text)");
  cmd->add_option("--timeout-ms", options->timeout_ms,
                  "Time allowed per document; one that takes longer becomes an error record (default 10000; 0: none)")
      ->check(CLI::Range(int64_t{0}, std::numeric_limits<int64_t>::max()));
  cmd->add_flag("-q,--quiet", options->quiet, "No progress bar, even on a terminal");
  AddCommonOptions(cmd, common);
  AddInputOptions(cmd, input);
  return {cmd, [=] { return RunTriageCommand(*common, *options, *input); }};
}

}  // namespace sourcecheck::cli
