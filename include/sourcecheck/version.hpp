// The library's version, the same as the project's in CMakeLists.txt.
#pragma once

namespace sourcecheck {

// "MAJOR.MINOR.PATCH".
extern const char* const kVersion;

}  // namespace sourcecheck
