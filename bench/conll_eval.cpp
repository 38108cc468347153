// conll_eval: how well sourcecheck tells uncertain sentences from certain
// ones, measured on the CoNLL-2010 shared task 1 data and the Szeged
// Uncertainty Corpus.
//
//   conll_eval [--corpus wikiweasel|bioscope|factbank|szeged-wiki]
//              [--split train|eval] [--check hedge|weasel] [--data DIR]
//              [--errors N] [--predictions FILE]
//
// Each sentence is analysed as a document of its own and judged by one of
// the product's two checks (see Check below). The hedge check calls it
// uncertain when the analysis finds a hedge (the writer's or a quoted
// speaker's), or an attribution to a vague source ("some critics say"), a
// bare anonymous one ("sources said") or to nobody through an unsourced hedge
// ("reportedly"). The weasel check, which the Wikipedia task annotated, adds
// a weasel phrase (a vague_sources cue: "some historians", "is widely
// regarded as") anywhere in the sentence, attribution or not, and leaves out
// modal and speculative hedges but the perfect modals ("may have served").
// We report precision, recall and F1 of the uncertain class, as the shared
// task did.
//
// Layout under DIR (default <source>/../shared/eval/conll2010):
//   wikiweasel/, bioscope/   <split>_certain.txt, <split>_uncertain.txt, one
//                            PTB-tokenised sentence a line;
//   szeged/wiki.xml, szeged/factbank.xml   <Sentence> elements, uncertain when
//                            they hold a <ccue> element (no split).
//
// This is a measurement: it exits 0 whatever the score, and 0 with a
// "skipped" line when the data are not beside the checkout. --errors (train
// split only) lists examples and the hedge and weasel entries behind false
// positives; --predictions (train split only) writes every sentence's
// prediction for closer study.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "eval_common.hpp"
#include "sourcecheck/analyzer.hpp"
#include "sourcecheck/claim.hpp"
#include "sourcecheck/document.hpp"
#include "sourcecheck/lexicon.hpp"
#include "sourcecheck/report.hpp"

namespace fs = std::filesystem;
using namespace sourcecheck;
using eval::Counts;

namespace {

constexpr const char* kProgram = "conll_eval";

struct LabeledSentence {
  std::string text;
  bool uncertain = false;
};

// ---------------------------------------------------------------------------
// Undoing PTB tokenisation, so the tokenizer sees the prose a newspaper would
// print ("Sgt. Pepper's", "(roughly \"assault\")"), not "Pepper 's" and
// "-LRB- roughly `` assault '' -RRB-".

bool IsClitic(std::string_view t) {
  static constexpr std::string_view kClitics[] = {"n't", "N'T", "'s",  "'S",  "'re",
                                                  "'ve", "'ll", "'d",  "'m",  "'RE"};
  for (std::string_view c : kClitics)
    if (t == c) return true;
  return false;
}

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}
bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// The PTB escapes anywhere in a token (the copy glues some to punctuation:
// "-RRB-.", "Life.''") as the characters they stand for.
std::string Unescape(std::string_view t) {
  struct Code {
    std::string_view ptb, text;
  };
  static constexpr Code kCodes[] = {{"-LRB-", "("}, {"-RRB-", ")"}, {"-LSB-", "["},
                                    {"-RSB-", "]"}, {"-LCB-", "{"}, {"-RCB-", "}"},
                                    {"``", "\""},  {"''", "\""}};
  std::string out;
  out.reserve(t.size());
  size_t i = 0;
  while (i < t.size()) {
    bool replaced = false;
    for (const Code& c : kCodes) {
      if (t.substr(i, c.ptb.size()) == c.ptb) {
        out += c.text;
        i += c.ptb.size();
        replaced = true;
        break;
      }
    }
    if (!replaced) out += t[i++];
  }
  return out;
}

std::string Detokenize(std::string_view line) {
  // How a token attaches to its neighbours: no space after an opener, no
  // space before a closer, a clitic or punctuation.
  enum Glue { kNone = 0, kNoSpaceAfter = 1, kNoSpaceBefore = 2 };
  static constexpr std::string_view kOpeners[] = {"-LRB-", "-LSB-", "-LCB-", "``"};
  static constexpr std::string_view kClosers[] = {"-RRB-", "-RSB-", "-RCB-", "''", ",", ".",
                                                  ";",     ":",     "?",     "!",  "%"};
  std::vector<std::string> tokens;
  std::vector<int> glue;
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    const size_t start = i;
    while (i < line.size() && line[i] != ' ' && line[i] != '\t') ++i;
    if (i == start) break;
    const std::string_view t = line.substr(start, i - start);
    int g = kNone;
    for (std::string_view o : kOpeners)
      if (EndsWith(t, o)) g |= kNoSpaceAfter;
    for (std::string_view c : kClosers)
      if (StartsWith(t, c) && (c.size() > 1 || t.find_first_not_of(",.;:?!%") == t.npos))
        g |= kNoSpaceBefore;
    if (IsClitic(t)) g |= kNoSpaceBefore;
    if (t == "`") {  // PTB's opening single quote
      tokens.emplace_back("'");
      glue.push_back(kNoSpaceAfter);
      continue;
    }
    tokens.push_back(Unescape(t));
    glue.push_back(g);
  }
  std::string out;
  for (size_t k = 0; k < tokens.size(); ++k) {
    if (k > 0 && !(glue[k - 1] & kNoSpaceAfter) && !(glue[k] & kNoSpaceBefore)) out += ' ';
    out += tokens[k];
  }
  return out;
}

// ---------------------------------------------------------------------------
// Reading the corpora

// Appends each non-empty line of `path` with the given label. False when the
// file cannot be read.
bool ReadLines(const fs::path& path, bool uncertain, std::vector<LabeledSentence>* out) {
  std::string data;
  if (!eval::ReadWholeFile(path, &data)) return false;
  size_t pos = 0;
  while (pos < data.size()) {
    size_t eol = data.find('\n', pos);
    if (eol == std::string::npos) eol = data.size();
    std::string_view line(data.data() + pos, eol - pos);
    pos = eol + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    std::string text = Detokenize(line);
    if (!text.empty()) out->push_back({std::move(text), uncertain});
  }
  return true;
}

// Decodes the XML entities of character data: the five predefined ones and
// numeric references. Unknown entities are kept as written.
void AppendDecoded(std::string_view s, std::string* out) {
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '&') {
      *out += s[i];
      continue;
    }
    const size_t semi = s.find(';', i);
    if (semi == std::string_view::npos || semi - i > 10) {
      *out += s[i];
      continue;
    }
    const std::string_view name = s.substr(i + 1, semi - i - 1);
    uint32_t cp = 0;
    if (name == "amp") cp = '&';
    else if (name == "lt") cp = '<';
    else if (name == "gt") cp = '>';
    else if (name == "quot") cp = '"';
    else if (name == "apos") cp = '\'';
    else if (name.size() > 1 && name[0] == '#') {
      const bool hex = name[1] == 'x' || name[1] == 'X';
      const std::string digits(name.substr(hex ? 2 : 1));
      char* end = nullptr;
      const unsigned long v = std::strtoul(digits.c_str(), &end, hex ? 16 : 10);
      if (!digits.empty() && *end == '\0' && v > 0 && v <= 0x10FFFF) cp = static_cast<uint32_t>(v);
    }
    if (cp == 0) {
      *out += s[i];
      continue;
    }
    // UTF-8 encoding of the code point. C1 controls (the corpus has two
    // stray ones) become spaces: they are no prose.
    if (cp >= 0x80 && cp < 0xA0) cp = ' ';
    if (cp < 0x80) {
      *out += static_cast<char>(cp);
    } else if (cp < 0x800) {
      *out += static_cast<char>(0xC0 | (cp >> 6));
      *out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      *out += static_cast<char>(0xE0 | (cp >> 12));
      *out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      *out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      *out += static_cast<char>(0xF0 | (cp >> 18));
      *out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      *out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      *out += static_cast<char>(0x80 | (cp & 0x3F));
    }
    i = semi;
  }
}

// The tag name at xml[lt] == '<' ("Sentence", "/Sentence", "ccue").
std::string_view TagName(std::string_view xml, size_t lt) {
  size_t e = lt + 1;
  while (e < xml.size() && xml[e] != '>' && xml[e] != ' ' && xml[e] != '\t' && xml[e] != '\n' &&
         xml[e] != '/')
    ++e;
  if (e < xml.size() && xml[e] == '/' && e == lt + 1) {  // a closing tag
    ++e;
    while (e < xml.size() && xml[e] != '>' && xml[e] != ' ') ++e;
  }
  return xml.substr(lt + 1, e - lt - 1);
}

// Reads the <Sentence> elements of a Szeged Uncertainty Corpus file: the
// text is the character data with the markup removed, and the sentence is
// uncertain when a cue element (<ccue>, or BioScope's <cue>) occurs in it.
// Only what this corpus uses is understood: elements, attributes, entities;
// no CDATA sections inside sentences. Errors name the byte offset.
bool ReadSzeged(const fs::path& path, std::vector<LabeledSentence>* out, std::string* error) {
  std::string xml;
  if (!eval::ReadWholeFile(path, &xml)) {
    *error = path.string() + ": cannot read";
    return false;
  }
  const std::string_view x = xml;
  size_t pos = 0;
  while ((pos = x.find('<', pos)) != std::string_view::npos) {
    const std::string_view name = TagName(x, pos);
    const size_t open_end = x.find('>', pos);
    if (open_end == std::string_view::npos) {
      *error = path.string() + ": byte " + std::to_string(pos) + ": unterminated tag";
      return false;
    }
    if (name != "Sentence" && name != "sentence") {
      pos = open_end + 1;
      continue;
    }
    LabeledSentence s;
    std::string raw;
    size_t p = open_end + 1;
    if (x[open_end - 1] != '/') {  // <Sentence/> would be empty
      for (;;) {
        const size_t lt = x.find('<', p);
        if (lt == std::string_view::npos) {
          *error = path.string() + ": byte " + std::to_string(pos) + ": <" + std::string(name) +
                   "> is never closed";
          return false;
        }
        AppendDecoded(x.substr(p, lt - p), &raw);
        const size_t gt = x.find('>', lt);
        if (gt == std::string_view::npos) {
          *error = path.string() + ": byte " + std::to_string(lt) + ": unterminated tag";
          return false;
        }
        const std::string_view tag = TagName(x, lt);
        p = gt + 1;
        if (tag == "/Sentence" || tag == "/sentence") break;
        if (tag == "ccue" || tag == "cue") s.uncertain = true;
      }
    }
    s.text = Detokenize(raw);
    if (!s.text.empty()) out->push_back(std::move(s));
    pos = p;
  }
  return true;
}

// ---------------------------------------------------------------------------
// Prediction

// What made us call a sentence uncertain; several may fire at once.
enum Trigger {
  kOwnHedge,
  kQuotedHedge,
  kVagueSource,
  kWeaselPhrase,
  kBareAnonymous,
  kUnsourcedHedge,
  kTriggers
};
constexpr const char* kTriggerNames[kTriggers] = {
    "hedge (writer's)",      "hedge (quoted)",
    "vague source",          "weasel phrase (vague_sources cue)",
    "anonymous_bare source", "unsourced hedge (no source)"};

struct Prediction {
  bool fired[kTriggers] = {};
  std::vector<uint32_t> cue_entries;  // the hedge and weasel cues found, for --errors
  bool uncertain() const {
    for (bool f : fired)
      if (f) return true;
    return false;
  }
};

// Which check of the product the corpus measures.
//   hedge:  is the claim hedged or vaguely sourced? The writer's and quoted
//           speakers' hedges, and attributions to vague, bare anonymous or
//           no sources (BioScope, FactBank: uncertainty in the broad sense).
//   weasel: does the sentence hide who holds a view? The hedge check, plus
//           every weasel phrase (vague_sources cue) wherever it stands
//           ("some historians", "is widely regarded as", "one of the most"),
//           but not the modal and speculative hedges ("may", "could", "may
//           be"): like Wikipedia's words-to-watch guidance, the check leaves
//           modal verbs alone, which in encyclopedic and descriptive prose
//           mostly say what can happen ("the disease may spread to the
//           eyes"), not who doubts what. The perfect modals are the
//           exception (hedges.may_have: "the chapel may have served as a
//           school"): they doubt what happened, which is the writer's
//           uncertainty about a fact. The Wikipedia task is this check.
// Both leave out approximators ("about 300", "roughly half"): they make a
// figure imprecise, not the claim uncertain, and the shared task's
// guidelines do not count them either.
enum class Check { kHedge, kWeasel };

bool CountsAsHedge(const Entry& e, Check check) {
  if (e.category == "approximator") return false;
  const bool perfect_modal = e.family == Family::kHedges && e.key == "may_have";
  if (check == Check::kWeasel && !perfect_modal &&
      (e.category == "modal" || e.category == "speculative"))
    return false;
  return true;
}

Prediction Predict(const Analyzer& analyzer, const std::string& text, Check check) {
  const Document doc = Document::FromParts("sentence", InputFormat::kText, text, text, {});
  const Report report = BuildReport(analyzer, doc);
  const std::vector<Entry>& entries = analyzer.lexicon().entries();
  Prediction p;
  for (const Claim& claim : report.claims) {
    for (const HedgeHit& h : claim.hedges) {
      if (!CountsAsHedge(entries[h.entry], check)) continue;
      p.fired[h.quoted ? kQuotedHedge : kOwnHedge] = true;
      p.cue_entries.push_back(h.entry);
    }
    for (const Attribution& a : claim.attributions) {
      if (a.kind == SourceKind::kVague) p.fired[kVagueSource] = true;
      if (a.kind == SourceKind::kAnonymousBare) p.fired[kBareAnonymous] = true;
      if (a.kind == SourceKind::kNone && a.cue_entry < entries.size() &&
          entries[a.cue_entry].family == Family::kHedges && entries[a.cue_entry].unsourced)
        p.fired[kUnsourcedHedge] = true;
    }
  }
  // In the weasel check a weasel phrase counts wherever it stands, as an
  // editor would flag it, whether or not the attribution stage made it the
  // source of a reporting verb.
  if (check != Check::kWeasel) return p;
  for (const CueMatch& m : report.analysis.cues) {
    if (entries[m.entry].family != Family::kVagueSources) continue;
    p.fired[kWeaselPhrase] = true;
    p.cue_entries.push_back(m.entry);
  }
  return p;
}

int Usage(FILE* out, int code) {
  std::fprintf(out,
               "usage: %s [--corpus wikiweasel|bioscope|factbank|szeged-wiki] "
               "[--split train|eval] [--check hedge|weasel] [--data DIR] [--errors N]\n"
               "       [--predictions FILE]\n"
               "  --corpus     which corpus (default wikiweasel)\n"
               "  --split      train or eval (default train, the split to tune on: eval is run\n"
               "               only to report; factbank and szeged-wiki have none)\n"
               "  --check      what counts as uncertain: hedge (hedges and vague sources) or\n"
               "               weasel (vague sources and weasel phrases anywhere, hedges but\n"
               "               modal and speculative ones, except the epistemic 'may have'\n"
               "               of hedges.may_have); default weasel for wikiweasel, hedge for\n"
               "               the others\n"
               "  --data DIR   the CoNLL-2010 directory (default "
               "<source>/../shared/eval/conll2010)\n"
               "  --errors N   N false positives and negatives, and the hedge and weasel\n"
               "               entries behind false positives (train split only)\n"
               "  --predictions FILE\n"
               "               one line per sentence: gold, predicted (1 = uncertain), the\n"
               "               cue entries found and the text, tab-separated (train split only)\n",
               kProgram);
  return code;
}

}  // namespace

int main(int argc, char** argv) {
  std::string corpus = "wikiweasel", split = "train";
  bool split_given = false;
  std::optional<fs::path> data_option;
  int errors = 0;
  std::optional<fs::path> predictions_path;
  std::optional<Check> check_option;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    auto value = [&]() -> const char* {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "%s: %s needs a value\n", kProgram, argv[i]);
        std::exit(Usage(stderr, 2));
      }
      return argv[++i];
    };
    if (arg == "--corpus") {
      corpus = value();
    } else if (arg == "--split") {
      split = value();
      split_given = true;
    } else if (arg == "--data") {
      data_option = fs::path(value());
    } else if (arg == "--errors") {
      const char* v = value();
      char* end = nullptr;
      const long n = std::strtol(v, &end, 10);
      if (*v == '\0' || *end != '\0' || n < 0 || n > 100000) {
        std::fprintf(stderr, "%s: --errors wants a count, not '%s'\n", kProgram, v);
        return 2;
      }
      errors = static_cast<int>(n);
    } else if (arg == "--check") {
      const std::string_view v = value();
      if (v == "hedge") {
        check_option = Check::kHedge;
      } else if (v == "weasel") {
        check_option = Check::kWeasel;
      } else {
        std::fprintf(stderr, "%s: --check must be hedge or weasel, not '%s'\n", kProgram,
                     std::string(v).c_str());
        return 2;
      }
    } else if (arg == "--predictions") {
      predictions_path = fs::path(value());
    } else if (arg == "--help" || arg == "-h") {
      return Usage(stdout, 0);
    } else {
      std::fprintf(stderr, "%s: unknown argument '%s'\n", kProgram, argv[i]);
      return Usage(stderr, 2);
    }
  }
  const bool split_corpus = corpus == "wikiweasel" || corpus == "bioscope";
  // The Wikipedia task annotated weasel wording; the others, hedging.
  const Check check =
      check_option.value_or(corpus == "wikiweasel" ? Check::kWeasel : Check::kHedge);
  if (!split_corpus && corpus != "factbank" && corpus != "szeged-wiki") {
    std::fprintf(stderr, "%s: unknown corpus '%s'\n", kProgram, corpus.c_str());
    return Usage(stderr, 2);
  }
  if (split != "train" && split != "eval") {
    std::fprintf(stderr, "%s: --split must be train or eval, not '%s'\n", kProgram, split.c_str());
    return 2;
  }
  if (!split_corpus && split_given) {
    std::fprintf(stderr, "%s: %s has no split: measuring the whole corpus\n", kProgram,
                 corpus.c_str());
  }
  // Evaluation sentences (and the split-less corpora, which we keep for
  // measuring) must not guide the rules: examples come from train only.
  if ((errors > 0 || predictions_path) && !(split_corpus && split == "train")) {
    std::fprintf(stderr,
                 "%s: --errors and --predictions are for the train split of wikiweasel or "
                 "bioscope only\n",
                 kProgram);
    return 2;
  }

  fs::path data;
  if (data_option) {
    data = *data_option;
    if (!fs::is_directory(data)) {
      std::fprintf(stderr, "%s: %s: no such directory\n", kProgram, data.string().c_str());
      return 2;
    }
  } else {
    data = eval::SharedDir() / "eval" / "conll2010";
    if (!fs::is_directory(data)) {
      std::printf("%s: ../shared/eval/conll2010 not found: skipped\n", kProgram);
      return 0;
    }
  }

  const eval::Stopwatch clock;
  std::vector<LabeledSentence> sentences;
  if (split_corpus) {
    const fs::path dir = data / corpus;
    for (const bool uncertain : {false, true}) {
      const fs::path file = dir / (split + (uncertain ? "_uncertain.txt" : "_certain.txt"));
      if (!ReadLines(file, uncertain, &sentences)) {
        std::fprintf(stderr, "%s: cannot read %s\n", kProgram, file.string().c_str());
        return 2;
      }
    }
  } else {
    const fs::path file = data / "szeged" / (corpus == "factbank" ? "factbank.xml" : "wiki.xml");
    std::string error;
    if (!ReadSzeged(file, &sentences, &error)) {
      std::fprintf(stderr, "%s: %s\n", kProgram, error.c_str());
      return 2;
    }
  }
  if (sentences.empty()) {
    std::fprintf(stderr, "%s: no sentences read for %s\n", kProgram, corpus.c_str());
    return 2;
  }

  std::optional<Analyzer> analyzer = eval::LoadDefaultAnalyzer(kProgram);
  if (!analyzer) return 2;

  FILE* predictions = nullptr;
  if (predictions_path) {
    predictions = std::fopen(predictions_path->string().c_str(), "w");
    if (!predictions) {
      std::fprintf(stderr, "%s: cannot write %s\n", kProgram, predictions_path->string().c_str());
      return 2;
    }
  }
  Counts uncertain;
  Counts by_trigger[kTriggers];  // tp: fired on an uncertain sentence, fp: on a certain one
  // --errors: per hedge or weasel entry, the sentences it fired in (tp on
  // uncertain, fp on certain ones), and those where it was the only cue, so
  // that removing it would change the prediction.
  struct EntryCounts {
    Counts all, alone;
  };
  std::map<std::string, EntryCounts> by_entry;
  std::vector<std::string> fp_examples, fn_examples;
  uint64_t gold_uncertain = 0;
  const eval::Stopwatch analysis_clock;
  for (const LabeledSentence& s : sentences) {
    const Prediction p = Predict(*analyzer, s.text, check);
    const bool predicted = p.uncertain();
    gold_uncertain += s.uncertain;
    if (predicted && s.uncertain) ++uncertain.tp;
    if (predicted && !s.uncertain) ++uncertain.fp;
    if (!predicted && s.uncertain) ++uncertain.fn;
    for (int k = 0; k < kTriggers; ++k)
      if (p.fired[k]) (s.uncertain ? by_trigger[k].tp : by_trigger[k].fp)++;
    if (errors > 0 || predictions) {
      std::vector<uint32_t> seen;
      std::string cues;
      for (uint32_t e : p.cue_entries) {
        if (std::find(seen.begin(), seen.end(), e) != seen.end()) continue;
        seen.push_back(e);
        cues += (cues.empty() ? "" : ", ") + analyzer->lexicon().entries()[e].id;
      }
      // Whether the listed cues alone decided: an attribution to a vague or
      // bare anonymous source counts too, without an entry of its own.
      const bool only_cues = !p.fired[kBareAnonymous] && !p.fired[kVagueSource];
      for (uint32_t e : seen) {
        EntryCounts& c = by_entry[analyzer->lexicon().entries()[e].id];
        (s.uncertain ? c.all.tp : c.all.fp)++;
        if (seen.size() == 1 && only_cues) (s.uncertain ? c.alone.tp : c.alone.fp)++;
      }
      if (predictions)
        std::fprintf(predictions, "%d\t%d\t%s\t%s\n", s.uncertain ? 1 : 0, predicted ? 1 : 0,
                     cues.c_str(), eval::OneLine(s.text, 100000).c_str());
      if (errors > 0 && predicted != s.uncertain) {
        std::string why;
        for (int k = 0; k < kTriggers; ++k)
          if (p.fired[k]) why += (why.empty() ? "" : "; ") + std::string(kTriggerNames[k]);
        if (!cues.empty()) why += " [" + cues + "]";
        (predicted ? fp_examples : fn_examples)
            .push_back("  " + eval::OneLine(s.text) + (why.empty() ? "" : "\n      ours: " + why) +
                       "\n");
      }
    }
  }
  if (predictions) std::fclose(predictions);
  const double analysis_seconds = analysis_clock.Seconds();

  const std::string title = split_corpus ? corpus + " " + split : corpus;
  std::printf("CoNLL-2010 uncertainty, %s: %zu sentences, %llu uncertain (%.1f%%); %s check\n\n",
              title.c_str(), sentences.size(), static_cast<unsigned long long>(gold_uncertain),
              100.0 * double(gold_uncertain) / double(sentences.size()),
              check == Check::kWeasel ? "weasel" : "hedge");
  constexpr int kWidth = 30;
  eval::PrintCountsHeader("class", kWidth);
  eval::PrintCountsRow("uncertain", uncertain, kWidth);
  // Each trigger on its own: its precision, and the uncertain sentences it
  // alone would find (its recall).
  std::printf("\n%-*s %7s %7s %7s %7s\n", kWidth, "trigger (alone)", "P", "R", "fired", "on unc");
  for (int k = 0; k < kTriggers; ++k) {
    Counts c = by_trigger[k];
    c.fn = gold_uncertain - c.tp;
    std::printf("%-*s %7.1f %7.1f %7llu %7llu\n", kWidth, kTriggerNames[k], c.Precision(),
                c.Recall(), static_cast<unsigned long long>(c.tp + c.fp),
                static_cast<unsigned long long>(c.tp));
  }

  if (errors > 0) {
    std::vector<std::pair<std::string, EntryCounts>> rows(by_entry.begin(), by_entry.end());
    std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
      return a.second.all.fp > b.second.all.fp;
    });
    std::printf("\ncue entries by false positives (sentences; 'alone': the only cue)\n"
                "%-44s %7s %7s %7s %7s %7s\n",
                "entry", "on unc", "on cert", "P", "alone+", "alone-");
    for (int i = 0; i < errors && i < static_cast<int>(rows.size()); ++i) {
      const EntryCounts& c = rows[i].second;
      std::printf("%-44s %7llu %7llu %7.1f %7llu %7llu\n", rows[i].first.c_str(),
                  static_cast<unsigned long long>(c.all.tp),
                  static_cast<unsigned long long>(c.all.fp), c.all.Precision(),
                  static_cast<unsigned long long>(c.alone.tp),
                  static_cast<unsigned long long>(c.alone.fp));
    }
    // Examples spread over the file, not its first lines.
    for (auto* list : {&fp_examples, &fn_examples}) {
      const size_t n = std::min<size_t>(static_cast<size_t>(errors), list->size());
      std::printf("\n%s: %zu of %zu\n", list == &fp_examples ? "false positives" : "false negatives",
                  n, list->size());
      for (size_t i = 0; i < n; ++i) std::fputs((*list)[i * list->size() / n].c_str(), stdout);
    }
  }

  std::printf("\ntime: %.2f s (analysis %.2f s, %.0f sentences/s)\n", clock.Seconds(),
              analysis_seconds,
              analysis_seconds > 0 ? double(sentences.size()) / analysis_seconds : 0.0);
  std::printf("conll %s: uncertain F1 %.1f (P %.1f R %.1f, %zu sentences)\n", title.c_str(),
              uncertain.F1(), uncertain.Precision(), uncertain.Recall(), sentences.size());
  return 0;
}
