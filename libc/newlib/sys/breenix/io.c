/*
 * Descriptor I/O over the Linux system calls: read/write and their
 * positional and vector forms, open/close, dup, pipe, fcntl, ioctl, sync.
 * The underscore names are the hooks of newlib's reentrant layer
 * (libc/reent/ calls _read, _write, _open, _close, _lseek, _fcntl).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <sys/ioctl.h>
#include <sys/uio.h>
#include <unistd.h>
#include "syscall.h"

/* The error convention every wrapper shares: -4095..-1 are -errno. */
long __syscall_ret(long r)
{
	if (r < 0 && r > -4096) {
		errno = (int)-r;
		return -1;
	}
	return r;
}

long __syscall6(long n, long a, long b, long c, long d, long e, long f)
{
	register long r10 __asm__("r10") = d;
	register long r8 __asm__("r8") = e;
	register long r9 __asm__("r9") = f;
	long ret;

	/* syscall clobbers rcx (return rip) and r11 (rflags). */
	__asm__ volatile("syscall"
			 : "=a"(ret)
			 : "a"(n), "D"(a), "S"(b), "d"(c), "r"(r10), "r"(r8), "r"(r9)
			 : "rcx", "r11", "memory");
	return ret;
}

/* syscall(2): any call by number, six arguments read whether used or not. */
long syscall(long n, ...)
{
	va_list ap;
	long a[6];

	va_start(ap, n);
	for (int i = 0; i < 6; i++)
		a[i] = va_arg(ap, long);
	va_end(ap);
	return SYSCALL6(n, a[0], a[1], a[2], a[3], a[4], a[5]);
}

ssize_t read(int fd, void *buf, size_t count)
{
	return SYSCALL3(SYS_read, fd, buf, count);
}

ssize_t write(int fd, const void *buf, size_t count)
{
	return SYSCALL3(SYS_write, fd, buf, count);
}

ssize_t readv(int fd, const struct iovec *iov, int count)
{
	return SYSCALL3(SYS_readv, fd, iov, count);
}

ssize_t writev(int fd, const struct iovec *iov, int count)
{
	return SYSCALL3(SYS_writev, fd, iov, count);
}

ssize_t preadv(int fd, const struct iovec *iov, int count, off_t offset)
{
	return SYSCALL4(SYS_preadv, fd, iov, count, offset);
}

ssize_t pwritev(int fd, const struct iovec *iov, int count, off_t offset)
{
	return SYSCALL4(SYS_pwritev, fd, iov, count, offset);
}

off_t lseek(int fd, off_t offset, int whence)
{
	return SYSCALL3(SYS_lseek, fd, offset, whence);
}

/* open's mode is only read when the flags create a file (open(2)). */
static mode_t open_mode(int flags, va_list ap)
{
	if ((flags & O_CREAT) || (flags & O_TMPFILE) == O_TMPFILE)
		return va_arg(ap, mode_t);
	return 0;
}

int openat(int dirfd, const char *path, int flags, ...)
{
	va_list ap;
	mode_t mode;

	va_start(ap, flags);
	mode = open_mode(flags, ap);
	va_end(ap);
	return SYSCALL4(SYS_openat, dirfd, path, flags, mode);
}

int open(const char *path, int flags, ...)
{
	va_list ap;
	mode_t mode;

	va_start(ap, flags);
	mode = open_mode(flags, ap);
	va_end(ap);
	return SYSCALL4(SYS_openat, AT_FDCWD, path, flags, mode);
}

int creat(const char *path, mode_t mode)
{
	return open(path, O_WRONLY | O_CREAT | O_TRUNC, mode);
}

int close(int fd)
{
	return SYSCALL1(SYS_close, fd);
}

int dup(int fd)
{
	return SYSCALL1(SYS_dup, fd);
}

int dup2(int fd, int newfd)
{
	return SYSCALL2(SYS_dup2, fd, newfd);
}

int dup3(int fd, int newfd, int flags)
{
	return SYSCALL3(SYS_dup3, fd, newfd, flags);
}

int pipe(int fds[2])
{
	return SYSCALL1(SYS_pipe, fds);
}

int pipe2(int fds[2], int flags)
{
	return SYSCALL2(SYS_pipe2, fds, flags);
}

/* Every fcntl command takes at most one argument, an int or a pointer. */
int fcntl(int fd, int cmd, ...)
{
	va_list ap;
	long arg;

	va_start(ap, cmd);
	arg = va_arg(ap, long);
	va_end(ap);
	return SYSCALL3(SYS_fcntl, fd, cmd, arg);
}

int ioctl(int fd, unsigned long request, ...)
{
	va_list ap;
	long arg;

	va_start(ap, request);
	arg = va_arg(ap, long);
	va_end(ap);
	return SYSCALL3(SYS_ioctl, fd, request, arg);
}

int fsync(int fd)
{
	return SYSCALL1(SYS_fsync, fd);
}

int fdatasync(int fd)
{
	return SYSCALL1(SYS_fdatasync, fd);
}

int ftruncate(int fd, off_t length)
{
	return SYSCALL2(SYS_ftruncate, fd, length);
}

int truncate(const char *path, off_t length)
{
	return SYSCALL2(SYS_truncate, path, length);
}

void sync(void)
{
	__sc0(SYS_sync);
}

ssize_t _read(int, void *, size_t) __attribute__((alias("read")));
ssize_t _write(int, const void *, size_t) __attribute__((alias("write")));
off_t _lseek(int, off_t, int) __attribute__((alias("lseek")));
int _open(const char *, int, ...) __attribute__((alias("open")));
int _close(int) __attribute__((alias("close")));
int _fcntl(int, int, ...) __attribute__((alias("fcntl")));
