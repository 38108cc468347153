#include "sourcecheck/scoring.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "embedded_lexicons.hpp"
#include "sourcecheck/analyzer.hpp"
#include "yaml_source.hpp"

namespace sourcecheck {

const char* TierName(Tier tier) {
  switch (tier) {
    case Tier::kStrong: return "strong";
    case Tier::kModerate: return "moderate";
    case Tier::kWeak: return "weak";
    case Tier::kVeryWeak: return "very_weak";
    case Tier::kUnattributed: return "unattributed";
  }
  return "unattributed";
}

const Attribution* PrimaryAttribution(const Claim& claim) {
  if (claim.attributions.empty()) return nullptr;
  const Attribution& a = claim.attributions.front();
  // Beliefs and intentions ("Xi sees") report a holder, not a source; a
  // verb hedged as hearsay does not make its subject the source.
  if (a.mental || a.hedged_verb || a.kind == SourceKind::kNone) return nullptr;
  return &a;
}

bool ParseTier(std::string_view name, Tier* tier) {
  for (int t = 0; t < kTierCount; ++t) {
    if (name == TierName(static_cast<Tier>(t))) {
      *tier = static_cast<Tier>(t);
      return true;
    }
  }
  return false;
}

namespace {

// Literal pieces of reasons and advice are appended as "..."sv: their
// length is known when compiled, not measured per claim.
using namespace std::string_view_literals;

constexpr const char* kTierKeys[4] = {"strong", "moderate", "weak", "very_weak"};
constexpr const char* kKindKeys[9] = {"named_person",        "organization",   "document",
                                      "outlet",              "anonymous_described",
                                      "anonymous_bare",      "vague",          "none",
                                      "unknown"};

struct Modifier {
  const char* key;
  double ScoringModel::*field;
};
const Modifier kModifiers[] = {
    {"direct_quote", &ScoringModel::direct_quote},
    {"partial_quote", &ScoringModel::partial_quote},
    {"relayed", &ScoringModel::relayed},
    {"relayed_anonymous", &ScoringModel::relayed_anonymous},
    {"hedge", &ScoringModel::hedge},
    {"stacked_hedges", &ScoringModel::stacked_hedges},
    {"anonymity_reason", &ScoringModel::anonymity_reason},
    {"vantage", &ScoringModel::vantage},
    {"bare_plural_sources", &ScoringModel::bare_plural_sources},
    {"loaded_verb", &ScoringModel::loaded_verb},
    {"tentative_verb", &ScoringModel::tentative_verb},
    {"inherited", &ScoringModel::inherited},
};

// One line of display text: line breaks inside a span become spaces.
// Appends `text` with its line breaks as spaces.
void AppendOneLine(std::string* out, std::string_view text) {
  const size_t at = out->size();
  out->append(text);
  // Every byte written back, changed or not: a loop without branches,
  // which the compiler vectorises.
  char* p = out->data() + at;
  for (size_t i = 0; i < text.size(); ++i) p[i] = p[i] == '\n' || p[i] == '\r' ? ' ' : p[i];
}

// A claim's reasons, written over the ones it holds: a claim reused from
// an earlier section (Attribute leaves its reasons to Score) gives each new
// reason the storage of an old one, so that once the strings have grown,
// scoring allocates nothing per reason (a 5 MB text has some 42,000). What
// is left of the old reasons is dropped when the writer goes, however the
// claim's scoring ends.
class ReasonWriter {
 public:
  explicit ReasonWriter(Claim* c) : reasons_(&c->reasons) {}
  ~ReasonWriter() { reasons_->resize(used_); }
  ReasonWriter(const ReasonWriter&) = delete;
  ReasonWriter& operator=(const ReasonWriter&) = delete;
  // An empty string for the next reason; a new one has room for a typical
  // reason, so that building it allocates once.
  std::string& New() {
    if (used_ < reasons_->size()) {
      std::string& r = (*reasons_)[used_++];
      r.clear();
      return r;
    }
    ++used_;
    std::string& r = reasons_->emplace_back();
    r.reserve(96);
    return r;
  }
  // A reason that is a fixed phrase.
  void Add(std::string_view reason) { New().assign(reason); }

 private:
  std::vector<std::string>* reasons_;
  size_t used_ = 0;
};

// `text` with its line breaks as spaces.
std::string OneLine(std::string_view text) {
  std::string s;
  AppendOneLine(&s, text);
  return s;
}

// "'text'" with the text on one line.
void AppendQuoted(std::string* out, std::string_view text) {
  *out += '\'';
  AppendOneLine(out, text);
  *out += '\'';
}

bool IsAnonymous(SourceKind k) {
  return k == SourceKind::kAnonymousDescribed || k == SourceKind::kAnonymousBare;
}
bool IsNamed(SourceKind k) {
  return k == SourceKind::kNamedPerson || k == SourceKind::kOrganization ||
         k == SourceKind::kDocument || k == SourceKind::kOutlet;
}

// Appends the outlet a claim was relayed through: its full name when the
// text used a short form.
void AppendVia(std::string* out, const Attribution& a, std::string_view text) {
  if (a.via_name.empty()) AppendOneLine(out, SpanText(text, a.via));
  else *out += a.via_name;
}

void AppendKindReason(std::string* r, const Attribution& a, std::string_view text) {
  const std::string_view source = SpanText(text, a.source);
  auto who = [&] {
    if (a.refers_to.empty()) AppendOneLine(r, source);
    else *r += a.refers_to;
  };
  switch (a.kind) {
    case SourceKind::kNamedPerson:
      *r += "named person: "sv;
      who();
      if (!a.refers_to.empty()) {
        *r += " ("sv;
        AppendQuoted(r, source);
        *r += ')';
      }
      return;
    case SourceKind::kOrganization:
      *r += "named body on record: "sv;
      AppendOneLine(r, source);
      return;
    case SourceKind::kDocument:
      *r += "document: "sv;
      AppendOneLine(r, source);
      return;
    case SourceKind::kOutlet:
      *r += "another outlet is the source: "sv;
      who();
      return;
    case SourceKind::kAnonymousDescribed:
      *r += "anonymous source, described by vantage point: "sv;
      AppendQuoted(r, source);
      return;
    case SourceKind::kAnonymousBare:
      *r += "anonymous source, undescribed: "sv;
      AppendQuoted(r, source);
      return;
    case SourceKind::kVague:
      *r += "vague group as source: "sv;
      AppendQuoted(r, source);
      return;
    case SourceKind::kUnknown:
      *r += "source "sv;
      AppendQuoted(r, source);
      *r += " could not be identified"sv;
      return;
    case SourceKind::kNone: break;
  }
  *r += "no source"sv;
}

// Sets the claim's advice (empty for a strong claim); the string keeps its
// capacity from one use to the next. It is emptied first, so each branch
// appends its advice.
void SetAdvice(Claim* c, const Attribution* a, std::string_view text) {
  std::string& out = c->advice;
  out.clear();
  if (c->tier == Tier::kStrong) return;
  if (!a) {
    if (c->tier == Tier::kUnattributed)
      out += "Unless this is established fact or the writer's own reporting, attribute it."sv;
    else
      out += "Say who reported or believes this, or confirm it and drop the hedge."sv;
    return;
  }
  switch (a->kind) {
    case SourceKind::kNamedPerson:
    case SourceKind::kOrganization:
    case SourceKind::kDocument:
      if (!a->via.empty()) {
        out += "Check the original in "sv;
        AppendVia(&out, *a, text);
        out += " and credit it, or confirm with the source directly."sv;
      } else if (a->kind == SourceKind::kOrganization) {
        out += "Quote or link the body's statement rather than paraphrase it."sv;
      } else {
        out += "Confirm the claim with the source or a document, and drop the hedge."sv;
      }
      return;
    case SourceKind::kOutlet:
      out += "Another outlet is the only source: confirm independently, or name the outlet's own source."sv;
      return;
    case SourceKind::kAnonymousDescribed:
      out += "Say why the source needs anonymity and how they know, or find an on-record source."sv;
      return;
    case SourceKind::kAnonymousBare:
      out += "Describe who the sources are (their vantage point) and why they are anonymous, or find an on-record source."sv;
      return;
    case SourceKind::kVague:
      out += "Name who says this, or cite evidence for it."sv;
      return;
    case SourceKind::kUnknown:
      out += "Make clear who is speaking: the pronoun has no named antecedent."sv;
      return;
    case SourceKind::kNone: break;
  }
  out += "Attribute this claim."sv;
}

}  // namespace

void ScoringModel::Read(const std::string& path, std::string_view yaml, std::vector<Diagnostic>* out) {
  internal::YamlSource source(path, yaml, out);
  std::optional<YAML::Node> loaded = source.Load();
  if (!loaded) return;
  const YAML::Node root = *loaded;
  if (!root.IsMap()) {
    source.Report(Severity::kError, source.At(1, 1),
                  std::string("a scoring file must be a map, not ") + internal::NodeTypeName(root));
    return;
  }
  source.CheckKeys(root, {"version", "kind", "tiers", "sources", "unattributed", "modifiers"},
                   "a scoring file");
  if (const YAML::Node v = root["version"]) {
    std::optional<double> n = source.Number(v, "version");
    if (n && *n != 1) source.Error(v, "unsupported scoring version " + v.Scalar() + " (this sourcecheck reads version 1)");
  } else {
    source.Error(root, "missing required key 'version' (the format version: 1)");
  }
  if (const YAML::Node k = root["kind"]) {
    std::optional<std::string> s = source.String(k, "kind");
    if (s && *s != "scoring") source.Error(k, "'kind' must be 'scoring', not '" + *s + "'");
  } else {
    source.Error(root, "missing required key 'kind' (scoring)");
  }
  auto read_map = [&](const char* key, const std::vector<std::string>& keys, auto&& store) {
    const YAML::Node map = root[key];
    if (!map) return;
    if (!map.IsMap()) {
      source.Error(map, std::string("'") + key + "' must be a map, not " + internal::NodeTypeName(map));
      return;
    }
    source.CheckKeys(map, keys, key);
    for (size_t i = 0; i < keys.size(); ++i) {
      const YAML::Node value = map[keys[i]];
      if (!value) continue;
      std::optional<double> n = source.Number(value, keys[i]);
      if (!n) continue;
      if (!std::isfinite(*n) || *n < -100 || *n > 100) {
        source.Error(value, "'" + keys[i] + "' must be from -100 to 100, not " + value.Scalar());
        continue;
      }
      store(i, *n);
    }
  };
  read_map("tiers", {kTierKeys, kTierKeys + 4}, [&](size_t i, double v) { tier_floor[i] = v; });
  read_map("sources", {kKindKeys, kKindKeys + 9}, [&](size_t i, double v) { base[i] = v; });
  std::vector<std::string> modifier_keys;
  for (const Modifier& m : kModifiers) modifier_keys.push_back(m.key);
  read_map("modifiers", modifier_keys, [&](size_t i, double v) { this->*(kModifiers[i].field) = v; });
  if (const YAML::Node u = root["unattributed"]) {
    if (std::optional<double> n = source.Number(u, "unattributed")) unattributed = *n;
  }
  if (tier_floor[0] < tier_floor[1] || tier_floor[1] < tier_floor[2] || tier_floor[2] < tier_floor[3])
    if (const YAML::Node t = root["tiers"])
      source.Error(t, "tier floors must not increase from strong to very_weak");
}

const ScoringModel& ScoringModel::Default() {
  static const ScoringModel model = [] {
    Result<ScoringModel> loaded = Load({});
    // The embedded file is tested (scoring_test.cpp); an error here is a
    // build defect, not a user's.
    return loaded.ok() ? std::move(loaded).value() : ScoringModel{};
  }();
  return model;
}

Result<ScoringModel> ScoringModel::Load(const std::vector<std::string>& extra_dirs) {
  ScoringModel model;
  std::vector<Diagnostic> diagnostics;
  // The embedded default as the build read it (src/tools/lexgen.cpp): its
  // bytes are copied, not its YAML parsed again. The generator, which has
  // no compiled form, reads the file.
  const std::string_view compiled = internal::CompiledDefaultScoring();
  if (compiled.size() == sizeof model) {
    std::memcpy(&model, compiled.data(), sizeof model);
  } else {
    for (const EmbeddedFile& f : internal::EmbeddedLexiconFiles())
      if (std::filesystem::path(f.path).filename() == "scoring.yaml")
        model.Read(std::string(f.path), f.text, &diagnostics);
  }
  for (const std::string& dir : extra_dirs) {
    const std::filesystem::path path = std::filesystem::path(dir) / "scoring.yaml";
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) continue;
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    model.Read(path.string(), text.str(), &diagnostics);
  }
  if (HasErrors(diagnostics)) return Status::Error("errors in scoring.yaml", std::move(diagnostics));
  return model;
}

void Score(const ScoringModel& model, const Analyzer& analyzer, const Document& document,
           const Analysis& analysis, std::vector<Claim>* claims) {
  const std::string& text = document.text();
  // Whether a span lies inside a quotation, in O(log quotations): the
  // quotations sorted by start, with the furthest end of each prefix (so
  // a million hedges and quotations are not a trillion comparisons).
  std::vector<std::pair<uint32_t, uint32_t>> quotes;  // (begin, furthest end so far)
  for (const Quotation& q : analysis.segmentation.quotations) quotes.emplace_back(q.begin, q.end);
  std::sort(quotes.begin(), quotes.end());
  for (size_t i = 1; i < quotes.size(); ++i) quotes[i].second = std::max(quotes[i].second, quotes[i - 1].second);
  auto quoted = [&](uint32_t begin, uint32_t end) {
    auto it = std::upper_bound(quotes.begin(), quotes.end(), std::make_pair(begin, UINT32_MAX));
    return it != quotes.begin() && std::prev(it)->second >= end;
  };
  std::vector<Span> own;  // the writer's own hedges of the claim
  const auto unattributed_score = static_cast<int>(std::lround(model.unattributed));
  for (Claim& c : *claims) {
    c.hedges.clear();
    ReasonWriter reasons(&c);
    own.clear();
    bool anonymity_reason = false;
    bool vantage = false;
    const Attribution* a = PrimaryAttribution(c);
    double hedge_penalty = 0;
    for (uint32_t i = analysis.cue_begin[c.first_sentence];
         i < analysis.cue_begin[c.last_sentence + 1]; ++i) {
      const CueMatch& m = analysis.cues[i];
      const Entry& e = analyzer.matcher().entry(m.entry);
      const std::string_view category = e.category;
      if (e.family == Family::kAnonymousSources && (category == "reason" || category == "grant"))
        anonymity_reason = true;
      if (e.family == Family::kAnonymousSources && category == "vantage") vantage = true;
      if (e.family != Family::kHedges) continue;
      HedgeHit h;
      h.span = {m.begin, m.end};
      h.entry = m.entry;
      h.quoted = quoted(m.begin, m.end);
      c.hedges.push_back(h);
      // A tentative verb that is the attribution's own cue ("suggested") is
      // scored as the verb, not again as a hedge.
      if (a && a->cue.begin == m.begin && a->cue.end == m.end) continue;
      if (!h.quoted) {
        hedge_penalty += model.hedge * e.weight;
        own.push_back(h.span);
      }
    }
    c.stacked_hedges = own.size() >= 2;

    double score = 0;
    if (!a) {
      if (own.empty()) {
        c.score = unattributed_score;
        c.tier = Tier::kUnattributed;
        if (!c.attributions.empty() && c.attributions.front().mental) {
          std::string& r = reasons.New();
          r += "states a belief or intention ("sv;
          AppendQuoted(&r, SpanText(text, c.attributions.front().cue));
          r += ") without saying how the writer knows"sv;
        } else {
          reasons.New() = "no source and no hedge: the writer's own claim";
        }
        SetAdvice(&c, nullptr, text);
        continue;
      }
      score = model.base[static_cast<int>(SourceKind::kNone)];
      reasons.Add("no source given");
    } else {
      score = model.base[static_cast<int>(a->kind)];
      AppendKindReason(&reasons.New(), *a, text);
      const bool named = a->kind == SourceKind::kNamedPerson || a->kind == SourceKind::kOrganization;
      if (named && a->quote == QuoteKind::kDirect) {
        score += model.direct_quote;
        reasons.Add("direct quotation");
      } else if (named && a->quote == QuoteKind::kPartial) {
        score += model.partial_quote;
        reasons.Add("partly quoted");
      }
      if (!a->via.empty()) {
        if (a->kind != SourceKind::kOutlet) {
          score += IsNamed(a->kind) ? model.relayed : model.relayed_anonymous;
          std::string& r = reasons.New();
          r += "relayed from "sv;
          AppendVia(&r, *a, text);
        }
      }
      if (IsAnonymous(a->kind) && anonymity_reason) {
        score += model.anonymity_reason;
        reasons.Add("says why the source is anonymous");
      }
      if (IsAnonymous(a->kind) && vantage) {
        score += model.vantage;
        reasons.Add("says how the source knows");
      }
      if (a->kind == SourceKind::kAnonymousBare &&
          NormalizeToken(SpanText(text, a->source)) == "sources") {
        score += model.bare_plural_sources;
        reasons.Add("'sources' with nothing else");
      }
      const std::string_view verb_class = a->verb_class;
      if (verb_class == "loaded") {
        score += model.loaded_verb;
        std::string& r = reasons.New();
        r += "loaded verb: "sv;
        AppendQuoted(&r, SpanText(text, a->cue));
      } else if (verb_class == "tentative") {
        score += model.tentative_verb;
        std::string& r = reasons.New();
        r += "tentative verb: "sv;
        AppendQuoted(&r, SpanText(text, a->cue));
      }
      if (a->inherited) {
        score += model.inherited;
        reasons.Add("attributed only in another sentence");
      }
    }
    for (const Span& h : own) {
      std::string& r = reasons.New();
      r += "hedged: "sv;
      AppendQuoted(&r, SpanText(text, h));
    }
    score += hedge_penalty;
    if (c.stacked_hedges) {
      score += model.stacked_hedges;
      std::string& r = reasons.New();
      r += "stacked hedges ("sv;
      r += std::to_string(own.size());
      r += ')';
    }
    for (const HedgeHit& h : c.hedges)
      if (h.quoted) {
        std::string& r = reasons.New();
        r += "the speaker's own hedge, quoted: "sv;
        AppendQuoted(&r, SpanText(text, h.span));
      }
    score = std::clamp(score, 0.0, 100.0);
    c.score = static_cast<int>(std::lround(score));
    c.tier = Tier::kVeryWeak;
    for (int t = 0; t < 4; ++t) {
      if (c.score >= model.tier_floor[t]) {
        c.tier = static_cast<Tier>(t);
        break;
      }
    }
    SetAdvice(&c, a, text);
  }
}

Summary Summarize(const Analyzer& analyzer, const Document& document, const Analysis& analysis,
                  const std::vector<Claim>& claims) {
  (void)analyzer;
  SummaryBuilder builder;
  builder.Add(document, analysis, claims);
  return builder.Finish();
}

void SummaryBuilder::Add(const Document& document, const Analysis& analysis, const std::vector<Claim>& claims) {
  const std::string& text = document.text();
  std::string normalized;  // a source's name as NormalizeToken() gives it, made in one buffer
  for (const Claim& c : claims) {
    ++claims_;
    ++s_.claims_by_tier[static_cast<int>(c.tier)];
    for (const HedgeHit& h : c.hedges)
      if (!h.quoted) ++s_.hedges;
    const Attribution* a = PrimaryAttribution(c);
    if (!a) continue;
    ++attributed_;
    score_sum_ += c.score;
    // The first source the story cites sets the reader's trust; AP asks
    // that it not be anonymous.
    if (attributed_ == 1) first_source_anonymous_ = IsAnonymous(a->kind);
    if (a->inherited && inherited_claim_ == 0) inherited_claim_ = claims_;
    if (IsAnonymous(a->kind)) ++anonymous_;
    auto note = [&](std::unordered_set<std::string, StringViewHash, std::equal_to<>>* names) {
      if (!a->refers_to.empty()) {
        names->insert(a->refers_to);
        return;
      }
      NormalizeToken(SpanText(text, a->source), &normalized);
      if (names->find(std::string_view(normalized)) == names->end()) names->insert(normalized);
    };
    if (IsNamed(a->kind)) note(&named_);
    else if (IsAnonymous(a->kind) || a->kind == SourceKind::kVague) note(&unnamed_);
    std::string outlet;
    if (a->kind == SourceKind::kOutlet) outlet = a->refers_to.empty() ? OneLine(SpanText(text, a->source)) : a->refers_to;
    else if (!a->via.empty()) AppendVia(&outlet, *a, text);
    if (!outlet.empty()) {
      auto it = std::find_if(s_.outlets.begin(), s_.outlets.end(),
                             [&](const auto& o) { return o.first == outlet; });
      if (it == s_.outlets.end()) s_.outlets.emplace_back(outlet, 1);
      else ++it->second;
    }
  }
  // Counted apart from s_: a store to it could change a token's kind (a
  // byte), as far as the compiler knows, so it would be stored on every token.
  int words = 0;
  for (const Token& t : analysis.tokens)
    if (t.kind != TokenKind::kPunct) ++words;
  s_.words += words;
  pattern_errors_.insert(analysis.pattern_errors.begin(), analysis.pattern_errors.end());
}

Summary SummaryBuilder::Finish() {
  Summary s = std::move(s_);
  s_ = Summary();
  s.named_sources = static_cast<int>(named_.size());
  s.unnamed_sources = static_cast<int>(unnamed_.size());
  s.attributed_share = claims_ ? static_cast<double>(attributed_) / claims_ : 0;
  s.anonymous_share = attributed_ ? static_cast<double>(anonymous_) / attributed_ : 0;
  s.hedges_per_100_words = s.words ? 100.0 * s.hedges / s.words : 0;
  // Overall: the attributed claims' mean score, pulled down by the share of
  // claims with no attribution at all (docs/scoring.md).
  if (attributed_ > 0) {
    s.score = static_cast<int>(std::lround(0.8 * score_sum_ / attributed_ + 20.0 * s.attributed_share));
  } else {
    int hedged = s.claims_by_tier[static_cast<int>(Tier::kVeryWeak)];
    s.score = hedged > 0 ? 20 : 30;
  }
  s.score = std::clamp(s.score, 0, 100);

  // Flags from newsroom standards.
  if (attributed_ > 0 && named_.empty() && unnamed_.size() == 1 && anonymous_ > 0)
    s.flags.emplace_back("single_anonymous_source", "the story rests on a single anonymous source");
  if (first_source_anonymous_)
    s.flags.emplace_back("first_source_anonymous", "the first source the story cites is anonymous");
  if (inherited_claim_ > 0)
    s.flags.emplace_back("attribution_in_other_sentence",
                         "claim " + std::to_string(inherited_claim_) + " has its attribution only in another sentence");
  if (attributed_ >= 3 && !s.outlets.empty()) {
    int relayed = 0;
    for (const auto& o : s.outlets) relayed += o.second;
    if (relayed * 2 > attributed_)
      s.flags.emplace_back("rests_on_other_outlets", "most attributed claims rest on other outlets' reporting");
  }
  // A user pattern that backtracked past Boost's match limit found nothing
  // in this document: say so rather than report its absence as a fact.
  for (const std::string& id : pattern_errors_) s.flags.emplace_back("pattern_limit", PatternLimitMessage(id));
  return s;
}

std::string PatternLimitMessage(const std::string& entry_id) {
  return "lexicon pattern '" + entry_id +
         "' exceeded Boost.Regex's match limit (catastrophic backtracking) and was skipped: "
         "its cues are missing from this report";
}

}  // namespace sourcecheck
