/*
 * strlcpy: copy src into a buffer of size bytes, truncating but always
 * terminating when size > 0 (OpenBSD). Returns strlen(src), so a result
 * >= size means the copy was truncated.
 */
#include <string.h>

size_t strlcpy(char *restrict dst, const char *restrict src, size_t size)
{
	size_t len = strlen(src);
	size_t n;

	if (size) {
		n = len < size - 1 ? len : size - 1;
		memcpy(dst, src, n);
		dst[n] = '\0';
	}
	return len;
}
