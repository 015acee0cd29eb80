/*
 * strstr: find the first occurrence of needle in haystack; an empty needle
 * matches at the start.
 */
#include <string.h>

char *strstr(const char *haystack, const char *needle)
{
	size_t n = strlen(needle);

	for (;; haystack++) {
		if (!strncmp(haystack, needle, n))
			return (char *)haystack;
		if (!*haystack)
			return NULL;
	}
}
