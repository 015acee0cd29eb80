/*
 * Arithmetic expansion: evaluates an expression (already through parameter
 * expansion and quote removal) with the C operators on long integers.
 */
#ifndef SH_ARITH_H
#define SH_ARITH_H

#define ARITH_NAME_MAX 256

/* How the evaluator reads and assigns shell variables. */
struct arith_vars {
	const char *(*get)(void *ctx, const char *name);
	void (*set)(void *ctx, const char *name, long value);
	void *ctx;
};

/* 0 with *result, or -1 with *err saying what is wrong. */
int arith_eval(const char *expr, const struct arith_vars *vars, long *result,
	       const char **err);

#endif
