#ifndef SLUICE_BENCH_ALLOC_COUNTER_H
#define SLUICE_BENCH_ALLOC_COUNTER_H

#include <stdint.h>

/// Allocation counts of the calling thread since the last `alloc_counter_start`.
typedef struct {
  /// Calls that returned new memory: malloc, calloc, realloc, posix_memalign,
  /// aligned_alloc, memalign, valloc, pvalloc.
  uint64_t allocations;
  /// Bytes requested by those calls.
  uint64_t bytes;
  /// Calls to free with a non-null pointer.
  uint64_t frees;
} alloc_counter_stats;

/// Zeroes the calling thread's counters and starts counting its allocations.
void alloc_counter_start(void);

/// Stops counting on the calling thread and returns what was counted.
alloc_counter_stats alloc_counter_stop(void);

#endif
