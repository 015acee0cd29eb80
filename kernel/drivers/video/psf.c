/*
 * PSF2 font parsing (format as in kbd's psf.h). Policy code, also built into
 * host tests: fonts are data, so every field is checked against the buffer.
 */
#include <string.h>
#include <breenix/errno.h>
#include <breenix/psf.h>
#include "utf8.h"

#define PSF2_MAGIC		0x864ab572
#define PSF2_HEADER_SIZE	32
#define PSF2_HAS_UNICODE_TABLE	0x01
#define PSF2_SEPARATOR		0xff	/* ends one glyph's entry */
#define PSF2_STARTSEQ		0xfe	/* starts a combining seq. */

typedef void (*psf_visit_fn)(struct psf_font *font, uint32_t cp,
			     uint32_t glyph);

static uint32_t get_le32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	       (uint32_t)p[3] << 24;
}

static int psf_parse_header(struct psf_font *font, const uint8_t *p,
			    size_t len, uint32_t *flags)
{
	uint32_t headersize, n, charsize, h, w;
	uint64_t glyph_end;

	if (len < PSF2_HEADER_SIZE || get_le32(p) != PSF2_MAGIC ||
	    get_le32(p + 4) != 0)
		return -EINVAL;
	headersize = get_le32(p + 8);
	*flags = get_le32(p + 12);
	n = get_le32(p + 16);
	charsize = get_le32(p + 20);
	h = get_le32(p + 24);
	w = get_le32(p + 28);

	if (headersize < PSF2_HEADER_SIZE || headersize > len)
		return -EINVAL;
	if (n == 0 || n > PSF_MAX_GLYPHS || w == 0 || w > PSF_MAX_WIDTH ||
	    h == 0 || h > PSF_MAX_HEIGHT)
		return -EINVAL;
	if (charsize != h * ((w + 7) / 8))
		return -EINVAL;
	glyph_end = (uint64_t)headersize + (uint64_t)n * charsize;
	if (glyph_end > len)
		return -EINVAL;

	font->glyphs = p + headersize;
	font->num_glyphs = n;
	font->charsize = charsize;
	font->width = w;
	font->height = h;
	font->row_bytes = (w + 7) / 8;
	if (*flags & PSF2_HAS_UNICODE_TABLE) {
		font->utab = p + glyph_end;
		font->utab_len = len - glyph_end;
	}
	return 0;
}

/* Skip a glyph's combining sequences; *pos ends just past the separator. */
static int psf_skip_sequences(const struct psf_font *font, size_t *pos)
{
	while (*pos < font->utab_len) {
		if (font->utab[(*pos)++] == PSF2_SEPARATOR)
			return 0;
	}
	return -EINVAL;
}

/*
 * Walk the whole Unicode table, calling visit for each (code point, glyph)
 * pair. A missing separator or bad UTF-8 rejects the font.
 */
static int psf_walk_table(struct psf_font *font, psf_visit_fn visit)
{
	struct utf8_dec dec;
	size_t pos = 0;
	uint32_t glyph = 0, cp;
	uint8_t b;

	utf8_reset(&dec);
	while (glyph < font->num_glyphs) {
		if (pos >= font->utab_len)
			return -EINVAL;
		b = font->utab[pos++];
		if (b == PSF2_SEPARATOR || b == PSF2_STARTSEQ) {
			if (utf8_pending(&dec))
				return -EINVAL;
			if (b == PSF2_STARTSEQ &&
			    psf_skip_sequences(font, &pos))
				return -EINVAL;
			glyph++;
			continue;
		}
		switch (utf8_feed(&dec, b, &cp)) {
		case UTF8_MORE:
			break;
		case UTF8_CHAR:
			visit(font, cp, glyph);
			break;
		default:
			return -EINVAL;
		}
	}
	return 0;
}

/* First pass: code points < 256 go straight in; the rest are counted. */
static void psf_visit_count(struct psf_font *font, uint32_t cp,
			    uint32_t glyph)
{
	if (cp < PSF_LOW_CODEPOINTS) {
		if (font->low[cp] == PSF_NO_GLYPH)
			font->low[cp] = glyph;
		return;
	}
	font->map_needed++;
	if (cp == UTF8_REPLACEMENT && font->replacement == PSF_NO_GLYPH)
		font->replacement = glyph;
}

/* Binary search: the index of cp, or where it would be inserted. */
static uint32_t psf_map_find(const struct psf_font *font, uint32_t cp)
{
	uint32_t lo = 0, hi = font->map_len, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (font->map[mid].codepoint < cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Second pass: sorted insertion; the first glyph listed for a code point
 * wins, as in the first pass. map_needed bounds map_len, so no overflow. */
static void psf_visit_insert(struct psf_font *font, uint32_t cp,
			     uint32_t glyph)
{
	uint32_t i;

	if (cp < PSF_LOW_CODEPOINTS)
		return;
	i = psf_map_find(font, cp);
	if (i < font->map_len && font->map[i].codepoint == cp)
		return;
	memmove(&font->map[i + 1], &font->map[i],
		(font->map_len - i) * sizeof(font->map[0]));
	font->map[i].codepoint = cp;
	font->map[i].glyph = glyph;
	font->map_len++;
}

static void psf_identity_map(struct psf_font *font)
{
	uint32_t c;

	for (c = 0; c < PSF_LOW_CODEPOINTS && c < font->num_glyphs; c++)
		font->low[c] = c;
}

int psf_parse(struct psf_font *font, const void *data, size_t len)
{
	uint32_t flags, c;
	int err;

	memset(font, 0, sizeof(*font));
	for (c = 0; c < PSF_LOW_CODEPOINTS; c++)
		font->low[c] = PSF_NO_GLYPH;
	font->replacement = PSF_NO_GLYPH;

	err = psf_parse_header(font, data, len, &flags);
	if (err)
		return err;
	/* Without a table, a PSF font is indexed by byte value (as Linux). */
	if (font->utab)
		err = psf_walk_table(font, psf_visit_count);
	else
		psf_identity_map(font);
	if (err)
		return err;

	if (font->replacement == PSF_NO_GLYPH)
		font->replacement = font->low['?'];
	if (font->replacement == PSF_NO_GLYPH)
		font->replacement = 0;
	return 0;
}

int psf_build_map(struct psf_font *font, struct psf_map_entry *buf,
		  size_t cap)
{
	if (cap < font->map_needed)
		return -ENOSPC;
	font->map = buf;
	font->map_len = 0;
	if (!font->utab)
		return 0;
	/* psf_parse() already walked this table, so it cannot fail now. */
	return psf_walk_table(font, psf_visit_insert);
}

uint32_t psf_glyph_index(const struct psf_font *font, uint32_t cp)
{
	uint32_t i;

	if (cp < PSF_LOW_CODEPOINTS) {
		if (font->low[cp] != PSF_NO_GLYPH)
			return font->low[cp];
		return font->replacement;
	}
	i = psf_map_find(font, cp);
	if (i < font->map_len && font->map[i].codepoint == cp)
		return font->map[i].glyph;
	return font->replacement;
}

const uint8_t *psf_glyph(const struct psf_font *font, uint32_t index)
{
	if (index >= font->num_glyphs)
		index = font->replacement;
	return font->glyphs + (size_t)index * font->charsize;
}

bool psf_ascii_identity(const struct psf_font *font)
{
	uint32_t c;

	for (c = 0x20; c <= 0x7e; c++) {
		if (font->low[c] != c)
			return false;
	}
	return true;
}
