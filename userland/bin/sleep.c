/*
 * sleep: pause for the sum of the arguments, as coreutils: each a number
 * (fractions allowed) with an optional unit s, m, h or d.
 */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

/* Seconds in one unit named by suffix, or 0 for an unknown suffix. */
static double unit_seconds(const char *suffix)
{
	static const char units[] = "smhd";
	static const double seconds[] = { 1, 60, 60 * 60, 24 * 60 * 60 };
	const char *hit;

	if (!*suffix)
		return 1;
	if (suffix[1] || !(hit = strchr(units, *suffix)))
		return 0;
	return seconds[hit - units];
}

static double parse_interval(const char *arg)
{
	double v, unit;
	char *end;

	errno = 0;
	v = strtod(arg, &end);
	unit = end == arg ? 0 : unit_seconds(end);
	if (!unit || isnan(v) || v < 0)
		cli_usage_error("invalid time interval '%s'", arg);
	return v * unit;
}

int main(int argc, char **argv)
{
	struct timespec ts;
	double total = 0;

	cli_init(argv[0], "NUMBER[s|m|h|d]...", 1);
	/* No options: any is a usage error. */
	cli_getopt(argc, argv, "+");
	if (optind >= argc)
		cli_usage_error("missing operand");
	for (int i = optind; i < argc; i++)
		total += parse_interval(argv[i]);
	/* Longer than time_t counts is forever; sleep a day at a time. */
	while (total > 0) {
		double step = total > 86400 ? 86400 : total;

		ts.tv_sec = (time_t)step;
		ts.tv_nsec = (long)((step - (double)ts.tv_sec) * 1e9);
		while (nanosleep(&ts, &ts) == -1 && errno == EINTR)
			;
		if (!isinf(total))
			total -= step;
	}
	return 0;
}
