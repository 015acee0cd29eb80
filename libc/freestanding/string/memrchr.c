/*
 * memrchr: find the last byte equal to (unsigned char)c among the first n
 * bytes of s (a GNU extension).
 */
#include <string.h>

void *memrchr(const void *s, int c, size_t n)
{
	const unsigned char *p = (const unsigned char *)s + n;
	unsigned char b = (unsigned char)c;

	while (n--) {
		if (*--p == b)
			return (void *)p;
	}
	return NULL;
}
