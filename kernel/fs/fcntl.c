/*
 * fcntl(2) and the generic ioctls (Linux's fs/fcntl.c and fs/ioctl.c):
 * duplicating descriptors, the close-on-exec flag, the open file's status
 * flags, and the ioctls every file answers before its driver is asked.
 */
#include <breenix/errno.h>
#include <breenix/fdtable.h>
#include <breenix/process.h>
#include <breenix/syscall.h>
#include <breenix/task.h>
#include <breenix/uaccess.h>
#include <breenix/vfs.h>
#include <linux/resource.h>
#include <uapi/asm-generic/ioctls.h>
#include "internal.h"

/* The status flags F_SETFL may change; the rest are fixed at open. */
#define SETFL_MASK	(O_APPEND | O_NONBLOCK | O_ASYNC | O_DIRECT | O_NOATIME)

static int setfl(struct file *file, unsigned long arg)
{
	unsigned int flags = (unsigned int)arg;
	struct vfs_cred cred;

	/* O_NOATIME only for the file's owner (Linux: or CAP_FOWNER). */
	if ((flags & O_NOATIME) && !(file->f_flags & O_NOATIME)) {
		current_vfs_cred(&cred, false);
		if (!inode_owner_or_capable(file->f_inode, &cred))
			return -EPERM;
	}
	/* Linux: only files with direct I/O take O_DIRECT (not pipes or ttys). */
	if ((flags & O_DIRECT) && !S_ISREG(file->f_inode->i_mode))
		return -EINVAL;
	spin_lock(&file->f_lock);
	file->f_flags = (file->f_flags & ~SETFL_MASK) | (flags & SETFL_MASK);
	spin_unlock(&file->f_lock);
	return 0;
}

/* What an O_PATH descriptor still answers (Linux's check_fcntl_cmd). */
static bool path_cmd(unsigned int cmd)
{
	return cmd == F_DUPFD || cmd == F_DUPFD_CLOEXEC || cmd == F_GETFD ||
	       cmd == F_SETFD || cmd == F_GETFL;
}

/*
 * Record locks (F_GETLK, F_SETLK, F_SETLKW, F_OFD_*), owners for SIGIO
 * (F_SETOWN...), leases and notifications are not implemented: like any
 * unknown command they are -EINVAL.
 */
SYSCALL_DEFINE3(fcntl, unsigned int, fd, unsigned int, cmd,
		unsigned long, arg)
{
	struct file *file = fget_raw(fd);
	long err;

	if (!file)
		return -EBADF;
	if ((file->f_mode & FMODE_PATH) && !path_cmd(cmd)) {
		fput(file);
		return -EBADF;
	}
	switch (cmd) {
	case F_DUPFD:
	case F_DUPFD_CLOEXEC:
		if (arg >= rlimit(RLIMIT_NOFILE))
			err = -EINVAL;
		else
			err = dup_from(fd, (unsigned int)arg,
				       cmd == F_DUPFD_CLOEXEC ? O_CLOEXEC : 0);
		break;
	case F_GETFD:
		err = files_get_cloexec(current->files, fd);
		if (err > 0)
			err = FD_CLOEXEC;
		break;
	case F_SETFD:
		err = files_set_cloexec(current->files, fd, arg & FD_CLOEXEC);
		break;
	case F_GETFL:
		err = file->f_flags;
		break;
	case F_SETFL:
		err = setfl(file, arg);
		break;
	default:
		err = -EINVAL;
		break;
	}
	fput(file);
	return err;
}

/* FIONREAD of a regular file: the bytes from the position to the end. */
static long file_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct inode *inode = file->f_inode;
	loff_t left;

	if (cmd == FIONREAD && S_ISREG(inode->i_mode)) {
		left = inode->i_size - file->f_pos;
		if (left < 0)
			left = 0;
		if (left > INT32_MAX)
			left = INT32_MAX;
		return put_user((int)left, (int *)arg) ? -EFAULT : 0;
	}
	if (cmd == FIOQSIZE && (S_ISREG(inode->i_mode) ||
				S_ISDIR(inode->i_mode) ||
				S_ISLNK(inode->i_mode)))
		return put_user(inode->i_size, (loff_t *)arg) ? -EFAULT : 0;
	if (file->f_op && file->f_op->ioctl)
		return file->f_op->ioctl(file, cmd, arg);
	return -ENOTTY;
}

static long set_flag(struct file *file, unsigned long arg, unsigned int flag)
{
	int on;

	if (get_user(on, (int *)arg))
		return -EFAULT;
	spin_lock(&file->f_lock);
	if (on)
		file->f_flags |= flag;
	else
		file->f_flags &= ~flag;
	spin_unlock(&file->f_lock);
	return 0;
}

SYSCALL_DEFINE3(ioctl, unsigned int, fd, unsigned int, cmd,
		unsigned long, arg)
{
	struct file *file = fget(fd);
	long err;

	if (!file)
		return -EBADF;
	switch (cmd) {
	case FIOCLEX:
		err = files_set_cloexec(current->files, fd, true);
		break;
	case FIONCLEX:
		err = files_set_cloexec(current->files, fd, false);
		break;
	case FIONBIO:
		err = set_flag(file, arg, O_NONBLOCK);
		break;
	case FIOASYNC:
		err = set_flag(file, arg, O_ASYNC);
		break;
	default:
		err = file_ioctl(file, cmd, arg);
		break;
	}
	fput(file);
	return err;
}
