/*
 * ln: make hard links, or symbolic links with -s: "ln TARGET LINK",
 * "ln TARGET" (a link of the same name here), "ln TARGET... DIRECTORY".
 * -f replaces an existing LINK; -n treats a LINK that is a symbolic link
 * to a directory as a file (so -fn replaces it).
 */
#include <errno.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "helpopt.h"
#include "msg.h"

static const char usage[] = "usage: ln [-sfn] TARGET [LINK] | ln [-sfn] TARGET... DIRECTORY\n"
			    "Make LINK a hard link to TARGET, or with -s a symbolic link.\n";

static int symbolic, force, no_deref;

/* The last component of a path, as a new string. */
static char *base_of(const char *path)
{
	char *copy = strdup(path), *b, *r;

	if (!copy)
		msg_die(1, "out of memory");
	b = basename(copy);
	r = strdup(b);
	free(copy);
	if (!r)
		msg_die(1, "out of memory");
	return r;
}

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

static int into_dir(const char *target, const char *dir)
{
	char *base = base_of(target);
	size_t len = strlen(dir) + strlen(base) + 2;
	char *dest = malloc(len);
	int r;

	if (!dest)
		msg_die(1, "out of memory");
	snprintf(dest, len, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/", base);
	r = make_link(target, dest);
	free(dest);
	free(base);
	return r;
}

/* The last operand names a directory to put the links in. */
static int is_dir_dest(const char *path)
{
	struct stat st;

	if (no_deref && lstat(path, &st) == 0 && S_ISLNK(st.st_mode))
		return 0;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

int main(int argc, char **argv)
{
	int c, n, status = 0;
	const char *last;

	msg_init(argv[0]);
	helpopt_check(argc, argv, usage);
	while ((c = getopt(argc, argv, "sfn")) != -1) {
		if (c == 's')
			symbolic = 1;
		else if (c == 'f')
			force = 1;
		else if (c == 'n')
			no_deref = 1;
		else
			helpopt_fail(usage, 1);
	}
	n = argc - optind;
	if (n == 0) {
		msg_warnx("missing file operand");
		helpopt_fail(usage, 1);
	}
	if (n == 1)
		return into_dir(argv[optind], ".");
	last = argv[argc - 1];
	if (!is_dir_dest(last)) {
		if (n > 2 && access(last, F_OK) < 0)
			msg_die(1, "target '%s'", last);
		if (n > 2)
			msg_diex(1, "target '%s' is not a directory", last);
		return make_link(argv[optind], last);
	}
	for (int i = optind; i < argc - 1; i++)
		status |= into_dir(argv[i], last);
	return status;
}
