// Counts heap allocations per thread by interposing the malloc family in the
// test executable (symbols in the executable win over libc's for every shared
// library, nghttp2 and zlib included) and forwarding to glibc's __libc_*
// entry points. No LD_PRELOAD and no dlsym, so no bootstrap recursion.
#define _GNU_SOURCE
#include "CAllocationCounter.h"

#include <errno.h>
#include <stddef.h>
#include <stdint.h>

extern void *__libc_malloc(size_t size);
extern void *__libc_calloc(size_t count, size_t size);
extern void *__libc_realloc(void *pointer, size_t size);
extern void *__libc_memalign(size_t alignment, size_t size);
extern void __libc_free(void *pointer);

static _Thread_local uint64_t allocations;
static _Thread_local uint64_t allocated_bytes;
static _Thread_local uint64_t frees;

uint64_t csluice_thread_allocations(void) { return allocations; }
uint64_t csluice_thread_allocated_bytes(void) { return allocated_bytes; }
uint64_t csluice_thread_frees(void) { return frees; }

void *malloc(size_t size) {
    allocations += 1;
    allocated_bytes += size;
    return __libc_malloc(size);
}

void *calloc(size_t count, size_t size) {
    allocations += 1;
    allocated_bytes += count * size;
    return __libc_calloc(count, size);
}

void *realloc(void *pointer, size_t size) {
    allocations += 1;
    allocated_bytes += size;
    return __libc_realloc(pointer, size);
}

void free(void *pointer) {
    if (pointer != NULL) {
        frees += 1;
    }
    __libc_free(pointer);
}

void *memalign(size_t alignment, size_t size) {
    allocations += 1;
    allocated_bytes += size;
    return __libc_memalign(alignment, size);
}

void *aligned_alloc(size_t alignment, size_t size) {
    return memalign(alignment, size);
}

int posix_memalign(void **result, size_t alignment, size_t size) {
    void *pointer = memalign(alignment, size);
    if (pointer == NULL) {
        return ENOMEM;
    }
    *result = pointer;
    return 0;
}
