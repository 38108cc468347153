// A compact binary form of lexicon entries. The build validates the default
// lexicons once (src/tools/lexgen.cpp) and embeds them in this form, so the
// program starts without parsing YAML.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "sourcecheck/lexicon.hpp"

namespace sourcecheck::internal {

// Serializes entries, locations included.
std::string SerializeEntries(const std::vector<Entry>& entries);
// Appends the entries of `data` to *out; false (and *out unchanged) when the
// data are not a serialization of this version.
bool DeserializeEntries(std::string_view data, std::vector<Entry>* out);

}  // namespace sourcecheck::internal
