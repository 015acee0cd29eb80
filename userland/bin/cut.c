/*
 * cut: print selected parts of each line, as POSIX and coreutils: bytes
 * (-b) or characters (-c, the same in the C locale), or fields (-f)
 * separated by -d's character (a tab by default), -s dropping lines without
 * one. A LIST is comma-separated numbers and ranges: 1,3-5,7- or -3.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

#include "msg.h"
#include "cli.h"

struct range {
	unsigned long long lo, hi;
};

static struct range *ranges;
static size_t nranges;
static char mode;	/* 'b', 'c' or 'f' */

static bool selected(unsigned long long pos)
{
	for (size_t i = 0; i < nranges; i++)
		if (pos >= ranges[i].lo && pos <= ranges[i].hi)
			return true;
	return false;
}

static void bad_list(const char *what, const char *list)
{
	if (mode == 'f')
		cli_usage_error("%sfield%s '%s'", *what ? "" : "invalid ", what, list);
	cli_usage_error("%sbyte/character position%s '%s'", *what ? "" : "invalid ", what, list);
}

/* One number of a range: digits at *s, or missing (returns dflt). */
static unsigned long long list_number(const char **s, unsigned long long dflt, const char *list)
{
	unsigned long long v = 0;

	if (**s < '0' || **s > '9')
		return dflt;
	for (; **s >= '0' && **s <= '9'; (*s)++) {
		if (v > (-1ULL - 9) / 10)
			bad_list(" too large in", list);
		v = v * 10 + (**s - '0');
	}
	if (!v)
		bad_list("s are numbered from 1, not in", list);
	return v;
}

static void parse_list(const char *list)
{
	const char *s = list;

	for (;;) {
		struct range r;
		const char *start = s;

		r.lo = list_number(&s, 1, list);
		r.hi = r.lo;
		if (*s == '-') {
			s++;
			r.hi = list_number(&s, -1ULL, list);
			if (s == start + 1)
				cli_usage_error("invalid range with no endpoint: -");
		} else if (s == start) {
			bad_list("", list);
		}
		if (r.lo > r.hi)
			cli_usage_error("invalid decreasing range '%s'", list);
		if (*s && *s != ',')
			bad_list("", list);
		ranges = realloc(ranges, (nranges + 1) * sizeof(*ranges));
		if (!ranges)
			msg_die(1, "out of memory");
		ranges[nranges++] = r;
		if (!*s++)
			return;
	}
}

static void cut_bytes(const char *line, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (selected(i + 1))
			putchar(line[i]);
	putchar('\n');
}

static void cut_fields(const char *line, size_t len, char delim, bool only_delimited)
{
	const char *p = line, *end = line + len;
	unsigned long long field = 1;
	bool first = true;

	if (!memchr(line, delim, len)) {
		if (!only_delimited)
			printf("%.*s\n", (int)len, line);
		return;
	}
	for (;;) {
		const char *d = memchr(p, delim, end - p);
		const char *stop = d ? d : end;

		if (selected(field)) {
			if (!first)
				putchar(delim);
			fwrite(p, 1, stop - p, stdout);
			first = false;
		}
		if (!d)
			break;
		p = d + 1;
		field++;
	}
	putchar('\n');
}

/* coreutils' long names of cut's options. */
static const struct cli_option longopts[] = {
	{ "bytes", CLI_REQUIRED_ARG, 'b' },
	{ "characters", CLI_REQUIRED_ARG, 'c' },
	{ "delimiter", CLI_REQUIRED_ARG, 'd' },
	{ "fields", CLI_REQUIRED_ARG, 'f' },
	{ "only-delimited", CLI_NO_ARG, 's' },
	{ NULL, CLI_NO_ARG, 0 },
};

int main(int argc, char **argv)
{
	static char *stdin_only[] = { "-", NULL };
	char delim = '\t', *line = NULL, **files;
	bool only_delimited = false, delim_given = false;
	int c, status = 0, nfiles;
	size_t cap = 0;
	ssize_t len;

	cli_init(argv[0], "-b LIST | -c LIST | -f LIST [-d DELIM] [-s] [FILE]...", 1);
	while ((c = cli_getopt_long(argc, argv, "b:c:f:d:sn", longopts)) != -1) {
		if (c == 'b' || c == 'c' || c == 'f') {
			if (mode)
				cli_usage_error("only one list may be specified");
			mode = c;
			parse_list(optarg);
		} else if (c == 'd') {
			if (strlen(optarg) > 1)
				cli_usage_error("the delimiter must be a single character");
			delim = optarg[0];
			delim_given = true;
		} else if (c == 's') {
			only_delimited = true;
		}
	}
	if (!mode)
		cli_usage_error("you must specify a list of bytes, characters, or fields");
	if (mode != 'f' && delim_given)
		cli_usage_error("an input delimiter may be specified only when operating on fields");
	if (mode != 'f' && only_delimited)
		cli_usage_error("suppressing non-delimited lines makes sense only when operating on fields");
	files = optind < argc ? argv + optind : stdin_only;
	nfiles = optind < argc ? argc - optind : 1;
	for (int i = 0; i < nfiles; i++) {
		FILE *f = cli_open(files[i]);

		if (!f) {
			status = 1;
			continue;
		}
		while ((len = getline(&line, &cap, f)) > 0) {
			if (line[len - 1] == '\n')
				len--;
			if (mode == 'f')
				cut_fields(line, len, delim, only_delimited);
			else
				cut_bytes(line, len);
		}
		if (!cli_close(f, files[i]))
			status = 1;
	}
	free(line);
	cli_exit(status);
}
