/*
 * Clock arithmetic: mult/shift conversion accurate to 2 ppb plus 1 ns over
 * 1 MHz - 10 GHz counters, no overflow up to 2^64 cycles, delays rounded up,
 * and the statistics used by calibration.
 */
#include <check.h>
#include <stdlib.h>
#include <breenix/clockcalc.h>
#include "unit.h"

static const uint32_t khz_list[] = {
	1000, 1193, 3580, 14318, 32768, 100000, 999999, 1000000, 1193182,
	1600000, 2400000, 2993100, 3000000, 3504000, 3999999, 4294967,
	5000000, 7654321, 10000000,
};

static const uint64_t cycle_list[] = {
	0, 1, 2, 999, 1000000, 3000000000ULL, 1ULL << 32, 1ULL << 40,
	123456789012345ULL, 1ULL << 52, 1ULL << 60, 1ULL << 63,
	UINT64_MAX - 1, UINT64_MAX,
};

/* floor(cycles * 10^6 / khz), or UINT64_MAX if that does not fit. */
static uint64_t exact_ns(uint64_t cycles, uint32_t khz)
{
	unsigned __int128 ns = (unsigned __int128)cycles * NSEC_PER_MSEC / khz;

	return ns > UINT64_MAX ? UINT64_MAX : (uint64_t)ns;
}

static uint64_t xorshift64(uint64_t *x)
{
	*x ^= *x << 13;
	*x ^= *x >> 7;
	*x ^= *x << 17;
	return *x;
}

/* The shift-and-subtract division against the host's native one. */
START_TEST(division_128_by_64)
{
	uint64_t x = 0x9e3779b97f4a7c15ULL;
	int i;

	ck_assert_uint_eq(div128_u64_sat(0, 7), 0);
	ck_assert_uint_eq(div128_u64_sat(UINT64_MAX, 1), UINT64_MAX);
	ck_assert_uint_eq(div128_u64_sat((unsigned __int128)1 << 64, 1),
			  UINT64_MAX);
	ck_assert_uint_eq(div128_u64_sat((unsigned __int128)1 << 64, 2),
			  1ULL << 63);
	ck_assert_uint_eq(div128_u64_sat(~(unsigned __int128)0, UINT64_MAX),
			  UINT64_MAX);
	ck_assert_uint_eq(div128_u64_sat((unsigned __int128)UINT64_MAX *
					 UINT64_MAX, UINT64_MAX), UINT64_MAX);
	for (i = 0; i < 100000; i++) {
		unsigned __int128 n, want;
		uint64_t d, got;

		/* Dividends and divisors of every width. */
		n = (unsigned __int128)(xorshift64(&x) >> (i % 64)) << 64;
		n |= xorshift64(&x);
		d = (xorshift64(&x) >> (i % 61)) | 1;
		want = n / d;
		got = div128_u64_sat(n, d);
		if (want > UINT64_MAX ? got != UINT64_MAX : got != want)
			ck_abort_msg("step %d: quotient %llu", i,
				     (unsigned long long)got);
	}
}
END_TEST

START_TEST(cyc2ns_accurate_over_frequencies)
{
	size_t i, j;

	for (i = 0; i < sizeof(khz_list) / sizeof(khz_list[0]); i++) {
		struct cyc2ns c;

		cyc2ns_init(&c, khz_list[i]);
		ck_assert_uint_le(c.shift, 32);
		ck_assert_uint_ge(c.mult, 1U << 28);
		for (j = 0; j < sizeof(cycle_list) / sizeof(cycle_list[0]); j++) {
			uint64_t want = exact_ns(cycle_list[j], khz_list[i]);
			uint64_t got, err, tol;

			if (want == UINT64_MAX)
				continue;
			got = cyc2ns(&c, cycle_list[j]);
			err = got > want ? got - want : want - got;
			tol = want / 500000000 + 1;	/* 2 ppb + 1 ns */
			ck_assert_msg(err <= tol,
				      "%u kHz, %llu cycles: %llu ns, want %llu",
				      khz_list[i],
				      (unsigned long long)cycle_list[j],
				      (unsigned long long)got,
				      (unsigned long long)want);
		}
	}
}
END_TEST

/* 2^64 cycles of a 3 GHz TSC are 195 years: the product needs 96 bits. */
START_TEST(no_overflow_near_2_64_cycles)
{
	struct cyc2ns c;
	uint64_t prev, cur, cycles, want;

	cyc2ns_init(&c, 3000000);
	prev = cyc2ns(&c, UINT64_MAX - 1000);
	ck_assert_uint_gt(prev, 6148900000000000000ULL);
	for (cycles = UINT64_MAX - 999; cycles != 0; cycles++) {
		cur = cyc2ns(&c, cycles);
		ck_assert_uint_ge(cur, prev);
		prev = cur;
	}
	want = exact_ns(UINT64_MAX, 3000000);
	ck_assert_uint_le(want > prev ? want - prev : prev - want,
			  want / 500000000 + 1);
	/* 1 GHz: exactly 1 ns per cycle all the way up. */
	cyc2ns_init(&c, 1000000);
	ck_assert_uint_eq(cyc2ns(&c, UINT64_MAX), UINT64_MAX);
	ck_assert_uint_eq(cyc2ns(&c, 1ULL << 63), 1ULL << 63);
}
END_TEST

START_TEST(mult_shift_respects_maxsec)
{
	uint32_t mult, shift;

	/* 600 s of a 4 GHz counter times mult must fit 64 bits. */
	clocks_calc_mult_shift(&mult, &shift, 4000000000U, 1000000000U, 600);
	ck_assert((unsigned __int128)600 * 4000000000ULL * mult <= UINT64_MAX);
	ck_assert_uint_gt(mult, 0);
	/* Unlimited: the most precise 32-bit mult, here shift 32. */
	clocks_calc_mult_shift(&mult, &shift, 3000000, 1000000, 0);
	ck_assert_uint_eq(shift, 32);
	ck_assert_uint_eq(mult, 1431655765);
	/* Slow counters shift less to keep mult under 2^32. */
	clocks_calc_mult_shift(&mult, &shift, 1000, 1000000, 0);
	ck_assert_uint_eq(shift, 22);
	ck_assert_uint_ge(mult, 1U << 31);
}
END_TEST

START_TEST(delays_round_up)
{
	ck_assert_uint_eq(ns_to_cycles(0, 3000000), 0);
	ck_assert_uint_eq(ns_to_cycles(1, 3000000), 3);
	ck_assert_uint_eq(ns_to_cycles(1, 1), 1);
	ck_assert_uint_eq(ns_to_cycles(1000000, 2993100), 2993100);
	ck_assert_uint_eq(ns_to_cycles(50 * NSEC_PER_MSEC, 2993100),
			  149655000);
	ck_assert_uint_eq(ns_to_cycles(333, 1000000), 333);
	ck_assert_uint_eq(ns_to_cycles(UINT64_MAX, UINT32_MAX), UINT64_MAX);
}
END_TEST

START_TEST(exact_conversion)
{
	ck_assert_uint_eq(cycles_to_ns(2993100, 2993100), 1000000);
	ck_assert_uint_eq(cycles_to_ns(2, 3000000), 0);
	ck_assert_uint_eq(cycles_to_ns(UINT64_MAX, 1000000), UINT64_MAX);
	ck_assert_uint_eq(cycles_to_ns(UINT64_MAX, 1000), UINT64_MAX);
	ck_assert_uint_eq(cycles_to_ns(UINT64_MAX, 3000000),
			  6148914691236517205ULL);
}
END_TEST

START_TEST(rates)
{
	/* 29.931 M cycles in 11932 PIT ticks (10.0002 ms): 2993.05 MHz. */
	ck_assert_uint_eq(rate_hz(29931000, 11932, 1193182), 2993054848);
	ck_assert_uint_eq(rate_hz(1193182, 1193182, 1193182), 1193182);
	ck_assert_uint_eq(rate_hz(3, 2, 1), 2);	/* 1.5 rounds up */
	ck_assert_uint_eq(rate_hz(UINT64_MAX, 1, 1000), UINT64_MAX);
	ck_assert(rates_agree(1000100, 1000000, 100));
	ck_assert(!rates_agree(1000101, 1000000, 100));
	ck_assert(rates_agree(999900, 1000000, 100));
	ck_assert(!rates_agree(999899, 1000000, 100));
	ck_assert(rates_agree(UINT64_MAX, UINT64_MAX, 0));
}
END_TEST

START_TEST(medians)
{
	uint64_t one[] = { 7 };
	uint64_t odd[] = { 5, 1, 900, 3, 4 };
	uint64_t even[] = { 40, 10, 30, 20 };
	uint64_t same[] = { 2, 2, 2 };

	ck_assert_uint_eq(median_u64(one, 1), 7);
	ck_assert_uint_eq(median_u64(odd, 5), 4);
	ck_assert_uint_eq(odd[0], 1);
	ck_assert_uint_eq(odd[4], 900);
	ck_assert_uint_eq(median_u64(even, 4), 20);
	ck_assert_uint_eq(median_u64(same, 3), 2);
}
END_TEST

START_TEST(cpuid_leaf_15)
{
	/* A 24 MHz crystal times 292/2: 3504 MHz. */
	ck_assert_uint_eq(cpuid15_tsc_khz(2, 292, 24000000), 3504000);
	/* 25 MHz crystal, ratio 216/2: 2700 MHz. */
	ck_assert_uint_eq(cpuid15_tsc_khz(2, 216, 25000000), 2700000);
	/* Not enumerated: any of the three is zero. */
	ck_assert_uint_eq(cpuid15_tsc_khz(0, 292, 24000000), 0);
	ck_assert_uint_eq(cpuid15_tsc_khz(2, 0, 24000000), 0);
	ck_assert_uint_eq(cpuid15_tsc_khz(2, 292, 0), 0);
	/* Absurd values do not wrap into a plausible rate. */
	ck_assert_uint_eq(cpuid15_tsc_khz(1, UINT32_MAX, UINT32_MAX), 0);
}
END_TEST

Suite *unit_suite(void)
{
	Suite *s = suite_create("clockcalc");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, division_128_by_64);
	tcase_add_test(tc, cyc2ns_accurate_over_frequencies);
	tcase_add_test(tc, no_overflow_near_2_64_cycles);
	tcase_add_test(tc, mult_shift_respects_maxsec);
	tcase_add_test(tc, delays_round_up);
	tcase_add_test(tc, exact_conversion);
	tcase_add_test(tc, rates);
	tcase_add_test(tc, medians);
	tcase_add_test(tc, cpuid_leaf_15);
	suite_add_tcase(s, tc);
	return s;
}
