/*
 * Joining a directory and a name in it (see pathjoin.h).
 */
#include <stdlib.h>
#include <string.h>

#include "msg.h"
#include "pathjoin.h"

char *path_join(const char *dir, const char *name)
{
	size_t dl = strlen(dir), nl = strlen(name);
	int slash = !(dl && dir[dl - 1] == '/');
	char *p = malloc(dl + (size_t)slash + nl + 1);

	if (!p)
		msg_diex(1, "out of memory");
	memcpy(p, dir, dl);
	if (slash)
		p[dl] = '/';
	memcpy(p + dl + slash, name, nl + 1);
	return p;
}

char *path_base(const char *path)
{
	size_t end = strlen(path), start;
	char *p;

	while (end > 1 && path[end - 1] == '/')
		end--;
	start = end;
	while (start > 0 && path[start - 1] != '/')
		start--;
	if (start == end)
		start = end - (end > 0);
	p = malloc(end - start + 1);
	if (!p)
		msg_diex(1, "out of memory");
	memcpy(p, path + start, end - start);
	p[end - start] = '\0';
	return p;
}

int path_is_dots(const char *name)
{
	return name[0] == '.' && (!name[1] || (name[1] == '.' && !name[2]));
}
