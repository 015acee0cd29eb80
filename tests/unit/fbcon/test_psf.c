/*
 * Host tests of the PSF2 parser: the real console font decompressed by the
 * build (FONT_PSF_PATH), and malformed fonts in exact-size heap buffers so
 * that AddressSanitizer catches any read past the end.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <breenix/errno.h>
#include <breenix/fbcon.h>
#include <breenix/psf.h>
#include "unit.h"

#define PSF2_MAGIC 0x864ab572u

/* ---- the real font ---------------------------------------------------- */

static uint8_t *real_data;
static size_t real_len;
static struct psf_font real;
static struct psf_map_entry real_map[FBCON_FONT_MAP_MAX];

static uint8_t *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	uint8_t *buf;
	long size;

	ck_assert_msg(f != NULL, "cannot open %s", path);
	ck_assert_int_eq(fseek(f, 0, SEEK_END), 0);
	size = ftell(f);
	ck_assert_int_gt(size, 0);
	rewind(f);
	buf = malloc((size_t)size);
	ck_assert_ptr_nonnull(buf);
	ck_assert_uint_eq(fread(buf, 1, (size_t)size, f), (size_t)size);
	fclose(f);
	*len = (size_t)size;
	return buf;
}

static void real_setup(void)
{
	real_data = read_file(FONT_PSF_PATH, &real_len);
	ck_assert_int_eq(psf_parse(&real, real_data, real_len), 0);
	ck_assert_int_eq(psf_build_map(&real, real_map, FBCON_FONT_MAP_MAX), 0);
}

static void real_teardown(void)
{
	free(real_data);
}

START_TEST(real_header)
{
	ck_assert_uint_eq(real.width, 10);
	ck_assert_uint_eq(real.height, 18);
	ck_assert_uint_eq(real.num_glyphs, 512);
	ck_assert_uint_eq(real.charsize, 36);
	ck_assert_uint_eq(real.row_bytes, 2);
	ck_assert_ptr_eq(real.glyphs, real_data + 32);
	ck_assert_ptr_nonnull(real.utab);
	ck_assert_uint_gt(real.map_needed, 0);
	ck_assert_uint_le(real.map_needed, FBCON_FONT_MAP_MAX);
	ck_assert_uint_gt(real.map_len, 0);
	ck_assert_uint_le(real.map_len, real.map_needed);
}
END_TEST

START_TEST(real_ascii_identity)
{
	uint32_t c;

	ck_assert(psf_ascii_identity(&real));
	for (c = 0x20; c <= 0x7e; c++)
		ck_assert_uint_eq(psf_glyph_index(&real, c), c);
	ck_assert_ptr_eq(psf_glyph(&real, 'A'), real_data + 32 + 'A' * 36);
}
END_TEST

static uint16_t glyph_row(const struct psf_font *f, uint32_t g, uint32_t row)
{
	const uint8_t *b = psf_glyph(f, g) + row * f->row_bytes;

	return (uint16_t)(b[0] << 8 | b[1]);
}

START_TEST(real_non_ascii)
{
	uint32_t e_acute = psf_glyph_index(&real, 0xe9);
	uint32_t hline = psf_glyph_index(&real, 0x2500);
	uint32_t row, full = 0;

	ck_assert_uint_ne(e_acute, real.replacement);
	ck_assert_uint_ne(e_acute, 'e');
	ck_assert_uint_lt(e_acute, real.num_glyphs);
	ck_assert_uint_ne(hline, real.replacement);
	ck_assert_uint_lt(hline, real.num_glyphs);
	/* U+2500 is a horizontal line: one full row, the rest empty. */
	for (row = 0; row < real.height; row++) {
		uint16_t bits = glyph_row(&real, hline, row);

		if (bits == 0xffc0)
			full++;
		else
			ck_assert_uint_eq(bits, 0);
	}
	ck_assert_uint_eq(full, 1);
	/* Box drawing and Latin-1 come from different glyphs. */
	ck_assert_uint_ne(psf_glyph_index(&real, 0x2502), hline);
}
END_TEST

START_TEST(real_replacement)
{
	ck_assert_uint_ne(real.replacement, '?');
	ck_assert_uint_eq(psf_glyph_index(&real, 0xfffd), real.replacement);
	ck_assert_uint_eq(psf_glyph_index(&real, 0x4e00), real.replacement);
	ck_assert_uint_eq(psf_glyph_index(&real, 0x1f600), real.replacement);
	ck_assert_uint_eq(psf_glyph_index(&real, 0x10ffff), real.replacement);
	ck_assert_uint_eq(psf_glyph_index(&real, 0xffffffff), real.replacement);
	ck_assert_ptr_eq(psf_glyph(&real, 100000), psf_glyph(&real, real.replacement));
}
END_TEST

START_TEST(real_map_sorted)
{
	uint32_t i;

	for (i = 0; i < real.map_len; i++) {
		ck_assert_uint_ge(real.map[i].codepoint, PSF_LOW_CODEPOINTS);
		ck_assert_uint_lt(real.map[i].glyph, real.num_glyphs);
		if (i)
			ck_assert_uint_lt(real.map[i - 1].codepoint,
					  real.map[i].codepoint);
		ck_assert_uint_eq(psf_glyph_index(&real, real.map[i].codepoint),
				  real.map[i].glyph);
	}
}
END_TEST

START_TEST(real_embedded_matches_file)
{
	size_t len = (size_t)(font_psf2_end - font_psf2_start);
	struct psf_font f;

	ck_assert_uint_eq(len, real_len);
	ck_assert_int_eq(memcmp(font_psf2_start, real_data, len), 0);
	ck_assert_int_eq(psf_parse(&f, font_psf2_start, len), 0);
	ck_assert(psf_ascii_identity(&f));
}
END_TEST

START_TEST(real_map_too_small)
{
	struct psf_map_entry small[4];

	ck_assert_int_eq(psf_build_map(&real, small, 4), -ENOSPC);
	ck_assert_int_eq(psf_build_map(&real, real_map, real.map_needed), 0);
}
END_TEST

/* ---- synthetic fonts -------------------------------------------------- */

struct spec {
	uint32_t magic, version, headersize, flags;
	uint32_t n, charsize, height, width;
};

/* Four 8x8 glyphs, with a Unicode table. */
static const struct spec good = {
	PSF2_MAGIC, 0, 32, 1, 4, 8, 8, 8,
};

static void put32(uint8_t *p, uint32_t v)
{
	p[0] = v & 0xff;
	p[1] = (v >> 8) & 0xff;
	p[2] = (v >> 16) & 0xff;
	p[3] = v >> 24;
}

/*
 * A font laid out per s, with glyph data for s->n glyphs (glyph g filled
 * with byte g) and then table; the buffer is exactly *len bytes long.
 */
static uint8_t *make_font(const struct spec *s, const void *table,
			  size_t tlen, size_t *len)
{
	size_t glyphs = (size_t)s->n * s->charsize;
	uint8_t *p;
	uint32_t g;

	*len = s->headersize + glyphs + tlen;
	p = calloc(1, *len);
	ck_assert_ptr_nonnull(p);
	put32(p, s->magic);
	put32(p + 4, s->version);
	put32(p + 8, s->headersize);
	put32(p + 12, s->flags);
	put32(p + 16, s->n);
	put32(p + 20, s->charsize);
	put32(p + 24, s->height);
	put32(p + 28, s->width);
	for (g = 0; g < s->n; g++)
		memset(p + s->headersize + g * s->charsize, (int)g, s->charsize);
	memcpy(p + s->headersize + glyphs, table, tlen);
	return p;
}

/* Parse a font whose buffer is truncated to len bytes (a fresh copy). */
static int parse_prefix(const uint8_t *font, size_t len)
{
	uint8_t *copy = malloc(len ? len : 1);
	struct psf_font f;
	int err;

	memcpy(copy, font, len);
	err = psf_parse(&f, copy, len);
	free(copy);
	return err;
}

/* Glyph 0 'A', glyph 1 U+00E9 and U+2500, glyph 2 U+FFFD, glyph 3 '?'. */
static const char good_table[] =
	"A\xff" "\xc3\xa9\xe2\x94\x80\xff" "\xef\xbf\xbd\xff" "?\xff";

static int parse_spec(const struct spec *s, const char *table, size_t tlen)
{
	size_t len;
	uint8_t *p = make_font(s, table, tlen, &len);
	struct psf_font f;
	int err = psf_parse(&f, p, len);

	free(p);
	return err;
}

START_TEST(good_font_parses)
{
	struct psf_map_entry map[8];
	struct psf_font f;
	size_t len;
	uint8_t *p = make_font(&good, good_table, sizeof(good_table) - 1, &len);

	ck_assert_int_eq(psf_parse(&f, p, len), 0);
	ck_assert_uint_eq(f.map_needed, 2);
	ck_assert_int_eq(psf_build_map(&f, map, 2), 0);
	ck_assert_uint_eq(psf_glyph_index(&f, 'A'), 0);
	ck_assert_uint_eq(psf_glyph_index(&f, 0xe9), 1);
	ck_assert_uint_eq(psf_glyph_index(&f, 0x2500), 1);
	ck_assert_uint_eq(f.replacement, 2);
	ck_assert_uint_eq(psf_glyph_index(&f, 'B'), 2);
	ck_assert_uint_eq(psf_glyph(&f, 3)[0], 3);
	ck_assert(!psf_ascii_identity(&f));
	free(p);
}
END_TEST

START_TEST(truncated_header)
{
	size_t len, cut;
	uint8_t *p = make_font(&good, good_table, sizeof(good_table) - 1, &len);

	for (cut = 0; cut < 32; cut++)
		ck_assert_int_eq(parse_prefix(p, cut), -EINVAL);
	free(p);
}
END_TEST

START_TEST(bad_magic_and_version)
{
	struct spec s = good;

	s.magic = 0x864ab573;
	ck_assert_int_eq(parse_spec(&s, good_table, sizeof(good_table) - 1),
			 -EINVAL);
	s = good;
	s.magic = 0x0436;	/* PSF1 */
	ck_assert_int_eq(parse_spec(&s, good_table, sizeof(good_table) - 1),
			 -EINVAL);
	s = good;
	s.version = 1;
	ck_assert_int_eq(parse_spec(&s, good_table, sizeof(good_table) - 1),
			 -EINVAL);
}
END_TEST

START_TEST(bad_headersize)
{
	struct spec s = good;
	size_t len;
	uint8_t *p;

	s.headersize = 31;
	ck_assert_int_eq(parse_spec(&s, good_table, sizeof(good_table) - 1),
			 -EINVAL);
	/* A header claiming to be longer than the whole buffer. */
	s = good;
	p = make_font(&s, good_table, sizeof(good_table) - 1, &len);
	put32(p + 8, (uint32_t)len + 1);
	ck_assert_int_eq(parse_prefix(p, len), -EINVAL);
	put32(p + 8, 0xffffffff);
	ck_assert_int_eq(parse_prefix(p, len), -EINVAL);
	free(p);
	/* A longer header is legal; the glyphs start after it. */
	s.headersize = 40;
	ck_assert_int_eq(parse_spec(&s, good_table, sizeof(good_table) - 1), 0);
}
END_TEST

START_TEST(charsize_mismatch)
{
	struct spec s = good;

	s.charsize = 9;
	ck_assert_int_eq(parse_spec(&s, good_table, sizeof(good_table) - 1),
			 -EINVAL);
	s = good;
	s.width = 9;		/* needs 2 bytes a row: 16 */
	ck_assert_int_eq(parse_spec(&s, good_table, sizeof(good_table) - 1),
			 -EINVAL);
	s.charsize = 16;
	ck_assert_int_eq(parse_spec(&s, good_table, sizeof(good_table) - 1), 0);
}
END_TEST

START_TEST(glyphs_past_end)
{
	struct spec s = good;
	size_t len, glyph_end;
	uint8_t *p;

	s.flags = 0;
	p = make_font(&s, "", 0, &len);
	glyph_end = len;
	ck_assert_int_eq(parse_prefix(p, glyph_end), 0);
	ck_assert_int_eq(parse_prefix(p, glyph_end - 1), -EINVAL);
	ck_assert_int_eq(parse_prefix(p, 33), -EINVAL);
	/* More glyphs claimed than the buffer holds. */
	put32(p + 16, 5);
	ck_assert_int_eq(parse_prefix(p, glyph_end), -EINVAL);
	put32(p + 16, 0xffffffff);
	ck_assert_int_eq(parse_prefix(p, glyph_end), -EINVAL);
	free(p);
}
END_TEST

START_TEST(table_runs_off_end)
{
	size_t len, tlen = sizeof(good_table) - 1, cut;
	uint8_t *p = make_font(&good, good_table, tlen, &len);

	ck_assert_int_eq(parse_prefix(p, len), 0);
	/* Every shorter table loses at least the last separator. */
	for (cut = 1; cut <= tlen; cut++)
		ck_assert_int_eq(parse_prefix(p, len - cut), -EINVAL);
	free(p);
	/* Fewer entries than glyphs. */
	ck_assert_int_eq(parse_spec(&good, "A\xff?\xff", 4), -EINVAL);
	/* A combining sequence with no separator after it. */
	ck_assert_int_eq(parse_spec(&good, "A\xff\xff\xff" "B\xfe" "e\xcc\x81",
				    9), -EINVAL);
}
END_TEST

START_TEST(table_bad_utf8)
{
	/* Truncated sequence before a separator, overlong, surrogate,
	 * beyond U+10FFFF, a stray continuation byte. */
	static const char *const bad[] = {
		"\xc3\xff\xff\xff\xff",
		"\xc0\x80\xff\xff\xff\xff",
		"\xe0\x80\x80\xff\xff\xff\xff",
		"\xed\xa0\x80\xff\xff\xff\xff",
		"\xf4\x90\x80\x80\xff\xff\xff\xff",
		"\x80\xff\xff\xff\xff",
		"\xe2\x94\xfe\xff\xff\xff\xff",
	};
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		ck_assert_msg(parse_spec(&good, bad[i], strlen(bad[i])) ==
			      -EINVAL, "table %zu accepted", i);
}
END_TEST

START_TEST(zero_glyphs)
{
	struct spec s = good;

	s.n = 0;
	ck_assert_int_eq(parse_spec(&s, "", 0), -EINVAL);
	s.flags = 0;
	ck_assert_int_eq(parse_spec(&s, "", 0), -EINVAL);
}
END_TEST

/* Header-only buffers: the parser must reject these before looking for
 * glyph data that, at these sizes, could not exist. */
static int parse_header_only(uint32_t n, uint32_t charsize, uint32_t h,
			     uint32_t w)
{
	uint8_t *p = calloc(1, 32);
	struct psf_font f;
	int err;

	ck_assert_ptr_nonnull(p);
	put32(p, PSF2_MAGIC);
	put32(p + 8, 32);
	put32(p + 16, n);
	put32(p + 20, charsize);
	put32(p + 24, h);
	put32(p + 28, w);
	err = psf_parse(&f, p, 32);
	free(p);
	return err;
}

START_TEST(absurd_geometry)
{
	ck_assert_int_eq(parse_header_only(4, 0, 0, 8), -EINVAL);
	ck_assert_int_eq(parse_header_only(4, 0, 8, 0), -EINVAL);
	ck_assert_int_eq(parse_header_only(4, 129 * 8, 129, 64), -EINVAL);
	ck_assert_int_eq(parse_header_only(4, 8 * 9, 8, 65), -EINVAL);
	ck_assert_int_eq(parse_header_only(65537, 8, 8, 8), -EINVAL);
	/* charsize that would overflow 32 bits if limits were not checked */
	ck_assert_int_eq(parse_header_only(1, 0, 0x80000000u, 0x10), -EINVAL);
	ck_assert_int_eq(parse_header_only(0xffffffffu, 0xffffffffu,
					   0xffffffffu, 0xffffffffu), -EINVAL);
	/* In range, but the glyph data is missing. */
	ck_assert_int_eq(parse_header_only(1, 128 * 8, 128, 64), -EINVAL);
}
END_TEST

START_TEST(combining_sequences_skipped)
{
	/* Glyph 0: 'A' plus the sequence e + U+0301; glyph 1: U+00E9. */
	static const char table[] = "A\xfe" "e\xcc\x81\xff" "\xc3\xa9\xff"
				    "\xef\xbf\xbd\xff" "?\xff";
	struct psf_map_entry map[4];
	struct psf_font f;
	size_t len;
	uint8_t *p = make_font(&good, table, sizeof(table) - 1, &len);

	ck_assert_int_eq(psf_parse(&f, p, len), 0);
	ck_assert_int_eq(psf_build_map(&f, map, 4), 0);
	ck_assert_uint_eq(psf_glyph_index(&f, 'A'), 0);
	ck_assert_uint_eq(psf_glyph_index(&f, 0xe9), 1);
	/* Characters inside the sequence are not mapped on their own. */
	ck_assert_uint_eq(psf_glyph_index(&f, 'e'), 2);
	ck_assert_uint_eq(psf_glyph_index(&f, 0x301), 2);
	free(p);
}
END_TEST

START_TEST(no_table_identity)
{
	struct spec s = good;
	struct psf_font f;
	size_t len;
	uint8_t *p;

	s.flags = 0;
	s.n = 128;
	p = make_font(&s, "", 0, &len);
	ck_assert_int_eq(psf_parse(&f, p, len), 0);
	ck_assert_ptr_null(f.utab);
	ck_assert_uint_eq(f.map_needed, 0);
	ck_assert_int_eq(psf_build_map(&f, NULL, 0), 0);
	ck_assert(psf_ascii_identity(&f));
	ck_assert_uint_eq(f.replacement, '?');
	ck_assert_uint_eq(psf_glyph_index(&f, 'z'), 'z');
	ck_assert_uint_eq(psf_glyph_index(&f, 200), '?');
	ck_assert_uint_eq(psf_glyph_index(&f, 0x2500), '?');
	free(p);
}
END_TEST

START_TEST(duplicates_first_wins)
{
	/* Glyphs 0 and 1 both claim 'A' and U+2500; glyph 3 claims U+2501,
	 * U+2500 again and U+0100, out of order. */
	static const char table[] = "A\xe2\x94\x80\xff" "A\xe2\x94\x80\xff"
				    "\xff" "\xe2\x94\x81\xe2\x94\x80\xc4\x80\xff";
	struct psf_map_entry map[5];
	struct psf_font f;
	size_t len;
	uint8_t *p = make_font(&good, table, sizeof(table) - 1, &len);

	ck_assert_int_eq(psf_parse(&f, p, len), 0);
	ck_assert_uint_eq(f.map_needed, 5);
	ck_assert_int_eq(psf_build_map(&f, map, 5), 0);
	ck_assert_uint_eq(f.map_len, 3);
	ck_assert_uint_eq(map[0].codepoint, 0x100);
	ck_assert_uint_eq(map[1].codepoint, 0x2500);
	ck_assert_uint_eq(map[2].codepoint, 0x2501);
	ck_assert_uint_eq(psf_glyph_index(&f, 'A'), 0);
	ck_assert_uint_eq(psf_glyph_index(&f, 0x2500), 0);
	ck_assert_uint_eq(psf_glyph_index(&f, 0x2501), 3);
	ck_assert_uint_eq(psf_glyph_index(&f, 0x100), 3);
	/* No U+FFFD and no '?': glyph 0 stands in. */
	ck_assert_uint_eq(f.replacement, 0);
	free(p);
}
END_TEST

Suite *unit_suite(void)
{
	Suite *s = suite_create("psf");
	TCase *tc = tcase_create("real_font");

	tcase_add_checked_fixture(tc, real_setup, real_teardown);
	tcase_add_test(tc, real_header);
	tcase_add_test(tc, real_ascii_identity);
	tcase_add_test(tc, real_non_ascii);
	tcase_add_test(tc, real_replacement);
	tcase_add_test(tc, real_map_sorted);
	tcase_add_test(tc, real_embedded_matches_file);
	tcase_add_test(tc, real_map_too_small);
	suite_add_tcase(s, tc);

	tc = tcase_create("synthetic");
	tcase_add_test(tc, good_font_parses);
	tcase_add_test(tc, truncated_header);
	tcase_add_test(tc, bad_magic_and_version);
	tcase_add_test(tc, bad_headersize);
	tcase_add_test(tc, charsize_mismatch);
	tcase_add_test(tc, glyphs_past_end);
	tcase_add_test(tc, table_runs_off_end);
	tcase_add_test(tc, table_bad_utf8);
	tcase_add_test(tc, zero_glyphs);
	tcase_add_test(tc, absurd_geometry);
	tcase_add_test(tc, combining_sequences_skipped);
	tcase_add_test(tc, no_table_identity);
	tcase_add_test(tc, duplicates_first_wins);
	suite_add_tcase(s, tc);
	return s;
}
