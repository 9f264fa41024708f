// stb_image (Debian's libstb-dev headers), compiled once in this target with limits: PNG, JPEG,
// GIF (first frame) and BMP only, no file I/O, and no single allocation above a bound, so a
// hostile image fails with a reason instead of taking the machine's memory.
#ifndef TERMLABEL_STB_H
#define TERMLABEL_STB_H

#include <stddef.h>

/// The largest single allocation the decoder may make, in bytes.
extern const size_t tl_stb_allocation_limit;

/// Reads the header only: 1 and the size and channel count when the bytes are an image stb knows.
int tl_stb_info(const unsigned char *bytes, int length, int *width, int *height, int *channels);

/// Decodes to RGBA (4 bytes a pixel), the first frame of an animation; NULL on failure (then
/// `tl_stb_failure` says why). Free with `tl_stb_free`.
unsigned char *tl_stb_decode_rgba(const unsigned char *bytes, int length, int *width, int *height);

/// Why the last decode on this thread failed (stb's short reason).
const char *tl_stb_failure(void);

void tl_stb_free(void *pixels);

/// Resamples RGBA pixels to another size (a filter, not nearest pixel). 1 on success.
int tl_stb_resize_rgba(const unsigned char *input, int width, int height,
                       unsigned char *output, int outputWidth, int outputHeight);

/// Writes RGBA pixels as a PNG or a JPEG file (tests make their images with these). 1 on success.
int tl_stb_write_png(const char *path, int width, int height, const unsigned char *rgba);
int tl_stb_write_jpg(const char *path, int width, int height, const unsigned char *rgba, int quality);

#endif
