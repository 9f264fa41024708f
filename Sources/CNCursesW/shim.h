// ncursesw for Swift. The wide API is declared only with these defined before the include;
// macros and C globals that Swift cannot import (or that Swift 6 rejects as shared mutable
// state) are wrapped in small inline functions.
#ifndef CNCURSESW_SHIM_H
#define CNCURSESW_SHIM_H

#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif

#include <locale.h>
#include <wchar.h>
#include <ncursesw/ncurses.h>
#include <langinfo.h>
#include <signal.h>
#include <termios.h>
#include <unistd.h>

static inline WINDOW *cn_stdscr(void) { return stdscr; }
static inline int cn_lines(void) { return LINES; }
static inline int cn_cols(void) { return COLS; }

static inline attr_t cn_a_normal(void) { return A_NORMAL; }
static inline attr_t cn_a_bold(void) { return A_BOLD; }
static inline attr_t cn_a_dim(void) { return A_DIM; }
static inline attr_t cn_a_reverse(void) { return A_REVERSE; }
static inline attr_t cn_a_underline(void) { return A_UNDERLINE; }
static inline attr_t cn_a_italic(void) { return A_ITALIC; }
static inline attr_t cn_color_pair(int n) { return (attr_t)COLOR_PAIR(n); }
static inline int cn_key_f(int n) { return KEY_F(n); }

/// wcwidth, which Swift's Glibc module does not show. Needs a UTF-8 LC_CTYPE.
static inline int cn_wcwidth(unsigned int scalar) { return wcwidth((wchar_t)scalar); }

/// Builds a cchar_t from up to CCHARW_MAX wide characters (a base and its combining marks).
static inline int cn_setcchar(cchar_t *out, const wchar_t *wch, attr_t attrs, short pair) {
    return setcchar(out, wch, attrs, pair, NULL);
}

static inline const char *cn_codeset(void) { return nl_langinfo(CODESET); }

#endif
