/*
 * cat: copy files, or standard input for "-" or no operand, to standard
 * output. Output is never buffered here, so -u (POSIX) changes nothing.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "msg.h"

static const char usage[] = "[-u] [FILE...]";

/* Returns 0, 1 after a read error (reported), or -1 after a write error. */
static int copy_fd(int fd, const char *name)
{
	char buf[65536];
	ssize_t n;

	while ((n = read(fd, buf, sizeof(buf))) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			msg_warn("%s", name);
			return 1;
		}
		for (ssize_t off = 0; off < n;) {
			ssize_t w = write(STDOUT_FILENO, buf + off, (size_t)(n - off));

			if (w < 0 && errno == EINTR)
				continue;
			if (w < 0)
				return -1;
			off += w;
		}
	}
	return 0;
}

static int cat_one(const char *name)
{
	int fd, r;

	if (!strcmp(name, "-"))
		return copy_fd(STDIN_FILENO, "-");
	fd = open(name, O_RDONLY);
	if (fd < 0) {
		msg_warn("%s", name);
		return 1;
	}
	r = copy_fd(fd, name);
	close(fd);
	return r;
}

int main(int argc, char **argv)
{
	int status = 0;

	cli_init(argv[0], usage, 1);
	/* -u: unbuffered, which this cat always is. */
	while (cli_getopt(argc, argv, "u") != -1)
		continue;
	for (int i = optind; i < argc || i == optind; i++) {
		int r = cat_one(i < argc ? argv[i] : "-");

		if (r < 0)
			cli_write_error();
		status |= r;
	}
	return status;
}
