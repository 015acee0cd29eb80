/*
 * script_parse against the cases Linux's load_script distinguishes: blanks
 * around the name and argument, one argument holding the rest of the line,
 * no interpreter, a line cut by the 256-byte buffer (accepted only when the
 * name ends inside it), a NUL before the newline; and random buffers.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>
#include <breenix/binfmt.h>

#include "unit.h"

/* Parses @text as a file's start: zero padded as exec reads it. */
static int parse(const char *text, size_t len, char *buf, char **name,
		 char **arg)
{
	memset(buf, 0, BINPRM_BUF_SIZE + 1);
	memcpy(buf, text, len < BINPRM_BUF_SIZE ? len : BINPRM_BUF_SIZE);
	return script_parse(buf, name, arg);
}

static void expect(const char *text, const char *want_name,
		   const char *want_arg)
{
	char buf[BINPRM_BUF_SIZE + 1], *name = NULL, *arg = NULL;

	ck_assert_int_eq(parse(text, strlen(text), buf, &name, &arg), 0);
	ck_assert_str_eq(name, want_name);
	if (want_arg)
		ck_assert_str_eq(arg, want_arg);
	else
		ck_assert_ptr_null(arg);
}

static void refuse(const char *text, size_t len)
{
	char buf[BINPRM_BUF_SIZE + 1], *name, *arg;

	ck_assert_int_eq(parse(text, len, buf, &name, &arg), -ENOEXEC);
}

START_TEST(lines)
{
	expect("#!/bin/sh\necho hi\n", "/bin/sh", NULL);
	expect("#! /bin/sh -x \n", "/bin/sh", "-x");
	expect("#!/usr/bin/env python3 -u  -v\n", "/usr/bin/env",
	       "python3 -u  -v");
	expect("#!\t/bin/sh\t-e\t\n", "/bin/sh", "-e");
	/* CR is part of the name, as on Linux ("bad interpreter: ^M"). */
	expect("#!/bin/sh\r\n", "/bin/sh\r", NULL);
	/* A short file without a newline: the zero padding ends it. */
	expect("#!/bin/sh", "/bin/sh", NULL);
	expect("#!/bin/sh -e", "/bin/sh", "-e");
	/* A NUL stops the search for the newline, and ends the line. */
	expect("#!/bin/sh\0 -x\n", "/bin/sh", NULL);
}
END_TEST

START_TEST(no_interpreter)
{
	refuse("#!\n", 3);
	refuse("#!   \t \n/bin/sh\n", 16);
	refuse("#!", 2);
	refuse("#/bin/sh\n", 9);
	refuse("!#/bin/sh\n", 10);
	refuse("", 0);
	refuse("\x7f" "ELF", 4);
}
END_TEST

START_TEST(buffer_edge)
{
	char text[BINPRM_BUF_SIZE + 8], want[BINPRM_BUF_SIZE];

	/* A name filling the buffer may be cut short: refused. */
	memset(text, 'a', sizeof(text));
	memcpy(text, "#!", 2);
	refuse(text, sizeof(text));
	/* Blanks all the way: no name. */
	memset(text + 2, ' ', sizeof(text) - 2);
	refuse(text, sizeof(text));

	/* The name ends at the last byte with a blank: accepted. */
	memset(text + 2, 'a', BINPRM_BUF_SIZE - 3);
	text[BINPRM_BUF_SIZE - 1] = ' ';
	text[sizeof(text) - 1] = '\0';
	memset(want, 'a', BINPRM_BUF_SIZE - 3);
	want[BINPRM_BUF_SIZE - 3] = '\0';
	expect(text, want, NULL);

	/* A long argument is cut: the buffer's last byte is dropped. */
	memset(text, 'b', sizeof(text));
	memcpy(text, "#!/bin/sh ", 10);
	text[sizeof(text) - 1] = '\0';
	memset(want, 'b', BINPRM_BUF_SIZE - 11);
	want[BINPRM_BUF_SIZE - 11] = '\0';
	expect(text, "/bin/sh", want);

	/* A newline as the 256th byte ends the line. */
	memset(text, 'c', sizeof(text));
	memcpy(text, "#!/x ", 5);
	text[BINPRM_BUF_SIZE - 1] = '\n';
	text[sizeof(text) - 1] = '\0';
	memset(want, 'c', BINPRM_BUF_SIZE - 6);
	want[BINPRM_BUF_SIZE - 6] = '\0';
	expect(text, "/x", want);
}
END_TEST

START_TEST(random_lines)
{
	static const char alphabet[] = "#! \t\n\0/abc-";
	char buf[BINPRM_BUF_SIZE + 1], *name, *arg;
	unsigned int round, i;

	srandom(7);
	for (round = 0; round < 200000; round++) {
		char *b = malloc(BINPRM_BUF_SIZE + 1);

		CHECK(b, "oom");
		b[0] = '#';
		b[1] = '!';
		for (i = 2; i <= BINPRM_BUF_SIZE; i++)
			b[i] = alphabet[random() % (sizeof(alphabet) - 1)];
		memcpy(buf, b, sizeof(buf));
		if (script_parse(b, &name, &arg) == 0) {
			CHECK(name > b + 1 && name < b + BINPRM_BUF_SIZE,
			      "name outside the buffer");
			CHECK(*name && !strchr(name, ' ') && !strchr(name, '\t') &&
			      !strchr(name, '\n'), "bad name");
			CHECK(!arg || (arg > name && *arg && *arg != ' ' &&
				       *arg != '\t' && !strchr(arg, '\n')),
			      "bad argument");
			/* With a newline before any NUL, all of it is before it. */
			for (i = 0; i < BINPRM_BUF_SIZE && buf[i] && buf[i] != '\n'; i++)
				;
			CHECK(i == BINPRM_BUF_SIZE || buf[i] != '\n' ||
			      (arg ? arg + strlen(arg) : name + strlen(name)) <= b + i,
			      "parsed past the line");
		}
		free(b);
	}
}
END_TEST

Suite *unit_suite(void)
{
	Suite *s = suite_create("script_parse");
	TCase *tc = tcase_create("parse");

	tcase_add_test(tc, lines);
	tcase_add_test(tc, no_interpreter);
	tcase_add_test(tc, buffer_edge);
	tcase_add_test(tc, random_lines);
	suite_add_tcase(s, tc);
	return s;
}
