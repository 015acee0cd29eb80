/*
 * Removing a file or a directory tree, for rm and for mv across file
 * systems. Errors are reported as "prog: cannot remove 'path': why".
 */
#ifndef USERLAND_RMTREE_H
#define USERLAND_RMTREE_H

struct rmtree_opts {
	int recursive;		/* directories and what they hold (rm -r) */
	int empty_dirs;		/* empty directories (rm -d) */
	int force;		/* no error for what does not exist (rm -f) */
	int interactive;	/* ask before each removal (rm -i) */
	int verbose;		/* "removed 'path'" for each (rm -v) */
};

/* 0 on success, 1 if anything was not removed (reported). */
int rmtree(const char *path, const struct rmtree_opts *o);

#endif
