// Transparent huge pages for the large buffers of a long document.
//
// A run over a 5 MB text touches some 21 MB of fresh memory (the text as
// read, its cleaned copy, tokens, claims, the report's buffer); every
// 4 KiB page of it is a page fault on first touch, and on this kind of
// machine the faults were a tenth of a full analysis. Where the kernel's
// THP setting is "madvise" (as on this machine), a range marked
// MADV_HUGEPAGE is faulted in 2 MiB at a time instead ("always" does so
// unasked; "never" ignores the mark). The CLI marks the
// heap a long input's run will use (cli/common.hpp, AdviseHugeHeap).
#pragma once

#include <sys/mman.h>

#include <cstddef>
#include <cstdint>

namespace sourcecheck::internal {

inline constexpr size_t kHugePageBytes = size_t{2} << 20;

// The whole 2 MiB blocks inside the n bytes at address `at`: [begin, end),
// empty (begin == end) when there are none or n is under two blocks (a
// draft's buffers are never worth it).
struct HugeBlocks {
  uintptr_t begin = 0;
  uintptr_t end = 0;
};
inline HugeBlocks HugeBlocksIn(uintptr_t at, size_t n) {
  if (n < 2 * kHugePageBytes) return {};
  const uintptr_t begin = (at + kHugePageBytes - 1) & ~uintptr_t{kHugePageBytes - 1};
  const uintptr_t end = (at + n) & ~uintptr_t{kHugePageBytes - 1};
  return end > begin ? HugeBlocks{begin, end} : HugeBlocks{};
}

// Asks for huge pages over HugeBlocksIn(p, n); [p, p + n) must be one
// allocation. Call it after allocating and before the first write: a page
// already touched stays as it is. Best effort: an error (no THP, another
// kernel) leaves the memory as it was.
inline void AdviseHugePages(const void* p, size_t n) {
  const HugeBlocks blocks = HugeBlocksIn(reinterpret_cast<uintptr_t>(p), n);
  if (blocks.end == blocks.begin) return;
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  (void)::madvise(reinterpret_cast<void*>(blocks.begin), blocks.end - blocks.begin, MADV_HUGEPAGE);
#endif
}

}  // namespace sourcecheck::internal
