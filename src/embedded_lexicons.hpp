// The default lexicons compiled into the binary (see cmake/embed_lexicons.cmake).
#pragma once

#include <string_view>
#include <vector>

#include "sourcecheck/lexicon.hpp"

namespace sourcecheck::internal {

using EmbeddedFile = ::sourcecheck::EmbeddedFile;
// Every file of lexicons/ as it was at build time, sorted by name.
const std::vector<EmbeddedFile>& EmbeddedLexiconFiles();

}  // namespace sourcecheck::internal
