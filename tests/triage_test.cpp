// Triage: priorities, the lossless contract (one record per input, in
// order, errors as records), determinism across thread counts, and the
// streaming-filter contract (line in, line out, no stall).
#include "sourcecheck/triage.hpp"

#include <catch2/catch.hpp>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "sourcecheck/triage_run.hpp"

namespace fs = std::filesystem;
using namespace sourcecheck;

namespace {

const Analyzer& DefaultAnalyzer() {
  static const Analyzer analyzer = std::move(Analyzer::Load({})).value();
  return analyzer;
}

// Runs triage over a JSONL text with `jobs` threads; returns the JSON lines.
std::vector<std::string> TriageJsonl(const std::string& jsonl, int jobs, size_t max_bytes = 1 << 20) {
  std::FILE* in = ::fmemopen(const_cast<char*>(jsonl.data()), jsonl.size(), "r");
  REQUIRE(in != nullptr);
  std::unique_ptr<TriageSource> source = MakeJsonlSource(in, "<test>", max_bytes);
  TriageRunOptions options;
  options.jobs = jobs;
  options.read.max_bytes = max_bytes;
  std::vector<std::string> lines;
  std::vector<size_t> indexes;
  RunTriage(DefaultAnalyzer(), TriageModel::Default(), *source, options, [&](size_t index, TriageRecord&& r) {
    indexes.push_back(index);
    lines.push_back(TriageJson(r));
  });
  std::fclose(in);
  for (size_t i = 0; i < indexes.size(); ++i) CHECK(indexes[i] == i);
  return lines;
}

nlohmann::json Json(const std::string& line) { return nlohmann::json::parse(line); }

std::string Doc(const std::string& id, const std::string& text) {
  return nlohmann::json{{"id", id}, {"text", text}}.dump() + "\n";
}

// A mix of documents of every strength, generated.
std::string ManyDocuments(int n) {
  const char* sentences[] = {
      "Sources said the plant would close.",
      "Finance Minister Ana Costa said the budget would balance.",
      "Critics say the plan is unfair.",
      "The bridge opened in 1932.",
      "The talks reportedly collapsed, according to Reuters.",
      "\"We will not back down,\" the mayor, Tom Reyes, told the BBC.",
  };
  std::string out;
  for (int i = 0; i < n; ++i) {
    std::string text;
    for (int k = 0; k <= i % 5; ++k) text += std::string(sentences[(i * 7 + k * 3) % 6]) + " ";
    out += Doc("doc-" + std::to_string(i), text);
  }
  return out;
}

}  // namespace

TEST_CASE("Triage: weakly sourced documents get higher priority", "[triage]") {
  const std::vector<std::string> out = TriageJsonl(
      Doc("weak", "Sources said the plant would close. Critics say it was mismanaged. The talks reportedly failed.") +
          Doc("strong", "Finance Minister Ana Costa said the budget would balance. \"We will not cut pensions this year,\" "
                        "she told reporters."),
      1);
  REQUIRE(out.size() == 2);
  const nlohmann::json weak = Json(out[0]), strong = Json(out[1]);
  CHECK(weak["status"] == "ok");
  CHECK(weak["priority"].get<double>() > strong["priority"].get<double>() + 20);
  CHECK(weak["worst_claims"].size() == 3);
  CHECK(weak["worst_claims"][0]["tier"] == "very_weak");
  CHECK(strong["worst_claims"].empty());
}

TEST_CASE("Triage: every JSONL line yields one record, in order; bad lines become error records", "[triage]") {
  const std::string binary_text = std::string("abc") + '\0' + "def";
  const std::string stream =
      Doc("a", "Sources said the plant would close.") +
      "{not json\n" +
      "\n" +                                           // blank: not a document
      "[1, 2, 3]\n" +                                  // not an object
      "{\"id\": \"no-text\", \"body\": \"x\"}\n" +   // no text field
      Doc("empty", "   \n  ") +
      Doc("binary", binary_text) +
      Doc("huge", std::string(5000, 'x')) +           // over the 4096-byte limit below
      "{\"id\": 7, \"text\": \"Critics say so.\", \"lang\": \"en\", \"tags\": [1]}\n" +
      Doc("z", "The bridge opened in 1932.");
  const std::vector<std::string> out = TriageJsonl(stream, 2, 4096);
  REQUIRE(out.size() == 9);
  std::vector<std::string> status, ids, errors;
  for (const std::string& line : out) {
    const nlohmann::json j = Json(line);
    status.push_back(j["status"]);
    ids.push_back(j["id"]);
    errors.push_back(j.value("error", ""));
  }
  CHECK(status == std::vector<std::string>{"ok", "error", "error", "error", "error", "error", "error", "ok", "ok"});
  CHECK(ids == std::vector<std::string>{"a", "<test>:2", "<test>:4", "no-text", "empty", "binary", "<test>:8", "7", "z"});
  CHECK(errors[1] == "malformed JSON");
  CHECK(errors[2] == "a JSONL line must be an object");
  CHECK(errors[3] == "no string field 'text'");
  CHECK(errors[4] == "empty document");
  CHECK(errors[5] == "<test>:7: binary data (NUL byte at offset 3), not a text draft");
  CHECK(errors[6] == "line is over the limit of 4096 bytes (--max-bytes)");
  // Other fields pass through.
  CHECK(Json(out[7])["fields"] == nlohmann::json{{"lang", "en"}, {"tags", {1}}});
}

TEST_CASE("Triage: output is byte-identical whatever the thread count", "[triage]") {
  const std::string stream = ManyDocuments(300);
  const std::vector<std::string> one = TriageJsonl(stream, 1);
  const std::vector<std::string> two = TriageJsonl(stream, 2);
  const std::vector<std::string> eight = TriageJsonl(stream, 8);
  REQUIRE(one.size() == 300);
  CHECK(one == two);
  CHECK(one == eight);
}

TEST_CASE("Triage: files and directories, hostile ones as error records", "[triage]") {
  const fs::path dir = fs::temp_directory_path() / ("sourcecheck_triage_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir / "sub");
  auto write = [&](const fs::path& p, const std::string& s) { std::ofstream(p, std::ios::binary) << s; };
  write(dir / "a.txt", "Sources said the plant would close.");
  write(dir / "sub" / "b.md", "# Title\n\nFinance Minister Ana Costa said the budget would balance.\n");
  write(dir / "empty.txt", "");
  write(dir / "bad.txt", "caf\xC3(\n");
  write(dir / "big.txt", std::string(3000, 'a'));
  write(dir / "skip.log", "Sources said so.");
  write(dir / "excluded.txt", "Sources said so.");
  FileSelection selection;
  selection.exclude = {"excluded*"};
  std::unique_ptr<TriageSource> source =
      MakeFileSource({dir.string(), (dir / "missing.txt").string()}, selection);
  REQUIRE(source->total() == 6u);
  TriageRunOptions options;
  options.jobs = 2;
  options.read.max_bytes = 2048;
  std::vector<TriageRecord> records;
  const TriageRunStats stats = RunTriage(DefaultAnalyzer(), TriageModel::Default(), *source, options,
                                         [&](size_t, TriageRecord&& r) { records.push_back(std::move(r)); });
  CHECK(stats.records == 6);
  CHECK(stats.errors == 4);
  std::vector<std::string> names;
  for (const TriageRecord& r : records) names.push_back(fs::path(r.path).filename().string() + (r.ok ? "" : "!"));
  CHECK(names == std::vector<std::string>{"a.txt", "bad.txt!", "big.txt!", "empty.txt!", "b.md", "missing.txt!"});
  CHECK(records[1].error.find("invalid UTF-8 at byte 3") != std::string::npos);
  CHECK(records[2].error.find("over the limit") != std::string::npos);
  CHECK(records[5].error.find("No such file or directory") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("Triage: ranking puts errors last and ties in input order", "[triage]") {
  TriageRecord a, b, e;
  a.priority = 50;
  b.priority = 50;
  e.ok = false;
  CHECK(RanksBefore(a, 0, b, 1));
  CHECK_FALSE(RanksBefore(b, 1, a, 0));
  CHECK(RanksBefore(a, 5, e, 0));
  b.priority = 60;
  CHECK(RanksBefore(b, 9, a, 0));
}

TEST_CASE("Triage: CSV quotes what needs quoting", "[triage]") {
  TriageRecord r = TriageError("a,\"b\"", "p", "line one\nline two");
  CHECK(TriageCsvRow(3, r) == "3,\"a,\"\"b\"\"\",p,error,,,,,,,,,,,\"line one\nline two\"\n");
  CHECK(TriageCsvHeader().rfind("rank,id,path,status,priority", 0) == 0);
}

TEST_CASE("Triage: a newsroom triage.yaml is read key by key, errors located", "[triage]") {
  TriageModel model = TriageModel::Default();
  std::vector<Diagnostic> diagnostics;
  model.Read("t/triage.yaml", "version: 1\nkind: triage\nweights:\n  weak: 0.9\n  hedgez: 1\n", &diagnostics);
  CHECK(model.weak == 0.9);
  CHECK(model.anonymous == TriageModel::Default().anonymous);
  CHECK(FormatDiagnostics(diagnostics) ==
        "t/triage.yaml:5:3: error: unknown key 'hedgez' (did you mean 'hedges'?)\n"
        "      hedgez: 1\n"
        "      ^\n");
}

// The streaming-filter contract, on the real binary: each line written to
// `sourcecheck triage - -f jsonl` is answered by one line before the next
// is written (no buffering stall), in order, errors included.
TEST_CASE("Triage CLI: a streaming filter answers line by line", "[triage][cli]") {
  int to_child[2], from_child[2];
  REQUIRE(::pipe(to_child) == 0);
  REQUIRE(::pipe(from_child) == 0);
  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    ::dup2(to_child[0], 0);
    ::dup2(from_child[1], 1);
    ::close(to_child[1]);
    ::close(from_child[0]);
    ::execl(SOURCECHECK_BINARY, SOURCECHECK_BINARY, "triage", "-", "-f", "jsonl", "-j", "2", "-q", nullptr);
    ::_exit(127);
  }
  ::close(to_child[0]);
  ::close(from_child[1]);
  std::string pending;
  auto read_line = [&]() -> std::string {
    while (pending.find('\n') == std::string::npos) {
      pollfd p{from_child[0], POLLIN, 0};
      if (::poll(&p, 1, 20000) <= 0) return "<timeout>";
      char buf[4096];
      const ssize_t n = ::read(from_child[0], buf, sizeof buf);
      if (n <= 0) return "<eof>";
      pending.append(buf, static_cast<size_t>(n));
    }
    const size_t nl = pending.find('\n');
    std::string line = pending.substr(0, nl);
    pending.erase(0, nl + 1);
    return line;
  };
  const std::vector<std::string> inputs = {Doc("one", "Sources said the plant would close."), "{broken\n",
                                           Doc("three", "The bridge opened in 1932.")};
  for (size_t i = 0; i < inputs.size(); ++i) {
    REQUIRE(::write(to_child[1], inputs[i].data(), inputs[i].size()) == static_cast<ssize_t>(inputs[i].size()));
    const std::string line = read_line();
    INFO("answer to line " << i + 1 << ": " << line);
    REQUIRE(line.front() == '{');
    const nlohmann::json j = nlohmann::json::parse(line);
    CHECK(j["path"] == "<stdin>:" + std::to_string(i + 1));
  }
  ::close(to_child[1]);
  CHECK(read_line() == "<eof>");
  int status = 0;
  ::waitpid(pid, &status, 0);
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 1);  // one record was an error
}
