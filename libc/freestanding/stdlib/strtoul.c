/*
 * strtoul: parse an unsigned long. As C requires, "-n" gives the negation
 * of n in unsigned arithmetic; a magnitude above ULONG_MAX clamps to
 * ULONG_MAX (no errno in the kernel, see <stdlib.h>).
 */
#include <limits.h>
#include <stdbool.h>
#include <stdlib.h>

#include "strtox.h"

unsigned long strtoul(const char *restrict nptr, char **restrict endptr,
		      int base)
{
	bool neg, overflow;
	unsigned long long v = __breenix_strtox(nptr, endptr, base, &neg,
						&overflow);

	if (overflow || v > ULONG_MAX)
		return ULONG_MAX;
	return neg ? -(unsigned long)v : (unsigned long)v;
}
