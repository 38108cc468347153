#include "sourcecheck/segment.hpp"

#include <algorithm>
#include <initializer_list>
#include <string>

namespace sourcecheck {
namespace {

// A closed class of words, held as sorted hashes. The rules consult these
// only at a stop or a line break, so a binary search is cheap enough.
class WordSet {
 public:
  WordSet(std::initializer_list<std::string_view> words) {
    hashes_.reserve(words.size());
    for (std::string_view w : words) hashes_.push_back(NormalizedHash(w));
    std::sort(hashes_.begin(), hashes_.end());
  }
  bool Contains(uint64_t hash) const {
    return std::binary_search(hashes_.begin(), hashes_.end(), hash);
  }

 private:
  std::vector<uint64_t> hashes_;
};

// Words that open sentences far more often than they continue a name after
// an abbreviation: "U.S. The" splits, "U.S. Senate" does not. Names and
// nouns are left out on purpose ("Under" would split "U.S. Under Secretary").
const WordSet& SentenceStarters() {
  static const WordSet set{
      "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "this", "that",
      "these", "those", "there", "here", "his", "her", "its", "their", "our", "my",
      "your", "but", "and", "or", "so", "yet", "in", "on", "at", "for", "after",
      "before", "when", "while", "if", "as", "since", "although", "though", "however",
      "meanwhile", "many", "some", "one", "both", "most", "last", "earlier", "later",
      "now", "then", "what", "who", "how", "why", "where", "also", "still", "even",
      "each", "every", "such", "another", "according", "despite", "during", "with",
      "without", "by", "from", "more", "not", "yes", "until", "once", "instead",
      "officials", "mr", "mrs", "ms", "dr"};
  return set;
}

// Words a headline seldom ends on but a hard-wrapped line often does: a line
// ending in one of them goes on below.
const WordSet& LineContinuers() {
  static const WordSet set{
      "the", "a", "an", "of", "to", "with", "and", "or", "but", "nor", "from", "by",
      "as", "than", "that", "which", "whose", "who", "his", "her", "their", "its",
      "our", "my", "your", "for", "at", "in", "on", "into", "onto", "per", "about",
      "over", "between", "against", "without", "within", "including", "after",
      "before", "if", "when", "where", "is", "are", "was", "were", "be", "been",
      "will", "would", "could", "should", "has", "have", "had", "not", "mr", "mrs",
      "ms", "dr"};
  return set;
}

// Verbs of the attribution that follows a quoted question or exclamation
// ('"Why?" Smith asked.'), which keeps it in the quote's sentence.
const WordSet& SpeechVerbs() {
  static const WordSet set{
      "said", "says", "asked", "asks", "told", "added", "adds", "replied", "shouted",
      "cried", "wrote", "writes", "insisted", "wondered", "demanded", "exclaimed",
      "tweeted", "posted", "explained", "warned", "argued", "continued", "recalled",
      "joked", "laughed", "urged", "declared", "pleaded", "countered", "answered",
      "quipped", "noted", "stressed", "admitted", "asserted", "screamed", "yelled"};
  return set;
}

// Clock initialisms. Unlike "U.S.", they seldom modify a capitalised word,
// so after them a capital starts a new sentence unless it names a day, a
// month or a time zone ("at 5 p.m. Police arrived" vs "at 5 p.m. Monday").
const WordSet& ClockInitialisms() {
  static const WordSet set{"a.m.", "p.m."};
  return set;
}

const WordSet& TimeFollowers() {
  static const WordSet set{
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
      "today", "tonight", "tomorrow", "yesterday", "january", "february", "march",
      "april", "may", "june", "july", "august", "september", "october", "november",
      "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
      "nov", "dec", "et", "est", "edt", "ct", "cst", "cdt", "mt", "mst", "mdt", "pt", "pst",
      "pdt", "gmt", "bst", "utc", "cet", "cest", "ist", "jst", "hkt", "aest", "eastern",
      "central", "mountain", "pacific", "local"};
  return set;
}

// What a punctuation token does for segmentation.
enum class Mark : uint8_t {
  kNone,        // a word, a number, or punctuation the rules ignore
  kPeriod,      // .
  kQuestion,    // ? ! ‼
  kEllipsis,    // …
  kCloseQuote,  // a double quote that closes (see kCloseQuote in tokenize.hpp)
  kCloser,      // ) ] } ’ and a ' glued to the word before it
  kOpener,      // an opening double quote, ( [ { ‘ and a ' after a space
  kColon,       // :
  kHyphen,      // - – (a list bullet at the start of a line)
  kJoiner,      // , ; / & — ―
  kBullet,      // * • ‣ · ▪ ◦
  kCurrency,    // $ £ € ¥
};

Mark MarkOf(std::string_view text, const Token& t) {
  if (t.kind != TokenKind::kPunct) return Mark::kNone;
  if (t.has(kOpenQuote)) return Mark::kOpener;
  if (t.has(kCloseQuote)) return Mark::kCloseQuote;
  const auto* s = reinterpret_cast<const unsigned char*>(text.data()) + t.begin;
  if (t.size() == 1) {
    switch (s[0]) {
      case '.': return Mark::kPeriod;
      case '?': case '!': return Mark::kQuestion;
      case ')': case ']': case '}': return Mark::kCloser;
      case '(': case '[': case '{': return Mark::kOpener;
      case '\'': return t.has(kSpaceBefore) ? Mark::kOpener : Mark::kCloser;
      case ':': return Mark::kColon;
      case '-': return Mark::kHyphen;
      case ',': case ';': case '/': case '&': return Mark::kJoiner;
      case '*': return Mark::kBullet;
      case '$': return Mark::kCurrency;
      default: return Mark::kNone;
    }
  }
  if (t.size() == 2 && s[0] == 0xC2) {
    if (s[1] == 0xA3 || s[1] == 0xA5) return Mark::kCurrency;  // £ ¥
    if (s[1] == 0xB7) return Mark::kBullet;                    // ·
    return Mark::kNone;
  }
  if (t.size() == 3 && s[0] == 0xE2) {
    if (s[1] == 0x80) {
      switch (s[2]) {
        case 0xA6: return Mark::kEllipsis;
        case 0x93: return Mark::kHyphen;                 // –
        case 0x94: case 0x95: return Mark::kJoiner;      // — ―
        case 0x98: return Mark::kOpener;                 // ‘
        case 0x99: return Mark::kCloser;                 // ’
        case 0xA2: case 0xA3: return Mark::kBullet;      // • ‣
        case 0xBC: return Mark::kQuestion;               // ‼
        default: return Mark::kNone;
      }
    }
    if (s[1] == 0x82 && s[2] == 0xAC) return Mark::kCurrency;  // €
    if ((s[1] == 0x96 && s[2] == 0xAA) || (s[1] == 0x97 && s[2] == 0xA6)) return Mark::kBullet;
  }
  return Mark::kNone;
}

inline bool IsTerminal(Mark m) {
  return m == Mark::kPeriod || m == Mark::kQuestion || m == Mark::kEllipsis;
}

// What the sentence-final punctuation seen last means for the next token.
// Ordered: a later terminal only ever strengthens a stop ("U.S.." is strong).
enum class Stop : uint8_t {
  kNone,              // no pending stop: the sentence goes on
  kWeak,              // after an abbreviation or initial: ends before a sentence starter
  kClock,             // after "a.m." or "p.m.": strong, but not before a day or time zone
  kStrong,            // after . ? ! …: ends before a capital, number, opener
  kQuestionInQuote,   // ?" or !": strong, unless a name and a speech verb follow
};

// No real sentence is this long; text that runs on without ending (a data
// dump, prose with its punctuation stripped, a 50 MB single line) is cut
// into pieces: after a clause mark (, ; : — -) once a sentence has this many
// tokens, and anywhere at twice as many. The later stages look at whole
// sentences, some of them in time that grows faster than the length, so
// the cap keeps the whole analysis linear in the text.
constexpr size_t kLongSentenceTokens = 1000;
constexpr size_t kMaxSentenceTokens = 2 * kLongSentenceTokens;

// Walks the tokens once, deciding before each token whether the sentence
// (and the paragraph) ends there. The state is a handful of flags about the
// sentence being built; lookahead is bounded, so the pass stays linear.
class Segmenter {
 public:
  Segmenter(std::string_view text, const std::vector<Token>& tokens,
            const Abbreviations& abbreviations)
      : text_(text), tokens_(tokens), n_(tokens.size()), abbreviations_(abbreviations) {}

  Segmentation Run() {
    if (n_ == 0) return std::move(out_);
    // News sentences run 20-30 tokens; a rough reservation avoids most
    // regrowth without holding much unused memory.
    out_.sentences.reserve(n_ / 24 + 1);
    out_.paragraphs.reserve(n_ / 96 + 1);
    StartSentence(0);
    for (size_t i = 0; i < n_; ++i) {
      const Token& t = tokens_[i];
      // Most tokens are words within a line after a word: nothing below
      // would end a sentence at them or mark a quotation, and after one
      // the sentence has content and no stop.
      constexpr uint16_t kNotPlain = kNewlineBefore | kBlankLineBefore | kOpenQuote | kCloseQuote | kInitialism;
      if (t.kind != TokenKind::kPunct && (t.flags & kNotPlain) == 0 && stop_ == Stop::kNone &&
          i - start_ < kLongSentenceTokens) {
        has_content_ = true;
        continue;
      }
      const Mark mark = MarkOf(text_, t);
      if (i > start_) {
        if (t.has(kBlankLineBefore)) {
          CloseSentence(i);
          CloseParagraph();
          // News style reopens a quotation running on into the next
          // paragraph; without that, the quotation stops unclosed here.
          if (open_quote_ >= 0 && !t.has(kOpenQuote)) FinishOpenQuote(i);
        } else if (stop_ != Stop::kNone) {
          if (!IsTerminal(mark) && mark != Mark::kCloser && mark != Mark::kCloseQuote &&
              SplitsAfterStop(i, mark))
            CloseSentence(i);
        } else if (t.has(kNewlineBefore) && (IsListMarker(i) || EndsHeadline(i))) {
          CloseSentence(i);
        }
        if (i > start_ && t.has(kNewlineBefore)) single_line_ = false;
        if (i - start_ >= kLongSentenceTokens) {
          const Mark before = MarkOf(text_, tokens_[i - 1]);
          if (i - start_ >= kMaxSentenceTokens || before == Mark::kJoiner || before == Mark::kColon ||
              before == Mark::kHyphen)
            CloseSentence(i);
        }
      }
      TrackQuote(t);
      UpdateStop(i, t, mark);
    }
    CloseSentence(n_);
    CloseParagraph();
    if (open_quote_ >= 0) FinishOpenQuote(n_);
    return std::move(out_);
  }

 private:
  bool AtLineStart(size_t i) const { return i == 0 || tokens_[i].has(kNewlineBefore); }

  bool IsSingleLetter(const Token& t) const {
    if (t.kind != TokenKind::kWord) return false;
    const auto c = static_cast<unsigned char>(text_[t.begin]);
    if (t.size() == 1) return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
    return t.size() == 2 && (c & 0xE0) == 0xC0;  // one two-byte (Latin) letter
  }

  // "J." of "J. Smith": a single letter with a period glued to it.
  bool IsInitial(size_t i) const {
    return IsSingleLetter(tokens_[i]) && i + 1 < n_ &&
           MarkOf(text_, tokens_[i + 1]) == Mark::kPeriod &&
           !tokens_[i + 1].has(kSpaceBefore);
  }

  // A bullet or an item number ("1.", "2)", "b)") opening a line and
  // followed by a space.
  bool IsListMarker(size_t i) const {
    if (!AtLineStart(i) || i + 1 >= n_) return false;
    const Token& t = tokens_[i];
    const auto spaced = [](const Token& next) {
      return next.has(kSpaceBefore) && !next.has(kNewlineBefore);
    };
    const Mark mark = MarkOf(text_, t);
    if (mark == Mark::kBullet || mark == Mark::kHyphen) return spaced(tokens_[i + 1]);
    const bool number = t.kind == TokenKind::kNumber && t.size() <= 3;
    if (!number && !IsSingleLetter(t)) return false;
    const Token& after = tokens_[i + 1];
    if (after.has(kSpaceBefore) || after.size() != 1 || i + 2 >= n_) return false;
    const char c = text_[after.begin];
    return (c == ')' || (number && c == '.')) && spaced(tokens_[i + 2]);
  }

  bool IsStarter(size_t i) const {
    const Token& t = tokens_[i];
    return t.kind == TokenKind::kWord && t.has(kCapitalized) &&
           SentenceStarters().Contains(t.hash) && !IsInitial(i);
  }

  bool EndsWithPeriod(const Token& t) const { return text_[t.end - 1] == '.'; }

  // The stop an abbreviation's period makes; `i` indexes the token after it.
  Stop AbbreviationStop(AbbreviationKind kind, size_t i) const {
    switch (kind) {
      case AbbreviationKind::kNeverFinal: return Stop::kNone;
      case AbbreviationKind::kBeforeNumber:
        return i < n_ && tokens_[i].kind == TokenKind::kNumber ? Stop::kNone : Stop::kStrong;
      case AbbreviationKind::kOrdinary: break;
    }
    return Stop::kWeak;
  }

  // The stop a "." token at i makes, judged by the token before it.
  Stop PeriodStop(size_t i) const {
    const Token& prev = tokens_[i - 1];
    if (tokens_[i].has(kSpaceBefore)) return Stop::kStrong;
    if (prev.kind == TokenKind::kWord) {
      AbbreviationKind kind;
      if (abbreviations_.Find(prev.hash, &kind)) return AbbreviationStop(kind, i + 1);
      return IsSingleLetter(prev) ? Stop::kWeak : Stop::kStrong;
    }
    if (prev.kind == TokenKind::kNumber && IsListMarker(i - 1)) return Stop::kNone;
    return Stop::kStrong;
  }

  // An initialism keeps its period inside the token ("U.S."), so the token
  // itself is the candidate stop.
  Stop InitialismStop(size_t i) const {
    AbbreviationKind kind;
    if (abbreviations_.Find(tokens_[i].hash, &kind)) return AbbreviationStop(kind, i + 1);
    return ClockInitialisms().Contains(tokens_[i].hash) ? Stop::kClock : Stop::kWeak;
  }

  // '"Why?" Smith asked.', '"Why?" Mr. Smith asked.': up to five
  // capitalised words (a title may keep its period), then a speech verb.
  // A pronoun or other sentence starter first ('"Why?" He left.') splits.
  bool NameThenSpeechVerb(size_t i) const {
    AbbreviationKind kind;
    const bool title = abbreviations_.Find(tokens_[i].hash, &kind) &&
                       kind == AbbreviationKind::kNeverFinal;
    if (!title && SentenceStarters().Contains(tokens_[i].hash)) return false;
    const size_t limit = std::min(n_, i + 8);
    size_t j = i;
    for (int words = 0; j < limit && words < 5; ++j) {
      const Token& t = tokens_[j];
      if (t.kind == TokenKind::kWord && t.has(kCapitalized)) {
        ++words;
      } else if (!(j > i && MarkOf(text_, t) == Mark::kPeriod && !t.has(kSpaceBefore))) {
        break;
      }
    }
    return j < n_ && tokens_[j].kind == TokenKind::kWord && !tokens_[j].has(kCapitalized) &&
           SpeechVerbs().Contains(tokens_[j].hash);
  }

  // Whether the pending stop ends the sentence before token i, which is
  // neither a terminal nor a closing mark.
  bool SplitsAfterStop(size_t i, Mark mark) const {
    const Token& t = tokens_[i];
    if (t.has(kNewlineBefore) && IsListMarker(i)) return true;
    switch (stop_) {
      case Stop::kNone: return false;
      case Stop::kWeak:
        return IsStarter(mark == Mark::kOpener && i + 1 < n_ ? i + 1 : i);
      case Stop::kClock:
        if (t.kind == TokenKind::kWord && TimeFollowers().Contains(t.hash)) return false;
        break;
      case Stop::kQuestionInQuote:
        if (t.kind == TokenKind::kWord && t.has(kCapitalized) && NameThenSpeechVerb(i))
          return false;
        break;
      case Stop::kStrong: break;
    }
    if (t.kind == TokenKind::kWord) return t.has(kCapitalized);
    if (t.kind == TokenKind::kNumber) return true;
    return mark == Mark::kOpener || mark == Mark::kCurrency || t.has(kNewlineBefore);
  }

  // True when the sentence cannot stop after token j: it ends in a
  // period with no stop ("Mr."), an opening or joining mark, or a function
  // word that wants more.
  bool ContinuesLine(size_t j) const {
    const Token& t = tokens_[j];
    switch (MarkOf(text_, t)) {
      case Mark::kPeriod: case Mark::kQuestion: case Mark::kEllipsis: case Mark::kOpener:
      case Mark::kColon: case Mark::kHyphen: case Mark::kJoiner: case Mark::kBullet:
      case Mark::kCurrency:
        return true;
      case Mark::kNone:
        return t.kind == TokenKind::kWord &&
               (t.has(kInitialism) || LineContinuers().Contains(t.hash));
      case Mark::kCloseQuote: case Mark::kCloser:
        return false;
    }
    return false;
  }

  // At a line break with no pending stop: does the line above stand alone?
  // Only a sentence that is exactly that line can be a headline; one that
  // already wrapped is hard-wrapped prose.
  bool EndsHeadline(size_t i) const {
    if (!single_line_) return false;
    const Token& t = tokens_[i];
    if (t.kind == TokenKind::kWord && !t.has(kCapitalized) && t.has(kHasLower)) return false;
    return !ContinuesLine(i - 1);
  }

  // True when the sentence ends with final punctuation (or a colon), so it
  // is no heading even when it stands alone on its line.
  bool EndsFinal(size_t j) const {
    if (stop_ != Stop::kNone) return true;
    const Token& t = tokens_[j];
    const Mark mark = MarkOf(text_, t);
    return IsTerminal(mark) || mark == Mark::kColon ||
           (t.kind == TokenKind::kWord && t.has(kInitialism) && EndsWithPeriod(t));
  }

  void StartSentence(size_t i) {
    start_ = i;
    at_line_start_ = AtLineStart(i);
    single_line_ = at_line_start_;
    has_content_ = false;
    question_ = false;
    stop_ = Stop::kNone;
  }

  // Ends the sentence at token `end` (exclusive) and starts the next there.
  void CloseSentence(size_t end) {
    Sentence s;
    s.begin = tokens_[start_].begin;
    s.end = tokens_[end - 1].end;
    s.first_token = static_cast<uint32_t>(start_);
    s.token_count = static_cast<uint32_t>(end - start_);
    s.paragraph = static_cast<uint32_t>(out_.paragraphs.size());
    s.is_heading = at_line_start_ && !EndsFinal(end - 1);
    out_.sentences.push_back(s);
    if (end < n_) StartSentence(end);
  }

  void CloseParagraph() {
    Paragraph p;
    p.first_sentence = paragraph_first_sentence_;
    p.sentence_count = static_cast<uint32_t>(out_.sentences.size()) - paragraph_first_sentence_;
    p.begin = out_.sentences[p.first_sentence].begin;
    p.end = out_.sentences.back().end;
    out_.paragraphs.push_back(p);
    paragraph_first_sentence_ = static_cast<uint32_t>(out_.sentences.size());
  }

  uint32_t CurrentSentence() const { return static_cast<uint32_t>(out_.sentences.size()); }

  void TrackQuote(const Token& t) {
    if (t.has(kOpenQuote)) {
      if (open_quote_ >= 0) return;  // a reopening mark continues the quotation
      Quotation q;
      q.begin = t.begin;
      q.end = t.end;
      q.first_sentence = q.last_sentence = CurrentSentence();
      q.closed = false;
      open_quote_ = static_cast<int64_t>(out_.quotations.size());
      out_.quotations.push_back(q);
    } else if (t.has(kCloseQuote) && open_quote_ >= 0) {
      Quotation& q = out_.quotations[static_cast<size_t>(open_quote_)];
      q.end = t.end;
      q.last_sentence = CurrentSentence();
      q.closed = true;
      open_quote_ = -1;
    }
  }

  // Ends the open quotation, unclosed, at the token before `end`; called
  // after the sentence holding that token was closed.
  void FinishOpenQuote(size_t end) {
    Quotation& q = out_.quotations[static_cast<size_t>(open_quote_)];
    q.end = tokens_[end - 1].end;
    q.last_sentence = CurrentSentence() - 1;
    q.closed = false;
    open_quote_ = -1;
  }

  void UpdateStop(size_t i, const Token& t, Mark mark) {
    switch (mark) {
      case Mark::kPeriod:
        if (has_content_) stop_ = std::max(stop_, PeriodStop(i));
        question_ = false;
        return;
      case Mark::kQuestion:
      case Mark::kEllipsis:
        if (has_content_) stop_ = Stop::kStrong;
        question_ = mark == Mark::kQuestion;
        return;
      case Mark::kCloseQuote:
        if (stop_ == Stop::kStrong && question_) stop_ = Stop::kQuestionInQuote;
        return;
      case Mark::kCloser:
        return;  // "(He left.)": the stop carries past closing brackets
      default:
        break;
    }
    stop_ = Stop::kNone;
    if (t.kind == TokenKind::kPunct) return;
    has_content_ = true;
    if (t.has(kInitialism) && EndsWithPeriod(t)) stop_ = InitialismStop(i);
  }

  std::string_view text_;
  const std::vector<Token>& tokens_;
  const size_t n_;
  const Abbreviations& abbreviations_;
  Segmentation out_;

  // The sentence being built.
  size_t start_ = 0;
  bool at_line_start_ = true;  // it begins a line
  bool single_line_ = true;    // it begins a line and has not wrapped yet
  bool has_content_ = false;   // it holds a word or number (a lone "..." is no sentence)
  bool question_ = false;      // its last terminal was ? or !
  Stop stop_ = Stop::kNone;
  uint32_t paragraph_first_sentence_ = 0;
  int64_t open_quote_ = -1;  // index into out_.quotations, or -1
};

// The built-in list; kept short and unambiguous: words that are also common
// English words ("fig", "sat", "mass", "ill") are left out or limited to
// numbers, since a sentence ending in them must still split.
Abbreviations BuildDefault() {
  Abbreviations a;
  for (std::string_view w :
       {"mr", "mrs", "ms", "messrs", "mme", "mlle", "dr", "prof", "gen", "sen", "rep", "gov",
        "lt", "col", "capt", "cpt", "sgt", "cpl", "pvt", "maj", "adm", "cmdr", "cdr", "brig",
        "pres", "supt", "det", "insp", "rev", "fr", "hon", "rt", "atty", "mt", "ft", "e.g",
        "i.e", "vs", "cf", "viz"})
    a.Add(w, AbbreviationKind::kNeverFinal);
  for (std::string_view w :
       {"st", "jr", "sr", "inc", "corp", "ltd", "co", "plc", "llc", "llp", "bros", "etc",
        "al", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
        "dec", "mon", "tue", "tues", "thu", "thur", "thurs", "fri", "ave", "blvd", "rd",
        "hwy", "dept", "univ", "assn", "govt", "approx", "est", "ca", "calif", "fla", "ga",
        "pa", "va", "ky", "tenn", "mich", "minn", "ariz", "colo", "conn", "md", "mo", "nev",
        "okla", "wis", "ala", "neb", "kan", "ind"})
    a.Add(w, AbbreviationKind::kOrdinary);
  for (std::string_view w : {"no", "nos", "art", "fig", "vol", "pp", "ch", "para", "op", "nr"})
    a.Add(w, AbbreviationKind::kBeforeNumber);
  return a;
}

}  // namespace

const Abbreviations& Abbreviations::Default() {
  static const Abbreviations defaults = BuildDefault();
  return defaults;
}

void Abbreviations::Add(std::string_view normalized_word) {
  AddWord(normalized_word, AbbreviationKind::kOrdinary, /*replace=*/false);
}

void Abbreviations::Add(std::string_view normalized_word, AbbreviationKind kind) {
  AddWord(normalized_word, kind, /*replace=*/true);
}

void Abbreviations::AddWord(std::string_view word, AbbreviationKind kind, bool replace) {
  std::string normalized = NormalizeToken(word);
  while (!normalized.empty() && normalized.back() == '.') normalized.pop_back();
  if (normalized.empty()) return;
  Insert(NormalizedHash(normalized), kind, replace);
  // The tokenizer keeps an initialism's final period ("e.g."), so a dotted
  // word is also looked up with it.
  if (normalized.find('.') != std::string::npos)
    Insert(NormalizedHash(normalized + "."), kind, replace);
}

void Abbreviations::Insert(uint64_t hash, AbbreviationKind kind, bool replace) {
  auto it = std::lower_bound(entries_.begin(), entries_.end(), hash,
                             [](const Entry& e, uint64_t h) { return e.hash < h; });
  if (it == entries_.end() || it->hash != hash) {
    entries_.insert(it, Entry{hash, kind});
  } else if (replace) {
    it->kind = kind;
  }
}

bool Abbreviations::Contains(uint64_t token_hash) const {
  AbbreviationKind kind;
  return Find(token_hash, &kind);
}

bool Abbreviations::Find(uint64_t token_hash, AbbreviationKind* kind) const {
  // A binary search whose halving is selected, not branched on: it runs at
  // every period of a text, and each step of std::lower_bound's is a coin
  // toss for the branch predictor.
  if (entries_.empty()) return false;
  const Entry* base = entries_.data();
  size_t n = entries_.size();
  while (n > 1) {
    const size_t half = n / 2;
    base = base[half].hash < token_hash ? base + half : base;
    n -= half;
  }
  // The first entry not below the hash is base or the one after it.
  base += base->hash < token_hash;
  if (base == entries_.data() + entries_.size() || base->hash != token_hash) return false;
  *kind = base->kind;
  return true;
}

Segmentation Segment(std::string_view text, const std::vector<Token>& tokens,
                     const Abbreviations& abbreviations) {
  return Segmenter(text, tokens, abbreviations).Run();
}

}  // namespace sourcecheck
