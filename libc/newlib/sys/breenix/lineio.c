/* getline(3) and getdelim(3): POSIX's names for newlib's __getline and __getdelim. */
#include <stdio.h>

ssize_t getdelim(char **lineptr, size_t *n, int delim, FILE *f)
{
	return __getdelim(lineptr, n, delim, f);
}

ssize_t getline(char **lineptr, size_t *n, FILE *f)
{
	return __getdelim(lineptr, n, '\n', f);
}
