// One libFuzzer program per target: SOURCECHECK_FUZZ_TARGET names the
// function of fuzz_targets.hpp it runs (tests/fuzz/CMakeLists.txt).
#include <cstddef>
#include <cstdint>

#include "fuzz_targets.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  sourcecheck::fuzz::SOURCECHECK_FUZZ_TARGET(data, size);
  return 0;
}
