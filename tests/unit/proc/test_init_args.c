/*
 * init's argv and envp from the command line (kernel/proc/init_args.c),
 * by Linux's rules: unknown words go to init, name=value into envp, the
 * rest into argv, everything after "--" into argv, dotted names nowhere.
 */
#include <stdio.h>
#include <string.h>
#include <breenix/errno.h>
#include <breenix/init_args.h>
#include "unit.h"

static const char *words[64];
static int nwords;

/* Words are found by identity, as the kernel's cmdline iterator does. */
static const char *next_word(const char *prev)
{
	int i;

	if (!prev)
		return nwords ? words[0] : NULL;
	for (i = 0; i < nwords; i++)
		if (words[i] == prev)
			return i + 1 < nwords ? words[i + 1] : NULL;
	return NULL;
}

static bool known(const char *w)
{
	return !strncmp(w, "console=", 8) || !strncmp(w, "init=", 5) ||
	       !strcmp(w, "quiet");
}

static void set_words(const char *const *w)
{
	for (nwords = 0; w[nwords]; nwords++)
		words[nwords] = w[nwords];
}

START_TEST(split_like_linux)
{
	static const char *const w[] = {
		"console=ttyS0", "init=/test/runner", "fork", "-v", "FOO=bar",
		"quiet", "i8042.direct", "mod.p=1", "single", NULL,
	};
	struct init_args a;
	const char *bad = NULL;

	set_words(w);
	ck_assert_int_eq(init_args_build(&a, next_word, known, &bad), 0);
	ck_assert_ptr_null(a.argv[0]);
	ck_assert_int_eq(a.argc, 4);
	ck_assert_str_eq(a.argv[1], "fork");
	ck_assert_str_eq(a.argv[2], "-v");
	ck_assert_str_eq(a.argv[3], "single");
	ck_assert_ptr_null(a.argv[4]);
	ck_assert_int_eq(a.envc, 3);
	ck_assert_str_eq(a.envp[0], "HOME=/");
	ck_assert_str_eq(a.envp[1], "TERM=linux");
	ck_assert_str_eq(a.envp[2], "FOO=bar");
	ck_assert_ptr_null(a.envp[3]);
}
END_TEST

START_TEST(after_dashes_all_to_argv)
{
	/* A second "--" of its own: words are told apart by address. */
	static const char dashes[] = "--";
	static const char *const w[] = {
		"init=/x", "--", "console=tty0", "A=b", dashes, "x.y", NULL,
	};
	struct init_args a;
	const char *bad = NULL;

	set_words(w);
	ck_assert_int_eq(init_args_build(&a, next_word, known, &bad), 0);
	ck_assert_int_eq(a.argc, 5);
	ck_assert_str_eq(a.argv[1], "console=tty0");
	ck_assert_str_eq(a.argv[2], "A=b");
	ck_assert_str_eq(a.argv[3], "--");
	ck_assert_str_eq(a.argv[4], "x.y");
	ck_assert_int_eq(a.envc, 2);
}
END_TEST

START_TEST(env_overwritten)
{
	static const char *const w[] = { "TERM=vt100", "A=1", "A=2", NULL };
	struct init_args a;
	const char *bad = NULL;

	set_words(w);
	ck_assert_int_eq(init_args_build(&a, next_word, known, &bad), 0);
	ck_assert_int_eq(a.envc, 3);
	ck_assert_str_eq(a.envp[1], "TERM=vt100");
	ck_assert_str_eq(a.envp[2], "A=2");
}
END_TEST

START_TEST(too_many)
{
	static char buf[40][16];
	struct init_args a;
	const char *bad = NULL;
	int i;

	for (i = 0; i < 40; i++) {
		snprintf(buf[i], sizeof(buf[i]), "w%d", i);
		words[i] = buf[i];
	}
	nwords = 40;
	ck_assert_int_eq(init_args_build(&a, next_word, known, &bad), -E2BIG);
	ck_assert_str_eq(bad, "w32");
	for (i = 0; i < 40; i++)
		snprintf(buf[i], sizeof(buf[i]), "E%d=", i);
	ck_assert_int_eq(init_args_build(&a, next_word, known, &bad), -E2BIG);
	ck_assert_str_eq(bad, "E30=");
}
END_TEST

Suite *unit_suite(void)
{
	Suite *s = suite_create("init_args");
	TCase *tc = tcase_create("init_args");

	tcase_add_test(tc, split_like_linux);
	tcase_add_test(tc, after_dashes_all_to_argv);
	tcase_add_test(tc, env_overwritten);
	tcase_add_test(tc, too_many);
	suite_add_tcase(s, tc);
	return s;
}
