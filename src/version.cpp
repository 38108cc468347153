#include "sourcecheck/version.hpp"

namespace sourcecheck {

const char* const kVersion = SOURCECHECK_VERSION;

}  // namespace sourcecheck
