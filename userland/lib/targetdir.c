/*
 * Sources into a destination (see targetdir.h).
 */
#include <stdlib.h>
#include <sys/stat.h>

#include "msg.h"
#include "pathjoin.h"
#include "targetdir.h"

static int is_dir_dest(const char *path, int no_deref)
{
	struct stat st;

	if (no_deref && lstat(path, &st) == 0 && S_ISLNK(st.st_mode))
		return 0;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

int target_each(char **ops, int n, int no_deref, target_fn fn)
{
	const char *last = ops[n - 1];
	struct stat st;
	int status = 0;

	if (!is_dir_dest(last, no_deref)) {
		if (n == 2)
			return fn(ops[0], last);
		if (stat(last, &st) < 0)
			msg_die(1, "target '%s'", last);
		msg_diex(1, "target '%s' is not a directory", last);
	}
	for (int i = 0; i < n - 1; i++) {
		char *base = path_base(ops[i]);
		char *dst = path_join(last, base);

		status |= fn(ops[i], dst);
		free(dst);
		free(base);
	}
	return status;
}
