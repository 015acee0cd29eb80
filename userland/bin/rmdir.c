/*
 * rmdir: remove empty directories; -p also removes each parent named in
 * the operand once it has become empty ("rmdir -p a/b/c" is three rmdirs).
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "msg.h"

static const char usage[] = "[-p] DIRECTORY...\n"
			    "Remove the DIRECTORY(ies), if they are empty; -p also their parents.";

/* Cuts path at its last component: "a/b//c/" becomes "a/b"; 0 if none is left. */
static int strip_last(char *path)
{
	char *p = path + strlen(path);

	while (p > path && p[-1] == '/')
		p--;
	while (p > path && p[-1] != '/')
		p--;
	while (p > path && p[-1] == '/')
		p--;
	*p = '\0';
	return p > path;
}

static int remove_dir(char *path, int parents)
{
	do {
		if (rmdir(path) < 0) {
			msg_warn("failed to remove '%s'", path);
			return 1;
		}
	} while (parents && strip_last(path));
	return 0;
}

/* coreutils' long names of rmdir's options. */
static const struct cli_option longopts[] = {
	{ "parents", CLI_NO_ARG, 'p' },
	{ NULL, CLI_NO_ARG, 0 },
};

int main(int argc, char **argv)
{
	int c, parents = 0, status = 0;

	cli_init(argv[0], usage, 1);
	while ((c = cli_getopt_long(argc, argv, "p", longopts)) != -1) {
		parents = 1;
	}
	if (optind == argc)
		cli_usage_error("missing operand");
	for (int i = optind; i < argc; i++)
		status |= remove_dir(argv[i], parents);
	return status;
}
