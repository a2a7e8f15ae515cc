#ifndef CSLUICE_ALLOCATION_COUNTER_H
#define CSLUICE_ALLOCATION_COUNTER_H

#include <stdint.h>

/// Heap allocations (malloc, calloc, realloc, memalign family) made by the
/// calling thread since it started. Thread-local, so parallel tests do not
/// disturb each other.
uint64_t csluice_thread_allocations(void);

/// Bytes requested by those allocations.
uint64_t csluice_thread_allocated_bytes(void);

/// Frees made by the calling thread.
uint64_t csluice_thread_frees(void);

#endif
