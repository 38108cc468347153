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

}  // namespace sourcecheck::internal
