#ifndef CSLUICE_ZLIB_SHIM_H
#define CSLUICE_ZLIB_SHIM_H

#include <zlib.h>

/// `deflateInit2` and `inflateInit2` are macros; these are callable from Swift.
static inline int csluice_deflateInit2(z_streamp stream, int level, int windowBits) {
    return deflateInit2(stream, level, Z_DEFLATED, windowBits, 8, Z_DEFAULT_STRATEGY);
}

static inline int csluice_inflateInit2(z_streamp stream, int windowBits) {
    return inflateInit2(stream, windowBits);
}

#endif
