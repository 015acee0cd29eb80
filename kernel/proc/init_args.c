/*
 * Splitting the command line into init's argv and envp, as Linux's
 * unknown_bootoption and the "--" rule do (init/main.c). Pure.
 */
#include <stddef.h>
#include <string.h>
#include <breenix/errno.h>
#include <breenix/init_args.h>

/* The length of the name in "name=value" (all of a bare word). */
static size_t name_len(const char *w)
{
	const char *eq = strchr(w, '=');

	return eq ? (size_t)(eq - w) : strlen(w);
}

/* Linux: a dot in the name means a module's parameter, never init's. */
static bool module_param(const char *w)
{
	const char *dot = strchr(w, '.');

	return dot && (size_t)(dot - w) < name_len(w);
}

/* A variable already set (by an earlier word) is overwritten, as in Linux. */
static int add_env(struct init_args *a, const char *w)
{
	size_t n = name_len(w);
	int i;

	for (i = 0; i < a->envc; i++) {
		if (!strncmp(a->envp[i], w, n) && a->envp[i][n] == '=') {
			a->envp[i] = w;
			return 0;
		}
	}
	if (a->envc == MAX_INIT_ENVS)
		return -E2BIG;
	a->envp[a->envc++] = w;
	a->envp[a->envc] = NULL;
	return 0;
}

static int add_arg(struct init_args *a, const char *w)
{
	if (a->argc == MAX_INIT_ARGS + 1)
		return -E2BIG;
	a->argv[a->argc++] = w;
	a->argv[a->argc] = NULL;
	return 0;
}

int init_args_build(struct init_args *a,
		    const char *(*next)(const char *prev),
		    bool (*known)(const char *word), const char **bad)
{
	bool after_dashes = false;
	const char *w;
	int err;

	memset(a, 0, sizeof(*a));
	a->argc = 1;
	a->envp[a->envc++] = "HOME=/";
	a->envp[a->envc++] = "TERM=linux";
	for (w = next(NULL); w; w = next(w)) {
		if (after_dashes) {
			err = add_arg(a, w);
		} else if (!strcmp(w, "--")) {
			after_dashes = true;
			continue;
		} else if (known(w) || module_param(w)) {
			continue;
		} else if (strchr(w, '=')) {
			err = add_env(a, w);
		} else {
			err = add_arg(a, w);
		}
		if (err) {
			*bad = w;
			return err;
		}
	}
	return 0;
}
