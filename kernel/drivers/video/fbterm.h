/*
 * The console's text state machine: cursor, wrap, scroll, UTF-8 and the
 * ANSI escape parser. Policy code: it only draws through fbdraw, so host
 * tests run it against a framebuffer in ordinary memory.
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

struct fbterm {
	struct fb_info fb;
	const struct psf_font *font;
	uint32_t cols, rows;
	uint32_t cx, cy;
	/* Set after drawing in the last column: the wrap happens only when
	 * another character comes, so a full line plus '\n' is one line. */
	bool wrap_pending;

	uint8_t fg, bg;		/* palette indices, fg before bold */
	bool bold;
	uint32_t palette[16];	/* fbterm_palette_rgb packed for fb */

	struct utf8_dec utf8;
	enum fbterm_state state;
	bool csi_ignore;	/* private marker or intermediate seen */
	uint32_t params[FBTERM_MAX_PARAMS];
	uint32_t nparams;	/* index of the parameter being read */
};

/* Start a terminal on fb (which must be mapped) and clear the screen.
 * Returns 0 or -EINVAL if fb's format is unusable or smaller than a glyph. */
int fbterm_init(struct fbterm *t, const struct fb_info *fb,
		const struct psf_font *font);

void fbterm_write(struct fbterm *t, const char *buf, size_t len);

/* Palette index the foreground is drawn in (bold brightens 0-7). */
uint8_t fbterm_fg_index(const struct fbterm *t);

#endif
