// WebP through Debian's libwebp (libwebp-dev): the header read on its own, then a decode into a
// buffer the caller allocated after checking the size, so libwebp never allocates the picture.
#ifndef TERMLABEL_WEBP_H
#define TERMLABEL_WEBP_H

#include <stddef.h>

/// Reads the header only (WebPGetFeatures): 0 (VP8_STATUS_OK) and the size, and whether the
/// file is an animation, or libwebp's status code.
int tl_webp_info(const unsigned char *bytes, size_t length, int *width, int *height, int *animated);

/// The first frame of an animated WebP (libwebpdemux): 1 and where its bitstream lies in `bytes`
/// (`offset`, `frameLength`, decodable as a still picture) and its own size; 0 when it has none.
int tl_webp_first_frame(const unsigned char *bytes, size_t length, size_t *offset, size_t *frameLength,
                        int *width, int *height);

/// Decodes a still WebP into `rgba` (width x height x 4 bytes, the size `tl_webp_info` gave).
/// 0 on success, else libwebp's status code (7: the data ends early, 3: a bitstream error).
int tl_webp_decode_rgba_into(const unsigned char *bytes, size_t length, unsigned char *rgba,
                             size_t capacity, int width, int height);

/// Encodes RGBA pixels as a lossless WebP (tests make their pictures with it): the bytes and
/// their count, NULL on failure. Free with `tl_webp_free`.
unsigned char *tl_webp_encode_lossless_rgba(const unsigned char *rgba, int width, int height, size_t *length);

void tl_webp_free(void *bytes);

#endif
