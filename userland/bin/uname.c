/*
 * uname: print system information from uname(2), as coreutils: -s (the
 * default), -n, -r, -v, -m, -o, or -a for all of them in that order
 * (-p and -i are unknown here, so -a leaves them out as coreutils does).
 */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/utsname.h>
#include <unistd.h>

#include "msg.h"
#include "cli.h"

enum {
	F_S = 1, F_N = 2, F_R = 4, F_V = 8, F_M = 16, F_P = 32, F_I = 64, F_O = 128,
	F_ALL = F_S | F_N | F_R | F_V | F_M | F_O,
};

static void field(const char *s, bool *first)
{
	if (!*first)
		putchar(' ');
	fputs(s, stdout);
	*first = false;
}

/* coreutils' long names of uname's options. */
static const struct cli_option longopts[] = {
	{ "all", CLI_NO_ARG, 'a' },
	{ "kernel-name", CLI_NO_ARG, 's' },
	{ "nodename", CLI_NO_ARG, 'n' },
	{ "kernel-release", CLI_NO_ARG, 'r' },
	{ "kernel-version", CLI_NO_ARG, 'v' },
	{ "machine", CLI_NO_ARG, 'm' },
	{ "processor", CLI_NO_ARG, 'p' },
	{ "hardware-platform", CLI_NO_ARG, 'i' },
	{ "operating-system", CLI_NO_ARG, 'o' },
	{ NULL, CLI_NO_ARG, 0 },
};

int main(int argc, char **argv)
{
	static const char opts[] = "snrvmpio";
	struct utsname u;
	unsigned want = 0;
	bool first = true;
	int c;

	cli_init(argv[0], "[-asnrvmpio]", 1);
	while ((c = cli_getopt_long(argc, argv, "+asnrvmpio", longopts)) != -1)
		want |= c == 'a' ? F_ALL : 1u << (strchr(opts, c) - opts);
	if (optind < argc)
		cli_usage_error("extra operand '%s'", argv[optind]);
	if (uname(&u) < 0)
		msg_die(1, "cannot get system name");
	if (!want)
		want = F_S;
	const char *const values[] = { u.sysname, u.nodename, u.release, u.version, u.machine,
				       "unknown", "unknown", u.sysname };
	for (unsigned i = 0; i < sizeof(values) / sizeof(values[0]); i++)
		if (want & (1u << i))
			field(values[i], &first);
	putchar('\n');
	cli_exit(0);
}
