/*
 * rm: remove files; -r directories with everything in them, -d empty
 * directories, -f without complaint about what is missing, -i asking
 * first. As coreutils, rm never removes "/" recursively, nor "." or "..".
 */
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "msg.h"
#include "rmtree.h"

static const char usage[] = "[-dfirR] FILE...\n"
			    "Remove FILEs; -r directories and their contents, -d empty directories,\n"
			    "-f ignore missing files and never ask, -i ask before each removal.";

/* The last component is "." or ".." ("a/..", "./", "."). */
static int ends_in_dots(const char *path)
{
	size_t n = strlen(path);
	const char *b;

	while (n > 1 && path[n - 1] == '/')
		n--;
	b = path + n;
	while (b > path && b[-1] != '/')
		b--;
	return (path + n - b == 1 && b[0] == '.') ||
	       (path + n - b == 2 && b[0] == '.' && b[1] == '.');
}

static int is_root(const char *path)
{
	struct stat a, b;

	return lstat(path, &a) == 0 && lstat("/", &b) == 0 && a.st_dev == b.st_dev &&
	       a.st_ino == b.st_ino;
}

static int remove_operand(const char *path, const struct rmtree_opts *o)
{
	if (ends_in_dots(path)) {
		msg_warnx("refusing to remove '.' or '..' directory: skipping '%s'", path);
		return 1;
	}
	if (o->recursive && is_root(path)) {
		msg_warnx("it is dangerous to operate recursively on '%s'", path);
		msg_warnx("use --no-preserve-root to override this failsafe");
		return 1;
	}
	return rmtree(path, o);
}

int main(int argc, char **argv)
{
	struct rmtree_opts o = { 0 };
	int c, status = 0;

	cli_init(argv[0], usage, 1);
	while ((c = cli_getopt(argc, argv, "dfirR")) != -1) {
		if (c == 'r' || c == 'R') {
			o.recursive = 1;
		} else if (c == 'd') {
			o.empty_dirs = 1;
		} else if (c == 'f') {
			o.force = 1;
			o.interactive = 0;
		} else if (c == 'i') {
			o.interactive = 1;
			o.force = 0;
		}
	}
	if (optind == argc && !o.force)
		cli_usage_error("missing operand");
	for (int i = optind; i < argc; i++)
		status |= remove_operand(argv[i], &o);
	return status;
}
