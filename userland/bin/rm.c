/*
 * rm: remove files; -r directories with everything in them, -d empty
 * directories, -f without complaint about what is missing, -i asking
 * before each, -I once before more than three or a recursive removal, -v
 * naming each. As coreutils, rm never removes "/" recursively, nor "." or
 * "..", and the last of -f, -i and -I wins.
 */
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "msg.h"
#include "prompt.h"
#include "rmtree.h"

static const char usage[] = "[-dfIirRv] FILE...\n"
			    "Remove FILEs; -r directories and their contents, -d empty directories,\n"
			    "-f ignore missing files and never ask, -i ask before each removal,\n"
			    "-I ask once before removing more than three or recursively, -v name each.";

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

/* coreutils' long names of rm's options: --interactive[=WHEN] is -i or -I. */
static const struct cli_option longopts[] = {
	{ "dir", CLI_NO_ARG, 'd' },
	{ "interactive", CLI_OPTIONAL_ARG, CLI_LONG },
	{ "force", CLI_NO_ARG, 'f' },
	{ "recursive", CLI_NO_ARG, 'r' },
	{ "verbose", CLI_NO_ARG, 'v' },
	{ NULL, CLI_NO_ARG, 0 },
};

/* --interactive's WHEN: as -i (always), -I (once), or 0 (never), in coreutils' order. */
static int interactive_when(const char *arg)
{
	static const char *const names[] = { "never", "no", "none", "once", "always", "yes", NULL };
	static const int values[] = { 0, 0, 0, 'I', 'i', 'i' };

	return arg ? cli_choice(arg, "interactive", names, values) : 'i';
}

int main(int argc, char **argv)
{
	struct rmtree_opts o = { 0 };
	int c, status = 0, once = 0, n;

	cli_init(argv[0], usage, 1);
	while ((c = cli_getopt_long(argc, argv, "dfIirRv", longopts)) != -1) {
		if (c == CLI_LONG)
			c = interactive_when(optarg);
		if (c == 'r' || c == 'R') {
			o.recursive = 1;
		} else if (!c) {
			/* never: no prompt, but -f's silence stays as it was */
			o.interactive = once = 0;
		} else if (c == 'd') {
			o.empty_dirs = 1;
		} else if (c == 'v') {
			o.verbose = 1;
		} else {
			o.force = c == 'f';
			o.interactive = c == 'i';
			once = c == 'I';
		}
	}
	n = argc - optind;
	if (!n && !o.force)
		cli_usage_error("missing operand");
	if (once && (o.recursive || n > 3) &&
	    !prompt_yes("remove %d argument%s%s", n, n == 1 ? "" : "s",
			o.recursive ? " recursively" : ""))
		return 0;
	for (int i = optind; i < argc; i++)
		status |= remove_operand(argv[i], &o);
	cli_exit(status);
}
