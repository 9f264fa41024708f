// libchafa (Debian's libchafa-dev): pixels to terminal symbols, sixel, kitty or iTerm2 images.
#ifndef CCHAFA_SHIM_H
#define CCHAFA_SHIM_H

#include <chafa.h>

/// The bytes of a GString, and freeing it (g_string_free is a macro in newer glib).
static inline const char *cn_gstring_bytes(GString *string) { return string->str; }
static inline size_t cn_gstring_length(GString *string) { return string->len; }
static inline void cn_gstring_free(GString *string) { g_string_free(string, TRUE); }

#endif
