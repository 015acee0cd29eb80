/*
 * strtol, strtoul, strtoll and strtoull against glibc over a table of
 * inputs and every interesting base: value and end pointer. errno is not
 * compared: this libc never sets it and clamps instead (see <stdlib.h>).
 */
#include <limits.h>
#include <stdlib.h>

#include "kc.h"
#include "unit.h"

static const char *const inputs[] = {
	"", " ", "+", "-", "0", "-0", "+0", "00", "1", "-1", "+1", "42",
	"  42", "\t\n\v\f\r 42xyz", "42 ", "x42", "+-1", "-+1", "- 1",
	"++1", "--1", "123abc", "777", "778", "0777", "08", "09", "0x",
	"0X", "0x1f", "0XABC", "0xg", "0x-1", "-0x", "-0x10", "  +0x10",
	" 0x 1", "0xx1", "00x1", "1e5", "z", "Z", "zz", "1z", "-zZ",
	"10101", "-10101", "2", "12", "aBcDeF", "deadbeef", "DEADBEEF",
	"7fffffff", "80000000", "ffffffff", "100000000",
	"2147483647", "2147483648", "-2147483648", "-2147483649",
	"4294967295", "4294967296",
	"9223372036854775807", "9223372036854775808",
	"-9223372036854775807", "-9223372036854775808",
	"-9223372036854775809",
	"18446744073709551615", "18446744073709551616",
	"-18446744073709551615", "-18446744073709551616",
	"99999999999999999999999999999999999999",
	"-99999999999999999999999999999999999999",
	"0x7fffffffffffffff", "0x8000000000000000", "0xffffffffffffffff",
	"0x10000000000000000", "-0xffffffffffffffff",
	"01777777777777777777777", "02000000000000000000000",
	"0777777777777777777777", "1111111111111111111111111111111111111"
	"111111111111111111111111111", "zzzzzzzzzzzz", "zzzzzzzzzzzzz",
	"3w5e11264sgsf", "3w5e11264sgsg",
	"\x80" "1", "1\xff",
};

static const int bases[] = { 0, 2, 3, 7, 8, 10, 11, 16, 35, 36 };

#define NBASES (sizeof(bases) / sizeof(bases[0]))

START_TEST(test_strto_vs_host)
{
	const char *in = inputs[_i];
	char *eo, *eh;
	size_t b;
	int base;

	for (b = 0; b < NBASES; b++) {
		base = bases[b];
		ck_assert_msg(kc_strtol(in, &eo, base) ==
			      strtol(in, &eh, base) && eo == eh,
			      "strtol(\"%s\", %d)", in, base);
		ck_assert_msg(kc_strtoul(in, &eo, base) ==
			      strtoul(in, &eh, base) && eo == eh,
			      "strtoul(\"%s\", %d)", in, base);
		ck_assert_msg(kc_strtoll(in, &eo, base) ==
			      strtoll(in, &eh, base) && eo == eh,
			      "strtoll(\"%s\", %d)", in, base);
		ck_assert_msg(kc_strtoull(in, &eo, base) ==
			      strtoull(in, &eh, base) && eo == eh,
			      "strtoull(\"%s\", %d)", in, base);
		ck_assert_int_eq(kc_strtol(in, NULL, base),
				 strtol(in, NULL, base));
	}
}
END_TEST

/* Known answers, so the suite means something even if the host were off. */
START_TEST(test_strto_known)
{
	const char *s;
	char *end;

	s = "0x";
	ck_assert_int_eq(kc_strtol(s, &end, 16), 0);
	ck_assert_ptr_eq(end, s + 1);
	s = "  0xz";
	ck_assert_int_eq(kc_strtol(s, &end, 0), 0);
	ck_assert_ptr_eq(end, s + 3);
	s = "  -";
	ck_assert_int_eq(kc_strtol(s, &end, 10), 0);
	ck_assert_ptr_eq(end, s);
	s = "0b101";
	ck_assert_int_eq(kc_strtol(s, &end, 0), 0);
	ck_assert_ptr_eq(end, s + 1);
	ck_assert_int_eq(kc_strtol("-0x10", NULL, 0), -16);
	ck_assert_int_eq(kc_strtol("0755", NULL, 0), 0755);
	ck_assert_int_eq(kc_strtol("99999999999999999999", NULL, 10),
			 LONG_MAX);
	ck_assert_int_eq(kc_strtol("-99999999999999999999", NULL, 10),
			 LONG_MIN);
	ck_assert_int_eq(kc_strtoll("-9223372036854775808", NULL, 10),
			 LLONG_MIN);
	ck_assert_uint_eq(kc_strtoul("-1", NULL, 10), ULONG_MAX);
	ck_assert_uint_eq(kc_strtoull("18446744073709551616", NULL, 10),
			  ULLONG_MAX);
	ck_assert_uint_eq(kc_strtoull("-18446744073709551616", NULL, 10),
			  ULLONG_MAX);
	ck_assert_uint_eq(kc_strtoull("-18446744073709551615", NULL, 10), 1);
	ck_assert_int_eq(kc_strtol("zz", NULL, 36), 35 * 36 + 35);
}
END_TEST

/* An invalid base parses nothing: 0, and *endptr = nptr. */
START_TEST(test_strto_bad_base)
{
	static const int bad[] = { 1, -1, 37, INT_MIN, INT_MAX };
	const char *s = "123";
	char *end;
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		end = NULL;
		ck_assert_int_eq(kc_strtol(s, &end, bad[i]), 0);
		ck_assert_ptr_eq(end, s);
		end = NULL;
		ck_assert_uint_eq(kc_strtoull(s, &end, bad[i]), 0);
		ck_assert_ptr_eq(end, s);
	}
}
END_TEST

START_TEST(test_abs)
{
	ck_assert_int_eq(kc_abs(-5), 5);
	ck_assert_int_eq(kc_abs(5), 5);
	ck_assert_int_eq(kc_abs(0), 0);
	ck_assert_int_eq(kc_abs(-INT_MAX), INT_MAX);
	ck_assert_int_eq(kc_labs(LONG_MIN + 1), LONG_MAX);
	ck_assert_int_eq(kc_labs(-3L), 3);
	ck_assert_int_eq(kc_llabs(LLONG_MIN + 1), LLONG_MAX);
	ck_assert_int_eq(kc_llabs(7LL), 7);
}
END_TEST

Suite *unit_suite(void)
{
	Suite *s = suite_create("libc_strtol");
	TCase *tc = tcase_create("strto");

	tcase_add_loop_test(tc, test_strto_vs_host, 0,
			    sizeof(inputs) / sizeof(inputs[0]));
	tcase_add_test(tc, test_strto_known);
	tcase_add_test(tc, test_strto_bad_base);
	tcase_add_test(tc, test_abs);
	suite_add_tcase(s, tc);
	return s;
}
