/*
 * tail: the last lines (-n N) or bytes (-c N) of files, or all from the
 * Nth on (-n +N, -c +N; the old forms -N and +N too), N with coreutils'
 * units (1k, 2MiB...), with "==> name <==" headers for several files (-q
 * never, -v always). -f keeps polling the files (every -s seconds, 1 by
 * default: coreutils' way without inotify) for appended data and starts
 * over when one is truncated; -F follows the names instead, reopening a
 * file that was replaced, removed or not there yet. SIGINT ends it.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "msg.h"
#include "cli.h"

#define TAIL_CHUNK 65536
#define TAIL_DEFAULT_LINES 10

static bool by_bytes, from_start, follow_names;
static unsigned long long count = TAIL_DEFAULT_LINES;
static int headers;

struct tail_file {
	const char *name;	/* as given; "standard input" for "-" */
	const char *path;	/* as given; NULL for "-" */
	int fd;			/* -1: not open (-F tries again) */
	off_t offset;		/* how far it has been printed, for -f */
	dev_t dev;		/* which file fd is, for -F */
	ino_t ino;
};

static void header(const struct tail_file *f)
{
	printf("%s==> %s <==\n", headers++ ? "\n" : "", f->name);
}

/* Read up to TAIL_CHUNK bytes; <0 after a warning. */
static ssize_t read_chunk(struct tail_file *f, char *buf)
{
	ssize_t got;

	do
		got = read(f->fd, buf, TAIL_CHUNK);
	while (got < 0 && errno == EINTR);
	if (got < 0)
		msg_warn("error reading '%s'", f->name);
	else
		f->offset += got;
	return got;
}

/* Where the last count lines (or bytes) of buf start. */
static size_t last_part(const char *buf, size_t len)
{
	size_t i = len, lines = 0;

	if (by_bytes)
		return count < len ? len - count : 0;
	if (!count)
		return len;
	if (i && buf[i - 1] == '\n')
		i--;
	for (; i > 0; i--)
		if (buf[i - 1] == '\n' && ++lines == count)
			return i;
	return 0;
}

/*
 * The last part: everything is read, but what lies before the last count
 * lines is dropped whenever the buffer has doubled, so memory stays near
 * the size of the part printed.
 */
static bool tail_end(struct tail_file *f)
{
	size_t len = 0, cap = 2 * TAIL_CHUNK, trim_at = cap, start;
	char *buf = malloc(cap);
	ssize_t got;

	if (!buf)
		msg_die(1, "out of memory");
	while ((got = read_chunk(f, buf + len)) > 0) {
		len += got;
		if (len >= trim_at) {
			start = last_part(buf, len);
			memmove(buf, buf + start, len - start);
			len -= start;
			trim_at = 2 * len > cap - TAIL_CHUNK ? 2 * len : cap - TAIL_CHUNK;
		}
		if (cap - len < TAIL_CHUNK) {
			cap = 2 * (len + TAIL_CHUNK);
			buf = realloc(buf, cap);
			if (!buf)
				msg_die(1, "out of memory");
		}
	}
	start = last_part(buf, len);
	fwrite(buf + start, 1, len - start, stdout);
	free(buf);
	return got == 0;
}

/* From the count-th line (or byte) on: skip what is before, copy the rest. */
static bool tail_from(struct tail_file *f)
{
	static char buf[TAIL_CHUNK];
	unsigned long long skip = count ? count - 1 : 0;
	ssize_t got;

	while ((got = read_chunk(f, buf)) > 0) {
		const char *p = buf, *end = buf + got, *nl;

		while (skip && p < end) {
			if (by_bytes) {
				size_t n = (size_t)(end - p) < skip ? (size_t)(end - p) : skip;

				p += n;
				skip -= n;
			} else if ((nl = memchr(p, '\n', end - p))) {
				p = nl + 1;
				skip--;
			} else {
				p = end;
			}
		}
		fwrite(p, 1, end - p, stdout);
	}
	return got == 0;
}

/* One round of -f: print what was appended to f since last time. */
static void follow_once(struct tail_file *f, int nfiles, struct tail_file **last)
{
	static char buf[TAIL_CHUNK];
	struct stat st;
	ssize_t got;

	if (fstat(f->fd, &st) < 0)
		return;
	if (S_ISREG(st.st_mode) && st.st_size < f->offset) {
		msg_warnx("%s: file truncated", f->name);
		f->offset = lseek(f->fd, 0, SEEK_SET) < 0 ? f->offset : 0;
	}
	while ((got = read_chunk(f, buf)) > 0) {
		if (nfiles > 1 && *last != f)
			header(f);
		*last = f;
		fwrite(buf, 1, got, stdout);
	}
	if (fflush(stdout) == EOF)
		cli_exit(1);
}

/* -F: reopen f's name when it is another file now, or there again; true if it was. */
static bool recheck(struct tail_file *f, struct tail_file **last)
{
	struct stat st;
	int fd;

	if (stat(f->path, &st) < 0) {
		if (f->fd >= 0) {
			msg_warn("'%s' has become inaccessible", f->name);
			close(f->fd);
			f->fd = -1;
		}
		return false;
	}
	if (f->fd >= 0 && st.st_dev == f->dev && st.st_ino == f->ino)
		return false;
	fd = open(f->path, O_RDONLY);
	if (fd < 0)
		return false;
	msg_warnx("'%s' has %s;  following new file", f->name,
		  f->fd >= 0 ? "been replaced" : "appeared");
	/* After a gap, its text gets a header again (as coreutils). */
	if (f->fd < 0)
		*last = NULL;
	else
		close(f->fd);
	f->fd = fd;
	f->offset = 0;
	f->dev = st.st_dev;
	f->ino = st.st_ino;
	return true;
}

static void follow(struct tail_file *files, int nfiles, double interval)
{
	struct tail_file *last = &files[nfiles - 1];
	struct timespec ts;

	ts.tv_sec = (time_t)interval;
	ts.tv_nsec = (long)((interval - (double)ts.tv_sec) * 1e9);
	if (fflush(stdout) == EOF)
		cli_exit(1);
	for (;;) {
		nanosleep(&ts, NULL);
		for (int i = 0; i < nfiles; i++) {
			if (files[i].fd >= 0)
				follow_once(&files[i], nfiles, &last);
			if (follow_names && files[i].path && recheck(&files[i], &last))
				follow_once(&files[i], nfiles, &last);
		}
	}
}

static void parse_count(const char *arg, const char *what)
{
	from_start = *arg == '+';
	count = cli_size_arg(arg + (*arg == '+' || *arg == '-'), arg + (*arg == '-'), what);
}

/* The old forms "-N" and "+N" (first) are "-nN" and "-n+N". */
static void old_count_option(int argc, char **argv)
{
	char *opt;

	if (argc < 2 || (argv[1][0] != '-' && argv[1][0] != '+') ||
	    argv[1][1] < '0' || argv[1][1] > '9')
		return;
	opt = malloc(strlen(argv[1]) + 3);
	if (!opt)
		msg_die(1, "out of memory");
	sprintf(opt, "-n%s", argv[1][0] == '+' ? argv[1] : argv[1] + 1);
	argv[1] = opt;
}

static double parse_interval(const char *arg)
{
	char *end;
	double v = strtod(arg, &end);

	if (end == arg || *end || !(v >= 0))
		msg_diex(1, "invalid number of seconds: '%s'", arg);
	return v;
}

/* Open a file operand; fd -1 (after a warning) if it cannot be. */
static struct tail_file open_file(const char *arg)
{
	struct tail_file f = { arg, arg, STDIN_FILENO, 0, 0, 0 };
	struct stat st;

	if (!strcmp(arg, "-")) {
		f.name = "standard input";
		f.path = NULL;
		return f;
	}
	f.fd = open(arg, O_RDONLY);
	if (f.fd < 0)
		msg_warn("cannot open '%s' for reading", arg);
	else if (!fstat(f.fd, &st))
		f.dev = st.st_dev, f.ino = st.st_ino;
	return f;
}

/* -f follows regular files and devices, not pipes, which only end. */
static bool followable(int fd)
{
	struct stat st;

	return fd >= 0 && !fstat(fd, &st) && !S_ISFIFO(st.st_mode);
}

/*
 * coreutils' long names of tail's options: --follow[=HOW] is -f, or with
 * HOW "name" follows the names as -F.
 */
static const struct cli_option longopts[] = {
	{ "bytes", CLI_REQUIRED_ARG, 'c' },
	{ "follow", CLI_OPTIONAL_ARG, CLI_LONG },
	{ "lines", CLI_REQUIRED_ARG, 'n' },
	{ "quiet", CLI_NO_ARG, 'q' },
	{ "silent", CLI_NO_ARG, 'q' },
	{ "sleep-interval", CLI_REQUIRED_ARG, 's' },
	{ "verbose", CLI_NO_ARG, 'v' },
	{ NULL, CLI_NO_ARG, 0 },
};

int main(int argc, char **argv)
{
	static char *stdin_only[] = { "-", NULL };
	int c, status = 0, verbose = -1, nfiles, followed = 0;
	bool follows = false, ok;
	double interval = 1;
	struct tail_file *files;
	char **names;
	static const char *const how[] = { "descriptor", "name", NULL };

	cli_init(argv[0], "[-fFqv] [-s SECONDS] [-n [+]LINES | -c [+]BYTES | -LINES] [FILE]...", 1);
	old_count_option(argc, argv);
	while ((c = cli_getopt_long(argc, argv, "n:c:fFqs:v", longopts)) != -1) {
		if (c == 'n' || c == 'c') {
			by_bytes = c == 'c';
			parse_count(optarg, by_bytes ? "bytes" : "lines");
		} else if (c == 'f' || c == 'F') {
			follows = true;
			follow_names = c == 'F';
		} else if (c == CLI_LONG) {
			follows = true;
			follow_names = optarg && cli_choice(optarg, "follow", how, NULL) == 1;
		} else if (c == 's') {
			interval = parse_interval(optarg);
		} else {
			verbose = c == 'v';
		}
	}
	names = optind < argc ? argv + optind : stdin_only;
	nfiles = optind < argc ? argc - optind : 1;
	if (verbose < 0)
		verbose = nfiles > 1;
	files = calloc(nfiles, sizeof(*files));
	if (!files)
		msg_die(1, "out of memory");
	for (int i = 0; i < nfiles; i++) {
		files[i] = open_file(names[i]);
		followed += follows && follow_names && files[i].path;
		if (files[i].fd < 0) {
			status = 1;
			continue;
		}
		if (verbose)
			header(&files[i]);
		ok = from_start ? tail_from(&files[i]) : tail_end(&files[i]);
		status |= !ok;
		if (follows && !ok)
			msg_warnx("%s: cannot follow end of this type of file; giving up on this name",
				  files[i].name);
		if (!follows || !ok || !followable(files[i].fd)) {
			if (files[i].fd != STDIN_FILENO)
				close(files[i].fd);
			files[i].fd = -1;
		}
		followed += files[i].fd >= 0 && !(follow_names && files[i].path);
	}
	if (followed)
		follow(files, nfiles, interval); /* never returns */
	if (follows && status)
		msg_warnx("no files remaining");
	cli_exit(status);
}
