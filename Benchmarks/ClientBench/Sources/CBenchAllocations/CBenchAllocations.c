// Counts the process's heap allocations by replacing glibc's malloc family in the
// executable itself (glibc's documented "Replacing malloc"; symbols in the executable win
// over libc's for every shared library). Each function forwards to glibc's `__libc_*`
// allocator. A thread takes a counter slot (its own cache line) on its first allocation
// and is its slot's only writer; readers sum the slots with relaxed loads. Threads beyond
// the slots share the last one with atomic adds.
#include "CBenchAllocations.h"

#include <errno.h>
#include <stddef.h>

extern void *__libc_malloc(size_t size);
extern void __libc_free(void *ptr);
extern void *__libc_calloc(size_t count, size_t size);
extern void *__libc_realloc(void *ptr, size_t size);
extern void *__libc_memalign(size_t alignment, size_t size);

#define SLOTS 512

typedef struct {
  uint64_t count;
  char padding[56];
} slot_t;

static slot_t slots[SLOTS];
static unsigned next_slot;
static _Thread_local slot_t *own_slot;

static inline void note_allocation(void) {
  slot_t *slot = own_slot;
  if (slot == NULL) {
    unsigned index = __atomic_fetch_add(&next_slot, 1, __ATOMIC_RELAXED);
    slot = &slots[index < SLOTS - 1 ? index : SLOTS - 1];
    own_slot = slot;
  }
  if (slot == &slots[SLOTS - 1]) {
    __atomic_fetch_add(&slot->count, 1, __ATOMIC_RELAXED);
  } else {
    __atomic_store_n(&slot->count, slot->count + 1, __ATOMIC_RELAXED);
  }
}

uint64_t cbench_total_allocations(void) {
  uint64_t total = 0;
  for (int index = 0; index < SLOTS; index++) {
    total += __atomic_load_n(&slots[index].count, __ATOMIC_RELAXED);
  }
  return total;
}

void *malloc(size_t size) {
  note_allocation();
  return __libc_malloc(size);
}

void free(void *ptr) { __libc_free(ptr); }

void *calloc(size_t count, size_t size) {
  note_allocation();
  return __libc_calloc(count, size);
}

void *realloc(void *ptr, size_t size) {
  note_allocation();
  return __libc_realloc(ptr, size);
}

void *memalign(size_t alignment, size_t size) {
  note_allocation();
  return __libc_memalign(alignment, size);
}

void *aligned_alloc(size_t alignment, size_t size) {
  note_allocation();
  return __libc_memalign(alignment, size);
}

int posix_memalign(void **out, size_t alignment, size_t size) {
  if (alignment % sizeof(void *) != 0 || (alignment & (alignment - 1)) != 0) return EINVAL;
  note_allocation();
  void *ptr = __libc_memalign(alignment, size);
  if (ptr == NULL) return ENOMEM;
  *out = ptr;
  return 0;
}
