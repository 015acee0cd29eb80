/*
 * <ctype.h>: every function against glibc's, in the C locale, for every
 * argument C allows: EOF (-1) and 0..255.
 */
#include <ctype.h>
#include <stdbool.h>

#include "kc.h"
#include "unit.h"

struct ctype_pair {
	const char *name;
	int (*ours)(int);
	int (*host)(int);
	bool boolean;		/* compare truth, not the exact value */
};

static const struct ctype_pair pairs[] = {
	{ "isalnum", kc_isalnum, isalnum, true },
	{ "isalpha", kc_isalpha, isalpha, true },
	{ "isascii", kc_isascii, isascii, true },
	{ "isblank", kc_isblank, isblank, true },
	{ "iscntrl", kc_iscntrl, iscntrl, true },
	{ "isdigit", kc_isdigit, isdigit, true },
	{ "isgraph", kc_isgraph, isgraph, true },
	{ "islower", kc_islower, islower, true },
	{ "isprint", kc_isprint, isprint, true },
	{ "ispunct", kc_ispunct, ispunct, true },
	{ "isspace", kc_isspace, isspace, true },
	{ "isupper", kc_isupper, isupper, true },
	{ "isxdigit", kc_isxdigit, isxdigit, true },
	{ "tolower", kc_tolower, tolower, false },
	{ "toupper", kc_toupper, toupper, false },
};

START_TEST(test_ctype_vs_host)
{
	const struct ctype_pair *p = &pairs[_i];
	int c, ours, host;

	for (c = -1; c <= 255; c++) {
		ours = p->ours(c);
		host = p->host(c);
		if (p->boolean) {
			ours = ours != 0;
			host = host != 0;
		}
		ck_assert_msg(ours == host, "%s(%d): ours %d, host %d",
			      p->name, c, ours, host);
	}
}
END_TEST

/* Spot checks that do not depend on the host at all. */
START_TEST(test_ctype_known)
{
	ck_assert(kc_isspace('\v') && kc_isspace('\f') && !kc_isspace('\0'));
	ck_assert(kc_isblank('\t') && !kc_isblank('\n'));
	ck_assert(kc_isprint(' ') && !kc_isgraph(' '));
	ck_assert(!kc_isprint(0x7f) && kc_iscntrl(0x7f));
	ck_assert(kc_isxdigit('f') && !kc_isxdigit('g'));
	ck_assert(!kc_isalpha(0xe9) && !kc_isprint(0xff));
	ck_assert_int_eq(kc_toupper(-1), -1);
	ck_assert_int_eq(kc_tolower(0xc9), 0xc9);
	ck_assert_int_eq(kc_toupper('z'), 'Z');
	ck_assert_int_eq(kc_tolower('A'), 'a');
	ck_assert(!kc_isascii(-1) && kc_isascii(0) && !kc_isascii(128));
}
END_TEST

Suite *unit_suite(void)
{
	Suite *s = suite_create("libc_ctype");
	TCase *tc = tcase_create("ctype");

	tcase_add_loop_test(tc, test_ctype_vs_host, 0,
			    sizeof(pairs) / sizeof(pairs[0]));
	tcase_add_test(tc, test_ctype_known);
	suite_add_tcase(s, tc);
	return s;
}
