#include "sourcecheck/analyzer.hpp"

#include <string>

namespace sourcecheck {

Deadline Deadline::In(std::chrono::milliseconds budget) {
  Deadline d;
  d.budget_ = budget;
  // A budget past the clock's range (--timeout-ms 99999999999999) would
  // overflow into the past and stop every document at once: it is no limit.
  const auto now = std::chrono::steady_clock::now();
  const auto room =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::time_point::max() - now);
  d.at_ = budget < room ? now + budget : std::chrono::steady_clock::time_point::max();
  return d;
}

Status Deadline::Expired(const char* stage) const {
  return Status::Error("analysis stopped after " + std::to_string(budget_.count()) + " ms (--timeout-ms) while " +
                       stage);
}

Analyzer::Analyzer(Matcher matcher) : matcher_(std::move(matcher)) {}

Result<Analyzer> Analyzer::Load(const std::vector<std::string>& lexicon_dirs,
                                std::vector<Diagnostic>* diagnostics) {
  LexiconBuilder builder;
  builder.AddDefaults();
  for (const std::string& dir : lexicon_dirs) builder.AddDirectory(dir);
  Result<Lexicon> lexicon = builder.BuildAndRelease();
  if (diagnostics)
    diagnostics->insert(diagnostics->end(), builder.diagnostics().begin(), builder.diagnostics().end());
  Result<ScoringModel> scoring = ScoringModel::Load(lexicon_dirs);
  if (!scoring.ok() && diagnostics)
    diagnostics->insert(diagnostics->end(), scoring.status().diagnostics().begin(),
                        scoring.status().diagnostics().end());
  if (!lexicon.ok()) return lexicon.status();
  if (!scoring.ok()) return scoring.status();
  return Create(std::move(lexicon).value(), scoring.value());
}

Result<Analyzer> Analyzer::Create(Lexicon lexicon, const ScoringModel& scoring) {
  // The abbreviations family extends the built-in list the segmenter knows.
  Abbreviations abbreviations = Abbreviations::Default();
  for (const Entry& e : lexicon.entries()) {
    if (e.family != Family::kAbbreviations) continue;
    // Titles ("Gen.", "Sen.") never end a sentence; other abbreviations
    // ("Inc.", "Jan.") may.
    for (const LocatedText& p : e.phrases) {
      if (e.category == "title")
        abbreviations.Add(NormalizeToken(p.text), AbbreviationKind::kNeverFinal);
      else
        abbreviations.Add(NormalizeToken(p.text));
    }
  }
  Result<Matcher> matcher = Matcher::Compile(std::move(lexicon));
  if (!matcher.ok()) return matcher.status();
  Analyzer analyzer(std::move(matcher).value());
  for (const Entry& e : analyzer.lexicon().entries()) analyzer.has_patterns_ |= e.pattern.has_value();
  analyzer.abbreviations_ = std::move(abbreviations);
  analyzer.scoring_ = scoring;
  return analyzer;
}

Analysis Analyzer::Analyze(const Document& document) const {
  Analysis analysis;
  Analyze(document, &analysis);
  return analysis;
}

void Analyzer::Analyze(const Document& document, Analysis* a) const {
  Status status = Analyze(document, a, Deadline());
  (void)status;  // no deadline: never fails
}

Status Analyzer::Analyze(const Document& document, Analysis* a, const Deadline& deadline) const {
  return Analyze(document, Span{0, static_cast<uint32_t>(document.text().size())}, a, deadline);
}

Status Analyzer::Analyze(const Document& document, Span range, Analysis* a, const Deadline& deadline) const {
  // Tokenizing and segmenting are linear in the text (a few hundred MB/s),
  // so the clock is read between them; matching is per sentence.
  const std::string& text = document.text();
  Tokenize(std::string_view(text).substr(range.begin, range.end - range.begin), &a->tokens);
  if (range.begin > 0)
    for (Token& t : a->tokens) {
      t.begin += range.begin;
      t.end += range.begin;
    }
  if (deadline.Passed()) return deadline.Expired("tokenizing");
  a->segmentation = Segment(text, a->tokens, abbreviations_);
  if (deadline.Passed()) return deadline.Expired("segmenting");
  a->cues.clear();
  a->cue_begin.clear();
  a->pattern_errors.clear();
  // Patterns run once over the text; each sentence then takes the pattern
  // matches inside it (they are sorted, so a cursor walks them).
  a->pattern_cues.clear();
  if (has_patterns_) {
    // They run over runs of whole sentences of about 64 KB, not the whole
    // text at once: Boost.Regex lets a search backtrack through a number of
    // states that grows with the text searched (S² × N), so a pattern that
    // backtracks gives up sooner, and the deadline is checked between runs.
    // A match never spans sentences (MatchWith keeps only those inside
    // one), so the runs lose none.
    constexpr uint32_t kPatternRunBytes = 64 * 1024;
    const std::vector<Sentence>& sentences = a->segmentation.sentences;
    for (size_t s = 0; s < sentences.size();) {
      size_t e = s + 1;
      while (e < sentences.size() && sentences[e].end - sentences[s].begin <= kPatternRunBytes) ++e;
      const uint32_t first = sentences[s].first_token;
      const uint32_t end = sentences[e - 1].first_token + sentences[e - 1].token_count;
      matcher_.MatchPatterns(text, a->tokens, first, end - first, &a->pattern_cues, &a->pattern_errors);
      if (deadline.Passed()) return deadline.Expired("matching patterns");
      s = e;
    }
  }
  size_t p = 0;
  size_t sentence = 0;
  for (const Sentence& s : a->segmentation.sentences) {
    if (++sentence % 4096 == 0 && deadline.Passed()) return deadline.Expired("matching");
    a->cue_begin.push_back(static_cast<uint32_t>(a->cues.size()));
    while (p < a->pattern_cues.size() && a->pattern_cues[p].first_token < s.first_token) ++p;
    size_t q = p;
    while (q < a->pattern_cues.size() && a->pattern_cues[q].first_token < s.first_token + s.token_count) ++q;
    matcher_.MatchWith(text, a->tokens, s.first_token, s.token_count, a->pattern_cues.data() + p, q - p,
                       &a->cues);
  }
  a->cue_begin.push_back(static_cast<uint32_t>(a->cues.size()));
  return Status::Ok();
}

}  // namespace sourcecheck
