#include "huge_pages.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <cstring>

using namespace sourcecheck::internal;

namespace {
constexpr uintptr_t kMiB = uintptr_t{1} << 20;
}

TEST_CASE("HugeBlocksIn keeps the whole 2 MiB blocks of a range", "[huge_pages]") {
  // Aligned at both ends: all of it.
  HugeBlocks b = HugeBlocksIn(64 * kMiB, 6 * kMiB);
  CHECK(b.begin == 64 * kMiB);
  CHECK(b.end == 70 * kMiB);
  // Unaligned: rounded in at both ends, never out.
  b = HugeBlocksIn(64 * kMiB + 4096, 6 * kMiB);
  CHECK(b.begin == 66 * kMiB);
  CHECK(b.end == 70 * kMiB);
  b = HugeBlocksIn(65 * kMiB, 7 * kMiB - 1);
  CHECK(b.begin == 66 * kMiB);
  CHECK(b.end == 70 * kMiB);
  // Under two blocks, or no whole block inside: nothing.
  b = HugeBlocksIn(64 * kMiB, 4 * kMiB - 1);
  CHECK(b.begin == b.end);
  b = HugeBlocksIn(65 * kMiB, 4 * kMiB);  // 65..69: only 66..68 whole
  CHECK(b.begin == 66 * kMiB);
  CHECK(b.end == 68 * kMiB);
}

TEST_CASE("AdviseHugePages leaves the memory usable and its bytes as written", "[huge_pages]") {
  const size_t n = 9 * kMiB;
  auto* p = static_cast<unsigned char*>(std::malloc(n));
  REQUIRE(p != nullptr);
  AdviseHugePages(p, n);
  std::memset(p, 0xAB, n);
  CHECK(p[0] == 0xAB);
  CHECK(p[n / 2] == 0xAB);
  CHECK(p[n - 1] == 0xAB);
  std::free(p);
  AdviseHugePages(nullptr, 0);  // nothing to do: no call at all
}
