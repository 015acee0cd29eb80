/*
 * strtoull: parse an unsigned long long. As C requires, "-n" gives the
 * negation of n in unsigned arithmetic; a magnitude above ULLONG_MAX clamps
 * to ULLONG_MAX (no errno in the kernel, see <stdlib.h>).
 */
#include <limits.h>
#include <stdbool.h>
#include <stdlib.h>

#include "strtox.h"

unsigned long long strtoull(const char *restrict nptr,
			    char **restrict endptr, int base)
{
	bool neg, overflow;
	unsigned long long v = __breenix_strtox(nptr, endptr, base, &neg,
						&overflow);

	if (overflow)
		return ULLONG_MAX;
	return neg ? -v : v;
}
