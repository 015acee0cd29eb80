/*
 * test and [: evaluate a condition, as POSIX and coreutils: file tests
 * (-e -f -d -r -w -x -s -L -h -p -b -c -S -u -g -k -t, -nt -ot -ef),
 * strings (-z -n = != < >), integers (-eq -ne -lt -le -gt -ge), ! -a -o
 * and ( ). Up to four arguments follow POSIX's rules by count; more are
 * parsed with -a binding tighter than -o. Exit 0 true, 1 false, 2 error.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "msg.h"
#include "cli.h"

#define TEST_ERROR 2

static char **args;
static int nargs, at;

static void error(const char *fmt, const char *arg) __attribute__((noreturn));
static void error(const char *fmt, const char *arg)
{
	fflush(stdout);
	fprintf(stderr, "%s: ", msg_prog);
	fprintf(stderr, fmt, arg);
	fputc('\n', stderr);
	exit(TEST_ERROR);
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

static long long integer(const char *s)
{
	char *end;
	long long v;

	errno = 0;
	v = strtoll(s, &end, 10);
	while (*end == ' ' || *end == '\t')
		end++;
	if (end == s || *end || errno)
		error("invalid integer '%s'", s);
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

static bool unary(const char *op, const char *arg)
{
	if (op[1] == 'z')
		return !*arg;
	if (op[1] == 'n')
		return *arg;
	if (op[1] == 't')
		return isatty((int)integer(arg));
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

static bool binary(const char *a, const char *op, const char *b)
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
	x = integer(a);
	y = integer(b);
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
static bool expr_or(void);

static const char *next(void)
{
	if (at >= nargs)
		error("missing argument after '%s'", args[nargs - 1]);
	return args[at++];
}

static bool primary(void)
{
	const char *t = next();
	bool v;

	if (!strcmp(t, "(")) {
		v = expr_or();
		if (at >= nargs || strcmp(args[at], ")"))
			error("missing '%s'", ")");
		at++;
		return v;
	}
	if (at + 1 < nargs && is_binary(args[at])) {
		const char *op = args[at++];

		return binary(t, op, args[at++]);
	}
	if (is_unary(t) && at < nargs)
		return unary(t, args[at++]);
	return *t;
}

static bool expr_not(void)
{
	if (at < nargs && !strcmp(args[at], "!") && at + 1 < nargs) {
		at++;
		return !expr_not();
	}
	return primary();
}

static bool expr_and(void)
{
	bool v = expr_not();

	while (at < nargs && !strcmp(args[at], "-a")) {
		at++;
		v = expr_not() && v;
	}
	return v;
}

static bool expr_or(void)
{
	bool v = expr_and();

	while (at < nargs && !strcmp(args[at], "-o")) {
		at++;
		v = expr_and() || v;
	}
	return v;
}

/* POSIX's rules for n arguments from a. */
static bool evaluate(char **a, int n)
{
	switch (n) {
	case 0:
		return false;
	case 1:
		return *a[0];
	case 2:
		if (!strcmp(a[0], "!"))
			return !evaluate(a + 1, 1);
		if (is_unary(a[0]))
			return unary(a[0], a[1]);
		error("'%s': unary operator expected", a[0]);
	case 3:
		if (is_binary(a[1]))
			return binary(a[0], a[1], a[2]);
		if (!strcmp(a[1], "-a") || !strcmp(a[1], "-o"))
			return a[1][1] == 'a' ? *a[0] && *a[2] : *a[0] || *a[2];
		if (!strcmp(a[0], "!"))
			return !evaluate(a + 1, 2);
		if (!strcmp(a[0], "(") && !strcmp(a[2], ")"))
			return evaluate(a + 1, 1);
		error("'%s': binary operator expected", a[1]);
	case 4:
		if (!strcmp(a[0], "!"))
			return !evaluate(a + 1, 3);
		if (!strcmp(a[0], "(") && !strcmp(a[3], ")"))
			return evaluate(a + 1, 2);
	}
	args = a;
	nargs = n;
	at = 0;
	bool v = expr_or();

	if (at < nargs)
		error("extra argument '%s'", args[at]);
	return v;
}

int main(int argc, char **argv)
{
	cli_init(argv[0], "EXPRESSION | [ EXPRESSION ]", TEST_ERROR);
	if (!strcmp(msg_prog, "[")) {
		if (argc == 2 && !strcmp(argv[1], "--help"))
			cli_help();
		if (argc < 2 || strcmp(argv[argc - 1], "]"))
			error("missing '%s'", "]");
		argc--;
	}
	return !evaluate(argv + 1, argc - 1);
}
