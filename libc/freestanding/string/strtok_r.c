/*
 * strtok_r: split a string into tokens separated by runs of delim bytes,
 * keeping its position in *saveptr instead of a hidden static (POSIX).
 */
#include <string.h>

char *strtok_r(char *restrict s, const char *restrict delim,
	       char **restrict saveptr)
{
	char *end;

	if (!s)
		s = *saveptr;
	s += strspn(s, delim);
	if (!*s) {
		*saveptr = s;
		return NULL;
	}
	end = s + strcspn(s, delim);
	if (*end)
		*end++ = '\0';
	*saveptr = end;
	return s;
}
