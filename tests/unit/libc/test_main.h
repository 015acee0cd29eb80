/*
 * Each libc test program provides its suite, which test_main.c runs, and
 * shares the CHECK helper.
 */
#ifndef BREENIX_TEST_LIBC_MAIN_H
#define BREENIX_TEST_LIBC_MAIN_H

#include <check.h>

Suite *libc_suite(void);

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
