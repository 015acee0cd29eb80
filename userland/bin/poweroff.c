/*
 * poweroff, reboot, halt (one program, told apart by its name): ask init
 * to shut the system down through its FIFO (initctl.h), so that processes
 * end and data is synced first; -f does it here and now with reboot(2).
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/reboot.h>
#include <unistd.h>

#include "initctl.h"
#include "msg.h"

struct action {
	const char *name;
	const char *request;
	int cmd;		/* reboot(2)'s, for -f */
	const char *verb;
};

static const struct action actions[] = {
	{ "poweroff", INITCTL_POWEROFF, RB_POWER_OFF, "power off" },
	{ "reboot", INITCTL_REBOOT, RB_AUTOBOOT, "reboot" },
	{ "halt", INITCTL_HALT, RB_HALT_SYSTEM, "halt" },
};

static const struct action *find_action(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(actions) / sizeof(actions[0]); i++)
		if (!strcmp(name, actions[i].name))
			return &actions[i];
	return &actions[0];
}

static void usage(FILE *out, const struct action *a)
{
	fprintf(out, "usage: %s [-f] [-n]\n"
		"Ask init to %s the system: it ends every process and syncs first.\n"
		"  -f  force: sync and %s at once, without init\n"
		"  -n  with -f: do not sync\n", a->name, a->verb, a->verb);
}

/*
 * How long to wait for the end once init has the request: the prompt does
 * not come back while the system goes down, unless init fails.
 */
#define SHUTDOWN_WAIT	60

/* The request, written whole, or an error saying why init cannot hear it. */
static void ask_init(const struct action *a)
{
	char line[INITCTL_LINE_MAX];
	int len = snprintf(line, sizeof(line), "%s\n", a->request);
	int fd;

	/* Non-blocking: ENXIO at once, rather than waiting, if init is not reading. */
	fd = open(INITCTL_PATH, O_WRONLY | O_NONBLOCK);
	if (fd < 0)
		msg_die(1, "cannot reach init: %s%s", INITCTL_PATH,
			errno == ENOENT || errno == ENXIO ? " (use -f)" : "");
	if (write(fd, line, (size_t)len) != len)
		msg_die(1, "%s: write error", INITCTL_PATH);
	close(fd);
}

int main(int argc, char **argv)
{
	const struct action *a;
	bool force = false, no_sync = false;
	int opt;

	msg_init(argv[0]);
	a = find_action(msg_prog);
	if (argc > 1 && !strcmp(argv[1], "--help")) {
		usage(stdout, a);
		return 0;
	}
	/* Our own message: the libcs word getopt's differently. */
	opterr = 0;
	while ((opt = getopt(argc, argv, "fn")) != -1) {
		switch (opt) {
		case 'f':
			force = true;
			break;
		case 'n':
			no_sync = true;
			break;
		default:
			msg_warnx("invalid option -- '%c'", optopt);
			usage(stderr, a);
			return 2;
		}
	}
	if (optind < argc) {
		msg_warnx("extra operand '%s'", argv[optind]);
		usage(stderr, a);
		return 2;
	}
	if (!force) {
		/*
		 * init ends every process with SIGTERM, then SIGKILL: outlast
		 * the first so the caller's prompt does not come back meanwhile.
		 */
		signal(SIGTERM, SIG_IGN);
		signal(SIGHUP, SIG_IGN);
		ask_init(a);
		sleep(SHUTDOWN_WAIT);
		msg_diex(1, "init did not %s the system within %d s", a->verb, SHUTDOWN_WAIT);
	}
	if (!no_sync)
		sync();
	reboot(a->cmd);
	msg_die(1, "reboot");
}
