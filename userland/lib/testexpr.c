/*
 * test and [ as POSIX and coreutils evaluate them: file tests (-e -f -d -r
 * -w -x -s -L -h -p -b -c -S -u -g -k -t -O -G, -nt -ot -ef), strings (-z
 * -n = != < >), integers (-eq -ne -lt -le -gt -ge), ! -a -o and ( ). Up to
 * four arguments follow POSIX's rules by count; more are parsed with -a
 * binding tighter than -o. An error unwinds to testexpr_eval with longjmp.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "testexpr.h"

struct test {
	char **args;
	int nargs, at;
	char *err;
	size_t errlen;
	jmp_buf fail;
};

static void error(struct test *t, const char *fmt, const char *arg)
	__attribute__((noreturn));
static void error(struct test *t, const char *fmt, const char *arg)
{
	snprintf(t->err, t->errlen, fmt, arg);
	longjmp(t->fail, 1);
}

static bool is_unary(const char *op)
{
	return op[0] == '-' && op[1] && !op[2] && strchr("bcdefghknprsStuwxzLOG", op[1]);
}

static bool is_binary(const char *op)
{
	static const char *const ops[] = { "=", "==", "!=", "<", ">", "-eq", "-ne", "-lt",
					   "-le", "-gt", "-ge", "-nt", "-ot", "-ef", NULL };

	for (int i = 0; ops[i]; i++)
		if (!strcmp(op, ops[i]))
			return true;
	return false;
}

static long long integer(struct test *t, const char *s)
{
	char *end;
	long long v;

	errno = 0;
	v = strtoll(s, &end, 10);
	while (*end == ' ' || *end == '\t')
		end++;
	if (end == s || *end || errno)
		error(t, "invalid integer '%s'", s);
	return v;
}

static bool file_test(char op, const char *path)
{
	struct stat st;

	if (op == 'h' || op == 'L')
		return !lstat(path, &st) && S_ISLNK(st.st_mode);
	if (op == 'r' || op == 'w' || op == 'x')
		return !access(path, op == 'r' ? R_OK : op == 'w' ? W_OK : X_OK);
	if (stat(path, &st) < 0)
		return false;
	switch (op) {
	case 'b':
		return S_ISBLK(st.st_mode);
	case 'c':
		return S_ISCHR(st.st_mode);
	case 'd':
		return S_ISDIR(st.st_mode);
	case 'f':
		return S_ISREG(st.st_mode);
	case 'g':
		return st.st_mode & S_ISGID;
	case 'k':
		return st.st_mode & S_ISVTX;
	case 'p':
		return S_ISFIFO(st.st_mode);
	case 's':
		return st.st_size > 0;
	case 'S':
		return S_ISSOCK(st.st_mode);
	case 'u':
		return st.st_mode & S_ISUID;
	case 'O':
		return st.st_uid == geteuid();
	case 'G':
		return st.st_gid == getegid();
	default:	/* -e */
		return true;
	}
}

static bool unary(struct test *t, const char *op, const char *arg)
{
	if (op[1] == 'z')
		return !*arg;
	if (op[1] == 'n')
		return *arg;
	if (op[1] == 't')
		return isatty((int)integer(t, arg));
	return file_test(op[1], arg);
}

static bool newer(const struct stat *a, const struct stat *b)
{
	return a->st_mtim.tv_sec > b->st_mtim.tv_sec ||
	       (a->st_mtim.tv_sec == b->st_mtim.tv_sec && a->st_mtim.tv_nsec > b->st_mtim.tv_nsec);
}

static bool files_compare(const char *a, const char *op, const char *b)
{
	struct stat sa, sb;
	bool ha = !stat(a, &sa), hb = !stat(b, &sb);

	if (!strcmp(op, "-ef"))
		return ha && hb && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
	if (!strcmp(op, "-nt"))
		return ha && (!hb || newer(&sa, &sb));
	return hb && (!ha || newer(&sb, &sa));	/* -ot */
}

static bool binary(struct test *t, const char *a, const char *op, const char *b)
{
	long long x, y;

	if (!strcmp(op, "=") || !strcmp(op, "=="))
		return !strcmp(a, b);
	if (!strcmp(op, "!="))
		return strcmp(a, b);
	if (!strcmp(op, "<"))
		return strcmp(a, b) < 0;
	if (!strcmp(op, ">"))
		return strcmp(a, b) > 0;
	if (op[1] == 'n' && op[2] == 't')
		return files_compare(a, op, b);
	if ((op[1] == 'o' && op[2] == 't') || (op[1] == 'e' && op[2] == 'f'))
		return files_compare(a, op, b);
	x = integer(t, a);
	y = integer(t, b);
	if (!strcmp(op, "-eq"))
		return x == y;
	if (!strcmp(op, "-ne"))
		return x != y;
	if (!strcmp(op, "-lt"))
		return x < y;
	if (!strcmp(op, "-le"))
		return x <= y;
	if (!strcmp(op, "-gt"))
		return x > y;
	return x >= y;
}

/* The general grammar, for more than four arguments. */
static bool expr_or(struct test *t);

static const char *next(struct test *t)
{
	if (t->at >= t->nargs)
		error(t, "missing argument after '%s'", t->args[t->nargs - 1]);
	return t->args[t->at++];
}

static bool primary(struct test *t)
{
	const char *s = next(t);
	bool v;

	if (!strcmp(s, "(")) {
		v = expr_or(t);
		if (t->at >= t->nargs || strcmp(t->args[t->at], ")"))
			error(t, "missing '%s'", ")");
		t->at++;
		return v;
	}
	if (t->at + 1 < t->nargs && is_binary(t->args[t->at])) {
		const char *op = t->args[t->at++];

		return binary(t, s, op, t->args[t->at++]);
	}
	if (is_unary(s) && t->at < t->nargs)
		return unary(t, s, t->args[t->at++]);
	return *s;
}

static bool expr_not(struct test *t)
{
	if (t->at + 1 < t->nargs && !strcmp(t->args[t->at], "!")) {
		t->at++;
		return !expr_not(t);
	}
	return primary(t);
}

static bool expr_and(struct test *t)
{
	bool v = expr_not(t);

	while (t->at < t->nargs && !strcmp(t->args[t->at], "-a")) {
		t->at++;
		v = expr_not(t) && v;
	}
	return v;
}

static bool expr_or(struct test *t)
{
	bool v = expr_and(t);

	while (t->at < t->nargs && !strcmp(t->args[t->at], "-o")) {
		t->at++;
		v = expr_and(t) || v;
	}
	return v;
}

/* POSIX's rules for n arguments from a. */
static bool evaluate(struct test *t, char **a, int n)
{
	switch (n) {
	case 0:
		return false;
	case 1:
		return *a[0];
	case 2:
		if (!strcmp(a[0], "!"))
			return !evaluate(t, a + 1, 1);
		if (is_unary(a[0]))
			return unary(t, a[0], a[1]);
		error(t, "'%s': unary operator expected", a[0]);
	case 3:
		if (is_binary(a[1]))
			return binary(t, a[0], a[1], a[2]);
		if (!strcmp(a[1], "-a") || !strcmp(a[1], "-o"))
			return a[1][1] == 'a' ? *a[0] && *a[2] : *a[0] || *a[2];
		if (!strcmp(a[0], "!"))
			return !evaluate(t, a + 1, 2);
		if (!strcmp(a[0], "(") && !strcmp(a[2], ")"))
			return evaluate(t, a + 1, 1);
		error(t, "'%s': binary operator expected", a[1]);
	case 4:
		if (!strcmp(a[0], "!"))
			return !evaluate(t, a + 1, 3);
		if (!strcmp(a[0], "(") && !strcmp(a[3], ")"))
			return evaluate(t, a + 1, 2);
	}
	t->args = a;
	t->nargs = n;
	t->at = 0;
	bool v = expr_or(t);

	if (t->at < t->nargs)
		error(t, "extra argument '%s'", t->args[t->at]);
	return v;
}

int testexpr_eval(char **argv, int argc, char *err, size_t errlen)
{
	struct test t = { .err = err, .errlen = errlen };

	if (setjmp(t.fail))
		return TESTEXPR_ERROR;
	return !evaluate(&t, argv, argc);
}
