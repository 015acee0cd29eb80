/*
 * strtoll: parse a long long; out-of-range input clamps to LLONG_MIN or
 * LLONG_MAX (no errno in the kernel, see <stdlib.h>).
 */
#include <limits.h>
#include <stdbool.h>
#include <stdlib.h>

#include "strtox.h"

long long strtoll(const char *restrict nptr, char **restrict endptr,
		  int base)
{
	bool neg, overflow;
	unsigned long long v = __breenix_strtox(nptr, endptr, base, &neg,
						&overflow);

	if (neg) {
		if (overflow || v > (unsigned long long)LLONG_MAX + 1)
			return LLONG_MIN;
		return v ? -(long long)(v - 1) - 1 : 0;
	}
	if (overflow || v > LLONG_MAX)
		return LLONG_MAX;
	return (long long)v;
}
