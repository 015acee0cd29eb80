/*
 * Arithmetic expansion (XCU 2.6.4): the C operators on long integers,
 * parsed by precedence climbing and evaluated as they are parsed; a branch
 * that is not taken (&& || ?:) is parsed without its side effects. Pure:
 * variables come through the caller's hooks.
 */
#include <ctype.h>
#include <errno.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arith.h"

struct arith {
	const char *p;
	const struct arith_vars *vars;
	int noeval;		/* inside a branch not taken */
	jmp_buf fail;
	const char *err;
};

static long assign_expr(struct arith *a);

static void __attribute__((noreturn)) fail(struct arith *a, const char *msg)
{
	a->err = msg;
	longjmp(a->fail, 1);
}

static void skip_space(struct arith *a)
{
	while (isspace((unsigned char)*a->p))
		a->p++;
}

/* The operators longer than one character, longest first. */
static const char *const long_ops[] = {
	"<<=", ">>=", "&&", "||", "==", "!=", "<=", ">=", "<<", ">>",
	"*=", "/=", "%=", "+=", "-=", "&=", "^=", "|=", NULL,
};

/* Consumes operator @op if it is the (longest) operator next. */
static int accept(struct arith *a, const char *op)
{
	size_t n = 1;

	skip_space(a);
	for (const char *const *o = long_ops; *o; o++)
		if (!strncmp(a->p, *o, strlen(*o))) {
			n = strlen(*o);
			break;
		}
	if (strlen(op) != n || strncmp(a->p, op, n))
		return 0;
	a->p += n;
	return 1;
}

static long number(struct arith *a, const char *s, const char *end)
{
	char *stop;
	long v;

	errno = 0;
	v = strtol(s, &stop, 0);
	if (stop != end || errno)
		fail(a, "bad number");
	return v;
}

static long var_value(struct arith *a, const char *name)
{
	const char *v = a->vars->get(a->vars->ctx, name);

	if (!v || !*v)
		return 0;
	return number(a, v, v + strlen(v));
}

/* A variable or constant, or a parenthesised expression. */
static long primary(struct arith *a, char *name, size_t size)
{
	const char *s;

	name[0] = '\0';
	skip_space(a);
	s = a->p;
	if (accept(a, "(")) {
		long v = assign_expr(a);

		if (!accept(a, ")"))
			fail(a, "missing \")\"");
		return v;
	}
	if (isalpha((unsigned char)*s) || *s == '_') {
		while (isalnum((unsigned char)*a->p) || *a->p == '_')
			a->p++;
		if ((size_t)(a->p - s) >= size)
			fail(a, "name too long");
		memcpy(name, s, a->p - s);
		name[a->p - s] = '\0';
		return a->noeval ? 0 : var_value(a, name);
	}
	if (isdigit((unsigned char)*s)) {
		while (isalnum((unsigned char)*a->p))
			a->p++;
		return number(a, s, a->p);
	}
	fail(a, *s ? "syntax error" : "missing operand");
}

static long unary(struct arith *a)
{
	char name[ARITH_NAME_MAX];

	if (accept(a, "+"))
		return unary(a);
	if (accept(a, "-"))
		return -(unsigned long)unary(a);
	if (accept(a, "!"))
		return !unary(a);
	if (accept(a, "~"))
		return ~unary(a);
	return primary(a, name, sizeof(name));
}

static long binop(struct arith *a, const char *op, long l, long r)
{
	if (a->noeval)
		return 0;
	switch (op[0]) {
	case '*': return (unsigned long)l * r;
	case '/': case '%':
		if (r == 0)
			fail(a, "division by zero");
		if (r == -1)
			return op[0] == '/' ? -(unsigned long)l : 0;
		return op[0] == '/' ? l / r : l % r;
	case '+': return (unsigned long)l + r;
	case '-': return (unsigned long)l - r;
	case '<':
		if (op[1] == '<')
			return (unsigned long)l << (r & 63);
		return op[1] == '=' ? l <= r : l < r;
	case '>':
		if (op[1] == '>')
			return l >> (r & 63);
		return op[1] == '=' ? l >= r : l > r;
	case '=': return l == r;
	case '!': return l != r;
	case '&': return l & r;
	case '^': return l ^ r;
	default: return l | r;
	}
}

/* The binary operators by precedence, loosest first (after || and &&). */
static const char *const levels[][5] = {
	{ "|" }, { "^" }, { "&" }, { "==", "!=" }, { "<=", ">=", "<", ">" },
	{ "<<", ">>" }, { "+", "-" }, { "*", "/", "%" },
};
#define NLEVELS (sizeof(levels) / sizeof(levels[0]))

static long binary(struct arith *a, size_t level)
{
	long l;

	if (level == NLEVELS)
		return unary(a);
	l = binary(a, level + 1);
	for (;;) {
		const char *const *op;

		for (op = levels[level]; *op; op++)
			if (accept(a, *op))
				break;
		if (!*op)
			return l;
		l = binop(a, *op, l, binary(a, level + 1));
	}
}

/* && and ||: the right side is evaluated only when it decides. */
static long logical(struct arith *a, int or)
{
	long l = or ? logical(a, 0) : binary(a, 0);

	while (accept(a, or ? "||" : "&&")) {
		int skip = or ? l != 0 : l == 0;
		long r;

		a->noeval += skip;
		r = or ? logical(a, 0) : binary(a, 0);
		a->noeval -= skip;
		l = or ? (l || r) : (l && r);
	}
	return l;
}

static long conditional(struct arith *a)
{
	long c = logical(a, 1), t, f;

	if (!accept(a, "?"))
		return c;
	a->noeval += !c;
	t = assign_expr(a);
	a->noeval -= !c;
	if (!accept(a, ":"))
		fail(a, "missing \":\"");
	a->noeval += !!c;
	f = conditional(a);
	a->noeval -= !!c;
	return c ? t : f;
}

static const char *const assign_ops[] = {
	"=", "*=", "/=", "%=", "+=", "-=", "<<=", ">>=", "&=", "^=", "|=", NULL,
};

/* Assignment when a name is followed by an assignment operator. */
static long assign_expr(struct arith *a)
{
	const char *save = a->p;
	char name[ARITH_NAME_MAX];
	long v;

	skip_space(a);
	if (isalpha((unsigned char)*a->p) || *a->p == '_') {
		int saved_noeval = a->noeval;

		a->noeval = 1;
		primary(a, name, sizeof(name));
		a->noeval = saved_noeval;
		for (const char *const *op = assign_ops; *op; op++) {
			char bin[4];

			if (!accept(a, *op))
				continue;
			v = assign_expr(a);
			if (strcmp(*op, "=")) {
				snprintf(bin, sizeof(bin), "%.*s", (int)strlen(*op) - 1, *op);
				v = binop(a, bin, a->noeval ? 0 : var_value(a, name), v);
			}
			if (!a->noeval)
				a->vars->set(a->vars->ctx, name, v);
			return v;
		}
	}
	a->p = save;
	return conditional(a);
}

int arith_eval(const char *expr, const struct arith_vars *vars, long *result,
	       const char **err)
{
	struct arith a = { .p = expr, .vars = vars };

	if (setjmp(a.fail)) {
		*err = a.err;
		return -1;
	}
	skip_space(&a);
	*result = *a.p ? assign_expr(&a) : 0;
	skip_space(&a);
	if (*a.p)
		fail(&a, "syntax error");
	return 0;
}
