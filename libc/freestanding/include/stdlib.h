/*
 * <stdlib.h> for the kernel: number parsing, sorting and searching, abs.
 */
#ifndef BREENIX_LIBC_STDLIB_H
#define BREENIX_LIBC_STDLIB_H

#include <stddef.h>

/*
 * The strto* functions never touch errno (the kernel has none). On overflow
 * they clamp as C11 7.22.1.4 says: strtol to LONG_MIN or LONG_MAX, strtoll to
 * LLONG_MIN or LLONG_MAX, strtoul to ULONG_MAX and strtoull to ULLONG_MAX.
 * A caller that must tell a clamped result from a genuine one checks for the
 * clamp value. Without digits they return 0 and set *endptr to nptr; an
 * invalid base (1, negative, above 36) does the same. "0x" is a prefix only
 * when a hex digit follows it, as in glibc; "0b" is never a prefix.
 */
long strtol(const char *restrict nptr, char **restrict endptr, int base);
unsigned long strtoul(const char *restrict nptr, char **restrict endptr,
		      int base);
long long strtoll(const char *restrict nptr, char **restrict endptr,
		  int base);
unsigned long long strtoull(const char *restrict nptr,
			    char **restrict endptr, int base);

void qsort(void *base, size_t nmemb, size_t size,
	   int (*compar)(const void *, const void *));
void *bsearch(const void *key, const void *base, size_t nmemb, size_t size,
	      int (*compar)(const void *, const void *));

int abs(int j);
long labs(long j);
long long llabs(long long j);

#endif
