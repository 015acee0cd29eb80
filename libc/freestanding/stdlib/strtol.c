/*
 * strtol: parse a long; out-of-range input clamps to LONG_MIN or LONG_MAX
 * (no errno in the kernel, see <stdlib.h>).
 */
#include <limits.h>
#include <stdbool.h>
#include <stdlib.h>

#include "strtox.h"

long strtol(const char *restrict nptr, char **restrict endptr, int base)
{
	bool neg, overflow;
	unsigned long long v = __breenix_strtox(nptr, endptr, base, &neg,
						&overflow);

	if (neg) {
		if (overflow || v > (unsigned long long)LONG_MAX + 1)
			return LONG_MIN;
		return v ? -(long)(v - 1) - 1 : 0;
	}
	if (overflow || v > LONG_MAX)
		return LONG_MAX;
	return (long)v;
}
