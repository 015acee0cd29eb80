/*
 * touch: set files' access and modification times to now or to a given
 * time (-d DATE, -t STAMP, -r FILE), creating files that do not exist
 * unless -c; -a or -m changes only one of the two times.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "msg.h"

static const char usage[] =
	"[-acm] [-d DATE | -t STAMP | -r FILE] FILE...\n"
	"Set FILEs' times to now, creating them unless -c.\n"
	"  -a access time only   -m modification time only\n"
	"  -d DATE   \"YYYY-MM-DD[ HH:MM[:SS]]\" or \"@SECONDS\"\n"
	"  -t STAMP  [[CC]YY]MMDDhhmm[.ss]   -r FILE  FILE's times";

/* n decimal digits at *p, advancing it; -1 if they are not all digits. */
static int digits(const char **p, int n)
{
	int v = 0;

	for (int i = 0; i < n; i++, (*p)++) {
		if (**p < '0' || **p > '9')
			return -1;
		v = v * 10 + (**p - '0');
	}
	return v;
}

/* A broken-down local time to seconds, refusing dates that do not exist. */
static int make_time(struct tm *tm, time_t *out)
{
	struct tm want = *tm;

	tm->tm_isdst = -1;
	*out = mktime(tm);
	if (*out == (time_t)-1 || tm->tm_mday != want.tm_mday || tm->tm_mon != want.tm_mon)
		return -1;
	return 0;
}

static int parse_date(const char *s, time_t *out)
{
	struct tm tm;
	const char *p = s;
	char *end;

	if (*s == '@') {
		long long v = strtoll(s + 1, &end, 10);

		*out = (time_t)v;
		return (end == s + 1 || *end) ? -1 : 0;
	}
	memset(&tm, 0, sizeof(tm));
	tm.tm_year = digits(&p, 4) - 1900;
	if (tm.tm_year < -1900 || *p++ != '-' || (tm.tm_mon = digits(&p, 2) - 1) < 0 ||
	    *p++ != '-' || (tm.tm_mday = digits(&p, 2)) < 0)
		return -1;
	if (*p == ' ' || *p == 'T') {
		p++;
		if ((tm.tm_hour = digits(&p, 2)) < 0 || *p++ != ':' ||
		    (tm.tm_min = digits(&p, 2)) < 0)
			return -1;
		if (*p == ':' && (p++, (tm.tm_sec = digits(&p, 2)) < 0))
			return -1;
	}
	if (*p || tm.tm_hour > 23 || tm.tm_min > 59 || tm.tm_sec > 60)
		return -1;
	return make_time(&tm, out);
}

/* POSIX touch -t: [[CC]YY]MMDDhhmm[.SS]; YY below 69 is 20YY. */
static int parse_stamp(const char *s, time_t *out)
{
	const char *dot = strchr(s, '.');
	size_t len = dot ? (size_t)(dot - s) : strlen(s);
	const char *p = s;
	struct tm tm;
	time_t now = time(NULL);

	if (len != 8 && len != 10 && len != 12)
		return -1;
	localtime_r(&now, &tm);
	if (len == 12) {
		tm.tm_year = digits(&p, 4) - 1900;
	} else if (len == 10) {
		int yy = digits(&p, 2);

		tm.tm_year = yy < 0 ? -1 : (yy < 69 ? yy + 100 : yy);
	}
	tm.tm_mon = digits(&p, 2) - 1;
	tm.tm_mday = digits(&p, 2);
	tm.tm_hour = digits(&p, 2);
	tm.tm_min = digits(&p, 2);
	tm.tm_sec = 0;
	if (dot) {
		p++;
		if (strlen(p) != 2)
			return -1;
		tm.tm_sec = digits(&p, 2);
	}
	if (tm.tm_year < -1900 || tm.tm_mon < 0 || tm.tm_mon > 11 || tm.tm_mday < 1 ||
	    tm.tm_hour < 0 || tm.tm_hour > 23 || tm.tm_min < 0 || tm.tm_min > 59 ||
	    tm.tm_sec < 0 || tm.tm_sec > 60)
		return -1;
	return make_time(&tm, out);
}

static int touch_one(const char *path, const struct timespec times[2], int no_create)
{
	int fd = -1, open_err = 0;

	if (!no_create) {
		fd = open(path, O_WRONLY | O_CREAT | O_NONBLOCK | O_NOCTTY, 0666);
		if (fd < 0)
			open_err = errno;
		else
			close(fd);
	}
	if (utimensat(AT_FDCWD, path, times, 0) == 0)
		return 0;
	if (no_create && errno == ENOENT)
		return 0;
	if (open_err) {
		errno = open_err;
		msg_warn("cannot touch '%s'", path);
	} else {
		msg_warn("setting times of '%s'", path);
	}
	return 1;
}

/* Which times -d, -t or -r give: both, before -a or -m picks. */
static void given_times(int c, const char *arg, struct timespec t[2])
{
	struct stat st;
	time_t when;

	if (c == 'r') {
		if (stat(arg, &st) < 0)
			msg_die(1, "failed to get attributes of '%s'", arg);
		t[0] = st.st_atim;
		t[1] = st.st_mtim;
		return;
	}
	if ((c == 'd' ? parse_date(arg, &when) : parse_stamp(arg, &when)) < 0)
		msg_diex(1, "invalid date format '%s'", arg);
	t[0].tv_sec = t[1].tv_sec = when;
	t[0].tv_nsec = t[1].tv_nsec = 0;
}

/* coreutils' long names of touch's options (-a, -m and -t have none). */
static const struct cli_option longopts[] = {
	{ "no-create", CLI_NO_ARG, 'c' },
	{ "date", CLI_REQUIRED_ARG, 'd' },
	{ "reference", CLI_REQUIRED_ARG, 'r' },
	{ NULL, CLI_NO_ARG, 0 },
};

int main(int argc, char **argv)
{
	struct timespec t[2] = { { 0, UTIME_NOW }, { 0, UTIME_NOW } };
	int c, no_create = 0, only_a = 0, only_m = 0, status = 0;

	cli_init(argv[0], usage, 1);
	while ((c = cli_getopt_long(argc, argv, "acmd:t:r:", longopts)) != -1) {
		if (c == 'a')
			only_a = 1;
		else if (c == 'm')
			only_m = 1;
		else if (c == 'c')
			no_create = 1;
		else if (c == 'd' || c == 't' || c == 'r')
			given_times(c, optarg, t);
	}
	if (optind == argc)
		cli_usage_error("missing file operand");
	if (only_m && !only_a)
		t[0].tv_nsec = UTIME_OMIT;
	if (only_a && !only_m)
		t[1].tv_nsec = UTIME_OMIT;
	for (int i = optind; i < argc; i++)
		status |= touch_one(argv[i], t, no_create);
	return status;
}
