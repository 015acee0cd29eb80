/*
 * uptime: the time, how long the system has been up, the users and the
 * load averages, from /proc/uptime and /proc/loadavg, as procps prints
 * them. Breenix keeps no utmp, so no one is counted as logged in.
 * -p prints only the time up in words, -s the time the system came up.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "msg.h"

static const char usage[] = "[-p|-s]\n"
			    "Show how long the system has been running, and its load.";

static double read_uptime(void)
{
	FILE *f = fopen("/proc/uptime", "r");
	double up;

	if (!f || fscanf(f, "%lf", &up) != 1)
		msg_die(1, "/proc/uptime");
	fclose(f);
	return up;
}

static void print_pretty(long up)
{
	long parts[4] = { up / 604800, up / 86400 % 7, up / 3600 % 24, up / 60 % 60 };
	static const char *const names[4] = { "week", "day", "hour", "minute" };
	int printed = 0;

	fputs("up", stdout);
	for (int i = 0; i < 4; i++) {
		if (!parts[i] && !(i == 3 && !printed))
			continue;
		printf("%s %ld %s%s", printed ? "," : "", parts[i], names[i],
		       parts[i] == 1 ? "" : "s");
		printed = 1;
	}
	putchar('\n');
}

static void print_since(long up)
{
	time_t boot = time(NULL) - up;
	struct tm tm;
	char buf[32];

	localtime_r(&boot, &tm);
	strftime(buf, sizeof(buf), "%Y-%m-%d %H:%M:%S", &tm);
	puts(buf);
}

static void print_default(long up)
{
	FILE *f = fopen("/proc/loadavg", "r");
	double load[3];
	time_t now = time(NULL);
	struct tm tm;
	long days = up / 86400, hours = up / 3600 % 24, mins = up / 60 % 60;
	const int users = 0;

	if (!f || fscanf(f, "%lf %lf %lf", &load[0], &load[1], &load[2]) != 3)
		msg_die(1, "/proc/loadavg");
	fclose(f);
	localtime_r(&now, &tm);
	printf(" %02d:%02d:%02d up ", tm.tm_hour, tm.tm_min, tm.tm_sec);
	if (days)
		printf("%ld day%s, ", days, days == 1 ? "" : "s");
	if (hours)
		printf("%2ld:%02ld, ", hours, mins);
	else
		printf("%ld min, ", mins);
	printf("%2d %s,  load average: %.2f, %.2f, %.2f\n", users, users > 1 ? "users" : "user",
	       load[0], load[1], load[2]);
}

int main(int argc, char **argv)
{
	int c, mode = 0;
	long up;

	cli_init(argv[0], usage, 1);
	while ((c = cli_getopt(argc, argv, "ps")) != -1) {
		mode = c;
	}
	if (optind < argc)
		cli_usage_error("extra operand '%s'", argv[optind]);
	up = (long)read_uptime();
	if (mode == 'p')
		print_pretty(up);
	else if (mode == 's')
		print_since(up);
	else
		print_default(up);
	cli_exit(0);
}
