// The generator itself embeds nothing: it reads the lexicon files it is given.
#include "embedded_lexicons.hpp"

namespace sourcecheck::internal {

const std::vector<EmbeddedFile>& EmbeddedLexiconFiles() {
  static const std::vector<EmbeddedFile> none;
  return none;
}

std::string_view CompiledDefaultLexicon() { return {}; }

std::string_view CompiledDefaultScoring() { return {}; }

std::string_view CompiledPhraseTokens() { return {}; }

std::string_view CompiledContextTokens() { return {}; }

}  // namespace sourcecheck::internal
