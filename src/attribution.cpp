#include "sourcecheck/attribution.hpp"

#include <algorithm>
#include <array>
#include <unordered_set>

namespace sourcecheck {

const char* SourceKindName(SourceKind kind) {
  switch (kind) {
    case SourceKind::kNamedPerson: return "named_person";
    case SourceKind::kOrganization: return "organization";
    case SourceKind::kDocument: return "document";
    case SourceKind::kOutlet: return "outlet";
    case SourceKind::kAnonymousDescribed: return "anonymous_described";
    case SourceKind::kAnonymousBare: return "anonymous_bare";
    case SourceKind::kVague: return "vague";
    case SourceKind::kNone: return "none";
    case SourceKind::kUnknown: return "unknown";
  }
  return "none";
}

const char* QuoteKindName(QuoteKind kind) {
  switch (kind) {
    case QuoteKind::kNone: return "none";
    case QuoteKind::kPartial: return "partial";
    case QuoteKind::kDirect: return "direct";
  }
  return "none";
}

namespace {

// Closed classes of English the rules need, as normalised-token hashes.
class WordSet {
 public:
  WordSet(std::initializer_list<const char*> words) {
    for (const char* w : words) hashes_.insert(NormalizedHash(w));
  }
  bool Contains(uint64_t hash) const { return hashes_.count(hash) != 0; }

 private:
  std::unordered_set<uint64_t> hashes_;
};

// Words that end a source phrase when walking away from the cue.
const WordSet& Boundaries() {
  static const WordSet words = {
      "that", "which", "who", "whom", "whose", "but", "or", "as", "because", "while", "when",
      "if", "since", "after", "before", "where", "although", "though", "is", "was", "were",
      "are", "be", "been", "being", "has", "have", "had", "will", "would", "could", "should",
      "may", "might", "can", "must", "did", "does", "do", "not", "than", "so", "also",
      "however", "meanwhile", "yet", "then", "once", "until", "whether", "to", "into", "onto",
      "over", "under", "about", "against", "during", "through", "without", "between",
      "among", "per", "via", "like", "unlike", "despite", "amid", "by", "in", "on", "at",
      "for", "from", "with", "and", "said", "says", "say", "told", "according", "there",
      "here", "now", "today", "yesterday", "tonight", "this", "these", "those", "it", "its",
      "we", "i", "you", "us", "me", "what", "how", "why", "why", "all", "both", "each",
      "either", "neither", "even", "only", "just", "still", "already", "instead", "too",
      "very", "more", "most", "less", "least", "no", "nor", "up", "out", "off", "down",
      "away", "back", "around", "again", "ever", "never", "always", "often", "sometimes",
      "later", "earlier", "first", "last", "next", "saying", "adding", "noting", "added",
      "wrote", "reported", "reports", "report"};
  return words;
}

// Function words allowed inside a source phrase.
const WordSet& Determiners() {
  static const WordSet words = {"the", "a", "an", "his", "her", "their", "its", "our", "one",
                                "two", "three", "several", "some", "many", "other", "another",
                                "former", "then", "two", "senior", "top"};
  return words;
}

// Adverbs and auxiliaries that may stand between a subject and its verb
// ("he has repeatedly declared").
const WordSet& VerbModifiers() {
  static const WordSet words = {
      "has", "have", "had", "is", "was", "were", "are", "will", "would", "also", "again",
      "then", "once", "later", "earlier", "previously", "already", "still", "often", "never",
      "not", "did", "does", "do", "long", "first", "recently", "repeatedly", "publicly",
      "privately", "separately", "further", "had", "has", "just", "even", "only", "initially",
      "ultimately", "since", "subsequently", "similarly", "likewise", "too", "herself",
      "himself", "themselves", "itself", "been", "be", "being", "may", "might", "could",
      "should", "can", "must", "shall", "it's", "once"};
  return words;
}

const WordSet& MalePronouns() {
  static const WordSet words = {"he", "him", "his"};
  return words;
}
const WordSet& FemalePronouns() {
  static const WordSet words = {"she", "her", "hers"};
  return words;
}
const WordSet& PluralPronouns() {
  static const WordSet words = {"they", "them"};
  return words;
}
const WordSet& ItPronoun() {
  static const WordSet words = {"it"};
  return words;
}

// Descriptions that point back to an outlet named earlier ("the report",
// "the newspaper").
const WordSet& OutletDescriptions() {
  static const WordSet words = {"report", "newspaper", "paper", "broadcaster", "network",
                                "agency", "outlet", "publication", "magazine", "story",
                                "article", "daily", "channel", "website", "site", "reporting"};
  return words;
}

// Words that open an aside set off by commas ("..., while avoiding X, said").
const WordSet& AsideOpeners() {
  static const WordSet words = {"while", "who", "which", "whose", "when", "although",
                                "though", "according", "in", "on", "at", "as", "after",
                                "before", "speaking", "writing", "citing", "however", "despite",
                                "for", "with", "without", "during", "meanwhile", "not",
                                "unlike", "like", "if", "because", "since", "also", "too",
                                "then", "now", "however", "by", "from", "to", "and", "but"};
  return words;
}

const WordSet& SentenceOpeners() {
  static const WordSet words = {"the", "a", "an", "in", "on", "at", "but", "and", "as",
                                "since", "when", "while", "after", "before", "meanwhile",
                                "however", "this", "that", "these", "those", "it", "he",
                                "she", "they", "we", "i", "if", "for", "from", "with",
                                "according", "recent", "last", "next", "some", "many",
                                "asked", "speaking", "still", "yet", "so", "even", "there",
                                "former", "senior", "critics", "sources", "officials"};
  return words;
}

// Last words of a capitalised name that make it a body, not a person
// ("Hallan Ferry Company", "Marlow Port Authority").
const WordSet& BodySuffixes() {
  static const WordSet words = {
      "company", "corporation", "corp", "inc", "ltd", "plc", "llc", "group", "holdings",
      "bank", "authority", "council", "ministry", "department", "agency", "office", "party",
      "commission", "committee", "association", "union", "foundation", "institute",
      "university", "college", "school", "hospital", "trust", "board", "court", "police",
      "service", "services", "airlines", "airways", "motors", "industries", "partners",
      "fund", "federation", "league", "club", "society", "centre", "center", "network",
      "organisation", "organization", "administration", "government", "parliament",
      "assembly", "senate", "congress", "house", "embassy", "consulate", "army", "navy",
      "command", "forces", "campaign", "coalition", "alliance", "federation", "bureau",
      "directorate", "secretariat", "tribunal", "regulator", "exchange", "lab", "labs",
      "laboratory", "studio", "studios", "team", "firm", "council", "co"};
  return words;
}

// Prepositions joining a role to its body ("spokesperson for", "officials at").
const WordSet& RolePrepositions() {
  static const WordSet words = {"for", "at", "of", "from", "with", "in", "to", "inside", "within"};
  return words;
}

const WordSet& QuoteMarks() {
  static const WordSet words = {"\"", "'"};
  return words;
}

// Families whose matches are parts of a source phrase.
bool IsSourceFamily(Family f) {
  return f == Family::kAnonymousSources || f == Family::kSourceRoles ||
         f == Family::kOrganizations || f == Family::kOutlets || f == Family::kDocuments ||
         f == Family::kVagueSources;
}

struct PersonMention {
  std::string name;           // the full name as first seen ("Xi Jinping")
  std::vector<uint64_t> parts;  // token hashes of the name
  char gender = 0;            // 'm', 'f' or 0
};

struct OutletMention {
  uint32_t entry = kNoEntry;
  std::string name;  // the outlet's full name
};

// One pass over a document: claims in order, with the state coreference
// needs (people and outlets named so far).
class Attributor {
 public:
  Attributor(const Analyzer& analyzer, const Document& document, const Analysis& analysis)
      : matcher_(analyzer.matcher()),
        text_(document.text()),
        tokens_(analysis.tokens),
        analysis_(analysis),
        seg_(analysis.segmentation) {}

  std::vector<Claim> Run();

 private:
  // --- token helpers -----------------------------------------------------
  std::string_view TokenText(uint32_t i) const {
    return std::string_view(text_).substr(tokens_[i].begin, tokens_[i].size());
  }
  bool IsPunct(uint32_t i) const { return tokens_[i].kind == TokenKind::kPunct; }
  bool IsComma(uint32_t i) const { return tokens_[i].hash == kComma; }
  bool IsQuote(uint32_t i) const { return QuoteMarks().Contains(tokens_[i].hash); }
  bool IsCapitalized(uint32_t i) const {
    return tokens_[i].kind == TokenKind::kWord && tokens_[i].has(kCapitalized);
  }
  bool IsLowerWord(uint32_t i) const {
    return tokens_[i].kind == TokenKind::kWord && !tokens_[i].has(kCapitalized) &&
           !tokens_[i].has(kAllUpper);
  }
  static bool EndsWith(std::string_view s, std::string_view suffix) {
    return s.size() > suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
  }
  bool IsLyAdverb(uint32_t i) const {
    const std::string_view t = TokenText(i);
    return IsLowerWord(i) && t.size() > 4 && t.substr(t.size() - 2) == "ly";
  }
  const Entry& EntryOf(const CueMatch& m) const { return matcher_.entry(m.entry); }
  Family FamilyOf(const CueMatch& m) const { return EntryOf(m).family; }

  // --- per-claim work ----------------------------------------------------
  void PrepareSentenceRange(uint32_t first_token, uint32_t end_token, uint32_t cue_first,
                            uint32_t cue_end);
  bool InQuote(uint32_t token) const { return in_quote_[token - range_begin_] != 0; }
  int ChunkAt(uint32_t token) const { return chunk_[token - range_begin_]; }

  // The source phrase ending just before `verb` (subject side), or empty.
  Span LeftPhrase(uint32_t verb, bool allow_aside_skip, uint32_t* first_token) const;
  // The phrase starting at `start` and running right (object side).
  Span RightPhrase(uint32_t start, uint32_t* last_token) const;
  Span ExtendLeftPhrase(uint32_t end_token, uint32_t* first_token) const;

  SourceKind Classify(Span span, uint32_t first, uint32_t last, std::string* refers_to,
                      Span* via, std::string* via_name);
  bool ResolvePronoun(uint32_t token, std::string* refers_to) const;
  void NotePeople(uint32_t first, uint32_t last);
  void NoteOutlets(uint32_t cue_first, uint32_t cue_end);
  std::string PersonName(uint32_t first, uint32_t last) const;
  // An outlet's full name: the first phrase of its entry.
  std::string OutletName(uint32_t entry) const {
    const Entry& e = matcher_.entry(entry);
    std::string name = e.phrases.empty() ? e.id : e.phrases.front().text;
    // Lexicons write "the Guardian" so that "told the Guardian" matches;
    // as a name it starts with a capital.
    if (!name.empty() && name[0] >= 'a' && name[0] <= 'z') name[0] = static_cast<char>(name[0] - 32);
    return name;
  }
  // A capitalised word that can be part of a personal name (not "The",
  // "A", "In" ...).
  bool IsNameWord(uint32_t t) const {
    return IsCapitalized(t) && ChunkAt(t) < 0 && !tokens_[t].has(kInitialism) &&
           !Determiners().Contains(tokens_[t].hash) && !Boundaries().Contains(tokens_[t].hash) &&
           !SentenceOpeners().Contains(tokens_[t].hash);
  }
  uint32_t TokenAtOffset(uint32_t offset) const;

  void AttributeClaim(Claim* claim);
  QuoteKind QuoteOf(const Claim& claim) const;
  // The claim is one quotation from its first to its last character.
  bool WhollyQuoted(const Claim& c) const;

  static inline const uint64_t kComma = NormalizedHash(",");
  static inline const uint64_t kColon = NormalizedHash(":");
  static inline const uint64_t kPossessive = NormalizedHash("'s");
  static inline const uint64_t kOf = NormalizedHash("of");
  static inline const uint64_t kAnd = NormalizedHash("and");
  static inline const uint64_t kHyphen = NormalizedHash("-");
  static inline const uint64_t kPeriod = NormalizedHash(".");
  static inline const uint64_t kClose = NormalizedHash("close");
  static inline const uint64_t kTo = NormalizedHash("to");
  static inline const uint64_t kThe = NormalizedHash("the");
  static inline const uint64_t kBy = NormalizedHash("by");
  static inline const uint64_t kWho = NormalizedHash("who");
  static inline const uint64_t kIn = NormalizedHash("in");
  static inline const uint64_t kA = NormalizedHash("a");
  static inline const uint64_t kAn = NormalizedHash("an");

  const Matcher& matcher_;
  const std::string& text_;
  const std::vector<Token>& tokens_;
  const Analysis& analysis_;
  const Segmentation& seg_;

  // State for the current claim's token range.
  uint32_t range_begin_ = 0;
  uint32_t range_end_ = 0;
  std::vector<int> chunk_;        // per token: index of the source-family cue covering it, or -1
  std::vector<uint8_t> in_quote_;  // per token: inside a quotation
  std::vector<const CueMatch*> claim_cues_;

  // Document state.
  std::vector<PersonMention> people_;
  std::vector<std::pair<uint32_t, int>> person_mentions_;  // (token, person index) in order
  std::vector<OutletMention> outlets_;                       // in order of first mention
  std::vector<bool> outlet_named_;                           // per entry
  // The last named source a pronoun or a quote continuation can fall back on.
  std::vector<Attribution> quote_speaker_;
};

void Attributor::PrepareSentenceRange(uint32_t first_token, uint32_t end_token,
                                      uint32_t cue_first, uint32_t cue_end) {
  range_begin_ = first_token;
  range_end_ = end_token;
  const uint32_t n = end_token - first_token;
  chunk_.assign(n, -1);
  in_quote_.assign(n, 0);
  claim_cues_.clear();
  for (uint32_t c = cue_first; c < cue_end; ++c) {
    const CueMatch& m = analysis_.cues[c];
    if (FamilyOf(m) == Family::kNonCues) continue;
    claim_cues_.push_back(&m);
    if (!IsSourceFamily(FamilyOf(m))) continue;
    for (uint32_t t = m.first_token; t < m.first_token + m.token_count && t < end_token; ++t)
      if (chunk_[t - first_token] < 0) chunk_[t - first_token] = static_cast<int>(c);
  }
  // Quotation marks toggle; a quotation that opened in an earlier sentence
  // of the same quote starts the range inside it.
  bool inside = false;
  for (const Quotation& q : seg_.quotations) {
    if (q.begin < tokens_[first_token].begin && q.end > tokens_[first_token].begin) inside = true;
  }
  for (uint32_t t = first_token; t < end_token; ++t) {
    const Token& tok = tokens_[t];
    if (tok.has(kOpenQuote) && !inside) {
      inside = true;
      in_quote_[t - first_token] = 1;
      continue;
    }
    if (tok.has(kCloseQuote) && inside) {
      in_quote_[t - first_token] = 1;
      inside = false;
      continue;
    }
    in_quote_[t - first_token] = inside ? 1 : 0;
  }
}

Span Attributor::ExtendLeftPhrase(uint32_t end_token, uint32_t* first_token) const {
  // end_token is the last token of the phrase. Walk left over words that can
  // belong to a noun phrase; source-family cues are taken whole.
  const uint64_t* unused = nullptr;
  (void)unused;
  int64_t i = end_token;
  uint32_t first = end_token;
  int words = 0;
  while (i >= static_cast<int64_t>(range_begin_)) {
    const auto t = static_cast<uint32_t>(i);
    if (InQuote(t)) break;
    const int chunk = ChunkAt(t);
    if (chunk >= 0) {
      const CueMatch& m = analysis_.cues[static_cast<size_t>(chunk)];
      first = std::max(m.first_token, range_begin_);
      i = static_cast<int64_t>(first) - 1;
      ++words;
      continue;
    }
    const Token& tok = tokens_[t];
    if (tok.kind == TokenKind::kPunct) {
      // Possessives, hyphens and initialisms' periods stay inside.
      if (tok.hash == kHyphen && t > range_begin_ && t + 1 <= end_token) {
        first = t;
        --i;
        continue;
      }
      break;
    }
    if (tok.hash == kPossessive) {
      first = t;
      --i;
      continue;
    }
    if (tok.hash == kOf || (tok.hash == kAnd && t > range_begin_ && IsCapitalized(t - 1) &&
                            t + 1 <= end_token && IsCapitalized(t + 1))) {
      first = t;
      --i;
      continue;
    }
    if (tok.hash == kTo && t > range_begin_ && tokens_[t - 1].hash == kClose) {
      first = t;
      --i;
      continue;
    }
    if (Determiners().Contains(tok.hash)) {
      first = t;
      --i;
      // A determiner opens the phrase unless more phrase stands before it:
      // "former Obama administration official", or a role with a
      // preposition ("a spokesperson for the port authority", "officials
      // at the ministry").
      const bool article = tok.hash == kThe || tok.hash == kA || tok.hash == kAn;
      if (article && t >= range_begin_ + 2 && RolePrepositions().Contains(tokens_[t - 1].hash) &&
          ChunkAt(t - 2) >= 0 && !InQuote(t - 2)) {
        const Family f = FamilyOf(analysis_.cues[static_cast<size_t>(ChunkAt(t - 2))]);
        if (f == Family::kSourceRoles || f == Family::kAnonymousSources) {
          first = t - 1;
          i = static_cast<int64_t>(t) - 2;
          continue;
        }
      }
      if (article) break;
      continue;
    }
    if (Boundaries().Contains(tok.hash)) break;
    if (tok.kind == TokenKind::kNumber) {
      first = t;
      --i;
      continue;
    }
    if (IsCapitalized(t) || tok.has(kAllUpper)) {
      // A capitalised sentence opener ("In", "The") is not part of a name.
      if (t == range_begin_ && SentenceOpeners().Contains(tok.hash) && t != end_token &&
          !Determiners().Contains(tok.hash))
        break;
      first = t;
      --i;
      ++words;
      continue;
    }
    // A lower-case word: a noun or adjective of the phrase ("people",
    // "familiar"), but not an -ly adverb or a long run of them.
    if (IsLyAdverb(t) || words >= 8) break;
    first = t;
    --i;
    ++words;
  }
  if (first > end_token) return {};
  *first_token = first;
  return {tokens_[first].begin, tokens_[end_token].end};
}

Span Attributor::LeftPhrase(uint32_t verb, bool allow_aside_skip, uint32_t* first_token) const {
  if (verb <= range_begin_) return {};
  int64_t i = static_cast<int64_t>(verb) - 1;
  // Skip auxiliaries and adverbs between subject and verb.
  while (i >= static_cast<int64_t>(range_begin_)) {
    const auto t = static_cast<uint32_t>(i);
    if (VerbModifiers().Contains(tokens_[t].hash) || IsLyAdverb(t)) {
      --i;
      continue;
    }
    break;
  }
  if (i < static_cast<int64_t>(range_begin_)) return {};
  auto t = static_cast<uint32_t>(i);
  if (InQuote(t)) return {};
  // "A senior official who was not authorized to speak said": the subject
  // stands before the relative pronoun.
  for (int64_t j = i; j > static_cast<int64_t>(range_begin_) && i - j < 25; --j) {
    const auto u = static_cast<uint32_t>(j);
    if (IsPunct(u) || InQuote(u)) break;
    if (tokens_[u].hash != kWho) continue;
    if (u > range_begin_ && !IsPunct(u - 1) && !InQuote(u - 1)) return ExtendLeftPhrase(u - 1, first_token);
    break;
  }
  Span aside;
  uint32_t aside_first = 0;
  if (IsComma(t) && allow_aside_skip) {
    // "X, while avoiding Y, said": skip an aside set off by commas; keep it
    // as an apposition when it is itself a name ("the chairwoman, Dr. Helen
    // Osei, told").
    int64_t j = static_cast<int64_t>(t) - 1;
    while (j >= static_cast<int64_t>(range_begin_) && !IsComma(static_cast<uint32_t>(j)) &&
           !InQuote(static_cast<uint32_t>(j)) && t - j < 20)
      --j;
    if (j < static_cast<int64_t>(range_begin_) || !IsComma(static_cast<uint32_t>(j))) return {};
    const auto open = static_cast<uint32_t>(j);
    if (open + 1 >= t) return {};
    const uint32_t aside_start = open + 1;
    const bool is_aside = AsideOpeners().Contains(tokens_[aside_start].hash);
    if (!is_aside) {
      aside = {tokens_[aside_start].begin, tokens_[t - 1].end};
      aside_first = aside_start;
    }
    if (open == range_begin_) return {};
    uint32_t first = 0;
    Span head = ExtendLeftPhrase(open - 1, &first);
    if (head.empty()) {
      if (aside.empty()) return {};
      *first_token = aside_first;
      return aside;
    }
    *first_token = first;
    if (!aside.empty()) head.end = aside.end;
    return head;
  }
  if (IsPunct(t)) return {};
  return ExtendLeftPhrase(t, first_token);
}

Span Attributor::RightPhrase(uint32_t start, uint32_t* last_token) const {
  uint32_t last = start;
  bool any = false;
  int words = 0;
  for (uint32_t t = start; t < range_end_; ++t) {
    if (InQuote(t)) break;
    const int chunk = ChunkAt(t);
    if (chunk >= 0) {
      const CueMatch& m = analysis_.cues[static_cast<size_t>(chunk)];
      last = std::min(m.first_token + m.token_count, range_end_) - 1;
      t = last;
      any = true;
      ++words;
      continue;
    }
    const Token& tok = tokens_[t];
    // Stop at another cue ("cited by", "reporting").
    bool is_cue = false;
    for (const CueMatch* m : claim_cues_)
      if (m->first_token == t && !IsSourceFamily(FamilyOf(*m)) && FamilyOf(*m) != Family::kHedges)
        is_cue = true;
    if (is_cue && any) break;
    if (tok.kind == TokenKind::kPunct) {
      if (tok.hash == kHyphen && any) {
        continue;
      }
      break;
    }
    if (tok.hash == kPossessive && any) {
      last = t;
      continue;
    }
    if (tok.hash == kOf && any) continue;
    if (tok.hash == kAnd && any && t > start && IsCapitalized(t - 1) && t + 1 < range_end_ &&
        IsCapitalized(t + 1))
      continue;
    if (Determiners().Contains(tok.hash)) {
      // "told the Journal the deal ...": after a whole outlet or body, a new
      // determiner starts the reported clause.
      if (any && tok.hash == kThe && t > start && ChunkAt(t - 1) >= 0) {
        const Family f = FamilyOf(analysis_.cues[static_cast<size_t>(ChunkAt(t - 1))]);
        if (f == Family::kOutlets || f == Family::kOrganizations) break;
      }
      continue;
    }
    if (Boundaries().Contains(tok.hash)) break;
    if (IsLyAdverb(t) && any) break;
    if (any && IsLowerWord(t) && EndsWith(TokenText(t), "ing")) break;  // "Fox News reporting"
    if (words >= 10) break;
    last = t;
    any = true;
    ++words;
  }
  if (!any) return {};
  *last_token = last;
  return {tokens_[start].begin, tokens_[last].end};
}

uint32_t Attributor::TokenAtOffset(uint32_t offset) const {
  auto it = std::lower_bound(tokens_.begin(), tokens_.end(), offset,
                             [](const Token& t, uint32_t off) { return t.begin < off; });
  return static_cast<uint32_t>(it - tokens_.begin());
}

std::string Attributor::PersonName(uint32_t first, uint32_t last) const {
  // The name is the last run of capitalised words that are not roles,
  // organisations or outlets ("Chinese Embassy spokesman Liu Pengyu" ->
  // "Liu Pengyu"; "Dr. Helen Osei" -> "Helen Osei").
  int64_t end = -1, begin = -1;
  for (int64_t t = last; t >= static_cast<int64_t>(first); --t) {
    const auto u = static_cast<uint32_t>(t);
    const bool cap = IsNameWord(u);
    const bool initial = tokens_[u].has(kInitialism) && tokens_[u].size() <= 2 + 0 && end >= 0;
    if (cap || (initial && end >= 0) ||
        (end >= 0 && tokens_[u].hash == kPeriod && u > first && IsCapitalized(u - 1) &&
         TokenText(u - 1).size() == 1)) {
      if (end < 0) end = t;
      begin = t;
      continue;
    }
    if (end >= 0) break;
  }
  if (end < 0) return "";
  const uint32_t b = tokens_[static_cast<uint32_t>(begin)].begin;
  const uint32_t e = tokens_[static_cast<uint32_t>(end)].end;
  std::string name = text_.substr(b, e - b);
  std::replace(name.begin(), name.end(), '\n', ' ');
  return name;
}

bool Attributor::ResolvePronoun(uint32_t token, std::string* refers_to) const {
  const uint64_t h = tokens_[token].hash;
  const char want = MalePronouns().Contains(h) ? 'm' : FemalePronouns().Contains(h) ? 'f' : 0;
  for (auto it = person_mentions_.rbegin(); it != person_mentions_.rend(); ++it) {
    if (it->first >= token) continue;
    const PersonMention& p = people_[static_cast<size_t>(it->second)];
    if (want && p.gender && p.gender != want) continue;
    *refers_to = p.name;
    return true;
  }
  return false;
}

void Attributor::NotePeople(uint32_t first, uint32_t last) {
  // Person mentions: runs of two or more capitalised words outside
  // quotations and lexicon matches ("Xi Jinping", "Helen Osei"), a title
  // before a capitalised word ("Mr. Osei", "President Trump"), and single
  // words that repeat part of a known name ("Xi").
  uint32_t t = first;
  while (t <= last) {
    if (InQuote(t) || !IsCapitalized(t) || ChunkAt(t) >= 0) {
      // A title (source_roles "title" or "office") before a capitalised word.
      if (ChunkAt(t) >= 0 && !InQuote(t)) {
        const CueMatch& m = analysis_.cues[static_cast<size_t>(ChunkAt(t))];
        const Entry& e = EntryOf(m);
        uint32_t after = m.first_token + m.token_count;
        if (e.family == Family::kSourceRoles && after <= last && IsCapitalized(after) &&
            ChunkAt(after) < 0 && !InQuote(after)) {
          uint32_t end = after;
          while (end + 1 <= last && IsCapitalized(end + 1) && ChunkAt(end + 1) < 0) ++end;
          PersonMention p;
          p.name = text_.substr(tokens_[after].begin, tokens_[end].end - tokens_[after].begin);
          for (uint32_t k = after; k <= end; ++k) p.parts.push_back(tokens_[k].hash);
          p.gender = e.gender == "female" ? 'f' : e.gender == "male" ? 'm' : 0;
          // Merge with a known person sharing the surname.
          int found = -1;
          for (size_t k = 0; k < people_.size(); ++k)
            if (std::find(people_[k].parts.begin(), people_[k].parts.end(), p.parts.back()) !=
                people_[k].parts.end())
              found = static_cast<int>(k);
          if (found < 0) {
            people_.push_back(std::move(p));
            found = static_cast<int>(people_.size() - 1);
          } else if (!people_[static_cast<size_t>(found)].gender) {
            people_[static_cast<size_t>(found)].gender = p.gender;
          }
          person_mentions_.emplace_back(after, found);
          t = end + 1;
          continue;
        }
      }
      ++t;
      continue;
    }
    uint32_t end = t;
    while (end + 1 <= last && !InQuote(end + 1) && ChunkAt(end + 1) < 0 &&
           (IsCapitalized(end + 1) ||
            (tokens_[end + 1].has(kInitialism) && tokens_[end + 1].size() <= 3)))
      ++end;
    const bool sentence_start = t == range_begin_ && SentenceOpeners().Contains(tokens_[t].hash);
    uint32_t start = sentence_start ? t + 1 : t;
    if (start <= end) {
      // A single word: a mention only when it repeats part of a known name.
      int found = -1;
      for (size_t k = 0; k < people_.size(); ++k)
        for (uint32_t w = start; w <= end; ++w)
          if (std::find(people_[k].parts.begin(), people_[k].parts.end(), tokens_[w].hash) !=
              people_[k].parts.end())
            found = static_cast<int>(k);
      if (found >= 0) {
        person_mentions_.emplace_back(start, found);
      } else if (end > start && !tokens_[start].has(kAllUpper)) {
        PersonMention p;
        p.name = text_.substr(tokens_[start].begin, tokens_[end].end - tokens_[start].begin);
        for (uint32_t w = start; w <= end; ++w) p.parts.push_back(tokens_[w].hash);
        people_.push_back(std::move(p));
        person_mentions_.emplace_back(start, static_cast<int>(people_.size() - 1));
      }
    }
    t = end + 1;
  }
}

void Attributor::NoteOutlets(uint32_t cue_first, uint32_t cue_end) {
  for (uint32_t c = cue_first; c < cue_end; ++c) {
    const CueMatch& m = analysis_.cues[c];
    if (FamilyOf(m) != Family::kOutlets || m.alias) continue;
    if (outlet_named_[m.entry]) {
      // Keep the most recent outlet last.
      auto it = std::find_if(outlets_.begin(), outlets_.end(),
                             [&](const OutletMention& o) { return o.entry == m.entry; });
      if (it != outlets_.end()) std::rotate(it, it + 1, outlets_.end());
      continue;
    }
    outlet_named_[m.entry] = true;
    outlets_.push_back({m.entry, OutletName(m.entry)});
  }
}

SourceKind Attributor::Classify(Span span, uint32_t first, uint32_t last, std::string* refers_to,
                                Span* via, std::string* via_name) {
  (void)span;
  (void)via;
  (void)via_name;
  bool has_outlet = false, has_anon_bare = false, has_anon_described = false, has_vague = false,
       has_document = false, has_org = false, has_role = false, has_spokesperson = false;
  uint32_t outlet_entry = kNoEntry;
  for (const CueMatch* m : claim_cues_) {
    // A cue starting inside the phrase counts even when it runs on past it
    // ("critics say", "sources said").
    if (m->first_token < first || m->first_token > last) continue;
    const Entry& e = EntryOf(*m);
    switch (e.family) {
      case Family::kOutlets:
        if (!m->alias || outlet_named_[m->entry]) {
          has_outlet = true;
          outlet_entry = m->entry;
        }
        break;
      case Family::kAnonymousSources:
        if (e.category == "bare") has_anon_bare = true;
        else has_anon_described = true;
        break;
      case Family::kVagueSources: has_vague = true; break;
      case Family::kDocuments: has_document = true; break;
      case Family::kOrganizations: has_org = true; break;
      case Family::kSourceRoles:
        has_role = true;
        if (e.category == "spokesperson") has_spokesperson = true;
        break;
      default: break;
    }
  }
  // A pronoun alone.
  if (first == last) {
    const uint64_t h = tokens_[first].hash;
    if (MalePronouns().Contains(h) || FemalePronouns().Contains(h)) {
      return ResolvePronoun(first, refers_to) ? SourceKind::kNamedPerson : SourceKind::kUnknown;
    }
    if (PluralPronouns().Contains(h) || ItPronoun().Contains(h)) return SourceKind::kUnknown;
  }
  const std::string name = PersonName(first, last);
  if (!name.empty() && !has_outlet) {
    // A capitalised name: a person, unless it ends like a body's name.
    const size_t space = name.find_last_of(' ');
    const std::string last_word = NormalizeToken(space == std::string::npos ? name : name.substr(space + 1));
    if (BodySuffixes().Contains(NormalizedHash(last_word))) return SourceKind::kOrganization;
    return SourceKind::kNamedPerson;
  }
  if (has_outlet) {
    *refers_to = OutletName(outlet_entry);
    return SourceKind::kOutlet;
  }
  // "the report", "the newspaper" after an outlet was named.
  bool outlet_description = false;
  for (uint32_t t = first; t <= last; ++t)
    if (OutletDescriptions().Contains(tokens_[t].hash)) outlet_description = true;
  if (outlet_description && !outlets_.empty() && tokens_[first].hash == kThe &&
      !has_org && !has_role) {
    *refers_to = outlets_.back().name;
    return SourceKind::kOutlet;
  }
  if (has_anon_described) return SourceKind::kAnonymousDescribed;
  if (has_anon_bare) return SourceKind::kAnonymousBare;
  if (has_vague) return SourceKind::kVague;
  if (has_org) return SourceKind::kOrganization;
  // "a spokesperson for the port authority", "the company's spokesman":
  // the unnamed voice of a body speaks for it on record.
  if (has_spokesperson && last > first + 1) return SourceKind::kOrganization;
  // "the ministry", "the company": a body named by its head noun.
  if (!has_role && BodySuffixes().Contains(tokens_[last].hash) && Determiners().Contains(tokens_[first].hash))
    return SourceKind::kOrganization;
  if (has_document) return SourceKind::kDocument;
  if (has_role) {
    // A bare plural role ("Economists expect", "analysts say") is a vague
    // group; with a qualifier ("two economists at the bank") it is
    // described.
    if (first == last && EndsWith(NormalizeToken(TokenText(first)), "s")) return SourceKind::kVague;
    // "the spokesman", "the senator": the most recent named person.
    if (tokens_[first].hash == kThe && ResolvePronoun(last, refers_to))
      return SourceKind::kNamedPerson;
    return SourceKind::kAnonymousDescribed;
  }
  return SourceKind::kUnknown;
}

QuoteKind Attributor::QuoteOf(const Claim& claim) const {
  // Direct: a quotation of five words or more; partial: a shorter quoted
  // fragment ("reunification").
  QuoteKind kind = QuoteKind::kNone;
  for (const Quotation& q : seg_.quotations) {
    if (q.end <= claim.span.begin || q.begin >= claim.span.end) continue;
    int words = 0;
    for (uint32_t t = TokenAtOffset(std::max(q.begin, claim.span.begin));
         t < tokens_.size() && tokens_[t].begin < std::min(q.end, claim.span.end); ++t)
      if (tokens_[t].kind != TokenKind::kPunct) ++words;
    if (words >= 5) return QuoteKind::kDirect;
    if (words > 0) kind = QuoteKind::kPartial;
  }
  return kind;
}

void Attributor::AttributeClaim(Claim* claim) {
  const uint32_t first_token = seg_.sentences[claim->first_sentence].first_token;
  const Sentence& last_s = seg_.sentences[claim->last_sentence];
  const uint32_t end_token = last_s.first_token + last_s.token_count;
  if (end_token <= first_token) return;
  PrepareSentenceRange(first_token, end_token, analysis_.cue_begin[claim->first_sentence],
                       analysis_.cue_begin[claim->last_sentence + 1]);

  // People named in this claim count for its own pronouns ("when Xi ...,
  // he said"); ResolvePronoun only looks at mentions before the pronoun.
  NotePeople(first_token, end_token - 1);
  std::vector<Attribution> found;
  std::vector<Attribution> outlet_relays;  // "..., the Journal reported" / "told the Journal"
  const QuoteKind quote = QuoteOf(*claim);

  for (size_t ci = 0; ci < claim_cues_.size(); ++ci) {
    const CueMatch& m = *claim_cues_[ci];
    const Entry& e = EntryOf(m);
    if (InQuote(m.first_token)) continue;  // the quoted speaker's words, not an attribution
    const uint32_t cue_last = m.first_token + m.token_count - 1;
    Attribution a;
    a.cue = {m.begin, m.end};
    a.cue_entry = m.entry;
    a.quote = quote;
    if (e.family == Family::kHedges) {
      if (!e.unsourced) continue;
      a.verb_class = e.category;
      a.kind = SourceKind::kNone;
      found.push_back(a);
      continue;
    }
    if (e.family != Family::kReportingVerbs) continue;
    // "is said to", "it is reported": the verb belongs to a hedge.
    bool inside_hedge = false;
    for (const CueMatch* h : claim_cues_)
      if (EntryOf(*h).family == Family::kHedges && h->token_count > m.token_count &&
          h->first_token <= m.first_token &&
          m.first_token + m.token_count <= h->first_token + h->token_count)
        inside_hedge = true;
    if (inside_hedge) continue;
    a.verb_class = e.category;
    a.mental = e.category == "mental" || e.category == "intention";
    uint32_t src_first = 0, src_last = 0;
    Span source;
    if (e.category == "relay") {
      // Passive relays name the source on the left and the outlet on the
      // right ("analysts cited by Bloomberg"); active ones the other way
      // round ("Reuters, citing two officials"). A cue ending in "by" or
      // "in" is passive.
      const uint64_t last_word = tokens_[cue_last].hash;
      const bool active = last_word != kBy && last_word != kIn;
      uint32_t right_last = 0, left_first = 0;
      Span right = cue_last + 1 < end_token ? RightPhrase(cue_last + 1, &right_last) : Span{};
      Span left = LeftPhrase(m.first_token, false, &left_first);
      if (!active) {
        // "according to X cited by Y" is read with "according to": skip a
        // relay whose clause (back to a comma) holds a phrase cue.
        bool in_phrase = false;
        for (int64_t j = static_cast<int64_t>(m.first_token) - 1;
             j >= static_cast<int64_t>(first_token) && !IsComma(static_cast<uint32_t>(j)); --j)
          for (const CueMatch* p : claim_cues_)
            if (p->first_token == static_cast<uint32_t>(j) && EntryOf(*p).family == Family::kReportingVerbs &&
                EntryOf(*p).category == "phrase")
              in_phrase = true;
        if (in_phrase) continue;
      }
      Span source = active ? right : left;
      Span outlet = active ? left : right;
      const uint32_t sf = active ? cue_last + 1 : left_first;
      const uint32_t sl = active ? right_last : (left.empty() ? 0 : TokenAtOffset(left.end) - 1);
      const uint32_t of = active ? left_first : cue_last + 1;
      const uint32_t ol = active ? (left.empty() ? 0 : TokenAtOffset(left.end) - 1) : right_last;
      if (source.empty()) continue;
      std::string refers, unused_name;
      Span unused;
      a.source = source;
      a.kind = Classify(source, sf, sl, &refers, &unused, &unused_name);
      a.refers_to = refers;
      if (!outlet.empty()) {
        std::string orefers;
        if (Classify(outlet, of, ol, &orefers, &unused, &unused_name) == SourceKind::kOutlet) {
          a.via = outlet;
          a.via_name = orefers;
        }
      }
      if (a.kind == SourceKind::kOutlet) outlet_relays.push_back(a);
      else found.push_back(a);
      continue;
    }
    if (e.category == "setting") {
      // "in an interview with the BBC", "speaking to Reuters": an outlet
      // after the setting is the relay; a subject before it ("the mayor
      // told reporters") makes it a verb.
      uint32_t last = 0;
      Span to = cue_last + 1 < end_token ? RightPhrase(cue_last + 1, &last) : Span{};
      if (!to.empty()) {
        std::string refers, unused_name;
        Span unused;
        if (Classify(to, cue_last + 1, last, &refers, &unused, &unused_name) == SourceKind::kOutlet) {
          Attribution relay = a;
          relay.source = to;
          relay.kind = SourceKind::kOutlet;
          relay.refers_to = refers;
          relay.verb_class = e.category;
          outlet_relays.push_back(relay);
        }
      }
      uint32_t sf = 0;
      Span subject = LeftPhrase(m.first_token, true, &sf);
      if (subject.empty()) continue;
      a.verb_class = "neutral";
      a.source = subject;
      std::string refers, unused_name;
      Span unused;
      a.kind = Classify(subject, sf, TokenAtOffset(subject.end) - 1, &refers, &unused, &unused_name);
      a.refers_to = refers;
      if (a.kind == SourceKind::kOutlet) outlet_relays.push_back(a);
      else found.push_back(a);
      continue;
    }
    if (e.category == "phrase") {
      // "according to SOURCE", "in a statement, SOURCE".
      uint32_t last = 0;
      source = cue_last + 1 < end_token ? RightPhrase(cue_last + 1, &last) : Span{};
      if (source.empty()) {
        // "in a statement, SOURCE said": the verb finds the source.
        continue;
      }
      src_first = cue_last + 1;
      src_last = last;
    } else {
      // A verb: subject on the left, or inverted ("..., said the minister").
      // Inverted ("...," said Ana Costa.) when the verb follows a comma or
      // a quote and the phrase after it closes the clause; a verb that
      // takes a recipient ("told") is never inverted.
      const bool after_break = !e.recipient && m.first_token > first_token &&
                               (IsComma(m.first_token - 1) || IsQuote(m.first_token - 1));
      uint32_t last = 0;
      Span right;
      if (after_break && cue_last + 1 < end_token) right = RightPhrase(cue_last + 1, &last);
      const bool closes = !right.empty() && (last + 1 >= end_token || IsPunct(last + 1));
      if (!right.empty() && closes) {
        source = right;
        src_first = cue_last + 1;
        src_last = last;
      } else {
        source = LeftPhrase(m.first_token, true, &src_first);
        if (source.empty() && !right.empty()) {
          source = right;
          src_first = cue_last + 1;
          src_last = last;
        } else if (!source.empty()) {
          src_last = TokenAtOffset(source.end) - 1;
        }
        // A verb modified by an unsourced hedge ("Xi reportedly assured")
        // is itself reported: its subject is not the claim's source.
        if (m.first_token > first_token) {
          for (const CueMatch* h : claim_cues_)
            if (h->first_token + h->token_count == m.first_token &&
                EntryOf(*h).family == Family::kHedges && EntryOf(*h).unsourced)
              a.hedged_verb = true;
        }
      }
      if (e.recipient && cue_last + 1 < end_token) {
        uint32_t last2 = 0;
        Span to = RightPhrase(cue_last + 1, &last2);
        if (!to.empty()) {
          std::string refers, vn;
          Span dummy;
          const SourceKind k = Classify(to, cue_last + 1, last2, &refers, &dummy, &vn);
          if (k == SourceKind::kOutlet) {
            a.via = to;
            a.via_name = refers;
          }
        }
      }
    }
    if (source.empty()) continue;
    a.source = source;
    std::string refers;
    Span dummy;
    std::string vn;
    a.kind = Classify(source, src_first, src_last, &refers, &dummy, &vn);
    a.refers_to = refers;
    // "people familiar with the matter cited by The Wall Street Journal".
    if (src_last + 1 < end_token) {
      for (const CueMatch* r : claim_cues_) {
        if (r->first_token != src_last + 1) continue;
        const Entry& re = EntryOf(*r);
        if (re.family != Family::kReportingVerbs || re.category != "relay") continue;
        uint32_t last = 0;
        const uint32_t after = r->first_token + r->token_count;
        Span obj = after < end_token ? RightPhrase(after, &last) : Span{};
        if (obj.empty()) continue;
        std::string orefers, ovn;
        Span odummy;
        if (Classify(obj, after, last, &orefers, &odummy, &ovn) == SourceKind::kOutlet) {
          a.via = obj;
          a.via_name = orefers;
        }
      }
    }
    // A belief held by a group of unnamed people ("officials fear", "many
    // believe") is reported as theirs: they are its source. A named
    // person's or body's view ("Xi sees") stays the writer's reading.
    if (a.mental && (a.kind == SourceKind::kAnonymousDescribed || a.kind == SourceKind::kAnonymousBare ||
                     a.kind == SourceKind::kVague))
      a.mental = false;
    if (a.kind == SourceKind::kOutlet) {
      outlet_relays.push_back(a);
      continue;
    }
    found.push_back(a);
  }

  // Choose the primary attribution: a sourced statement first (with an
  // outlet in the same sentence as its relay), then an outlet, then a
  // source-less hedge ("reportedly"), then a belief or intention.
  auto rank = [](const Attribution& a) {
    if (a.mental || a.hedged_verb) return 4;
    if (a.kind == SourceKind::kNone) return 3;
    if (a.kind == SourceKind::kUnknown) return 2;
    return 0;
  };
  std::stable_sort(found.begin(), found.end(),
                   [&](const Attribution& x, const Attribution& y) { return rank(x) < rank(y); });
  std::vector<Attribution> result;
  if (!found.empty() && rank(found.front()) <= 2) {
    Attribution primary = found.front();
    if (primary.via.empty()) {
      for (const Attribution& r : outlet_relays) {
        if (r.kind != SourceKind::kOutlet) continue;
        primary.via = r.source;
        primary.via_name = r.refers_to;
        break;
      }
    }
    result.push_back(primary);
    for (size_t i = 1; i < found.size(); ++i) result.push_back(found[i]);
    for (const Attribution& r : outlet_relays) result.push_back(r);
  } else {
    for (const Attribution& r : outlet_relays) result.push_back(r);
    for (const Attribution& f : found) result.push_back(f);
  }
  claim->attributions = std::move(result);
  NoteOutlets(analysis_.cue_begin[claim->first_sentence],
              analysis_.cue_begin[claim->last_sentence + 1]);
}

std::vector<Claim> Attributor::Run() {
  outlet_named_.assign(matcher_.lexicon().entries().size(), false);
  std::vector<Claim> claims;
  const auto& sentences = seg_.sentences;
  // Claims: sentences, merged over a quotation that spans several sentences
  // of one paragraph.
  std::vector<uint32_t> merge_to(sentences.size());
  for (uint32_t s = 0; s < sentences.size(); ++s) merge_to[s] = s;
  for (const Quotation& q : seg_.quotations) {
    if (q.last_sentence <= q.first_sentence) continue;
    if (sentences[q.first_sentence].paragraph != sentences[q.last_sentence].paragraph) continue;
    for (uint32_t s = q.first_sentence; s <= q.last_sentence; ++s)
      merge_to[s] = std::max(merge_to[s], q.last_sentence);
  }
  uint32_t s = 0;
  while (s < sentences.size()) {
    uint32_t last = merge_to[s];
    for (uint32_t k = s; k <= last; ++k) last = std::max(last, merge_to[k]);
    Claim c;
    c.first_sentence = s;
    c.last_sentence = last;
    c.span = {sentences[s].begin, sentences[last].end};
    c.is_heading = sentences[s].is_heading && s == last;
    claims.push_back(std::move(c));
    s = last + 1;
  }
  for (Claim& c : claims) AttributeClaim(&c);

  // A quotation continued into later claims keeps its speaker.
  for (const Quotation& q : seg_.quotations) {
    const Attribution* speaker = nullptr;
    for (Claim& c : claims) {
      if (c.span.end <= q.begin || c.span.begin >= q.end) continue;
      if (!c.attributions.empty() && !c.attributions.front().mental &&
          c.attributions.front().kind != SourceKind::kNone) {
        if (!speaker) speaker = &c.attributions.front();
        continue;
      }
      if (speaker && c.attributions.empty()) {
        Attribution inherited = *speaker;
        inherited.inherited = true;
        c.attributions.push_back(inherited);
      }
    }
  }
  // News style reopens a quote after its attribution: '"...," she said.
  // "More."' A claim that is wholly a quotation, with no attribution of its
  // own, belongs to the speaker of the quoted claim just before it.
  for (size_t i = 1; i < claims.size(); ++i) {
    Claim& c = claims[i];
    if (!c.attributions.empty() || !WhollyQuoted(c)) continue;
    const Claim& prev = claims[i - 1];
    if (prev.attributions.empty()) continue;
    const Attribution& speaker = prev.attributions.front();
    if (speaker.mental || speaker.hedged_verb || speaker.kind == SourceKind::kNone ||
        speaker.quote == QuoteKind::kNone)
      continue;
    if (seg_.sentences[c.first_sentence].paragraph > seg_.sentences[prev.last_sentence].paragraph + 1)
      continue;
    Attribution inherited = speaker;
    inherited.inherited = true;
    inherited.quote = QuoteKind::kDirect;
    c.attributions.push_back(inherited);
  }
  return claims;
}

bool Attributor::WhollyQuoted(const Claim& c) const {
  for (const Quotation& q : seg_.quotations) {
    if (q.begin != c.span.begin) continue;
    // The closing mark may stand before or after the final period.
    return q.end + 2 >= c.span.end;
  }
  return false;
}

}  // namespace

std::vector<Claim> Attribute(const Analyzer& analyzer, const Document& document,
                             const Analysis& analysis) {
  Attributor attributor(analyzer, document, analysis);
  return attributor.Run();
}

}  // namespace sourcecheck
