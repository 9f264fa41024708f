#include "termlabel_stb.h"
#include <stdlib.h>

// 160 MB: a picture at the pixel limit (25 megapixels, RGBA) fits; a zlib stream that inflates
// past what its picture needs (a decompression bomb) stops here.
const size_t tl_stb_allocation_limit = 160u * 1024u * 1024u;

static void *tl_malloc(size_t size) {
    return size > tl_stb_allocation_limit ? NULL : malloc(size);
}

static void *tl_realloc(void *pointer, size_t size) {
    return size > tl_stb_allocation_limit ? NULL : realloc(pointer, size);
}

#define STBI_MALLOC(size) tl_malloc(size)
#define STBI_REALLOC(pointer, size) tl_realloc(pointer, size)
#define STBI_FREE(pointer) free(pointer)
#define STBI_NO_STDIO
#define STBI_ONLY_PNG
#define STBI_ONLY_JPEG
#define STBI_ONLY_GIF
#define STBI_ONLY_BMP
#define STBI_MAX_DIMENSIONS 65535
#define STB_IMAGE_IMPLEMENTATION
#include <stb/stb_image.h>

#define STBIR_MALLOC(size, context) ((void)(context), tl_malloc(size))
#define STBIR_FREE(pointer, context) ((void)(context), free(pointer))
#define STB_IMAGE_RESIZE_IMPLEMENTATION
#include <stb/stb_image_resize.h>

#define STB_IMAGE_WRITE_IMPLEMENTATION
#include <stb/stb_image_write.h>

int tl_stb_info(const unsigned char *bytes, int length, int *width, int *height, int *channels) {
    return stbi_info_from_memory(bytes, length, width, height, channels);
}

unsigned char *tl_stb_decode_rgba(const unsigned char *bytes, int length, int *width, int *height) {
    int channels = 0;
    return stbi_load_from_memory(bytes, length, width, height, &channels, 4);
}

const char *tl_stb_failure(void) {
    const char *reason = stbi_failure_reason();
    return reason ? reason : "unknown";
}

void tl_stb_free(void *pixels) { stbi_image_free(pixels); }

int tl_stb_resize_rgba(const unsigned char *input, int width, int height,
                       unsigned char *output, int outputWidth, int outputHeight) {
    return stbir_resize_uint8(input, width, height, 0, output, outputWidth, outputHeight, 0, 4);
}

int tl_stb_write_png(const char *path, int width, int height, const unsigned char *rgba) {
    return stbi_write_png(path, width, height, 4, rgba, width * 4);
}

int tl_stb_write_jpg(const char *path, int width, int height, const unsigned char *rgba, int quality) {
    return stbi_write_jpg(path, width, height, 4, rgba, quality);
}
