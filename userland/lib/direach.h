/*
 * One directory's entries for the tree walks (chmod -R, rm -r, cp -r,
 * grep -r): every name but . and .., with its path joined.
 */
#ifndef USERLAND_DIREACH_H
#define USERLAND_DIREACH_H

/*
 * Calls fn(child, name, arg) for each entry of DIR, child being "DIR/name".
 * Returns the OR of what fn returned, or -1 (errno set) when DIR could
 * not be opened or a read of it failed, after the entries read until then.
 */
int dir_each(const char *dir, int (*fn)(const char *child, const char *name, void *arg),
	     void *arg);

#endif
