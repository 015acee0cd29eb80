/*
 * The path walk: from a starting point (a process's cwd or a dirfd) or its root,
 * through ".", "..", symlinks and mount points, checking search permission
 * on every directory it passes, as Linux's namei does.
 */
#ifndef BREENIX_NAMEI_H
#define BREENIX_NAMEI_H

#include <breenix/fs.h>

#define LOOKUP_FOLLOW		(1u << 0)	/* follow a final symlink */
#define LOOKUP_DIRECTORY	(1u << 1)	/* the result must be a directory */
#define LOOKUP_EMPTY		(1u << 2)	/* "" names the start (AT_EMPTY_PATH) */

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
 * Resolves name from at (see struct vfs_at) into *out, referenced. Errors: -ENOENT, -ENOTDIR, -ELOOP, -ENAMETOOLONG,
 * -EACCES, -ENOMEM.
 */
int kern_path(const struct vfs_at *at, const char *name, unsigned int flags,
	      const struct vfs_cred *cred, struct path *out);

/*
 * Resolves all of name but its last component, leaving nd->path on the
 * parent directory and nd->last on the component (which need not exist).
 * On success the caller calls path_parent_put(nd).
 */
int path_parent(const struct vfs_at *at, const char *name,
		const struct vfs_cred *cred, struct nameidata *nd);
void path_parent_put(struct nameidata *nd);

/*
 * The child named (name, len) of the directory dir, referenced: from the
 * dentry cache, else asked of the filesystem. Negative when it does not
 * exist. Called with dir's i_lock held.
 */
struct dentry *lookup_one(struct dentry *dir, const char *name,
			  unsigned int len);

/*
 * The system calls' starting point for @name (Linux's path_init with a
 * dfd): the current task's root, and for a relative name @dfd's directory
 * (AT_FDCWD: the working directory). -EBADF for a closed @dfd, -ENOTDIR
 * when it is not a directory; with @empty and an empty @name any file
 * (O_PATH ones too) is the start, and the result. On success release it
 * with lookup_at_put.
 */
struct lookup_at {
	struct path root, dir;
	struct vfs_at at;
};

int lookup_at_get(int dfd, const char *name, bool empty,
		  struct lookup_at *la);
void lookup_at_put(struct lookup_at *la);

/*
 * A path from user memory into a new PATH_MAX buffer (putname it), as
 * Linux's getname: -EFAULT, -ENAMETOOLONG for a path of PATH_MAX bytes or
 * more, -ENOENT for "" unless @empty_ok, -ENOMEM.
 */
char *getname(const char *upath, bool empty_ok, int *err);
void putname(char *name);

#endif
