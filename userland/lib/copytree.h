/*
 * Copying a file or a directory tree, for cp and for mv across file
 * systems. Errors are reported as "prog: ...: why".
 */
#ifndef USERLAND_COPYTREE_H
#define USERLAND_COPYTREE_H

#include <sys/types.h>

struct copy_opts {
	int recursive;		/* directories, with symbolic links copied as links (cp -R) */
	int preserve;		/* mode, owner and times (cp -p, mv) */
	int force;		/* replace a destination that cannot be opened (cp -f) */
	int interactive;	/* ask before overwriting (cp -i) */
	mode_t umask_bits;	/* what new files' modes lose without preserve */
};

/* Copies src to dst (the full destination name); 0, or 1 (reported). */
int copy_tree(const char *src, const char *dst, const struct copy_opts *o);

#endif
