/*
 * date: print the time, as coreutils: by default as "Wed Nov 25 06:30:00 UTC
 * 2026", or by +FORMAT (strftime(3)); -u for UTC, -d @SECONDS for another
 * moment, -r FILE for a file's modification time. Setting the clock is not
 * supported.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "msg.h"
#include "cli.h"

#define DATE_DEFAULT_FORMAT "%a %b %e %H:%M:%S %Z %Y"

static time_t parse_when(const char *s)
{
	long long v;
	char *end;

	if (*s != '@')
		msg_diex(1, "invalid date '%s' (only @SECONDS is understood)", s);
	errno = 0;
	v = strtoll(s + 1, &end, 10);
	if (end == s + 1 || *end || errno || (long long)(time_t)v != v)
		msg_diex(1, "invalid date '%s'", s);
	return (time_t)v;
}

/*
 * strftime() into a growing buffer. A space is added to the format so that
 * a result of 0 always means "too small", and left out of what is printed.
 */
static void print_time(const char *format, const struct tm *tm)
{
	size_t flen = strlen(format), size = 128, n;
	char *fmt = malloc(flen + 2), *buf = NULL;

	if (!fmt)
		msg_die(1, "out of memory");
	memcpy(fmt, format, flen);
	strcpy(fmt + flen, " ");
	do {
		free(buf);
		size *= 2;
		buf = malloc(size);
		if (!buf)
			msg_die(1, "out of memory");
		n = strftime(buf, size, fmt, tm);
	} while (!n);
	printf("%.*s\n", (int)(n - 1), buf);
	free(buf);
	free(fmt);
}

int main(int argc, char **argv)
{
	const char *format = DATE_DEFAULT_FORMAT;
	struct timespec now;
	struct stat st;
	struct tm *tm;
	time_t when;
	bool given = false;
	int c;

	cli_init(argv[0], "[-u] [-d @SECONDS | -r FILE] [+FORMAT]", 1);
	if (clock_gettime(CLOCK_REALTIME, &now) < 0)
		msg_die(1, "cannot read the clock");
	when = now.tv_sec;
	while ((c = cli_getopt(argc, argv, "+ud:r:")) != -1) {
		if (c == 'u' && setenv("TZ", "UTC0", 1) < 0)
			msg_die(1, "setenv");
		if (c == 'd' || c == 'r') {
			if (given)
				cli_usage_error("the options to specify dates are mutually exclusive");
			given = true;
		}
		if (c == 'd')
			when = parse_when(optarg);
		if (c == 'r' && stat(optarg, &st) < 0)
			msg_die(1, "%s", optarg);
		if (c == 'r')
			when = st.st_mtime;
	}
	if (optind < argc && argv[optind][0] == '+')
		format = argv[optind++] + 1;
	else if (optind < argc)
		msg_diex(1, "setting the date is not supported: '%s'", argv[optind]);
	if (optind < argc)
		cli_usage_error("extra operand '%s'", argv[optind]);
	tzset();
	tm = localtime(&when);
	if (!tm)
		msg_diex(1, "time %lld is out of range", (long long)when);
	print_time(format, tm);
	cli_exit(0);
}
