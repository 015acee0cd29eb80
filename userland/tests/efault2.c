/*
 * Bad user pointers to the issue-6 file system calls: every pointer a call
 * takes (paths, buffers, structs, vectors) gets NULL, an unmapped page, a
 * PROT_NONE page, a kernel-half address, a non-canonical address and, where
 * the kernel writes, a read-only page and a struct running off its mapping;
 * each must be EFAULT and the caller must live on. Calls go through
 * syscall() so libc never looks at the pointers; each runs in a child.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/select.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>

#include "badptr.h"
#include "tap.h"

#define FIONREAD_ 0x541b /* asm-generic/ioctls.h */
#define STATX_BASIC_STATS 0x7ffU

static char file[4096], dir[4096], link_[4096], fresh[4096];

static long t_open(void *p)
{
	return syscall(SYS_open, p, O_RDONLY);
}

static long t_openat(void *p)
{
	return syscall(SYS_openat, AT_FDCWD, p, O_RDONLY);
}

static long t_creat(void *p)
{
	return syscall(SYS_creat, p, 0644);
}

static long t_stat_path(void *p)
{
	struct stat st;

	return syscall(SYS_stat, p, &st);
}

static long t_stat_buf(void *p)
{
	return syscall(SYS_stat, file, p);
}

static long t_lstat_buf(void *p)
{
	return syscall(SYS_lstat, link_, p);
}

static long t_fstat_buf(void *p)
{
	return syscall(SYS_fstat, 0, p);
}

static long t_newfstatat_path(void *p)
{
	struct stat st;

	return syscall(SYS_newfstatat, AT_FDCWD, p, &st, 0);
}

static long t_newfstatat_buf(void *p)
{
	return syscall(SYS_newfstatat, AT_FDCWD, file, p, 0);
}

static long t_statx_path(void *p)
{
	char sx[256];

	return syscall(SYS_statx, AT_FDCWD, p, 0, STATX_BASIC_STATS, sx);
}

static long t_statx_buf(void *p)
{
	return syscall(SYS_statx, AT_FDCWD, file, 0, STATX_BASIC_STATS, p);
}

static long t_access(void *p)
{
	return syscall(SYS_access, p, F_OK);
}

static long t_faccessat(void *p)
{
	return syscall(SYS_faccessat, AT_FDCWD, p, F_OK);
}

static long t_mkdir(void *p)
{
	return syscall(SYS_mkdir, p, 0755);
}

static long t_mkdirat(void *p)
{
	return syscall(SYS_mkdirat, AT_FDCWD, p, 0755);
}

static long t_rmdir(void *p)
{
	return syscall(SYS_rmdir, p);
}

static long t_unlink(void *p)
{
	return syscall(SYS_unlink, p);
}

static long t_unlinkat(void *p)
{
	return syscall(SYS_unlinkat, AT_FDCWD, p, 0);
}

static long t_rename_old(void *p)
{
	return syscall(SYS_rename, p, fresh);
}

static long t_rename_new(void *p)
{
	return syscall(SYS_rename, file, p);
}

static long t_renameat2_new(void *p)
{
	return syscall(SYS_renameat2, AT_FDCWD, file, AT_FDCWD, p, 0);
}

static long t_link_old(void *p)
{
	return syscall(SYS_link, p, fresh);
}

static long t_link_new(void *p)
{
	return syscall(SYS_link, file, p);
}

static long t_linkat_new(void *p)
{
	return syscall(SYS_linkat, AT_FDCWD, file, AT_FDCWD, p, 0);
}

static long t_symlink_target(void *p)
{
	return syscall(SYS_symlink, p, fresh);
}

static long t_symlink_path(void *p)
{
	return syscall(SYS_symlink, "t", p);
}

static long t_symlinkat_path(void *p)
{
	return syscall(SYS_symlinkat, "t", AT_FDCWD, p);
}

static long t_readlink_path(void *p)
{
	char b[64];

	return syscall(SYS_readlink, p, b, sizeof(b));
}

static long t_readlink_buf(void *p)
{
	return syscall(SYS_readlink, link_, p, 64);
}

static long t_readlinkat_buf(void *p)
{
	return syscall(SYS_readlinkat, AT_FDCWD, link_, p, 64);
}

static long t_chdir(void *p)
{
	return syscall(SYS_chdir, p);
}

static long t_chroot(void *p)
{
	return syscall(SYS_chroot, p);
}

static long t_getcwd(void *p)
{
	return syscall(SYS_getcwd, p, 256);
}

static long t_chmod(void *p)
{
	return syscall(SYS_chmod, p, 0644);
}

static long t_fchmodat(void *p)
{
	return syscall(SYS_fchmodat, AT_FDCWD, p, 0644);
}

static long t_chown(void *p)
{
	return syscall(SYS_chown, p, 0, 0);
}

static long t_lchown(void *p)
{
	return syscall(SYS_lchown, p, 0, 0);
}

static long t_fchownat(void *p)
{
	return syscall(SYS_fchownat, AT_FDCWD, p, 0, 0, 0);
}

static long t_utimensat_path(void *p)
{
	return syscall(SYS_utimensat, AT_FDCWD, p, NULL, 0);
}

static long t_utimensat_times(void *p)
{
	return syscall(SYS_utimensat, AT_FDCWD, file, p, 0);
}

static long t_truncate(void *p)
{
	return syscall(SYS_truncate, p, 0L);
}

static long t_mknod(void *p)
{
	return syscall(SYS_mknod, p, S_IFIFO | 0644, 0);
}

static long t_mknodat(void *p)
{
	return syscall(SYS_mknodat, AT_FDCWD, p, S_IFIFO | 0644, 0);
}


static long with_fd(int flags, long (*fn)(int, void *), void *p)
{
	int fd = open(file, flags);

	return fd < 0 ? -3 : fn(fd, p);
}

static long do_read(int fd, void *p)
{
	return syscall(SYS_read, fd, p, 16);
}

static long do_write(int fd, void *p)
{
	return syscall(SYS_write, fd, p, 16);
}

static long do_pread(int fd, void *p)
{
	return syscall(SYS_pread64, fd, p, 16, 0L);
}

static long do_pwrite(int fd, void *p)
{
	return syscall(SYS_pwrite64, fd, p, 16, 0L);
}

static long do_readv_iov(int fd, void *p)
{
	return syscall(SYS_readv, fd, p, 1);
}

static long do_readv_base(int fd, void *p)
{
	struct iovec v = { p, 16 };

	return syscall(SYS_readv, fd, &v, 1);
}

static long do_writev_base(int fd, void *p)
{
	struct iovec v = { p, 16 };

	return syscall(SYS_writev, fd, &v, 1);
}

static long do_ioctl(int fd, void *p)
{
	return syscall(SYS_ioctl, fd, FIONREAD_, p);
}

static long do_getdents(int fd, void *p)
{
	return syscall(SYS_getdents64, fd, p, 1024);
}

static long t_read(void *p)
{
	return with_fd(O_RDONLY, do_read, p);
}

static long t_write(void *p)
{
	return with_fd(O_WRONLY, do_write, p);
}

static long t_pread(void *p)
{
	return with_fd(O_RDONLY, do_pread, p);
}

static long t_pwrite(void *p)
{
	return with_fd(O_WRONLY, do_pwrite, p);
}

static long t_readv_iov(void *p)
{
	return with_fd(O_RDONLY, do_readv_iov, p);
}

static long t_readv_base(void *p)
{
	return with_fd(O_RDONLY, do_readv_base, p);
}

static long t_writev_base(void *p)
{
	return with_fd(O_WRONLY, do_writev_base, p);
}

static long t_ioctl(void *p)
{
	return with_fd(O_RDONLY, do_ioctl, p);
}


static long t_getdents(void *p)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY);

	return fd < 0 ? -3 : do_getdents(fd, p);
}

static long t_pipe(void *p)
{
	return syscall(SYS_pipe, p);
}

static long t_pipe2(void *p)
{
	return syscall(SYS_pipe2, p, 0);
}


static long t_pipe_write(void *p)
{
	int fds[2];

	return pipe(fds) ? -3 : syscall(SYS_write, fds[1], p, 16);
}

static long t_pipe_read(void *p)
{
	int fds[2];

	if (pipe(fds) || write(fds[1], "0123456789abcdef", 16) != 16)
		return -3;
	return syscall(SYS_read, fds[0], p, 16);
}

static long t_poll(void *p)
{
	return syscall(SYS_poll, p, 1, 0);
}

static long t_ppoll_ts(void *p)
{
	struct pollfd f = { 0, POLLIN, 0 };

	return syscall(SYS_ppoll, &f, 1, p, NULL, 8);
}

static long t_select_set(void *p)
{
	struct timeval tv = { 0, 0 };

	return syscall(SYS_select, 1, p, NULL, NULL, &tv);
}

static long t_select_tv(void *p)
{
	return syscall(SYS_select, 0, NULL, NULL, NULL, p);
}

static long t_pselect6_ts(void *p)
{
	return syscall(SYS_pselect6, 0, NULL, NULL, NULL, p, NULL);
}

static long t_getgroups(void *p)
{
	gid_t g = 0;

	setgroups(1, &g);
	return syscall(SYS_getgroups, 4, p);
}

static long t_setgroups(void *p)
{
	return syscall(SYS_setgroups, 2, p);
}

static long t_getresuid(void *p)
{
	uid_t a, b;

	return syscall(SYS_getresuid, &a, &b, p);
}

static long t_getresgid(void *p)
{
	gid_t a, b;

	return syscall(SYS_getresgid, p, &a, &b);
}


static const struct badptr_call calls[] = {
	{ "open path", t_open, IN | NO_EDGE },
	{ "openat path", t_openat, IN | NO_EDGE },
	{ "creat path", t_creat, IN | NO_EDGE },
	{ "stat path", t_stat_path, IN | NO_EDGE },
	{ "stat buf", t_stat_buf, OUT },
	{ "lstat buf", t_lstat_buf, OUT },
	{ "fstat buf", t_fstat_buf, OUT },
	{ "newfstatat path", t_newfstatat_path, IN | NO_EDGE },
	{ "newfstatat buf", t_newfstatat_buf, OUT },
	{ "statx path", t_statx_path, IN | NO_EDGE },
	{ "statx buf", t_statx_buf, OUT },
	{ "access path", t_access, IN | NO_EDGE },
	{ "faccessat path", t_faccessat, IN | NO_EDGE },
	{ "mkdir path", t_mkdir, IN | NO_EDGE },
	{ "mkdirat path", t_mkdirat, IN | NO_EDGE },
	{ "rmdir path", t_rmdir, IN | NO_EDGE },
	{ "unlink path", t_unlink, IN | NO_EDGE },
	{ "unlinkat path", t_unlinkat, IN | NO_EDGE },
	{ "rename old", t_rename_old, IN | NO_EDGE },
	{ "rename new", t_rename_new, IN | NO_EDGE },
	{ "renameat2 new", t_renameat2_new, IN | NO_EDGE },
	{ "link old", t_link_old, IN | NO_EDGE },
	{ "link new", t_link_new, IN | NO_EDGE },
	{ "linkat new", t_linkat_new, IN | NO_EDGE },
	{ "symlink target", t_symlink_target, IN | NO_EDGE },
	{ "symlink path", t_symlink_path, IN | NO_EDGE },
	{ "symlinkat path", t_symlinkat_path, IN | NO_EDGE },
	{ "readlink path", t_readlink_path, IN | NO_EDGE },
	{ "readlink buf", t_readlink_buf, OUT | NO_EDGE },
	{ "readlinkat buf", t_readlinkat_buf, OUT | NO_EDGE },
	{ "chdir path", t_chdir, IN | NO_EDGE },
	{ "chroot path", t_chroot, IN | NO_EDGE },
	{ "getcwd buf", t_getcwd, OUT | NO_EDGE },
	{ "chmod path", t_chmod, IN | NO_EDGE },
	{ "fchmodat path", t_fchmodat, IN | NO_EDGE },
	{ "chown path", t_chown, IN | NO_EDGE },
	{ "lchown path", t_lchown, IN | NO_EDGE },
	{ "fchownat path", t_fchownat, IN | NO_EDGE },
	{ "utimensat path", t_utimensat_path, IN | NO_EDGE },
	{ "utimensat times", t_utimensat_times, IN | NULL_OK },
	{ "truncate path", t_truncate, IN | NO_EDGE },
	{ "mknod path", t_mknod, IN | NO_EDGE },
	{ "mknodat path", t_mknodat, IN | NO_EDGE },
	{ "read buf (file)", t_read, OUT | NO_EDGE },
	{ "write buf (file)", t_write, IN | NO_EDGE },
	{ "pread64 buf", t_pread, OUT | NO_EDGE },
	{ "pwrite64 buf", t_pwrite, IN | NO_EDGE },
	{ "readv iov", t_readv_iov, IN },
	{ "readv iov_base", t_readv_base, OUT | NO_EDGE },
	{ "writev iov_base", t_writev_base, IN | NO_EDGE },
	{ "ioctl(FIONREAD) arg", t_ioctl, OUT },
	{ "getdents64 buf", t_getdents, OUT | NO_EDGE },
	{ "pipe fds", t_pipe, OUT },
	{ "pipe2 fds", t_pipe2, OUT },
	{ "write buf (pipe)", t_pipe_write, IN | NO_EDGE },
	{ "read buf (pipe)", t_pipe_read, OUT | NO_EDGE },
	{ "poll fds", t_poll, IN },
	{ "ppoll timeout", t_ppoll_ts, IN | NULL_OK },
	{ "select readfds", t_select_set, IN | OUT | NULL_OK },
	{ "select timeout", t_select_tv, IN | NULL_OK },
	{ "pselect6 timeout", t_pselect6_ts, IN | NULL_OK },
	{ "getgroups list", t_getgroups, OUT },
	{ "setgroups list", t_setgroups, IN },
	{ "getresuid suid", t_getresuid, OUT },
	{ "getresgid rgid", t_getresgid, OUT },
};

int main(void)
{
	if (geteuid() != 0) {
		skip("bad pointers to the file calls", "needs root (chroot, setgroups, chown)");
		return done();
	}
	snprintf(file, sizeof(file), "%s", tpath("file"));
	snprintf(dir, sizeof(dir), "%s", tpath("dir"));
	snprintf(link_, sizeof(link_), "%s", tpath("link"));
	snprintf(fresh, sizeof(fresh), "%s", tpath("fresh"));
	close(open(file, O_RDWR | O_CREAT, 0644));
	truncate(file, 100);
	mkdir(dir, 0755);
	symlink("file", link_);
	if (!badptr_setup())
		badptr_run(calls, sizeof(calls) / sizeof(calls[0]));
	return done();
}
