/*
 * memset: fill n bytes with (unsigned char)c, a word at a time once the
 * destination is aligned.
 */
#include <stdint.h>
#include <string.h>

#include "word.h"

void *memset(void *s, int c, size_t n)
{
	unsigned char *d = s;
	unsigned char b = (unsigned char)c;
	word_t pattern = (word_t)b * (word_t)0x0101010101010101ULL;

	for (; n && ((uintptr_t)d & WORD_MASK); n--)
		*d++ = b;
	for (; n >= WORD_SIZE; n -= WORD_SIZE) {
		*(word_t *)d = pattern;
		d += WORD_SIZE;
	}
	while (n--)
		*d++ = b;
	return s;
}
