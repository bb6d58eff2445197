#ifndef TIERLINT_CZLIB_SHIM_H
#define TIERLINT_CZLIB_SHIM_H
#include <zlib.h>

/* inflateInit2 is a macro, which Swift cannot call; this wraps it with the version check. */
static inline int tierlint_inflate_init(z_stream *stream, int window_bits) {
    return inflateInit2(stream, window_bits);
}

#endif
