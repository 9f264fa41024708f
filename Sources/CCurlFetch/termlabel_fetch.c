#include "termlabel_fetch.h"
#include <curl/curl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    tl_fetch_result *result;
    size_t limit;
    size_t capacity;
} tl_sink;

static pthread_once_t tl_curl_once = PTHREAD_ONCE_INIT;

static void tl_curl_init(void) { curl_global_init(CURL_GLOBAL_DEFAULT); }

static size_t tl_write(char *data, size_t size, size_t count, void *context) {
    tl_sink *sink = context;
    size_t n = size * count;
    tl_fetch_result *result = sink->result;
    if (result->length + n > sink->limit) {
        result->overLimit = 1;
        return 0;
    }
    if (result->length + n > sink->capacity) {
        size_t capacity = sink->capacity ? sink->capacity * 2 : 65536;
        while (capacity < result->length + n) capacity *= 2;
        if (capacity > sink->limit) capacity = sink->limit;
        unsigned char *grown = realloc(result->bytes, capacity);
        if (!grown) return 0;
        result->bytes = grown;
        sink->capacity = capacity;
    }
    memcpy(result->bytes + result->length, data, n);
    result->length += n;
    return n;
}

int tl_fetch(const char *url, long timeoutMilliseconds, size_t limit, tl_fetch_result *result) {
    pthread_once(&tl_curl_once, tl_curl_init);
    memset(result, 0, sizeof *result);
    CURL *curl = curl_easy_init();
    if (!curl) {
        strncpy(result->error, "libcurl could not start", sizeof result->error - 1);
        return CURLE_FAILED_INIT;
    }
    tl_sink sink = {result, limit, 0};
    long stallSeconds = timeoutMilliseconds / 1000 > 0 ? timeoutMilliseconds / 1000 : 1;
    curl_easy_setopt(curl, CURLOPT_URL, url);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(curl, CURLOPT_MAXREDIRS, 5L);
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(curl, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, timeoutMilliseconds);
    // A server that sends nothing for the timeout is given up on; so is a transfer that takes
    // three times as long in all.
    curl_easy_setopt(curl, CURLOPT_LOW_SPEED_LIMIT, 1L);
    curl_easy_setopt(curl, CURLOPT_LOW_SPEED_TIME, stallSeconds);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, timeoutMilliseconds * 3);
    curl_easy_setopt(curl, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)limit);
    curl_easy_setopt(curl, CURLOPT_USERAGENT, "termlabel");
    curl_easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, "");
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, tl_write);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &sink);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, result->error);
    CURLcode code = curl_easy_perform(curl);
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &result->status);
    char *type = NULL;
    if (curl_easy_getinfo(curl, CURLINFO_CONTENT_TYPE, &type) == CURLE_OK && type) {
        strncpy(result->contentType, type, sizeof result->contentType - 1);
    }
    if (code != CURLE_OK && result->error[0] == 0) {
        strncpy(result->error, curl_easy_strerror(code), sizeof result->error - 1);
    }
    curl_easy_cleanup(curl);
    return (int)code;
}

void tl_fetch_free(tl_fetch_result *result) {
    free(result->bytes);
    result->bytes = NULL;
    result->length = 0;
}
