/*
 * pwd: print the working directory. -P (coreutils' default) prints the
 * physical path; -L prints $PWD when it is absolute, free of "." and ".."
 * and names the same directory.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "msg.h"

static const char usage[] = "[-L|-P]\nPrint the name of the working directory.";

static int dot_component(const char *p)
{
	for (; *p; p++) {
		if (p[0] == '/' && p[1] == '.' &&
		    (p[2] == '/' || !p[2] || (p[2] == '.' && (p[3] == '/' || !p[3]))))
			return 1;
	}
	return 0;
}

static const char *logical(void)
{
	const char *pwd = getenv("PWD");
	struct stat a, b;

	if (!pwd || pwd[0] != '/' || dot_component(pwd))
		return NULL;
	if (stat(pwd, &a) < 0 || stat(".", &b) < 0)
		return NULL;
	if (a.st_dev != b.st_dev || a.st_ino != b.st_ino)
		return NULL;
	return pwd;
}

int main(int argc, char **argv)
{
	char buf[PATH_MAX];
	const char *dir = NULL;
	int c, want_logical = 0;

	cli_init(argv[0], usage, 1);
	while ((c = cli_getopt(argc, argv, "LP")) != -1) {
		if (c == 'L')
			want_logical = 1;
		else if (c == 'P')
			want_logical = 0;
	}
	if (optind < argc)
		msg_warnx("ignoring non-option arguments");
	if (want_logical)
		dir = logical();
	if (!dir) {
		dir = getcwd(buf, sizeof(buf));
		if (!dir)
			msg_die(1, "cannot get the working directory");
	}
	puts(dir);
	cli_exit(0);
}
