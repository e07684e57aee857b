#ifndef TRUSTMAP_CNCURSES_SHIM_H
#define TRUSTMAP_CNCURSES_SHIM_H

// SwiftPM drops pkg-config's -D flags: ask for the wide-character API here.
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif

#include <locale.h>
#include <wchar.h>
#include <curses.h>

// Macros that do not import into Swift, exposed as values and functions.
static const attr_t tm_A_NORMAL = A_NORMAL;
static const attr_t tm_A_BOLD = A_BOLD;
static const attr_t tm_A_REVERSE = A_REVERSE;
static const attr_t tm_A_UNDERLINE = A_UNDERLINE;
static const attr_t tm_A_DIM = A_DIM;
static const attr_t tm_A_ITALIC = A_ITALIC;

static const mmask_t tm_ALL_MOUSE_EVENTS = ALL_MOUSE_EVENTS;
static const mmask_t tm_REPORT_MOUSE_POSITION = REPORT_MOUSE_POSITION;
static const mmask_t tm_BUTTON1_PRESSED = BUTTON1_PRESSED;
static const mmask_t tm_BUTTON1_CLICKED = BUTTON1_CLICKED;
static const mmask_t tm_BUTTON1_RELEASED = BUTTON1_RELEASED;
static const mmask_t tm_BUTTON4_PRESSED = BUTTON4_PRESSED;
#ifdef BUTTON5_PRESSED
static const mmask_t tm_BUTTON5_PRESSED = BUTTON5_PRESSED;
#else
static const mmask_t tm_BUTTON5_PRESSED = 0;
#endif

static const int tm_KEY_RESIZE = KEY_RESIZE;
static const int tm_KEY_MOUSE = KEY_MOUSE;
static const int tm_KEY_CODE_YES = KEY_CODE_YES;
static const int tm_ERR = ERR;
static const int tm_OK = OK;

static inline int tm_color_pair(int n) { return (int)COLOR_PAIR(n); }
static inline int tm_key_f(int n) { return KEY_F(n); }

// The columns ncurses (through the C library's tables) gives one character: -1 when it has none.
static inline int tm_wcwidth(wchar_t c) { return wcwidth(c); }

// Draws one cell: a wide character with attributes and a colour pair.
static inline int tm_put_cell(WINDOW *win, int y, int x, const wchar_t *wch, attr_t attrs, short pair) {
    cchar_t cc;
    if (setcchar(&cc, wch, attrs, pair, NULL) != OK) return ERR;
    return mvwadd_wch(win, y, x, &cc);
}

#endif
