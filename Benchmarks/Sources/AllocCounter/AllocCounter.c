// Counts heap allocations by replacing glibc's malloc family in the executable itself
// (glibc documents this as "Replacing malloc"): each function bumps thread-local
// counters while counting is on and forwards to glibc's own `__libc_*` allocator, so
// pointers stay glibc's and malloc_usable_size keeps working. No LD_PRELOAD needed.
#include "AllocCounter.h"

#include <errno.h>
#include <stddef.h>

extern void *__libc_malloc(size_t size);
extern void __libc_free(void *ptr);
extern void *__libc_calloc(size_t count, size_t size);
extern void *__libc_realloc(void *ptr, size_t size);
extern void *__libc_memalign(size_t alignment, size_t size);
extern void *__libc_valloc(size_t size);
extern void *__libc_pvalloc(size_t size);

static _Thread_local int counting;
static _Thread_local alloc_counter_stats counts;

static inline void note_alloc(size_t size) {
  if (counting) {
    counts.allocations += 1;
    counts.bytes += size;
  }
}

void *malloc(size_t size) {
  note_alloc(size);
  return __libc_malloc(size);
}

void free(void *ptr) {
  if (counting && ptr != NULL) counts.frees += 1;
  __libc_free(ptr);
}

void *calloc(size_t count, size_t size) {
  note_alloc(count * size);
  return __libc_calloc(count, size);
}

void *realloc(void *ptr, size_t size) {
  note_alloc(size);
  return __libc_realloc(ptr, size);
}

void *memalign(size_t alignment, size_t size) {
  note_alloc(size);
  return __libc_memalign(alignment, size);
}

void *aligned_alloc(size_t alignment, size_t size) {
  note_alloc(size);
  return __libc_memalign(alignment, size);
}

int posix_memalign(void **out, size_t alignment, size_t size) {
  if (alignment % sizeof(void *) != 0 || (alignment & (alignment - 1)) != 0) return EINVAL;
  note_alloc(size);
  void *ptr = __libc_memalign(alignment, size);
  if (ptr == NULL) return ENOMEM;
  *out = ptr;
  return 0;
}

void *valloc(size_t size) {
  note_alloc(size);
  return __libc_valloc(size);
}

void *pvalloc(size_t size) {
  note_alloc(size);
  return __libc_pvalloc(size);
}

void alloc_counter_start(void) {
  counts = (alloc_counter_stats){0, 0, 0};
  counting = 1;
}

alloc_counter_stats alloc_counter_stop(void) {
  counting = 0;
  return counts;
}
