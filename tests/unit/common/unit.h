/*
 * The shared main() of the host unit tests (unit_main.c), linked into every
 * program by breenix_unit_test(). A test program defines unit_suite(); the
 * runner runs that suite, plus any queued with unit_add_suite(), and exits
 * non-zero when a case fails, for CTest. Set UNIT_VERBOSE in the environment
 * for Check's per-test output.
 */
#ifndef BREENIX_TEST_UNIT_H
#define BREENIX_TEST_UNIT_H

#include <check.h>

/* Defined by each test program: its (first) suite. */
Suite *unit_suite(void);

/*
 * For a program with more than one suite: call from unit_suite() to have
 * the runner run @s after the suite unit_suite() returns, in call order.
 */
void unit_add_suite(Suite *s);

/*
 * ck_assert_msg for hot loops: Check records a checkpoint through a pipe on
 * every passing ck_assert, which dominates loops of a million comparisons.
 */
#define CHECK(cond, ...)						\
	do {								\
		if (!(cond))						\
			ck_abort_msg(__VA_ARGS__);			\
	} while (0)

#endif
