/*
 * PID 1's arguments and environment from the kernel command line, by
 * Linux's rules (init/main.c): words the kernel does not take go to init,
 * "name=value" into its environment, other words into its argv; every word
 * after "--" into argv; words with a dot before any '=' are parameters of
 * kernel modules and go nowhere. Pure; host-tested in tests/unit/proc.
 */
#ifndef BREENIX_INIT_ARGS_H
#define BREENIX_INIT_ARGS_H

#include <stdbool.h>

/* Linux's CONFIG_INIT_ENV_ARG_LIMIT. */
#define MAX_INIT_ARGS	32
#define MAX_INIT_ENVS	32

struct init_args {
	/* argv[0] is left NULL for the path exec'd; NULL-terminated. */
	const char *argv[MAX_INIT_ARGS + 2];
	const char *envp[MAX_INIT_ENVS + 2];	/* HOME=/ and TERM=linux first */
	int argc, envc;
};

/*
 * Fills @a from the words @next yields (next(NULL) the first, next(w) the
 * one after w), skipping those @known says the kernel takes. Returns 0, or
 * -E2BIG with *@bad the word that did not fit.
 */
int init_args_build(struct init_args *a,
		    const char *(*next)(const char *prev),
		    bool (*known)(const char *word), const char **bad);

#endif
