/*
 * "dir/name" for the utilities that walk directory trees (ls -R, cp -r,
 * rm -r, chmod -R) or put files into a directory (cp, mv, ln), without
 * doubling a slash dir already ends with.
 */
#ifndef USERLAND_PATHJOIN_H
#define USERLAND_PATHJOIN_H

/* A new string (free it); exits with status 1 if memory runs out. */
char *path_join(const char *dir, const char *name);
/*
 * The name operand path gets inside a destination directory (cp, mv, ln
 * into DIR): its last component, trailing slashes dropped; "/" stays "/".
 * A new string (free it).
 */
char *path_base(const char *path);
/* "." and "..", which a tree walk never enters. */
int path_is_dots(const char *name);

#endif
