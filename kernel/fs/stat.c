/*
 * The stat family (Linux's fs/stat.c): stat, lstat, fstat, newfstatat
 * and statx in Linux's x86_64 layouts, and readlink/readlinkat. Device
 * numbers leave in Linux's encoding (new_encode_dev for struct stat, a
 * major/minor pair for statx).
 */
#include <string.h>
#include <breenix/errno.h>
#include <breenix/fdtable.h>
#include <breenix/namei.h>
#include <breenix/syscall.h>
#include <breenix/uaccess.h>
#include <breenix/vfs.h>
#include "internal.h"

/* x86_64's struct stat (arch/x86/include/uapi/asm/stat.h). */
struct linux_stat {
	unsigned long st_dev;
	unsigned long st_ino;
	unsigned long st_nlink;
	unsigned int st_mode;
	unsigned int st_uid;
	unsigned int st_gid;
	unsigned int __pad0;
	unsigned long st_rdev;
	long st_size;
	long st_blksize;
	long st_blocks;
	unsigned long st_atime;
	unsigned long st_atime_nsec;
	unsigned long st_mtime;
	unsigned long st_mtime_nsec;
	unsigned long st_ctime;
	unsigned long st_ctime_nsec;
	long __unused[3];
};

_Static_assert(sizeof(struct linux_stat) == 144, "x86_64 struct stat");

/* include/uapi/linux/stat.h */
struct statx_timestamp {
	int64_t tv_sec;
	uint32_t tv_nsec;
	int32_t __reserved;
};

struct statx {
	uint32_t stx_mask;
	uint32_t stx_blksize;
	uint64_t stx_attributes;
	uint32_t stx_nlink;
	uint32_t stx_uid;
	uint32_t stx_gid;
	uint16_t stx_mode;
	uint16_t __spare0[1];
	uint64_t stx_ino;
	uint64_t stx_size;
	uint64_t stx_blocks;
	uint64_t stx_attributes_mask;
	struct statx_timestamp stx_atime, stx_btime, stx_ctime, stx_mtime;
	uint32_t stx_rdev_major;
	uint32_t stx_rdev_minor;
	uint32_t stx_dev_major;
	uint32_t stx_dev_minor;
	uint64_t stx_mnt_id;
	uint32_t stx_dio_mem_align;
	uint32_t stx_dio_offset_align;
	uint64_t __spare3[12];
};

_Static_assert(sizeof(struct statx) == 256, "struct statx");

#define STATX_BASIC_STATS	0x000007ffU	/* type ... blocks; no btime */
#define STATX__RESERVED		0x80000000U
#define AT_NO_AUTOMOUNT		0x800

/* Linux's new_encode_dev: 12 bits of major, 20 of minor, split as glibc expects. */
static unsigned long encode_dev(kdev_t dev)
{
	unsigned long major = MAJOR(dev), minor = MINOR(dev);

	return (minor & 0xff) | (major << 8) | ((minor & ~0xffUL) << 12);
}

/* Nanoseconds since the epoch as seconds and a non-negative remainder. */
static void split_ns(int64_t ns, int64_t *sec, uint32_t *nsec)
{
	int64_t s = ns / 1000000000LL, r = ns % 1000000000LL;

	if (r < 0) {
		r += 1000000000LL;
		s--;
	}
	*sec = s;
	*nsec = (uint32_t)r;
}

static int cp_new_stat(const struct kstat *st, struct linux_stat *ubuf)
{
	struct linux_stat tmp;
	int64_t sec;
	uint32_t nsec;

	memset(&tmp, 0, sizeof(tmp));
	tmp.st_dev = encode_dev(st->dev);
	tmp.st_ino = st->ino;
	tmp.st_nlink = st->nlink;
	tmp.st_mode = st->mode;
	tmp.st_uid = st->uid;
	tmp.st_gid = st->gid;
	tmp.st_rdev = encode_dev(st->rdev);
	tmp.st_size = st->size;
	tmp.st_blksize = (long)st->blksize;
	tmp.st_blocks = (long)st->blocks;
	split_ns(st->atime, &sec, &nsec);
	tmp.st_atime = (unsigned long)sec;
	tmp.st_atime_nsec = nsec;
	split_ns(st->mtime, &sec, &nsec);
	tmp.st_mtime = (unsigned long)sec;
	tmp.st_mtime_nsec = nsec;
	split_ns(st->ctime, &sec, &nsec);
	tmp.st_ctime = (unsigned long)sec;
	tmp.st_ctime_nsec = nsec;
	return copy_to_user(ubuf, &tmp, sizeof(tmp)) ? -EFAULT : 0;
}

/* The kstat of what dfd and name say, as newfstatat's flags ask. */
static int vfs_statx(int dfd, const char *ufilename, int flags,
		     struct kstat *st)
{
	unsigned int lf = (flags & AT_SYMLINK_NOFOLLOW) ? 0 : LOOKUP_FOLLOW;
	struct path path;
	int err;

	if (flags & AT_EMPTY_PATH)
		lf |= LOOKUP_EMPTY;
	err = user_path_at(dfd, ufilename, lf, &path);
	if (err)
		return err;
	fill_kstat(path.dentry->d_inode, st);
	path_put(&path);
	return 0;
}

SYSCALL_DEFINE2(stat, const char *, filename, struct linux_stat *, statbuf)
{
	struct kstat st;
	int err = vfs_statx(AT_FDCWD, filename, 0, &st);

	return err ? err : cp_new_stat(&st, statbuf);
}

SYSCALL_DEFINE2(lstat, const char *, filename, struct linux_stat *, statbuf)
{
	struct kstat st;
	int err = vfs_statx(AT_FDCWD, filename, AT_SYMLINK_NOFOLLOW, &st);

	return err ? err : cp_new_stat(&st, statbuf);
}

SYSCALL_DEFINE2(fstat, unsigned int, fd, struct linux_stat *, statbuf)
{
	struct file *file = fget_raw(fd);
	struct kstat st;

	if (!file)
		return -EBADF;
	vfs_fstat(file, &st);
	fput(file);
	return cp_new_stat(&st, statbuf);
}

SYSCALL_DEFINE4(newfstatat, int, dfd, const char *, filename,
		struct linux_stat *, statbuf, int, flag)
{
	struct kstat st;
	int err;

	if (flag & ~(AT_SYMLINK_NOFOLLOW | AT_NO_AUTOMOUNT | AT_EMPTY_PATH))
		return -EINVAL;
	err = vfs_statx(dfd, filename, flag, &st);
	return err ? err : cp_new_stat(&st, statbuf);
}

static void statx_time(int64_t ns, struct statx_timestamp *ts)
{
	split_ns(ns, &ts->tv_sec, &ts->tv_nsec);
}

/*
 * Every basic field is known, whatever the mask asks for (Linux reports
 * what it has); the birth time is not kept, so STATX_BTIME stays clear.
 */
SYSCALL_DEFINE5(statx, int, dfd, const char *, filename, unsigned int, flags,
		unsigned int, mask, struct statx *, buffer)
{
	struct statx tmp;
	struct kstat st;
	int err;

	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_NO_AUTOMOUNT | AT_EMPTY_PATH |
		      AT_STATX_SYNC_TYPE))
		return -EINVAL;
	if ((flags & AT_STATX_SYNC_TYPE) == AT_STATX_SYNC_TYPE)
		return -EINVAL;
	if (mask & STATX__RESERVED)
		return -EINVAL;
	err = vfs_statx(dfd, filename, (int)flags, &st);
	if (err)
		return err;
	memset(&tmp, 0, sizeof(tmp));
	tmp.stx_mask = STATX_BASIC_STATS;
	tmp.stx_blksize = (uint32_t)st.blksize;
	tmp.stx_nlink = st.nlink;
	tmp.stx_uid = st.uid;
	tmp.stx_gid = st.gid;
	tmp.stx_mode = st.mode;
	tmp.stx_ino = st.ino;
	tmp.stx_size = (uint64_t)st.size;
	tmp.stx_blocks = st.blocks;
	statx_time(st.atime, &tmp.stx_atime);
	statx_time(st.ctime, &tmp.stx_ctime);
	statx_time(st.mtime, &tmp.stx_mtime);
	tmp.stx_rdev_major = MAJOR(st.rdev);
	tmp.stx_rdev_minor = MINOR(st.rdev);
	tmp.stx_dev_major = MAJOR(st.dev);
	tmp.stx_dev_minor = MINOR(st.dev);
	return copy_to_user(buffer, &tmp, sizeof(tmp)) ? -EFAULT : 0;
}

/*
 * An empty name reads the link an O_PATH|O_NOFOLLOW descriptor holds;
 * anything else it names is -ENOENT (a non-link by name: -EINVAL).
 */
static long do_readlinkat(int dfd, const char *pathname, char *buf,
			  int bufsiz)
{
	struct inode *inode;
	const char *target;
	struct path path;
	size_t len;
	char first;
	long ret;

	if (bufsiz <= 0)
		return -EINVAL;
	ret = user_path_at(dfd, pathname, LOOKUP_EMPTY, &path);
	if (ret)
		return ret;
	inode = path.dentry->d_inode;
	target = S_ISLNK(inode->i_mode) && inode->i_op && inode->i_op->get_link ?
		 inode->i_op->get_link(inode) : NULL;
	if (!target) {
		/* The name was just read, so it reads again. */
		ret = !get_user(first, pathname) && !first ? -ENOENT : -EINVAL;
	} else {
		len = strlen(target);
		if (len > (size_t)bufsiz)
			len = (size_t)bufsiz;
		/* The inode stays held by path: its target cannot go. */
		ret = copy_to_user(buf, target, len) ? -EFAULT : (long)len;
	}
	path_put(&path);
	return ret;
}

SYSCALL_DEFINE4(readlinkat, int, dfd, const char *, pathname, char *, buf,
		int, bufsiz)
{
	return do_readlinkat(dfd, pathname, buf, bufsiz);
}

SYSCALL_DEFINE3(readlink, const char *, path, char *, buf, int, bufsiz)
{
	return do_readlinkat(AT_FDCWD, path, buf, bufsiz);
}
