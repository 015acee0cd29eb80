/*
 * parse_date (see parsedate.h): the string is read item by item (a date, a
 * time with its zone, a weekday, a relative item), as in coreutils; then
 * the moment is built from now: a date or weekday without a time means
 * midnight, a weekday applies only without a date, and the relative items
 * come last (years, months and days on the calendar, the rest in seconds).
 */
#include <ctype.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "parsedate.h"

/* The relative units, in the order of struct when's rel[]. */
enum unit { U_YEAR, U_MONTH, U_DAY, U_HOUR, U_MINUTE, U_SECOND, U_COUNT };

struct when {
	const char *p;		/* what is left to read, lower case */
	bool date_seen, time_seen, day_seen, zone_seen;
	long long year;
	int month, mday;	/* 1-12, 1-31 */
	int hour, min, sec;
	long nsec;
	long zone;		/* seconds east of UTC */
	int day_ordinal, day_number;	/* 0 is Sunday */
	long long rel[U_COUNT];
	int last_unit;		/* the last relative item, which "ago" turns round */
	long long last_count;
	bool ago_ok;		/* there is one, not yet turned */
};

static const char *const months[] = { "january", "february", "march", "april", "may", "june",
	"july", "august", "september", "october", "november", "december" };
static const char *const days[] = { "sunday", "monday", "tuesday", "wednesday", "thursday",
	"friday", "saturday" };

static const struct {
	const char *name;
	enum unit unit;
	int times;
} units[] = {
	{ "year", U_YEAR, 1 }, { "month", U_MONTH, 1 }, { "fortnight", U_DAY, 14 },
	{ "week", U_DAY, 7 }, { "day", U_DAY, 1 }, { "hour", U_HOUR, 1 },
	{ "minute", U_MINUTE, 1 }, { "min", U_MINUTE, 1 }, { "second", U_SECOND, 1 },
	{ "sec", U_SECOND, 1 },
};

static void skip_blanks(struct when *w)
{
	while (*w->p == ' ' || *w->p == '\t')
		w->p++;
}

/* A comma may follow a weekday ("Wed, 25 Nov") and a month's day ("Nov 25, 2026"). */
static void skip_comma(struct when *w)
{
	skip_blanks(w);
	if (*w->p == ',')
		w->p++;
	skip_blanks(w);
}

/* Decimal digits; false if there are none or too many. */
static bool number(struct when *w, long long *v, int *ndigits)
{
	int n = 0;

	*v = 0;
	while (isdigit((unsigned char)w->p[n]) && n < 18)
		*v = *v * 10 + (w->p[n++] - '0');
	if (!n || isdigit((unsigned char)w->p[n]))
		return false;
	w->p += n;
	if (ndigits)
		*ndigits = n;
	return true;
}

/* The next word (letters), without a plural's "s" where plural is set. */
static size_t word(struct when *w, char *buf, size_t size)
{
	size_t n = 0;

	while (isalpha((unsigned char)w->p[n]) && n + 1 < size) {
		buf[n] = w->p[n];
		n++;
	}
	buf[n] = '\0';
	return isalpha((unsigned char)w->p[n]) ? 0 : n;
}

/* A month or weekday name: in full, or its first three letters (and "sept", "tues"...). */
static int name_index(const char *wd, const char *const *names, int count)
{
	static const char *const longer[] = { "sept", "tues", "wednes", "thur", "thurs" };

	for (int i = 0; i < count; i++) {
		if (!strcmp(wd, names[i]) || (strlen(wd) == 3 && !strncmp(wd, names[i], 3)))
			return i;
		for (size_t k = 0; k < sizeof(longer) / sizeof(*longer); k++)
			if (!strcmp(wd, longer[k]) && !strncmp(wd, names[i], strlen(wd)))
				return i;
	}
	return -1;
}

static int unit_index(const char *wd)
{
	size_t n = strlen(wd);

	for (size_t i = 0; i < sizeof(units) / sizeof(*units); i++) {
		size_t k = strlen(units[i].name);

		if (!strcmp(wd, units[i].name) || (n == k + 1 && wd[k] == 's' &&
						    !strncmp(wd, units[i].name, k)))
			return (int)i;
	}
	return -1;
}

static void add_rel(struct when *w, int unit_i, long long count)
{
	w->last_unit = units[unit_i].unit;
	w->last_count = count * units[unit_i].times;
	w->rel[w->last_unit] += w->last_count;
	w->ago_ok = true;
}

/* Years of two digits are 1969-2068, as POSIX's %y. */
static long long full_year(long long y, int ndigits)
{
	if (ndigits == 2)
		return y + (y < 69 ? 2000 : 1900);
	return y;
}

/* After a time: a zone, "Z" or +H, +HH, +HHMM or +HH:MM. */
static bool zone(struct when *w)
{
	long long h, m = 0;
	int sign, nd;

	skip_blanks(w);
	if ((*w->p != 'z' || isalpha((unsigned char)w->p[1])) &&
	    ((*w->p != '+' && *w->p != '-') || !isdigit((unsigned char)w->p[1])))
		return true;
	if (w->zone_seen)
		return false;
	if (*w->p == 'z') {
		w->p++;
		w->zone_seen = true;
		return true;
	}
	sign = *w->p++ == '-' ? -1 : 1;
	if (!number(w, &h, &nd) || nd > 4)
		return false;
	if (nd > 2) {
		m = h % 100;
		h /= 100;
	} else if (*w->p == ':' && (w->p++, !number(w, &m, &nd) || nd != 2)) {
		return false;
	}
	if (h > 24 || m > 59)
		return false;
	w->zone = sign * (long)(h * 3600 + m * 60);
	w->zone_seen = true;
	return true;
}

/* "am" or "pm" after an hour of 1 to 12. */
static bool meridian(struct when *w)
{
	skip_blanks(w);
	if ((w->p[0] != 'a' && w->p[0] != 'p') || w->p[1] != 'm' || isalpha((unsigned char)w->p[2]))
		return w->hour <= 23;
	if (w->hour < 1 || w->hour > 12)
		return false;
	w->hour = w->hour % 12 + (w->p[0] == 'p' ? 12 : 0);
	w->p += 2;
	return true;
}

/* HH:MM[:SS[.FRACTION]] [am|pm] [ZONE], the hour already read. */
static bool clock_time(struct when *w, long long hour)
{
	long long v;
	int nd;

	if (w->time_seen)
		return false;
	w->hour = (int)hour;
	w->min = w->sec = 0;
	w->nsec = 0;
	w->p++;
	if (!number(w, &v, &nd) || nd > 2 || v > 59)
		return false;
	w->min = (int)v;
	if (*w->p == ':') {
		w->p++;
		if (!number(w, &v, &nd) || nd > 2 || v > 60)
			return false;
		w->sec = (int)v;
		if ((*w->p == '.' || *w->p == ',') && isdigit((unsigned char)w->p[1])) {
			w->p++;
			for (long scale = 100000000; isdigit((unsigned char)*w->p); scale /= 10)
				w->nsec += (*w->p++ - '0') * scale;
		}
	}
	w->time_seen = true;
	return meridian(w) && zone(w);
}

static bool calendar_date(struct when *w, long long year, int month, long long mday)
{
	/* One date only; and a year struct tm can hold. */
	if (w->date_seen || year < 1 || year > INT_MAX + 1900LL)
		return false;
	w->year = year;
	w->month = month;
	w->mday = (int)mday;
	w->date_seen = true;
	return month >= 1 && month <= 12 && mday >= 1 && mday <= 31;
}

/* YYYY-MM-DD, then perhaps 'T' and a time. */
static bool iso_date(struct when *w, long long year, int ndigits)
{
	long long month, mday, hour;

	w->p++;
	if (!number(w, &month, NULL) || *w->p++ != '-' || !number(w, &mday, NULL))
		return false;
	if (!calendar_date(w, full_year(year, ndigits), (int)month, mday))
		return false;
	if (*w->p == 't' && isdigit((unsigned char)w->p[1])) {
		w->p++;
		return number(w, &hour, NULL) && *w->p == ':' && clock_time(w, hour);
	}
	return true;
}

/* MM/DD[/YYYY]. */
static bool us_date(struct when *w, long long month, const struct tm *now)
{
	long long mday, year = now->tm_year + 1900;
	int nd = 4;

	w->p++;
	if (!number(w, &mday, NULL))
		return false;
	if (*w->p == '/' && (w->p++, !number(w, &year, &nd)))
		return false;
	return calendar_date(w, full_year(year, nd), (int)month, mday);
}

/*
 * The year after a day and a month, if one follows (not an hour: "Nov 25
 * 10:00"), else this year; after a comma if the month came first.
 */
static bool day_month_year(struct when *w, long long mday, int month, bool month_first,
			   const struct tm *now)
{
	long long year = now->tm_year + 1900;
	const char *save;
	int nd = 4;

	if (month_first)
		skip_comma(w);
	else
		skip_blanks(w);
	save = w->p;
	if (isdigit((unsigned char)*w->p) && (!number(w, &year, &nd) || *w->p == ':')) {
		w->p = save;
		year = now->tm_year + 1900;
		nd = 4;
	}
	return calendar_date(w, full_year(year, nd), month, mday);
}

/*
 * A number alone: an hour (H, HH) or HHMM, or a date YYYYMMDD, as
 * coreutils reads one.
 */
static bool bare_number(struct when *w, long long n, int ndigits)
{
	if (ndigits > 4)
		return calendar_date(w, n / 10000, (int)(n / 100 % 100), n % 100);
	if (w->time_seen)
		return false;
	w->hour = (int)(ndigits > 2 ? n / 100 : n);
	w->min = (int)(ndigits > 2 ? n % 100 : 0);
	w->sec = 0;
	w->nsec = 0;
	w->time_seen = true;
	return w->min <= 59 && meridian(w) && zone(w);
}

/*
 * A number and the word after it: a relative item, an hour with am/pm,
 * "25 Nov [2026]"; or the number alone.
 */
static bool number_and_word(struct when *w, long long n, int ndigits, const struct tm *now)
{
	const char *save;
	char wd[16];
	int i;

	skip_blanks(w);
	save = w->p;
	if (!word(w, wd, sizeof(wd)))
		return bare_number(w, n, ndigits);
	if ((i = unit_index(wd)) >= 0) {
		w->p += strlen(wd);
		add_rel(w, i, n);
		return true;
	}
	if ((i = name_index(wd, months, 12)) >= 0) {
		w->p += strlen(wd);
		return day_month_year(w, n, i + 1, false, now);
	}
	w->p = save;
	if ((strcmp(wd, "am") && strcmp(wd, "pm")) || w->time_seen)
		return bare_number(w, n, ndigits);
	w->hour = n > 12 ? 0 : (int)n;
	w->min = w->sec = 0;
	w->nsec = 0;
	w->time_seen = true;
	return meridian(w) && zone(w);
}

static bool numeric_item(struct when *w, const struct tm *now)
{
	long long n;
	int nd;

	if (!number(w, &n, &nd))
		return false;
	if (*w->p == '-' && isdigit((unsigned char)w->p[1]))
		return iso_date(w, n, nd);
	if (*w->p == ':')
		return clock_time(w, n);
	if (*w->p == '/')
		return us_date(w, n, now);
	return number_and_word(w, n, nd, now);
}

/* +N UNIT, -N UNIT. */
static bool signed_item(struct when *w)
{
	int sign = *w->p++ == '-' ? -1 : 1, i;
	long long n;
	char wd[16];

	if (!number(w, &n, NULL))
		return false;
	skip_blanks(w);
	if (!word(w, wd, sizeof(wd)) || (i = unit_index(wd)) < 0)
		return false;
	w->p += strlen(wd);
	add_rel(w, i, sign * n);
	return true;
}

/* "Nov 25 [2026]" or "November 25, 2026". */
static bool month_first(struct when *w, int month, const struct tm *now)
{
	long long mday;

	skip_blanks(w);
	return number(w, &mday, NULL) && day_month_year(w, mday, month + 1, true, now);
}

/* next, last, this: a weekday or a unit with 1, -1 or 0. */
static bool ordinal(struct when *w, int ord)
{
	char wd[16];
	int i;

	skip_blanks(w);
	if (!word(w, wd, sizeof(wd)))
		return false;
	w->p += strlen(wd);
	if ((i = name_index(wd, days, 7)) >= 0) {
		if (w->day_seen)
			return false;
		w->day_seen = true;
		w->day_number = i;
		w->day_ordinal = ord;
		return true;
	}
	if ((i = unit_index(wd)) < 0)
		return false;
	add_rel(w, i, ord);
	return true;
}

static bool word_item(struct when *w, const struct tm *now)
{
	char wd[16];
	int i;

	if (!word(w, wd, sizeof(wd)))
		return false;
	w->p += strlen(wd);
	if (!strcmp(wd, "now") || !strcmp(wd, "today"))
		return true;
	if (!strcmp(wd, "yesterday") || !strcmp(wd, "tomorrow")) {
		w->rel[U_DAY] += wd[0] == 'y' ? -1 : 1;
		return true;
	}
	if (!strcmp(wd, "next") || !strcmp(wd, "last") || !strcmp(wd, "this"))
		return ordinal(w, wd[0] == 'n' ? 1 : wd[0] == 'l' ? -1 : 0);
	if (!strcmp(wd, "ago")) {
		if (!w->ago_ok)
			return false;
		w->rel[w->last_unit] -= 2 * w->last_count;
		w->ago_ok = false;
		return true;
	}
	if (!strcmp(wd, "utc") || !strcmp(wd, "gmt") || !strcmp(wd, "ut") || !strcmp(wd, "z")) {
		if (w->zone_seen)
			return false;
		w->zone_seen = true;
		return true;
	}
	if ((i = name_index(wd, months, 12)) >= 0)
		return month_first(w, i, now);
	if ((i = name_index(wd, days, 7)) >= 0) {
		if (w->day_seen)
			return false;
		w->day_seen = true;
		w->day_number = i;
		skip_comma(w);
		return true;
	}
	if ((i = unit_index(wd)) >= 0) {
		add_rel(w, i, 1);
		return true;
	}
	return false;
}

static bool is_leap(long long y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int month_days(long long y, int month)
{
	static const int len[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	return len[month - 1] + (month == 2 && is_leap(y));
}

/* Seconds since the epoch of tm read as UTC (fields out of range carry over). */
static time_t utc_seconds(const struct tm *tm)
{
	static const int before[12] = { 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334 };
	long long y = tm->tm_year + 1900LL + tm->tm_mon / 12, m = tm->tm_mon % 12, days;

	if (m < 0) {
		m += 12;
		y--;
	}
	/* 477 leap days fall before 1970 (1969/4 - 1969/100 + 1969/400). */
	days = 365 * (y - 1970) + (y - 1) / 4 - (y - 1) / 100 + (y - 1) / 400 - 477;
	days += before[m] + (m > 1 && is_leap(y)) + tm->tm_mday - 1;
	return (time_t)(((days * 24 + tm->tm_hour) * 60 + tm->tm_min) * 60 + tm->tm_sec);
}

/* "@SECONDS[.FRACTION]", alone. */
static bool epoch(const char *s, struct timespec *out)
{
	char *end;
	long long v;
	long nsec = 0;

	v = strtoll(s + 1, &end, 10);
	if (end == s + 1 || !isdigit((unsigned char)end[-1]))
		return false;
	if ((*end == '.' || *end == ',') && isdigit((unsigned char)end[1])) {
		long scale = 100000000;

		while (isdigit((unsigned char)*++end)) {
			nsec += (*end - '0') * scale;
			scale /= 10;
		}
		if (s[1] == '-' && nsec) {
			v--;
			nsec = 1000000000 - nsec;
		}
	}
	while (isspace((unsigned char)*end))
		end++;
	if (*end || (long long)(time_t)v != v)
		return false;
	out->tv_sec = (time_t)v;
	out->tv_nsec = nsec;
	return true;
}

/* The moment from the items read: see the comment at the top. */
static bool build(const struct when *w, const struct timespec *now, struct tm tm,
		  struct timespec *out)
{
	long nsec = now->tv_nsec;
	time_t t;

	if (w->date_seen) {
		if (w->mday > month_days(w->year, w->month))
			return false;
		tm.tm_year = (int)(w->year - 1900);
		tm.tm_mon = w->month - 1;
		tm.tm_mday = w->mday;
	}
	if (w->time_seen || w->date_seen || w->day_seen) {
		tm.tm_hour = w->time_seen ? w->hour : 0;
		tm.tm_min = w->time_seen ? w->min : 0;
		tm.tm_sec = w->time_seen ? w->sec : 0;
		nsec = w->time_seen ? w->nsec : 0;
	}
	/* The weekday on or after the day (ordinal 0 or 1), else ordinal weeks on. */
	if (w->day_seen && !w->date_seen) {
		int ahead = (w->day_number - tm.tm_wday + 7) % 7;

		tm.tm_mday += ahead + 7 * (w->day_ordinal - (w->day_ordinal > 0 && ahead));
	}
	tm.tm_year += (int)w->rel[U_YEAR];
	tm.tm_mon += (int)w->rel[U_MONTH];
	tm.tm_mday += (int)w->rel[U_DAY];
	tm.tm_isdst = -1;
	t = w->zone_seen ? utc_seconds(&tm) - w->zone : mktime(&tm);
	out->tv_sec = t + w->rel[U_HOUR] * 3600 + w->rel[U_MINUTE] * 60 + w->rel[U_SECOND];
	out->tv_nsec = nsec;
	return true;
}

bool parse_date(const char *s, const struct timespec *now, struct timespec *out)
{
	struct when w = { 0 };
	struct tm tm;
	char *low = strdup(s);
	bool ok = low != NULL;

	while (isspace((unsigned char)*s))
		s++;
	if (*s == '@') {
		free(low);
		return epoch(s, out);
	}
	for (char *c = low; ok && *c; c++)
		*c = (char)tolower((unsigned char)*c);
	w.p = low;
	ok = ok && localtime_r(&now->tv_sec, &tm);
	/* An empty string is midnight today, as in coreutils. */
	w.time_seen = !*s;
	while (ok) {
		skip_blanks(&w);
		if (!*w.p)
			break;
		if (isdigit((unsigned char)*w.p))
			ok = numeric_item(&w, &tm);
		else if ((*w.p == '+' || *w.p == '-') && isdigit((unsigned char)w.p[1]))
			ok = signed_item(&w);
		else
			ok = isalpha((unsigned char)*w.p) && word_item(&w, &tm);
	}
	ok = ok && build(&w, now, tm, out);
	free(low);
	return ok;
}
