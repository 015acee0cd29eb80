/*
 * Civil dates to Unix time and back in closed form, after H. Hinnant,
 * "chrono-Compatible Low-Level Date Algorithms": years are counted from
 * March so the leap day ends a year, in 400-year eras of 146097 days.
 * Built into the kernel and into the host tests.
 */
#include <breenix/calendar.h>
#include <breenix/errno.h>

#define SECS_PER_DAY		86400
/* Days from 0000-03-01 to 1970-01-01. */
#define DAYS_0000_03_TO_EPOCH	719468
#define DAYS_PER_ERA		146097

bool cal_is_leap(int64_t year)
{
	return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int cal_days_in_month(int64_t year, int32_t mon)
{
	static const int8_t days[12] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};

	if (mon == 2 && cal_is_leap(year))
		return 29;
	return days[mon - 1];
}

int64_t cal_days_from_civil(int64_t year, int32_t mon, int32_t mday)
{
	int64_t y = year - (mon <= 2);
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	uint32_t yoe = (uint32_t)(y - era * 400);
	uint32_t mp = (uint32_t)(mon > 2 ? mon - 3 : mon + 9);
	uint32_t doy = (153 * mp + 2) / 5 + (uint32_t)mday - 1;
	uint32_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * DAYS_PER_ERA + doe - DAYS_0000_03_TO_EPOCH;
}

bool cal_valid(const struct cal_time *t)
{
	if (t->year < 0 || t->year > 9999 || t->mon < 1 || t->mon > 12)
		return false;
	if (t->mday < 1 || t->mday > cal_days_in_month(t->year, t->mon))
		return false;
	return t->hour >= 0 && t->hour <= 23 && t->min >= 0 && t->min <= 59 &&
	       t->sec >= 0 && t->sec <= 59;
}

int cal_to_time64(const struct cal_time *t, int64_t *secs)
{
	if (!cal_valid(t))
		return -EINVAL;
	*secs = cal_days_from_civil(t->year, t->mon, t->mday) * SECS_PER_DAY +
		t->hour * 3600 + t->min * 60 + t->sec;
	return 0;
}

void time64_to_cal(int64_t secs, struct cal_time *t)
{
	int64_t days = secs / SECS_PER_DAY, rem = secs % SECS_PER_DAY;
	int64_t z, era;
	uint32_t doe, yoe, doy, mp;

	if (rem < 0) {
		rem += SECS_PER_DAY;
		days--;
	}
	z = days + DAYS_0000_03_TO_EPOCH;
	era = (z >= 0 ? z : z - (DAYS_PER_ERA - 1)) / DAYS_PER_ERA;
	doe = (uint32_t)(z - era * DAYS_PER_ERA);
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	t->mday = (int32_t)(doy - (153 * mp + 2) / 5 + 1);
	t->mon = (int32_t)(mp < 10 ? mp + 3 : mp - 9);
	t->year = (int32_t)(yoe + era * 400 + (t->mon <= 2));
	t->hour = (int32_t)(rem / 3600);
	t->min = (int32_t)(rem / 60 % 60);
	t->sec = (int32_t)(rem % 60);
}
