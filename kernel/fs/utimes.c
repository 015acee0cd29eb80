/*
 * utimensat(2) (Linux's fs/utimes.c): set a file's access and
 * modification times, by name or (a NULL name) by descriptor, with
 * UTIME_NOW and UTIME_OMIT; the rules are attr.c's.
 */
#include <breenix/errno.h>
#include <breenix/fdtable.h>
#include <breenix/namei.h>
#include <breenix/syscall.h>
#include <breenix/uaccess.h>
#include <breenix/vfs.h>
#include "internal.h"

SYSCALL_DEFINE4(utimensat, int, dfd, const char *, filename,
		struct __kernel_timespec *, utimes, int, flags)
{
	struct __kernel_timespec t[2], *times = NULL;
	struct vfs_cred cred;
	struct file *file;
	struct path path;
	unsigned int lf;
	int err;

	if (utimes) {
		if (copy_from_user(t, utimes, sizeof(t)))
			return -EFAULT;
		times = t;
	}
	if (!utimes_valid(times))
		return -EINVAL;
	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	/* Nothing to change: Linux succeeds without even looking the name up. */
	if (times && t[0].tv_nsec == UTIME_OMIT && t[1].tv_nsec == UTIME_OMIT)
		return 0;
	current_vfs_cred(&cred, false);
	/* futimens: a NULL name means the descriptor itself. */
	if (!filename && dfd != AT_FDCWD) {
		if (flags)
			return -EINVAL;
		file = dfd < 0 ? NULL : fget((unsigned int)dfd);
		if (!file)
			return -EBADF;
		err = utimes_inode(file->f_inode, times, &cred);
		fput(file);
		return err;
	}
	lf = (flags & AT_SYMLINK_NOFOLLOW) ? 0 : LOOKUP_FOLLOW;
	if (flags & AT_EMPTY_PATH)
		lf |= LOOKUP_EMPTY;
	err = user_path_at(dfd, filename, lf, &path);
	if (err)
		return err;
	err = utimes_inode(path.dentry->d_inode, times, &cred);
	path_put(&path);
	return err;
}
