/*
 * strlcat: append src to the string in a buffer of size bytes, truncating
 * but always terminating (OpenBSD). Returns the length it tried to create:
 * strnlen(dst, size) + strlen(src); a result >= size means truncation.
 */
#include <string.h>

size_t strlcat(char *restrict dst, const char *restrict src, size_t size)
{
	size_t dlen = strnlen(dst, size);
	size_t slen = strlen(src);
	size_t n;

	if (dlen == size)
		return size + slen;
	n = slen < size - dlen - 1 ? slen : size - dlen - 1;
	memcpy(dst + dlen, src, n);
	dst[dlen + n] = '\0';
	return dlen + slen;
}
