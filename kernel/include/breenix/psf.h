/*
 * PC Screen Font version 2 (PSF2): the console font format of Linux's kbd.
 * The parser checks every offset against the buffer it is given and needs no
 * heap: the code point map lives in the font struct and in caller storage.
 */
#ifndef BREENIX_PSF_H
#define BREENIX_PSF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Limits well above any console font; they keep all arithmetic in range. */
#define PSF_MAX_GLYPHS	65536
#define PSF_MAX_WIDTH	64
#define PSF_MAX_HEIGHT	128

#define PSF_NO_GLYPH	UINT32_MAX
#define PSF_LOW_CODEPOINTS 256

/* One code point >= PSF_LOW_CODEPOINTS and the glyph that draws it. */
struct psf_map_entry {
	uint32_t codepoint;
	uint32_t glyph;
};

struct psf_font {
	const uint8_t *glyphs;	/* num_glyphs * charsize bytes */
	uint32_t num_glyphs;
	uint32_t charsize;	/* bytes per glyph */
	uint32_t width, height;	/* pixels */
	uint32_t row_bytes;	/* bytes per glyph row, MSB leftmost */

	/* The Unicode table (NULL if none), to the end of the buffer. */
	const uint8_t *utab;
	size_t utab_len;

	uint32_t low[PSF_LOW_CODEPOINTS];	/* glyph or PSF_NO_GLYPH */
	uint32_t map_needed;	/* entries psf_build_map() may need */
	/* Code points >= 256, sorted, without duplicates. */
	struct psf_map_entry *map;
	uint32_t map_len;
	uint32_t replacement;	/* U+FFFD's glyph, else '?', else 0 */
};

/*
 * Validate the font in data[0..len) and fill *font. The font keeps pointers
 * into data. Code points below 256 work at once; call psf_build_map() for
 * the rest. Returns 0 or -EINVAL.
 */
int psf_parse(struct psf_font *font, const void *data, size_t len);

/*
 * Build the map for code points >= 256 in buf, which must hold at least
 * font->map_needed entries. Returns 0 or -ENOSPC.
 */
int psf_build_map(struct psf_font *font, struct psf_map_entry *buf,
		  size_t cap);

/* The glyph to draw for a code point: always a valid index. */
uint32_t psf_glyph_index(const struct psf_font *font, uint32_t cp);

/* The bitmap of glyph index (out-of-range indices give the replacement). */
const uint8_t *psf_glyph(const struct psf_font *font, uint32_t index);

/*
 * True if printable ASCII (0x20-0x7E) maps to the glyph with the same index:
 * the boot stub's 32-bit error path relies on it to draw without the table.
 */
bool psf_ascii_identity(const struct psf_font *font);

/* The console font linked into the kernel image (drivers/video/font.S). */
extern const uint8_t font_psf2_start[];
extern const uint8_t font_psf2_end[];

#endif
