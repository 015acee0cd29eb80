/*
 * mkdir: make directories. -p makes missing parents and accepts ones that
 * exist; -m sets the new directories' mode (parents get u+wx, as POSIX).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "mode.h"
#include "msg.h"

static const char usage[] = "[-p] [-m MODE] DIRECTORY...\n"
			    "Create the DIRECTORY(ies); -p also parents, and is quiet if they exist.";

static int make_one(const char *path, mode_t mode, int exact)
{
	if (mkdir(path, mode) < 0)
		return -1;
	/* The umask applied to mkdir(2); -m names the whole mode. */
	if (exact && chmod(path, mode) < 0)
		return -1;
	return 0;
}

/* Whether path is a directory; if something else is there, errno says so. */
static int is_dir(const char *path)
{
	struct stat st;

	if (stat(path, &st) < 0)
		return 0;
	if (!S_ISDIR(st.st_mode)) {
		errno = ENOTDIR;
		return 0;
	}
	return 1;
}

/* -p: each missing prefix of path, then path itself. */
static int make_parents(char *path, mode_t mode, int exact, mode_t umask_bits)
{
	mode_t parent_mode = (0777 & ~umask_bits) | S_IWUSR | S_IXUSR;
	for (char *p = path + 1; *p; p++) {
		if (*p != '/' || p[-1] == '/')
			continue;
		*p = '\0';
		if (mkdir(path, parent_mode) < 0 && (errno != EEXIST || !is_dir(path))) {
			msg_warn("cannot create directory '%s'", path);
			*p = '/';
			return 1;
		}
		*p = '/';
	}
	if (make_one(path, mode, exact) == 0)
		return 0;
	if (errno == EEXIST && is_dir(path))
		return 0;
	msg_warn("cannot create directory '%s'", path);
	return 1;
}

/* coreutils' long names of mkdir's options. */
static const struct cli_option longopts[] = {
	{ "mode", CLI_REQUIRED_ARG, 'm' },
	{ "parents", CLI_NO_ARG, 'p' },
	{ NULL, CLI_NO_ARG, 0 },
};

int main(int argc, char **argv)
{
	const char *mode_arg = NULL;
	mode_t umask_bits, mode;
	int c, parents = 0, status = 0;

	cli_init(argv[0], usage, 1);
	while ((c = cli_getopt_long(argc, argv, "pm:", longopts)) != -1) {
		if (c == 'p')
			parents = 1;
		else if (c == 'm')
			mode_arg = optarg;
	}
	if (optind == argc)
		cli_usage_error("missing operand");
	umask_bits = umask(0);
	umask(umask_bits);
	mode = 0777 & ~umask_bits;
	if (mode_arg && mode_parse(mode_arg, 0777, 1, umask_bits, &mode) < 0)
		msg_diex(1, "invalid mode '%s'", mode_arg);
	mode &= 07777;
	for (int i = optind; i < argc; i++) {
		if (parents) {
			status |= make_parents(argv[i], mode, mode_arg != NULL, umask_bits);
		} else if (make_one(argv[i], mode, mode_arg != NULL) < 0) {
			msg_warn("cannot create directory '%s'", argv[i]);
			status = 1;
		}
	}
	return status;
}
