/*
 * strsep: cut the next field from *stringp at the first delim byte (BSD).
 * Unlike strtok_r, adjacent delimiters give empty fields.
 */
#include <string.h>

char *strsep(char **restrict stringp, const char *restrict delim)
{
	char *s = *stringp;
	char *end;

	if (!s)
		return NULL;
	end = s + strcspn(s, delim);
	if (*end) {
		*end = '\0';
		*stringp = end + 1;
	} else {
		*stringp = NULL;
	}
	return s;
}
