/*
 * Host tests of the shell's pattern matching (userland/sh/match.c): glob
 * patterns against strings, and the ${VAR#pattern} family of removals.
 */
#include <stdlib.h>
#include <string.h>

#include "match.h"
#include "unit.h"

static const struct {
	const char *pat, *s;
	int match;
} matches[] = {
	{ "", "", 1 }, { "", "a", 0 }, { "a", "a", 1 }, { "a", "b", 0 },
	{ "*", "", 1 }, { "*", "anything", 1 }, { "a*", "abc", 1 }, { "a*", "bac", 0 },
	{ "*c", "abc", 1 }, { "*c", "abcd", 0 }, { "a*b*c", "aXbYc", 1 },
	{ "a*b*c", "aXbY", 0 }, { "*a*a*", "banana", 1 }, { "**", "x", 1 },
	{ "?", "a", 1 }, { "?", "", 0 }, { "??", "a", 0 }, { "a?c", "abc", 1 },
	{ "[abc]", "b", 1 }, { "[abc]", "d", 0 }, { "[a-c]x", "cx", 1 },
	{ "[!a-c]", "d", 1 }, { "[!a-c]", "b", 0 }, { "[^a]", "b", 1 },
	{ "[]]", "]", 1 }, { "[]a]", "a", 1 }, { "[!]]", "a", 1 }, { "[!]]", "]", 0 },
	{ "[a-]", "-", 1 }, { "[", "[", 1 }, { "[a", "[a", 1 }, { "a[", "a[", 1 },
	{ "[[:digit:]]*", "7up", 1 }, { "[[:digit:]]*", "up", 0 },
	{ "[[:alpha:][:digit:]]", "x", 1 }, { "[[:upper:]]", "a", 0 },
	{ "[[:space:]]", " ", 1 }, { "[![:alnum:]]", "_", 1 },
	{ "\\*", "*", 1 }, { "\\*", "a", 0 }, { "a\\?", "a?", 1 }, { "a\\?", "ab", 0 },
	{ "\\[a]", "[a]", 1 }, { "[\\]]", "]", 1 }, { "\\\\", "\\", 1 },
	{ "*.c", "main.c", 1 }, { "*.c", "main.h", 0 }, { "*.c", ".c", 1 },
	{ "a/*", "a/b/c", 1 }, { "*/b", "a/b", 1 },
};

START_TEST(test_pmatch)
{
	ck_assert_msg(pmatch(matches[_i].pat, matches[_i].s) == matches[_i].match,
		      "pattern %s against %s: expected %d", matches[_i].pat,
		      matches[_i].s, matches[_i].match);
}
END_TEST

START_TEST(test_has_meta)
{
	ck_assert(pmatch_has_meta("*.c"));
	ck_assert(pmatch_has_meta("a?"));
	ck_assert(pmatch_has_meta("[ab]"));
	ck_assert(!pmatch_has_meta("[ab"));
	ck_assert(!pmatch_has_meta("\\*"));
	ck_assert(!pmatch_has_meta("plain"));
}
END_TEST

static const struct {
	const char *value, *pat;
	enum trim op;
	const char *result;
} trims[] = {
	{ "/usr/lib/libc.a", "*/", TRIM_PREFIX, "usr/lib/libc.a" },
	{ "/usr/lib/libc.a", "*/", TRIM_LONG_PREFIX, "libc.a" },
	{ "/usr/lib/libc.a", "/*", TRIM_SUFFIX, "/usr/lib" },
	{ "/usr/lib/libc.a", "/*", TRIM_LONG_SUFFIX, "" },
	{ "file.tar.gz", ".*", TRIM_SUFFIX, "file.tar" },
	{ "file.tar.gz", ".*", TRIM_LONG_SUFFIX, "file" },
	{ "file.tar.gz", "*.", TRIM_PREFIX, "tar.gz" },
	{ "file.tar.gz", "*.", TRIM_LONG_PREFIX, "gz" },
	{ "abc", "x", TRIM_PREFIX, "abc" },
	{ "abc", "x", TRIM_LONG_SUFFIX, "abc" },
	{ "abc", "", TRIM_PREFIX, "abc" },
	{ "abc", "*", TRIM_PREFIX, "abc" },
	{ "abc", "*", TRIM_LONG_PREFIX, "" },
	{ "abc", "*", TRIM_SUFFIX, "abc" },
	{ "aaa", "a", TRIM_LONG_PREFIX, "aa" },
	{ "x*y", "*\\*", TRIM_PREFIX, "y" },
	{ "", "*", TRIM_LONG_SUFFIX, "" },
};

START_TEST(test_trim)
{
	const char *v = trims[_i].value;
	char *scratch = malloc(strlen(v) + 1);
	size_t start, len;

	pmatch_trim(v, trims[_i].pat, trims[_i].op, scratch, &start, &len);
	ck_assert_msg(len == strlen(trims[_i].result) &&
		      !strncmp(v + start, trims[_i].result, len),
		      "%s op %d %s: got %.*s, expected %s", v, trims[_i].op,
		      trims[_i].pat, (int)len, v + start, trims[_i].result);
	free(scratch);
}
END_TEST

Suite *unit_suite(void)
{
	Suite *s = suite_create("sh_match");
	TCase *tc = tcase_create("match");

	tcase_add_loop_test(tc, test_pmatch, 0, sizeof(matches) / sizeof(matches[0]));
	tcase_add_test(tc, test_has_meta);
	tcase_add_loop_test(tc, test_trim, 0, sizeof(trims) / sizeof(trims[0]));
	suite_add_tcase(s, tc);
	return s;
}
