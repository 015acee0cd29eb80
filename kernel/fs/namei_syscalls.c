/*
 * The system calls that make and remove names (Linux's fs/namei.c):
 * mkdir, mknod, symlink, link, unlink, rmdir and rename, each with its
 * *at form. Paths come from user memory, start at the task's root, cwd or
 * a dirfd, and act as the task's filesystem ids; the rules are the VFS's.
 */
#include <breenix/cred.h>
#include <breenix/errno.h>
#include <breenix/fdtable.h>
#include <breenix/fs_struct.h>
#include <breenix/namei.h>
#include <breenix/syscall.h>
#include <breenix/task.h>
#include <breenix/vfs.h>
#include "internal.h"

/* One user path, ready for a vfs_* call. */
struct upath {
	char *name;
	struct lookup_at la;
};

static int upath_get(int dfd, const char *uname, struct upath *up)
{
	int err;

	up->name = getname(uname, false, &err);
	if (!up->name)
		return err;
	err = lookup_at_get(dfd, up->name, false, &up->la);
	if (err)
		putname(up->name);
	return err;
}

static void upath_put(struct upath *up)
{
	lookup_at_put(&up->la);
	putname(up->name);
}

static long do_mkdirat(int dfd, const char *pathname, umode_t mode)
{
	struct vfs_cred cred;
	struct upath up;
	int err = upath_get(dfd, pathname, &up);

	if (err)
		return err;
	current_vfs_cred(&cred, false);
	/* Linux keeps the sticky bit of mkdir's mode, not the set-id bits. */
	err = vfs_mkdir(&up.la.at, up.name,
			(umode_t)(mode & 01777 & ~current_umask()), &cred);
	upath_put(&up);
	return err;
}

SYSCALL_DEFINE3(mkdirat, int, dfd, const char *, pathname, umode_t, mode)
{
	return do_mkdirat(dfd, pathname, mode);
}

SYSCALL_DEFINE2(mkdir, const char *, pathname, umode_t, mode)
{
	return do_mkdirat(AT_FDCWD, pathname, mode);
}

/* Linux's new_decode_dev: the dev_t user space passes. */
static kdev_t decode_dev(unsigned int dev)
{
	unsigned int major = (dev & 0xfff00) >> 8;
	unsigned int minor = (dev & 0xff) | ((dev >> 12) & 0xfff00);

	return MKDEV(major, minor);
}

static long do_mknodat(int dfd, const char *filename, umode_t mode,
		       unsigned int dev)
{
	struct vfs_cred cred;
	struct upath up;
	int err;

	switch (mode & S_IFMT) {
	case 0:
	case S_IFREG:
	case S_IFCHR:
	case S_IFBLK:
	case S_IFIFO:
	case S_IFSOCK:
		break;
	case S_IFDIR:
		return -EPERM;
	default:
		return -EINVAL;
	}
	err = upath_get(dfd, filename, &up);
	if (err)
		return err;
	current_vfs_cred(&cred, false);
	/* Device nodes need the privilege (CAP_MKNOD), not just the fsuid. */
	if ((S_ISCHR(mode) || S_ISBLK(mode)) && !capable_root())
		err = -EPERM;
	else
		err = vfs_mknod(&up.la.at, up.name,
				(umode_t)(mode & ~current_umask()),
				decode_dev(dev), &cred);
	upath_put(&up);
	return err;
}

SYSCALL_DEFINE4(mknodat, int, dfd, const char *, filename, umode_t, mode,
		unsigned int, dev)
{
	return do_mknodat(dfd, filename, mode, dev);
}

SYSCALL_DEFINE3(mknod, const char *, filename, umode_t, mode,
		unsigned int, dev)
{
	return do_mknodat(AT_FDCWD, filename, mode, dev);
}

static long do_symlinkat(const char *oldname, int newdfd, const char *newname)
{
	struct vfs_cred cred;
	struct upath up;
	char *target;
	int err;

	target = getname(oldname, false, &err);
	if (!target)
		return err;
	err = upath_get(newdfd, newname, &up);
	if (!err) {
		current_vfs_cred(&cred, false);
		err = vfs_symlink(&up.la.at, target, up.name, &cred);
		upath_put(&up);
	}
	putname(target);
	return err;
}

SYSCALL_DEFINE3(symlinkat, const char *, oldname, int, newdfd,
		const char *, newname)
{
	return do_symlinkat(oldname, newdfd, newname);
}

SYSCALL_DEFINE2(symlink, const char *, oldname, const char *, newname)
{
	return do_symlinkat(oldname, AT_FDCWD, newname);
}

/*
 * linkat(fd, "", ..., AT_EMPTY_PATH) gives a name to what a descriptor
 * holds: allowed with CAP_DAC_READ_SEARCH (root), or, since Linux 6.10,
 * when the file was opened with the caller's very credentials; -ENOENT
 * otherwise, as Linux.
 */
static int may_link_descriptor(int fd)
{
	struct file *file;
	int err = 0;

	if (capable_root() || fd == AT_FDCWD)
		return 0;
	file = fget_raw((unsigned int)fd);
	if (!file)
		return -EBADF;
	if (file->f_cred != current->cred)
		err = -ENOENT;
	fput(file);
	return err;
}

static long do_linkat(int olddfd, const char *oldname, int newdfd,
		      const char *newname, int flags)
{
	unsigned int lf = 0;
	struct vfs_cred cred;
	struct upath from, to;
	int err;

	if (flags & ~(AT_SYMLINK_FOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	if (flags & AT_EMPTY_PATH)
		lf |= LOOKUP_EMPTY;
	if (flags & AT_SYMLINK_FOLLOW)
		lf |= LOOKUP_FOLLOW;
	from.name = getname(oldname, flags & AT_EMPTY_PATH, &err);
	if (!from.name)
		return err;
	if ((flags & AT_EMPTY_PATH) && !*from.name) {
		err = may_link_descriptor(olddfd);
		if (err) {
			putname(from.name);
			return err;
		}
	}
	err = lookup_at_get(olddfd, from.name, flags & AT_EMPTY_PATH, &from.la);
	if (err) {
		putname(from.name);
		return err;
	}
	err = upath_get(newdfd, newname, &to);
	if (!err) {
		current_vfs_cred(&cred, false);
		err = vfs_linkat(&from.la.at, from.name, &to.la.at, to.name, lf,
				 &cred);
		upath_put(&to);
	}
	upath_put(&from);
	return err;
}

SYSCALL_DEFINE5(linkat, int, olddfd, const char *, oldname, int, newdfd,
		const char *, newname, int, flags)
{
	return do_linkat(olddfd, oldname, newdfd, newname, flags);
}

SYSCALL_DEFINE2(link, const char *, oldname, const char *, newname)
{
	return do_linkat(AT_FDCWD, oldname, AT_FDCWD, newname, 0);
}

static long do_remove(int dfd, const char *pathname, bool dir)
{
	struct vfs_cred cred;
	struct upath up;
	int err = upath_get(dfd, pathname, &up);

	if (err)
		return err;
	current_vfs_cred(&cred, false);
	err = dir ? vfs_rmdir(&up.la.at, up.name, &cred) :
		    vfs_unlink(&up.la.at, up.name, &cred);
	upath_put(&up);
	return err;
}

SYSCALL_DEFINE3(unlinkat, int, dfd, const char *, pathname, int, flag)
{
	if (flag & ~AT_REMOVEDIR)
		return -EINVAL;
	return do_remove(dfd, pathname, flag & AT_REMOVEDIR);
}

SYSCALL_DEFINE1(unlink, const char *, pathname)
{
	return do_remove(AT_FDCWD, pathname, false);
}

SYSCALL_DEFINE1(rmdir, const char *, pathname)
{
	return do_remove(AT_FDCWD, pathname, true);
}

static long do_renameat2(int olddfd, const char *oldname, int newdfd,
			 const char *newname, unsigned int flags)
{
	struct vfs_cred cred;
	struct upath from, to;
	int err;

	if (flags & ~(RENAME_NOREPLACE | RENAME_EXCHANGE | RENAME_WHITEOUT))
		return -EINVAL;
	if ((flags & (RENAME_NOREPLACE | RENAME_WHITEOUT)) &&
	    (flags & RENAME_EXCHANGE))
		return -EINVAL;
	err = upath_get(olddfd, oldname, &from);
	if (err)
		return err;
	err = upath_get(newdfd, newname, &to);
	if (!err) {
		current_vfs_cred(&cred, false);
		err = vfs_renameat(&from.la.at, from.name, &to.la.at, to.name,
				   flags, &cred);
		upath_put(&to);
	}
	upath_put(&from);
	return err;
}

SYSCALL_DEFINE5(renameat2, int, olddfd, const char *, oldname, int, newdfd,
		const char *, newname, unsigned int, flags)
{
	return do_renameat2(olddfd, oldname, newdfd, newname, flags);
}

SYSCALL_DEFINE4(renameat, int, olddfd, const char *, oldname, int, newdfd,
		const char *, newname)
{
	return do_renameat2(olddfd, oldname, newdfd, newname, 0);
}

SYSCALL_DEFINE2(rename, const char *, oldname, const char *, newname)
{
	return do_renameat2(AT_FDCWD, oldname, AT_FDCWD, newname, 0);
}
