/*
 * env: run a command in a changed environment, or print the environment,
 * as coreutils: -i (start empty, also "-"), -u NAME (remove), -0 (end
 * printed lines with NUL), NAME=VALUE operands. Exit 125 when env itself
 * fails, 126 when the command cannot run, 127 when it is not found.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "msg.h"
#include "cli.h"

extern char **environ;

/* POSIX: exit statuses of a command that could not be run. */
#define ENV_FAILURE 125
#define ENV_CANNOT_RUN 126
#define ENV_NOT_FOUND 127

static void env_print(char end)
{
	for (char **e = environ; e && *e; e++)
		printf("%s%c", *e, end);
	cli_exit(0);
}

/* coreutils' long names of env's options. */
static const struct cli_option longopts[] = {
	{ "ignore-environment", CLI_NO_ARG, 'i' },
	{ "null", CLI_NO_ARG, '0' },
	{ "unset", CLI_REQUIRED_ARG, 'u' },
	{ NULL, CLI_NO_ARG, 0 },
};

int main(int argc, char **argv)
{
	static char *empty[] = { NULL };
	bool clear = false;
	char end = '\n';
	int c;

	cli_init(argv[0], "[-i0] [-u NAME]... [-] [NAME=VALUE]... [COMMAND [ARG]...]",
		ENV_FAILURE);
	while ((c = cli_getopt_long(argc, argv, "+iu:0", longopts)) != -1) {
		if (c == 'i')
			clear = true;
		else if (c == '0')
			end = '\0';
		else if (unsetenv(optarg) < 0)
			msg_die(ENV_FAILURE, "cannot unset '%s'", optarg);
	}
	if (optind < argc && !strcmp(argv[optind], "-"))
		clear = true, optind++;
	if (clear)
		environ = empty;
	for (; optind < argc && strchr(argv[optind], '='); optind++)
		if (putenv(argv[optind]) < 0)
			msg_die(ENV_FAILURE, "cannot set '%s'", argv[optind]);
	if (optind >= argc)
		env_print(end);
	if (end == '\0')
		cli_usage_error("cannot specify -0 with a command");
	execvp(argv[optind], argv + optind);
	msg_die(errno == ENOENT ? ENV_NOT_FOUND : ENV_CANNOT_RUN, "%s", argv[optind]);
}
