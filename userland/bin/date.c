/*
 * date: print the time, as coreutils: by default as "Wed Nov 25 06:30:00 UTC
 * 2026", or by +FORMAT (strftime's conversions and GNU's: %N %q %P %s %:z
 * %::z %:::z, the flags - _ 0 ^ # and a width), -I[TIMESPEC] (ISO 8601),
 * -R (RFC 5322); -u for UTC, -d STRING for another moment (see
 * parsedate.h), -r FILE for a file's modification time; -s STRING or the
 * operand MMDDhhmm[[CC]YY][.ss] sets the clock (root), then prints it.
 */
#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "msg.h"
#include "cli.h"
#include "parsedate.h"

#define DATE_DEFAULT_FORMAT "%a %b %e %H:%M:%S %Z %Y"
/* RFC 5322, section 3.3: the date and time of Internet messages. */
#define DATE_RFC5322 "%a, %d %b %Y %H:%M:%S %z"

/* The moment printed and its broken-down local time. */
struct moment {
	struct timespec ts;
	struct tm tm;
};

/* One conversion of the format: flags, width, colons, the letter. */
struct conv {
	char pad;		/* '-' none, '_' spaces, '0' zeros, 0 the letter's own */
	bool upper, swap;	/* '^', '#' */
	int width;		/* -1 if none */
	int colons;
	char mod;		/* E or O, else 0 */
	char letter;
};

/* The numeric conversions: the letter, its width, its padding. */
static const struct {
	char letter;
	int width;
	char pad;
} numeric[] = {
	{ 'C', 2, '0' }, { 'd', 2, '0' }, { 'e', 2, ' ' }, { 'G', 4, '0' }, { 'g', 2, '0' },
	{ 'H', 2, '0' }, { 'I', 2, '0' }, { 'j', 3, '0' }, { 'k', 2, ' ' }, { 'l', 2, ' ' },
	{ 'm', 2, '0' }, { 'M', 2, '0' }, { 'N', 9, '0' }, { 'q', 1, '0' }, { 'S', 2, '0' },
	{ 's', 1, '0' }, { 'u', 1, '0' }, { 'U', 2, '0' }, { 'V', 2, '0' }, { 'w', 1, '0' },
	{ 'W', 2, '0' }, { 'y', 2, '0' }, { 'Y', 1, '0' },
};

/* strftime() of one conversion into buf (size 64 is plenty for one). */
static void strftime_one(char *buf, size_t size, const struct conv *c, const struct tm *tm)
{
	char fmt[4] = { '%', c->mod ? c->mod : c->letter, c->mod ? c->letter : '\0', '\0' };

	if (!strftime(buf, size, fmt, tm))
		buf[0] = '\0';
}

/*
 * %z with colons: +hhmm, +hh:mm, +hh:mm:ss, or as few as needed (%:::z),
 * from strftime's %z (struct tm has no portable offset field).
 */
static void zone_text(char *buf, size_t size, int colons, const struct tm *tm)
{
	char z[16];

	if (!strftime(z, sizeof(z), "%z", tm) || strlen(z) != 5)
		strcpy(z, "+0000");
	if (colons == 0 || size < 10)
		snprintf(buf, size, "%s", z);
	else if (colons == 1 || (colons == 3 && strcmp(z + 3, "00")))
		snprintf(buf, size, "%.3s:%s", z, z + 3);
	else if (colons == 3)
		snprintf(buf, size, "%.3s", z);
	else
		snprintf(buf, size, "%.3s:%s:00", z, z + 3);
}

/* The text of one conversion before padding; its default width and pad if numeric. */
static void conv_text(char *buf, size_t size, const struct conv *c, const struct moment *m,
		      int *width, char *pad)
{
	int digits;

	*width = -1;
	for (size_t i = 0; i < sizeof(numeric) / sizeof(*numeric); i++) {
		if (numeric[i].letter == c->letter) {
			*width = numeric[i].width;
			*pad = numeric[i].pad;
		}
	}
	switch (c->letter) {
	case 'N':
		/* A width is the number of digits: fewer cut, more add zeros on the right. */
		digits = c->width > 0 ? c->width : 9;
		if (digits >= (int)size)
			digits = (int)size - 1;
		snprintf(buf, size, "%09ld%0*d", m->ts.tv_nsec, digits > 9 ? digits - 9 : 0, 0);
		buf[digits] = '\0';
		*width = (int)strlen(buf);
		return;
	case 'q':
		snprintf(buf, size, "%d", m->tm.tm_mon / 3 + 1);
		return;
	case 's':
		snprintf(buf, size, "%lld", (long long)m->ts.tv_sec);
		return;
	case 'k':
		snprintf(buf, size, "%d", m->tm.tm_hour);
		return;
	case 'l':
		snprintf(buf, size, "%d", (m->tm.tm_hour + 11) % 12 + 1);
		return;
	case 'P':
		snprintf(buf, size, "%s", m->tm.tm_hour < 12 ? "am" : "pm");
		return;
	case 'z':
		zone_text(buf, size, c->colons, &m->tm);
		return;
	}
	strftime_one(buf, size, c, &m->tm);
	/* Numbers are padded again below, by the flags. */
	if (*width > 0) {
		size_t skip = strspn(buf, *pad == ' ' ? " " : "0");

		if (skip == strlen(buf) && skip)
			skip--;
		memmove(buf, buf + skip, strlen(buf + skip) + 1);
	}
}

/* The case flags: ^ upper case; # upper case, or lower for %p %Z (whose text is upper). */
static void change_case(char *s, const struct conv *c)
{
	bool lower = c->swap && (c->letter == 'p' || c->letter == 'Z');

	if (!c->upper && !c->swap)
		return;
	for (; *s; s++)
		*s = lower ? (char)tolower((unsigned char)*s) : (char)toupper((unsigned char)*s);
}

static void put_conv(FILE *f, const struct conv *c, const struct moment *m)
{
	char text[128], pad = ' ';
	int width, len, sign;

	conv_text(text, sizeof(text), c, m, &width, &pad);
	change_case(text, c);
	if (c->pad == '-') {
		fputs(text, f);
		return;
	}
	if (c->pad)
		pad = c->pad == '_' ? ' ' : '0';
	if (c->width >= 0 && c->letter != 'N')
		width = c->width;
	len = (int)strlen(text);
	/* A sign stays in front of zeros: %010z is +000000000. */
	sign = pad == '0' && (text[0] == '+' || text[0] == '-');
	if (sign)
		fputc(text[0], f);
	for (int i = len; i < width; i++)
		fputc(pad, f);
	fputs(text + sign, f);
}

/* After a '%': the conversion; the format position after it. */
static const char *read_conv(const char *p, struct conv *c)
{
	memset(c, 0, sizeof(*c));
	c->width = -1;
	for (;; p++) {
		if (*p == '-' || *p == '_' || *p == '0')
			c->pad = *p;
		else if (*p == '^')
			c->upper = true;
		else if (*p == '#')
			c->swap = true;
		else
			break;
	}
	if (*p >= '1' && *p <= '9')
		c->width = (int)strtol(p, (char **)&p, 10);
	while (*p == ':' && c->colons < 3) {
		c->colons++;
		p++;
	}
	if (*p == 'E' || *p == 'O')
		c->mod = *p++;
	c->letter = *p;
	return p;
}

/* The format with every conversion expanded, then a newline. */
static void print_time(const char *format, const struct moment *m)
{
	struct conv c;

	for (const char *p = format; *p; p++) {
		const char *start = p;

		if (*p != '%') {
			putchar(*p);
			continue;
		}
		p = read_conv(p + 1, &c);
		if (!c.letter || (c.colons && c.letter != 'z')) {
			/* Not a conversion: printed as it is, as coreutils does. */
			fwrite(start, 1, p - start + (c.letter != 0), stdout);
			if (!c.letter)
				break;
			continue;
		}
		put_conv(stdout, &c, m);
	}
	putchar('\n');
}

/* -I's argument: the format of the ISO 8601 precision it names (a prefix will do). */
static const char *iso_format(const char *arg)
{
	/* In coreutils' order, which its list of valid arguments shows. */
	static const char *const names[] = { "hours", "minutes", "date", "seconds", "ns", NULL };
	static const char *const formats[] = { "%Y-%m-%dT%H%:z", "%Y-%m-%dT%H:%M%:z", "%Y-%m-%d",
		"%Y-%m-%dT%H:%M:%S%:z", "%Y-%m-%dT%H:%M:%S,%N%:z" };

	return arg ? formats[cli_choice(arg, "iso-8601", names, NULL)] : formats[2];
}

/*
 * POSIX date's operand MMDDhhmm[[CC]YY][.ss] in local time, the year and
 * seconds defaulting to now's; false when it is not one.
 */
static bool parse_posix_time(const char *arg, const struct timespec *now, struct timespec *out)
{
	const char *dot = strchr(arg, '.');
	size_t len = dot ? (size_t)(dot - arg) : strlen(arg), i;
	struct tm tm;
	int f[6];

	if ((len != 8 && len != 10 && len != 12) || (dot && strlen(dot) != 3))
		return false;
	for (i = 0; arg[i]; i++)
		if (!isdigit((unsigned char)arg[i]) && arg + i != dot)
			return false;
	for (i = 0; i < len / 2; i++)
		f[i] = (arg[2 * i] - '0') * 10 + arg[2 * i + 1] - '0';
	if (!localtime_r(&now->tv_sec, &tm))
		return false;
	tm.tm_mon = f[0] - 1;
	tm.tm_mday = f[1];
	tm.tm_hour = f[2];
	tm.tm_min = f[3];
	tm.tm_sec = dot ? (dot[1] - '0') * 10 + dot[2] - '0' : 0;
	/* A two-digit year: 69-99 are 19YY, 00-68 20YY (POSIX). */
	if (len == 10)
		tm.tm_year = f[4] < 69 ? f[4] + 100 : f[4];
	if (len == 12)
		tm.tm_year = f[4] * 100 + f[5] - 1900;
	if (tm.tm_mon > 11 || tm.tm_mday < 1 || tm.tm_mday > 31 || tm.tm_hour > 23 ||
	    tm.tm_min > 59 || tm.tm_sec > 60)
		return false;
	tm.tm_isdst = -1;
	out->tv_sec = mktime(&tm);
	out->tv_nsec = 0;
	return out->tv_sec != (time_t)-1;
}

/* Sets the clock to @when (root only, as coreutils reports it otherwise). */
static void set_clock(const struct timespec *when)
{
	if (clock_settime(CLOCK_REALTIME, when) < 0)
		msg_die(1, "cannot set date");
}

/* The moment: now, or -d's (read in the zone finally chosen: -u may come after it), or -r's. */
static void set_moment(const char *date_arg, const char *file_arg, struct timespec *when)
{
	struct timespec now = *when;
	struct stat st;

	if (file_arg && stat(file_arg, &st) < 0)
		msg_die(1, "%s", file_arg);
	if (file_arg)
		*when = st.st_mtim;
	else if (date_arg && !parse_date(date_arg, &now, when))
		msg_diex(1, "invalid date '%s'", date_arg);
}

/* coreutils' long names of date's options. */
static const struct cli_option longopts[] = {
	{ "date", CLI_REQUIRED_ARG, 'd' },
	{ "iso-8601", CLI_OPTIONAL_ARG, 'I' },
	{ "reference", CLI_REQUIRED_ARG, 'r' },
	{ "rfc-email", CLI_NO_ARG, 'R' },
	{ "set", CLI_REQUIRED_ARG, 's' },
	{ "utc", CLI_NO_ARG, 'u' },
	{ "universal", CLI_NO_ARG, 'u' },
	{ NULL, CLI_NO_ARG, 0 },
};

int main(int argc, char **argv)
{
	const char *format = DATE_DEFAULT_FORMAT, *date_arg = NULL, *file_arg = NULL;
	bool set = false;
	struct moment m;
	int c;

	cli_init(argv[0], "[-Ru] [-d STRING | -r FILE | -s STRING] [-I[TIMESPEC]] "
		 "[+FORMAT | MMDDhhmm[[CC]YY][.ss]]", 1);
	if (clock_gettime(CLOCK_REALTIME, &m.ts) < 0)
		msg_die(1, "cannot read the clock");
	while ((c = cli_getopt_long(argc, argv, "+ud:r:s:I::R", longopts)) != -1) {
		if (c == 'u' && setenv("TZ", "UTC0", 1) < 0)
			msg_die(1, "setenv");
		if ((c == 'd' && file_arg) || (c == 'r' && date_arg))
			cli_usage_error("the options to specify dates for printing are mutually exclusive");
		if ((c == 's' && (date_arg || file_arg)) || ((c == 'd' || c == 'r') && set))
			cli_usage_error("the options to print and set the time may not be used together");
		if (c == 'd' || c == 's')
			date_arg = optarg;
		set |= c == 's';
		if (c == 'r')
			file_arg = optarg;
		if (c == 'I')
			format = iso_format(optarg);
		if (c == 'R')
			format = DATE_RFC5322;
	}
	tzset();
	set_moment(date_arg, file_arg, &m.ts);
	if (optind < argc && argv[optind][0] == '+') {
		format = argv[optind++] + 1;
	} else if (optind < argc && !set && !date_arg && !file_arg) {
		if (!parse_posix_time(argv[optind], &m.ts, &m.ts))
			msg_diex(1, "invalid date '%s'", argv[optind]);
		set = true;
		optind++;
	}
	if (optind < argc)
		cli_usage_error("extra operand '%s'", argv[optind]);
	if (set)
		set_clock(&m.ts);
	if (!localtime_r(&m.ts.tv_sec, &m.tm))
		msg_diex(1, "time %lld is out of range", (long long)m.ts.tv_sec);
	print_time(format, &m);
	cli_exit(0);
}
