/*
 * test and [ (XCU test): the POSIX rules by number of arguments, then a
 * recursive-descent parse of -o, -a, !, ( ) over the unary and binary
 * string, integer and file primaries. Status 0 true, 1 false, 2 error.
 */
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sh.h"

struct test {
	char **argv;
	int argc, pos;
	const char *cmd;
	jmp_buf fail;
};

static void __attribute__((noreturn)) test_error(struct test *t, const char *fmt, const char *arg)
{
	struct strbuf sb;

	sb_init(&sb);
	sb_printf(&sb, fmt, arg);
	sh_warn("%s: %s", t->cmd, sb.s);
	sb_free(&sb);
	longjmp(t->fail, 1);
}

static const char *next_arg(struct test *t)
{
	if (t->pos >= t->argc)
		test_error(t, "%sargument expected", "");
	return t->argv[t->pos++];
}

static long integer(struct test *t, const char *s)
{
	const char *p = s;
	char *end;
	long v;

	while (*p == ' ' || *p == '\t')
		p++;
	v = strtol(p, &end, 10);
	while (*end == ' ' || *end == '\t')
		end++;
	if (!*p || *end)
		test_error(t, "%s: integer expression expected", s);
	return v;
}

static int file_test(char op, const char *path)
{
	struct stat st;

	if (op == 'h' || op == 'L')
		return lstat(path, &st) == 0 && S_ISLNK(st.st_mode);
	if (op == 't')
		return isatty(atoi(path));
	if (op == 'r' || op == 'w' || op == 'x')
		return access(path, op == 'r' ? R_OK : op == 'w' ? W_OK : X_OK) == 0;
	if (stat(path, &st) < 0)
		return 0;
	switch (op) {
	case 'b': return S_ISBLK(st.st_mode);
	case 'c': return S_ISCHR(st.st_mode);
	case 'd': return S_ISDIR(st.st_mode);
	case 'e': return 1;
	case 'f': return S_ISREG(st.st_mode);
	case 'g': return (st.st_mode & S_ISGID) != 0;
	case 'p': return S_ISFIFO(st.st_mode);
	case 's': return st.st_size > 0;
	case 'S': return S_ISSOCK(st.st_mode);
	default: return (st.st_mode & S_ISUID) != 0;
	}
}

static int is_unary(const char *s)
{
	return s[0] == '-' && s[1] && !s[2] && strchr("bcdefghLnprsStuwxz", s[1]);
}

static int unary(const char *op, const char *arg)
{
	if (op[1] == 'n')
		return *arg != '\0';
	if (op[1] == 'z')
		return *arg == '\0';
	return file_test(op[1], arg);
}

static const char *const binaries[] = {
	"=", "==", "!=", "<", ">", "-eq", "-ne", "-lt", "-le", "-gt", "-ge",
	"-nt", "-ot", "-ef", NULL,
};

static int is_binary(const char *s)
{
	for (int i = 0; binaries[i]; i++)
		if (!strcmp(binaries[i], s))
			return 1;
	return 0;
}

static int file_compare(const char *op, const char *a, const char *b)
{
	struct stat sa, sb;
	int ha = stat(a, &sa) == 0, hb = stat(b, &sb) == 0;

	if (!strcmp(op, "-ef"))
		return ha && hb && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
	if (!strcmp(op, "-nt"))
		return ha && (!hb || sa.st_mtime > sb.st_mtime);
	return hb && (!ha || sa.st_mtime < sb.st_mtime);
}

static int binary(struct test *t, const char *a, const char *op, const char *b)
{
	long x, y;

	if (!strcmp(op, "=") || !strcmp(op, "=="))
		return !strcmp(a, b);
	if (!strcmp(op, "!="))
		return strcmp(a, b) != 0;
	if (!strcmp(op, "<"))
		return strcmp(a, b) < 0;
	if (!strcmp(op, ">"))
		return strcmp(a, b) > 0;
	if (op[1] == 'n' || op[1] == 'o' || !strcmp(op, "-ef"))
		return file_compare(op, a, b);
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

static int expr_or(struct test *t);

static int primary(struct test *t)
{
	const char *a = next_arg(t);

	if (!strcmp(a, "!"))
		return !primary(t);
	if (!strcmp(a, "(")) {
		int v = expr_or(t);

		if (t->pos >= t->argc || strcmp(t->argv[t->pos], ")"))
			test_error(t, "%smissing )", "");
		t->pos++;
		return v;
	}
	if (t->pos + 1 < t->argc && is_binary(t->argv[t->pos])) {
		const char *op = t->argv[t->pos];

		t->pos += 2;
		return binary(t, a, op, t->argv[t->pos - 1]);
	}
	if (is_unary(a) && t->pos < t->argc)
		return unary(a, next_arg(t));
	return *a != '\0';
}

static int expr_and(struct test *t)
{
	int v = primary(t);

	while (t->pos < t->argc && !strcmp(t->argv[t->pos], "-a")) {
		t->pos++;
		v = primary(t) && v;
	}
	return v;
}

static int expr_or(struct test *t)
{
	int v = expr_and(t);

	while (t->pos < t->argc && !strcmp(t->argv[t->pos], "-o")) {
		t->pos++;
		v = expr_and(t) || v;
	}
	return v;
}

/* The POSIX rules for up to four arguments, which decide by their count. */
static int evaluate(struct test *t)
{
	char **a = t->argv;

	switch (t->argc) {
	case 0:
		return 0;
	case 1:
		return *a[0] != '\0';
	case 2:
		if (!strcmp(a[0], "!"))
			return *a[1] == '\0';
		if (is_unary(a[0]))
			return unary(a[0], a[1]);
		break;
	case 3:
		if (is_binary(a[1]))
			return binary(t, a[0], a[1], a[2]);
		if (!strcmp(a[0], "!")) {
			t->argv++;
			t->argc--;
			return !evaluate(t);
		}
		if (!strcmp(a[0], "(") && !strcmp(a[2], ")"))
			return *a[1] != '\0';
		break;
	case 4:
		if (!strcmp(a[0], "!")) {
			t->argv++;
			t->argc--;
			return !evaluate(t);
		}
		if (!strcmp(a[0], "(") && !strcmp(a[3], ")")) {
			t->argv++;
			t->argc -= 2;
			return evaluate(t);
		}
		break;
	}
	return expr_or(t);
}

int builtin_test(int argc, char **argv)
{
	struct test t = { .argv = argv + 1, .argc = argc - 1, .cmd = argv[0] };
	int v;

	if (!strcmp(argv[0], "[")) {
		if (argc < 2 || strcmp(argv[argc - 1], "]")) {
			sh_warn("[: missing ]");
			return 2;
		}
		t.argc--;
	}
	if (setjmp(t.fail))
		return 2;
	v = evaluate(&t);
	if (t.pos && t.pos < t.argc)
		test_error(&t, "%s: unexpected operator", t.argv[t.pos]);
	return !v;
}
