/*
 * Copying a file or a directory tree, for cp and for mv across file
 * systems. Errors are reported as "prog: ...: why".
 */
#ifndef USERLAND_COPYTREE_H
#define USERLAND_COPYTREE_H

#include <sys/types.h>

/* Which symbolic links in the sources are followed (cp -P, -L, -H). */
enum copy_deref {
	DEREF_DEFAULT,		/* -R: none (as -P); otherwise all (as -L) */
	DEREF_NEVER,
	DEREF_ALWAYS,
	DEREF_OPERANDS,		/* those named on the command line */
};

struct copy_opts {
	int recursive;		/* directories (cp -R) */
	enum copy_deref deref;
	int preserve;		/* mode, owner and times (cp -p, mv) */
	int force;		/* replace a destination that cannot be opened (cp -f) */
	int interactive;	/* ask before overwriting each file (cp -i) */
	int no_clobber;		/* never overwrite (cp -n) */
	int update;		/* overwrite only what is older than the source (cp -u) */
	int verbose;		/* "'src' -> 'dst'" for each file (cp -v) */
	mode_t umask_bits;	/* what new files' modes lose without preserve */
};

/* Copies src to dst (the full destination name); 0, or 1 (reported). */
int copy_tree(const char *src, const char *dst, const struct copy_opts *o);

#endif
