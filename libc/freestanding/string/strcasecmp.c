/*
 * strcasecmp: strcmp that ignores the case of ASCII letters (C locale).
 */
#include <ctype.h>
#include <string.h>

int strcasecmp(const char *a, const char *b)
{
	const unsigned char *x = (const unsigned char *)a;
	const unsigned char *y = (const unsigned char *)b;
	int d;

	for (;; x++, y++) {
		d = tolower(*x) - tolower(*y);
		if (d || !*x)
			return d;
	}
}
