/*
 * A byte-at-a-time UTF-8 decoder, shared by the PSF2 Unicode table parser and
 * the console: console writes may split a character across calls.
 */
#ifndef DRIVERS_VIDEO_UTF8_H
#define DRIVERS_VIDEO_UTF8_H

#include <stdbool.h>
#include <stdint.h>

#define UTF8_REPLACEMENT 0xfffd

struct utf8_dec {
	uint32_t cp;		/* bits gathered so far */
	uint32_t min;		/* smallest value the length may encode */
	uint8_t need;		/* continuation bytes still to come */
};

enum utf8_result {
	UTF8_MORE,		/* inside a sequence: nothing to emit */
	UTF8_CHAR,		/* *cp is a code point */
	UTF8_BAD,		/* *cp = U+FFFD, the byte was used up */
	UTF8_BAD_AGAIN,		/* *cp = U+FFFD, feed this byte again */
};

static inline void utf8_reset(struct utf8_dec *d)
{
	d->cp = 0;
	d->min = 0;
	d->need = 0;
}

static inline bool utf8_pending(const struct utf8_dec *d)
{
	return d->need != 0;
}

enum utf8_result utf8_feed(struct utf8_dec *d, uint8_t b, uint32_t *cp);

#endif
