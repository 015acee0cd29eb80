/*
 * tee: copy standard input to standard output and to each FILE,
 * truncating them, or appending with -a. A file that cannot be opened or
 * written is reported and dropped; the others still get everything.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "msg.h"

static const char usage[] = "[-a] [FILE...]\n"
			    "Copy standard input to standard output and to each FILE.";

struct out {
	int fd;
	const char *name;
};

static int write_all(int fd, const char *buf, size_t n)
{
	while (n) {
		ssize_t w = write(fd, buf, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0)
			return -1;
		buf += w;
		n -= (size_t)w;
	}
	return 0;
}

/*
 * Copies stdin to every output still open; returns 1 if anything failed.
 * An output whose reader went away (EPIPE: SIGPIPE is ignored, or it
 * would have ended tee) is dropped without a word, as coreutils' tee
 * does; tee stops when no output is left.
 */
static int copy(struct out *outs, int nouts)
{
	char buf[65536];
	ssize_t n;
	int status = 0, open_outs = nouts;

	while (open_outs && (n = read(STDIN_FILENO, buf, sizeof(buf))) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			msg_warn("read error");
			return 1;
		}
		for (int i = 0; i < nouts; i++) {
			if (outs[i].fd < 0 || write_all(outs[i].fd, buf, (size_t)n) == 0)
				continue;
			outs[i].fd = -1;
			open_outs--;
			if (errno == EPIPE)
				continue;
			msg_warn("%s", outs[i].name);
			status = 1;
		}
	}
	return status;
}

/* coreutils' long names of tee's options. */
static const struct cli_option longopts[] = {
	{ "append", CLI_NO_ARG, 'a' },
	{ NULL, CLI_NO_ARG, 0 },
};

int main(int argc, char **argv)
{
	int c, flags = O_WRONLY | O_CREAT | O_TRUNC, status = 0, nouts = 1;
	struct out *outs;

	cli_init(argv[0], usage, 1);
	while ((c = cli_getopt_long(argc, argv, "a", longopts)) != -1) {
		flags = O_WRONLY | O_CREAT | O_APPEND;
	}
	outs = calloc((size_t)(argc - optind + 1), sizeof(*outs));
	if (!outs)
		msg_die(1, "out of memory");
	outs[0].fd = STDOUT_FILENO;
	outs[0].name = "standard output";
	for (int i = optind; i < argc; i++) {
		int fd = open(argv[i], flags, 0666);

		if (fd < 0) {
			msg_warn("%s", argv[i]);
			status = 1;
			continue;
		}
		outs[nouts].fd = fd;
		outs[nouts++].name = argv[i];
	}
	status |= copy(outs, nouts);
	for (int i = 1; i < nouts; i++) {
		if (outs[i].fd >= 0 && close(outs[i].fd) < 0) {
			msg_warn("%s", outs[i].name);
			status = 1;
		}
	}
	free(outs);
	return status;
}
