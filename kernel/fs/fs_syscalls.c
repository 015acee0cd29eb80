/*
 * The remaining file system calls: getcwd, the sync family (tmpfs, devfs
 * and procfs keep nothing to write back), and mount/umount2 for the
 * registered filesystem types (tmpfs, devfs, proc).
 */
#include <string.h>
#include <breenix/cred.h>
#include <breenix/errno.h>
#include <breenix/fdtable.h>
#include <breenix/fs_struct.h>
#include <breenix/namei.h>
#include <breenix/slab.h>
#include <breenix/syscall.h>
#include <breenix/uaccess.h>
#include <breenix/vfs.h>
#include <linux/stat.h>
#include "internal.h"

/* include/uapi/linux/mount.h */
#define MS_SILENT	32768
#define MS_MGC_VAL	0xC0ED0000UL	/* old magic in the top 16 bits */
#define MS_MGC_MSK	0xffff0000UL
#define MNT_FORCE	0x1
#define MNT_DETACH	0x2
#define MNT_EXPIRE	0x4
#define UMOUNT_NOFOLLOW	0x8

/*
 * The working directory's path from the task's root; one outside it
 * (chroot without chdir) gets Linux's "(unreachable)" prefix, and a
 * removed one is -ENOENT.
 */
SYSCALL_DEFINE2(getcwd, char *, buf, unsigned long, size)
{
	static const char unreachable_prefix[] = "(unreachable)";
	struct path root, pwd;
	bool unreachable;
	char *page, *p;
	size_t len;
	long ret;

	page = kmalloc(PATH_MAX, GFP_KERNEL);
	if (!page)
		return -ENOMEM;
	get_fs_root(&root);
	get_fs_pwd(&pwd);
	if (!pwd.dentry->d_inode->i_nlink) {
		ret = -ENOENT;
		goto out;
	}
	p = d_path(&pwd, &root, page, PATH_MAX, &unreachable);
	if (p && unreachable) {
		len = sizeof(unreachable_prefix) - 1;
		if ((size_t)(p - page) < len) {
			p = NULL;
		} else {
			p -= len;
			memcpy(p, unreachable_prefix, len);
		}
	}
	if (!p) {
		ret = -ENAMETOOLONG;
		goto out;
	}
	len = (size_t)(page + PATH_MAX - p);
	if (len > size)
		ret = -ERANGE;
	else
		ret = copy_to_user(buf, p, len) ? -EFAULT : (long)len;
out:
	path_put(&pwd);
	path_put(&root);
	kfree(page);
	return ret;
}

SYSCALL_DEFINE0(sync)
{
	return 0;
}

SYSCALL_DEFINE1(syncfs, int, fd)
{
	struct file *file = fd < 0 ? NULL : fget((unsigned int)fd);

	if (!file)
		return -EBADF;
	fput(file);
	return 0;
}

/*
 * Files of memory filesystems have nothing to write back; pipes, sockets
 * and devices without an fsync are -EINVAL, as in Linux.
 */
static long do_fsync(unsigned int fd, int datasync)
{
	struct file *file = fget(fd);
	umode_t mode;
	long err;

	if (!file)
		return -EBADF;
	mode = file->f_inode->i_mode;
	if (file->f_op && file->f_op->fsync)
		err = file->f_op->fsync(file, datasync);
	else if (S_ISREG(mode) || S_ISDIR(mode) || S_ISLNK(mode))
		err = 0;
	else
		err = -EINVAL;
	fput(file);
	return err;
}

SYSCALL_DEFINE1(fsync, unsigned int, fd)
{
	return do_fsync(fd, 0);
}

SYSCALL_DEFINE1(fdatasync, unsigned int, fd)
{
	return do_fsync(fd, 1);
}

/* A string argument of mount: NULL stays NULL. */
static char *mount_string(const char *ustr, int *err)
{
	if (!ustr)
		return NULL;
	return getname(ustr, true, err);
}

/*
 * Only new mounts: remounts, binds, moves and propagation changes (and
 * flags that would need them honoured, like MS_RDONLY) are -EINVAL.
 * Mount options are for the filesystem (tmpfs takes none; "" is none).
 */
SYSCALL_DEFINE5(mount, const char *, dev_name, const char *, dir_name,
		const char *, type, unsigned long, flags, const void *, data)
{
	char *fstype = NULL, *opts = NULL;
	struct vfs_cred cred;
	struct lookup_at la;
	char *dir;
	int err = 0;

	(void)dev_name;
	if (!capable_root())
		return -EPERM;
	if ((flags & MS_MGC_MSK) == MS_MGC_VAL)
		flags &= ~MS_MGC_MSK;
	if (flags & ~(unsigned long)MS_SILENT)
		return -EINVAL;
	dir = getname(dir_name, false, &err);
	if (!dir)
		return err;
	if (!type) {
		err = -EINVAL;
		goto out;
	}
	fstype = mount_string(type, &err);
	if (!fstype)
		goto out;
	if (data) {
		opts = mount_string(data, &err);
		if (!opts)
			goto out;
	}
	err = lookup_at_get(AT_FDCWD, dir, false, &la);
	if (err)
		goto out;
	current_vfs_cred(&cred, false);
	err = vfs_mount(fstype, &la.at, dir, opts && *opts ? opts : NULL,
			&cred);
	lookup_at_put(&la);
out:
	putname(opts);
	putname(fstype);
	putname(dir);
	return err;
}

/* Lazy and expiring unmounts are not implemented: -EINVAL. */
SYSCALL_DEFINE2(umount2, const char *, name, int, flags)
{
	struct vfs_cred cred;
	struct lookup_at la;
	char *path;
	int err;

	if (flags & ~(MNT_FORCE | MNT_DETACH | MNT_EXPIRE | UMOUNT_NOFOLLOW))
		return -EINVAL;
	if (flags & (MNT_DETACH | MNT_EXPIRE))
		return -EINVAL;
	if (!capable_root())
		return -EPERM;
	path = getname(name, false, &err);
	if (!path)
		return err;
	err = lookup_at_get(AT_FDCWD, path, false, &la);
	if (!err) {
		current_vfs_cred(&cred, false);
		err = vfs_umount(&la.at, path,
				 (flags & UMOUNT_NOFOLLOW) ? 0 : LOOKUP_FOLLOW,
				 &cred);
		lookup_at_put(&la);
	}
	putname(path);
	return err;
}
