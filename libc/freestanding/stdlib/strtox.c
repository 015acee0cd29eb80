/*
 * __breenix_strtox: the parser behind the strto* family (see strtox.h). It
 * follows glibc: "0x" counts as a prefix only when a hex digit follows it.
 */
#include <ctype.h>
#include <limits.h>
#include <stdbool.h>
#include <stddef.h>

#include "strtox.h"

/* The value of c as a digit in bases up to 36, or 36 when it is none. */
static unsigned int digit_value(unsigned char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'Z')
		return c - 'A' + 10;
	return 36;
}

unsigned long long __breenix_strtox(const char *nptr, char **endptr,
				    int base, bool *neg, bool *overflow)
{
	const unsigned char *s = (const unsigned char *)nptr;
	unsigned long long v = 0;
	unsigned int d;
	bool any = false;

	*neg = false;
	*overflow = false;
	if (base < 0 || base == 1 || base > 36) {
		if (endptr)
			*endptr = (char *)nptr;
		return 0;
	}
	while (isspace(*s))
		s++;
	if (*s == '-' || *s == '+')
		*neg = *s++ == '-';
	if ((base == 0 || base == 16) && s[0] == '0' &&
	    (s[1] == 'x' || s[1] == 'X') && digit_value(s[2]) < 16) {
		s += 2;
		base = 16;
	} else if (base == 0) {
		base = s[0] == '0' ? 8 : 10;
	}
	for (; (d = digit_value(*s)) < (unsigned int)base; s++) {
		any = true;
		if (v > (ULLONG_MAX - d) / (unsigned int)base)
			*overflow = true;
		else
			v = v * (unsigned int)base + d;
	}
	if (endptr)
		*endptr = (char *)(any ? (const char *)s : nptr);
	return v;
}
