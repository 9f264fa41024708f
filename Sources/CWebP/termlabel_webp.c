#include "termlabel_webp.h"
#include <webp/decode.h>
#include <webp/demux.h>
#include <webp/encode.h>

int tl_webp_info(const unsigned char *bytes, size_t length, int *width, int *height, int *animated) {
    WebPBitstreamFeatures features;
    VP8StatusCode status = WebPGetFeatures(bytes, length, &features);
    if (status != VP8_STATUS_OK) return (int)status;
    *width = features.width;
    *height = features.height;
    *animated = features.has_animation;
    return 0;
}

int tl_webp_first_frame(const unsigned char *bytes, size_t length, size_t *offset, size_t *frameLength,
                        int *width, int *height) {
    WebPData data = {bytes, length};
    WebPDemuxer *demux = WebPDemux(&data);
    if (!demux) return 0;
    WebPIterator frame;
    int found = WebPDemuxGetFrame(demux, 1, &frame);
    if (found) {
        // The fragment points into `bytes` (the demuxer copies nothing).
        *offset = (size_t)(frame.fragment.bytes - bytes);
        *frameLength = frame.fragment.size;
        *width = frame.width;
        *height = frame.height;
        WebPDemuxReleaseIterator(&frame);
    }
    WebPDemuxDelete(demux);
    return found;
}

int tl_webp_decode_rgba_into(const unsigned char *bytes, size_t length, unsigned char *rgba,
                             size_t capacity, int width, int height) {
    WebPDecoderConfig config;
    if (!WebPInitDecoderConfig(&config)) return (int)VP8_STATUS_INVALID_PARAM;
    config.output.colorspace = MODE_RGBA;
    config.output.is_external_memory = 1;
    config.output.width = width;
    config.output.height = height;
    config.output.u.RGBA.rgba = rgba;
    config.output.u.RGBA.stride = width * 4;
    config.output.u.RGBA.size = capacity;
    VP8StatusCode status = WebPDecode(bytes, length, &config);
    WebPFreeDecBuffer(&config.output);
    return (int)status;
}

unsigned char *tl_webp_encode_lossless_rgba(const unsigned char *rgba, int width, int height, size_t *length) {
    uint8_t *output = NULL;
    *length = WebPEncodeLosslessRGBA(rgba, width, height, width * 4, &output);
    if (*length == 0) {
        WebPFree(output);
        return NULL;
    }
    return output;
}

void tl_webp_free(void *bytes) { WebPFree(bytes); }
