/*
 * Text on a framebuffer, as a VT100-family terminal does it: printable
 * characters go to the cursor cell, controls move the cursor, and the
 * screen operations the escape sequences (fbterm_esc.c) ask for.
 */
#include <string.h>
#include <breenix/errno.h>
#include "fbdraw.h"
#include "fbterm_ops.h"

#define ASCII_BS	0x08
#define ASCII_HT	0x09
#define ASCII_LF	0x0a
#define ASCII_VT	0x0b
#define ASCII_FF	0x0c
#define ASCII_CR	0x0d
#define ASCII_ESC	0x1b
#define ASCII_DEL	0x7f
#define TAB_WIDTH	8

const uint32_t fbterm_palette_rgb[16] = {
	0x000000, 0xaa0000, 0x00aa00, 0xaa5500,
	0x0000aa, 0xaa00aa, 0x00aaaa, 0xaaaaaa,
	0x555555, 0xff5555, 0x55ff55, 0xffff55,
	0x5555ff, 0xff55ff, 0x55ffff, 0xffffff,
};

const struct fbterm_attr fbterm_attr_default = {
	.fg = FBTERM_DEFAULT_FG,
	.bg = FBTERM_DEFAULT_BG,
};

uint8_t fbterm_fg_index(const struct fbterm *t)
{
	const struct fbterm_attr *a = &t->attr;

	return a->bold && a->fg < 8 ? a->fg + 8 : a->fg;
}

/* Erased cells take the current background, or with reverse video the
 * foreground, as Linux's console erases with its attribute. */
static uint32_t fbterm_erase_px(const struct fbterm *t)
{
	return t->palette[t->attr.reverse ? t->attr.fg : t->attr.bg];
}

void fbterm_clear(struct fbterm *t, uint32_t row, uint32_t col, uint32_t n)
{
	uint32_t fw = t->font->width, x = col * fw, w = n * fw;

	/* Reaching the last column, the pixels right of it go too, so that
	 * no stale ones survive in the margin. */
	if (col + n == t->cols)
		w = t->fb.width - x;
	fb_fill_rect(&t->fb, x, row * t->font->height, w, t->font->height,
		     fbterm_erase_px(t));
}

void fbterm_clear_rows(struct fbterm *t, uint32_t row, uint32_t n)
{
	uint32_t fh = t->font->height;

	fb_fill_rect(&t->fb, 0, row * fh, t->fb.width, n * fh,
		     fbterm_erase_px(t));
}

/* Rows [src, src + n) to [dst, dst + n), across the full pixel width. */
static void fbterm_move_rows(struct fbterm *t, uint32_t dst, uint32_t src,
			     uint32_t n)
{
	uint32_t fh = t->font->height;

	fb_copy_rect(&t->fb, 0, dst * fh, 0, src * fh, t->fb.width, n * fh);
}

void fbterm_scroll_up(struct fbterm *t, uint32_t top, uint32_t bottom,
		      uint32_t n)
{
	uint32_t height = bottom - top + 1;

	if (n > height)
		n = height;
	fbterm_move_rows(t, top, top + n, height - n);
	fbterm_clear_rows(t, bottom + 1 - n, n);
}

void fbterm_scroll_down(struct fbterm *t, uint32_t top, uint32_t bottom,
			uint32_t n)
{
	uint32_t height = bottom - top + 1;

	if (n > height)
		n = height;
	fbterm_move_rows(t, top + n, top, height - n);
	fbterm_clear_rows(t, top, n);
}

/* Cells [src, src + n) of the cursor row to [dst, dst + n). */
static void fbterm_move_cells(struct fbterm *t, uint32_t dst, uint32_t src,
			      uint32_t n)
{
	uint32_t fw = t->font->width, fh = t->font->height;

	fb_copy_rect(&t->fb, dst * fw, t->cy * fh, src * fw, t->cy * fh,
		     n * fw, fh);
}

void fbterm_insert_chars(struct fbterm *t, uint32_t n)
{
	uint32_t room = t->cols - t->cx;

	if (n > room)
		n = room;
	fbterm_move_cells(t, t->cx + n, t->cx, room - n);
	fbterm_clear(t, t->cy, t->cx, n);
	t->wrap_pending = false;
}

void fbterm_delete_chars(struct fbterm *t, uint32_t n)
{
	uint32_t room = t->cols - t->cx;

	if (n > room)
		n = room;
	fbterm_move_cells(t, t->cx, t->cx + n, room - n);
	fbterm_clear(t, t->cy, t->cols - n, n);
	t->wrap_pending = false;
}

void fbterm_goto(struct fbterm *t, int32_t x, int32_t y)
{
	if (x < 0)
		x = 0;
	else if ((uint32_t)x >= t->cols)
		x = (int32_t)t->cols - 1;
	if (y < 0)
		y = 0;
	else if ((uint32_t)y >= t->rows)
		y = (int32_t)t->rows - 1;
	t->cx = (uint32_t)x;
	t->cy = (uint32_t)y;
	t->wrap_pending = false;
}

void fbterm_cr(struct fbterm *t)
{
	t->cx = 0;
	t->wrap_pending = false;
}

/* Below the region the cursor moves down to the last row, never scrolling. */
void fbterm_lf(struct fbterm *t)
{
	if (t->cy == t->bottom)
		fbterm_scroll_up(t, t->top, t->bottom, 1);
	else if (t->cy + 1 < t->rows)
		t->cy++;
	t->wrap_pending = false;
}

void fbterm_ri(struct fbterm *t)
{
	if (t->cy == t->top)
		fbterm_scroll_down(t, t->top, t->bottom, 1);
	else if (t->cy > 0)
		t->cy--;
	t->wrap_pending = false;
}

/* To the next multiple of 8, stopping at the last column; as in Linux's
 * console a pending wrap survives it. */
static void fbterm_tab(struct fbterm *t)
{
	uint32_t next = (t->cx / TAB_WIDTH + 1) * TAB_WIDTH;

	t->cx = next < t->cols ? next : t->cols - 1;
}

void fbterm_control(struct fbterm *t, uint32_t c)
{
	switch (c) {
	case ASCII_LF:
	case ASCII_VT:
	case ASCII_FF:
		fbterm_lf(t);
		break;
	case ASCII_CR:
		fbterm_cr(t);
		break;
	case ASCII_HT:
		fbterm_tab(t);
		break;
	case ASCII_BS:
		if (t->cx > 0) {
			t->cx--;
			t->wrap_pending = false;
		}
		break;
	default:
		/* BEL and the rest: nothing to show. */
		break;
	}
}

static void fbterm_put(struct fbterm *t, uint32_t cp)
{
	const struct psf_font *font = t->font;
	uint8_t fg = fbterm_fg_index(t), bg = t->attr.bg;
	const uint8_t *bits;

	if (t->wrap_pending) {
		fbterm_cr(t);
		fbterm_lf(t);
	}
	if (t->insert)
		fbterm_insert_chars(t, 1);
	if (t->attr.reverse) {
		bg = fg;
		fg = t->attr.bg;
	}
	bits = psf_glyph(font, psf_glyph_index(font, cp));
	fb_draw_glyph(&t->fb, t->cx * font->width, t->cy * font->height, font,
		      bits, t->palette[fg], t->palette[bg]);
	if (t->cx + 1 < t->cols)
		t->cx++;
	else
		t->wrap_pending = t->autowrap;
}

/* Inverting the cell twice gives back exactly what was drawn in it. */
static void fbterm_invert_cell(struct fbterm *t, uint32_t col, uint32_t row)
{
	const struct psf_font *font = t->font;

	fb_invert_rect(&t->fb, col * font->width, row * font->height,
		       font->width, font->height, t->invert_mask);
}

static void fbterm_hide_cursor(struct fbterm *t)
{
	if (t->cursor_drawn)
		fbterm_invert_cell(t, t->cursor_x, t->cursor_y);
	t->cursor_drawn = false;
}

static void fbterm_show_cursor(struct fbterm *t)
{
	if (!t->cursor_on)
		return;
	t->cursor_x = t->cx;
	t->cursor_y = t->cy;
	fbterm_invert_cell(t, t->cursor_x, t->cursor_y);
	t->cursor_drawn = true;
}

void fbterm_reset(struct fbterm *t)
{
	t->attr = fbterm_attr_default;
	t->top = 0;
	t->bottom = t->rows - 1;
	t->autowrap = true;
	t->insert = false;
	t->cursor_on = true;
	fbterm_goto(t, 0, 0);
	t->saved = (struct fbterm_saved){ .attr = t->attr };
	fb_fill_rect(&t->fb, 0, 0, t->fb.width, t->fb.height,
		     t->palette[FBTERM_DEFAULT_BG]);
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
	t->invert_mask = fb_pack_rgb(fb, 0xffffff);
	utf8_reset(&t->utf8);
	t->state = FBT_NORMAL;
	fbterm_reset(t);
	fbterm_show_cursor(t);
	return 0;
}

static void fbterm_codepoint(struct fbterm *t, uint32_t c)
{
	if (t->state != FBT_NORMAL)
		fbterm_sequence(t, c);
	else if (c == ASCII_ESC)
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

	fbterm_hide_cursor(t);
	while (i < len) {
		r = utf8_feed(&t->utf8, (uint8_t)buf[i], &cp);
		/* The byte that broke a sequence is decoded again, afresh. */
		if (r != UTF8_BAD_AGAIN)
			i++;
		if (r != UTF8_MORE)
			fbterm_codepoint(t, cp);
	}
	fbterm_show_cursor(t);
}
