/*
 * Text on a framebuffer, as a VT100-family terminal does it: printable
 * characters go to the cursor cell, controls move the cursor, and escape
 * sequences are consumed whole, whether we act on them (SGR) or not.
 */
#include <string.h>
#include <breenix/errno.h>
#include "fbdraw.h"
#include "fbterm.h"

#define ASCII_BEL	0x07
#define ASCII_BS	0x08
#define ASCII_HT	0x09
#define ASCII_LF	0x0a
#define ASCII_VT	0x0b
#define ASCII_FF	0x0c
#define ASCII_CR	0x0d
#define ASCII_CAN	0x18
#define ASCII_SUB	0x1a
#define ASCII_ESC	0x1b
#define ASCII_DEL	0x7f
#define TAB_WIDTH	8

const uint32_t fbterm_palette_rgb[16] = {
	0x000000, 0xaa0000, 0x00aa00, 0xaa5500,
	0x0000aa, 0xaa00aa, 0x00aaaa, 0xaaaaaa,
	0x555555, 0xff5555, 0x55ff55, 0xffff55,
	0x5555ff, 0xff55ff, 0x55ffff, 0xffffff,
};

uint8_t fbterm_fg_index(const struct fbterm *t)
{
	return t->bold && t->fg < 8 ? t->fg + 8 : t->fg;
}

static void fbterm_reset_attrs(struct fbterm *t)
{
	t->fg = FBTERM_DEFAULT_FG;
	t->bg = FBTERM_DEFAULT_BG;
	t->bold = false;
}

int fbterm_init(struct fbterm *t, const struct fb_info *fb,
		const struct psf_font *font)
{
	int i;

	if (fb_check(fb))
		return -EINVAL;
	memset(t, 0, sizeof(*t));
	t->fb = *fb;
	t->font = font;
	t->cols = fb->width / font->width;
	t->rows = fb->height / font->height;
	if (t->cols == 0 || t->rows == 0)
		return -EINVAL;
	for (i = 0; i < 16; i++)
		t->palette[i] = fb_pack_rgb(fb, fbterm_palette_rgb[i]);
	fbterm_reset_attrs(t);
	utf8_reset(&t->utf8);
	t->state = FBT_NORMAL;
	fb_fill_rect(fb, 0, 0, fb->width, fb->height,
		     t->palette[FBTERM_DEFAULT_BG]);
	return 0;
}

/* The last text row is cleared across the full pixel width so that
 * no stale pixels survive in the margin right of the last column. */
static void fbterm_scroll(struct fbterm *t)
{
	uint32_t fh = t->font->height;

	fb_move_up(&t->fb, t->rows * fh, fh);
	fb_fill_rect(&t->fb, 0, (t->rows - 1) * fh, t->fb.width, fh,
		     t->palette[t->bg]);
}

/* '\n' also returns the carriage: the console behaves as with ONLCR. */
static void fbterm_newline(struct fbterm *t)
{
	t->cx = 0;
	t->wrap_pending = false;
	if (t->cy + 1 < t->rows)
		t->cy++;
	else
		fbterm_scroll(t);
}

static void fbterm_tab(struct fbterm *t)
{
	uint32_t next = (t->cx / TAB_WIDTH + 1) * TAB_WIDTH;

	t->cx = next < t->cols ? next : t->cols - 1;
	t->wrap_pending = false;
}

static void fbterm_control(struct fbterm *t, uint32_t c)
{
	switch (c) {
	case ASCII_LF:
	case ASCII_VT:
	case ASCII_FF:
		fbterm_newline(t);
		break;
	case ASCII_CR:
		t->cx = 0;
		t->wrap_pending = false;
		break;
	case ASCII_HT:
		fbterm_tab(t);
		break;
	case ASCII_BS:
		if (t->cx > 0)
			t->cx--;
		t->wrap_pending = false;
		break;
	default:
		/* BEL and the rest: nothing to show. */
		break;
	}
}

static void fbterm_put(struct fbterm *t, uint32_t cp)
{
	const struct psf_font *font = t->font;
	const uint8_t *bits;

	if (t->wrap_pending)
		fbterm_newline(t);
	bits = psf_glyph(font, psf_glyph_index(font, cp));
	fb_draw_glyph(&t->fb, t->cx * font->width, t->cy * font->height, font,
		      bits, t->palette[fbterm_fg_index(t)], t->palette[t->bg]);
	if (t->cx + 1 < t->cols)
		t->cx++;
	else
		t->wrap_pending = true;
}

/* 38/48 take a colour: "5;n" (256-colour, only n < 16 is in our palette)
 * or "2;r;g;b". Returns how many parameters after p[0] were used. */
static uint32_t fbterm_sgr_extended(struct fbterm *t, const uint32_t *p,
				    uint32_t n)
{
	if (n >= 3 && p[1] == 5) {
		if (p[2] < 16) {
			if (p[0] == 38)
				t->fg = p[2];
			else
				t->bg = p[2];
		}
		return 2;
	}
	if (n >= 2 && p[1] == 2)
		return n >= 5 ? 4 : n - 1;
	return n - 1;
}

static void fbterm_sgr(struct fbterm *t, const uint32_t *p, uint32_t n)
{
	uint32_t i;

	for (i = 0; i < n; i++) {
		uint32_t v = p[i];

		if (v == 0)
			fbterm_reset_attrs(t);
		else if (v == 1)
			t->bold = true;
		else if (v == 22)
			t->bold = false;
		else if (v >= 30 && v <= 37)
			t->fg = v - 30;
		else if (v == 38 || v == 48)
			i += fbterm_sgr_extended(t, p + i, n - i);
		else if (v == 39)
			t->fg = FBTERM_DEFAULT_FG;
		else if (v >= 40 && v <= 47)
			t->bg = v - 40;
		else if (v == 49)
			t->bg = FBTERM_DEFAULT_BG;
		else if (v >= 90 && v <= 97)
			t->fg = v - 90 + 8;
		else if (v >= 100 && v <= 107)
			t->bg = v - 100 + 8;
	}
}

static void fbterm_csi_start(struct fbterm *t)
{
	t->state = FBT_CSI;
	t->csi_ignore = false;
	t->nparams = 0;
	memset(t->params, 0, sizeof(t->params));
}

/* ECMA-48 5.4: parameter bytes 0x30-0x3F, intermediates 0x20-0x2F, final
 * 0x40-0x7E. Anything else aborts the sequence. */
static void fbterm_csi(struct fbterm *t, uint32_t c)
{
	uint32_t *p;

	if (c >= '0' && c <= '9') {
		if (t->nparams < FBTERM_MAX_PARAMS) {
			p = &t->params[t->nparams];
			*p = *p * 10 + (c - '0');
			if (*p > FBTERM_PARAM_MAX)
				*p = FBTERM_PARAM_MAX;
		}
	} else if (c == ';' || c == ':') {
		if (t->nparams < FBTERM_MAX_PARAMS)
			t->nparams++;
	} else if (c >= 0x3c && c <= 0x3f) {
		t->csi_ignore = true;	/* private, e.g. DEC modes */
	} else if (c >= 0x20 && c <= 0x2f) {
		t->csi_ignore = true;
	} else if (c >= 0x40 && c <= 0x7e) {
		if (c == 'm' && !t->csi_ignore)
			fbterm_sgr(t, t->params,
				   t->nparams < FBTERM_MAX_PARAMS ?
				   t->nparams + 1 : FBTERM_MAX_PARAMS);
		t->state = FBT_NORMAL;
	} else if (c != ASCII_DEL) {
		t->state = FBT_NORMAL;
	}
}

static void fbterm_esc(struct fbterm *t, uint32_t c)
{
	if (c == '[')
		fbterm_csi_start(t);
	else if (c == ']' || c == 'P' || c == 'X' || c == '^' || c == '_')
		t->state = FBT_STRING;
	else if (c >= 0x20 && c <= 0x2f)
		t->state = FBT_ESC_INTER;
	else
		t->state = FBT_NORMAL;
}

/* Strings end with BEL (xterm's OSC habit) or ST, which is ESC '\' and
 * so arrives through FBT_ESC. */
static void fbterm_string(struct fbterm *t, uint32_t c)
{
	if (c == ASCII_BEL || c == ASCII_CAN || c == ASCII_SUB)
		t->state = FBT_NORMAL;
	else if (c == ASCII_ESC)
		t->state = FBT_ESC;
}

/* Inside escape sequences C0 controls still act (VT100 behaviour), CAN
 * and SUB cancel, and ESC starts over. Returns true if c was handled. */
static bool fbterm_c0_in_sequence(struct fbterm *t, uint32_t c)
{
	if (c >= 0x20)
		return false;
	if (c == ASCII_CAN || c == ASCII_SUB)
		t->state = FBT_NORMAL;
	else if (c == ASCII_ESC)
		t->state = FBT_ESC;
	else
		fbterm_control(t, c);
	return true;
}

static void fbterm_codepoint(struct fbterm *t, uint32_t c)
{
	if (t->state == FBT_STRING) {
		fbterm_string(t, c);
		return;
	}
	if (t->state != FBT_NORMAL) {
		if (fbterm_c0_in_sequence(t, c))
			return;
		if (t->state == FBT_ESC)
			fbterm_esc(t, c);
		else if (t->state == FBT_CSI)
			fbterm_csi(t, c);
		else if (c > 0x2f)
			t->state = FBT_NORMAL;	/* ESC_INTER's final */
		return;
	}
	if (c == ASCII_ESC)
		t->state = FBT_ESC;
	else if (c < 0x20)
		fbterm_control(t, c);
	else if (c == ASCII_DEL || (c >= 0x80 && c < 0xa0))
		return;		/* DEL and C1 controls draw nothing */
	else
		fbterm_put(t, c);
}

void fbterm_write(struct fbterm *t, const char *buf, size_t len)
{
	enum utf8_result r;
	uint32_t cp;
	size_t i = 0;

	while (i < len) {
		r = utf8_feed(&t->utf8, (uint8_t)buf[i], &cp);
		/* The byte that broke a sequence is decoded again, afresh. */
		if (r != UTF8_BAD_AGAIN)
			i++;
		if (r != UTF8_MORE)
			fbterm_codepoint(t, cp);
	}
}
