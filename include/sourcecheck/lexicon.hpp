// Lexicons: the YAML files that hold sourcecheck's knowledge of news language.
//
// A lexicon is a set of entries grouped in families (hedges, reporting verbs,
// anonymous sources, ...); docs/lexicons.md is the format's reference. A
// LexiconBuilder loads files in order (the embedded defaults first, then a
// newsroom's directories), validates every entry like a compiler (every
// problem of every file, each located by path, line and column), lets a later
// entry with the same id replace an earlier one, and builds an immutable
// Lexicon. Build() fails when any file had an error: a broken user lexicon
// never silently drops entries.
//
// Thread safety: a LexiconBuilder is used by one thread; a built Lexicon is
// immutable and may be shared.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sourcecheck/status.hpp"

namespace sourcecheck {

enum class Family {
  kHedges,
  kReportingVerbs,
  kAnonymousSources,
  kSourceRoles,
  kOrganizations,
  kOutlets,
  kDocuments,
  kVagueSources,
  kNonCues,
  kAbbreviations,
};
inline constexpr int kFamilyCount = 10;

// The family's file name stem ("hedges", "reporting_verbs", ...).
const char* FamilyName(Family family);
// The family called `name`; nullopt when there is none.
std::optional<Family> FamilyFromName(std::string_view name);
// The categories allowed in a family, in documentation order.
const std::vector<std::string>& FamilyCategories(Family family);

enum class CaseRule { kAny, kAsWritten, kLower };
const char* CaseRuleName(CaseRule rule);

// A file's path as locations hold it: copies share one immutable string, so
// the thousands of located texts of a lexicon carry a few paths, not a heap
// copy each (that was most of start-up's allocations). Copying is cheap and
// thread-safe.
class SharedPath {
 public:
  // The empty path.
  SharedPath() = default;
  // A path that copies of this object will share.
  explicit SharedPath(std::string path);

  // The path ("" for the empty one). The reference lives as long as this
  // object or a copy of it.
  const std::string& str() const;
  operator const std::string&() const { return str(); }

  friend bool operator==(const SharedPath& a, std::string_view b) { return a.str() == b; }
  friend bool operator==(const SharedPath& a, const SharedPath& b) { return a.str() == b.str(); }

 private:
  std::shared_ptr<const std::string> path_;
};

// Where something was written: 1-based line and column in `path`.
struct SourceLocation {
  SharedPath path;
  int line = 0;
  int column = 0;
};

// A located string from a lexicon (a phrase, an example).
struct LocatedText {
  std::string text;
  SourceLocation location;
};

// How far after an anchor a pattern's `requires` word may stand, in tokens.
inline constexpr uint32_t kRequiresWindow = 8;

struct Entry {
  std::string id;    // full id, "family.key"
  std::string key;   // the part after the family
  Family family = Family::kHedges;
  std::string category;
  std::vector<LocatedText> phrases;  // `phrase` or `forms`; empty for patterns
  std::vector<LocatedText> aliases;  // short forms valid after the full name
  std::optional<LocatedText> pattern;
  // For a pattern: the words a match starts with. The pattern is then tried
  // only where one of them stands, not searched for over the whole text.
  std::vector<LocatedText> anchors;
  // For an anchored pattern: words one of which must stand among the
  // kRequiresWindow tokens after the anchor for the pattern to be tried
  // there (the nouns of "made ... remarks"). Empty: always tried.
  std::vector<LocatedText> required_words;
  double weight = 1.0;
  std::string note;
  CaseRule case_rule = CaseRule::kAny;
  std::vector<LocatedText> not_before;
  // The entry fires only when one of these follows (precedes) it.
  std::vector<LocatedText> only_before;
  std::vector<LocatedText> only_after;
  std::vector<LocatedText> not_after;
  std::vector<LocatedText> examples;
  std::vector<LocatedText> counterexamples;
  bool unsourced = false;  // hedges: the hedge implies an unnamed reporter
  bool recipient = false;  // reporting verbs: the object is the one told
  std::string gender;      // source roles: "female", "male" or empty
  SourceLocation location;  // of the entry's first key
};

class Lexicon {
 public:
  Lexicon() = default;
  // Every entry, in load order (defaults first, overrides in place).
  const std::vector<Entry>& entries() const { return entries_; }
  // The entry with this full id, or nullptr. The pointer lives as long as
  // the Lexicon.
  const Entry* Find(std::string_view id) const;
  // How many entries a family has.
  size_t CountFamily(Family family) const;

 private:
  friend class LexiconBuilder;
  std::vector<Entry> entries_;
};

class LexiconBuilder {
 public:
  LexiconBuilder() = default;

  // Loads the lexicons embedded in the binary at build time.
  void AddDefaults();
  // Loads one file's YAML text; `path` names it in diagnostics and its stem
  // must be the family's name.
  void AddText(const std::string& path, std::string_view yaml);
  // Reads and loads one file; a read failure is a diagnostic.
  void AddFile(const std::string& path);
  // Loads every *.yaml / *.yml file of a directory, sorted by name; a missing
  // directory or one without lexicons is a diagnostic.
  void AddDirectory(const std::string& directory);

  // Leaves the entry with this full id out of the lexicon Build() makes (a
  // project's settings switch it off). False, changing nothing, when no
  // entry loaded so far has the id.
  bool Disable(std::string_view id);
  // The full ids of the entries loaded so far, in load order.
  std::vector<std::string> EntryIds() const;

  // Everything noticed so far: errors, warnings, and notes (overrides).
  const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }
  bool has_errors() const { return HasErrors(diagnostics_); }

  // The lexicon, or an error carrying every error diagnostic. Runs the checks
  // that need all files (duplicate phrases within a family).
  Result<Lexicon> Build();
  // The same, moving the entries into the lexicon instead of copying them:
  // afterwards the builder has no entries (its diagnostics stay). For a
  // caller done with the builder, such as start-up.
  Result<Lexicon> BuildAndRelease();

 private:
  // Build's checks: an empty lexicon, or the error.
  Result<Lexicon> Check();

  std::vector<Entry> entries_;
  std::vector<Diagnostic> diagnostics_;
  // Nothing but the compiled default lexicon loaded (checked when built).
  bool compiled_defaults_only_ = false;
  // The text of each loaded file, kept to quote source lines in diagnostics.
  std::vector<std::pair<std::string, std::string>> sources_;
  friend struct LexiconParser;
};

// Loads the embedded defaults plus each directory in `extra_dirs`.
Result<Lexicon> LoadLexicons(const std::vector<std::string>& extra_dirs);

// Names of the embedded default lexicon files ("lexicons/hedges.yaml", ...)
// with their text; the views live for the whole program.
struct EmbeddedFile {
  std::string_view path;
  std::string_view text;
};
const std::vector<EmbeddedFile>& EmbeddedLexicons();

// Levenshtein-based suggestion: the candidate closest to `word` when close
// enough to be a likely typo, else empty.
std::string DidYouMean(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace sourcecheck
