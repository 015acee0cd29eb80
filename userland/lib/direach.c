/*
 * dir_each: the loop every recursive utility needs, once. readdir's end and
 * its failure look alike but for errno, which is cleared before each call.
 */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>

#include "direach.h"
#include "pathjoin.h"

int dir_each(const char *dir, int (*fn)(const char *child, const char *name, void *arg),
	     void *arg)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	int status = 0, err;

	if (!d)
		return -1;
	while ((errno = 0, de = readdir(d))) {
		char *child;

		if (path_is_dots(de->d_name))
			continue;
		child = path_join(dir, de->d_name);
		status |= fn(child, de->d_name, arg);
		free(child);
	}
	err = errno;
	closedir(d);
	if (err) {
		errno = err;
		return -1;
	}
	return status;
}
