/*
 * Civil (proleptic Gregorian, UTC) dates and Unix time, converted in closed
 * form without loops over years: the RTC hands over a date, the kernel keeps
 * seconds since 1970-01-01 00:00:00 UTC.
 */
#ifndef BREENIX_CALENDAR_H
#define BREENIX_CALENDAR_H

#include <stdbool.h>
#include <stdint.h>

struct cal_time {
	int32_t year;		/* 0-9999 */
	int32_t mon;		/* 1-12 */
	int32_t mday;		/* 1-31, as the month allows */
	int32_t hour;		/* 0-23 */
	int32_t min;		/* 0-59 */
	int32_t sec;		/* 0-59 */
};

bool cal_is_leap(int64_t year);
int cal_days_in_month(int64_t year, int32_t mon);

/* Days from 1970-01-01 to y-m-d (negative before); m, d must be in range. */
int64_t cal_days_from_civil(int64_t year, int32_t mon, int32_t mday);

/* Whether every field is in range (a real day of a real month, year 0-9999). */
bool cal_valid(const struct cal_time *t);

/* Seconds since the epoch; 0 or -EINVAL for a field out of range. */
int cal_to_time64(const struct cal_time *t, int64_t *secs);

/* The civil date of secs seconds since the epoch; secs within years 0-9999. */
void time64_to_cal(int64_t secs, struct cal_time *t);

#endif
