// The default lexicons compiled into the binary (see src/tools/lexgen.cpp).
#pragma once

#include <string_view>
#include <vector>

#include "sourcecheck/lexicon.hpp"

namespace sourcecheck::internal {

using EmbeddedFile = ::sourcecheck::EmbeddedFile;
// Every file of lexicons/ as it was at build time, sorted by name.
const std::vector<EmbeddedFile>& EmbeddedLexiconFiles();
// The default lexicons' entries, validated and serialized at build time
// (lexicon_serialize.hpp); empty in the generator itself.
std::string_view CompiledDefaultLexicon();
// The default ScoringModel (lexicons/scoring.yaml read at build time) as the
// bytes of the struct, which is trivially copyable; empty in the generator
// itself.
std::string_view CompiledDefaultScoring();
// The default lexicon's phrases as Tokenize split them at build time: for
// each entry in order, its phrases then its aliases, one record each: U32
// text size, the text, U32 token count, the tokens' U64 hashes. Empty in the
// generator itself.
std::string_view CompiledPhraseTokens();
// The same for the context phrases (for each entry in order: not_before,
// only_before, only_after, not_after), each whole phrase as Tokenize splits
// it, placeholders and all.
std::string_view CompiledContextTokens();

}  // namespace sourcecheck::internal
