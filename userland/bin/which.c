/*
 * which: the path of each command the shell would run from PATH, as
 * Debian's which: -a prints every match, not only the first; a name with a
 * slash is checked as it is. Exit 0 if all were found, 1 if not, 2 on a
 * usage error.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "msg.h"
#include "cli.h"

static bool is_executable(const char *path)
{
	struct stat st;

	return !stat(path, &st) && S_ISREG(st.st_mode) && !access(path, X_OK);
}

/* Print the matches of name in PATH (every one with all); true if any. */
static bool which_one(const char *name, const char *path, bool all)
{
	size_t nlen = strlen(name);
	bool found = false;
	const char *dir = path;

	if (strchr(name, '/')) {
		if (!is_executable(name))
			return false;
		puts(name);
		return true;
	}
	for (;;) {
		size_t dlen = strcspn(dir, ":");
		/* An empty PATH entry is the current directory. */
		char *full = malloc(dlen + nlen + 3);

		if (!full)
			msg_die(1, "out of memory");
		if (dlen)
			sprintf(full, "%.*s/%s", (int)dlen, dir, name);
		else
			sprintf(full, "./%s", name);
		if (is_executable(full)) {
			puts(full);
			found = true;
		}
		free(full);
		if ((found && !all) || !dir[dlen])
			return found;
		dir += dlen + 1;
	}
}

int main(int argc, char **argv)
{
	const char *path = getenv("PATH");
	bool all = false, missing = false;
	int c;

	cli_init(argv[0], "[-a] NAME...", 2);
	while ((c = cli_getopt(argc, argv, "+a")) != -1)
		all = true;
	if (optind >= argc)
		cli_usage_error("missing operand");
	if (!path)
		path = "/bin:/usr/bin";
	for (int i = optind; i < argc; i++)
		if (!which_one(argv[i], path, all))
			missing = true;
	cli_exit(missing);
}
