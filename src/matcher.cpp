#include "sourcecheck/matcher.hpp"

#include <algorithm>
#include <boost/regex.hpp>
#include <cstring>
#include <optional>

#include "embedded_lexicons.hpp"

namespace sourcecheck {

namespace {

// One token of a not_before / not_after phrase: a literal or a placeholder.
struct TokenTest {
  enum class Kind : uint8_t { kLiteral, kNumber, kCapitalized, kWord } kind = Kind::kLiteral;
  uint64_t hash = 0;

  bool Accepts(const Token& t) const {
    switch (kind) {
      case Kind::kLiteral: return t.hash == hash;
      case Kind::kNumber: return t.kind == TokenKind::kNumber;
      case Kind::kCapitalized: return t.kind == TokenKind::kWord && t.has(kCapitalized);
      case Kind::kWord: return t.kind != TokenKind::kPunct;
    }
    return false;
  }
};

// The default lexicon's phrases and aliases, or its context phrases, as the
// build tokenized them (internal::CompiledPhraseTokens and
// CompiledContextTokens), read in the order Compile meets them: a text that
// is the next one recorded takes its hashes from the record instead of from
// Tokenize (a fifth of start-up). Any other text (a newsroom's; every one
// after a default entry was disabled or replaced) is tokenized, so the memo
// changes nothing but the work.
class TokenMemo {
 public:
  explicit TokenMemo(std::string_view records) : records_(records) {}

  // When `text` is the next recorded phrase: its token hashes into *hashes,
  // and true (the memo moves past it). Otherwise false, *hashes unchanged.
  bool Next(std::string_view text, std::vector<uint64_t>* hashes) {
    size_t pos = pos_;
    uint32_t size = 0;
    uint32_t count = 0;
    if (!Read(&pos, &size) || records_.size() - pos < size || records_.substr(pos, size) != text) return false;
    pos += size;
    if (!Read(&pos, &count) || (records_.size() - pos) / sizeof(uint64_t) < count) return false;
    hashes->resize(count);
    if (count > 0) std::memcpy(hashes->data(), records_.data() + pos, count * sizeof(uint64_t));
    pos_ = pos + count * sizeof(uint64_t);
    return true;
  }

 private:
  bool Read(size_t* pos, uint32_t* v) const {
    if (records_.size() - *pos < sizeof *v) return false;
    std::memcpy(v, records_.data() + *pos, sizeof *v);
    *pos += sizeof *v;
    return true;
  }
  std::string_view records_;
  size_t pos_ = 0;
};

// Splits a context phrase into token tests appended to *out, honouring the
// placeholders {number}, {capitalized} and {word}. `tokens` is scratch.
// `whole`, when not null, holds the hashes Tokenize gives the whole phrase,
// which stand for a call of it on a phrase without placeholders.
void CompileContext(std::string_view phrase, std::vector<Token>* tokens, const std::vector<uint64_t>* whole,
                    std::vector<TokenTest>* out) {
  size_t pos = 0;
  while (pos < phrase.size()) {
    const size_t open = phrase.find('{', pos);
    const std::string_view literal = phrase.substr(pos, open == std::string_view::npos ? std::string_view::npos : open - pos);
    // A context that is only a possessive ("'s" in only_after: "the
    // senator's criticism of"): alone, the tokenizer would read its
    // apostrophe as a quotation mark, but in a draft "'s" is split off the
    // word before it as one token.
    if (literal == "'s" || literal == "\u2019s") {
      out->push_back({TokenTest::Kind::kLiteral, NormalizedHash("'s")});
    } else if (whole != nullptr && literal.size() == phrase.size()) {
      for (const uint64_t hash : *whole) out->push_back({TokenTest::Kind::kLiteral, hash});
    } else {
      Tokenize(literal, tokens);
      for (const Token& t : *tokens) out->push_back({TokenTest::Kind::kLiteral, t.hash});
    }
    if (open == std::string_view::npos) break;
    const size_t close = phrase.find('}', open);
    const std::string_view name =
        phrase.substr(open + 1, close == std::string_view::npos ? 0 : close - open - 1);
    if (name == "number") out->push_back({TokenTest::Kind::kNumber, 0});
    else if (name == "capitalized") out->push_back({TokenTest::Kind::kCapitalized, 0});
    else if (name == "word") out->push_back({TokenTest::Kind::kWord, 0});
    else {  // not a placeholder: match the braces literally
      Tokenize(phrase.substr(open, close == std::string_view::npos ? std::string_view::npos : close - open + 1), tokens);
      for (const Token& t : *tokens) out->push_back({TokenTest::Kind::kLiteral, t.hash});
    }
    if (close == std::string_view::npos) break;
    pos = close + 1;
  }
}

// The context phrases of every rule (not_before, only_after, ...) of every
// entry, in a few arrays shared by all (a set of vectors per rule cost
// thousands of allocations at start-up, and four sets per entry made each
// entry's rules half a kilobyte). A rule holds the handle of its set.
// Entries may list dozens of phrases; those starting (for a check after the
// match) or ending (before it) with a literal word are found by binary
// search on that word, so a check costs O(log n), not a scan.
class ContextSets {
 public:
  // The handle 0 names the empty set, which never matches.
  ContextSets() : sets_(1) {}

  // Room for `phrases` phrases in all (each set growing its own arrays
  // left the discarded smaller copies behind as touched heap).
  void Reserve(size_t phrases) {
    // The defaults have about 1.3 token tests per phrase.
    tests_.reserve(phrases * 2);
    by_first_.reserve(phrases);
    by_last_.reserve(phrases);
  }

  // Adds the set of `phrases` and returns its handle: 0 when none of them
  // has a token (an empty set). `tokens` and `hashes` are scratch; `memo`
  // may know the phrases' tokens.
  uint32_t Add(const std::vector<LocatedText>& phrases, TokenMemo* memo, std::vector<Token>* tokens,
               std::vector<uint64_t>* hashes) {
    Set set;
    set.by_first.begin = set.by_first.end = static_cast<uint32_t>(by_first_.size());
    set.by_last.begin = set.by_last.end = static_cast<uint32_t>(by_last_.size());
    set.placeholder_first.begin = set.placeholder_first.end = static_cast<uint32_t>(placeholder_first_.size());
    set.placeholder_last.begin = set.placeholder_last.end = static_cast<uint32_t>(placeholder_last_.size());
    bool any = false;
    for (const LocatedText& phrase : phrases) {
      const auto begin = static_cast<uint32_t>(tests_.size());
      const bool memoized = memo->Next(phrase.text, hashes);
      CompileContext(phrase.text, tokens, memoized ? hashes : nullptr, &tests_);
      const auto size = static_cast<uint32_t>(tests_.size()) - begin;
      if (size == 0) continue;
      any = true;
      const Sequence seq{begin, size};
      IndexBy(tests_[begin], seq, &by_first_, &placeholder_first_);
      IndexBy(tests_[begin + size - 1], seq, &by_last_, &placeholder_last_);
    }
    if (!any) return 0;
    set.by_first.end = static_cast<uint32_t>(by_first_.size());
    set.by_last.end = static_cast<uint32_t>(by_last_.size());
    set.placeholder_first.end = static_cast<uint32_t>(placeholder_first_.size());
    set.placeholder_last.end = static_cast<uint32_t>(placeholder_last_.size());
    // Sorted once the set is whole (an entry may list dozens of contexts).
    std::sort(by_first_.begin() + set.by_first.begin, by_first_.end(), ByWord);
    std::sort(by_last_.begin() + set.by_last.begin, by_last_.end(), ByWord);
    sets_.push_back(set);
    return static_cast<uint32_t>(sets_.size() - 1);
  }

  // Some phrase of set `handle` starts at tokens[at] and ends before `limit`.
  bool AnyAt(uint32_t handle, const std::vector<Token>& tokens, size_t at, size_t limit) const {
    if (at >= limit) return false;
    const Set& set = sets_[handle];
    for (uint32_t k = set.placeholder_first.begin; k < set.placeholder_first.end; ++k)
      if (SequenceAt(placeholder_first_[k], tokens, at, limit)) return true;
    const uint64_t h = tokens[at].hash;
    const auto end = by_first_.begin() + set.by_first.end;
    auto it = std::lower_bound(by_first_.begin() + set.by_first.begin, end, h, BeforeWord);
    for (; it != end && it->hash == h; ++it)
      if (SequenceAt(it->seq, tokens, at, limit)) return true;
    return false;
  }
  // Some phrase of set `handle` ends just before tokens[end] and starts at
  // or after `floor`.
  // Found by binary search on the word before `end`, as AnyAt searches on
  // the word at `at`.
  bool AnyEndingAt(uint32_t handle, const std::vector<Token>& tokens, size_t end, size_t floor) const {
    if (end <= floor) return false;
    const Set& set = sets_[handle];
    auto ends_here = [&](const Sequence& seq) {
      return end >= floor + seq.size && SequenceAt(seq, tokens, end - seq.size, end);
    };
    for (uint32_t k = set.placeholder_last.begin; k < set.placeholder_last.end; ++k)
      if (ends_here(placeholder_last_[k])) return true;
    const uint64_t h = tokens[end - 1].hash;
    const auto last = by_last_.begin() + set.by_last.end;
    auto it = std::lower_bound(by_last_.begin() + set.by_last.begin, last, h, BeforeWord);
    for (; it != last && it->hash == h; ++it)
      if (ends_here(it->seq)) return true;
    return false;
  }

 private:
  struct Range {
    uint32_t begin = 0;
    uint32_t end = 0;
  };
  // A set: its ranges of the four indexes.
  struct Set {
    Range by_first, placeholder_first, by_last, placeholder_last;
  };
  // A phrase: tests_[begin, begin + size).
  struct Sequence {
    uint32_t begin = 0;
    uint32_t size = 0;
  };
  // A phrase filed under the hash of its first (last) word: the phrase
  // itself, not an index, so a check reads one entry and the tests.
  struct ByWordEntry {
    uint64_t hash = 0;
    Sequence seq;
  };
  // Within a word, phrases stay in the order they were listed (`begin`
  // grows with it).
  static bool ByWord(const ByWordEntry& a, const ByWordEntry& b) {
    return a.hash != b.hash ? a.hash < b.hash : a.seq.begin < b.seq.begin;
  }
  static bool BeforeWord(const ByWordEntry& a, uint64_t hash) { return a.hash < hash; }

  bool SequenceAt(const Sequence& seq, const std::vector<Token>& tokens, size_t at, size_t limit) const {
    if (at + seq.size > limit) return false;
    const TokenTest* test = tests_.data() + seq.begin;
    for (size_t k = 0; k < seq.size; ++k)
      if (!test[k].Accepts(tokens[at + k])) return false;
    return true;
  }
  // Files phrase `seq` under its end `test`: a literal word by its hash,
  // a placeholder in the list tried at every position.
  static void IndexBy(const TokenTest& test, Sequence seq, std::vector<ByWordEntry>* by_word,
                      std::vector<Sequence>* placeholders) {
    if (test.kind == TokenTest::Kind::kLiteral) by_word->push_back({test.hash, seq});
    else placeholders->push_back(seq);
  }

  std::vector<TokenTest> tests_;
  std::vector<ByWordEntry> by_first_;
  std::vector<Sequence> placeholder_first_;
  std::vector<ByWordEntry> by_last_;
  std::vector<Sequence> placeholder_last_;
  std::vector<Set> sets_;
};

struct EntryRules {
  CaseRule case_rule = CaseRule::kAny;
  // Handles into Impl::contexts; 0: no phrase (the rule is not set, or
  // none of its phrases has a token).
  uint32_t not_before = 0;
  uint32_t only_before = 0;
  uint32_t only_after = 0;
  uint32_t not_after = 0;
  bool is_non_cue = false;
  Family family = Family::kHedges;
};

// (token index, character index) of an ASCII capital of a phrase as written.
using Capital = std::pair<uint16_t, uint16_t>;

// Read for every candidate match: 20 bytes, no vector of its own (the
// capitals of all phrases share one array).
struct PhraseInfo {
  uint32_t entry = 0;
  uint32_t length = 0;  // in tokens
  // For `case: as_written`: the phrase's capitals, found once at compile
  // time, are Impl::capitals[capitals_begin, capitals_end).
  uint32_t capitals_begin = 0;
  uint32_t capitals_end = 0;
  bool alias = false;
};

struct CompiledPattern {
  uint32_t entry = 0;
  boost::regex regex;
  bool anchored = false;  // tried only at its anchors (Entry::anchors)
  // Hashes of Entry::required_words: one must stand among the
  // kRequiresWindow tokens after the anchor (empty: no such test).
  std::vector<uint64_t> required;
};

// An open-addressing map from 64-bit keys (never 0) to values, for the
// lookups on the hot path: (state, vocabulary id) -> next state, and an
// anchor word's hash -> its patterns (the vocabulary has a table of its
// own, VocabTable). A key and its value sit side by side, so a lookup
// touches one cache line.
template <typename Value>
class FlatMap {
 public:
  void Reserve(size_t n) {
    size_t cap = 16;
    while (cap < n * 2) cap <<= 1;
    slots_.assign(cap, Slot{});
    mask_ = cap - 1;
    shift_ = 64;
    for (size_t c = cap; c > 1; c >>= 1) --shift_;
  }
  // The value for key, made (value-initialised) when key is new.
  Value& Insert(uint64_t key) {
    size_t i = Index(key);
    while (slots_[i].key != 0 && slots_[i].key != key) i = (i + 1) & mask_;
    slots_[i].key = key;
    return slots_[i].value;
  }
  // The value for key, or nullptr.
  const Value* Find(uint64_t key) const {
    size_t i = Index(key);
    while (true) {
      const Slot& slot = slots_[i];
      if (slot.key == key) return &slot.value;
      if (slot.key == 0) return nullptr;
      i = (i + 1) & mask_;
    }
  }

 private:
  struct Slot {
    uint64_t key = 0;
    Value value{};
  };
  // Fibonacci hashing: the top bits of the product depend on every bit of
  // the key (a transition key's state sits in its high half).
  size_t Index(uint64_t key) const { return static_cast<size_t>((key * 0x9E3779B97F4A7C15ull) >> shift_); }
  std::vector<Slot> slots_;
  size_t mask_ = 0;
  int shift_ = 64;
};

// A bit set of 2^LogBits bits over 64-bit hashes: a set that may answer
// "maybe" for a hash never added (a collision), and "no" only for one never
// added, in a few instructions and one cache line.
template <int LogBits>
class HashBits {
 public:
  void Add(uint64_t hash) {
    const size_t b = Bit(hash);
    bits_[b >> 6] |= uint64_t{1} << (b & 63);
  }
  bool MaybeHas(uint64_t hash) const {
    const size_t b = Bit(hash);
    return (bits_[b >> 6] >> (b & 63)) & 1;
  }

 private:
  static size_t Bit(uint64_t hash) { return static_cast<size_t>((hash * 0xD6E8FEB86659FD93ull) >> (64 - LogBits)); }
  std::vector<uint64_t> bits_ = std::vector<uint64_t>((size_t{1} << LogBits) / 64, 0);
};

// A vocabulary entry: the word's id, and where it leads from the root
// state, so that a token read in the root state (most are) needs no further
// lookup, and none at all when that state ends no phrase.
struct VocabEntry {
  static constexpr uint32_t kHasOutput = 1u << 31;  // in root: the state ends a phrase
  uint32_t id = 0;
  uint32_t root = 0;  // the root's transition on this id (0: none), | kHasOutput
};

// The vocabulary's table, read once for every token of a text. About two
// tokens in three of news text are words of some phrase ("the", "said",
// "of"), in no order a branch predictor can learn, so a branch on "is this
// word in the vocabulary?" (or on a probe that found it) is mispredicted
// every few tokens: on the 5 MB BBC text callgrind's branch simulation
// counted 0.6 of the phrase matcher's 1.4 million mispredicted branches
// there. Each word sits in one of its two slots (cuckoo hashing), so a
// lookup reads both and selects the one holding the key, without a branch.
class VocabTable {
 public:
  // The table over (hash, entry) pairs with distinct nonzero hashes.
  void Build(const std::vector<std::pair<uint64_t, VocabEntry>>& words) {
    size_t cap = 16;
    while (cap < words.size() * 2) cap <<= 1;
    // A cycle of evictions (rare at half load) is met by a larger table.
    while (!TryBuild(words, cap)) cap <<= 1;
  }
  // The word's entry, or an entry of zeros (id 0: not in the vocabulary).
  VocabEntry Find(uint64_t key) const {
    const Slot& a = slots_[Index(key, kFirst)];
    const Slot& b = slots_[Index(key, kSecond)];
    const uint64_t value = (a.value & (uint64_t{0} - (a.key == key))) | (b.value & (uint64_t{0} - (b.key == key)));
    VocabEntry entry;
    entry.id = static_cast<uint32_t>(value);
    entry.root = static_cast<uint32_t>(value >> 32);
    return entry;
  }

 private:
  // An empty slot has key 0 and value 0: a token whose hash is 0 finds an
  // entry of zeros, as a word not in the vocabulary does.
  struct Slot {
    uint64_t key = 0;
    uint64_t value = 0;  // id | root << 32
  };
  static constexpr uint64_t kFirst = 0x9E3779B97F4A7C15ull;
  static constexpr uint64_t kSecond = 0xD6E8FEB86659FD93ull;
  size_t Index(uint64_t key, uint64_t multiplier) const {
    return static_cast<size_t>((key * multiplier) >> shift_);
  }
  bool TryBuild(const std::vector<std::pair<uint64_t, VocabEntry>>& words, size_t cap) {
    slots_.assign(cap, Slot{});
    shift_ = 64;
    for (size_t c = cap; c > 1; c >>= 1) --shift_;
    for (const auto& [hash, entry] : words) {
      Slot slot{hash, entry.id | (static_cast<uint64_t>(entry.root) << 32)};
      size_t i = Index(slot.key, kFirst);
      bool placed = false;
      for (int kicks = 0; kicks < 64 && !placed; ++kicks) {
        if (slots_[i].key == 0) {
          slots_[i] = slot;
          placed = true;
        } else {
          // Take the slot and move its word to that word's other slot.
          std::swap(slot, slots_[i]);
          const size_t first = Index(slot.key, kFirst);
          i = i == first ? Index(slot.key, kSecond) : first;
        }
      }
      if (!placed) return false;
    }
    return true;
  }
  std::vector<Slot> slots_;
  int shift_ = 64;
};

bool IsUpperAt(std::string_view s, size_t i) { return s[i] >= 'A' && s[i] <= 'Z'; }

// Advances one UTF-8 character.
inline size_t NextChar(std::string_view s, size_t i) {
  const unsigned char c = static_cast<unsigned char>(s[i]);
  return i + (c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4);
}

// Appends the capitals of a phrase as written to *out, in order.
// `tokens` are the phrase's, as Tokenize gives them.
void CapitalsOf(std::string_view surface, const std::vector<Token>& tokens, std::vector<Capital>* out) {
  for (size_t k = 0; k < tokens.size(); ++k) {
    uint16_t ci = 0;
    for (size_t i = tokens[k].begin; i < tokens[k].end; i = NextChar(surface, i), ++ci)
      if (IsUpperAt(surface, i)) out->emplace_back(static_cast<uint16_t>(k), ci);
  }
}

// `case: as_written`: every ASCII capital of the phrase is a capital in the
// text at the same character position of the same token.
bool CapitalsMatch(const Capital* capitals, const Capital* capitals_end, std::string_view text,
                   const std::vector<Token>& tokens, uint32_t first) {
  for (const Capital* cap = capitals; cap != capitals_end; ++cap) {
    const auto [k, ci] = *cap;
    const Token& t = tokens[first + k];
    // A capital that opens the token: the token's matched the phrase up to
    // case, so its first character is this letter, upper case exactly when
    // the tokenizer flagged it (no read of the text, often out of cache).
    if (ci == 0) {
      if (!t.has(kCapitalized)) return false;
      continue;
    }
    size_t i = t.begin;
    for (uint16_t c = 0; c < ci && i < t.end; ++c) i = NextChar(text, i);
    if (i >= t.end || !IsUpperAt(text, i)) return false;
  }
  return true;
}

bool AllLower(std::string_view text, const std::vector<Token>& tokens, uint32_t first, uint32_t count) {
  for (uint32_t k = first; k < first + count; ++k) {
    const Token& t = tokens[k];
    if (t.has(kCapitalized) || t.has(kAllUpper)) return false;
    for (uint32_t i = t.begin; i < t.end; ++i)
      if (IsUpperAt(text, i)) return false;
  }
  return true;
}

}  // namespace

struct Matcher::Impl {
  void MatchPhrasesIn(std::string_view text, const std::vector<Token>& tokens, uint32_t first,
                      uint32_t end, std::vector<CueMatch>* out) const;
  void MatchPatternsIn(std::string_view text, const std::vector<Token>& tokens, uint32_t first,
                       uint32_t end, std::vector<CueMatch>* out,
                       std::vector<std::string>* pattern_errors) const;
  // Overlap policy over out[base, end).
  void Resolve(std::vector<CueMatch>* out, size_t base) const;

  Lexicon lexicon;
  VocabTable vocabulary;  // token hash -> id (1-based) and the root's transition on it
  FlatMap<uint32_t> transitions;   // state << 32 | id -> next state (root is 0, never a target)
  // What the hot loop reads of a state, side by side: one cache line.
  struct StateInfo {
    uint32_t fail = 0;
    // Bit (id & 31) set for the vocabulary id of each of the state's
    // transitions: a token whose bit is clear has none here, and the loop
    // follows the failure link without a lookup (most states are leaves).
    uint32_t child_bits = 0;
    uint32_t out_begin = 0;  // into out_phrases
    uint32_t out_count = 0;
  };
  std::vector<StateInfo> states;
  static uint32_t ChildBit(uint32_t id) { return uint32_t{1} << (id & 31); }
  std::vector<uint32_t> out_phrases;
  std::vector<PhraseInfo> phrases;
  std::vector<Capital> capitals;  // of the phrases (PhraseInfo::capitals_begin)
  std::vector<EntryRules> rules;  // per entry
  ContextSets contexts;           // the context rules' phrases
  std::vector<CompiledPattern> patterns;
  // Anchored patterns by the hash of an anchor word: anchors maps it to
  // 1 + its index in anchor_lists, which lists the patterns (indices into
  // patterns) that start with it. A bit set of 4,096 bits turns away the
  // tokens that are no anchor without a lookup.
  FlatMap<uint32_t> anchors;
  std::vector<std::vector<uint32_t>> anchor_lists;
  HashBits<12> anchor_bits;
  // The required words of every pattern (CompiledPattern::required): a
  // window of tokens none of which is in this set needs no list searched,
  // whatever the pattern (an anchor as common as "a" has thousands).
  HashBits<12> required_bits;

  // A candidate passes its entry's case and context rules.
  bool Accept(const EntryRules& r, const PhraseInfo* phrase, std::string_view text,
              const std::vector<Token>& tokens, uint32_t start, uint32_t len, uint32_t range_begin,
              uint32_t range_end) const {
    if (phrase && r.case_rule == CaseRule::kAsWritten &&
        !CapitalsMatch(capitals.data() + phrase->capitals_begin, capitals.data() + phrase->capitals_end, text,
                       tokens, start))
      return false;
    if (r.case_rule == CaseRule::kLower && !AllLower(text, tokens, start, len)) return false;
    if (r.not_before != 0 && contexts.AnyAt(r.not_before, tokens, start + len, range_end)) return false;
    if (r.not_after != 0 && contexts.AnyEndingAt(r.not_after, tokens, start, range_begin)) return false;
    if (r.only_before != 0 && !contexts.AnyAt(r.only_before, tokens, start + len, range_end)) return false;
    if (r.only_after != 0 && !contexts.AnyEndingAt(r.only_after, tokens, start, range_begin)) return false;
    return true;
  }
};

Matcher::Matcher(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Matcher::Matcher(Matcher&&) noexcept = default;
Matcher& Matcher::operator=(Matcher&&) noexcept = default;
Matcher::~Matcher() = default;

const Lexicon& Matcher::lexicon() const { return impl_->lexicon; }
size_t Matcher::state_count() const { return impl_->states.size(); }
size_t Matcher::phrase_count() const { return impl_->phrases.size(); }

Result<Matcher> Matcher::Compile(Lexicon lexicon) {
  auto impl = std::make_unique<Impl>();
  impl->lexicon = std::move(lexicon);
  const std::vector<Entry>& entries = impl->lexicon.entries();

  // The trie in one flat array (a vector of children and one of outputs per
  // state cost two allocations for each of ~7,000 states): a state's
  // children form a list through next_sibling, in the order they were made,
  // which is also the order their transitions are filed in below. State 0
  // is the root and never a child, so 0 ends a list.
  struct Node {
    uint32_t label = 0;  // vocabulary id of the transition into this state
    uint32_t first_child = 0;
    uint32_t last_child = 0;
    uint32_t next_sibling = 0;
  };
  size_t phrase_total = 0;
  size_t anchor_count = 0;
  size_t context_total = 0;
  for (const Entry& entry : entries) {
    phrase_total += entry.phrases.size() + entry.aliases.size();
    anchor_count += entry.anchors.size();
    context_total += entry.not_before.size() + entry.only_before.size() + entry.only_after.size() +
                     entry.not_after.size();
  }
  impl->contexts.Reserve(context_total);
  std::vector<Node> trie(1);
  // The defaults make about 1.5 states per phrase.
  trie.reserve(phrase_total * 2 + 1);
  auto add_child = [&trie](uint32_t parent, uint32_t v) {
    const auto next = static_cast<uint32_t>(trie.size());
    trie.push_back({v, 0, 0, 0});
    if (trie[parent].last_child != 0) trie[trie[parent].last_child].next_sibling = next;
    else trie[parent].first_child = next;
    trie[parent].last_child = next;
    return next;
  };
  std::vector<uint32_t> phrase_end;  // per phrase, the state it ends in
  phrase_end.reserve(phrase_total);
  impl->phrases.reserve(phrase_total);
  impl->anchors.Reserve(anchor_count + 1);
  std::vector<uint64_t> vocab_hashes;  // index = id - 1
  FlatMap<uint32_t> vocab_index;
  // Words the index holds (at most half full), doubled when reached: the
  // defaults have ~2,800 words, and an index sized for 16,384 made start-up
  // zero half a megabyte.
  size_t vocab_room = 1 << 11;
  vocab_index.Reserve(vocab_room);
  auto vocab_id = [&](uint64_t hash) -> uint32_t {
    if (const uint32_t* id = vocab_index.Find(hash)) return *id;
    if (vocab_hashes.size() + 1 > vocab_room) {
      vocab_room *= 2;
      vocab_index.Reserve(vocab_room);
      for (size_t i = 0; i < vocab_hashes.size(); ++i)
        vocab_index.Insert(vocab_hashes[i]) = static_cast<uint32_t>(i + 1);
    }
    vocab_hashes.push_back(hash);
    const auto id = static_cast<uint32_t>(vocab_hashes.size());
    vocab_index.Insert(hash) = id;
    return id;
  };

  std::vector<Token> tokens;
  std::vector<uint64_t> hashes;  // of the phrase being added
  TokenMemo memo(internal::CompiledPhraseTokens());
  TokenMemo context_memo(internal::CompiledContextTokens());
  std::vector<uint32_t> root_child;  // vocabulary id -> the root's child, or 0
  impl->rules.resize(entries.size());
  for (uint32_t e = 0; e < entries.size(); ++e) {
    const Entry& entry = entries[e];
    EntryRules& r = impl->rules[e];
    r.case_rule = entry.case_rule;
    r.family = entry.family;
    r.is_non_cue = entry.family == Family::kNonCues;
    r.not_before = impl->contexts.Add(entry.not_before, &context_memo, &tokens, &hashes);
    r.only_before = impl->contexts.Add(entry.only_before, &context_memo, &tokens, &hashes);
    r.only_after = impl->contexts.Add(entry.only_after, &context_memo, &tokens, &hashes);
    r.not_after = impl->contexts.Add(entry.not_after, &context_memo, &tokens, &hashes);
    auto add_phrase = [&](const LocatedText& p, bool alias) {
      const bool as_written = entry.case_rule == CaseRule::kAsWritten;
      const bool memoized = memo.Next(p.text, &hashes);
      // `case: as_written` needs the tokens' offsets, which the memo lacks.
      if (!memoized || as_written) Tokenize(p.text, &tokens);
      if (!memoized) {
        hashes.clear();
        for (const Token& t : tokens) hashes.push_back(t.hash);
      }
      if (hashes.empty()) return;
      uint32_t state = 0;
      for (const uint64_t hash : hashes) {
        const uint32_t v = vocab_id(hash);
        // The root has a child for most of the vocabulary: it is indexed
        // by id (a search of its list per phrase was most of the start-up).
        if (state == 0) {
          if (v >= root_child.size()) root_child.resize(v + 1, 0);
          if (root_child[v] == 0) root_child[v] = add_child(0, v);
          state = root_child[v];
          continue;
        }
        uint32_t child = trie[state].first_child;
        while (child != 0 && trie[child].label != v) child = trie[child].next_sibling;
        state = child != 0 ? child : add_child(state, v);
      }
      PhraseInfo info;
      info.entry = e;
      info.length = static_cast<uint32_t>(hashes.size());
      info.alias = alias;
      info.capitals_begin = static_cast<uint32_t>(impl->capitals.size());
      if (as_written) CapitalsOf(p.text, tokens, &impl->capitals);
      info.capitals_end = static_cast<uint32_t>(impl->capitals.size());
      phrase_end.push_back(state);
      impl->phrases.push_back(info);
    };
    for (const LocatedText& p : entry.phrases) add_phrase(p, false);
    for (const LocatedText& p : entry.aliases) add_phrase(p, true);
    if (entry.pattern) {
      try {
        boost::regex::flag_type flags = boost::regex::perl;
        if (entry.case_rule != CaseRule::kAsWritten) flags |= boost::regex::icase;
        const auto index = static_cast<uint32_t>(impl->patterns.size());
        impl->patterns.push_back({e, boost::regex(entry.pattern->text, flags), !entry.anchors.empty(), {}});
        for (const LocatedText& w : entry.required_words) {
          Tokenize(w.text, &tokens);
          if (tokens.size() != 1) continue;
          impl->patterns.back().required.push_back(tokens[0].hash);
          impl->required_bits.Add(tokens[0].hash);
        }
        for (const LocatedText& a : entry.anchors) {
          Tokenize(a.text, &tokens);
          if (tokens.size() != 1) continue;  // the loader refused it
          const uint64_t h = tokens[0].hash;
          uint32_t& list = impl->anchors.Insert(h);
          if (list == 0) {
            impl->anchor_lists.emplace_back();
            list = static_cast<uint32_t>(impl->anchor_lists.size());
            impl->anchor_bits.Add(h);
          }
          std::vector<uint32_t>& at = impl->anchor_lists[list - 1];
          if (at.empty() || at.back() != index) at.push_back(index);
        }
      } catch (const boost::regex_error& ex) {
        return Status::Error(entry.pattern->location.path.str() + ":" +
                             std::to_string(entry.pattern->location.line) + ": invalid pattern in '" +
                             entry.id + "': " + ex.what());
      }
    }
  }

  // Transitions into the flat map, each state's in the order they were
  // made; failure links breadth-first so a state's fail target is complete
  // before it.
  const size_t n = trie.size();
  impl->transitions.Reserve(n);
  impl->states.assign(n, Impl::StateInfo{});
  for (uint32_t s = 0; s < n; ++s) {
    for (uint32_t c = trie[s].first_child; c != 0; c = trie[c].next_sibling) {
      impl->transitions.Insert((static_cast<uint64_t>(s) << 32) | trie[c].label) = c;
      impl->states[s].child_bits |= Impl::ChildBit(trie[c].label);
    }
  }
  // The breadth-first order, every state but the root; `head` walks it as
  // a queue.
  std::vector<uint32_t> order;
  order.reserve(n);
  for (uint32_t c = trie[0].first_child; c != 0; c = trie[c].next_sibling) order.push_back(c);
  for (size_t head = 0; head < order.size(); ++head) {
    const uint32_t s = order[head];
    for (uint32_t child = trie[s].first_child; child != 0; child = trie[child].next_sibling) {
      const uint32_t v = trie[child].label;
      uint32_t f = impl->states[s].fail;
      uint32_t target = 0;
      while (true) {
        const uint32_t* found = impl->transitions.Find((static_cast<uint64_t>(f) << 32) | v);
        target = found ? *found : 0;
        if (target != 0 || f == 0) break;
        f = impl->states[f].fail;
      }
      impl->states[child].fail = target;
      order.push_back(child);
    }
  }
  // Output lists, laid out by state: a state's own phrases (in phrase
  // order), then all of its fail target's list. A fail target is shallower,
  // so it comes first in `order` and its list is complete by then.
  std::vector<uint32_t> own(n, 0);  // phrases ending in each state
  for (const uint32_t s : phrase_end) ++own[s];
  for (const uint32_t s : order) impl->states[s].out_count = own[s] + impl->states[impl->states[s].fail].out_count;
  uint32_t total = 0;
  for (Impl::StateInfo& info : impl->states) {
    info.out_begin = total;
    total += info.out_count;
  }
  impl->out_phrases.resize(total);
  std::fill(own.begin(), own.end(), 0);  // now: own phrases filed so far
  for (uint32_t p = 0; p < phrase_end.size(); ++p) {
    const uint32_t s = phrase_end[p];
    impl->out_phrases[impl->states[s].out_begin + own[s]++] = p;
  }
  for (const uint32_t s : order) {
    const Impl::StateInfo& fail = impl->states[impl->states[s].fail];
    std::copy_n(impl->out_phrases.begin() + fail.out_begin, fail.out_count,
                impl->out_phrases.begin() + impl->states[s].out_begin + own[s]);
  }
  // The vocabulary last: each id's slot holds the root's transition on it
  // and whether that state ends a phrase.
  std::vector<std::pair<uint64_t, VocabEntry>> words(vocab_hashes.size());
  for (size_t i = 0; i < vocab_hashes.size(); ++i) {
    const auto id = static_cast<uint32_t>(i + 1);
    const uint32_t next = id < root_child.size() ? root_child[id] : 0;
    words[i].first = vocab_hashes[i];
    words[i].second.id = id;
    words[i].second.root = next | (next != 0 && impl->states[next].out_count > 0 ? VocabEntry::kHasOutput : 0);
  }
  impl->vocabulary.Build(words);
  return Matcher(std::move(impl));
}

void Matcher::Impl::MatchPatternsIn(std::string_view text, const std::vector<Token>& tokens,
                                    uint32_t first, uint32_t end, std::vector<CueMatch>* out,
                                    std::vector<std::string>* pattern_errors) const {
  if (patterns.empty() || end <= first) return;
  const uint32_t range_begin = tokens[first].begin;
  const uint32_t range_end = tokens[end - 1].end;
  const auto tbegin = tokens.begin() + first;
  const auto tend = tokens.begin() + end;
  // A match counts when it starts and ends on token boundaries and passes
  // its entry's rules.
  auto add = [&](const CompiledPattern& p, const char* match_begin, const char* match_end) {
    const auto mb = static_cast<uint32_t>(match_begin - text.data());
    const auto me = static_cast<uint32_t>(match_end - text.data());
    if (me <= mb) return;
    const auto s = std::lower_bound(tbegin, tend, mb, [](const Token& t, uint32_t off) { return t.begin < off; });
    const auto l = std::lower_bound(s, tend, me, [](const Token& t, uint32_t off) { return t.end < off; });
    if (s == tend || l == tend || s->begin != mb || l->end != me) return;
    const auto start = static_cast<uint32_t>(s - tokens.begin());
    const auto len = static_cast<uint32_t>(l - s + 1);
    if (!Accept(rules[p.entry], nullptr, text, tokens, start, len, first, end)) return;
    out->push_back({start, len, mb, me, p.entry, false});
  };
  // Boost stops a match whose complexity exceeds its limit: the entry is
  // named once for the run.
  std::vector<char> stopped;
  auto limit_hit = [&](size_t index) {
    if (!pattern_errors) return;
    if (stopped.empty()) stopped.assign(patterns.size(), 0);
    if (stopped[index]) return;
    stopped[index] = 1;
    pattern_errors->push_back(lexicon.entries()[patterns[index].entry].id);
  };
  for (size_t pi = 0; pi < patterns.size(); ++pi) {
    const CompiledPattern& p = patterns[pi];
    if (p.anchored) continue;
    try {
      boost::cregex_iterator it(text.data() + range_begin, text.data() + range_end, p.regex);
      for (; it != boost::cregex_iterator(); ++it) add(p, (*it)[0].first, (*it)[0].second);
    } catch (const std::runtime_error&) {
      limit_hit(pi);
    }
  }
  if (anchor_lists.empty()) return;
  // An anchored pattern is tried only where one of its anchors starts, and
  // its match must start there: one short attempt at a few places instead
  // of a search over the whole run.
  boost::cmatch what;
  for (uint32_t i = first; i < end; ++i) {
    const uint64_t h = tokens[i].hash;
    if (!anchor_bits.MaybeHas(h)) continue;
    const uint32_t* list = anchors.Find(h);
    if (list == nullptr) continue;
    const char* from = text.data() + tokens[i].begin;
    // The character before the anchor is read by a leading \b.
    const auto flags = tokens[i].begin > 0 ? boost::match_continuous | boost::match_prev_avail
                                            : boost::match_continuous;
    const uint32_t window_end = std::min(end, i + 1 + kRequiresWindow);
    for (const uint32_t pi : anchor_lists[*list - 1]) {
      // Most anchors are common verbs ("has", "made"): a pattern that
      // needs a word after its anchor is tried only when one stands there.
      const std::vector<uint64_t>& required = patterns[pi].required;
      if (!required.empty()) {
        bool found = false;
        for (uint32_t k = i + 1; k < window_end && !found; ++k)
          found = required_bits.MaybeHas(tokens[k].hash) &&
                  std::find(required.begin(), required.end(), tokens[k].hash) != required.end();
        if (!found) continue;
      }
      try {
        if (boost::regex_search(from, text.data() + range_end, what, patterns[pi].regex, flags))
          add(patterns[pi], what[0].first, what[0].second);
      } catch (const std::runtime_error&) {
        limit_hit(pi);
      }
    }
  }
}

void Matcher::MatchPatterns(std::string_view text, const std::vector<Token>& tokens, uint32_t first,
                            uint32_t count, std::vector<CueMatch>* out,
                            std::vector<std::string>* pattern_errors) const {
  const size_t base = out->size();
  impl_->MatchPatternsIn(text, tokens, first, first + count, out, pattern_errors);
  std::sort(out->begin() + static_cast<std::ptrdiff_t>(base), out->end(),
            [](const CueMatch& a, const CueMatch& b) {
              return a.first_token != b.first_token ? a.first_token < b.first_token
                                                    : a.token_count > b.token_count;
            });
}

void Matcher::Match(std::string_view text, const std::vector<Token>& tokens, uint32_t first,
                    uint32_t count, std::vector<CueMatch>* out,
                    std::vector<std::string>* pattern_errors) const {
  const size_t base = out->size();
  impl_->MatchPhrasesIn(text, tokens, first, first + count, out);
  impl_->MatchPatternsIn(text, tokens, first, first + count, out, pattern_errors);
  impl_->Resolve(out, base);
}

void Matcher::MatchWith(std::string_view text, const std::vector<Token>& tokens, uint32_t first,
                        uint32_t count, const CueMatch* extra, size_t extra_count,
                        std::vector<CueMatch>* out) const {
  const size_t base = out->size();
  impl_->MatchPhrasesIn(text, tokens, first, first + count, out);
  for (size_t i = 0; i < extra_count; ++i)
    if (extra[i].first_token >= first && extra[i].first_token + extra[i].token_count <= first + count)
      out->push_back(extra[i]);
  impl_->Resolve(out, base);
}

void Matcher::Impl::MatchPhrasesIn(std::string_view text, const std::vector<Token>& tokens,
                                   uint32_t first, uint32_t end, std::vector<CueMatch>* out) const {
  const Impl& m = *this;
  uint32_t state = 0;
  for (uint32_t i = first; i < end; ++i) {
    const VocabEntry word = m.vocabulary.Find(tokens[i].hash);
    const uint32_t v = word.id;
    // Inside a phrase: its transition on v, else the failure links' one.
    // (One test of both, not two branches: v == 0 is as unpredictable as
    // the vocabulary test the table does without. A word in no phrase
    // leads back to the root below: its root transition is 0.)
    bool moved = false;
    if ((state != 0) & (v != 0)) {
      while (state != 0) {
        const StateInfo& at = m.states[state];
        if (at.child_bits & ChildBit(v)) {
          if (const uint32_t* next = m.transitions.Find((static_cast<uint64_t>(state) << 32) | v)) {
            state = *next;
            moved = true;
            break;
          }
        }
        state = at.fail;
      }
    }
    if (!moved) {
      // At the root (the common case): the vocabulary's slot answers alone.
      state = word.root & ~VocabEntry::kHasOutput;
      if ((word.root & VocabEntry::kHasOutput) == 0) continue;
    }
    const StateInfo& now = m.states[state];
    const uint32_t n_out = now.out_count;
    if (n_out == 0) continue;
    const uint32_t* ids = m.out_phrases.data() + now.out_begin;
    for (uint32_t k = 0; k < n_out; ++k) {
      const PhraseInfo& p = m.phrases[ids[k]];
      const uint32_t start = i + 1 - p.length;
      if (start < first) continue;
      if (!m.Accept(m.rules[p.entry], &p, text, tokens, start, p.length, first, end)) continue;
      out->push_back({start, p.length, tokens[start].begin, tokens[i].end, p.entry, p.alias});
    }
  }
}

void Matcher::Impl::Resolve(std::vector<CueMatch>* out, size_t base) const {
  const Impl& m = *this;
  // Overlaps: leftmost, then longest, within a family; then non_cues
  // suppress everything they cover.
  auto first_it = out->begin() + static_cast<std::ptrdiff_t>(base);
  if (out->end() - first_it < 2) return;
  std::sort(first_it, out->end(), [](const CueMatch& a, const CueMatch& b) {
    if (a.first_token != b.first_token) return a.first_token < b.first_token;
    if (a.token_count != b.token_count) return a.token_count > b.token_count;
    return a.entry < b.entry;
  });
  uint32_t family_end[kFamilyCount] = {};
  bool family_seen[kFamilyCount] = {};
  bool any_non_cue = false;
  auto keep = first_it;
  for (auto it = first_it; it != out->end(); ++it) {
    const size_t f = static_cast<size_t>(m.rules[it->entry].family);
    if (family_seen[f] && it->first_token < family_end[f]) continue;
    family_seen[f] = true;
    family_end[f] = it->first_token + it->token_count;
    any_non_cue |= m.rules[it->entry].is_non_cue;
    *keep++ = *it;
  }
  out->erase(keep, out->end());
  if (!any_non_cue) return;
  // Suppression by non_cues: the kept non-cues do not overlap one another,
  // so one sweep over both lists (sorted by start) finds what they cover.
  first_it = out->begin() + static_cast<std::ptrdiff_t>(base);
  keep = first_it;
  uint32_t cover_begin = 0, cover_end = 0;
  for (auto it = first_it; it != out->end(); ++it) {
    const uint32_t s = it->first_token, e = s + it->token_count;
    if (m.rules[it->entry].is_non_cue) {
      cover_begin = s;
      cover_end = e;
      *keep++ = *it;
      continue;
    }
    // Sorted by start, so a non-cue starting at or before s is the latest seen.
    if (s >= cover_begin && e <= cover_end && cover_end > 0) continue;
    *keep++ = *it;
  }
  out->erase(keep, out->end());
}

}  // namespace sourcecheck
