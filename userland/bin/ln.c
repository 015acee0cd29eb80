/*
 * ln: make hard links, or symbolic links with -s: "ln TARGET LINK",
 * "ln TARGET" (a link of the same name here), "ln TARGET... DIRECTORY".
 * -f replaces an existing LINK; -n treats a LINK that is a symbolic link
 * to a directory as a file (so -fn replaces it).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "msg.h"
#include "targetdir.h"

static const char usage[] = "[-sfn] TARGET [LINK] | ln [-sfn] TARGET... DIRECTORY\n"
			    "Make LINK a hard link to TARGET, or with -s a symbolic link.";

static int symbolic, force, no_deref;

static int link_error(const char *target, const char *dest)
{
	const char *kind = symbolic ? "symbolic" : "hard";

	if (errno == EEXIST)
		msg_warn("failed to create %s link '%s'", kind, dest);
	else
		msg_warn("failed to create %s link '%s' %s '%s'", kind, dest,
			 symbolic ? "->" : "=>", target);
	return 1;
}

static int make_link(const char *target, const char *dest)
{
	struct stat st;

	if (!symbolic && lstat(target, &st) < 0) {
		msg_warn("failed to access '%s'", target);
		return 1;
	}
	if (force && lstat(dest, &st) == 0) {
		if (S_ISDIR(st.st_mode)) {
			msg_warnx("'%s': cannot overwrite directory", dest);
			return 1;
		}
		if (unlink(dest) < 0) {
			msg_warn("cannot remove '%s'", dest);
			return 1;
		}
	}
	if ((symbolic ? symlink(target, dest) : link(target, dest)) < 0)
		return link_error(target, dest);
	return 0;
}

/* coreutils' long names of ln's options. */
static const struct cli_option longopts[] = {
	{ "force", CLI_NO_ARG, 'f' },
	{ "no-dereference", CLI_NO_ARG, 'n' },
	{ "symbolic", CLI_NO_ARG, 's' },
	{ NULL, CLI_NO_ARG, 0 },
};

int main(int argc, char **argv)
{
	int c, n;

	cli_init(argv[0], usage, 1);
	while ((c = cli_getopt_long(argc, argv, "sfn", longopts)) != -1) {
		if (c == 's')
			symbolic = 1;
		else if (c == 'f')
			force = 1;
		else if (c == 'n')
			no_deref = 1;
	}
	n = argc - optind;
	if (n == 0)
		cli_usage_error("missing file operand");
	if (n == 1) {
		/* "ln TARGET": a link of the same name in the working directory. */
		char *ops[2] = { argv[optind], "." };

		return target_each(ops, 2, 0, make_link);
	}
	return target_each(argv + optind, n, no_deref, make_link);
}
