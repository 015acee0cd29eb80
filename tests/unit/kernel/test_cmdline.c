/* The kernel command-line parser: words, values, quotes, limits, and which keys are the kernel's. */
#include <check.h>
#include <stdlib.h>
#include <string.h>
#include <breenix/cmdline.h>
#include "unit.h"

START_TEST(key_value_and_bare_words)
{
	cmdline_init("console=ttyS0 quiet  loglevel=3\tinit=/sbin/init");
	ck_assert_str_eq(cmdline_get("console"), "ttyS0");
	ck_assert_str_eq(cmdline_get("quiet"), "");
	ck_assert_str_eq(cmdline_get("loglevel"), "3");
	ck_assert_str_eq(cmdline_get("init"), "/sbin/init");
	ck_assert_ptr_null(cmdline_get("missing"));
	ck_assert_ptr_null(cmdline_get("cons"));
	ck_assert_ptr_null(cmdline_get("consol"));
	ck_assert_str_eq(cmdline_raw(),
			 "console=ttyS0 quiet  loglevel=3\tinit=/sbin/init");
}
END_TEST

START_TEST(last_occurrence_wins)
{
	cmdline_init("test=boot test=panic");
	ck_assert_str_eq(cmdline_get("test"), "panic");
}
END_TEST

START_TEST(quotes_group_spaces)
{
	cmdline_init("msg=\"hello world\" x=1 \"a b\"");
	ck_assert_str_eq(cmdline_get("msg"), "hello world");
	ck_assert_str_eq(cmdline_get("x"), "1");
	ck_assert_str_eq(cmdline_get("a b"), "");
}
END_TEST

START_TEST(unterminated_quote_runs_to_end)
{
	cmdline_init("a=\"x y");
	ck_assert_str_eq(cmdline_get("a"), "x y");
}
END_TEST

START_TEST(enabled_values)
{
	cmdline_init("a b=1 c=on d=yes e=true f=0 g=off");
	ck_assert(cmdline_enabled("a"));
	ck_assert(cmdline_enabled("b"));
	ck_assert(cmdline_enabled("c"));
	ck_assert(cmdline_enabled("d"));
	ck_assert(cmdline_enabled("e"));
	ck_assert(!cmdline_enabled("f"));
	ck_assert(!cmdline_enabled("g"));
	ck_assert(!cmdline_enabled("h"));
}
END_TEST

START_TEST(empty_and_null)
{
	cmdline_init(NULL);
	ck_assert_str_eq(cmdline_raw(), "");
	ck_assert_ptr_null(cmdline_get("x"));
	cmdline_init("   ");
	ck_assert_ptr_null(cmdline_get(""));
}
END_TEST

START_TEST(overlong_line_is_truncated)
{
	char *line = malloc(COMMAND_LINE_SIZE * 2);
	size_t i;

	for (i = 0; i < COMMAND_LINE_SIZE * 2 - 1; i++)
		line[i] = i % 3 == 2 ? ' ' : 'k';
	line[i] = '\0';
	memcpy(line, "first=1 ", 8);
	cmdline_init(line);
	ck_assert_uint_eq(strlen(cmdline_raw()), COMMAND_LINE_SIZE - 1);
	ck_assert_str_eq(cmdline_get("first"), "1");
	ck_assert_str_eq(cmdline_get("kk"), "");
	free(line);
}
END_TEST

/*
 * The keys read anywhere in this binary (the tests above read console,
 * quiet, loglevel, init, test...) are the kernel's; others are init's.
 */
START_TEST(keys_read_are_kernel_params)
{
	ck_assert(cmdline_is_kernel_param("console=ttyS0"));
	ck_assert(cmdline_is_kernel_param("quiet"));
	ck_assert(cmdline_is_kernel_param("loglevel=3"));
	ck_assert(cmdline_is_kernel_param("init=/bin/sh"));
	ck_assert(cmdline_is_kernel_param("test"));
	ck_assert(!cmdline_is_kernel_param("single"));
	ck_assert(!cmdline_is_kernel_param("conso=1"));
	ck_assert(!cmdline_is_kernel_param("consoles"));
	ck_assert(!cmdline_is_kernel_param("TERM=vt100"));
	ck_assert(!cmdline_is_kernel_param(""));
}
END_TEST

Suite *unit_suite(void)
{
	Suite *s = suite_create("cmdline");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, key_value_and_bare_words);
	tcase_add_test(tc, last_occurrence_wins);
	tcase_add_test(tc, quotes_group_spaces);
	tcase_add_test(tc, unterminated_quote_runs_to_end);
	tcase_add_test(tc, enabled_values);
	tcase_add_test(tc, empty_and_null);
	tcase_add_test(tc, overlong_line_is_truncated);
	tcase_add_test(tc, keys_read_are_kernel_params);
	suite_add_tcase(s, tc);
	return s;
}
