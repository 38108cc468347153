#include "sourcecheck/lexicon_testing.hpp"

#include <algorithm>

namespace sourcecheck {

namespace {

// Matches over the whole sentence as one range: an example is a sentence.
std::vector<CueMatch> MatchSentence(const Matcher& matcher, const std::string& sentence,
                                    std::vector<Token>* tokens) {
  Tokenize(sentence, tokens);
  std::vector<CueMatch> matches;
  matcher.Match(sentence, *tokens, 0, static_cast<uint32_t>(tokens->size()), &matches);
  return matches;
}

}  // namespace

std::vector<std::string> EntriesFiringIn(const Matcher& matcher, const std::string& sentence) {
  std::vector<Token> tokens;
  std::vector<std::string> ids;
  for (const CueMatch& m : MatchSentence(matcher, sentence, &tokens))
    ids.push_back(matcher.entry(m.entry).id);
  return ids;
}

LexiconTestReport RunLexiconTests(const Matcher& matcher) {
  LexiconTestReport report;
  std::vector<Token> tokens;
  const std::vector<Entry>& entries = matcher.lexicon().entries();
  for (uint32_t e = 0; e < entries.size(); ++e) {
    const Entry& entry = entries[e];
    ++report.entries;
    for (const LocatedText& ex : entry.examples) {
      const std::vector<CueMatch> matches = MatchSentence(matcher, ex.text, &tokens);
      const bool fired = std::any_of(matches.begin(), matches.end(),
                                     [e](const CueMatch& m) { return m.entry == e; });
      if (fired) {
        ++report.passed;
        continue;
      }
      std::string others;
      for (const CueMatch& m : matches) {
        if (!others.empty()) others += ", ";
        others += matcher.entry(m.entry).id + " '" + ex.text.substr(m.begin, m.end - m.begin) + "'";
      }
      report.failures.push_back({entry.id, ex.location, false, ex.text, others});
    }
    for (const LocatedText& ex : entry.counterexamples) {
      const std::vector<CueMatch> matches = MatchSentence(matcher, ex.text, &tokens);
      auto hit = std::find_if(matches.begin(), matches.end(),
                              [e](const CueMatch& m) { return m.entry == e; });
      if (hit == matches.end()) {
        ++report.passed;
        continue;
      }
      report.failures.push_back(
          {entry.id, ex.location, true, ex.text, ex.text.substr(hit->begin, hit->end - hit->begin)});
    }
  }
  return report;
}

std::string FormatLexiconTestReport(const LexiconTestReport& report) {
  std::string out;
  for (const LexiconTestFailure& f : report.failures) {
    out += f.location.path.str() + ":" + std::to_string(f.location.line) + ":" +
           std::to_string(f.location.column) + ": FAIL " + f.entry_id + ": ";
    if (f.counterexample) {
      out += "fired on counterexample (matched '" + f.detail + "')\n";
    } else {
      out += "did not fire on example";
      if (!f.detail.empty()) out += " (fired instead: " + f.detail + ")";
      out += "\n";
    }
    out += "    " + f.sentence + "\n";
  }
  out += "lexicon test: " + std::to_string(report.passed) + " passed, " +
         std::to_string(report.failures.size()) + " failed (" + std::to_string(report.entries) +
         " entries)\n";
  return out;
}

}  // namespace sourcecheck
