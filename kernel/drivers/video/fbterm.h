/*
 * The console's text state machine: cursor, wrap, scroll, UTF-8 and the
 * VT100/ANSI escape sequences of Linux's console (man 4 console_codes).
 * Policy code: it only draws through fbdraw, so host tests run it against
 * a framebuffer in ordinary memory.
 */
#ifndef DRIVERS_VIDEO_FBTERM_H
#define DRIVERS_VIDEO_FBTERM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <breenix/fb.h>
#include <breenix/psf.h>
#include "utf8.h"

#define FBTERM_MAX_PARAMS	16
#define FBTERM_PARAM_MAX	9999	/* larger values saturate */
#define FBTERM_DEFAULT_FG	7	/* light grey */
#define FBTERM_DEFAULT_BG	0	/* black */

/* The VGA text-mode palette as 0xRRGGBB, in ANSI colour order. */
extern const uint32_t fbterm_palette_rgb[16];

enum fbterm_state {
	FBT_NORMAL,
	FBT_ESC,	/* after ESC */
	FBT_ESC_INTER,	/* ESC and intermediate bytes */
	FBT_CSI,	/* ESC [ ... until the final byte */
	FBT_STRING,	/* OSC/DCS/APC/PM/SOS body, until BEL or ST */
};

/* The rendition SGR sets: palette indices, fg before bold brightens it. */
struct fbterm_attr {
	uint8_t fg, bg;
	bool bold, reverse;
};

/* What DECSC (ESC 7) and CSI s save and DECRC (ESC 8) and CSI u restore. */
struct fbterm_saved {
	uint32_t cx, cy;
	struct fbterm_attr attr;
};

struct fbterm {
	struct fb_info fb;
	const struct psf_font *font;
	uint32_t cols, rows;
	uint32_t cx, cy;
	/* Set after drawing in the last column: the wrap happens only when
	 * another character comes, so a full line plus CR LF is one line. */
	bool wrap_pending;
	uint32_t top, bottom;	/* scrolling region (DECSTBM), inclusive */
	bool autowrap;		/* DECAWM, ?7 */
	bool insert;		/* IRM, 4 */
	bool cursor_on;		/* DECTCEM, ?25 */

	/* The cursor is drawn by inverting its cell between writes: it is
	 * never on the screen while the terminal draws. */
	bool cursor_drawn;
	uint32_t cursor_x, cursor_y;
	uint32_t invert_mask;

	struct fbterm_attr attr;
	struct fbterm_saved saved;
	uint32_t palette[16];	/* fbterm_palette_rgb packed for fb */

	struct utf8_dec utf8;
	enum fbterm_state state;
	uint8_t csi_private;	/* a 0x3c-0x3f marker ('?' for DEC), or 0 */
	bool csi_ignore;	/* an intermediate byte: nothing we act on */
	uint32_t params[FBTERM_MAX_PARAMS];
	uint32_t nparams;	/* index of the parameter being read */
};

/* Start a terminal on fb (which must be mapped) and clear the screen.
 * Returns 0 or -EINVAL if fb's format is unusable or smaller than a glyph. */
int fbterm_init(struct fbterm *t, const struct fb_info *fb,
		const struct psf_font *font);

/* Interpret buf as a VT does: LF is a line feed only, CR returns. */
void fbterm_write(struct fbterm *t, const char *buf, size_t len);

/* Palette index the foreground is drawn in (bold brightens 0-7). */
uint8_t fbterm_fg_index(const struct fbterm *t);

#endif
