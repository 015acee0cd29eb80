/*
 * memcmp: compare n bytes as unsigned char; the sign of the result orders
 * the first differing byte.
 */
#include <string.h>

int memcmp(const void *a, const void *b, size_t n)
{
	const unsigned char *x = a;
	const unsigned char *y = b;

	for (; n; n--, x++, y++) {
		if (*x != *y)
			return *x - *y;
	}
	return 0;
}
