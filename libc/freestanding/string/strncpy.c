/*
 * strncpy: copy at most n bytes of src and fill the rest of the n bytes with
 * NULs; dst is not terminated when src is n bytes or longer.
 */
#include <string.h>

char *strncpy(char *restrict dst, const char *restrict src, size_t n)
{
	char *d = dst;

	for (; n && *src; n--)
		*d++ = *src++;
	for (; n; n--)
		*d++ = '\0';
	return dst;
}
