#include "sourcecheck/lexicon.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <array>
#include <boost/regex.hpp>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <unordered_map>

#include "embedded_lexicons.hpp"
#include "lexicon_serialize.hpp"
#include "yaml_source.hpp"
#include "sourcecheck/tokenize.hpp"

namespace sourcecheck {

namespace {

struct FamilyInfo {
  Family family;
  const char* name;
  std::vector<std::string> categories;
  std::vector<std::string> extra_keys;  // family-specific fields
};

const std::array<FamilyInfo, kFamilyCount>& Families() {
  static const std::array<FamilyInfo, kFamilyCount> families = {{
      {Family::kHedges, "hedges",
       {"modal", "verb", "adverb", "adjective", "passive", "approximator", "conditional",
        "speculative"},
       {"unsourced"}},
      {Family::kReportingVerbs, "reporting_verbs",
       {"neutral", "assertive", "loaded", "tentative", "mental", "intention", "publication",
        "phrase", "setting", "relay", "stance", "impression"},
       {"recipient"}},
      {Family::kAnonymousSources, "anonymous_sources",
       {"bare", "described", "vantage", "reason", "grant"},
       {}},
      {Family::kSourceRoles, "source_roles",
       {"title", "office", "spokesperson", "official", "expert", "executive", "legal", "military",
        "media", "citizen"},
       {"gender"}},
      {Family::kOrganizations, "organizations",
       {"government", "agency", "legislature", "court", "party", "international", "company", "ngo",
        "military", "capital"},
       {"aliases"}},
      {Family::kOutlets, "outlets", {"newspaper", "wire", "broadcaster", "magazine", "online"},
       {"aliases"}},
      {Family::kDocuments, "documents",
       {"report", "filing", "statement", "poll", "study", "data", "record", "correspondence"},
       {}},
      {Family::kVagueSources, "vague_sources", {"group", "quantified", "popular"}, {}},
      {Family::kNonCues, "non_cues", {"convention", "idiom", "literal"}, {}},
      {Family::kAbbreviations, "abbreviations", {"title", "month", "corporate", "address", "other"},
       {}},
  }};
  return families;
}

const FamilyInfo& InfoOf(Family family) { return Families()[static_cast<size_t>(family)]; }

const std::vector<std::string>& CommonKeys() {
  static const std::vector<std::string> keys = {
      "id",      "phrase",   "forms",           "pattern",    "category",  "weight",
      "note",    "examples", "counterexamples", "case",       "not_before", "not_after",
      "only_before", "only_after", "anchors", "requires",
      "disabled"};
  return keys;
}

const std::vector<std::string>& AllExtraKeys() {
  static const std::vector<std::string> keys = [] {
    std::vector<std::string> all;
    for (const FamilyInfo& f : Families())
      for (const std::string& k : f.extra_keys)
        if (std::find(all.begin(), all.end(), k) == all.end()) all.push_back(k);
    return all;
  }();
  return keys;
}

std::string Join(const std::vector<std::string>& items, const char* sep) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) out += sep;
    out += items[i];
  }
  return out;
}

size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t sub = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, sub});
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

// scoring.yaml and triage.yaml sit beside the lexicons but are read by the
// scoring and triage models.
bool IsSettingsFile(std::string_view path) {
  const std::filesystem::path name = std::filesystem::path(path).filename();
  return name == "scoring.yaml" || name == "triage.yaml";
}

std::string Stem(const std::string& path) {
  return std::filesystem::path(path).stem().string();
}

}  // namespace

const char* FamilyName(Family family) { return InfoOf(family).name; }

SharedPath::SharedPath(std::string path) : path_(std::make_shared<const std::string>(std::move(path))) {}

const std::string& SharedPath::str() const {
  static const std::string kEmpty;
  return path_ ? *path_ : kEmpty;
}

std::optional<Family> FamilyFromName(std::string_view name) {
  for (const FamilyInfo& f : Families())
    if (name == f.name) return f.family;
  return std::nullopt;
}

const std::vector<std::string>& FamilyCategories(Family family) {
  return InfoOf(family).categories;
}

const char* CaseRuleName(CaseRule rule) {
  switch (rule) {
    case CaseRule::kAny: return "any";
    case CaseRule::kAsWritten: return "as_written";
    case CaseRule::kLower: return "lower";
  }
  return "any";
}

std::string DidYouMean(std::string_view word, const std::vector<std::string>& candidates) {
  std::string best;
  size_t best_distance = std::max<size_t>(2, word.size() / 3) + 1;
  for (const std::string& c : candidates) {
    const size_t d = EditDistance(word, c);
    if (d < best_distance) {
      best_distance = d;
      best = c;
    }
  }
  return best;
}

const Entry* Lexicon::Find(std::string_view id) const {
  for (const Entry& e : entries_)
    if (e.id == id) return &e;
  return nullptr;
}

size_t Lexicon::CountFamily(Family family) const {
  return static_cast<size_t>(std::count_if(entries_.begin(), entries_.end(),
                                           [family](const Entry& e) { return e.family == family; }));
}

const std::vector<EmbeddedFile>& EmbeddedLexicons() { return internal::EmbeddedLexiconFiles(); }

// Walks one file's YAML tree and turns it into entries, reporting every
// problem it finds rather than stopping at the first.
// The longest `pattern` accepted. Boost.Regex lets a search visit about
// S² × N states (S the compiled pattern's size, N the text's length) before
// it gives up, so a long pattern that backtracks can run for minutes on a
// short draft; no pattern that phrases cannot replace needs to be longer.
constexpr size_t kMaxPatternLength = 200;

// Where `pattern` repeats a group without bound ('*', '+', '{n,}') whose
// body itself repeats or alternates: '(a+)+', '(.*)*', '(a|ab)*', the shape
// that backtracks exponentially. Returns the offset of the group's '(' and
// sets *what to the offending piece, or returns npos. Escapes, character
// classes and '(?' group kinds are understood; anything else is literal.
size_t NestedRepetition(std::string_view pattern, std::string* what) {
  struct Group {
    size_t open;
    bool repeats_inside = false;  // a quantifier or an alternation in its body
  };
  std::vector<Group> groups;
  auto quantifier_at = [&](size_t i, bool* unbounded) -> size_t {  // its length, 0 if none
    if (i >= pattern.size()) return 0;
    const char c = pattern[i];
    if (c == '*' || c == '+') {
      *unbounded = true;
      return 1;
    }
    if (c == '?') {
      *unbounded = false;
      return 1;
    }
    if (c != '{') return 0;
    const size_t close = pattern.find('}', i);
    if (close == std::string_view::npos) return 0;
    const std::string_view body = pattern.substr(i + 1, close - i - 1);
    if (body.empty() || body.find_first_not_of("0123456789,") != std::string_view::npos || body[0] == ',')
      return 0;
    *unbounded = body.back() == ',';
    return close - i + 1;
  };
  for (size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if (c == '\\') {
      ++i;  // the escaped character
      continue;
    }
    if (c == '[') {  // a class: up to its unescaped ']' (a ']' first is literal)
      size_t j = i + 1;
      if (j < pattern.size() && pattern[j] == '^') ++j;
      if (j < pattern.size() && pattern[j] == ']') ++j;
      for (; j < pattern.size() && pattern[j] != ']'; ++j)
        if (pattern[j] == '\\') ++j;
      i = j;
      continue;
    }
    if (c == '(') {
      groups.push_back({i});
      if (i + 1 < pattern.size() && pattern[i + 1] == '?') ++i;  // (?: (?= (?<name> ...
      continue;
    }
    bool unbounded = false;
    if (c == '|') {
      if (!groups.empty()) groups.back().repeats_inside = true;
      continue;
    }
    if (c == ')') {
      if (groups.empty()) continue;
      const Group g = groups.back();
      groups.pop_back();
      const size_t q = quantifier_at(i + 1, &unbounded);
      if (q > 0 && unbounded && g.repeats_inside) {
        *what = std::string(pattern.substr(g.open, i + 1 + q - g.open));
        return g.open;
      }
      // A repeated group repeats inside the group around it.
      if (q > 0 && !groups.empty()) groups.back().repeats_inside = true;
      if (g.repeats_inside && !groups.empty()) groups.back().repeats_inside = true;
      i += q;
      continue;
    }
    const size_t q = quantifier_at(i, &unbounded);
    if (q > 0) {
      if (!groups.empty()) groups.back().repeats_inside = true;
      i += q - 1;
    }
  }
  return std::string_view::npos;
}

struct LexiconParser {
  LexiconBuilder* builder;
  internal::YamlSource source;
  std::optional<Family> family;
  // builder->entries_ by id, built at the first Add(), so that loading a
  // lexicon of a hundred thousand entries is not quadratic; dropped when an
  // entry is disabled (the positions move).
  std::unordered_map<std::string, size_t> index;
  bool indexed = false;

  LexiconParser(LexiconBuilder* b, const std::string& p, std::string_view t)
      : builder(b), source(p, t, &b->diagnostics_) {}

  const std::string& path() const { return source.path(); }
  SourceLocation Locate(const YAML::Mark& mark) const { return source.Locate(mark); }
  void Report(Severity severity, const SourceLocation& loc, std::string message) {
    source.Report(severity, loc, std::move(message));
  }
  template <typename At>
  void Error(const At& at, std::string message) {
    source.Error(at, std::move(message));
  }
  std::optional<std::string> String(const YAML::Node& node, const std::string& key) {
    return source.String(node, key);
  }
  std::optional<bool> Bool(const YAML::Node& node, const std::string& key) {
    return source.Bool(node, key);
  }

  // A phrase: a non-empty string that tokenizes to at least one token.
  std::optional<LocatedText> Phrase(const YAML::Node& node, const std::string& key) {
    std::optional<std::string> s = String(node, key);
    if (!s) return std::nullopt;
    if (s->find_first_not_of(" \t\r\n") == std::string::npos) {
      Error(node, "'" + key + "' is empty");
      return std::nullopt;
    }
    return LocatedText{*s, Locate(node.Mark())};
  }

  // A list of single words (a pattern's anchors and required words).
  std::vector<LocatedText> WordList(const YAML::Node& node, const std::string& key, const std::string& what) {
    std::vector<LocatedText> words = List(node, key, true, true);
    std::vector<Token> tokens;
    for (const LocatedText& w : words) {
      Tokenize(w.text, &tokens);
      if (tokens.size() != 1 || tokens[0].kind != TokenKind::kWord)
        Report(Severity::kError, w.location, what + " is one word, not '" + w.text + "'");
    }
    return words;
  }

  // A list of located strings; `require_nonempty` reports an empty list.
  std::vector<LocatedText> List(const YAML::Node& node, const std::string& key, bool phrases,
                                bool require_nonempty) {
    std::vector<LocatedText> out;
    if (!node.IsSequence()) {
      Error(node, "'" + key + "' must be a list, not " + internal::NodeTypeName(node));
      return out;
    }
    if (node.size() == 0 && require_nonempty) {
      Error(node, "'" + key + "' must not be empty");
      return out;
    }
    std::set<std::string> seen;
    for (const YAML::Node& item : node) {
      std::optional<LocatedText> t =
          phrases ? Phrase(item, key) : [&]() -> std::optional<LocatedText> {
            std::optional<std::string> s = String(item, key);
            if (!s) return std::nullopt;
            if (s->empty()) {
              Error(item, "'" + key + "' has an empty item");
              return std::nullopt;
            }
            return LocatedText{*s, Locate(item.Mark())};
          }();
      if (!t) continue;
      if (!seen.insert(t->text).second) {
        Error(item, "'" + key + "' lists '" + t->text + "' twice");
        continue;
      }
      out.push_back(std::move(*t));
    }
    return out;
  }

  void Parse() {
    std::optional<YAML::Node> loaded = source.Load();
    if (!loaded) return;
    const YAML::Node root = *loaded;
    if (!root.IsMap()) {
      Report(Severity::kError, source.At(1, 1),
             std::string("a lexicon must be a map with 'version', 'family' and 'entries', not ") +
                 internal::NodeTypeName(root));
      return;
    }
    static const std::vector<std::string> kTopKeys = {"version", "family", "entries"};
    source.CheckKeys(root, kTopKeys, "a lexicon");

    const YAML::Node version = root["version"];
    if (!version) {
      Error(root, "missing required key 'version' (the format version: 1)");
    } else {
      int v = 0;
      if (!version.IsScalar() || !YAML::convert<int>::decode(version, v)) {
        Error(version, std::string("'version' must be the number 1, not ") +
                           (version.IsScalar() ? "'" + version.Scalar() + "'" : internal::NodeTypeName(version)));
      } else if (v != 1) {
        Error(version, "unsupported lexicon version " + std::to_string(v) +
                           " (this sourcecheck reads version 1)");
      }
    }

    const YAML::Node fam = root["family"];
    if (!fam) {
      Error(root, "missing required key 'family' (expected '" + Stem(path()) + "')");
    } else if (std::optional<std::string> name = String(fam, "family")) {
      family = FamilyFromName(*name);
      if (!family) {
        std::vector<std::string> names;
        for (const FamilyInfo& f : Families()) names.push_back(f.name);
        const std::string guess = DidYouMean(*name, names);
        Error(fam, "unknown family '" + *name + "'" +
                       (guess.empty() ? "" : " (did you mean '" + guess + "'?)") +
                       "; expected one of: " + Join(names, ", "));
      } else if (Stem(path()) != *name) {
        Error(fam, "family '" + *name + "' does not match the file name '" +
                       std::filesystem::path(path()).filename().string() + "' (expected '" +
                       *name + ".yaml')");
      }
    }

    const YAML::Node entries = root["entries"];
    if (!entries) {
      Error(root, "missing required key 'entries' (a list of entries)");
      return;
    }
    if (!entries.IsSequence()) {
      Error(entries, std::string("'entries' must be a list, not ") + internal::NodeTypeName(entries));
      return;
    }
    if (!family) return;  // entries cannot be checked against an unknown family
    std::map<std::string, SourceLocation> ids;
    for (const YAML::Node& node : entries) ParseEntry(node, &ids);
  }

  // Family-specific keys used in the wrong family get their own message;
  // every other key is checked by the YAML source.
  void CheckEntryKeys(const YAML::Node& map, std::vector<std::string> allowed,
                      const std::vector<std::string>& other_family_keys) {
    for (auto it = map.begin(); it != map.end(); ++it) {
      const YAML::Node key = it->first;
      if (!key.IsScalar()) continue;
      const std::string& k = key.Scalar();
      if (std::find(other_family_keys.begin(), other_family_keys.end(), k) ==
          other_family_keys.end())
        continue;
      std::vector<std::string> owners;
      for (const FamilyInfo& f : Families())
        if (std::find(f.extra_keys.begin(), f.extra_keys.end(), k) != f.extra_keys.end())
          owners.push_back(f.name);
      Error(key, "key '" + k + "' is not allowed in family '" + FamilyName(*family) +
                     "' (it belongs to " + Join(owners, ", ") + ")");
    }
    allowed.insert(allowed.end(), other_family_keys.begin(), other_family_keys.end());
    source.CheckKeys(map, allowed, "an entry");
  }

  void ParseEntry(const YAML::Node& node, std::map<std::string, SourceLocation>* ids) {
    if (!node.IsMap()) {
      Error(node, std::string("an entry must be a map, not ") + internal::NodeTypeName(node));
      return;
    }
    const FamilyInfo& info = InfoOf(*family);
    std::vector<std::string> allowed = CommonKeys();
    allowed.insert(allowed.end(), info.extra_keys.begin(), info.extra_keys.end());
    std::vector<std::string> others;
    for (const std::string& k : AllExtraKeys())
      if (std::find(info.extra_keys.begin(), info.extra_keys.end(), k) == info.extra_keys.end())
        others.push_back(k);
    const size_t errors_before = CountErrors();
    CheckEntryKeys(node, allowed, others);

    Entry entry;
    entry.family = *family;
    // How messages name this entry: by id when it has a well-formed one.
    auto name = [&entry] { return entry.id.empty() ? std::string("entry") : "entry '" + entry.id + "'"; };
    entry.location = Locate(node.Mark());

    const YAML::Node id = node["id"];
    if (!id) {
      Error(node, "entry has no 'id'");
    } else if (std::optional<std::string> key = String(id, "id")) {
      const bool well_formed =
          !key->empty() && std::all_of(key->begin(), key->end(), [](char c) {
            return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
          });
      if (!well_formed) {
        Error(id, "id '" + *key + "' must use only a-z, 0-9 and _");
      } else {
        entry.key = *key;
        entry.id = std::string(info.name) + "." + *key;
        auto [it, inserted] = ids->emplace(*key, Locate(id.Mark()));
        if (!inserted) {
          Error(id, "duplicate id '" + entry.id + "' (first defined at " + it->second.path.str() + ":" +
                        std::to_string(it->second.line) + ":" + std::to_string(it->second.column) +
                        ")");
        }
      }
    }

    bool disabled = false;
    if (const YAML::Node d = node["disabled"]) disabled = Bool(d, "disabled").value_or(false);
    if (disabled) {
      if (CountErrors() == errors_before && !entry.id.empty()) Disable(entry);
      return;
    }

    const YAML::Node phrase = node["phrase"];
    const YAML::Node forms = node["forms"];
    const YAML::Node pattern = node["pattern"];
    const int given = (phrase ? 1 : 0) + (forms ? 1 : 0) + (pattern ? 1 : 0);
    if (given == 0) {
      Error(node, name() + " needs one of 'phrase', 'forms' or 'pattern'");
    } else if (given > 1) {
      const YAML::Node second = pattern ? pattern : forms;
      Error(second, name() + " must have only one of 'phrase', 'forms' and 'pattern'");
    }
    if (phrase) {
      if (std::optional<LocatedText> t = Phrase(phrase, "phrase")) entry.phrases.push_back(*t);
    }
    if (forms) entry.phrases = List(forms, "forms", true, true);
    if (pattern) ParsePattern(pattern, &entry);
    if (const YAML::Node anchors = node["anchors"]) {
      if (!pattern)
        Error(anchors, "'anchors' go with a 'pattern' (the words its matches start with)");
      else
        entry.anchors = WordList(anchors, "anchors", "an anchor");
    }
    if (const YAML::Node required = node["requires"]) {
      if (!node["anchors"])
        Error(required, "'requires' goes with 'anchors' (words that must follow an anchor for its pattern to be tried)");
      else
        entry.required_words = WordList(required, "requires", "a required word");
    }
    if (pattern && !node["anchors"]) {
      Report(Severity::kNote, Locate(pattern.Mark()),
             name() + " has a pattern without 'anchors': it is searched for over the whole text, "
                      "which is slow; list the words its matches start with");
    }

    const YAML::Node category = node["category"];
    if (!category) {
      Error(node, name() + " has no 'category' (one of: " +
                      Join(info.categories, ", ") + ")");
    } else if (std::optional<std::string> c = String(category, "category")) {
      if (std::find(info.categories.begin(), info.categories.end(), *c) == info.categories.end()) {
        const std::string guess = DidYouMean(*c, info.categories);
        Error(category, "unknown category '" + *c + "' in family '" + info.name + "'" +
                            (guess.empty() ? "" : " (did you mean '" + guess + "'?)") +
                            "; expected one of: " + Join(info.categories, ", "));
      } else {
        entry.category = *c;
      }
    }

    if (const YAML::Node w = node["weight"]) {
      double value = 0;
      if (!w.IsScalar() || !YAML::convert<double>::decode(w, value)) {
        Error(w, std::string("'weight' must be a number from 0 to 1, not ") +
                     (w.IsScalar() ? "'" + w.Scalar() + "'" : internal::NodeTypeName(w)));
      } else if (!(value >= 0.0 && value <= 1.0)) {
        Error(w, "'weight' must be from 0 to 1, not " + w.Scalar());
      } else {
        entry.weight = value;
      }
    }

    const YAML::Node note = node["note"];
    if (!note) {
      Error(node, name() + " has no 'note' (what the editor should know)");
    } else if (std::optional<std::string> n = String(note, "note")) {
      if (n->find_first_not_of(" \t\r\n") == std::string::npos)
        Error(note, "'note' is empty");
      else
        entry.note = *n;
    }

    const YAML::Node examples = node["examples"];
    if (!examples)
      Error(node, name() + " has no 'examples' (sentences where it must fire)");
    else
      entry.examples = List(examples, "examples", false, true);
    const YAML::Node counter = node["counterexamples"];
    if (!counter)
      Error(node, name() + " has no 'counterexamples' (sentences where it must not fire)");
    else
      entry.counterexamples = List(counter, "counterexamples", false, true);

    if (const YAML::Node c = node["case"]) {
      if (std::optional<std::string> s = String(c, "case")) {
        if (*s == "any") entry.case_rule = CaseRule::kAny;
        else if (*s == "as_written") entry.case_rule = CaseRule::kAsWritten;
        else if (*s == "lower") entry.case_rule = CaseRule::kLower;
        else {
          const std::string guess = DidYouMean(*s, {"any", "as_written", "lower"});
          Error(c, "'case' must be any, as_written or lower, not '" + *s + "'" +
                       (guess.empty() ? "" : " (did you mean '" + guess + "'?)"));
        }
      }
    }
    if (const YAML::Node nb = node["not_before"]) entry.not_before = List(nb, "not_before", true, true);
    if (const YAML::Node ob = node["only_before"]) entry.only_before = List(ob, "only_before", true, true);
    if (const YAML::Node oa = node["only_after"]) entry.only_after = List(oa, "only_after", true, true);
    if (const YAML::Node na = node["not_after"]) entry.not_after = List(na, "not_after", true, true);
    if (const YAML::Node a = node["aliases"]) entry.aliases = List(a, "aliases", true, true);
    if (const YAML::Node u = node["unsourced"]) entry.unsourced = Bool(u, "unsourced").value_or(false);
    if (const YAML::Node r = node["recipient"]) entry.recipient = Bool(r, "recipient").value_or(false);
    if (const YAML::Node g = node["gender"]) {
      if (std::optional<std::string> s = String(g, "gender")) {
        if (*s != "female" && *s != "male")
          Error(g, "'gender' must be female or male, not '" + *s + "'");
        else
          entry.gender = *s;
      }
    }

    // An entry with any error is not added: Build() fails anyway, and a
    // half-read entry must never be matched.
    if (CountErrors() == errors_before) Add(std::move(entry));
  }

  void ParsePattern(const YAML::Node& node, Entry* entry) {
    std::optional<LocatedText> t = Phrase(node, "pattern");
    if (!t) return;
    // The caret goes to a character of the pattern: the scalar starts at the
    // mark, one further when quoted.
    auto at_offset = [&](size_t offset) {
      SourceLocation loc = Locate(node.Mark());
      const size_t at = node.Mark().pos;
      const std::string_view text = source.text();
      const bool quoted = at < text.size() && (text[at] == '\'' || text[at] == '"');
      if (t->text.find('\n') == std::string::npos) loc.column += static_cast<int>(offset) + (quoted ? 1 : 0);
      return loc;
    };
    try {
      boost::regex re(t->text, boost::regex::perl);
    } catch (const boost::regex_error& e) {
      // Point the caret at the failing character.
      Report(Severity::kError, at_offset(e.position() >= 0 ? static_cast<size_t>(e.position()) : 0),
             std::string("invalid pattern: ") + boost::regex_error(e.code()).what() +
                 " at offset " + std::to_string(e.position()));
      return;
    }
    if (t->text.size() > kMaxPatternLength) {
      Report(Severity::kError, at_offset(0),
             "pattern is " + std::to_string(t->text.size()) + " characters long, over the limit of " +
                 std::to_string(kMaxPatternLength) + " (a long pattern lets Boost.Regex backtrack for minutes)");
      return;
    }
    std::string nested;
    if (const size_t at = NestedRepetition(t->text, &nested); at != std::string_view::npos) {
      Report(Severity::kError, at_offset(at),
             "pattern repeats a group that itself repeats or alternates ('" + nested +
                 "'): it can backtrack catastrophically; repeat a single token or a bounded {n,m}");
      return;
    }
    entry->pattern = *t;
  }

  size_t CountErrors() const { return source.error_count(); }

  void Add(Entry entry) {
    auto& entries = builder->entries_;
    if (!indexed) {
      index.clear();
      for (size_t i = 0; i < entries.size(); ++i) index.emplace(entries[i].id, i);
      indexed = true;
    }
    auto [it, inserted] = index.emplace(entry.id, entries.size());
    if (!inserted) {
      Entry& existing = entries[it->second];
      Report(Severity::kNote, entry.location,
             "entry '" + entry.id + "' replaces the one at " + existing.location.path.str() + ":" +
                 std::to_string(existing.location.line) + ":" +
                 std::to_string(existing.location.column));
      existing = std::move(entry);
      return;
    }
    entries.push_back(std::move(entry));
  }

  void Disable(const Entry& entry) {
    auto& entries = builder->entries_;
    auto it = std::find_if(entries.begin(), entries.end(),
                           [&](const Entry& e) { return e.id == entry.id; });
    if (it == entries.end()) {
      Report(Severity::kWarning, entry.location,
             "'disabled' entry '" + entry.id + "' matches no entry loaded before it");
      return;
    }
    Report(Severity::kNote, entry.location, "entry '" + entry.id + "' is disabled");
    entries.erase(it);
    indexed = false;
  }
};

void LexiconBuilder::AddDefaults() {
  // The build validated the defaults and stored their entries compiled;
  // loading them parses no YAML. Overrides need defaults first, so the
  // compiled form is used only when nothing was loaded before.
  if (entries_.empty() && internal::DeserializeEntries(internal::CompiledDefaultLexicon(), &entries_)) {
    compiled_defaults_only_ = true;
    return;
  }
  for (const EmbeddedFile& f : internal::EmbeddedLexiconFiles())
    if (!IsSettingsFile(f.path)) AddText(std::string(f.path), f.text);
}

void LexiconBuilder::AddText(const std::string& path, std::string_view yaml) {
  compiled_defaults_only_ = false;
  sources_.emplace_back(path, std::string(yaml));
  LexiconParser parser(this, sources_.back().first, sources_.back().second);
  parser.Parse();
}

void LexiconBuilder::AddFile(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    diagnostics_.push_back({Severity::kError, path, 0, 0, "is a directory, not a lexicon file", ""});
    return;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    diagnostics_.push_back(
        {Severity::kError, path, 0, 0, std::string("cannot open: ") + std::strerror(errno), ""});
    return;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  AddText(path, buffer.str());
}

void LexiconBuilder::AddDirectory(const std::string& directory) {
  std::error_code ec;
  if (!std::filesystem::is_directory(directory, ec)) {
    diagnostics_.push_back({Severity::kError, directory, 0, 0,
                            std::filesystem::exists(directory, ec)
                                ? "is not a directory (--lexicons takes a directory of .yaml files)"
                                : "no such lexicon directory",
                            ""});
    return;
  }
  std::vector<std::string> files;
  for (const auto& item : std::filesystem::directory_iterator(directory, ec)) {
    const std::string ext = item.path().extension().string();
    if (item.is_regular_file(ec) && (ext == ".yaml" || ext == ".yml") &&
        !IsSettingsFile(item.path().string()))
      files.push_back(item.path().string());
  }
  if (ec) {
    diagnostics_.push_back({Severity::kError, directory, 0, 0, "cannot list: " + ec.message(), ""});
    return;
  }
  if (files.empty() && !std::filesystem::exists(std::filesystem::path(directory) / "scoring.yaml", ec) &&
      !std::filesystem::exists(std::filesystem::path(directory) / "triage.yaml", ec)) {
    diagnostics_.push_back({Severity::kError, directory, 0, 0, "holds no lexicon files (*.yaml)", ""});
    return;
  }
  std::sort(files.begin(), files.end());
  for (const std::string& f : files) AddFile(f);
}

bool LexiconBuilder::Disable(std::string_view id) {
  auto it = std::find_if(entries_.begin(), entries_.end(), [&](const Entry& e) { return e.id == id; });
  if (it == entries_.end()) return false;
  entries_.erase(it);
  return true;
}

std::vector<std::string> LexiconBuilder::EntryIds() const {
  std::vector<std::string> ids;
  ids.reserve(entries_.size());
  for (const Entry& e : entries_) ids.push_back(e.id);
  return ids;
}

Result<Lexicon> LexiconBuilder::Build() {
  Result<Lexicon> lexicon = Check();
  if (lexicon.ok()) lexicon.value().entries_ = entries_;
  return lexicon;
}

Result<Lexicon> LexiconBuilder::BuildAndRelease() {
  Result<Lexicon> lexicon = Check();
  if (lexicon.ok()) lexicon.value().entries_ = std::move(entries_);
  entries_.clear();
  return lexicon;
}

Result<Lexicon> LexiconBuilder::Check() {
  // A phrase may stand in one entry of a family only: two entries firing on
  // the same words would make the report say the same thing twice.
  std::unordered_map<std::string, const Entry*> owners[kFamilyCount];
  // Line starts of each loaded file, computed once: a lexicon with a
  // hundred thousand duplicates must not rescan its text for each.
  std::unordered_map<std::string, std::pair<std::string_view, std::vector<size_t>>> lines;
  auto source_line = [&](const SourceLocation& at) -> std::string {
    auto found = lines.find(at.path.str());
    if (found == lines.end()) {
      const auto src = std::find_if(sources_.begin(), sources_.end(),
                                    [&](const auto& f) { return f.first == at.path.str(); });
      if (src == sources_.end()) return "";
      std::vector<size_t> starts{0};
      for (size_t i = 0; i < src->second.size(); ++i)
        if (src->second[i] == '\n') starts.push_back(i + 1);
      found = lines.emplace(at.path.str(), std::make_pair(std::string_view(src->second), std::move(starts))).first;
    }
    const auto& [text, starts] = found->second;
    if (at.line < 1 || static_cast<size_t>(at.line) > starts.size()) return "";
    const size_t begin = starts[static_cast<size_t>(at.line) - 1];
    size_t end = static_cast<size_t>(at.line) < starts.size() ? starts[static_cast<size_t>(at.line)] - 1 : text.size();
    if (end > begin && text[end - 1] == '\r') --end;
    return std::string(text.substr(begin, end - begin));
  };
  // The compiled defaults passed this check when the build made them
  // (src/tools/lexgen.cpp): alone, they need not pass it again at start-up.
  if (compiled_defaults_only_ && !has_errors()) return Lexicon();
  for (const Entry& e : entries_) {
    auto& owner = owners[static_cast<size_t>(e.family)];
    auto check = [&](const LocatedText& p) {
      std::vector<Token> tokens;
      Tokenize(p.text, &tokens);
      std::string key;
      for (const Token& t : tokens) {
        key += NormalizeToken(std::string_view(p.text).substr(t.begin, t.size()));
        key += ' ';
      }
      auto [it, inserted] = owner.emplace(key, &e);
      if (!inserted && it->second != &e) {
        Diagnostic d{Severity::kError, p.location.path.str(), p.location.line, p.location.column,
                     "phrase '" + p.text + "' is already listed by entry '" + it->second->id +
                         "' (" + it->second->location.path.str() + ":" +
                         std::to_string(it->second->location.line) + ")",
                     ""};
        d.source_line = source_line(p.location);
        diagnostics_.push_back(std::move(d));
      }
    };
    for (const LocatedText& p : e.phrases) check(p);
    for (const LocatedText& p : e.aliases) check(p);
  }
  if (has_errors()) {
    std::vector<Diagnostic> errors;
    for (const Diagnostic& d : diagnostics_)
      if (d.severity == Severity::kError) errors.push_back(d);
    const size_t n = errors.size();
    return Status::Error(std::to_string(n) + (n == 1 ? " error" : " errors") + " in lexicons",
                         std::move(errors));
  }
  return Lexicon();
}

Result<Lexicon> LoadLexicons(const std::vector<std::string>& extra_dirs) {
  LexiconBuilder builder;
  builder.AddDefaults();
  for (const std::string& dir : extra_dirs) builder.AddDirectory(dir);
  return builder.Build();
}

}  // namespace sourcecheck
