/*
 * yes: print its arguments joined by spaces (or "y") on a line, again and
 * again, until writing fails (the reader went away).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "msg.h"
#include "cli.h"

/* The line once, repeated to fill a buffer of at least this many bytes. */
#define YES_BUF_MIN 4096

static char *yes_line(int argc, char **argv, size_t *len)
{
	size_t n = 0, off = 0;
	char *line;

	if (argc < 2)
		return *len = 2, strdup("y\n");
	for (int i = 1; i < argc; i++)
		n += strlen(argv[i]) + 1;
	line = malloc(n);
	if (!line)
		return NULL;
	for (int i = 1; i < argc; i++) {
		size_t l = strlen(argv[i]);

		memcpy(line + off, argv[i], l);
		off += l;
		line[off++] = i + 1 < argc ? ' ' : '\n';
	}
	*len = n;
	return line;
}

int main(int argc, char **argv)
{
	size_t len, fill = 0, copies;
	char *line, *buf;

	cli_init(argv[0], "[STRING]...", 1);
	/* No options: any is a usage error. */
	cli_getopt(argc, argv, "+");
	argv += optind - 1;
	argc -= optind - 1;
	line = yes_line(argc, argv, &len);
	copies = len >= YES_BUF_MIN ? 1 : YES_BUF_MIN / len + 1;
	buf = line ? malloc(len * copies) : NULL;
	if (!buf)
		msg_die(1, "out of memory");
	for (size_t i = 0; i < copies; i++, fill += len)
		memcpy(buf + fill, line, len);
	for (;;) {
		for (size_t done = 0; done < fill;) {
			ssize_t w = write(STDOUT_FILENO, buf + done, fill - done);

			if (w < 0 && errno == EINTR)
				continue;
			if (w <= 0)
				msg_die(1, "standard output");
			done += w;
		}
	}
}
