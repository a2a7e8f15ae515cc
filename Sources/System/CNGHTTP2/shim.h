#ifndef CSLUICE_NGHTTP2_SHIM_H
#define CSLUICE_NGHTTP2_SHIM_H

// nghttp2's API is plain functions, structs and enums that Swift imports as
// they are; this header only pins the include path for the module.
#include <nghttp2/nghttp2.h>

#endif
