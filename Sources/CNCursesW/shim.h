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
#include <string.h>
#include <sys/ioctl.h>
#include <wchar.h>
#include <ncursesw/ncurses.h>
#include <langinfo.h>
#include <pty.h>
#include <signal.h>
#include <termios.h>
#include <unistd.h>

static inline WINDOW *cn_stdscr(void) { return stdscr; }
static inline int cn_lines(void) { return LINES; }
static inline int cn_cols(void) { return COLS; }
static inline int cn_colors(void) { return COLORS; }
static inline int cn_color_pairs(void) { return COLOR_PAIRS; }

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

static inline WINDOW *cn_curscr(void) { return curscr; }

/// A terminfo string capability, or NULL when absent or not a string (tigetstr's (char *)-1).
static inline const char *cn_tigetstr(const char *name) {
    char *value = tigetstr(name);
    return (value == (char *)-1) ? NULL : value;
}

// Signals. The sigaction union and SIG_DFL/SIG_IGN casts are awkward from Swift.
typedef void (*cn_signal_handler)(int);
typedef void (*cn_signal_action)(int, siginfo_t *, void *);

/// Installs a plain handler without SA_RESTART, so a blocking read returns EINTR and the input
/// loop sees the recorded signal at once.
static inline int cn_set_handler(int sig, cn_signal_handler handler, struct sigaction *old) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = handler;
    sigemptyset(&action.sa_mask);
    return sigaction(sig, &action, old);
}

/// Installs a siginfo handler on the alternate stack (if any: a stack overflow needs one).
static inline int cn_set_action(int sig, cn_signal_action handler, struct sigaction *old) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_sigaction = handler;
    action.sa_flags = SA_SIGINFO | SA_ONSTACK;
    sigemptyset(&action.sa_mask);
    return sigaction(sig, &action, old);
}

static inline int cn_restore_action(int sig, const struct sigaction *old) { return sigaction(sig, old, NULL); }

static inline int cn_signal_is_ignored(int sig) {
    struct sigaction current;
    if (sigaction(sig, NULL, &current) != 0) return 0;
    return !(current.sa_flags & SA_SIGINFO) && current.sa_handler == SIG_IGN;
}

static inline void cn_signal_default(int sig) { signal(sig, SIG_DFL); }

/// si_code: > 0 when the kernel raised the signal for a fault, <= 0 when a process sent it.
static inline int cn_siginfo_code(const siginfo_t *info) { return info ? info->si_code : 0; }

/// A pseudo-terminal pair (tests play the terminal emulator on `main`). openpty is in libc
/// since glibc 2.34.
static inline int cn_openpty(int *main_fd, int *secondary_fd) {
    return openpty(main_fd, secondary_fd, NULL, NULL, NULL);
}

/// Sets a terminal's size (ioctl is variadic, which Swift cannot call).
static inline int cn_set_window_size(int fd, unsigned short rows, unsigned short cols) {
    struct winsize size;
    memset(&size, 0, sizeof size);
    size.ws_row = rows;
    size.ws_col = cols;
    return ioctl(fd, TIOCSWINSZ, &size);
}

/// The terminal's size in pixels and cells (0 where the terminal does not say).
static inline int cn_window_pixels(int fd, int *width, int *height, int *cols, int *rows) {
    struct winsize size;
    memset(&size, 0, sizeof size);
    if (ioctl(fd, TIOCGWINSZ, &size) != 0) return -1;
    *width = size.ws_xpixel;
    *height = size.ws_ypixel;
    *cols = size.ws_col;
    *rows = size.ws_row;
    return 0;
}

#endif
