/*
 * strncasecmp: strcasecmp over at most n bytes.
 */
#include <ctype.h>
#include <string.h>

int strncasecmp(const char *a, const char *b, size_t n)
{
	const unsigned char *x = (const unsigned char *)a;
	const unsigned char *y = (const unsigned char *)b;
	int d;

	for (; n; n--, x++, y++) {
		d = tolower(*x) - tolower(*y);
		if (d || !*x)
			return d;
	}
	return 0;
}
