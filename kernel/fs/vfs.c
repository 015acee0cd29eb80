/*
 * Operations on paths: open, stat, mkdir, rmdir, unlink, rename, symlink,
 * link, readlink, mknod, truncate. Each resolves its parent directory, locks
 * it (the directory's i_lock, see inode_operations), looks the last
 * component up and makes POSIX's checks before the filesystem acts.
 */
#include <string.h>
#include <breenix/chrdev.h>
#include <breenix/errno.h>
#include <breenix/namei.h>
#include <breenix/pipe.h>
#include <breenix/slab.h>
#include <breenix/vfs.h>
#include "internal.h"

/* Serialises renames, so a directory cannot move while one is checked. */
static spinlock_t rename_lock = SPINLOCK_INIT;

static struct inode *nd_dir(struct nameidata *nd)
{
	return nd->path.dentry->d_inode;
}

/*
 * Resolves the parent of path and, for a normal last component, locks the
 * parent and looks the component up into *dentry (NULL otherwise).
 */
static int lock_last(const struct vfs_at *at, const char *path,
		     const struct vfs_cred *cred, struct nameidata *nd,
		     struct dentry **dentry)
{
	int err = path_parent(at, path, cred, nd);

	*dentry = NULL;
	if (err || nd->last_type != LAST_NORM)
		return err;
	spin_lock(&nd_dir(nd)->i_lock);
	*dentry = lookup_one(nd->path.dentry, nd->last, nd->last_len);
	if (!*dentry) {
		spin_unlock(&nd_dir(nd)->i_lock);
		path_parent_put(nd);
		return -ENOMEM;
	}
	return 0;
}

static void unlock_last(struct nameidata *nd, struct dentry *dentry)
{
	if (dentry) {
		dput(dentry);
		spin_unlock(&nd_dir(nd)->i_lock);
	}
	path_parent_put(nd);
}

static int may_create(struct inode *dir, const struct vfs_cred *cred)
{
	if (!dir->i_nlink)
		return -ENOENT;
	return inode_permission(dir, MAY_WRITE | MAY_EXEC, cred);
}

/* The sticky bit: only the owner of the file or directory may remove it. */
static int may_delete(struct inode *dir, struct dentry *victim, bool isdir,
		      const struct vfs_cred *cred)
{
	struct inode *inode = victim->d_inode;
	int err;

	if (!inode)
		return -ENOENT;
	err = inode_permission(dir, MAY_WRITE | MAY_EXEC, cred);
	if (err)
		return err;
	if ((dir->i_mode & S_ISVTX) && cred->uid != 0 &&
	    cred->uid != inode->i_uid && cred->uid != dir->i_uid)
		return -EPERM;
	if (isdir && !S_ISDIR(inode->i_mode))
		return -ENOTDIR;
	if (!isdir && S_ISDIR(inode->i_mode))
		return -EISDIR;
	if (victim->d_mounted)
		return -EBUSY;
	return 0;
}

typedef int (*create_fn)(struct inode *dir, struct dentry *dentry,
			 const void *arg, const struct vfs_cred *cred);

/*
 * The common part of mkdir, mknod, symlink and link: the name must not
 * exist and the parent must be writable. A trailing slash is only for
 * directories.
 */
static int create_at(const struct vfs_at *at, const char *path, bool isdir,
		     create_fn fn, const void *arg,
		     const struct vfs_cred *cred)
{
	struct nameidata nd;
	struct dentry *dentry;
	int err = lock_last(at, path, cred, &nd, &dentry);

	if (err)
		return err;
	if (!dentry)
		err = -EEXIST;
	else if (dentry->d_inode)
		err = -EEXIST;
	else if (nd.trailing_slash && !isdir)
		err = -ENOENT;
	else
		err = may_create(nd_dir(&nd), cred);
	if (!err)
		err = fn(nd_dir(&nd), dentry, arg, cred);
	unlock_last(&nd, dentry);
	return err;
}

struct mode_dev {
	umode_t mode;
	kdev_t dev;
};

static int do_mkdir(struct inode *dir, struct dentry *dentry, const void *arg,
		    const struct vfs_cred *cred)
{
	const struct mode_dev *md = arg;

	if (!dir->i_op || !dir->i_op->mkdir)
		return -EPERM;
	return dir->i_op->mkdir(dir, dentry, S_IFDIR | (md->mode & 07777), cred);
}

int vfs_mkdir(const struct vfs_at *at, const char *path, umode_t mode,
	      const struct vfs_cred *cred)
{
	struct mode_dev md = { .mode = mode };

	return create_at(at, path, true, do_mkdir, &md, cred);
}

static int do_mknod(struct inode *dir, struct dentry *dentry, const void *arg,
		    const struct vfs_cred *cred)
{
	const struct mode_dev *md = arg;

	if (!dir->i_op || !dir->i_op->mknod)
		return -EPERM;
	return dir->i_op->mknod(dir, dentry, md->mode, md->dev, cred);
}

int vfs_mknod(const struct vfs_at *at, const char *path, umode_t mode,
	      kdev_t dev, const struct vfs_cred *cred)
{
	struct mode_dev md = { .mode = mode, .dev = dev };

	switch (mode & S_IFMT) {
	case 0:
		md.mode |= S_IFREG;
		break;
	case S_IFREG:
	case S_IFIFO:
	case S_IFSOCK:
		break;
	case S_IFCHR:
	case S_IFBLK:
		if (cred->uid != 0)
			return -EPERM;
		break;
	case S_IFDIR:
		return -EPERM;
	default:
		return -EINVAL;
	}
	if (!S_ISCHR(md.mode) && !S_ISBLK(md.mode))
		md.dev = 0;
	return create_at(at, path, false, do_mknod, &md, cred);
}

static int do_symlink(struct inode *dir, struct dentry *dentry,
		      const void *arg, const struct vfs_cred *cred)
{
	if (!dir->i_op || !dir->i_op->symlink)
		return -EPERM;
	return dir->i_op->symlink(dir, dentry, arg, cred);
}

int vfs_symlink(const struct vfs_at *at, const char *target, const char *path,
		const struct vfs_cred *cred)
{
	size_t len = strnlen(target, PATH_MAX);

	if (!len)
		return -ENOENT;
	if (len == PATH_MAX)
		return -ENAMETOOLONG;
	return create_at(at, path, false, do_symlink, target, cred);
}

struct link_arg {
	struct path old;
};

static int do_link(struct inode *dir, struct dentry *dentry, const void *arg,
		   const struct vfs_cred *cred)
{
	const struct link_arg *la = arg;
	struct inode *inode = la->old.dentry->d_inode;
	int err;

	(void)cred;
	if (la->old.mnt->mnt_sb != dentry->d_sb)
		return -EXDEV;
	if (!dir->i_op || !dir->i_op->link)
		return -EPERM;
	if (inode != dir)
		spin_lock(&inode->i_lock);
	err = inode->i_nlink ? dir->i_op->link(la->old.dentry, dir, dentry) :
	      -ENOENT;
	if (inode != dir)
		spin_unlock(&inode->i_lock);
	return err;
}

int vfs_linkat(const struct vfs_at *old_at, const char *from,
	       const struct vfs_at *new_at, const char *to,
	       unsigned int lookup_flags, const struct vfs_cred *cred)
{
	struct link_arg la;
	int err = kern_path(old_at, from, lookup_flags, cred, &la.old);

	if (err)
		return err;
	if (S_ISDIR(la.old.dentry->d_inode->i_mode))
		err = -EPERM;
	else
		err = create_at(new_at, to, false, do_link, &la, cred);
	path_put(&la.old);
	return err;
}

int vfs_link(const struct vfs_at *at, const char *from, const char *to,
	     const struct vfs_cred *cred)
{
	return vfs_linkat(at, from, at, to, 0, cred);
}

static int remove_at(const struct vfs_at *at, const char *path, bool isdir,
		     const struct vfs_cred *cred)
{
	struct nameidata nd;
	struct dentry *dentry;
	struct inode *dir, *inode;
	int err = lock_last(at, path, cred, &nd, &dentry);

	if (err)
		return err;
	if (!dentry) {
		if (!isdir)
			err = -EISDIR;
		else if (nd.last_type == LAST_DOT)
			err = -EINVAL;
		else if (nd.last_type == LAST_DOTDOT)
			err = -ENOTEMPTY;
		else
			err = -EBUSY;
		goto out;
	}
	dir = nd_dir(&nd);
	inode = dentry->d_inode;
	if (!isdir && inode && nd.trailing_slash && !S_ISDIR(inode->i_mode)) {
		err = -ENOTDIR;
		goto out;
	}
	err = may_delete(dir, dentry, isdir, cred);
	if (err)
		goto out;
	if (isdir)
		err = dir->i_op->rmdir ? dir->i_op->rmdir(dir, dentry) : -EPERM;
	else
		err = dir->i_op->unlink ? dir->i_op->unlink(dir, dentry) : -EPERM;
	if (!err)
		d_delete(dentry);
out:
	unlock_last(&nd, dentry);
	return err;
}

int vfs_unlink(const struct vfs_at *at, const char *path,
	       const struct vfs_cred *cred)
{
	return remove_at(at, path, false, cred);
}

int vfs_rmdir(const struct vfs_at *at, const char *path,
	      const struct vfs_cred *cred)
{
	return remove_at(at, path, true, cred);
}

static void lock_two(struct inode *a, struct inode *b)
{
	if (a == b) {
		spin_lock(&a->i_lock);
	} else if (a < b) {
		spin_lock(&a->i_lock);
		spin_lock(&b->i_lock);
	} else {
		spin_lock(&b->i_lock);
		spin_lock(&a->i_lock);
	}
}

static void unlock_two(struct inode *a, struct inode *b)
{
	spin_unlock(&a->i_lock);
	if (a != b)
		spin_unlock(&b->i_lock);
}

/* The checks of rename(2) once both names are looked up. */
static int may_rename(struct nameidata *ond, struct dentry *old,
		      struct nameidata *nnd, struct dentry *new,
		      const struct vfs_cred *cred)
{
	struct inode *odir = nd_dir(ond), *ndir = nd_dir(nnd);
	bool isdir;
	int err;

	if (!old->d_inode)
		return -ENOENT;
	isdir = S_ISDIR(old->d_inode->i_mode);
	if (!isdir && (ond->trailing_slash || nnd->trailing_slash))
		return -ENOTDIR;
	err = may_delete(odir, old, isdir, cred);
	if (err)
		return err;
	if (new->d_inode)
		err = may_delete(ndir, new, isdir, cred);
	else
		err = may_create(ndir, cred);
	if (err)
		return err;
	if (isdir && is_subdir(nnd->path.dentry, old))
		return -EINVAL;
	if (isdir && odir != ndir)
		return inode_permission(old->d_inode, MAY_WRITE, cred);
	return 0;
}

static int rename_locked(struct nameidata *ond, struct nameidata *nnd,
			 unsigned int flags, const struct vfs_cred *cred)
{
	struct inode *odir = nd_dir(ond), *ndir = nd_dir(nnd);
	struct dentry *old, *new = NULL;
	int err = -ENOMEM;

	lock_two(odir, ndir);
	old = lookup_one(ond->path.dentry, ond->last, ond->last_len);
	if (old)
		new = lookup_one(nnd->path.dentry, nnd->last, nnd->last_len);
	if (!new)
		goto out;
	if ((flags & RENAME_NOREPLACE) && old->d_inode && new->d_inode)
		err = -EEXIST;
	else
		err = may_rename(ond, old, nnd, new, cred);
	if (err || old == new || old->d_inode == new->d_inode)
		goto out;
	if (new->d_inode && is_subdir(ond->path.dentry, new)) {
		err = -ENOTEMPTY;
		goto out;
	}
	err = odir->i_op->rename ?
	      odir->i_op->rename(odir, old, ndir, new) : -EPERM;
	if (!err)
		d_move(old, new);
out:
	if (new)
		dput(new);
	if (old)
		dput(old);
	unlock_two(odir, ndir);
	return err;
}

int vfs_renameat(const struct vfs_at *old_at, const char *from,
		 const struct vfs_at *new_at, const char *to, unsigned int flags,
		 const struct vfs_cred *cred)
{
	struct nameidata ond, nnd;
	int err;

	if (flags & ~RENAME_NOREPLACE)
		return -EINVAL;
	err = path_parent(old_at, from, cred, &ond);
	if (err)
		return err;
	err = path_parent(new_at, to, cred, &nnd);
	if (err)
		goto out_old;
	if (ond.last_type != LAST_NORM || nnd.last_type != LAST_NORM)
		err = -EBUSY;
	else if (ond.path.mnt != nnd.path.mnt)
		err = -EXDEV;
	if (!err) {
		spin_lock(&rename_lock);
		err = rename_locked(&ond, &nnd, flags, cred);
		spin_unlock(&rename_lock);
	}
	path_parent_put(&nnd);
out_old:
	path_parent_put(&ond);
	return err;
}

int vfs_rename(const struct vfs_at *at, const char *from, const char *to,
	       const struct vfs_cred *cred)
{
	return vfs_renameat(at, from, at, to, 0, cred);
}

int vfs_stat(const struct vfs_at *at, const char *path, unsigned int flags,
	     const struct vfs_cred *cred, struct kstat *st)
{
	struct path p;
	int err = kern_path(at, path,
			    (flags & AT_SYMLINK_NOFOLLOW) ? 0 : LOOKUP_FOLLOW,
			    cred, &p);

	if (err)
		return err;
	fill_kstat(p.dentry->d_inode, st);
	path_put(&p);
	return 0;
}

long vfs_readlink(const struct vfs_at *at, const char *path, char *buf,
		  size_t size, const struct vfs_cred *cred)
{
	struct inode *inode;
	const char *target;
	struct path p;
	long ret = kern_path(at, path, 0, cred, &p);
	size_t len;

	if (ret)
		return ret;
	inode = p.dentry->d_inode;
	target = S_ISLNK(inode->i_mode) && inode->i_op->get_link ?
		 inode->i_op->get_link(inode) : NULL;
	if (!target) {
		ret = -EINVAL;
	} else {
		len = strlen(target);
		if (len > size)
			len = size;
		memcpy(buf, target, len);
		ret = (long)len;
	}
	path_put(&p);
	return ret;
}

int vfs_truncate(const struct vfs_at *at, const char *path, loff_t size,
		 const struct vfs_cred *cred)
{
	struct inode *inode;
	struct path p;
	int err = kern_path(at, path, LOOKUP_FOLLOW, cred, &p);

	if (err)
		return err;
	inode = p.dentry->d_inode;
	if (S_ISDIR(inode->i_mode))
		err = -EISDIR;
	else if (!S_ISREG(inode->i_mode))
		err = -EINVAL;
	else
		err = inode_permission(inode, MAY_WRITE, cred);
	if (!err)
		err = do_truncate(inode, size);
	path_put(&p);
	return err;
}

int vfs_chown(const struct vfs_at *at, const char *path, kuid_t uid, kgid_t gid,
	      const struct vfs_cred *cred)
{
	struct inode *inode;
	struct path p;
	int err;

	if (cred->uid != 0)
		return -EPERM;
	err = kern_path(at, path, 0, cred, &p);
	if (err)
		return err;
	inode = p.dentry->d_inode;
	spin_lock(&inode->i_lock);
	inode->i_uid = uid;
	inode->i_gid = gid;
	inode->i_ctime = current_time_ns();
	spin_unlock(&inode->i_lock);
	path_put(&p);
	return 0;
}

int vfs_set_mtime(const struct vfs_at *at, const char *path, int64_t mtime_ns,
		  const struct vfs_cred *cred)
{
	struct inode *inode;
	struct path p;
	int err = kern_path(at, path, 0, cred, &p);

	if (err)
		return err;
	inode = p.dentry->d_inode;
	if (cred->uid != 0 && cred->uid != inode->i_uid) {
		err = -EPERM;
	} else {
		spin_lock(&inode->i_lock);
		inode->i_mtime = mtime_ns;
		inode->i_ctime = current_time_ns();
		spin_unlock(&inode->i_lock);
	}
	path_put(&p);
	return err;
}

/*
 * A symlink met by O_CREAT: its target (a kmalloc'd copy) and the
 * directory it is relative to, referenced, for the next round.
 */
struct create_link {
	char *target;
	struct path dir;
};

static int take_link(struct nameidata *nd, struct dentry *dentry,
		     struct create_link *link)
{
	struct inode *inode = dentry->d_inode;
	const char *target = inode->i_op && inode->i_op->get_link ?
			     inode->i_op->get_link(inode) : NULL;
	size_t len;

	if (!target)
		return -EINVAL;
	len = strlen(target);
	link->target = kmalloc(len + 1, GFP_KERNEL);
	if (!link->target)
		return -ENOMEM;
	memcpy(link->target, target, len + 1);
	link->dir = nd->path;
	path_get(&link->dir);
	return 0;
}

/*
 * O_CREAT: creates the last component when it does not exist. When it
 * exists (and no O_EXCL) the caller resolves the name again as a plain
 * open, following a final symlink as POSIX asks; *path is left unset then.
 * A symlink to follow comes back in *link (target set), so a dangling
 * one creates its target, as in Linux.
 */
static int open_create(const struct vfs_at *at, const char *name,
		       unsigned int flags, umode_t mode,
		       const struct vfs_cred *cred, struct path *path,
		       bool *created, struct create_link *link)
{
	struct nameidata nd;
	struct dentry *dentry;
	struct inode *dir;
	int err = lock_last(at, name, cred, &nd, &dentry);

	*created = false;
	path->dentry = NULL;
	link->target = NULL;
	if (err)
		return err;
	dir = nd_dir(&nd);
	if (!dentry) {
		err = -EISDIR;
	} else if (dentry->d_inode) {
		err = (flags & O_EXCL) ? -EEXIST : 0;
		if (!err && S_ISLNK(dentry->d_inode->i_mode) &&
		    !(flags & O_NOFOLLOW))
			err = take_link(&nd, dentry, link);
	} else if (nd.trailing_slash) {
		err = -EISDIR;
	} else {
		err = may_create(dir, cred);
		if (!err)
			err = dir->i_op && dir->i_op->create ?
			      dir->i_op->create(dir, dentry,
						S_IFREG | (mode & 07777), cred) :
			      -EPERM;
		if (!err) {
			path->mnt = mntget(nd.path.mnt);
			path->dentry = dget(dentry);
			*created = true;
		}
	}
	unlock_last(&nd, dentry);
	return err;
}

static int may_open(struct inode *inode, unsigned int flags,
		    const struct vfs_cred *cred)
{
	unsigned int acc = flags & O_ACCMODE;
	int mask = 0;

	if (S_ISLNK(inode->i_mode))
		return -ELOOP;
	if ((flags & O_DIRECTORY) && !S_ISDIR(inode->i_mode))
		return -ENOTDIR;
	if (flags & O_PATH)
		return 0;
	if (S_ISDIR(inode->i_mode) && (acc != O_RDONLY || (flags & O_TRUNC)))
		return -EISDIR;
	/* Access mode 3 (Linux's ioctl-only open) needs both, grants neither. */
	if (acc == O_RDONLY || acc == O_RDWR || acc == O_ACCMODE)
		mask |= MAY_READ;
	if (acc != O_RDONLY || (flags & O_TRUNC))
		mask |= MAY_WRITE;
	if ((flags & O_NOATIME) && !inode_owner_or_capable(inode, cred))
		return -EPERM;
	return inode_permission(inode, mask, cred);
}

/*
 * The O_CREAT lookup: each symlink met at the end is followed by creating
 * its target relative to the link's directory, at most MAXSYMLINKS times.
 * *created says whether *path (then set) is new; if not, the name exists
 * and the caller opens it as a plain open.
 */
static int open_creat(const struct vfs_at *at, const char *name,
		      unsigned int flags, umode_t mode,
		      const struct vfs_cred *cred, struct path *path,
		      bool *created)
{
	struct vfs_at cur = { .root = at ? at->root : NULL,
			      .dir = at ? at->dir : NULL };
	struct create_link link, prev = { NULL, { NULL, NULL } };
	unsigned int links = 0;
	int err;

	for (;;) {
		err = open_create(&cur, name, flags, mode, cred, path, created,
				  &link);
		if (prev.target) {
			kfree(prev.target);
			path_put(&prev.dir);
		}
		if (err || !link.target)
			break;
		if (++links > MAXSYMLINKS) {
			kfree(link.target);
			path_put(&link.dir);
			return -ELOOP;
		}
		prev = link;
		name = link.target;
		cur.dir = &prev.dir;
	}
	return err;
}

int vfs_open(const struct vfs_at *at, const char *name, unsigned int flags,
	     umode_t mode, const struct vfs_cred *cred, struct file **out)
{
	const struct file_operations *fop;
	struct inode *inode;
	struct file *file;
	struct path path;
	bool created = false;
	int err;

	if ((flags & (O_CREAT | O_DIRECTORY)) == (O_CREAT | O_DIRECTORY))
		return -EINVAL;
	if (flags & O_PATH)
		flags &= O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC;
	if (flags & O_CREAT) {
		err = open_creat(at, name, flags, mode, cred, &path, &created);
		if (err)
			return err;
	}
	if (!created) {
		unsigned int lf = (flags & O_NOFOLLOW) ? 0 : LOOKUP_FOLLOW;

		if (flags & O_DIRECTORY)
			lf |= LOOKUP_DIRECTORY;
		err = kern_path(at, name, lf, cred, &path);
		if (err)
			return err;
	}
	inode = path.dentry->d_inode;
	/* O_PATH|O_NOFOLLOW names the symlink itself. */
	if ((flags & (O_PATH | O_NOFOLLOW)) == (O_PATH | O_NOFOLLOW) &&
	    S_ISLNK(inode->i_mode))
		err = 0;
	else
		err = created ? 0 : may_open(inode, flags, cred);
	if (err)
		goto out;
	/* O_NOCTTY stays until the driver's open has seen it (a tty's). */
	file = alloc_file(&path, flags & ~(O_CREAT | O_EXCL | O_TRUNC |
					   O_CLOEXEC));
	if (!file) {
		err = -ENOMEM;
		goto out;
	}
	if (flags & O_PATH) {
		file->f_op = NULL;
		file->f_mode = FMODE_PATH;
		file->f_flags &= ~O_NOCTTY;
		*out = file;
		goto out;
	}
	if (S_ISCHR(inode->i_mode))
		fop = chrdev_lookup(inode->i_rdev);
	else if (S_ISFIFO(inode->i_mode))
		fop = &pipefifo_fops;
	else
		fop = inode->i_fop;
	if (!fop) {
		err = -ENXIO;
		goto out_file;
	}
	if ((flags & O_TRUNC) && S_ISREG(inode->i_mode) && !created) {
		err = do_truncate(inode, 0);
		if (err)
			goto out_file;
	}
	file->f_op = fop;
	err = file->f_op->open ? file->f_op->open(inode, file) : 0;
	if (err)
		goto out_file;
	file->f_flags &= ~O_NOCTTY;
	*out = file;
	goto out;
out_file:
	file->f_op = NULL;
	fput(file);
out:
	path_put(&path);
	return err;
}

int vfs_open_exec(const struct vfs_at *at, const char *name,
		  unsigned int lookup_flags, const struct vfs_cred *cred,
		  struct file **out)
{
	struct inode *inode;
	struct file *file;
	struct path path;
	int err = kern_path(at, name,
			    lookup_flags & (LOOKUP_FOLLOW | LOOKUP_EMPTY),
			    cred, &path);

	if (err)
		return err;
	inode = path.dentry->d_inode;
	/* As Linux's may_open with MAY_EXEC: only a regular file runs. */
	if (S_ISLNK(inode->i_mode))
		err = -ELOOP;
	else if (!S_ISREG(inode->i_mode))
		err = -EACCES;
	else
		err = inode_permission(inode, MAY_EXEC, cred);
	if (err)
		goto out;
	file = alloc_file(&path, O_RDONLY);
	if (!file) {
		err = -ENOMEM;
		goto out;
	}
	err = file->f_op && file->f_op->open ? file->f_op->open(inode, file) : 0;
	if (err) {
		file->f_op = NULL;
		fput(file);
		goto out;
	}
	*out = file;
out:
	path_put(&path);
	return err;
}
