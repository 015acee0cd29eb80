/*
 * Dates as people write them, read the way coreutils' date -d reads them
 * (gnulib's parse_datetime), for date -d: "@SECONDS", ISO 8601 dates and
 * times ("2026-11-25", "2026-11-25T10:00:00+01:00", "10:00"), "Nov 25
 * 2026", "11/25/2026", now/today/yesterday/tomorrow, weekdays ("monday",
 * "next fri") and relative items ("+3 days", "1 hour ago", "next week").
 */
#ifndef USERLAND_PARSEDATE_H
#define USERLAND_PARSEDATE_H

#include <stdbool.h>
#include <time.h>

/* The moment s names, relative to now, in the local time zone (TZ); false if none. */
bool parse_date(const char *s, const struct timespec *now, struct timespec *out);

#endif
