/*
 * Host tests of the shell's arithmetic (userland/sh/arith.c): the C
 * operators' values and precedence, assignments through the variable
 * hooks, short-circuits without side effects, and the errors.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arith.h"
#include "unit.h"

/* Two variables, x and y, for the hooks. */
static char x_val[32], y_val[32];

static const char *get(void *ctx, const char *name)
{
	(void)ctx;
	if (!strcmp(name, "x"))
		return x_val;
	if (!strcmp(name, "y"))
		return y_val;
	return NULL;
}

static void set(void *ctx, const char *name, long v)
{
	(void)ctx;
	snprintf(!strcmp(name, "x") ? x_val : y_val, sizeof(x_val), "%ld", v);
}

static const struct arith_vars vars = { get, set, NULL };

static const struct {
	const char *expr;
	long value;
	const char *x_after;	/* x afterwards, when the case changes it */
} values[] = {
	{ "", 0, NULL }, { "42", 42, NULL }, { " 1 + 2 ", 3, NULL },
	{ "0x1f", 31, NULL }, { "010", 8, NULL }, { "1+2*3", 7, NULL },
	{ "(1+2)*3", 9, NULL }, { "10-4-3", 3, NULL }, { "7/2", 3, NULL },
	{ "-7/2", -3, NULL }, { "7%3", 1, NULL }, { "-7%3", -1, NULL },
	{ "1<<4", 16, NULL }, { "256>>2", 64, NULL }, { "3<5", 1, NULL },
	{ "5<=5", 1, NULL }, { "5>6", 0, NULL }, { "6>=7", 0, NULL },
	{ "2==2", 1, NULL }, { "2!=2", 0, NULL }, { "6&3", 2, NULL },
	{ "6^3", 5, NULL }, { "6|3", 7, NULL }, { "1&&0", 0, NULL },
	{ "0||2", 1, NULL }, { "!0", 1, NULL }, { "~0", -1, NULL },
	{ "-(-3)", 3, NULL }, { "+4", 4, NULL }, { "1?2:3", 2, NULL },
	{ "0?2:3", 3, NULL }, { "1 ? 0 ? 5 : 6 : 7", 6, NULL },
	{ "x", 5, NULL }, { "x*y", 15, NULL }, { "unset_var + 1", 1, NULL },
	{ "x=7", 7, "7" }, { "x+=2", 7, "7" }, { "x-=1", 4, "4" },
	{ "x*=y", 15, "15" }, { "x/=2", 2, "2" }, { "x%=2", 1, "1" },
	{ "x<<=1", 10, "10" }, { "x>>=1", 2, "2" }, { "x&=4", 4, "4" },
	{ "x|=2", 7, "7" }, { "x^=1", 4, "4" }, { "x=y=1", 1, "1" },
	{ "0 && (x=9)", 0, "5" }, { "1 || (x=9)", 1, "5" },
	{ "1 ? 1 : (x=9)", 1, "5" }, { "0 ? (x=9) : 2", 2, "5" },
	{ "0 && 1/0", 0, NULL }, { "x == 5", 1, NULL },
	{ "9223372036854775807 + 1", -9223372036854775807L - 1, NULL },
};

START_TEST(test_values)
{
	const char *err = NULL;
	long v = -12345;

	strcpy(x_val, "5");
	strcpy(y_val, "3");
	ck_assert_msg(arith_eval(values[_i].expr, &vars, &v, &err) == 0,
		      "%s: error %s", values[_i].expr, err);
	ck_assert_msg(v == values[_i].value, "%s = %ld, expected %ld",
		      values[_i].expr, v, values[_i].value);
	if (values[_i].x_after)
		ck_assert_str_eq(x_val, values[_i].x_after);
	else
		ck_assert_str_eq(x_val, "5");
}
END_TEST

static const struct {
	const char *expr, *err;
} errors[] = {
	{ "1/0", "division by zero" }, { "1%0", "division by zero" },
	{ "1+", "missing operand" }, { "(1", "missing \")\"" },
	{ "1 2", "syntax error" }, { "1?2", "missing \":\"" },
	{ "08", "bad number" }, { "0xg", "bad number" }, { "z", NULL },
	{ "y", "bad number" }, { "@", "syntax error" },
};

START_TEST(test_errors)
{
	const char *err = NULL;
	long v;

	strcpy(x_val, "5");
	strcpy(y_val, "abc");
	if (!errors[_i].err) {
		ck_assert_int_eq(arith_eval(errors[_i].expr, &vars, &v, &err), 0);
		return;
	}
	ck_assert_msg(arith_eval(errors[_i].expr, &vars, &v, &err) == -1,
		      "%s evaluated", errors[_i].expr);
	ck_assert_str_eq(err, errors[_i].err);
}
END_TEST

Suite *unit_suite(void)
{
	Suite *s = suite_create("sh_arith");
	TCase *tc = tcase_create("arith");

	tcase_add_loop_test(tc, test_values, 0, sizeof(values) / sizeof(values[0]));
	tcase_add_loop_test(tc, test_errors, 0, sizeof(errors) / sizeof(errors[0]));
	suite_add_tcase(s, tc);
	return s;
}
