/*
 * fbterm's screen operations, shared by the character path (fbterm.c) and
 * the escape sequence interpreter (fbterm_esc.c). Rows and columns count
 * from 0; the caller keeps them on the screen.
 */
#ifndef DRIVERS_VIDEO_FBTERM_OPS_H
#define DRIVERS_VIDEO_FBTERM_OPS_H

#include "fbterm.h"

/* The rendition at power-on and after SGR 0. */
extern const struct fbterm_attr fbterm_attr_default;

/* RIS: modes, rendition, region, saved cursor back to power-on; clear. */
void fbterm_reset(struct fbterm *t);

/* Move to (x, y), clamped to the screen; ends a pending wrap. */
void fbterm_goto(struct fbterm *t, int32_t x, int32_t y);

void fbterm_cr(struct fbterm *t);
/* Down a line, scrolling the region when at its bottom margin. */
void fbterm_lf(struct fbterm *t);
/* Up a line, scrolling the region down when at its top margin. */
void fbterm_ri(struct fbterm *t);
/* A C0 control character (below 0x20) other than ESC, CAN and SUB. */
void fbterm_control(struct fbterm *t, uint32_t c);

/* Blank n cells of row from col on (n fits the row). */
void fbterm_clear(struct fbterm *t, uint32_t row, uint32_t col, uint32_t n);
/* Blank n whole rows from row on. */
void fbterm_clear_rows(struct fbterm *t, uint32_t row, uint32_t n);

/* Scroll rows top..bottom by n (any n), blanking the rows left behind. */
void fbterm_scroll_up(struct fbterm *t, uint32_t top, uint32_t bottom,
		      uint32_t n);
void fbterm_scroll_down(struct fbterm *t, uint32_t top, uint32_t bottom,
			uint32_t n);

/* ICH and DCH at the cursor: the rest of the line shifts, n any size. */
void fbterm_insert_chars(struct fbterm *t, uint32_t n);
void fbterm_delete_chars(struct fbterm *t, uint32_t n);

/* Feed c to the escape sequence being read (t->state != FBT_NORMAL). */
void fbterm_sequence(struct fbterm *t, uint32_t c);

#endif
