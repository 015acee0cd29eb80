/*
 * Host tests of the framebuffer console: the terminal state machine drawing
 * into heap "framebuffers" with the font the kernel embeds (font.S), and
 * fbcon_init() itself with console_register() stubbed out.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>
#include <breenix/console.h>
#include <breenix/errno.h>
#include <breenix/fbcon.h>
#include <breenix/psf.h>
#include "fbdraw.h"
#include "fbterm.h"
#include "unit.h"

/* 200x100 px with 10x18 glyphs: 20 columns, 5 rows, a 10 px bottom margin.
 * The pitch has padding so that pitch != width * 4 is exercised. */
#define W	200
#define H	100
#define PITCH	(W * 4 + 24)
#define COLS	20
#define ROWS	5
#define FW	10
#define FH	18

#define GREY	0xaaaaaa
#define BLACK	0x000000
#define WHITE	0xffffff	/* also the mask that inverts a pixel */

static struct psf_font font;
static struct psf_map_entry map[FBCON_FONT_MAP_MAX];
static struct fb_info fb;
static uint8_t *mem;
static struct fbterm t;

/* XRGB8888, the usual GOP/VBE layout. */
static struct fb_info make_fb(uint8_t *base, uint32_t w, uint32_t h,
			      uint32_t pitch, uint8_t bpp)
{
	struct fb_info f = {
		.base = base, .width = w, .height = h, .pitch = pitch,
		.bpp = bpp, .red_pos = 16, .red_size = 8, .green_pos = 8,
		.green_size = 8, .blue_pos = 0, .blue_size = 8,
	};
	return f;
}

static void setup(void)
{
	ck_assert_int_eq(psf_parse(&font, font_psf2_start,
				   (size_t)(font_psf2_end - font_psf2_start)), 0);
	ck_assert_int_eq(psf_build_map(&font, map, FBCON_FONT_MAP_MAX), 0);
	mem = malloc(PITCH * H);
	ck_assert_ptr_nonnull(mem);
	memset(mem, 0xa5, PITCH * H);
	fb = make_fb(mem, W, H, PITCH, 32);
	ck_assert_int_eq(fbterm_init(&t, &fb, &font), 0);
	/* Pixel checks want no cursor; the cursor tests turn it back on. */
	fbterm_write(&t, "\x1b[?25l", 6);
}

static void teardown(void)
{
	free(mem);
}

static void put(const char *s)
{
	fbterm_write(&t, s, strlen(s));
}

/* n copies of c: a full line when n is COLS. */
static void put_repeat(char c, size_t n)
{
	char line[COLS + 1];

	ck_assert_uint_le(n, COLS);
	memset(line, c, n);
	fbterm_write(&t, line, n);
}

static uint32_t get_px(const struct fb_info *f, uint32_t x, uint32_t y)
{
	uint32_t bytes = (f->bpp + 7) / 8, v = 0, i;
	const uint8_t *p = (const uint8_t *)f->base + y * f->pitch + x * bytes;

	for (i = 0; i < bytes; i++)
		v |= (uint32_t)p[i] << (8 * i);
	return v;
}

static int glyph_bit(uint32_t g, uint32_t x, uint32_t y)
{
	const uint8_t *bits = psf_glyph(&font, g) + y * font.row_bytes;

	return (bits[x / 8] >> (7 - x % 8)) & 1;
}

/* Does the cell show code point cp in exactly these two pixel values? */
static void assert_cell(const struct fb_info *f, uint32_t col, uint32_t row,
			uint32_t cp, uint32_t fg, uint32_t bg)
{
	uint32_t g = psf_glyph_index(&font, cp), x, y;

	for (y = 0; y < FH; y++) {
		for (x = 0; x < FW; x++) {
			uint32_t want = glyph_bit(g, x, y) ? fg : bg;

			ck_assert_msg(get_px(f, col * FW + x, row * FH + y) == want,
				      "cell %u,%u U+%04X pixel %u,%u: %#x != %#x",
				      col, row, cp, x, y,
				      get_px(f, col * FW + x, row * FH + y), want);
		}
	}
}

static void assert_cell_default(uint32_t col, uint32_t row, uint32_t cp)
{
	assert_cell(&fb, col, row, cp, GREY, BLACK);
}

static int in_cell(uint32_t x, uint32_t y, uint32_t col, uint32_t row)
{
	return x / FW == col && y / FH == row && x < COLS * FW && y < ROWS * FH;
}

/* Every pixel outside cell (col, row) is black (col = COLS: no cell). */
static void assert_blank_except(uint32_t col, uint32_t row)
{
	uint32_t x, y;

	for (y = 0; y < H; y++)
		for (x = 0; x < W; x++)
			if (!in_cell(x, y, col, row))
				ck_assert_msg(get_px(&fb, x, y) == BLACK,
					      "pixel %u,%u not blank", x, y);
}

static void assert_row_blank(uint32_t row)
{
	uint32_t x, y;

	for (y = row * FH; y < (row + 1) * FH; y++)
		for (x = 0; x < W; x++)
			ck_assert_uint_eq(get_px(&fb, x, y), BLACK);
}

static void assert_cursor(uint32_t col, uint32_t row)
{
	ck_assert_msg(t.cx == col && t.cy == row, "cursor at %u,%u, not %u,%u",
		      t.cx, t.cy, col, row);
}

/* Row shows text in the default colours, then blanks to the right edge. */
static void assert_row(uint32_t row, const char *text)
{
	uint32_t col;

	for (col = 0; col < COLS; col++)
		assert_cell_default(col, row, *text ? (uint32_t)*text++ : ' ');
}

/* Rows 0-4 show "0".."4" in column 0, the cursor ends on row 4. */
static void number_rows(void)
{
	put("0\r\n1\r\n2\r\n3\r\n4");
}

START_TEST(init_clears_screen)
{
	uint32_t y, x;

	ck_assert_uint_eq(t.cols, COLS);
	ck_assert_uint_eq(t.rows, ROWS);
	ck_assert_uint_eq(t.cx, 0);
	ck_assert_uint_eq(t.cy, 0);
	assert_blank_except(COLS, ROWS);
	/* The padding at the end of each line is not the console's. */
	for (y = 0; y < H; y++)
		for (x = W * 4; x < PITCH; x++)
			ck_assert_uint_eq(mem[y * PITCH + x], 0xa5);
}
END_TEST

START_TEST(init_rejects_bad_fb)
{
	struct fbterm u;
	struct fb_info f;

	f = make_fb(mem, W, H, PITCH, 8);
	ck_assert_int_eq(fbterm_init(&u, &f, &font), -EINVAL);
	f = make_fb(mem, FW - 1, H, PITCH, 32);
	ck_assert_int_eq(fbterm_init(&u, &f, &font), -EINVAL);
	f = make_fb(mem, W, FH - 1, PITCH, 32);
	ck_assert_int_eq(fbterm_init(&u, &f, &font), -EINVAL);
	f = make_fb(mem, W, H, W * 4 - 1, 32);
	ck_assert_int_eq(fbterm_init(&u, &f, &font), -EINVAL);
	f = make_fb(NULL, W, H, PITCH, 32);
	ck_assert_int_eq(fbterm_init(&u, &f, &font), -EINVAL);
	f = make_fb(mem, W, H, PITCH, 32);
	f.red_pos = 30;
	ck_assert_int_eq(fbterm_init(&u, &f, &font), -EINVAL);
	f = make_fb(mem, W, H, PITCH, 16);
	f.blue_size = 0;
	ck_assert_int_eq(fbterm_init(&u, &f, &font), -EINVAL);
}
END_TEST

START_TEST(draws_glyph_pixels)
{
	put("A");
	assert_cell_default(0, 0, 'A');
	assert_blank_except(0, 0);
	ck_assert_uint_eq(t.cx, 1);
	ck_assert_uint_eq(t.cy, 0);
}
END_TEST

START_TEST(wraps_at_right_edge)
{
	put_repeat('x', COLS);
	ck_assert_uint_eq(t.cx, COLS - 1);
	ck_assert_uint_eq(t.cy, 0);
	ck_assert(t.wrap_pending);
	assert_cell_default(COLS - 1, 0, 'x');
	put("A");
	assert_cell_default(0, 1, 'A');
	ck_assert_uint_eq(t.cx, 1);
	ck_assert_uint_eq(t.cy, 1);
}
END_TEST

START_TEST(full_line_then_newline_is_one_line)
{
	put_repeat('x', COLS);
	put("\r\n");
	ck_assert_uint_eq(t.cx, 0);
	ck_assert_uint_eq(t.cy, 1);
	put("B");
	assert_cell_default(0, 1, 'B');
}
END_TEST

/* LF, VT and FF only go down: the tty's ONLCR supplies the CR. */
START_TEST(newline_is_line_feed)
{
	put("AB\nC");
	assert_cell_default(2, 1, 'C');
	ck_assert_uint_eq(t.cx, 3);
	ck_assert_uint_eq(t.cy, 1);
	put("\vD\fE");
	assert_cell_default(3, 2, 'D');
	assert_cell_default(4, 3, 'E');
}
END_TEST

START_TEST(scrolls_up)
{
	uint32_t c, y, x;

	put("A\r\nB\r\nC\r\nD\r\nE");
	ck_assert_uint_eq(t.cy, ROWS - 1);
	assert_cell_default(0, 4, 'E');
	put("\r\nF");
	ck_assert_uint_eq(t.cy, ROWS - 1);
	assert_cell_default(0, 0, 'B');
	assert_cell_default(0, 3, 'E');
	assert_cell_default(0, 4, 'F');
	for (c = 1; c < COLS; c++)
		assert_cell_default(c, 4, ' ');
	/* The margin below the last text row stays untouched. */
	for (y = ROWS * FH; y < H; y++)
		for (x = 0; x < W; x++)
			ck_assert_uint_eq(get_px(&fb, x, y), BLACK);

	/* A full last row moves up and leaves a clear row behind. */
	put("\r");
	put_repeat('Z', COLS - 1);
	put("\r\n");
	for (c = 0; c < COLS - 1; c++)
		assert_cell_default(c, 3, 'Z');
	assert_row_blank(4);
	assert_cell_default(0, 2, 'E');
}
END_TEST

START_TEST(sgr_colours)
{
	put("\x1b[31mA");
	assert_cell(&fb, 0, 0, 'A', 0xaa0000, BLACK);
	put("\x1b[1mB");
	assert_cell(&fb, 1, 0, 'B', 0xff5555, BLACK);
	put("\x1b[22mC");
	assert_cell(&fb, 2, 0, 'C', 0xaa0000, BLACK);
	put("\x1b[0mD");
	assert_cell(&fb, 3, 0, 'D', GREY, BLACK);
	put("\x1b[44;93mE");
	assert_cell(&fb, 4, 0, 'E', 0xffff55, 0x0000aa);
	put("\x1b[39;49mF");
	assert_cell(&fb, 5, 0, 'F', GREY, BLACK);
	put("\x1b[105;32mG");
	assert_cell(&fb, 6, 0, 'G', 0x00aa00, 0xff55ff);
	put("\x1b[mH");
	assert_cell(&fb, 7, 0, 'H', GREY, BLACK);
	put("\x1b[1;37mI\x1b[0m");
	assert_cell(&fb, 8, 0, 'I', 0xffffff, BLACK);
	put("\x1b[42m\x1b[1;96mJ");
	assert_cell(&fb, 9, 0, 'J', 0x55ffff, 0x00aa00);
}
END_TEST

START_TEST(sgr_extended_colours)
{
	put("\x1b[38;5;1mA");
	assert_cell(&fb, 0, 0, 'A', 0xaa0000, BLACK);
	/* A true-colour triple is skipped whole: 32 still applies. */
	put("\x1b[0;38;2;10;20;30;32mB");
	assert_cell(&fb, 1, 0, 'B', 0x00aa00, BLACK);
	put("\x1b[38;5;200;34;48;5;12mC");
	assert_cell(&fb, 2, 0, 'C', 0x0000aa, 0x5555ff);
}
END_TEST

START_TEST(other_sequences_ignored)
{
	/* Unknown finals, private markers and intermediates on known ones,
	 * character sets, OSC and DCS strings: consumed, nothing done. */
	put("\x1b[>0c\x1b[?31m\x1b[1 q\x1b[>2C\x1b[?2J\x1b[2$J\x1b[5y");
	put("\x1b(B\x1b#8\x1b]0;a title\x07\x1b]2;t\x1b\\\x1bP1$r\x1b\\A");
	assert_cell_default(0, 0, 'A');
	assert_blank_except(0, 0);
	ck_assert_int_eq(t.state, FBT_NORMAL);
}
END_TEST

START_TEST(controls_inside_sequences)
{
	/* CAN aborts: the 'm' after it is text, and no colour changed. */
	put("\x1b[31\x18mA");
	assert_cell_default(0, 0, 'm');
	assert_cell_default(1, 0, 'A');
	/* A line feed inside a CSI acts, and the sequence goes on. */
	put("\x1b[3\r\n1mB");
	assert_cell(&fb, 0, 1, 'B', 0xaa0000, BLACK);
	/* ESC restarts a sequence. */
	put("\x1b[4\x1b[0mC");
	assert_cell_default(1, 1, 'C');
	/* A huge parameter saturates; past the 16 kept, parameters (the
	 * final 31 here) are dropped: bold applies, red does not. */
	put("\x1b[99999999999999999999;1;1;1;1;1;1;1;1;1;1;1;1;1;1;1;1;1;1;1;31mD");
	assert_cell(&fb, 2, 1, 'D', 0xffffff, BLACK);
}
END_TEST

START_TEST(bad_utf8_draws_replacement)
{
	put("\xff");
	assert_cell_default(0, 0, 0xfffd);
	put("\xc3(");
	assert_cell_default(1, 0, 0xfffd);
	assert_cell_default(2, 0, '(');
	put("\xc0\xaf");	/* overlong '/' */
	assert_cell_default(3, 0, 0xfffd);
	assert_cell_default(4, 0, 0xfffd);
	put("\xed\xa0\x80");	/* a surrogate */
	assert_cell_default(5, 0, 0xfffd);
	ck_assert_uint_eq(t.cx, 6);
	/* A sequence split across writes still decodes. */
	put("\xe2\x94");
	put("\x80\xc3\xa9");
	assert_cell_default(6, 0, 0x2500);
	assert_cell_default(7, 0, 0xe9);
	ck_assert_uint_ne(psf_glyph_index(&font, 0x2500), font.replacement);
}
END_TEST

START_TEST(tab_stops)
{
	put("\tX");
	assert_cell_default(8, 0, 'X');
	put("\r\nabc\tY");
	assert_cell_default(8, 1, 'Y');
	put("\r\n12345678\tZ");
	assert_cell_default(16, 2, 'Z');
	put("\r\n\t\t\t");
	ck_assert_uint_eq(t.cx, COLS - 1);
	put("\t");
	ck_assert_uint_eq(t.cx, COLS - 1);
	ck_assert_uint_eq(t.cy, 3);
}
END_TEST

START_TEST(cr_and_backspace)
{
	put("AB\rC");
	assert_cell_default(0, 0, 'C');
	assert_cell_default(1, 0, 'B');
	put("\r\nAB\bC");
	assert_cell_default(0, 1, 'A');
	assert_cell_default(1, 1, 'C');
	put("\r\b\bD");
	assert_cell_default(0, 1, 'D');
}
END_TEST

/* ---- escape sequences ------------------------------------------------- */

START_TEST(cursor_movement)
{
	put("\x1b[3B");
	assert_cursor(0, 3);
	put("\x1b[A");		/* a missing parameter is 1 */
	assert_cursor(0, 2);
	put("\x1b[0C");		/* and so is 0 */
	assert_cursor(1, 2);
	put("\x1b[5C\x1b[2D");
	assert_cursor(4, 2);
	put("\x1b[E");
	assert_cursor(0, 3);
	put("\x1b[4G\x1b[2F");
	assert_cursor(0, 1);
	put("\x1b[7G");
	assert_cursor(6, 1);
	put("\x1b[4d");
	assert_cursor(6, 3);
	put("\x1b[2;3H");
	assert_cursor(2, 1);
	put("\x1b[5;10f");
	assert_cursor(9, 4);
	put("\x1b[H");
	assert_cursor(0, 0);
	put("\x1b[;4H");
	assert_cursor(3, 0);
	put("\x1b[3e\x1b[2a");
	assert_cursor(5, 3);
	put("\x1b[9`");
	assert_cursor(8, 3);
	/* Nothing was drawn on the way. */
	assert_blank_except(COLS, ROWS);
}
END_TEST

START_TEST(cursor_movement_clamps)
{
	put("\x1b[99B\x1b[99C");
	assert_cursor(COLS - 1, ROWS - 1);
	put("\x1b[99999999A\x1b[99999999D");
	assert_cursor(0, 0);
	put("\x1b[99;99H");
	assert_cursor(COLS - 1, ROWS - 1);
	put("\x1b[0;0H");
	assert_cursor(0, 0);
	put("\x1b[3E\x1b[9F");
	assert_cursor(0, 0);
	put("\x1b[30G\x1b[30d");
	assert_cursor(COLS - 1, ROWS - 1);
}
END_TEST

/* A movement ends a pending wrap: the next character stays on the line. */
START_TEST(movement_ends_pending_wrap)
{
	put_repeat('x', COLS);
	ck_assert(t.wrap_pending);
	put("\x1b[C");
	ck_assert(!t.wrap_pending);
	put("Y");
	assert_cell_default(COLS - 1, 0, 'Y');
	assert_cursor(COLS - 1, 0);
	/* BS from a pending wrap goes to the column before the last. */
	put("\bZ");
	assert_cell_default(COLS - 2, 0, 'Z');
	/* HT keeps the pending wrap, as in Linux's console. */
	put("Q\tR");
	assert_cell_default(COLS - 1, 0, 'Q');
	assert_cell_default(0, 1, 'R');
}
END_TEST

START_TEST(autowrap_off)
{
	put("\x1b[?7l");
	put("abcdefghijklmnopqrstuvwxyz");
	assert_row(0, "abcdefghijklmnopqrsz");
	assert_cursor(COLS - 1, 0);
	ck_assert(!t.wrap_pending);
	put("\x1b[?7h\x1b[HABCDEFGHIJKLMNOPQRST!");
	assert_row(0, "ABCDEFGHIJKLMNOPQRST");
	assert_row(1, "!");
}
END_TEST

START_TEST(erase_in_line)
{
	put("abcdefgh\x1b[4G\x1b[K");
	assert_row(0, "abc");
	assert_cursor(3, 0);
	put("\r\nabcdefgh\x1b[4G\x1b[1K");
	assert_row(1, "    efgh");
	assert_cursor(3, 1);
	put("\r\nabcdefgh\x1b[4G\x1b[2K");
	assert_row(2, "");
	put("\r\nabcdefgh\x1b[4G\x1b[0K");
	assert_row(3, "abc");
	/* An unknown mode does nothing. */
	put("\r\nabcdefgh\x1b[4G\x1b[3K");
	assert_row(4, "abcdefgh");
}
END_TEST

START_TEST(erase_in_display)
{
	put("aaaa\r\nbbbb\r\ncccc\r\ndddd\r\neeee\x1b[3;3H\x1b[J");
	assert_row(0, "aaaa");
	assert_row(1, "bbbb");
	assert_row(2, "cc");
	assert_row(3, "");
	assert_row(4, "");
	assert_cursor(2, 2);
	put("\x1b[H\x1b[2B\x1b[C\x1b[1J");
	assert_row(0, "");
	assert_row(1, "");
	assert_row(2, "");
	assert_cursor(1, 2);
	put("\x1b[HXY\x1b[5;1HZ\x1b[2J");
	assert_blank_except(COLS, ROWS);
	assert_cursor(1, 4);
	put("Q\x1b[3J");
	assert_blank_except(COLS, ROWS);
}
END_TEST

/* What `clear` sends (terminfo linux: clear=\E[H\E[J, xterm \E[H\E[2J). */
START_TEST(clear_screen)
{
	number_rows();
	put("\x1b[H\x1b[2J");
	assert_blank_except(COLS, ROWS);
	assert_cursor(0, 0);
	number_rows();
	put("\x1b[H\x1b[J");
	assert_blank_except(COLS, ROWS);
	assert_cursor(0, 0);
}
END_TEST

/* A line editor redraws its line: CR, erase to the end, the new text. */
START_TEST(line_editor_redraw)
{
	put("$ abc\r\x1b[K");
	assert_row(0, "");
	put("$ xy");
	assert_row(0, "$ xy");
	assert_cursor(4, 0);
	/* Cursor left and insert, as after Left Left then typing 'q'. */
	put("\x1b[2D\x1b[1@q");
	assert_row(0, "$ qxy");
	/* Backspace: left one, delete a character. */
	put("\b\x1b[P");
	assert_row(0, "$ xy");
	assert_cursor(2, 0);
}
END_TEST

START_TEST(erase_characters)
{
	put("abcdef\x1b[3G\x1b[2X");
	assert_row(0, "ab  ef");
	assert_cursor(2, 0);
	put("\x1b[X");
	assert_row(0, "ab  ef");
	put("\x1b[5G\x1b[X");
	assert_row(0, "ab   f");
	put("\x1b[99X");
	assert_row(0, "ab");
}
END_TEST

START_TEST(insert_delete_characters)
{
	put("abcdef\x1b[2G\x1b[2@");
	assert_row(0, "a  bcdef");
	assert_cursor(1, 0);
	put("\x1b[P");
	assert_row(0, "a bcdef");
	put("\x1b[0P");
	assert_row(0, "abcdef");
	put("\x1b[3P");
	assert_row(0, "aef");
	/* Characters pushed past the last column are lost. */
	put("\x1b[HABCDEFGHIJKLMNOPQRST\x1b[H\x1b[3@");
	assert_row(0, "   ABCDEFGHIJKLMNOPQ");
	put("\x1b[H\x1b[99P");
	assert_row(0, "");
	put("\x1b[HABCDEFGHIJKLMNOPQRST\x1b[19G\x1b[99@");
	assert_row(0, "ABCDEFGHIJKLMNOPQR");
}
END_TEST

START_TEST(insert_mode)
{
	put("abc\x1b[2G\x1b[4hXY\x1b[4lZ");
	assert_row(0, "aXYZc");
}
END_TEST

START_TEST(insert_delete_lines)
{
	number_rows();
	put("\x1b[2;5H\x1b[L");
	assert_row(0, "0");
	assert_row(1, "");
	assert_row(2, "1");
	assert_row(3, "2");
	assert_row(4, "3");
	assert_cursor(4, 1);
	put("\x1b[M\x1b[M");
	assert_row(1, "2");
	assert_row(2, "3");
	assert_row(3, "");
	assert_row(4, "");
	put("\x1b[H\x1b[99L");
	assert_blank_except(COLS, ROWS);
}
END_TEST

START_TEST(scroll_up_down)
{
	number_rows();
	put("\x1b[2S");
	assert_row(0, "2");
	assert_row(2, "4");
	assert_row(3, "");
	put("\x1b[T");
	assert_row(0, "");
	assert_row(1, "2");
	assert_row(3, "4");
	assert_row(4, "");
	assert_cursor(1, 4);
}
END_TEST

/* Rows 2-4 (1-based) scroll; rows 1 and 5 stay put. */
START_TEST(scrolling_region)
{
	number_rows();
	put("\x1b[2;4r");
	assert_cursor(0, 0);
	put("\x1b[4;1H\nA");
	assert_row(0, "0");
	assert_row(1, "2");
	assert_row(2, "3");
	assert_row(3, "A");
	assert_row(4, "4");
	assert_cursor(1, 3);
	/* RI at the top margin scrolls the region down. */
	put("\x1b[2;1H\x1bMB");
	assert_row(0, "0");
	assert_row(1, "B");
	assert_row(2, "2");
	assert_row(3, "3");
	assert_row(4, "4");
	/* IND and NEL at the bottom margin scroll it up; NEL returns. */
	put("\x1b[4;3H\x1b" "DC\x1b" "ED");
	assert_row(1, "3");
	assert_row(2, "  C");
	assert_row(3, "D");
	assert_row(4, "4");
	/* Below the region LF stops at the last row without scrolling. */
	put("\x1b[5;2H\nE\n");
	assert_row(4, "4E");
	assert_cursor(2, 4);
	/* Above it RI stops at row 0; text wrapping at the margin scrolls. */
	put("\x1b[1;2H\x1bM\x1bMF");
	assert_row(0, "0F");
	put("\x1b[4;18Hwxyz");
	assert_row(1, "  C");
	assert_row(2, "D                wxy");
	assert_row(3, "z");
	assert_row(4, "4E");
	/* CSI r resets the region to the whole screen. */
	put("\x1b[r\x1b[5;1H\n");
	assert_row(0, "  C");
	assert_row(3, "4E");
	assert_row(4, "");
}
END_TEST

START_TEST(scrolling_region_lines)
{
	number_rows();
	put("\x1b[2;4r\x1b[3;1H\x1b[2L");
	assert_row(1, "1");
	assert_row(2, "");
	assert_row(3, "");
	assert_row(4, "4");
	put("\x1b[2;1H\x1b[M");
	assert_row(1, "");
	assert_row(2, "");
	assert_row(3, "");
	assert_row(4, "4");
	/* Outside the region IL and DL do nothing. */
	put("\x1b[5;1H\x1b[L\x1b[1;1H\x1b[M");
	assert_row(0, "0");
	assert_row(4, "4");
	put("\x1b[S\x1b[2T");
	assert_row(0, "0");
	assert_row(4, "4");
}
END_TEST

START_TEST(scrolling_region_invalid)
{
	put("\x1b[3;3H\x1b[3;2r");	/* top not above bottom: ignored */
	assert_cursor(2, 2);
	ck_assert_uint_eq(t.top, 0);
	ck_assert_uint_eq(t.bottom, ROWS - 1);
	put("\x1b[1;9r");		/* bottom past the screen */
	assert_cursor(2, 2);
	ck_assert_uint_eq(t.bottom, ROWS - 1);
	put("\x1b[2r");			/* bottom defaults to the last row */
	assert_cursor(0, 0);
	ck_assert_uint_eq(t.top, 1);
	ck_assert_uint_eq(t.bottom, ROWS - 1);
}
END_TEST

START_TEST(save_restore_cursor)
{
	put("\x1b[2;3H\x1b[31m\x1b" "7\x1b[0m\x1b[5;5HA\x1b" "8B");
	assert_cell_default(4, 4, 'A');
	assert_cell(&fb, 2, 1, 'B', 0xaa0000, BLACK);
	put("\x1b[0m\x1b[4;2H\x1b[s\x1b[44m\x1b[HC\x1b[uD");
	assert_cell(&fb, 0, 0, 'C', GREY, 0x0000aa);
	assert_cell_default(1, 3, 'D');
	/* Restoring ends a pending wrap. */
	put("\x1b[1;20H\x1b[sE\x1b[uF");
	assert_cell_default(COLS - 1, 0, 'F');
	assert_cursor(COLS - 1, 0);
}
END_TEST

START_TEST(sgr_reverse)
{
	put("\x1b[7mA\x1b[27mB\x1b[31;44;7mC\x1b[0mD");
	assert_cell(&fb, 0, 0, 'A', BLACK, GREY);
	assert_cell(&fb, 1, 0, 'B', GREY, BLACK);
	assert_cell(&fb, 2, 0, 'C', 0x0000aa, 0xaa0000);
	assert_cell(&fb, 3, 0, 'D', GREY, BLACK);
	/* Bold brightens the foreground, which reverse draws as background. */
	put("\x1b[1;7mE\x1b[21mF\x1b[m");
	assert_cell(&fb, 4, 0, 'E', BLACK, WHITE);
	assert_cell(&fb, 5, 0, 'F', BLACK, GREY);
	/* Erasing uses the colour cells would have as background. */
	put("\r\n\x1b[42mX\x1b[K\x1b[7m\r\n\x1b[K\x1b[m");
	assert_cell(&fb, 0, 1, 'X', GREY, 0x00aa00);
	assert_cell(&fb, 5, 1, ' ', GREY, 0x00aa00);
	assert_cell(&fb, 5, 2, ' ', GREY, GREY);
	/* Underline and blink have no rendering: ignored. */
	put("\x1b[4;5mG\x1b[24;25m");
	assert_cell_default(0, 2, 'G');
}
END_TEST

START_TEST(reset_terminal)
{
	number_rows();
	put("\x1b[2;3r\x1b[?7l\x1b[4h\x1b[1;31;44;7m\x1b[3;3H\x1b" "7");
	put("\x1b" "c");
	assert_cursor(0, 0);
	assert_cell(&fb, 0, 0, ' ', WHITE, WHITE);
	assert_blank_except(0, 0);
	ck_assert(t.cursor_on && t.autowrap && !t.insert);
	ck_assert_uint_eq(t.top, 0);
	ck_assert_uint_eq(t.bottom, ROWS - 1);
	/* DECRC now goes home with the default rendition. */
	put("\x1b[4;4H\x1b" "8A");
	assert_cell_default(0, 0, 'A');
	put("\x1b[?25l");
	assert_blank_except(0, 0);
}
END_TEST

/* ---- the cursor ------------------------------------------------------- */

START_TEST(cursor_is_drawn)
{
	put("\x1b[?25h");
	assert_cell(&fb, 0, 0, ' ', WHITE, WHITE);
	assert_blank_except(0, 0);
	put("A");
	assert_cell_default(0, 0, 'A');
	assert_cell(&fb, 1, 0, ' ', WHITE, WHITE);
	assert_cell_default(2, 0, ' ');
	/* Over a character the cell is inverted... */
	put("\x1b[D");
	assert_cell(&fb, 0, 0, 'A', GREY ^ WHITE, WHITE);
	assert_blank_except(0, 0);
	/* ...and what was under it comes back when it moves on. */
	put("\x1b[C");
	assert_cell_default(0, 0, 'A');
	/* Drawing over the cursor cell draws the character, not an inverse. */
	put("\x1b[DB");
	assert_cell_default(0, 0, 'B');
	/* The cursor does not scroll up with the text. */
	put("\x1b[5;1HC");
	assert_cell(&fb, 1, 4, ' ', WHITE, WHITE);
	put("\n");
	assert_cell(&fb, 1, 4, ' ', WHITE, WHITE);
	put("\x1b[?25l");
	assert_cell_default(0, 3, 'C');
	assert_blank_except(0, 3);
}
END_TEST

START_TEST(cursor_hidden_and_shown)
{
	put("\x1b[?25hAB\x1b[?25l");
	assert_cell_default(0, 0, 'A');
	assert_cell_default(1, 0, 'B');
	assert_cell_default(2, 0, ' ');
	put("\x1b[?25h");
	assert_cell(&fb, 2, 0, ' ', WHITE, WHITE);
	/* A pending wrap shows the cursor on the last column. */
	put("\x1b[1;20HZ");
	assert_cell(&fb, COLS - 1, 0, 'Z', GREY ^ WHITE, WHITE);
	assert_cell_default(2, 0, ' ');
}
END_TEST

/* Other pixel formats: a glyph pixel and a background pixel of "A" in red. */
static void check_format(struct fb_info f, uint32_t red_px)
{
	uint32_t g = psf_glyph_index(&font, 'A');
	uint32_t pitch = f.pitch;
	uint8_t *buf = malloc(pitch * H);
	struct fbterm u;

	ck_assert_ptr_nonnull(buf);
	f.base = buf;
	ck_assert_int_eq(fbterm_init(&u, &f, &font), 0);
	fbterm_write(&u, "\x1b[31mA", 6);
	ck_assert(glyph_bit(g, 1, 4) && !glyph_bit(g, 0, 0));
	ck_assert_uint_eq(get_px(&f, 1, 4), red_px);
	ck_assert_uint_eq(get_px(&f, 0, 0), 0);
	assert_cell(&f, 0, 0, 'A', red_px, 0);
	/* The cursor after it: black inverted in every colour field. */
	ck_assert_uint_eq(get_px(&f, FW, 0), fb_pack_rgb(&f, WHITE));
	ck_assert_uint_eq(get_px(&f, 2 * FW - 1, FH - 1),
			  fb_pack_rgb(&f, WHITE));
	ck_assert_uint_eq(get_px(&f, 2 * FW, 0), 0);
	free(buf);
}

START_TEST(pixel_formats)
{
	struct fb_info f = make_fb(NULL, W, H, W * 3 + 1, 24);

	check_format(f, 0xaa0000);
	/* Red in the low byte: the field positions decide, not an order. */
	f.red_pos = 0;
	f.blue_pos = 16;
	check_format(f, 0x0000aa);
	f = make_fb(NULL, W, H, W * 2, 16);
	f.red_pos = 11; f.red_size = 5;
	f.green_pos = 5; f.green_size = 6;
	f.blue_pos = 0; f.blue_size = 5;
	check_format(f, 0x15 << 11);
	f.bpp = 15;
	f.red_pos = 10; f.green_size = 5;
	check_format(f, 0x15 << 10);
	f = make_fb(NULL, W, H, W * 4, 32);
	f.red_pos = 0; f.blue_pos = 16;
	check_format(f, 0xaa);
}
END_TEST

/* ---- fbcon_init, with printk's registry stubbed ------------------------ */

static struct console *registered;
static int registrations;

void console_register(struct console *con)
{
	registered = con;
	registrations++;
}

START_TEST(fbcon_registers_console)
{
	ck_assert_int_eq(fbcon_init(&fb), 0);
	ck_assert_int_eq(registrations, 1);
	ck_assert_str_eq(registered->name, "fb0");
	/* printk's text: each '\n' returns the carriage too. */
	registered->write(registered, "\x1b[31mA\n\xc3\xa9\n\nB", 12);
	assert_cell(&fb, 0, 0, 'A', 0xaa0000, BLACK);
	assert_cell(&fb, 0, 1, 0xe9, 0xaa0000, BLACK);
	assert_cell(&fb, 0, 3, 'B', 0xaa0000, BLACK);
	/* A tty's output is already mapped: a '\n' is a line feed only. */
	registered->write_tty(registered, "\nC\rD", 5);
	assert_cell(&fb, 0, 4, 'D', 0xaa0000, BLACK);
	/* The console shows its cursor, here on the 'C'. */
	assert_cell(&fb, 1, 4, 'C', 0xaa0000 ^ WHITE, WHITE);
	ck_assert_int_eq(fbcon_init(&fb), -EBUSY);
	ck_assert_int_eq(registrations, 1);
}
END_TEST

START_TEST(fbcon_rejects_bad_fb)
{
	struct fb_info f = make_fb(mem, 4, 4, PITCH, 32);

	ck_assert_int_eq(fbcon_init(&f), -EINVAL);
	ck_assert_int_eq(registrations, 0);
	ck_assert_int_eq(fbcon_init(&fb), 0);
	ck_assert_int_eq(registrations, 1);
}
END_TEST

Suite *unit_suite(void)
{
	Suite *s = suite_create("fbterm");
	TCase *tc = tcase_create("terminal");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, init_clears_screen);
	tcase_add_test(tc, init_rejects_bad_fb);
	tcase_add_test(tc, draws_glyph_pixels);
	tcase_add_test(tc, wraps_at_right_edge);
	tcase_add_test(tc, full_line_then_newline_is_one_line);
	tcase_add_test(tc, newline_is_line_feed);
	tcase_add_test(tc, scrolls_up);
	tcase_add_test(tc, sgr_colours);
	tcase_add_test(tc, sgr_extended_colours);
	tcase_add_test(tc, other_sequences_ignored);
	tcase_add_test(tc, controls_inside_sequences);
	tcase_add_test(tc, bad_utf8_draws_replacement);
	tcase_add_test(tc, tab_stops);
	tcase_add_test(tc, cr_and_backspace);
	tcase_add_test(tc, cursor_movement);
	tcase_add_test(tc, cursor_movement_clamps);
	tcase_add_test(tc, movement_ends_pending_wrap);
	tcase_add_test(tc, autowrap_off);
	tcase_add_test(tc, erase_in_line);
	tcase_add_test(tc, erase_in_display);
	tcase_add_test(tc, clear_screen);
	tcase_add_test(tc, line_editor_redraw);
	tcase_add_test(tc, erase_characters);
	tcase_add_test(tc, insert_delete_characters);
	tcase_add_test(tc, insert_mode);
	tcase_add_test(tc, insert_delete_lines);
	tcase_add_test(tc, scroll_up_down);
	tcase_add_test(tc, scrolling_region);
	tcase_add_test(tc, scrolling_region_lines);
	tcase_add_test(tc, scrolling_region_invalid);
	tcase_add_test(tc, save_restore_cursor);
	tcase_add_test(tc, sgr_reverse);
	tcase_add_test(tc, reset_terminal);
	tcase_add_test(tc, cursor_is_drawn);
	tcase_add_test(tc, cursor_hidden_and_shown);
	tcase_add_test(tc, pixel_formats);
	tcase_add_test(tc, fbcon_registers_console);
	tcase_add_test(tc, fbcon_rejects_bad_fb);
	suite_add_tcase(s, tc);
	return s;
}
