/*
 * The parser shared by strtol, strtoul, strtoll and strtoull. Each of them
 * only turns the sign and the magnitude into its own type and range.
 */
#ifndef BREENIX_LIBC_STRTOX_H
#define BREENIX_LIBC_STRTOX_H

#include <stdbool.h>

/*
 * Parses [space][+|-][0x]digits in base (0 or 2..36) and returns the
 * magnitude. *neg tells whether a '-' was seen; *overflow is set, and the
 * result is meaningless, when the magnitude exceeds ULLONG_MAX. *endptr (if
 * endptr is not NULL) gets the end of the digits, or nptr when there are none
 * or the base is invalid.
 */
unsigned long long __breenix_strtox(const char *nptr, char **endptr,
				    int base, bool *neg, bool *overflow);

#endif
