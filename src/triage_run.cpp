#include "sourcecheck/triage_run.hpp"

#include <fnmatch.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <filesystem>
#include <mutex>
#include <thread>

namespace sourcecheck {

namespace fs = std::filesystem;

bool GlobMatch(const std::string& pattern, const std::string& name) {
  return ::fnmatch(pattern.c_str(), name.c_str(), 0) == 0;
}

namespace {

bool Selected(const FileSelection& selection, const fs::path& file, const fs::path& root) {
  const std::string name = file.filename().string();
  const std::string relative = file.lexically_relative(root).generic_string();
  auto any = [&](const std::vector<std::string>& globs) {
    return std::any_of(globs.begin(), globs.end(), [&](const std::string& g) {
      return GlobMatch(g, name) || GlobMatch(g, relative);
    });
  };
  if (any(selection.exclude)) return false;
  if (selection.include.empty()) {
    const std::string ext = file.extension().string();
    return ext == ".txt" || ext == ".md" || ext == ".markdown" || ext == ".html" || ext == ".htm";
  }
  return any(selection.include);
}

// "*.txt *.md ..." or "--include *.log, --exclude old*": what a directory's
// files are taken by.
std::string SelectionText(const FileSelection& selection) {
  std::string out;
  auto list = [&](const char* flag, const std::vector<std::string>& globs) {
    if (globs.empty()) return;
    out += (out.empty() ? "" : "; ") + std::string(flag);
    for (const std::string& g : globs) out += " " + g;
  };
  if (selection.include.empty()) out = "taken: *.txt *.md *.markdown *.html *.htm";
  list("--include", selection.include);
  list("--exclude", selection.exclude);
  return out;
}

class FileSource : public TriageSource {
 public:
  FileSource(const std::vector<std::string>& paths, const FileSelection& selection) {
    for (const std::string& p : paths) {
      std::error_code ec;
      if (!fs::is_directory(p, ec)) {
        jobs_.push_back({TriageJob::Kind::kFile, p, ""});
        continue;
      }
      std::vector<std::string> found;
      fs::recursive_directory_iterator it(p, fs::directory_options::skip_permission_denied, ec);
      for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        std::error_code type_ec;
        if (it->is_regular_file(type_ec) && Selected(selection, it->path(), p))
          found.push_back(it->path().string());
      }
      if (ec) {
        jobs_.push_back({TriageJob::Kind::kError, p, "cannot list directory: " + ec.message()});
        continue;
      }
      // A directory named on the command line answers for itself: one with
      // nothing to triage is an error record, not silence.
      if (found.empty()) {
        jobs_.push_back({TriageJob::Kind::kError, p, p + ": no file to triage in this directory (" +
                                                       SelectionText(selection) + ")"});
        continue;
      }
      std::sort(found.begin(), found.end());
      for (std::string& f : found) jobs_.push_back({TriageJob::Kind::kFile, std::move(f), ""});
    }
  }
  bool Next(TriageJob* job) override {
    if (next_ >= jobs_.size()) return false;
    *job = std::move(jobs_[next_++]);
    return true;
  }
  std::optional<size_t> total() const override { return jobs_.size(); }

 private:
  std::vector<TriageJob> jobs_;
  size_t next_ = 0;
};

class JsonlSource : public TriageSource {
 public:
  JsonlSource(std::FILE* in, std::string name, size_t max_line_bytes)
      : in_(in), name_(std::move(name)), max_(max_line_bytes) {}

  bool Next(TriageJob* job) override {
    while (true) {
      std::string line;
      bool too_long = false;
      int c;
      bool any = false;
      // getc_unlocked: the source is read from one thread only.
      while ((c = getc_unlocked(in_)) != EOF) {
        any = true;
        if (c == '\n') break;
        if (line.size() < max_) line += static_cast<char>(c);
        else too_long = true;
      }
      if (!any) return false;
      ++line_number_;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line.find_first_not_of(" \t") == std::string::npos && !too_long) continue;
      job->path = name_ + ":" + std::to_string(line_number_);
      if (too_long) {
        job->kind = TriageJob::Kind::kError;
        job->payload = "line is over the limit of " + std::to_string(max_) + " bytes (--max-bytes)";
      } else {
        job->kind = TriageJob::Kind::kJsonLine;
        job->payload = std::move(line);
      }
      return true;
    }
  }

 private:
  std::FILE* in_;
  std::string name_;
  size_t max_;
  size_t line_number_ = 0;
};

// Reads, checks and analyses one job. Never throws: anything wrong is an
// error record.
TriageRecord Process(const Analyzer& analyzer, const TriageModel& model, const TriageRunOptions& options,
                     TriageJob& job) {
  if (job.kind == TriageJob::Kind::kError) return TriageError(job.path, job.path, job.payload);
  const Deadline deadline = Deadline::In(options.timeout);
  // A NUL byte near the start means a binary file, not a draft.
  ReadOptions read = options.read;
  read.refuse_binary = true;
  std::string id = job.path;
  std::string fields = "{}";
  Result<Document> doc = Status::Error("unread");
  if (job.kind == TriageJob::Kind::kFile) {
    doc = ReadFile(job.path, read);
  } else {
    nlohmann::json j = nlohmann::json::parse(job.payload, nullptr, false);
    if (j.is_discarded() || !j.is_object())
      return TriageError(id, job.path, j.is_discarded() ? "malformed JSON" : "a JSONL line must be an object");
    if (j.contains(options.id_field)) {
      const nlohmann::json& v = j[options.id_field];
      id = v.is_string() ? v.get<std::string>() : v.dump();
    }
    if (!j.contains(options.text_field) || !j[options.text_field].is_string())
      return TriageError(id, job.path, "no string field '" + options.text_field + "'");
    std::string text = j[options.text_field].get<std::string>();
    j.erase(options.text_field);
    j.erase(options.id_field);
    fields = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    doc = ReadDocument(job.path, std::move(text), read);
  }
  if (!doc.ok()) return TriageError(id, job.path, doc.status().message());
  if (doc->text().find_first_not_of(" \t\r\n\f\v") == std::string::npos)
    return TriageError(id, job.path, "empty document");
  TriageRecord r = TriageDocument(analyzer, model, *doc, id, deadline);
  r.path = job.path;
  r.fields = std::move(fields);
  return r;
}

}  // namespace

std::unique_ptr<TriageSource> MakeFileSource(const std::vector<std::string>& paths,
                                             const FileSelection& selection) {
  return std::make_unique<FileSource>(paths, selection);
}

std::unique_ptr<TriageSource> MakeJsonlSource(std::FILE* in, std::string name, size_t max_line_bytes) {
  return std::make_unique<JsonlSource>(in, std::move(name), max_line_bytes);
}

TriageRunStats RunTriage(const Analyzer& analyzer, const TriageModel& model, TriageSource& source,
                         const TriageRunOptions& options,
                         const std::function<void(size_t, TriageRecord&&)>& sink) {
  const int workers = std::max(1, options.jobs);
  // Jobs in flight (read but not yet handed to the sink): the bound on
  // memory. Large enough to keep every worker busy while a slow document
  // holds the head of the line.
  const size_t window = static_cast<size_t>(workers) * 8 + 8;

  std::mutex mu;
  std::condition_variable can_read;   // the window has room
  std::condition_variable has_job;    // a job is queued, or input ended
  std::condition_variable has_result; // the next record to emit is ready
  std::deque<std::pair<size_t, TriageJob>> queue;
  std::vector<std::optional<TriageRecord>> ready(window);
  size_t read = 0;     // jobs read so far
  size_t emitted = 0;  // records handed to the sink
  bool input_done = false;
  const std::optional<size_t> total = source.total();

  std::vector<std::thread> pool;
  for (int w = 0; w < workers; ++w) {
    pool.emplace_back([&] {
      while (true) {
        std::pair<size_t, TriageJob> item;
        {
          std::unique_lock<std::mutex> lock(mu);
          has_job.wait(lock, [&] { return !queue.empty() || input_done; });
          if (queue.empty()) return;
          item = std::move(queue.front());
          queue.pop_front();
        }
        TriageRecord record;
        try {
          record = Process(analyzer, model, options, item.second);
        } catch (const std::exception& e) {
          record = TriageError(item.second.path, item.second.path, std::string("internal error: ") + e.what());
        }
        {
          std::lock_guard<std::mutex> lock(mu);
          ready[item.first % window] = std::move(record);
        }
        has_result.notify_all();
      }
    });
  }

  // The sink runs on its own thread so that records leave as soon as they
  // are ready, even while the reader waits for more input.
  TriageRunStats stats;
  std::thread emitter([&] {
    while (true) {
      TriageRecord record;
      size_t index;
      {
        std::unique_lock<std::mutex> lock(mu);
        has_result.wait(lock, [&] { return ready[emitted % window].has_value() || (input_done && emitted == read); });
        if (!ready[emitted % window].has_value()) return;
        record = std::move(*ready[emitted % window]);
        ready[emitted % window].reset();
        index = emitted;
      }
      ++stats.records;
      if (!record.ok) ++stats.errors;
      sink(index, std::move(record));
      {
        std::lock_guard<std::mutex> lock(mu);
        ++emitted;
      }
      can_read.notify_one();
      if (options.progress) options.progress(index + 1, total);
    }
  });

  TriageJob job;
  while (source.Next(&job)) {
    std::unique_lock<std::mutex> lock(mu);
    can_read.wait(lock, [&] { return read - emitted < window; });
    queue.emplace_back(read++, std::move(job));
    lock.unlock();
    has_job.notify_one();
  }
  {
    std::lock_guard<std::mutex> lock(mu);
    input_done = true;
  }
  has_job.notify_all();
  has_result.notify_all();
  for (std::thread& t : pool) t.join();
  has_result.notify_all();
  emitter.join();
  return stats;
}

}  // namespace sourcecheck
