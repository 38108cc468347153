#include "sourcecheck/lexicon.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "lexicon_serialize.hpp"
#include "sourcecheck/lexicon_testing.hpp"
#include "sourcecheck/matcher.hpp"

namespace fs = std::filesystem;
using namespace sourcecheck;

namespace {

std::string ReadAll(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

const fs::path kBroken = fs::path(SOURCECHECK_SOURCE_DIR) / "tests/data/broken_lexicons";

// Loads one broken-lexicon case through the from-string loader, naming each
// file by its path relative to the project so messages are stable.
std::string DiagnosticsOf(const std::string& name) {
  std::vector<fs::path> files;
  for (const auto& f : fs::directory_iterator(kBroken / name)) files.push_back(f.path());
  std::sort(files.begin(), files.end());
  LexiconBuilder builder;
  for (const fs::path& f : files)
    builder.AddText("tests/data/broken_lexicons/" + name + "/" + f.filename().string(), ReadAll(f));
  Result<Lexicon> lexicon = builder.Build();
  REQUIRE_FALSE(lexicon.ok());
  return FormatDiagnostics(lexicon.status().diagnostics());
}

const char* kValid = R"(version: 1
family: hedges
entries:
  - id: reportedly
    phrase: reportedly
    category: adverb
    weight: 0.7
    unsourced: true
    note: Say who reported it.
    examples: [The minister reportedly resigned.]
    counterexamples: [The minister resigned.]
)";

}  // namespace

TEST_CASE("Broken lexicons give located diagnostics, verbatim", "[lexicon]") {
  const std::string name = GENERATE(as<std::string>{}, "syntax_error", "unknown_key", "wrong_type",
                                    "weight_range", "empty_phrase", "duplicate_phrase", "bad_regex",
                                    "bad_category", "duplicate_id", "missing_fields",
                                    "family_mismatch", "bad_version_family", "misplaced_key", "not_a_map",
                                    "several_files", "bad_anchors");
  INFO("case " << name);
  const std::string expected = ReadAll(kBroken / (name + ".expected"));
  REQUIRE_FALSE(expected.empty());
  CHECK(DiagnosticsOf(name) == expected);
}

TEST_CASE("A valid lexicon loads from a string with derived ids", "[lexicon]") {
  LexiconBuilder builder;
  builder.AddText("mine/hedges.yaml", kValid);
  Result<Lexicon> lexicon = builder.Build();
  REQUIRE(lexicon.ok());
  REQUIRE(lexicon->entries().size() == 1);
  const Entry* e = lexicon->Find("hedges.reportedly");
  REQUIRE(e != nullptr);
  CHECK(e->key == "reportedly");
  CHECK(e->family == Family::kHedges);
  CHECK(e->category == "adverb");
  CHECK(e->weight == Approx(0.7));
  CHECK(e->unsourced);
  CHECK(e->location.path == "mine/hedges.yaml");
  CHECK(e->location.line == 4);
  CHECK(e->location.column == 5);
  REQUIRE(e->examples.size() == 1);
  CHECK(e->examples[0].location.line == 10);
  CHECK(lexicon->Find("hedges.allegedly") == nullptr);
}

TEST_CASE("A later entry with the same id replaces the earlier one, with a note", "[lexicon]") {
  LexiconBuilder builder;
  builder.AddText("a/hedges.yaml", kValid);
  std::string changed = kValid;
  changed.replace(changed.find("0.7"), 3, "0.2");
  builder.AddText("b/hedges.yaml", changed);
  Result<Lexicon> lexicon = builder.Build();
  REQUIRE(lexicon.ok());
  REQUIRE(lexicon->entries().size() == 1);
  CHECK(lexicon->entries()[0].weight == Approx(0.2));
  REQUIRE(builder.diagnostics().size() == 1);
  CHECK(FormatDiagnostic(builder.diagnostics()[0]) ==
        "b/hedges.yaml:4:5: note: entry 'hedges.reportedly' replaces the one at a/hedges.yaml:4:5\n"
        "      - id: reportedly\n"
        "        ^\n");
}

TEST_CASE("disabled: true removes an entry loaded before", "[lexicon]") {
  LexiconBuilder builder;
  builder.AddText("a/hedges.yaml", kValid);
  builder.AddText("b/hedges.yaml", "version: 1\nfamily: hedges\nentries:\n  - id: reportedly\n    disabled: true\n");
  Result<Lexicon> lexicon = builder.Build();
  REQUIRE(lexicon.ok());
  CHECK(lexicon->entries().empty());

  LexiconBuilder lonely;
  lonely.AddText("b/hedges.yaml", "version: 1\nfamily: hedges\nentries:\n  - id: nothing\n    disabled: true\n");
  REQUIRE(lonely.Build().ok());
  REQUIRE(lonely.diagnostics().size() == 1);
  CHECK(lonely.diagnostics()[0].severity == Severity::kWarning);
}

TEST_CASE("A missing lexicon directory is an error naming it", "[lexicon]") {
  LexiconBuilder builder;
  builder.AddDirectory("/nonexistent/lexicons");
  Result<Lexicon> lexicon = builder.Build();
  REQUIRE_FALSE(lexicon.ok());
  CHECK(FormatDiagnostics(lexicon.status().diagnostics()) ==
        "/nonexistent/lexicons: error: no such lexicon directory\n");
}

TEST_CASE("DidYouMean suggests close words only", "[lexicon]") {
  const std::vector<std::string> keys = {"weight", "phrase", "category", "examples"};
  CHECK(DidYouMean("weigth", keys) == "weight");
  CHECK(DidYouMean("categroy", keys) == "category");
  CHECK(DidYouMean("example", keys) == "examples");
  CHECK(DidYouMean("zzz", keys).empty());
}

TEST_CASE("Family names round-trip", "[lexicon]") {
  for (int f = 0; f < kFamilyCount; ++f) {
    const auto family = static_cast<Family>(f);
    REQUIRE(FamilyFromName(FamilyName(family)) == family);
    CHECK_FALSE(FamilyCategories(family).empty());
  }
  CHECK_FALSE(FamilyFromName("hedge").has_value());
}

TEST_CASE("The embedded default lexicons load, cover every family and pass their own tests",
          "[lexicon][defaults]") {
  LexiconBuilder builder;
  builder.AddDefaults();
  Result<Lexicon> lexicon = builder.Build();
  INFO(FormatDiagnostics(builder.diagnostics()));
  REQUIRE(lexicon.ok());
  // One file per family, plus scoring.yaml and triage.yaml.
  CHECK(EmbeddedLexicons().size() == static_cast<size_t>(kFamilyCount) + 2);
  for (int f = 0; f < kFamilyCount; ++f) {
    INFO(FamilyName(static_cast<Family>(f)));
    CHECK(lexicon->CountFamily(static_cast<Family>(f)) >= 10);
  }
  for (const Entry& e : lexicon->entries()) {
    INFO(e.id);
    CHECK_FALSE(e.examples.empty());
    CHECK_FALSE(e.counterexamples.empty());
  }
  Result<Matcher> matcher = Matcher::Compile(std::move(lexicon).value());
  REQUIRE(matcher.ok());
  const LexiconTestReport report = RunLexiconTests(*matcher);
  INFO(FormatLexiconTestReport(report));
  CHECK(report.failures.empty());
  CHECK(report.passed > 500);
}

TEST_CASE("The compiled defaults equal the defaults read from their YAML", "[lexicon][defaults]") {
  LexiconBuilder compiled;
  compiled.AddDefaults();
  Result<Lexicon> a = compiled.Build();
  LexiconBuilder yaml;
  for (const EmbeddedFile& f : EmbeddedLexicons())
    if (f.path != "lexicons/scoring.yaml" && f.path != "lexicons/triage.yaml")
      yaml.AddText(std::string(f.path), f.text);
  Result<Lexicon> b = yaml.Build();
  REQUIRE(a.ok());
  REQUIRE(b.ok());
  REQUIRE(a->entries().size() == b->entries().size());
  for (size_t i = 0; i < a->entries().size(); ++i) {
    const Entry& x = a->entries()[i];
    const Entry& y = b->entries()[i];
    INFO(x.id);
    CHECK(x.id == y.id);
    CHECK(x.category == y.category);
    CHECK(x.weight == y.weight);
    CHECK(x.phrases.size() == y.phrases.size());
    CHECK(x.examples.size() == y.examples.size());
    CHECK(x.location.line == y.location.line);
    CHECK(x.case_rule == y.case_rule);
    CHECK(x.unsourced == y.unsourced);
    CHECK(x.not_before.size() == y.not_before.size());
    CHECK(x.pattern.has_value() == y.pattern.has_value());
    if (x.pattern && y.pattern) CHECK(x.pattern->text == y.pattern->text);
    REQUIRE(x.anchors.size() == y.anchors.size());
    for (size_t k = 0; k < x.anchors.size(); ++k) CHECK(x.anchors[k].text == y.anchors[k].text);
    // Every location, path included (the compiled form shares each file's
    // path among its locations).
    CHECK(x.location.path == y.location.path);
    auto same_places = [](const std::vector<LocatedText>& u, const std::vector<LocatedText>& v) {
      REQUIRE(u.size() == v.size());
      for (size_t k = 0; k < u.size(); ++k) {
        CHECK(u[k].location.path.str() == v[k].location.path.str());
        CHECK(u[k].location.line == v[k].location.line);
        CHECK(u[k].location.column == v[k].location.column);
      }
    };
    same_places(x.phrases, y.phrases);
    same_places(x.examples, y.examples);
    same_places(x.counterexamples, y.counterexamples);
    same_places(x.not_before, y.not_before);
  }
}

TEST_CASE("SharedPath: copies share one string; the default is empty", "[lexicon]") {
  const SharedPath none;
  CHECK(none.str().empty());
  CHECK(none == "");
  const SharedPath a(std::string("lexicons/hedges.yaml"));
  const SharedPath b = a;
  CHECK(&a.str() == &b.str());
  CHECK(b == "lexicons/hedges.yaml");
  CHECK(a == SharedPath(std::string("lexicons/hedges.yaml")));
  CHECK_FALSE(a == SharedPath(std::string("lexicons/outlets.yaml")));
  CHECK_FALSE(a == none);
  const std::string& s = a;
  CHECK(s == "lexicons/hedges.yaml");
}

TEST_CASE("A newsroom lexicon may not list a phrase a default entry of its family lists", "[lexicon]") {
  // The compiled defaults skip the duplicate check at start-up (the build
  // ran it); one file more brings it back, against the defaults too.
  LexiconBuilder defaults;
  defaults.AddDefaults();
  REQUIRE(defaults.Build().ok());
  LexiconBuilder builder;
  builder.AddDefaults();
  builder.AddText("newsroom/hedges.yaml", R"(version: 1
family: hedges
entries:
  - id: our_reportedly
    phrase: reportedly
    category: adverb
    weight: 0.7
    note: Say who reported it.
    examples: [The minister reportedly resigned.]
    counterexamples: [The minister resigned.]
)");
  Result<Lexicon> lexicon = builder.Build();
  REQUIRE_FALSE(lexicon.ok());
  INFO(FormatDiagnostics(lexicon.status().diagnostics()));
  CHECK(FormatDiagnostics(lexicon.status().diagnostics()).find("phrase 'reportedly' is already listed by entry") !=
        std::string::npos);
}

TEST_CASE("Serialized entries keep every location; a damaged path index is refused", "[lexicon]") {
  LexiconBuilder builder;
  builder.AddText("a/hedges.yaml", R"(version: 1
family: hedges
entries:
  - id: maybe
    phrase: quite possibly
    category: adverb
    note: n
    examples: [It quite possibly rains.]
    counterexamples: [It rains.]
)");
  builder.AddText("b/outlets.yaml", R"(version: 1
family: outlets
entries:
  - id: the_paper
    forms: [The Paper, The Paper's]
    category: newspaper
    note: n
    examples: [The Paper reported it.]
    counterexamples: [A paper reported it.]
)");
  Result<Lexicon> lexicon = builder.Build();
  INFO(FormatDiagnostics(builder.diagnostics()));
  REQUIRE(lexicon.ok());
  const std::vector<Entry>& entries = lexicon->entries();
  const std::string data = internal::SerializeEntries(entries);
  std::vector<Entry> back;
  REQUIRE(internal::DeserializeEntries(data, &back));
  REQUIRE(back.size() == entries.size());
  for (size_t i = 0; i < entries.size(); ++i) {
    CHECK(back[i].id == entries[i].id);
    CHECK(back[i].location.path == entries[i].location.path);
    CHECK(back[i].location.line == entries[i].location.line);
    REQUIRE(back[i].phrases.size() == entries[i].phrases.size());
    for (size_t k = 0; k < entries[i].phrases.size(); ++k) {
      CHECK(back[i].phrases[k].text == entries[i].phrases[k].text);
      CHECK(back[i].phrases[k].location.path == entries[i].phrases[k].location.path);
      CHECK(back[i].phrases[k].location.column == entries[i].phrases[k].location.column);
    }
    CHECK(back[i].examples[0].location.path == entries[i].examples[0].location.path);
  }
  CHECK(back[0].location.path == "a/hedges.yaml");
  CHECK(back[1].phrases[1].location.path == "b/outlets.yaml");
  // The same path read back is one shared string.
  CHECK(&back[1].phrases[0].location.path.str() == &back[1].phrases[1].location.path.str());

  // The path table has two paths; an index past it is refused, and *out is
  // left as it was.
  std::string damaged = data;
  const size_t phrase_location = damaged.find("quite possibly") + 14;  // the phrase's path index
  uint32_t index = 99;
  std::memcpy(&index, &damaged[phrase_location], sizeof index);
  REQUIRE(index == 0);
  const uint32_t bad = 2;
  std::memcpy(&damaged[phrase_location], &bad, sizeof bad);
  std::vector<Entry> none;
  CHECK_FALSE(internal::DeserializeEntries(damaged, &none));
  CHECK(none.empty());
  CHECK_FALSE(internal::DeserializeEntries(data.substr(0, data.size() - 1), &none));
  CHECK(none.empty());
}
