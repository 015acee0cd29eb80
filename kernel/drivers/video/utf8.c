/*
 * Streaming UTF-8 decoding with the checks RFC 3629 asks for: overlong forms,
 * surrogates and values above U+10FFFF are errors, never code points.
 */
#include "utf8.h"

static enum utf8_result utf8_start(struct utf8_dec *d, uint32_t bits,
				   uint8_t need, uint32_t min)
{
	d->cp = bits;
	d->need = need;
	d->min = min;
	return UTF8_MORE;
}

static bool utf8_valid(uint32_t cp, uint32_t min)
{
	return cp >= min && cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff);
}

enum utf8_result utf8_feed(struct utf8_dec *d, uint8_t b, uint32_t *cp)
{
	*cp = UTF8_REPLACEMENT;
	if (d->need) {
		/* A non-continuation byte ends the broken sequence and may
		 * itself start something valid, so the caller retries it. */
		if ((b & 0xc0) != 0x80) {
			utf8_reset(d);
			return UTF8_BAD_AGAIN;
		}
		d->cp = d->cp << 6 | (b & 0x3f);
		if (--d->need)
			return UTF8_MORE;
		if (!utf8_valid(d->cp, d->min))
			return UTF8_BAD;
		*cp = d->cp;
		return UTF8_CHAR;
	}
	if (b < 0x80) {
		*cp = b;
		return UTF8_CHAR;
	}
	/* 0xc0 and 0xc1 could only start overlong two-byte forms. */
	if (b >= 0xc2 && b <= 0xdf)
		return utf8_start(d, b & 0x1f, 1, 0x80);
	if ((b & 0xf0) == 0xe0)
		return utf8_start(d, b & 0x0f, 2, 0x800);
	if (b >= 0xf0 && b <= 0xf4)
		return utf8_start(d, b & 0x07, 3, 0x10000);
	return UTF8_BAD;
}
