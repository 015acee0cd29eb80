/*
 * The pid allocator (kernel/proc/pidmap.c) against Linux's policy: cyclic
 * from the last number, wrapping to RESERVED_PIDS after the first pass,
 * never handing out a number in use, -EAGAIN when full.
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <breenix/errno.h>
#include <breenix/pidmap.h>
#include "unit.h"

static unsigned long bits[PIDMAP_LONGS(PID_MAX_DEFAULT)];
static struct pidmap m;

static void setup(void)
{
	pidmap_init(&m, bits, PID_MAX_DEFAULT, 2);
	ck_assert_int_eq(pidmap_alloc_nr(&m, 0), 0);
}

START_TEST(first_numbers_ascend_from_two)
{
	setup();
	ck_assert_int_eq(pidmap_alloc(&m), 2);
	ck_assert_int_eq(pidmap_alloc(&m), 3);
	ck_assert_int_eq(pidmap_alloc_nr(&m, 1), 1);
	ck_assert_int_eq(pidmap_alloc_nr(&m, 1), -EEXIST);
	ck_assert_int_eq(pidmap_alloc(&m), 4);
}
END_TEST

START_TEST(freed_number_not_reused_at_once)
{
	int a, b;

	setup();
	a = pidmap_alloc(&m);
	pidmap_free(&m, (unsigned int)a);
	b = pidmap_alloc(&m);
	ck_assert_int_eq(b, a + 1);
	ck_assert(!pidmap_test(&m, (unsigned int)a));
}
END_TEST

START_TEST(wraps_to_reserved_pids)
{
	int nr, i;

	setup();
	/* Use everything from 2 up, then free a low and a post-300 number. */
	for (i = 2; i < PID_MAX_DEFAULT; i++)
		ck_assert_int_eq(pidmap_alloc(&m), i);
	ck_assert_int_eq(pidmap_alloc(&m), -EAGAIN);
	pidmap_free(&m, 100);
	pidmap_free(&m, 500);
	pidmap_free(&m, 400);
	/* Below RESERVED_PIDS is skipped once the cursor has passed it. */
	nr = pidmap_alloc(&m);
	ck_assert_int_eq(nr, 400);
	ck_assert_int_eq(pidmap_alloc(&m), 500);
	ck_assert_int_eq(pidmap_alloc(&m), -EAGAIN);
	ck_assert(!pidmap_test(&m, 100));
}
END_TEST

START_TEST(cursor_continues_after_wrap)
{
	int i;

	setup();
	for (i = 2; i < PID_MAX_DEFAULT; i++)
		pidmap_alloc(&m);
	for (i = 1000; i < 1010; i++)
		pidmap_free(&m, (unsigned int)i);
	pidmap_free(&m, 700);
	ck_assert_int_eq(pidmap_alloc(&m), 700);
	ck_assert_int_eq(pidmap_alloc(&m), 1000);
	pidmap_free(&m, 700);
	/* Cyclic: 1001 comes before the lower 700 that was freed later. */
	ck_assert_int_eq(pidmap_alloc(&m), 1001);
}
END_TEST

START_TEST(count_and_bounds)
{
	setup();
	ck_assert_uint_eq(m.nr_used, 1);
	pidmap_alloc(&m);
	ck_assert_uint_eq(m.nr_used, 2);
	pidmap_free(&m, 2);
	pidmap_free(&m, 2);
	ck_assert_uint_eq(m.nr_used, 1);
	pidmap_free(&m, PID_MAX_DEFAULT + 5);
	ck_assert_int_eq(pidmap_alloc_nr(&m, PID_MAX_DEFAULT), -EINVAL);
	ck_assert(!pidmap_test(&m, PID_MAX_DEFAULT));
}
END_TEST

/* Whether the model has a free number in [from, PID_MAX_DEFAULT). */
static bool model_has_free(const unsigned char *used, unsigned int from)
{
	unsigned int i;

	for (i = from; i < PID_MAX_DEFAULT; i++)
		if (!used[i])
			return true;
	return false;
}

/*
 * A random model: alloc never returns a number in use, fails only when
 * nothing at or above RESERVED_PIDS is free (the search started far past
 * it), and the count follows frees.
 */
START_TEST(random_against_model)
{
	static unsigned char used[PID_MAX_DEFAULT];
	unsigned int i, in_use = 1;
	int nr;

	setup();
	memset(used, 0, sizeof(used));
	used[0] = 1;
	srand(5);
	for (i = 0; i < 300000; i++) {
		if (rand() % 3) {
			nr = pidmap_alloc(&m);
			if (nr == -EAGAIN) {
				CHECK(!model_has_free(used, RESERVED_PIDS),
				      "-EAGAIN with free numbers");
				continue;
			}
			CHECK(nr >= 2 && nr < PID_MAX_DEFAULT && !used[nr],
			      "alloc gave %d", nr);
			used[nr] = 1;
			in_use++;
		} else {
			unsigned int f = 2 + (unsigned int)rand() % (PID_MAX_DEFAULT - 2);

			if (used[f]) {
				used[f] = 0;
				in_use--;
			}
			pidmap_free(&m, f);
		}
		CHECK(m.nr_used == in_use, "count %u, model %u", m.nr_used, in_use);
	}
}
END_TEST

/* pidmap_next (/proc's readdir order) against a model of random numbers. */
START_TEST(next_finds_numbers_in_order)
{
	static unsigned char used[PID_MAX_DEFAULT];
	unsigned int i, nr;
	int want = -1;

	setup();
	memset(used, 0, sizeof(used));
	used[0] = 1;
	srand(7);
	for (i = 0; i < 500; i++) {
		nr = (unsigned int)rand() % PID_MAX_DEFAULT;
		if (pidmap_alloc_nr(&m, nr) >= 0)
			used[nr] = 1;
	}
	ck_assert_int_eq(pidmap_next(&m, 0), 0);
	for (nr = PID_MAX_DEFAULT; nr-- > 0;) {
		if (used[nr])
			want = (int)nr;
		CHECK(pidmap_next(&m, nr) == want, "next(%u) = %d, model %d",
		      nr, pidmap_next(&m, nr), want);
	}
	ck_assert_int_eq(pidmap_next(&m, PID_MAX_DEFAULT + 100), -1);
}
END_TEST

Suite *unit_suite(void)
{
	Suite *s = suite_create("pidmap");
	TCase *tc = tcase_create("pidmap");

	tcase_add_test(tc, first_numbers_ascend_from_two);
	tcase_add_test(tc, freed_number_not_reused_at_once);
	tcase_add_test(tc, wraps_to_reserved_pids);
	tcase_add_test(tc, cursor_continues_after_wrap);
	tcase_add_test(tc, count_and_bounds);
	tcase_add_test(tc, random_against_model);
	tcase_add_test(tc, next_finds_numbers_in_order);
	suite_add_tcase(s, tc);
	return s;
}
