// One HTTP(S) GET through libcurl, blocking the calling thread (the picture loader's, never the
// input thread) in poll, with a timeout and a size limit. FoundationNetworking's URLSession was
// tried first: on Linux its threads keep a core busy while a slow server has not answered, which
// slowed every key pressed meanwhile (measured with keycost.py).
#ifndef TERMLABEL_FETCH_H
#define TERMLABEL_FETCH_H

#include <stddef.h>

typedef struct {
    unsigned char *bytes;
    size_t length;
    /// The HTTP status (0 when no answer came).
    long status;
    /// 1 when the body passed the limit and the transfer was stopped.
    int overLimit;
    char contentType[128];
    char error[256];
} tl_fetch_result;

/// Fetches `url`. `timeoutMilliseconds` bounds the connection and any stall; the whole transfer
/// may take three times that. Returns libcurl's code (0 when an answer came, whatever its
/// status). Free the result with `tl_fetch_free`.
int tl_fetch(const char *url, long timeoutMilliseconds, size_t limit, tl_fetch_result *result);

void tl_fetch_free(tl_fetch_result *result);

/// libcurl's codes the loader names.
enum {
    TL_FETCH_COULD_NOT_RESOLVE = 6,
    TL_FETCH_COULD_NOT_CONNECT = 7,
    TL_FETCH_WRITE_ERROR = 23,
    TL_FETCH_TIMED_OUT = 28,
    TL_FETCH_TOO_LARGE = 63,
};

#endif
