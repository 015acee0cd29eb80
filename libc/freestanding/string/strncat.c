/*
 * strncat: append at most n bytes of src to dst, then always a NUL.
 */
#include <string.h>

char *strncat(char *restrict dst, const char *restrict src, size_t n)
{
	char *d = dst + strlen(dst);

	for (; n && *src; n--)
		*d++ = *src++;
	*d = '\0';
	return dst;
}
