/*
 * The system calls of Linux's fs/read_write.c: read, write, readv,
 * writev, pread64, pwrite64 and lseek. User buffers go to the file as an
 * iov_iter; the file position is the open file's (shared by dup'ed
 * descriptors) unless the call names one, which only positionable files
 * accept (-ESPIPE otherwise).
 */
#include <breenix/errno.h>
#include <breenix/fdtable.h>
#include <breenix/slab.h>
#include <breenix/syscall.h>
#include <breenix/uaccess.h>
#include <breenix/uio.h>
#include <breenix/vfs.h>

/* Linux's SEEK_MAX. */
#define SEEK_MAX	SEEK_HOLE

static void write_remove_privs(struct file *file)
{
	struct vfs_cred cred;

	current_vfs_cred(&cred, false);
	remove_privs(file->f_inode, &cred);
}

static long do_read(unsigned int fd, char *buf, size_t count, loff_t *pos)
{
	struct file *file = fget(fd);
	struct iov_iter iter;
	struct iovec seg;
	long ret;

	if (!file)
		return -EBADF;
	if (pos && !(file->f_mode & FMODE_PREAD))
		ret = -ESPIPE;
	else if (!(file->f_mode & FMODE_READ))
		ret = -EBADF;
	else if (!access_ok(buf, count))
		ret = -EFAULT;
	else {
		if (count > MAX_RW_COUNT)
			count = MAX_RW_COUNT;
		iov_iter_ubuf(&iter, &seg, buf, count);
		ret = vfs_read_iter(file, &iter, pos);
	}
	fput(file);
	return ret;
}

static long do_write(unsigned int fd, const char *buf, size_t count,
		     loff_t *pos)
{
	struct file *file = fget(fd);
	struct iov_iter iter;
	struct iovec seg;
	long ret;

	if (!file)
		return -EBADF;
	if (pos && !(file->f_mode & FMODE_PWRITE))
		ret = -ESPIPE;
	else if (!(file->f_mode & FMODE_WRITE))
		ret = -EBADF;
	else if (!access_ok(buf, count))
		ret = -EFAULT;
	else {
		if (count > MAX_RW_COUNT)
			count = MAX_RW_COUNT;
		iov_iter_ubuf(&iter, &seg, (char *)buf, count);
		write_remove_privs(file);
		ret = vfs_write_iter(file, &iter, pos);
	}
	fput(file);
	return ret;
}

SYSCALL_DEFINE3(read, unsigned int, fd, char *, buf, size_t, count)
{
	return do_read(fd, buf, count, NULL);
}

SYSCALL_DEFINE3(write, unsigned int, fd, const char *, buf, size_t, count)
{
	return do_write(fd, buf, count, NULL);
}

SYSCALL_DEFINE4(pread64, unsigned int, fd, char *, buf, size_t, count,
		loff_t, pos)
{
	if (pos < 0)
		return -EINVAL;
	return do_read(fd, buf, count, &pos);
}

SYSCALL_DEFINE4(pwrite64, unsigned int, fd, const char *, buf, size_t, count,
		loff_t, pos)
{
	if (pos < 0)
		return -EINVAL;
	return do_write(fd, buf, count, &pos);
}

/*
 * The vector calls: the vector is checked whole before any byte moves;
 * @pos NULL uses the file position.
 */
static long do_rw_vec(unsigned int fd, const struct iovec *vec,
		      unsigned long vlen, loff_t *pos, bool write)
{
	struct iovec fast[UIO_FASTIOV], *alloc = NULL;
	struct file *file = fget(fd);
	struct iov_iter iter;
	long ret;

	if (!file)
		return -EBADF;
	if (pos && !(file->f_mode & (write ? FMODE_PWRITE : FMODE_PREAD))) {
		fput(file);
		return -ESPIPE;
	}
	if (!(file->f_mode & (write ? FMODE_WRITE : FMODE_READ))) {
		fput(file);
		return -EBADF;
	}
	ret = import_iovec(vec, vlen, fast, &alloc, &iter);
	if (ret >= 0 && write)
		write_remove_privs(file);
	if (ret >= 0)
		ret = write ? vfs_write_iter(file, &iter, pos) :
			      vfs_read_iter(file, &iter, pos);
	kfree(alloc);
	fput(file);
	return ret;
}

SYSCALL_DEFINE3(readv, unsigned long, fd, const struct iovec *, vec,
		unsigned long, vlen)
{
	return do_rw_vec((unsigned int)fd, vec, vlen, NULL, false);
}

SYSCALL_DEFINE3(writev, unsigned long, fd, const struct iovec *, vec,
		unsigned long, vlen)
{
	return do_rw_vec((unsigned int)fd, vec, vlen, NULL, true);
}

/*
 * preadv and pwritev take the offset in two words for 32-bit callers;
 * on x86_64 the low one holds it all (Linux's pos_from_hilo).
 */
SYSCALL_DEFINE5(preadv, unsigned long, fd, const struct iovec *, vec,
		unsigned long, vlen, unsigned long, pos_l, unsigned long, pos_h)
{
	loff_t pos = (loff_t)pos_l;

	(void)pos_h;
	if (pos < 0)
		return -EINVAL;
	return do_rw_vec((unsigned int)fd, vec, vlen, &pos, false);
}

SYSCALL_DEFINE5(pwritev, unsigned long, fd, const struct iovec *, vec,
		unsigned long, vlen, unsigned long, pos_l, unsigned long, pos_h)
{
	loff_t pos = (loff_t)pos_l;

	(void)pos_h;
	if (pos < 0)
		return -EINVAL;
	return do_rw_vec((unsigned int)fd, vec, vlen, &pos, true);
}

SYSCALL_DEFINE3(lseek, unsigned int, fd, loff_t, offset, unsigned int, whence)
{
	struct file *file = fget(fd);
	loff_t ret;

	if (!file)
		return -EBADF;
	ret = whence > SEEK_MAX ? -EINVAL : vfs_lseek(file, offset, (int)whence);
	fput(file);
	return ret;
}
