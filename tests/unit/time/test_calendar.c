/*
 * Calendar conversion: known instants, leap years (2000 yes, 1900 and 2100
 * no), every day of 1200 years against a day-by-day model, round trips,
 * and fields out of range rejected.
 */
#include <check.h>
#include <stdlib.h>
#include <breenix/calendar.h>
#include <breenix/errno.h>
#include "unit.h"

static struct cal_time T(int y, int mo, int d, int h, int mi, int s)
{
	struct cal_time t = { y, mo, d, h, mi, s };

	return t;
}

static int64_t secs_of(struct cal_time t)
{
	int64_t s = 0x5a5a5a5a;

	ck_assert_int_eq(cal_to_time64(&t, &s), 0);
	return s;
}

static void assert_cal_eq(const struct cal_time *a, const struct cal_time *b)
{
	ck_assert_int_eq(a->year, b->year);
	ck_assert_int_eq(a->mon, b->mon);
	ck_assert_int_eq(a->mday, b->mday);
	ck_assert_int_eq(a->hour, b->hour);
	ck_assert_int_eq(a->min, b->min);
	ck_assert_int_eq(a->sec, b->sec);
}

START_TEST(known_instants)
{
	ck_assert_int_eq(secs_of(T(1970, 1, 1, 0, 0, 0)), 0);
	ck_assert_int_eq(secs_of(T(1969, 12, 31, 23, 59, 59)), -1);
	ck_assert_int_eq(secs_of(T(2000, 1, 1, 0, 0, 0)), 946684800);
	ck_assert_int_eq(secs_of(T(2000, 2, 29, 0, 0, 0)), 951782400);
	ck_assert_int_eq(secs_of(T(2000, 3, 1, 0, 0, 0)), 951868800);
	ck_assert_int_eq(secs_of(T(2024, 2, 29, 12, 0, 0)), 1709208000);
	ck_assert_int_eq(secs_of(T(2026, 11, 25, 1, 23, 45)), 1795569825);
	/* The 32-bit time_t limit and the second after it. */
	ck_assert_int_eq(secs_of(T(2038, 1, 19, 3, 14, 7)), 2147483647);
	ck_assert_int_eq(secs_of(T(2038, 1, 19, 3, 14, 8)), 2147483648LL);
	ck_assert_int_eq(secs_of(T(2100, 2, 28, 23, 59, 59)), 4107542399LL);
	ck_assert_int_eq(secs_of(T(2100, 3, 1, 0, 0, 0)), 4107542400LL);
	ck_assert_int_eq(secs_of(T(2106, 2, 7, 6, 28, 16)), 4294967296LL);
	ck_assert_int_eq(secs_of(T(9999, 12, 31, 23, 59, 59)), 253402300799LL);
	ck_assert_int_eq(secs_of(T(0, 1, 1, 0, 0, 0)), -62167219200LL);
}
END_TEST

START_TEST(leap_years)
{
	ck_assert(cal_is_leap(2000));
	ck_assert(cal_is_leap(2024));
	ck_assert(cal_is_leap(2400));
	ck_assert(!cal_is_leap(1900));
	ck_assert(!cal_is_leap(2023));
	ck_assert(!cal_is_leap(2100));
	ck_assert(!cal_is_leap(2200));
	ck_assert_int_eq(cal_days_in_month(2000, 2), 29);
	ck_assert_int_eq(cal_days_in_month(2100, 2), 28);
	ck_assert_int_eq(cal_days_in_month(2024, 4), 30);
	ck_assert_int_eq(cal_days_in_month(2024, 12), 31);
	/* 2100 is not leap: Feb 28 is followed by Mar 1. */
	ck_assert_int_eq(cal_days_from_civil(2100, 3, 1) -
			 cal_days_from_civil(2100, 2, 28), 1);
	ck_assert_int_eq(cal_days_from_civil(2000, 3, 1) -
			 cal_days_from_civil(2000, 2, 28), 2);
}
END_TEST

/*
 * Every day from 1600 to 2800 numbered by a plain day-by-day walk. Hot loops
 * test with if + ck_abort_msg: each ck_assert reports its location to the
 * forked runner, which would dominate the run time.
 */
START_TEST(every_day_matches_a_walk)
{
	int64_t n = cal_days_from_civil(1600, 1, 1);
	int y, m, d;

	ck_assert_int_eq(n, -135140);
	for (y = 1600; y < 2800; y++) {
		for (m = 1; m <= 12; m++) {
			for (d = 1; d <= cal_days_in_month(y, m); d++) {
				struct cal_time back;

				time64_to_cal(n * 86400 + 86399, &back);
				if (cal_days_from_civil(y, m, d) != n ||
				    back.year != y || back.mon != m ||
				    back.mday != d || back.hour != 23 ||
				    back.min != 59 || back.sec != 59)
					ck_abort_msg("%04d-%02d-%02d: day %lld, back %04d-%02d-%02d",
						     y, m, d, (long long)cal_days_from_civil(y, m, d),
						     back.year, back.mon, back.mday);
				n++;
			}
		}
	}
	ck_assert_int_eq(n, cal_days_from_civil(2800, 1, 1));
}
END_TEST

START_TEST(seconds_round_trip)
{
	const int64_t lo = -62167219200LL, hi = 253402300799LL;
	uint64_t x = 88172645463325252ULL;
	int i;

	for (i = 0; i < 200000; i++) {
		struct cal_time t;
		int64_t s, back = -1;

		/* xorshift64: spread over years 0-9999. */
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		s = lo + (int64_t)(x % (uint64_t)(hi - lo + 1));
		time64_to_cal(s, &t);
		if (!cal_valid(&t) || cal_to_time64(&t, &back) || back != s)
			ck_abort_msg("%lld came back as %lld", (long long)s,
				     (long long)back);
	}
}
END_TEST

START_TEST(known_instants_back)
{
	struct cal_time t, want = T(2038, 1, 19, 3, 14, 8);

	time64_to_cal(2147483648LL, &t);
	assert_cal_eq(&t, &want);
	want = T(1969, 12, 31, 23, 59, 59);
	time64_to_cal(-1, &t);
	assert_cal_eq(&t, &want);
	want = T(2100, 3, 1, 0, 0, 0);
	time64_to_cal(4107542400LL, &t);
	assert_cal_eq(&t, &want);
}
END_TEST

START_TEST(out_of_range_rejected)
{
	static const struct cal_time bad[] = {
		{ 2100, 2, 29, 0, 0, 0 }, { 2023, 2, 29, 0, 0, 0 },
		{ 1900, 2, 29, 0, 0, 0 }, { 2024, 2, 30, 0, 0, 0 },
		{ 2024, 4, 31, 0, 0, 0 }, { 2024, 0, 1, 0, 0, 0 },
		{ 2024, 13, 1, 0, 0, 0 }, { 2024, 1, 0, 0, 0, 0 },
		{ 2024, 1, 32, 0, 0, 0 }, { 2024, 1, 1, 24, 0, 0 },
		{ 2024, 1, 1, 0, 60, 0 }, { 2024, 1, 1, 0, 0, 60 },
		{ 2024, 1, 1, -1, 0, 0 }, { 2024, 1, 1, 0, -1, 0 },
		{ 2024, 1, 1, 0, 0, -1 }, { -1, 1, 1, 0, 0, 0 },
		{ 10000, 1, 1, 0, 0, 0 }, { 2024, -3, 1, 0, 0, 0 },
	};
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		int64_t s = 42;

		ck_assert(!cal_valid(&bad[i]));
		ck_assert_int_eq(cal_to_time64(&bad[i], &s), -EINVAL);
		ck_assert_int_eq(s, 42);
	}
}
END_TEST

Suite *unit_suite(void)
{
	Suite *s = suite_create("calendar");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, known_instants);
	tcase_add_test(tc, leap_years);
	tcase_add_test(tc, every_day_matches_a_walk);
	tcase_add_test(tc, seconds_round_trip);
	tcase_add_test(tc, known_instants_back);
	tcase_add_test(tc, out_of_range_rejected);
	suite_add_tcase(s, tc);
	return s;
}
