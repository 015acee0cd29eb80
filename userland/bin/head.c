/*
 * head: the first lines (-n N, or the old -N) or bytes (-c N) of files, or
 * all but the last N (-n -N, -c -N), N with coreutils' units (1k, 2MiB,
 * 5kB...): "==> name <==" headers when there are several (-q never, -v
 * always). Reads with read(2) and gives back what it read past the end of
 * its part when the input can seek, so "{ head -n1; cat; } < file" works.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "msg.h"
#include "cli.h"

#define HEAD_CHUNK 65536
#define HEAD_DEFAULT_LINES 10

static bool by_bytes, all_but_last;
static unsigned long long limit = HEAD_DEFAULT_LINES;

/* How many bytes of buf belong to the output; counts the lines it takes. */
static size_t take(const char *buf, size_t len, unsigned long long *left)
{
	const char *p = buf, *nl;

	if (by_bytes) {
		size_t n = *left < len ? *left : len;

		*left -= n;
		return n;
	}
	while (*left && (nl = memchr(p, '\n', len - (p - buf)))) {
		p = nl + 1;
		(*left)--;
	}
	return *left ? len : (size_t)(p - buf);
}

/*
 * -n -N, -c -N: how many leading bytes of buf are surely not among the
 * last limit lines (bytes). Before the end an unfinished line may still
 * grow; at the end it counts as a line.
 */
static size_t printable(const char *buf, size_t len, bool at_end)
{
	unsigned long long kept = 0;

	if (by_bytes)
		return len > limit ? len - limit : 0;
	if (!limit)
		return len;
	if (at_end && len && buf[len - 1] != '\n')
		kept = 1;
	for (size_t i = len; i > 0; i--) {
		if (buf[i - 1] != '\n')
			continue;
		if (kept == limit)
			return i;
		kept++;
	}
	return 0;
}

/* All but the last part: what cannot be among it yet is printed as it comes. */
static bool head_all_but(int fd, const char *name)
{
	size_t len = 0, cap = 2 * HEAD_CHUNK, n;
	char *buf = malloc(cap);
	ssize_t got;

	for (;;) {
		if (!buf)
			msg_die(1, "out of memory");
		got = read(fd, buf + len, HEAD_CHUNK);
		if (got < 0 && errno == EINTR)
			continue;
		if (got <= 0)
			break;
		len += got;
		n = printable(buf, len, false);
		fwrite(buf, 1, n, stdout);
		memmove(buf, buf + n, len - n);
		len -= n;
		if (cap - len < HEAD_CHUNK)
			buf = realloc(buf, cap *= 2);
	}
	if (got < 0)
		msg_warn("error reading '%s'", name);
	else
		fwrite(buf, 1, printable(buf, len, true), stdout);
	free(buf);
	return got == 0;
}

static bool head_fd(int fd, const char *name)
{
	static char buf[HEAD_CHUNK];
	unsigned long long left = limit;
	ssize_t got;

	if (all_but_last)
		return head_all_but(fd, name);
	while (left) {
		got = read(fd, buf, sizeof(buf));
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			msg_warn("error reading '%s'", name);
			return false;
		}
		if (!got)
			break;
		size_t n = take(buf, got, &left);

		fwrite(buf, 1, n, stdout);
		/* Leave a seekable input just after what was printed. */
		if ((size_t)got > n)
			lseek(fd, (off_t)n - got, SEEK_CUR);
	}
	return true;
}

/* -n/-c's argument: [+]N, or -N for all but the last N. */
static void parse_limit(const char *arg)
{
	all_but_last = *arg == '-';
	limit = cli_size_arg(arg + (*arg == '-' || *arg == '+'), arg + all_but_last,
			     by_bytes ? "bytes" : "lines");
}

/* The old form "-N" (first) is "-nN". */
static void old_count_option(int argc, char **argv)
{
	char *opt;

	if (argc < 2 || argv[1][0] != '-' || argv[1][1] < '0' || argv[1][1] > '9')
		return;
	opt = malloc(strlen(argv[1]) + 2);
	if (!opt)
		msg_die(1, "out of memory");
	sprintf(opt, "-n%s", argv[1] + 1);
	argv[1] = opt;
}

/* coreutils' long names of head's options. */
static const struct cli_option longopts[] = {
	{ "bytes", CLI_REQUIRED_ARG, 'c' },
	{ "lines", CLI_REQUIRED_ARG, 'n' },
	{ "quiet", CLI_NO_ARG, 'q' },
	{ "silent", CLI_NO_ARG, 'q' },
	{ "verbose", CLI_NO_ARG, 'v' },
	{ NULL, CLI_NO_ARG, 0 },
};

int main(int argc, char **argv)
{
	static char *stdin_only[] = { "-", NULL };
	int c, status = 0, verbose = -1, nfiles, headers = 0;
	char **files;

	cli_init(argv[0], "[-qv] [-n [-]LINES | -c [-]BYTES | -LINES] [FILE]...", 1);
	old_count_option(argc, argv);
	while ((c = cli_getopt_long(argc, argv, "n:c:qv", longopts)) != -1) {
		if (c == 'q' || c == 'v') {
			verbose = c == 'v';
			continue;
		}
		by_bytes = c == 'c';
		parse_limit(optarg);
	}
	files = optind < argc ? argv + optind : stdin_only;
	nfiles = optind < argc ? argc - optind : 1;
	if (verbose < 0)
		verbose = nfiles > 1;
	for (int i = 0; i < nfiles; i++) {
		bool is_stdin = !strcmp(files[i], "-");
		const char *name = is_stdin ? "standard input" : files[i];
		int fd = is_stdin ? STDIN_FILENO : open(files[i], O_RDONLY);

		if (fd < 0) {
			msg_warn("cannot open '%s' for reading", files[i]);
			status = 1;
			continue;
		}
		if (verbose)
			printf("%s==> %s <==\n", headers++ ? "\n" : "", name);
		if (!head_fd(fd, name))
			status = 1;
		if (!is_stdin)
			close(fd);
	}
	cli_exit(status);
}
