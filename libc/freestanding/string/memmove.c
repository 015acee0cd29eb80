/*
 * memmove: copy n bytes between buffers that may overlap, forwards when the
 * destination is below the source and backwards otherwise.
 */
#include <stdint.h>
#include <string.h>

#include "word.h"

void *memmove(void *dst, const void *src, size_t n)
{
	unsigned char *d = dst;
	const unsigned char *s = src;
	/*
	 * Words only when the pointers share alignment: then they lie a whole
	 * number of words apart, so no word read overlaps a word written.
	 */
	int words = (((uintptr_t)d ^ (uintptr_t)s) & WORD_MASK) == 0;

	if ((uintptr_t)d < (uintptr_t)s) {
		if (words) {
			for (; n && ((uintptr_t)d & WORD_MASK); n--)
				*d++ = *s++;
			for (; n >= WORD_SIZE; n -= WORD_SIZE) {
				*(word_t *)d = *(const word_t *)s;
				d += WORD_SIZE;
				s += WORD_SIZE;
			}
		}
		while (n--)
			*d++ = *s++;
	} else if ((uintptr_t)d > (uintptr_t)s) {
		d += n;
		s += n;
		if (words) {
			for (; n && ((uintptr_t)d & WORD_MASK); n--)
				*--d = *--s;
			for (; n >= WORD_SIZE; n -= WORD_SIZE) {
				d -= WORD_SIZE;
				s -= WORD_SIZE;
				*(word_t *)d = *(const word_t *)s;
			}
		}
		while (n--)
			*--d = *--s;
	}
	return dst;
}
