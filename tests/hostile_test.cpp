// Hostile inputs (docs/hostile-inputs.md): whatever a user feeds sourcecheck,
// the answer is a clear message naming the input and an exit code, or a
// correct report; never a crash, a hang or a silent drop. Most cases run the
// built binary, as a user meets them; large inputs are generated here, at
// run time, in a temporary directory.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "sourcecheck/analyzer.hpp"
#include "sourcecheck/report.hpp"
#include "sourcecheck/triage.hpp"
#include "sourcecheck/triage_run.hpp"

namespace fs = std::filesystem;
using namespace sourcecheck;
using namespace std::string_literals;  // inputs with NUL bytes

namespace {

// A fresh directory for one test case, removed afterwards.
class TempDir {
 public:
  TempDir() {
    static int n = 0;
    path_ = fs::temp_directory_path() /
            ("sourcecheck_hostile_" + std::to_string(::getpid()) + "_" + std::to_string(++n));
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const fs::path& path() const { return path_; }
  // Writes `bytes` to `name` in the directory; returns its path.
  std::string Write(const std::string& name, const std::string& bytes) const {
    const fs::path p = path_ / name;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << bytes;
    return p.string();
  }

 private:
  fs::path path_;
};

struct Run {
  int status = -1;  // the exit code; 124 when it had to be killed (a hang)
  std::string out;
  std::string err;
  double seconds = 0;
};

// Runs the binary with `args` (shell-quoted) from the source directory, with
// `input` on standard input, killed after `limit_s` seconds. `before` is a
// shell command run first (in the same shell).
Run Sourcecheck(const std::string& args, const std::string& input = "", int limit_s = 60,
                const std::string& before = "") {
  static int n = 0;
  const std::string tag = std::to_string(::getpid()) + "_" + std::to_string(++n);
  const fs::path err_file = fs::temp_directory_path() / ("sourcecheck_hostile_err_" + tag);
  const fs::path in_file = fs::temp_directory_path() / ("sourcecheck_hostile_in_" + tag);
  std::ofstream(in_file, std::ios::binary) << input;
  const std::string cmd = "cd '" SOURCECHECK_SOURCE_DIR "' && " + (before.empty() ? "" : before + "; ") +
                          "timeout -k 5 " + std::to_string(limit_s) + " '" SOURCECHECK_BINARY "' " + args +
                          " <'" + in_file.string() + "' 2>'" + err_file.string() + "'";
  Run r;
  const auto start = std::chrono::steady_clock::now();
  FILE* pipe = ::popen(cmd.c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::array<char, 65536> buf{};
  size_t got;
  while ((got = std::fread(buf.data(), 1, buf.size(), pipe)) > 0) r.out.append(buf.data(), got);
  const int raw = ::pclose(pipe);
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  std::ifstream e(err_file, std::ios::binary);
  std::ostringstream s;
  s << e.rdbuf();
  r.err = s.str();
  fs::remove(err_file);
  fs::remove(in_file);
  return r;
}

bool Has(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

nlohmann::json Json(const std::string& text) { return nlohmann::json::parse(text); }

// The records of `triage -f jsonl` output, one per line.
std::vector<nlohmann::json> Records(const std::string& out) {
  std::vector<nlohmann::json> records;
  std::istringstream in(out);
  for (std::string line; std::getline(in, line);) records.push_back(Json(line));
  return records;
}

const Analyzer& DefaultAnalyzer() {
  static const Analyzer analyzer = std::move(Analyzer::Load({})).value();
  return analyzer;
}

// `n` short sentences, each its own claim.
std::string TinySentences(size_t n) {
  std::string s;
  s.reserve(n * 8);
  for (size_t i = 0; i < n; ++i) s += "Yes. ";
  return s;
}

// A hedges.yaml with one entry (the fields every entry needs) plus `extra`.
std::string HedgeEntry(const std::string& id, const std::string& match, const std::string& extra = "") {
  return "  - id: " + id + "\n    " + match + "\n    category: adverb\n    note: Say who.\n" +
         "    examples: [It reportedly fell.]\n    counterexamples: [It fell.]\n" + extra;
}

const std::string kHedgesHeader = "version: 1\nfamily: hedges\nentries:\n";

}  // namespace

TEST_CASE("Hostile: an empty or blank draft is an empty report; triage calls it an error", "[hostile]") {
  TempDir dir;
  for (const auto& [name, bytes] : std::vector<std::pair<std::string, std::string>>{
           {"empty.txt", ""}, {"blank.txt", "  \n\t\n\r\n   "}, {"blank.md", "\n\n   \n"},
           {"tags.html", "<html><body><p> </p></body></html>"}}) {
    CAPTURE(name);
    const std::string path = dir.Write(name, bytes);
    const Run check = Sourcecheck("check -f json '" + path + "'");
    CHECK(check.status == 0);
    const nlohmann::json report = Json(check.out);
    CHECK(report["claims"].empty());
    CHECK(report["summary"]["claims"] == 0);

    const Run triage = Sourcecheck("triage -f jsonl -q '" + path + "'");
    CHECK(triage.status == 1);
    const std::vector<nlohmann::json> records = Records(triage.out);
    REQUIRE(records.size() == 1);
    CHECK(records[0]["error"] == "empty document");
  }
}

TEST_CASE("Hostile: a binary file is refused, naming it", "[hostile]") {
  TempDir dir;
  // A PNG header: NUL bytes from offset 8.
  const std::string png = dir.Write("photo.txt", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16) + std::string(100, 'x'));
  const Run check = Sourcecheck("check '" + png + "'");
  CHECK(check.status == 2);
  CHECK(Has(check.err, png + ": binary data (NUL byte at offset 8), not a text draft"));
  CHECK(check.out.empty());

  // UTF-16 text is binary to a UTF-8 reader.
  const std::string utf16 = dir.Write("utf16.txt", std::string("\xFF\xFEH\0i\0", 6));
  const Run u = Sourcecheck("check '" + utf16 + "'");
  CHECK(u.status == 2);
  CHECK(Has(u.err, utf16 + ": binary data (NUL byte at offset 3)"));

  const Run triage = Sourcecheck("triage -f jsonl -q '" + png + "'");
  CHECK(triage.status == 1);
  REQUIRE(Records(triage.out).size() == 1);
  CHECK(Records(triage.out)[0]["error"] == png + ": binary data (NUL byte at offset 8), not a text draft");
  // The table names the file once (its error already starts with the path).
  const Run table = Sourcecheck("triage -q '" + png + "'");
  CHECK(table.status == 1);
  CHECK(Has(table.out, "  " + png + ": binary data (NUL byte at offset 8), not a text draft\n"));
  CHECK_FALSE(Has(table.out, png + ": " + png));

  // Random bytes without NUL are invalid UTF-8.
  std::string noise;
  for (int i = 0; i < 4096; ++i) noise += static_cast<char>(0x80 + (i * 37) % 0x7F);
  const std::string random = dir.Write("noise.txt", noise);
  const Run r = Sourcecheck("check '" + random + "'");
  CHECK(r.status == 2);
  CHECK(Has(r.err, random + ":1:1: error: invalid UTF-8 at byte 0: stray continuation byte (80)"));
}

TEST_CASE("Hostile: NUL bytes past the first 8 KiB read as spaces", "[hostile]") {
  TempDir dir;
  const std::string path =
      dir.Write("late_nul.txt", std::string(9000, ' ') + "Sources said\0the talks had collapsed.\n"s);
  const Run check = Sourcecheck("check -f json '" + path + "'");
  CHECK(check.status == 0);
  const nlohmann::json report = Json(check.out);
  REQUIRE(report["claims"].size() == 1);
  CHECK(report["claims"][0]["attributions"][0]["kind"] == "anonymous_bare");
  // Standard input gets the same rule.
  const Run in = Sourcecheck("check -", "a\0b"s);
  CHECK(in.status == 2);
  CHECK(Has(in.err, "<stdin>: binary data (NUL byte at offset 1)"));
}

TEST_CASE("Hostile: each kind of invalid UTF-8 is located, or replaced on request", "[hostile]") {
  auto [bytes, message] = GENERATE(table<std::string, std::string>({
      {"Officials said \xC0\xAF it.", "bad.txt:1:16: error: invalid UTF-8 at byte 15: overlong encoding (C0 AF)"},
      {"Officials said \xE0\x80\xAF it.", "bad.txt:1:16: error: invalid UTF-8 at byte 15: overlong encoding (E0 80 AF)"},
      {"Officials said \xED\xA0\x80 it.", "bad.txt:1:16: error: invalid UTF-8 at byte 15: UTF-16 surrogate (ED A0 80)"},
      {"Officials said \xED\xBF\xBF it.", "bad.txt:1:16: error: invalid UTF-8 at byte 15: UTF-16 surrogate (ED BF BF)"},
      {"Officials said \xE2\x82", "bad.txt:1:16: error: invalid UTF-8 at byte 15: truncated sequence (E2 82)"},
      {"Officials said \xF0\x9F\x98 it.", "bad.txt:1:16: error: invalid UTF-8 at byte 15: truncated sequence (F0 9F 98)"},
      {"Officials said \x80 it.", "bad.txt:1:16: error: invalid UTF-8 at byte 15: stray continuation byte (80)"},
      {"Officials said \xF4\x90\x80\x80 it.", "bad.txt:1:16: error: invalid UTF-8 at byte 15: code point above U+10FFFF (F4 90 80 80)"},
      {"Officials said \xFE it.", "bad.txt:1:16: error: invalid UTF-8 at byte 15: byte never used in UTF-8 (FE)"},
  }));
  CAPTURE(message);
  TempDir dir;
  const std::string path = dir.Write("bad.txt", bytes);
  const Run check = Sourcecheck("check '" + path + "'");
  CHECK(check.status == 2);
  // The compiler form alone, which editors and `vim -q` read.
  CHECK(check.err == dir.path().string() + "/" + message + "\n");

  const Run replaced = Sourcecheck("check -f json --replace-invalid-utf8 '" + path + "'");
  CHECK(replaced.status == 0);
  const nlohmann::json report = Json(replaced.out);
  REQUIRE(report["claims"].size() == 1);
  CHECK(Has(report["claims"][0]["text"].get<std::string>(), "\xEF\xBF\xBD"));

  const Run triage = Sourcecheck("triage -f jsonl -q '" + path + "'");
  CHECK(triage.status == 1);
  CHECK(Has(Records(triage.out).at(0)["error"].get<std::string>(), "invalid UTF-8 at byte 15"));
}

TEST_CASE("Hostile: a 50 MB single line is refused by default and analysed in linear time when allowed",
          "[hostile][large]") {
  TempDir dir;
  // Words and commas, no full stop and no line break. The segmenter cuts
  // it into pieces of about a thousand tokens (segment.hpp), so every
  // stage stays linear.
  std::string line;
  line.reserve(50u << 20);
  while (line.size() < (50u << 20)) line += "officials said the talks went on, ";
  const std::string size = std::to_string(line.size());
  const std::string path = dir.Write("line.txt", line);
  line.clear();
  line.shrink_to_fit();

  const Run refused = Sourcecheck("check '" + path + "'");
  CHECK(refused.status == 2);
  CHECK(Has(refused.err, path + ": " + size + " bytes is over the limit of 16777216 bytes (--max-bytes)"));

  const Run triage = Sourcecheck("triage -f jsonl -q --max-bytes 64MB --timeout-ms 0 '" + path + "'", "", 120);
  CHECK(triage.status == 0);
  const std::vector<nlohmann::json> records = Records(triage.out);
  REQUIRE(records.size() == 1);
  CHECK(records[0]["summary"]["claims"] > 10000);
}

TEST_CASE("Hostile: a million tiny sentences are a million claims", "[hostile][large]") {
  TempDir dir;
  const std::string path = dir.Write("tiny.txt", TinySentences(1'000'000));
  const Run r = Sourcecheck("triage -f jsonl -q --timeout-ms 0 '" + path + "'", "", 120);
  CHECK(r.status == 0);
  const std::vector<nlohmann::json> records = Records(r.out);
  REQUIRE(records.size() == 1);
  CHECK(records[0]["summary"]["claims"] == 1'000'000);
  CHECK(records[0]["summary"]["claims_by_tier"]["unattributed"] == 1'000'000);
}

TEST_CASE("Hostile: a thousand claims and more keep the summary's columns apart", "[hostile]") {
  // Counts of four digits and more once ran into the tier's name
  // ("unattributed1000000").
  const Run r = Sourcecheck("check --color never -", TinySentences(1500));
  CHECK(r.status == 0);
  CHECK(Has(r.out, "\n  strong          0\n"));
  CHECK(Has(r.out, "\n  unattributed 1500  "));
}

TEST_CASE("Hostile: deeply nested HTML and Markdown are read without recursion", "[hostile]") {
  TempDir dir;
  std::string html;
  for (int i = 0; i < 100000; ++i) html += "<div><b>";
  html += "Officials said the talks had collapsed.";
  for (int i = 0; i < 100000; ++i) html += "</b></div>";
  std::string quotes(100000, '>');
  std::string lists;
  for (int i = 0; i < 20000; ++i) lists += std::string(static_cast<size_t>(i % 400) * 2, ' ') + "- item\n";
  std::string emphasis = std::string(50000, '*') + "Sources said so." + std::string(50000, '*');
  std::string links;
  for (int i = 0; i < 50000; ++i) links += "[";
  links += "Critics say it failed.";
  for (int i = 0; i < 50000; ++i) links += "](x)";
  for (const auto& [name, bytes] : std::vector<std::pair<std::string, std::string>>{
           {"nested.html", html},
           {"quotes.md", quotes + " Officials said the talks had collapsed.\n"},
           {"lists.md", lists},
           {"emphasis.md", emphasis},
           {"links.md", links}}) {
    CAPTURE(name);
    const Run r = Sourcecheck("check -f json '" + dir.Write(name, bytes) + "'");
    CHECK(r.status == 0);
    CHECK_NOTHROW(Json(r.out));
  }
}

TEST_CASE("Hostile: unbalanced quotation marks", "[hostile]") {
  // A quotation left open runs to the end of its paragraph (news style for
  // a quotation that goes on in the next one), and the sentences of one
  // quotation are one claim; a stray closing mark quotes nothing.
  // The single-paragraph cases stay under one section (kSectionBytes): a
  // longer document is cut into sections, and a quotation does not run on
  // from one section into the next (docs/report-format.md).
  TempDir dir;
  std::string open_only = "\"The mayor said the bridge would reopen. ";
  for (int i = 0; i < 7000; ++i) open_only += "Officials said it had collapsed. ";
  std::string paragraphs;
  for (int i = 0; i < 20000; ++i) paragraphs += "\"Officials said it had collapsed.\n\n";
  std::string curly;
  for (int i = 0; i < 10000; ++i) curly += "\xE2\x80\x9CSources said so. ";
  std::string closing;
  for (int i = 0; i < 15000; ++i) closing += "He said so.\xE2\x80\x9D ";
  REQUIRE(open_only.size() < kSectionBytes);
  REQUIRE(curly.size() < kSectionBytes);
  REQUIRE(closing.size() < kSectionBytes);
  for (const auto& [name, bytes, claims] : std::vector<std::tuple<std::string, std::string, size_t>>{
           {"open.txt", open_only, 1},
           {"paragraphs.txt", paragraphs, 20000},
           {"curly.txt", curly, 1},
           {"closing.txt", closing, 15000}}) {
    CAPTURE(name);
    const Run r = Sourcecheck("check -f json '" + dir.Write(name, bytes) + "'");
    CHECK(r.status == 0);
    CHECK(Json(r.out)["summary"]["claims"] == claims);
  }
}

TEST_CASE("Hostile: a directory or a FIFO given as a draft", "[hostile]") {
  TempDir dir;
  const std::string sub = (dir.path() / "notes").string();
  fs::create_directories(sub);
  const Run d = Sourcecheck("check '" + sub + "'");
  CHECK(d.status == 2);
  CHECK(Has(d.err, sub + ": is a directory"));
  // triage walks a directory; one with nothing to triage is an error record,
  // not an empty answer.
  const Run walked = Sourcecheck("triage -f jsonl -q '" + sub + "'");
  CHECK(walked.status == 1);
  REQUIRE(Records(walked.out).size() == 1);
  CHECK(Records(walked.out)[0]["error"] ==
        sub + ": no file to triage in this directory (taken: *.txt *.md *.markdown *.html *.htm)");
  dir.Write("notes/a.log", "Sources said so.");
  const Run none = Sourcecheck("triage -f jsonl -q --exclude '*.md' '" + sub + "'");
  CHECK(Records(none.out).at(0)["error"] == sub + ": no file to triage in this directory (taken: *.txt *.md "
                                                  "*.markdown *.html *.htm; --exclude *.md)");
  // One glob per --include: the directory after it is a path.
  const Run logs = Sourcecheck("triage -f jsonl -q --include '*.log' '" + sub + "'");
  CHECK(logs.status == 0);
  CHECK(Records(logs.out).at(0)["status"] == "ok");

  const std::string fifo = (dir.path() / "pipe.txt").string();
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  // Nobody writes to it: refused at once, not a wait for ever.
  const Run lonely = Sourcecheck("check '" + fifo + "'", "", 20);
  CHECK(lonely.status == 2);
  CHECK(Has(lonely.err, fifo + ": a FIFO with no writer (nothing to read)"));
  const Run triage = Sourcecheck("triage -f jsonl -q '" + fifo + "'", "", 20);
  CHECK(triage.status == 1);
  CHECK(Has(Records(triage.out).at(0)["error"].get<std::string>(), "a FIFO with no writer"));

  // A writer waiting on it (a producer started first, or <(cmd)): read.
  const Run fed = Sourcecheck("check -f json '" + fifo + "'", "", 20,
                              "(printf 'Sources said the talks had collapsed.\\n' > '" + fifo + "' &); sleep 0.3");
  CHECK(fed.status == 0);
  CHECK(Json(fed.out)["summary"]["claims"] == 1);
}

TEST_CASE("Hostile: a file that disappears before triage reads it is an error record", "[hostile]") {
  TempDir dir;
  dir.Write("a.txt", "Sources said the plant would close.");
  const std::string gone = dir.Write("b.txt", "Critics say it failed.");
  dir.Write("c.txt", "The mayor, Ann Dale, said the bridge would reopen.");
  // The directory is listed first, then b.txt goes, then the workers read.
  std::unique_ptr<TriageSource> source = MakeFileSource({dir.path().string()}, FileSelection());
  fs::remove(gone);
  TriageRunOptions options;
  options.jobs = 2;
  std::vector<TriageRecord> records;
  RunTriage(DefaultAnalyzer(), TriageModel::Default(), *source, options,
            [&](size_t, TriageRecord&& r) { records.push_back(std::move(r)); });
  REQUIRE(records.size() == 3);
  CHECK(records[0].ok);
  CHECK_FALSE(records[1].ok);
  CHECK(records[1].error == gone + ": No such file or directory");
  CHECK(records[2].ok);

  // The same from the command line, with the path given explicitly.
  const Run r = Sourcecheck("triage -f jsonl -q '" + (dir.path() / "a.txt").string() + "' '" + gone + "'");
  CHECK(r.status == 1);
  const std::vector<nlohmann::json> out = Records(r.out);
  REQUIRE(out.size() == 2);
  CHECK(out[1]["error"] == gone + ": No such file or directory");
}

// "w123": built by appending, which keeps GCC 12 from a false -Wrestrict
// on operator+ with a temporary.
std::string Id(char prefix, int i) {
  std::string id(1, prefix);
  id += std::to_string(i);
  return id;
}

TEST_CASE("Hostile: a lexicon of 100,000 entries loads in linear time", "[hostile][large]") {
  TempDir dir;
  std::string yaml = kHedgesHeader;
  yaml.reserve(100000 * 160);
  for (int i = 0; i < 100000; ++i)
    yaml += HedgeEntry(Id('w', i), "phrase: zqx" + std::to_string(i) + " maybe");
  dir.Write("big/hedges.yaml", yaml);
  const Run r = Sourcecheck("--lexicons '" + (dir.path() / "big").string() + "' -f json -", "It zqx99999 maybe fell.\n", 120);
  CHECK(r.status == 0);
  CHECK(Json(r.out)["claims"][0]["hedges"][0]["entry"] == "hedges.w99999");

  // A hundred thousand copies of one phrase: every duplicate reported.
  std::string dupes = kHedgesHeader;
  for (int i = 0; i < 100000; ++i) dupes += HedgeEntry(Id('d', i), "phrase: same words");
  dir.Write("dupes/hedges.yaml", dupes);
  const Run d = Sourcecheck("lexicon check '" + (dir.path() / "dupes").string() + "'", "", 120);
  CHECK(d.status == 2);
  CHECK(Has(d.err, "sourcecheck: 99999 errors in lexicons"));
}

TEST_CASE("Hostile: a catastrophically backtracking pattern is refused or stopped, and named", "[hostile]") {
  TempDir dir;
  // The exponential shapes are refused when the lexicon loads, located.
  dir.Write("nested/hedges.yaml", kHedgesHeader + HedgeEntry("evil", "pattern: '(x+x+)+y'"));
  const Run nested = Sourcecheck("lexicon check '" + (dir.path() / "nested").string() + "'");
  CHECK(nested.status == 2);
  CHECK(Has(nested.err, "hedges.yaml:5:15: error: pattern repeats a group that itself repeats or alternates "
                        "('(x+x+)+'): it can backtrack catastrophically"));
  dir.Write("long/hedges.yaml", kHedgesHeader + HedgeEntry("long", "pattern: '" + std::string(300, 'a') + "'"));
  const Run longer = Sourcecheck("lexicon check '" + (dir.path() / "long").string() + "'");
  CHECK(longer.status == 2);
  CHECK(Has(longer.err, "error: pattern is 300 characters long, over the limit of 200"));

  // A polynomial one gets past the loader; Boost.Regex's match limit stops
  // it, and the report says which pattern is missing.
  dir.Write("evil/hedges.yaml", kHedgesHeader + HedgeEntry("evil", "pattern: 'x*x*x*x*x*x*y'"));
  const std::string evil = (dir.path() / "evil").string();
  const std::string draft = dir.Write("x.txt", "Officials said " + std::string(3000, 'x') + " today.\n");
  const Run check = Sourcecheck("check -f json --lexicons '" + evil + "' '" + draft + "'");
  CHECK(check.status == 0);
  const nlohmann::json report = Json(check.out);
  bool flagged = false;
  for (const nlohmann::json& f : report["summary"]["flags"])
    flagged = flagged || (f["id"] == "pattern_limit" && Has(f["message"].get<std::string>(), "'hedges.evil'"));
  CHECK(flagged);

  // --lexicons takes one directory: the drafts after it stay drafts.
  const std::string plain = dir.Write("plain.txt", "Sources said so.\n");
  const Run triage = Sourcecheck("triage -f jsonl -q --lexicons '" + evil + "' '" + draft + "' '" + plain + "'");
  CHECK(triage.status == 1);
  const std::vector<nlohmann::json> records = Records(triage.out);
  REQUIRE(records.size() == 2);
  CHECK(Has(records[0]["error"].get<std::string>(), "lexicon pattern 'hedges.evil' exceeded Boost.Regex's match limit"));
  CHECK(records[1]["status"] == "ok");
}

TEST_CASE("Hostile: YAML anchor-and-alias bombs and deep nesting in user files", "[hostile]") {
  // Nine levels of ten aliases: a billion leaves if anything expanded them.
  std::string laughs = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
  for (char c = 'b'; c <= 'i'; ++c) {
    const char p = static_cast<char>(c - 1);
    laughs += std::string(1, c) + ": &" + c + " [";
    for (int k = 0; k < 10; ++k) laughs += std::string(k ? ", " : "") + "*" + p;
    laughs += "]\n";
  }
  const std::string deep = std::string(100000, '[') + std::string(100000, ']') + "\n";
  // yaml-cpp's own message at its depth limit is "bad file".
  const std::string kTooDeep =
      "error: YAML syntax error: lists and maps nested too deeply (the YAML reader stops at 500 levels)";
  TempDir dir;
  struct Case {
    std::string file, yaml, message;
  };
  const std::vector<Case> cases = {
      // Anchors first, so the aliases reach keys the loader reads: each
      // error is reported once per element of *i, never per leaf.
      {"hedges.yaml", laughs + kHedgesHeader + "  - id: bomb\n    phrase: *i\n    category: adverb\n" +
           "    note: Say who.\n    examples: *i\n    counterexamples: *i\n",
       "error: 'examples' must be a string, not a list"},
      {"hedges.yaml", laughs + kHedgesHeader + "  - *i\n", "error: "},
      {"scoring.yaml", laughs + "version: 1\nkind: scoring\ntiers: *i\n", "error: 'tiers' must be a map"},
      {"triage.yaml", laughs + "version: 1\nkind: triage\nweights: *i\n", "error: 'weights' must be a map"},
      {"hedges.yaml", deep, kTooDeep},
      {"scoring.yaml", "version: 1\nkind: scoring\ntiers: " + deep, kTooDeep},
      {"triage.yaml", "version: 1\nkind: triage\nweights: " + deep, kTooDeep},
  };
  int n = 0;
  for (const Case& c : cases) {
    CAPTURE(c.file, n);
    const fs::path sub = dir.path() / std::to_string(++n);
    dir.Write(std::to_string(n) + "/" + c.file, c.yaml);
    // Lexicons are checked by `lexicon check`, scoring.yaml when an analyzer
    // loads, triage.yaml by triage.
    const std::string args = c.file == "scoring.yaml"  ? "check --lexicons '" + sub.string() + "' -"
                             : c.file == "triage.yaml" ? "triage -q --lexicons '" + sub.string() + "' -"
                                                       : "lexicon check '" + sub.string() + "'";
    const Run r = Sourcecheck(args, "{\"text\": \"Sources said so.\"}\n", 30);
    INFO(r.err.substr(0, 2000));
    CHECK(r.status == 2);
    CHECK(Has(r.err, (sub / c.file).string() + ":"));
    CHECK(Has(r.err, c.message));
    CHECK(r.err.size() < 20000);  // a few dozen errors, not one per leaf
  }
}

TEST_CASE("Hostile: --max-bytes on check, and --timeout-ms on triage", "[hostile]") {
  TempDir dir;
  const std::string path = dir.Write("draft.txt", "Sources said the talks had collapsed.\n");
  const Run small = Sourcecheck("check --max-bytes 10 '" + path + "'");
  CHECK(small.status == 2);
  CHECK(Has(small.err, path + ": 38 bytes is over the limit of 10 bytes (--max-bytes)"));
  CHECK(Sourcecheck("check --max-bytes 1KB '" + path + "'").status == 0);
  const Run in = Sourcecheck("check --max-bytes 10 -", "Sources said the talks had collapsed.\n");
  CHECK(in.status == 2);
  CHECK(Has(in.err, "<stdin>: input is over the limit of 10 bytes (--max-bytes)"));

  // Eight megabytes of prose cannot be analysed in 100 ms; one sentence can.
  std::string big;
  while (big.size() < (8u << 20)) big += "The mayor said the bridge would reopen on Monday. ";
  const std::string slow = dir.Write("big.txt", big);
  const Run t = Sourcecheck("triage -f jsonl -q -j 1 --timeout-ms 100 '" + slow + "' '" + path + "'");
  CHECK(t.status == 1);
  const std::vector<nlohmann::json> records = Records(t.out);
  REQUIRE(records.size() == 2);
  CHECK(records[0]["status"] == "error");
  CHECK(Has(records[0]["error"].get<std::string>(), "analysis stopped after 100 ms (--timeout-ms) while "));
  CHECK(records[1]["status"] == "ok");  // the worker went on

  // A timeout past the clock's range is no limit (it once overflowed into
  // the past and stopped every document); a negative one is a usage error.
  const Run forever = Sourcecheck("triage -f jsonl -q --timeout-ms 9223372036854775807 '" + path + "'");
  CHECK(forever.status == 0);
  CHECK(Records(forever.out).at(0)["status"] == "ok");
  const Run negative = Sourcecheck("triage -q --timeout-ms -1 '" + path + "'");
  CHECK(negative.status == 2);
  CHECK(Has(negative.err, "--timeout-ms: Value -1 not in range 0 to 9223372036854775807"));
  // A negative size once wrapped around to 1 GiB; over 1 GiB was cut to it.
  const Run below = Sourcecheck("check --max-bytes -5 '" + path + "'");
  CHECK(below.status == 2);
  CHECK(Has(below.err, "--max-bytes: a size cannot be negative: -5"));
  const Run above = Sourcecheck("check --max-bytes 2GiB '" + path + "'");
  CHECK(above.status == 2);
  CHECK(Has(above.err, "--max-bytes: Value 2147483648 not in range 0 to 1073741824"));
}

TEST_CASE("Hostile: a deadline stops BuildReport between stages", "[hostile]") {
  Result<Document> doc = ReadDocument("d.txt", TinySentences(200000), ReadOptions());
  REQUIRE(doc.ok());
  Result<Report> stopped = BuildReport(DefaultAnalyzer(), *doc, Deadline::In(std::chrono::milliseconds(1)));
  REQUIRE_FALSE(stopped.ok());
  CHECK(Has(stopped.status().message(), "analysis stopped after 1 ms (--timeout-ms) while "));
  Result<Report> done = BuildReport(DefaultAnalyzer(), *doc, Deadline());
  REQUIRE(done.ok());
  CHECK(done->claims.size() == 200000);
  const Deadline far = Deadline::In(std::chrono::milliseconds::max());
  CHECK_FALSE(far.Passed());
  CHECK(BuildReport(DefaultAnalyzer(), *doc, far).ok());
}

TEST_CASE("Hostile: the loader tells runaway pattern shapes from ordinary ones", "[hostile][lexicon]") {
  auto [pattern, refused] = GENERATE(table<std::string, bool>({
      {"(a+)+", true},
      {"(.*)*x", true},
      {"(\\w+\\s?)+$", true},
      {"(a|ab)*c", true},
      {"(?:x+)+y", true},
      {"((ab)*c)+", true},
      {"(a{2,})*", true},
      {"(ab)+", false},
      {"\\b(\\d+) per ?cent (likely|chance)\\b", false},
      {"(\\w+\\s){1,4}said", false},
      {"[(*+]+x", false},
      {"\\(a+\\)+", false},
      {"(a|b)?c", false},
      {"x*x*x*y", false},
  }));
  CAPTURE(pattern);
  LexiconBuilder builder;
  builder.AddText("t/hedges.yaml", kHedgesHeader + HedgeEntry("p", "pattern: '" + pattern + "'"));
  const bool has_error = builder.has_errors();
  CHECK(has_error == refused);
  if (refused) CHECK(Has(FormatDiagnostics(builder.diagnostics()), "can backtrack catastrophically"));
}
