/*
 * dirname: each path name less its last component, as POSIX and
 * coreutils ("." when there is no slash, "/" for the root); -z ends each
 * with NUL instead of a newline.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

static size_t strip_slashes(const char *name, size_t len)
{
	while (len > 1 && name[len - 1] == '/')
		len--;
	return len;
}

static void print_dirname(const char *name, char end)
{
	size_t len = strip_slashes(name, strlen(name));

	while (len > 0 && name[len - 1] != '/')
		len--;
	if (!len) {
		printf(".%c", end);
		return;
	}
	len = strip_slashes(name, len);
	printf("%.*s%c", (int)len, name, end);
}

/* coreutils' long names of dirname's options. */
static const struct cli_option longopts[] = {
	{ "zero", CLI_NO_ARG, 'z' },
	{ NULL, CLI_NO_ARG, 0 },
};

int main(int argc, char **argv)
{
	char end = '\n';
	int c;

	cli_init(argv[0], "[-z] NAME...", 1);
	while ((c = cli_getopt_long(argc, argv, "+z", longopts)) != -1)
		end = '\0';
	if (optind >= argc)
		cli_usage_error("missing operand");
	for (int i = optind; i < argc; i++)
		print_dirname(argv[i], end);
	cli_exit(0);
}
