// Sentence segmentation that survives news copy.
//
// Segment() turns the token vector of a document's text into paragraphs,
// sentences and quotations. It never fails: any text has a segmentation.
// The rules know abbreviations and initials ("U.S.", "Mr.", "Gen.", "Jan.",
// "Inc.", "J.D. Vance"), decimals and times, quotations that end a sentence
// ('..., he said.' stays one sentence), quotations spanning sentences or
// paragraphs (kept as one Quotation), em-dash asides, headlines and datelines
// without final punctuation, list items and paragraph breaks.
//
// Order of use: Tokenize() the text, then Segment() the same text and tokens.
// Every sentence is a run of consecutive tokens; together the sentences cover
// every token once, in order, and never cross a paragraph break.
//
// The rules, in the order they are tried before each token:
//   - a blank line (kBlankLineBefore) ends the sentence and the paragraph;
//   - after ". ? ! …" (plus any closing quotes and brackets) the sentence
//     ends when a capitalised word, a number, an opening quote or bracket, a
//     currency sign or a new line follows; never before a lower-case word
//     ("e.g. this") or mid-line punctuation. After an abbreviation or an
//     initial ("Inc.", "U.S.", "W.") it ends only before a typical sentence
//     starter ("The", "He", "But"), so "the U.S. Senate" stays whole and
//     "moved to the U.S. The next day" splits; titles ("Mr.", "Gen.") never
//     end a sentence and "No." is an abbreviation only before a number.
//     After "a.m."/"p.m." any capital splits except a day, a month or a
//     time zone ("at 5 p.m. Police arrived" splits; "at 8 p.m. Eastern"
//     does not).
//     "?" or "!" closing a quotation and followed by a name and a speech verb
//     ('"Why?" Smith asked.') does not end the sentence;
//   - a line with no final punctuation ends at its line break when it is a
//     whole line on its own (a headline, a dateline, a byline) and the next
//     line does not continue it (starts lower-case, or the line ends in a
//     comma, dash, colon or a word like "the"), so hard-wrapped prose stays
//     together; "WASHINGTON (Reuters) -" stays with the sentence below it;
//   - a list item ("- ", "* ", "• ", "1. ", "2) " at the start of a line)
//     always starts a sentence;
//   - text that runs on for 1,000 tokens without ending (a data dump, a
//     single line with no full stops) ends after the next clause mark
//     (, ; : — -), and anywhere at 2,000 tokens: no real sentence is that
//     long, and the cap keeps every later stage's work per sentence bounded.
//
// Limitations: single quotes (‘...’, used as quotation marks in headlines)
// are not tracked as quotations; a name after "?"/"!" outside a quotation
// ("Yahoo! Inc") splits; after an abbreviation or initialism a capitalised
// word that is no typical starter continues the sentence ("Apple Inc.
// Shares rose" stays one); a hard-wrapped line that is a whole sentence
// start and ends in a content word before a capitalised line
// ("met\nPresident") is taken for a headline.
//
// Thread safety: Segment is a pure function of its arguments; Abbreviations
// is safe to share once built (Default() is built on first use, thread-safely).
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "sourcecheck/tokenize.hpp"

namespace sourcecheck {

struct Sentence {
  uint32_t begin = 0;        // byte offset in the text of the first token
  uint32_t end = 0;          // byte offset one past the last token
  uint32_t first_token = 0;  // index into the token vector
  uint32_t token_count = 0;  // at least 1
  uint32_t paragraph = 0;    // index into Segmentation::paragraphs
  // True for a line standing alone without final punctuation: a headline,
  // a dateline or a list item without a full stop. A sentence ending in a
  // colon ("The plan has three parts:") is not a heading.
  bool is_heading = false;
};

struct Paragraph {
  uint32_t begin = 0;           // byte offset of the first token
  uint32_t end = 0;             // byte offset one past the last token
  uint32_t first_sentence = 0;  // index into Segmentation::sentences
  uint32_t sentence_count = 0;  // at least 1
};

// A direct quotation: from its opening mark to its closing mark (or to the
// end of the paragraph where news style leaves a multi-paragraph quote open,
// in which case it continues into the next paragraph when that one opens
// with a quote mark again). An opening mark met while a quotation is open
// continues it too: copy that drops paragraph breaks keeps the reopening
// mark mid-paragraph. A closing mark with no open quotation is ignored.
struct Quotation {
  uint32_t begin = 0;           // byte offset of the opening mark
  uint32_t end = 0;             // byte offset one past the closing mark (or last token)
  uint32_t first_sentence = 0;  // sentence holding the opening mark
  uint32_t last_sentence = 0;   // sentence holding the closing mark (or the last token)
  // False when no closing mark came: the text ended, or the paragraph ended
  // and the next one did not reopen the quotation.
  bool closed = true;
};

// All three vectors are in text order; all are empty for a text without
// tokens.
struct Segmentation {
  std::vector<Paragraph> paragraphs;
  std::vector<Sentence> sentences;
  std::vector<Quotation> quotations;
};

// How an abbreviation's period behaves.
enum class AbbreviationKind : uint8_t {
  // May end a sentence ("Inc.", "etc.", "Jan."): the period ends it only
  // before a typical sentence starter ("The", "He").
  kOrdinary,
  // A title or connective that never ends a sentence ("Mr.", "Gen.", "e.g.").
  kNeverFinal,
  // An abbreviation only before a number ("No. 10", "Art. 5"); before
  // anything else it is the plain word ("The answer was no.").
  kBeforeNumber,
};

// Words that take a period without ending a sentence ("mr", "gen", "jan",
// "inc", "st"), in their normalised form without the period.
class Abbreviations {
 public:
  // The built-in list used when the lexicons bring none.
  static const Abbreviations& Default();
  // Adds a word, given with or without its final period and in any case
  // ("Mr.", "mr", "e.g."), as kOrdinary; a word already known keeps its
  // kind, so a lexicon listing "Mr." does not weaken the built-in title.
  void Add(std::string_view normalized_word);
  // Adds a word with the given kind, replacing the kind of a known word.
  void Add(std::string_view normalized_word, AbbreviationKind kind);
  // True when a token with this hash is a known abbreviation (of any kind).
  bool Contains(uint64_t token_hash) const;
  // Sets *kind and returns true when the token is a known abbreviation.
  bool Find(uint64_t token_hash, AbbreviationKind* kind) const;

 private:
  struct Entry {
    uint64_t hash;
    AbbreviationKind kind;
  };
  void AddWord(std::string_view word, AbbreviationKind kind, bool replace);
  void Insert(uint64_t hash, AbbreviationKind kind, bool replace);
  std::vector<Entry> entries_;  // sorted by hash
};

// Segments `text`, whose tokens (from Tokenize(text)) are `tokens`. One
// linear pass; allocates only for the returned vectors. The result holds
// offsets and indexes, no views: it stays valid after text and tokens go.
Segmentation Segment(std::string_view text, const std::vector<Token>& tokens,
                     const Abbreviations& abbreviations = Abbreviations::Default());

}  // namespace sourcecheck
