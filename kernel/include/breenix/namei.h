/*
 * The path walk: from a starting point (a process's cwd, later) or the root,
 * through ".", "..", symlinks and mount points, checking search permission
 * on every directory it passes, as Linux's namei does.
 */
#ifndef BREENIX_NAMEI_H
#define BREENIX_NAMEI_H

#include <breenix/fs.h>

#define LOOKUP_FOLLOW		(1u << 0)	/* follow a final symlink */
#define LOOKUP_DIRECTORY	(1u << 1)	/* the result must be a directory */

/* What a parent lookup found as the last component. */
enum last_type { LAST_NORM, LAST_ROOT, LAST_DOT, LAST_DOTDOT };

struct nameidata {
	struct path path;		/* where the walk is, referenced */
	struct path root;		/* "/" and the top of "..", referenced */
	const struct vfs_cred *cred;
	unsigned int nlinks;		/* symlinks followed so far */
	const char *last;		/* the last component (parent lookups) */
	unsigned int last_len;
	enum last_type last_type;
	bool trailing_slash;		/* the path ended in '/' */
};

/*
 * Resolves name from at (NULL: the root; an absolute name ignores it) into
 * *out, referenced. Errors: -ENOENT, -ENOTDIR, -ELOOP, -ENAMETOOLONG,
 * -EACCES, -ENOMEM.
 */
int kern_path(const struct path *at, const char *name, unsigned int flags,
	      const struct vfs_cred *cred, struct path *out);

/*
 * Resolves all of name but its last component, leaving nd->path on the
 * parent directory and nd->last on the component (which need not exist).
 * On success the caller calls path_parent_put(nd).
 */
int path_parent(const struct path *at, const char *name,
		const struct vfs_cred *cred, struct nameidata *nd);
void path_parent_put(struct nameidata *nd);

/*
 * The child named (name, len) of the directory dir, referenced: from the
 * dentry cache, else asked of the filesystem. Negative when it does not
 * exist. Called with dir's i_lock held.
 */
struct dentry *lookup_one(struct dentry *dir, const char *name,
			  unsigned int len);

#endif
