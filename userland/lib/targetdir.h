/*
 * The operands of cp, mv and ln: "SOURCE DEST", or "SOURCE... DIRECTORY"
 * when the last operand is a directory (each source then goes in it under
 * its own name).
 */
#ifndef USERLAND_TARGETDIR_H
#define USERLAND_TARGETDIR_H

typedef int (*target_fn)(const char *src, const char *dst);

/*
 * Calls fn for each source of ops[0..n-1] (n >= 2), with the full
 * destination name, and returns the statuses or'ed; a last operand that
 * is not a directory with more than one source is an error (exit 1).
 * no_deref: a last operand that is a symbolic link is not a directory.
 */
int target_each(char **ops, int n, int no_deref, target_fn fn);

#endif
