#ifndef CBENCH_ALLOCATIONS_H
#define CBENCH_ALLOCATIONS_H

#include <stdint.h>

/// Heap allocations (malloc, calloc, realloc, the memalign family) made by every thread
/// of the process so far. Each thread counts in a slot of its own, so counting costs no
/// atomic read-modify-write and no shared cache line; this sums the slots.
uint64_t cbench_total_allocations(void);

#endif
