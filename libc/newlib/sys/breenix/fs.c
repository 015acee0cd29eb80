/*
 * Files by name: the stat family, directories, links, permissions,
 * ownership and times, over Linux's *at system calls. The underscore
 * names are newlib's reentrant hooks (libc/reent/).
 */
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>
#include <utime.h>
#include "syscall.h"

int fstatat(int dirfd, const char *path, struct stat *st, int flags)
{
	return SYSCALL4(SYS_newfstatat, dirfd, path, st, flags);
}

int stat(const char *path, struct stat *st)
{
	return fstatat(AT_FDCWD, path, st, 0);
}

int lstat(const char *path, struct stat *st)
{
	return fstatat(AT_FDCWD, path, st, AT_SYMLINK_NOFOLLOW);
}

int fstat(int fd, struct stat *st)
{
	return SYSCALL2(SYS_fstat, fd, st);
}

int mkdirat(int dirfd, const char *path, mode_t mode)
{
	return SYSCALL3(SYS_mkdirat, dirfd, path, mode);
}

int mkdir(const char *path, mode_t mode)
{
	return mkdirat(AT_FDCWD, path, mode);
}

int rmdir(const char *path)
{
	return SYSCALL3(SYS_unlinkat, AT_FDCWD, path, AT_REMOVEDIR);
}

int unlinkat(int dirfd, const char *path, int flags)
{
	return SYSCALL3(SYS_unlinkat, dirfd, path, flags);
}

int unlink(const char *path)
{
	return unlinkat(AT_FDCWD, path, 0);
}

int renameat(int olddirfd, const char *oldpath, int newdirfd, const char *newpath)
{
	return SYSCALL4(SYS_renameat, olddirfd, oldpath, newdirfd, newpath);
}

int rename(const char *oldpath, const char *newpath)
{
	return renameat(AT_FDCWD, oldpath, AT_FDCWD, newpath);
}

int linkat(int olddirfd, const char *oldpath, int newdirfd, const char *newpath, int flags)
{
	return SYSCALL5(SYS_linkat, olddirfd, oldpath, newdirfd, newpath, flags);
}

int link(const char *oldpath, const char *newpath)
{
	return linkat(AT_FDCWD, oldpath, AT_FDCWD, newpath, 0);
}

int symlinkat(const char *target, int dirfd, const char *path)
{
	return SYSCALL3(SYS_symlinkat, target, dirfd, path);
}

int symlink(const char *target, const char *path)
{
	return symlinkat(target, AT_FDCWD, path);
}

ssize_t readlinkat(int dirfd, const char *path, char *buf, size_t size)
{
	return SYSCALL4(SYS_readlinkat, dirfd, path, buf, size);
}

ssize_t readlink(const char *path, char *buf, size_t size)
{
	return readlinkat(AT_FDCWD, path, buf, size);
}

int mknodat(int dirfd, const char *path, mode_t mode, dev_t dev)
{
	return SYSCALL4(SYS_mknodat, dirfd, path, mode, dev);
}

int mknod(const char *path, mode_t mode, dev_t dev)
{
	return mknodat(AT_FDCWD, path, mode, dev);
}

int mkfifoat(int dirfd, const char *path, mode_t mode)
{
	return mknodat(dirfd, path, mode | S_IFIFO, 0);
}

int mkfifo(const char *path, mode_t mode)
{
	return mkfifoat(AT_FDCWD, path, mode);
}

int fchmodat(int dirfd, const char *path, mode_t mode, int flags)
{
	/* Linux's fchmodat takes no flags: symbolic links have no mode of their own. */
	if (flags & ~AT_SYMLINK_NOFOLLOW)
		return __syscall_ret(-EINVAL);
	if (flags)
		return __syscall_ret(-EOPNOTSUPP);
	return SYSCALL3(SYS_fchmodat, dirfd, path, mode);
}

int chmod(const char *path, mode_t mode)
{
	return fchmodat(AT_FDCWD, path, mode, 0);
}

int fchmod(int fd, mode_t mode)
{
	return SYSCALL2(SYS_fchmod, fd, mode);
}

int fchownat(int dirfd, const char *path, uid_t owner, gid_t group, int flags)
{
	return SYSCALL5(SYS_fchownat, dirfd, path, owner, group, flags);
}

int chown(const char *path, uid_t owner, gid_t group)
{
	return fchownat(AT_FDCWD, path, owner, group, 0);
}

int lchown(const char *path, uid_t owner, gid_t group)
{
	return fchownat(AT_FDCWD, path, owner, group, AT_SYMLINK_NOFOLLOW);
}

int fchown(int fd, uid_t owner, gid_t group)
{
	return SYSCALL3(SYS_fchown, fd, owner, group);
}

int utimensat(int dirfd, const char *path, const struct timespec times[2], int flags)
{
	return SYSCALL4(SYS_utimensat, dirfd, path, times, flags);
}

int futimens(int fd, const struct timespec times[2])
{
	return SYSCALL4(SYS_utimensat, fd, NULL, times, 0);
}

/* utimes(2) and utime(2): microseconds and seconds into utimensat's timespecs. */
int utimes(const char *path, const struct timeval *tv)
{
	struct timespec ts[2];

	if (!tv)
		return utimensat(AT_FDCWD, path, NULL, 0);
	for (int i = 0; i < 2; i++) {
		ts[i].tv_sec = tv[i].tv_sec;
		ts[i].tv_nsec = tv[i].tv_usec * 1000;
	}
	return utimensat(AT_FDCWD, path, ts, 0);
}

int utime(const char *path, const struct utimbuf *times)
{
	struct timespec ts[2];

	if (!times)
		return utimensat(AT_FDCWD, path, NULL, 0);
	ts[0].tv_sec = times->actime;
	ts[0].tv_nsec = 0;
	ts[1].tv_sec = times->modtime;
	ts[1].tv_nsec = 0;
	return utimensat(AT_FDCWD, path, ts, 0);
}

mode_t umask(mode_t mask)
{
	return (mode_t)__sc1(SYS_umask, mask);
}

int faccessat(int dirfd, const char *path, int mode, int flags)
{
	if (!flags)
		return SYSCALL3(SYS_faccessat, dirfd, path, mode);
	return SYSCALL4(SYS_faccessat2, dirfd, path, mode, flags);
}

int access(const char *path, int mode)
{
	return faccessat(AT_FDCWD, path, mode, 0);
}

int eaccess(const char *path, int mode)
{
	return faccessat(AT_FDCWD, path, mode, AT_EACCESS);
}

int chdir(const char *path)
{
	return SYSCALL1(SYS_chdir, path);
}

int fchdir(int fd)
{
	return SYSCALL1(SYS_fchdir, fd);
}

int chroot(const char *path)
{
	return SYSCALL1(SYS_chroot, path);
}

int _stat(const char *, struct stat *) __attribute__((alias("stat")));
int _fstat(int, struct stat *) __attribute__((alias("fstat")));
int _mkdir(const char *, mode_t) __attribute__((alias("mkdir")));
int _unlink(const char *) __attribute__((alias("unlink")));
int _link(const char *, const char *) __attribute__((alias("link")));
int _rename(const char *, const char *) __attribute__((alias("rename")));
