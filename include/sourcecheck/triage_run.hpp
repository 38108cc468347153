// Running triage over many documents: parallel, streaming, losing nothing.
//
// A TriageSource yields documents one at a time (files and directories, or
// the lines of a JSONL stream). RunTriage() analyses them on `jobs` worker
// threads and hands every record to the sink in input order, from a single
// thread, as soon as it and all records before it are done: memory holds
// at most a window of documents in flight whatever the input's length, and
// a streaming consumer sees each record without waiting for the next input.
// Every document yields exactly one record; one that cannot be analysed
// yields an error record, and the run goes on.
//
// Thread safety: RunTriage() may be called from any thread; the source is
// read from one thread, the sink called from one thread.
#pragma once

#include <chrono>
#include <cstdio>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "sourcecheck/analyzer.hpp"
#include "sourcecheck/triage.hpp"

namespace sourcecheck {

// One unit of input, as the source read it; the worker does the rest
// (reading the file, parsing the JSON line, analysing).
struct TriageJob {
  enum class Kind { kFile, kJsonLine, kError } kind = Kind::kFile;
  std::string path;     // the file, or "<stdin>:LINE"
  std::string payload;  // the JSON line, or the error for kError
};

class TriageSource {
 public:
  virtual ~TriageSource() = default;
  // The next job; false at the end of the input.
  virtual bool Next(TriageJob* job) = 0;
  // How many jobs there will be, when known in advance (for progress).
  virtual std::optional<size_t> total() const { return std::nullopt; }
};

struct FileSelection {
  std::vector<std::string> include;  // globs on file names or relative paths; empty: *.txt, *.md, *.markdown, *.html, *.htm
  std::vector<std::string> exclude;  // globs that drop a file
};

// Files and directories (recursive; files inside directories are filtered by
// `selection` and sorted by path, so the order never depends on the file
// system). A path that does not exist or cannot be listed becomes an error
// job, and so does a directory with no file selected ("notes: no file to
// triage in this directory (taken: *.txt *.md *.markdown *.html *.htm)").
std::unique_ptr<TriageSource> MakeFileSource(const std::vector<std::string>& paths,
                                             const FileSelection& selection);

// The lines of a JSONL stream; `name` names it in paths ("<stdin>"). A line
// longer than max_line_bytes becomes an error job without being held in
// memory. Blank lines are skipped (they are not documents).
std::unique_ptr<TriageSource> MakeJsonlSource(std::FILE* in, std::string name, size_t max_line_bytes);

struct TriageRunOptions {
  int jobs = 1;
  ReadOptions read;            // format and max_bytes for every document
  // Time allowed for each document, from the moment a worker takes it
  // (reading and analysis); zero: no limit. A document that outlasts it
  // becomes an error record and the worker moves on (see Deadline).
  std::chrono::milliseconds timeout{0};
  std::string id_field = "id";
  std::string text_field = "text";
  // Called from the sink's thread after each record (count so far, total if
  // known); for progress display.
  std::function<void(size_t, std::optional<size_t>)> progress;
};

struct TriageRunStats {
  size_t records = 0;
  size_t errors = 0;
};

// Runs the jobs of `source`; `sink(index, record)` receives every record in
// input order (index from 0).
TriageRunStats RunTriage(const Analyzer& analyzer, const TriageModel& model, TriageSource& source,
                         const TriageRunOptions& options,
                         const std::function<void(size_t, TriageRecord&&)>& sink);

// Glob matching with *, ? and [...] (fnmatch, no special meaning for /).
bool GlobMatch(const std::string& pattern, const std::string& name);

}  // namespace sourcecheck
