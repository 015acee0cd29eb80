/*
 * fbterm's escape sequences: the ECMA-48 parser and what Linux's console
 * does for each sequence it knows (man 4 console_codes); the others are
 * consumed whole and ignored.
 */
#include <string.h>
#include "fbterm_ops.h"

#define ASCII_BEL	0x07
#define ASCII_CAN	0x18
#define ASCII_SUB	0x1a
#define ASCII_ESC	0x1b
#define ASCII_DEL	0x7f

/* Parameter i, or def when it is missing or 0 (ECMA-48 5.4.2). */
static uint32_t fbterm_param(const struct fbterm *t, uint32_t i, uint32_t def)
{
	return t->params[i] ? t->params[i] : def;
}

/* 38/48 take a colour: "5;n" (256-colour, only n < 16 is in our palette)
 * or "2;r;g;b". Returns how many parameters after p[0] were used. */
static uint32_t fbterm_sgr_extended(struct fbterm *t, const uint32_t *p,
				    uint32_t n)
{
	if (n >= 3 && p[1] == 5) {
		if (p[2] < 16) {
			if (p[0] == 38)
				t->attr.fg = p[2];
			else
				t->attr.bg = p[2];
		}
		return 2;
	}
	if (n >= 2 && p[1] == 2)
		return n >= 5 ? 4 : n - 1;
	return n - 1;
}

/* Underline, blink and italics have no rendering here: ignored. */
static void fbterm_sgr(struct fbterm *t, const uint32_t *p, uint32_t n)
{
	struct fbterm_attr *a = &t->attr;
	uint32_t i;

	for (i = 0; i < n; i++) {
		uint32_t v = p[i];

		if (v == 0)
			*a = fbterm_attr_default;
		else if (v == 1)
			a->bold = true;
		else if (v == 7)
			a->reverse = true;
		else if (v == 21 || v == 22)
			a->bold = false;
		else if (v == 27)
			a->reverse = false;
		else if (v >= 30 && v <= 37)
			a->fg = v - 30;
		else if (v == 38 || v == 48)
			i += fbterm_sgr_extended(t, p + i, n - i);
		else if (v == 39)
			a->fg = FBTERM_DEFAULT_FG;
		else if (v >= 40 && v <= 47)
			a->bg = v - 40;
		else if (v == 49)
			a->bg = FBTERM_DEFAULT_BG;
		else if (v >= 90 && v <= 97)
			a->fg = v - 90 + 8;
		else if (v >= 100 && v <= 107)
			a->bg = v - 100 + 8;
	}
}

static void fbterm_save(struct fbterm *t)
{
	t->saved.cx = t->cx;
	t->saved.cy = t->cy;
	t->saved.attr = t->attr;
}

static void fbterm_restore(struct fbterm *t)
{
	fbterm_goto(t, (int32_t)t->saved.cx, (int32_t)t->saved.cy);
	t->attr = t->saved.attr;
}

/* ED: 0 cursor to end, 1 start to cursor, 2 all, 3 all and the scrollback
 * (we keep none); the cursor stays. */
static void fbterm_erase_display(struct fbterm *t, uint32_t mode)
{
	switch (mode) {
	case 0:
		fbterm_clear(t, t->cy, t->cx, t->cols - t->cx);
		fbterm_clear_rows(t, t->cy + 1, t->rows - t->cy - 1);
		break;
	case 1:
		fbterm_clear_rows(t, 0, t->cy);
		fbterm_clear(t, t->cy, 0, t->cx + 1);
		break;
	case 2:
	case 3:
		fbterm_clear_rows(t, 0, t->rows);
		break;
	default:
		return;
	}
	t->wrap_pending = false;
}

/* EL: 0 cursor to end of line, 1 start of line to cursor, 2 all of it. */
static void fbterm_erase_line(struct fbterm *t, uint32_t mode)
{
	switch (mode) {
	case 0:
		fbterm_clear(t, t->cy, t->cx, t->cols - t->cx);
		break;
	case 1:
		fbterm_clear(t, t->cy, 0, t->cx + 1);
		break;
	case 2:
		fbterm_clear(t, t->cy, 0, t->cols);
		break;
	default:
		return;
	}
	t->wrap_pending = false;
}

static void fbterm_erase_chars(struct fbterm *t, uint32_t n)
{
	if (n > t->cols - t->cx)
		n = t->cols - t->cx;
	fbterm_clear(t, t->cy, t->cx, n);
	t->wrap_pending = false;
}

/* IL and DL work only inside the scrolling region (VT102). */
static void fbterm_insert_lines(struct fbterm *t, uint32_t n, bool insert)
{
	if (t->cy < t->top || t->cy > t->bottom)
		return;
	if (insert)
		fbterm_scroll_down(t, t->cy, t->bottom, n);
	else
		fbterm_scroll_up(t, t->cy, t->bottom, n);
	t->wrap_pending = false;
}

/* DECSTBM: a region of at least two rows, then the cursor goes home. */
static void fbterm_set_region(struct fbterm *t)
{
	uint32_t top = fbterm_param(t, 0, 1);
	uint32_t bottom = fbterm_param(t, 1, t->rows);

	if (top < bottom && bottom <= t->rows) {
		t->top = top - 1;
		t->bottom = bottom - 1;
		fbterm_goto(t, 0, 0);
	}
}

/* SM/RM (h/l): IRM; with '?' the DEC modes DECAWM and DECTCEM. */
static void fbterm_set_modes(struct fbterm *t, bool on)
{
	uint32_t i;

	for (i = 0; i <= t->nparams && i < FBTERM_MAX_PARAMS; i++) {
		uint32_t mode = t->params[i];

		if (t->csi_private == '?' && mode == 7)
			t->autowrap = on;
		else if (t->csi_private == '?' && mode == 25)
			t->cursor_on = on;
		else if (!t->csi_private && mode == 4)
			t->insert = on;
	}
}

/* The cursor movements; false if final is not one. */
static bool fbterm_csi_move(struct fbterm *t, uint32_t final)
{
	int32_t x = (int32_t)t->cx, y = (int32_t)t->cy;
	int32_t n = (int32_t)fbterm_param(t, 0, 1);

	switch (final) {
	case 'A':		/* CUU */
		fbterm_goto(t, x, y - n);
		break;
	case 'B':		/* CUD */
	case 'e':		/* VPR */
		fbterm_goto(t, x, y + n);
		break;
	case 'C':		/* CUF */
	case 'a':		/* HPR */
		fbterm_goto(t, x + n, y);
		break;
	case 'D':		/* CUB */
		fbterm_goto(t, x - n, y);
		break;
	case 'E':		/* CNL */
		fbterm_goto(t, 0, y + n);
		break;
	case 'F':		/* CPL */
		fbterm_goto(t, 0, y - n);
		break;
	case 'G':		/* CHA */
	case '`':		/* HPA */
		fbterm_goto(t, n - 1, y);
		break;
	case 'd':		/* VPA */
		fbterm_goto(t, x, n - 1);
		break;
	case 'H':		/* CUP */
	case 'f':		/* HVP */
		fbterm_goto(t, (int32_t)fbterm_param(t, 1, 1) - 1, n - 1);
		break;
	default:
		return false;
	}
	return true;
}

/* The editing functions, SGR and the rest; movements are done already. */
static void fbterm_csi_edit(struct fbterm *t, uint32_t final)
{
	uint32_t n = fbterm_param(t, 0, 1);

	switch (final) {
	case 'J':
		fbterm_erase_display(t, t->params[0]);
		break;
	case 'K':
		fbterm_erase_line(t, t->params[0]);
		break;
	case 'X':
		fbterm_erase_chars(t, n);
		break;
	case '@':
		fbterm_insert_chars(t, n);
		break;
	case 'P':
		fbterm_delete_chars(t, n);
		break;
	case 'L':
	case 'M':
		fbterm_insert_lines(t, n, final == 'L');
		break;
	case 'S':
		fbterm_scroll_up(t, t->top, t->bottom, n);
		break;
	case 'T':
		fbterm_scroll_down(t, t->top, t->bottom, n);
		break;
	case 'm':
		fbterm_sgr(t, t->params, t->nparams < FBTERM_MAX_PARAMS ?
			   t->nparams + 1 : FBTERM_MAX_PARAMS);
		break;
	case 'r':
		fbterm_set_region(t);
		break;
	case 's':
		fbterm_save(t);
		break;
	case 'u':
		fbterm_restore(t);
		break;
	default:
		break;
	}
}

static void fbterm_csi_final(struct fbterm *t, uint32_t final)
{
	t->state = FBT_NORMAL;
	if (t->csi_ignore)
		return;
	if (final == 'h' || final == 'l')
		fbterm_set_modes(t, final == 'h');
	else if (!t->csi_private && !fbterm_csi_move(t, final))
		fbterm_csi_edit(t, final);
}

static void fbterm_csi_start(struct fbterm *t)
{
	t->state = FBT_CSI;
	t->csi_private = 0;
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
		t->csi_private = (uint8_t)c;	/* e.g. '?' for DEC modes */
	} else if (c >= 0x20 && c <= 0x2f) {
		t->csi_ignore = true;
	} else if (c >= 0x40 && c <= 0x7e) {
		fbterm_csi_final(t, c);
	} else if (c != ASCII_DEL) {
		t->state = FBT_NORMAL;
	}
}

/* ESC followed by a final byte: the VT100 functions Linux's console has. */
static void fbterm_esc_final(struct fbterm *t, uint32_t c)
{
	switch (c) {
	case '7':		/* DECSC */
		fbterm_save(t);
		break;
	case '8':		/* DECRC */
		fbterm_restore(t);
		break;
	case 'D':		/* IND */
		fbterm_lf(t);
		break;
	case 'E':		/* NEL */
		fbterm_cr(t);
		fbterm_lf(t);
		break;
	case 'M':		/* RI */
		fbterm_ri(t);
		break;
	case 'c':		/* RIS */
		fbterm_reset(t);
		break;
	default:
		break;
	}
}

static void fbterm_esc(struct fbterm *t, uint32_t c)
{
	t->state = FBT_NORMAL;
	if (c == '[')
		fbterm_csi_start(t);
	else if (c == ']' || c == 'P' || c == 'X' || c == '^' || c == '_')
		t->state = FBT_STRING;
	else if (c >= 0x20 && c <= 0x2f)
		t->state = FBT_ESC_INTER;
	else
		fbterm_esc_final(t, c);
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

void fbterm_sequence(struct fbterm *t, uint32_t c)
{
	if (t->state == FBT_STRING)
		fbterm_string(t, c);
	else if (fbterm_c0_in_sequence(t, c))
		return;
	else if (t->state == FBT_ESC)
		fbterm_esc(t, c);
	else if (t->state == FBT_CSI)
		fbterm_csi(t, c);
	else if (c > 0x2f)
		t->state = FBT_NORMAL;	/* ESC_INTER's final */
}
