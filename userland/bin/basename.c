/*
 * basename: the last component of a path name, less a suffix, as POSIX
 * and coreutils: NAME [SUFFIX], or -a / -s SUFFIX for several names;
 * -z ends each with NUL instead of a newline.
 */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

/* Print name's last component, suffix removed unless it is all of it. */
static void print_basename(const char *name, const char *suffix, char end)
{
	size_t len = strlen(name), start;

	while (len > 1 && name[len - 1] == '/')
		len--;
	if (len == 1 && name[0] == '/') {
		printf("/%c", end);
		return;
	}
	start = len;
	while (start > 0 && name[start - 1] != '/')
		start--;
	len -= start;
	if (suffix) {
		size_t sl = strlen(suffix);

		if (sl < len && !memcmp(name + start + len - sl, suffix, sl))
			len -= sl;
	}
	printf("%.*s%c", (int)len, name + start, end);
}

/* coreutils' long names of basename's options. */
static const struct cli_option longopts[] = {
	{ "multiple", CLI_NO_ARG, 'a' },
	{ "suffix", CLI_REQUIRED_ARG, 's' },
	{ "zero", CLI_NO_ARG, 'z' },
	{ NULL, CLI_NO_ARG, 0 },
};

int main(int argc, char **argv)
{
	const char *suffix = NULL;
	bool multiple = false;
	char end = '\n';
	int c;

	cli_init(argv[0], "NAME [SUFFIX] | -a [-z] [-s SUFFIX] NAME...", 1);
	while ((c = cli_getopt_long(argc, argv, "+as:z", longopts)) != -1) {
		if (c == 'a')
			multiple = true;
		else if (c == 's')
			multiple = true, suffix = optarg;
		else
			end = '\0';
	}
	argv += optind;
	argc -= optind;
	if (argc < 1)
		cli_usage_error("missing operand");
	if (!multiple) {
		if (argc > 2)
			cli_usage_error("extra operand '%s'", argv[2]);
		print_basename(argv[0], argc == 2 ? argv[1] : NULL, end);
		cli_exit(0);
	}
	for (int i = 0; i < argc; i++)
		print_basename(argv[i], suffix, end);
	cli_exit(0);
}
