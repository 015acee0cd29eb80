/*
 * chmod: change file modes, octal ("755") or symbolic ("u+x,go-w",
 * "a=r", "+X"); -R descends into directories (symbolic links met there
 * are not followed, as coreutils), -f keeps quiet about failures; the
 * long names --recursive, --silent and --quiet.
 * Options are read by hand: "-w" or "-rwx" is a mode, not options.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "direach.h"
#include "mode.h"
#include "msg.h"
#include "pathjoin.h"

static const char usage[] = "[-Rf] MODE FILE...\n"
			    "Change the mode of each FILE to MODE (octal, or symbolic as u+x,go-w).";

static int recursive, quiet;
static mode_t umask_bits;
static const char *mode_arg;

static int change(const char *path, const struct stat *st)
{
	mode_t mode;

	if (mode_parse(mode_arg, st->st_mode, S_ISDIR(st->st_mode), umask_bits, &mode) < 0)
		msg_diex(1, "invalid mode: '%s'", mode_arg);
	if (chmod(path, mode & 07777) < 0) {
		if (!quiet)
			msg_warn("changing permissions of '%s'", path);
		return 1;
	}
	return 0;
}

static int walk(const char *path, int operand);

static int walk_child(const char *child, const char *name, void *arg)
{
	(void)name, (void)arg;
	return walk(child, 0);
}

static int walk_dir(const char *path)
{
	int status = dir_each(path, walk_child, NULL);

	if (status < 0) {
		if (!quiet)
			msg_warn("cannot read directory '%s'", path);
		return 1;
	}
	return status;
}

static int walk(const char *path, int operand)
{
	struct stat st;
	int status;

	if ((operand ? stat(path, &st) : lstat(path, &st)) < 0) {
		if (!quiet)
			msg_warn("cannot access '%s'", path);
		return 1;
	}
	if (S_ISLNK(st.st_mode))
		return 0;
	status = change(path, &st);
	if (recursive && S_ISDIR(st.st_mode))
		status |= walk_dir(path);
	return status;
}

/* coreutils' long names of chmod's options. */
static const struct cli_option longopts[] = {
	{ "silent", CLI_NO_ARG, 'f' },
	{ "quiet", CLI_NO_ARG, 'f' },
	{ "recursive", CLI_NO_ARG, 'R' },
	{ NULL, CLI_NO_ARG, 0 },
};

/*
 * Options until the mode: -R, -f, their long names, or "--"; anything
 * else starting with "-" is the mode.
 */
static int parse_options(int argc, char **argv)
{
	int i, c;

	for (i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (!strcmp(a, "--"))
			return i + 1;
		if (!strncmp(a, "--", 2)) {
			optind = i;
			c = cli_getopt_long(argc, argv, "+", longopts);
			recursive |= c == 'R';
			quiet |= c == 'f';
			continue;
		}
		if (a[0] != '-' || strspn(a + 1, "Rf") != strlen(a + 1) || !a[1])
			break;
		recursive |= strchr(a, 'R') != NULL;
		quiet |= strchr(a, 'f') != NULL;
	}
	return i;
}

int main(int argc, char **argv)
{
	mode_t probe;
	int i, status = 0;

	cli_init(argv[0], usage, 1);
	cli_check_help(argc, argv);
	i = parse_options(argc, argv);
	if (i >= argc)
		cli_usage_error("missing operand");
	mode_arg = argv[i++];
	umask_bits = umask(0);
	umask(umask_bits);
	if (mode_parse(mode_arg, 0, 0, umask_bits, &probe) < 0)
		cli_usage_error("invalid mode: '%s'", mode_arg);
	if (i >= argc)
		cli_usage_error("missing operand after '%s'", mode_arg);
	for (; i < argc; i++)
		status |= walk(argv[i], 1);
	return status;
}
