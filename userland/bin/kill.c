/*
 * kill: send a signal to processes. "kill PID...", "kill -s NAME PID...",
 * "kill -NAME PID...", "kill -NUM PID..." (names with or without SIG);
 * "kill -l" lists the names, "kill -l N" names a signal or the exit
 * status 128+N of a process it ended; "kill -L" shows a numbered table.
 * procps' long names: --signal SIG, --list[=N], --table.
 */
#include <ctype.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "cli.h"
#include "msg.h"

static const char usage[] = "[-s SIGNAL | -SIGNAL] PID... | kill -l [N] | kill -L\n"
			    "Send SIGNAL (TERM by default) to each PID.";

/*
 * Linux's x86_64 signal numbers (signal(7)), which kill(2) takes: the
 * kernel's ABI, whatever numbering the C library's headers use.
 */
#define NSIG_STD 32
static const char *const sig_names[NSIG_STD] = {
	NULL, "HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "BUS", "FPE", "KILL", "USR1",
	"SEGV", "USR2", "PIPE", "ALRM", "TERM", "STKFLT", "CHLD", "CONT", "STOP", "TSTP",
	"TTIN", "TTOU", "URG", "XCPU", "XFSZ", "VTALRM", "PROF", "WINCH", "POLL", "PWR", "SYS"
};
#define SIG_TERM 15

/* A signal by name (any case, with or without SIG) or number; -1 if none. */
static int signal_number(const char *s)
{
	char *end;
	long n;

	if (isdigit((unsigned char)*s)) {
		n = strtol(s, &end, 10);
		return (*end || n < 0 || n >= NSIG_STD) ? -1 : (int)n;
	}
	if (!strncasecmp(s, "SIG", 3))
		s += 3;
	for (int i = 1; i < NSIG_STD; i++)
		if (!strcasecmp(s, sig_names[i]))
			return i;
	if (!strcasecmp(s, "IOT"))
		return 6;
	if (!strcasecmp(s, "IO"))
		return 29;
	return -1;
}

static int list(const char *arg)
{
	char *end;
	long n;

	if (!arg) {
		for (int i = 1; i < NSIG_STD; i++)
			printf("%s%c", sig_names[i], i % 16 == 0 || i == NSIG_STD - 1 ? '\n' : ' ');
		return 0;
	}
	n = strtol(arg, &end, 10);
	if (!*end && *arg) {
		if (n > 128)
			n -= 128;
		if (n <= 0 || n >= NSIG_STD)
			msg_diex(1, "unknown signal %s", arg);
		puts(sig_names[n]);
		return 0;
	}
	n = signal_number(arg);
	if (n <= 0)
		msg_diex(1, "unknown signal name %s", arg);
	printf("%ld\n", n);
	return 0;
}

static void table(void)
{
	for (int i = 1; i < NSIG_STD; i++) {
		if (i % 7 == 0 || i == NSIG_STD - 1)
			printf("%2d %s\n", i, sig_names[i]);
		else
			printf("%2d %-8s", i, sig_names[i]);
	}
}

static int send(const char *arg, int sig)
{
	char *end;
	long pid = strtol(arg, &end, 10);

	if (!*arg || *end) {
		msg_warnx("failed to parse argument: '%s'", arg);
		return 1;
	}
	if (kill((pid_t)pid, sig) < 0) {
		msg_warn("(%ld)", pid);
		return 1;
	}
	return 0;
}

/* The number of the signal named (or numbered) name, or exit 1. */
static int signal_arg(const char *name)
{
	int sig = signal_number(name);

	if (sig < 0)
		msg_diex(1, "unknown signal name %s", name);
	return sig;
}

/* The signal given before the PIDs, advancing *i past it; SIGTERM if none. */
static int parse_signal(int argc, char **argv, int *i)
{
	const char *a = argv[*i];
	const char *name;

	if (!strcmp(a, "-s")) {
		if (*i + 1 >= argc)
			msg_diex(1, "option requires an argument -- 's'");
		name = argv[++*i];
	} else if (a[0] == '-' && a[1] && strcmp(a, "--")) {
		name = a + 1;
	} else {
		return SIG_TERM;
	}
	++*i;
	return signal_arg(name);
}

/* procps' long names of kill's options. */
static const struct cli_option longopts[] = {
	{ "signal", CLI_REQUIRED_ARG, 's' },
	{ "list", CLI_OPTIONAL_ARG, 'l' },
	{ "table", CLI_NO_ARG, 'L' },
	{ NULL, CLI_NO_ARG, 0 },
};

/*
 * The option that argv[1] is if it is -l, -L or a long one (optarg set),
 * *i past it; 0 for any other: "-9" is a signal, not an option.
 */
static int first_option(int argc, char **argv, int *i)
{
	if (argc > 1 && !strncmp(argv[1], "--", 2) && argv[1][2]) {
		int c = cli_getopt_long(argc, argv, "+", longopts);

		*i = optind;
		return c;
	}
	if (argc > 1 && (!strcmp(argv[1], "-l") || !strcmp(argv[1], "-L"))) {
		*i = 2;
		return argv[1][1];
	}
	return 0;
}

int main(int argc, char **argv)
{
	int i = 1, sig, status = 0, c;

	cli_init(argv[0], usage, 1);
	cli_check_help(argc, argv);
	c = first_option(argc, argv, &i);
	if (c == 'l') {
		list(optarg ? optarg : i < argc ? argv[i] : NULL);
		cli_exit(0);
	}
	if (c == 'L') {
		table();
		cli_exit(0);
	}
	if (argc < 2)
		cli_usage();
	sig = c == 's' ? signal_arg(optarg) : parse_signal(argc, argv, &i);
	if (i < argc && !strcmp(argv[i], "--"))
		i++;
	if (i >= argc)
		cli_usage_error("no process ID specified");
	for (; i < argc; i++)
		status |= send(argv[i], sig);
	return status;
}
