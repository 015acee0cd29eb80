/*
 * strcat: append src, with its NUL, to the end of dst.
 */
#include <string.h>

char *strcat(char *restrict dst, const char *restrict src)
{
	strcpy(dst + strlen(dst), src);
	return dst;
}
