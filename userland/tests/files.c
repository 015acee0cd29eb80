/*
 * The file system calls of issue 6 on regular files: open and openat with
 * each flag, creat, close, read/write and their vector and positioned forms,
 * lseek (SEEK_DATA/SEEK_HOLE included), an unlinked file still open,
 * truncate/ftruncate and the sync calls, with the errors Linux returns.
 * Everything happens in a scratch directory (tap.c's scratch_dir).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>

#include "tap.h"

/* musl's O_LARGEFILE is 0 on x86_64; the kernel's (asm-generic/fcntl.h) is not. */
#define KERNEL_O_LARGEFILE 0100000

static off_t size_of(const char *path)
{
	struct stat st;

	return stat(path, &st) ? -1 : st.st_size;
}

static void open_create(void)
{
	const char *f = tpath("created");
	struct stat st;
	int fd, fd2;

	umask(022);
	errno = 0;
	check_errno(open(tpath("missing"), O_RDONLY), ENOENT, "open of a missing file is ENOENT");
	check_errno(open(tpath("missing/x"), O_RDONLY | O_CREAT, 0644), ENOENT,
		    "O_CREAT in a missing directory is ENOENT");
	check_errno(open("", O_RDONLY), ENOENT, "open(\"\") is ENOENT");
	fd = open(f, O_RDWR | O_CREAT, 0666);
	check(fd >= 0 && fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && (st.st_mode & 07777) == 0644 &&
	      st.st_size == 0, "O_CREAT makes an empty regular file with mode & ~umask (0666 & ~022)",
	      "fd %d, mode %o, size %lld", fd, st.st_mode, (long long)st.st_size);
	check(st.st_uid == geteuid() && st.st_gid == getegid(), "a new file belongs to the effective uid and gid",
	      "uid %d gid %d", st.st_uid, st.st_gid);
	fd2 = open(f, O_RDWR | O_CREAT, 0600);
	check(fd2 >= 0 && fstat(fd2, &st) == 0 && (st.st_mode & 07777) == 0644,
	      "O_CREAT on an existing file opens it, mode unchanged", "fd %d, mode %o", fd2, st.st_mode);
	close(fd2);
	check(fd >= 0 && fd2 == fd + 1, "open returns the lowest free descriptors", "%d then %d", fd, fd2);
	close(fd);
	check(open(f, O_RDONLY) == fd, "a closed descriptor's number is reused first", "-");
	close(fd);
	check_errno(open(f, O_RDWR | O_CREAT | O_EXCL, 0644), EEXIST, "O_CREAT|O_EXCL of an existing file is EEXIST");
	symlink("dangling-target", tpath("dangling"));
	check_errno(open(tpath("dangling"), O_RDWR | O_CREAT | O_EXCL, 0644), EEXIST,
		    "O_CREAT|O_EXCL of a dangling symlink is EEXIST (never followed)");
	fd = open(tpath("dangling"), O_RDWR | O_CREAT, 0644);
	check(fd >= 0 && access(tpath("dangling-target"), F_OK) == 0,
	      "O_CREAT through a dangling symlink creates its target", "%s", strerror(errno));
	close(fd);
	fd = open(tpath("excl"), O_RDWR | O_CREAT | O_EXCL, 0600);
	check(fd >= 0 && fstat(fd, &st) == 0 && (st.st_mode & 07777) == 0600, "O_CREAT|O_EXCL of a new file",
	      "fd %d mode %o", fd, st.st_mode);
	close(fd);
	fd = open(tpath("ro-new"), O_RDWR | O_CREAT, 0444);
	check(fd >= 0 && write(fd, "x", 1) == 1, "a file created read-only is writable through the creating open",
	      "%s", strerror(errno));
	close(fd);
	mkdir(tpath("dir"), 0755);
	check_errno(open(tpath("dir"), O_RDWR | O_CREAT, 0644), EISDIR, "O_CREAT on an existing directory is EISDIR");
	check_errno(open(tpath("dir/"), O_RDWR | O_CREAT, 0644), EISDIR, "O_CREAT of \"dir/\" is EISDIR");
	check_errno(open(tpath("newdir/"), O_RDWR | O_CREAT, 0644), EISDIR,
		    "O_CREAT of a missing name with a trailing slash is EISDIR");
	/* Linux 6.4 and later: O_CREAT|O_DIRECTORY is refused outright. */
	check_errno(open(tpath("cd"), O_RDONLY | O_CREAT | O_DIRECTORY, 0644), EINVAL,
		    "O_CREAT|O_DIRECTORY is EINVAL");
	fd = creat(tpath("creat"), 0640);
	check(fd >= 0 && fstat(fd, &st) == 0 && (st.st_mode & 07777) == 0640, "creat makes the file", "fd %d", fd);
	errno = 0;
	check_errno(read(fd, &st, 1), EBADF, "creat opens write-only: read is EBADF");
	check(write(fd, "abc", 3) == 3, "creat's descriptor writes", "%s", strerror(errno));
	close(fd);
	fd = creat(tpath("creat"), 0600);
	check(fd >= 0 && size_of(tpath("creat")) == 0, "creat of an existing file truncates it", "size %lld",
	      (long long)size_of(tpath("creat")));
	close(fd);
}

static void open_modes(void)
{
	const char *f = tpath("modes");
	char c;
	int fd, fl;

	make_file(f, "hello");
	fd = open(f, O_RDONLY);
	errno = 0;
	check_errno(write(fd, "x", 1), EBADF, "write on an O_RDONLY descriptor is EBADF");
	fl = fcntl(fd, F_GETFL);
	check((fl & O_ACCMODE) == O_RDONLY && (fl & KERNEL_O_LARGEFILE),
	      "F_GETFL of an opened file: O_RDONLY and O_LARGEFILE (forced on 64-bit Linux)", "%#o", fl);
	close(fd);
	fd = open(f, O_WRONLY);
	check_errno(read(fd, &c, 1), EBADF, "read on an O_WRONLY descriptor is EBADF");
	close(fd);
	/* Access mode 3: Linux checks read and write permission, then allows neither. */
	fd = open(f, 3);
	check(fd >= 0, "access mode 3 (O_RDWR|O_WRONLY) opens", "%s", strerror(errno));
	check_errno(read(fd, &c, 1), EBADF, "access mode 3: read is EBADF");
	check_errno(write(fd, &c, 1), EBADF, "access mode 3: write is EBADF");
	close(fd);
	fd = open(f, O_RDONLY | O_TRUNC);
	check(fd >= 0 && size_of(f) == 0, "O_RDONLY|O_TRUNC truncates (Linux does)", "size %lld",
	      (long long)size_of(f));
	close(fd);
	make_file(f, "hello");
	fd = open(f, O_RDWR | O_TRUNC);
	check(fd >= 0 && size_of(f) == 0, "O_RDWR|O_TRUNC truncates to 0", "size %lld", (long long)size_of(f));
	close(fd);
	fd = open(f, O_RDWR | O_NONBLOCK);
	fl = fcntl(fd, F_GETFL);
	check(fd >= 0 && (fl & O_NONBLOCK) && write(fd, "ab", 2) == 2, "O_NONBLOCK on a regular file is kept and harmless",
	      "flags %#o", fl);
	close(fd);
	fd = open(f, O_RDONLY | O_CLOEXEC);
	check(fcntl(fd, F_GETFD) == FD_CLOEXEC, "O_CLOEXEC sets FD_CLOEXEC", "%d", fcntl(fd, F_GETFD));
	check(!(fcntl(fd, F_GETFL) & O_CLOEXEC), "O_CLOEXEC is not a status flag (F_GETFL)", "%#o",
	      fcntl(fd, F_GETFL));
	close(fd);
	fd = open(f, O_RDONLY);
	check(fcntl(fd, F_GETFD) == 0, "without O_CLOEXEC FD_CLOEXEC is clear", "%d", fcntl(fd, F_GETFD));
	close(fd);
}

static void open_append(void)
{
	const char *f = tpath("append");
	char buf[32] = "";
	int fd;

	make_file(f, "0123");
	fd = open(f, O_RDWR | O_APPEND);
	lseek(fd, 0, SEEK_SET);
	check(write(fd, "ab", 2) == 2 && strcmp(file_contents(f), "0123ab") == 0,
	      "O_APPEND writes at the end after a seek to 0", "'%s'", file_contents(f));
	check(lseek(fd, 0, SEEK_CUR) == 6, "O_APPEND leaves the offset at the new end", "%lld",
	      (long long)lseek(fd, 0, SEEK_CUR));
	check(pread(fd, buf, 4, 0) == 4 && memcmp(buf, "0123", 4) == 0, "O_APPEND: reads still read from the offset",
	      "'%s'", buf);
	/* man pwrite(2), BUGS: Linux appends whatever the offset. */
	check(pwrite(fd, "Z", 1, 0) == 1 && strcmp(file_contents(f), "0123abZ") == 0,
	      "O_APPEND: pwrite appends, ignoring its offset (Linux)", "'%s'", file_contents(f));
	close(fd);
}

static void open_directory_flags(void)
{
	const char *d = tpath("odir");
	struct stat st;
	char c;
	int fd;

	mkdir(d, 0755);
	make_file(tpath("odir/file"), "data");
	fd = open(d, O_RDONLY | O_DIRECTORY);
	check(fd >= 0 && fstat(fd, &st) == 0 && S_ISDIR(st.st_mode), "O_DIRECTORY opens a directory", "%s",
	      strerror(errno));
	check_errno(read(fd, &c, 1), EISDIR, "read on a directory is EISDIR");
	check(lseek(fd, 0, SEEK_SET) == 0, "lseek on a directory to 0 succeeds", "%s", strerror(errno));
	close(fd);
	fd = open(d, O_RDONLY);
	check(fd >= 0, "a directory opens O_RDONLY without O_DIRECTORY", "%s", strerror(errno));
	close(fd);
	check_errno(open(tpath("odir/file"), O_RDONLY | O_DIRECTORY), ENOTDIR, "O_DIRECTORY on a file is ENOTDIR");
	check_errno(open(d, O_WRONLY), EISDIR, "a directory opened O_WRONLY is EISDIR");
	check_errno(open(d, O_RDWR), EISDIR, "a directory opened O_RDWR is EISDIR");
	check_errno(open(tpath("odir/file/"), O_RDONLY), ENOTDIR, "a file named with a trailing slash is ENOTDIR");
	check_errno(open(tpath("odir/file/x"), O_RDONLY), ENOTDIR, "a file used as a directory component is ENOTDIR");
	fd = open(tpath("odir/."), O_RDONLY | O_DIRECTORY);
	check(fd >= 0, "\"dir/.\" opens the directory", "%s", strerror(errno));
	close(fd);
	fd = open(tpath("odir/../odir/file"), O_RDONLY);
	check(fd >= 0, "\"..\" inside a path is followed", "%s", strerror(errno));
	close(fd);
	{
		struct stat root;

		fd = open("/..", O_RDONLY | O_DIRECTORY);
		check(fd >= 0 && fstat(fd, &st) == 0 && stat("/", &root) == 0 && st.st_ino == root.st_ino &&
		      st.st_dev == root.st_dev, "\"/..\" is the root", "%s", strerror(errno));
		close(fd);
	}
}

static void open_symlinks(void)
{
	struct stat st;
	char buf[16] = "";
	int fd;

	make_file(tpath("target"), "T");
	symlink("target", tpath("link"));
	mkdir(tpath("sd"), 0755);
	make_file(tpath("sd/in"), "I");
	symlink("sd", tpath("sdlink"));
	fd = open(tpath("link"), O_RDONLY);
	check(fd >= 0 && read(fd, buf, 1) == 1 && buf[0] == 'T', "open follows a symlink", "%s", strerror(errno));
	close(fd);
	check_errno(open(tpath("link"), O_RDONLY | O_NOFOLLOW), ELOOP, "O_NOFOLLOW on a symlink is ELOOP");
	fd = open(tpath("sdlink/in"), O_RDONLY | O_NOFOLLOW);
	check(fd >= 0, "O_NOFOLLOW still follows symlinks before the last component", "%s", strerror(errno));
	close(fd);
	fd = open(tpath("target"), O_RDONLY | O_NOFOLLOW);
	check(fd >= 0, "O_NOFOLLOW on a plain file opens it", "%s", strerror(errno));
	close(fd);
	fd = open(tpath("link"), O_PATH | O_NOFOLLOW);
	check(fd >= 0 && fstat(fd, &st) == 0 && S_ISLNK(st.st_mode),
	      "O_PATH|O_NOFOLLOW opens the symlink itself (fstat: S_IFLNK)", "fd %d mode %o", fd, st.st_mode);
	close(fd);
	check_errno(open(tpath("sdlink"), O_RDONLY | O_NOFOLLOW | O_DIRECTORY), ENOTDIR,
		    "O_NOFOLLOW|O_DIRECTORY on a symlink to a directory is ENOTDIR (the link is no directory)");
	fd = open(tpath("sdlink"), O_RDONLY | O_DIRECTORY);
	check(fd >= 0, "O_DIRECTORY follows a symlink to a directory", "%s", strerror(errno));
	close(fd);
	check_errno(open(tpath("link/"), O_RDONLY), ENOTDIR, "a symlink to a file with a trailing slash is ENOTDIR");
}

static void open_path(void)
{
	const char *f = tpath("opath");
	struct stat st;
	char c;
	int fd, fd2, fl;

	make_file(f, "P");
	mkdir(tpath("opathdir"), 0755);
	make_file(tpath("opathdir/x"), "X");
	fd = open(f, O_PATH);
	check(fd >= 0, "O_PATH opens a file", "%s", strerror(errno));
	check_errno(read(fd, &c, 1), EBADF, "O_PATH: read is EBADF");
	check_errno(write(fd, &c, 1), EBADF, "O_PATH: write is EBADF");
	check_errno(pread(fd, &c, 1, 0), EBADF, "O_PATH: pread is EBADF");
	check_errno(lseek(fd, 0, SEEK_SET), EBADF, "O_PATH: lseek is EBADF");
	/* Raw: musl's fchmod retries an EBADF through /proc/self/fd. */
	check_errno(syscall(SYS_fchmod, fd, 0600), EBADF, "O_PATH: fchmod is EBADF");
	check_errno(ftruncate(fd, 0), EBADF, "O_PATH: ftruncate is EBADF");
	check_errno(ioctl(fd, FIONREAD, &fl), EBADF, "O_PATH: ioctl is EBADF");
	check(fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size == 1, "O_PATH: fstat works", "%s",
	      strerror(errno));
	fl = fcntl(fd, F_GETFL);
	check(fl != -1 && (fl & O_PATH), "O_PATH: F_GETFL shows O_PATH", "%#o", fl);
	fd2 = dup(fd);
	check(fd2 >= 0, "O_PATH: dup works", "%s", strerror(errno));
	close(fd2);
	check(close(fd) == 0, "O_PATH: close works", "%s", strerror(errno));
	fd = open(tpath("opathdir"), O_PATH | O_DIRECTORY);
	fd2 = openat(fd, "x", O_RDONLY);
	check(fd2 >= 0 && read(fd2, &c, 1) == 1 && c == 'X', "an O_PATH directory serves as openat's dirfd", "%s",
	      strerror(errno));
	close(fd2);
	close(fd);
	fd = open(f, O_PATH | O_CREAT | O_EXCL, 0644);
	check(fd >= 0 || errno == EEXIST, "O_PATH ignores O_CREAT|O_EXCL (open succeeds)", "%s", strerror(errno));
	close(fd);
	fd = open(tpath("opath-new"), O_PATH | O_CREAT, 0644);
	check_errno(fd, ENOENT, "O_PATH|O_CREAT of a missing file creates nothing: ENOENT");
}

static void openat_dirfd(void)
{
	char c;
	int dfd, ffd, fd;

	mkdir(tpath("at"), 0755);
	make_file(tpath("at/f"), "A");
	dfd = open(tpath("at"), O_RDONLY | O_DIRECTORY);
	fd = openat(dfd, "f", O_RDONLY);
	check(fd >= 0 && read(fd, &c, 1) == 1 && c == 'A', "openat relative to a directory descriptor", "%s",
	      strerror(errno));
	close(fd);
	fd = openat(dfd, "g", O_WRONLY | O_CREAT, 0644);
	check(fd >= 0 && access(tpath("at/g"), F_OK) == 0, "openat creates relative to dirfd", "%s", strerror(errno));
	close(fd);
	fd = openat(-1, tpath("at/f"), O_RDONLY);
	check(fd >= 0, "openat with an absolute path ignores a bad dirfd", "%s", strerror(errno));
	close(fd);
	check_errno(openat(-1, "f", O_RDONLY), EBADF, "openat relative to dirfd -1 is EBADF");
	check_errno(openat(999, "f", O_RDONLY), EBADF, "openat relative to a closed dirfd is EBADF");
	ffd = open(tpath("at/f"), O_RDONLY);
	check_errno(openat(ffd, "x", O_RDONLY), ENOTDIR, "openat relative to a file descriptor is ENOTDIR");
	close(ffd);
	chdir(tpath("at"));
	fd = openat(AT_FDCWD, "f", O_RDONLY);
	check(fd >= 0, "openat(AT_FDCWD) is relative to the working directory", "%s", strerror(errno));
	close(fd);
	chdir("/");
	close(dfd);
}

static void names(void)
{
	char name[300], path[PATH_MAX + 100];
	int fd;

	memset(name, 'n', 255);
	name[255] = 0;
	fd = open(tpath("%s", name), O_RDWR | O_CREAT, 0644);
	check(fd >= 0, "a 255-byte name is allowed (NAME_MAX)", "%s", strerror(errno));
	close(fd);
	name[255] = 'n';
	name[256] = 0;
	check_errno(open(tpath("%s", name), O_RDWR | O_CREAT, 0644), ENAMETOOLONG, "a 256-byte name is ENAMETOOLONG");
	check_errno(open(tpath("%s", name), O_RDONLY), ENAMETOOLONG, "looking up a 256-byte name is ENAMETOOLONG");
	memset(path, 'a', sizeof(path) - 1);
	for (size_t i = 1; i < sizeof(path) - 1; i += 2)
		path[i] = '/';
	path[0] = '/';
	path[PATH_MAX] = 0;
	check_errno(open(path, O_RDONLY), ENAMETOOLONG, "a path of PATH_MAX bytes (no room for its NUL) is ENAMETOOLONG");
}

static void rw(void)
{
	const char *f = tpath("rw");
	static char big[1 << 20], back[1 << 20];
	char buf[64];
	int fd;
	ssize_t n;

	for (size_t i = 0; i < sizeof(big); i++)
		big[i] = (char)(i * 7 + i / 4096);
	fd = open(f, O_RDWR | O_CREAT | O_TRUNC, 0644);
	n = write(fd, big, sizeof(big));
	check(n == sizeof(big), "write of 1 MiB is complete", "%zd", n);
	check(lseek(fd, 0, SEEK_CUR) == sizeof(big), "write advances the offset", "-");
	lseek(fd, 0, SEEK_SET);
	n = read(fd, back, sizeof(back));
	check(n == sizeof(back) && memcmp(big, back, sizeof(big)) == 0, "1 MiB reads back the same", "%zd", n);
	check(read(fd, buf, sizeof(buf)) == 0, "read at end of file returns 0", "-");
	check(read(fd, buf, 0) == 0 && write(fd, buf, 0) == 0, "zero-byte read and write return 0", "-");
	lseek(fd, sizeof(big) - 10, SEEK_SET);
	check(read(fd, buf, sizeof(buf)) == 10, "a read across end of file is short", "-");
	close(fd);
	check_errno(read(fd, buf, 1), EBADF, "read on a closed descriptor is EBADF");
	check_errno(write(-1, buf, 1), EBADF, "write on descriptor -1 is EBADF");
	check_errno(close(fd), EBADF, "close of a closed descriptor is EBADF");
	check_errno(close(-1), EBADF, "close(-1) is EBADF");
	check_errno(close(INT_MAX), EBADF, "close(INT_MAX) is EBADF");
}

static void vectors(void)
{
	const char *f = tpath("vec");
	char a[4], b[6], c[8];
	struct iovec iov[3] = { { "abc", 3 }, { "", 0 }, { "defghij", 7 } };
	struct iovec in[3] = { { a, sizeof(a) }, { b, sizeof(b) }, { c, sizeof(c) } };
	static struct iovec many[IOV_MAX + 1];
	int fd = open(f, O_RDWR | O_CREAT | O_TRUNC, 0644);
	ssize_t n;

	n = writev(fd, iov, 3);
	check(n == 10 && strcmp(file_contents(f), "abcdefghij") == 0, "writev gathers in order (empty element too)",
	      "%zd '%s'", n, file_contents(f));
	lseek(fd, 0, SEEK_SET);
	memset(c, 0, sizeof(c));
	n = readv(fd, in, 3);
	check(n == 10 && memcmp(a, "abcd", 4) == 0 && memcmp(b, "efghij", 6) == 0 && c[0] == 0,
	      "readv scatters in order and stops at end of file", "%zd", n);
	check(writev(fd, iov, 0) == 0 && readv(fd, in, 0) == 0, "zero iovecs transfer nothing", "%s", strerror(errno));
	check_errno(writev(fd, iov, -1), EINVAL, "writev with a negative count is EINVAL");
	for (int i = 0; i <= IOV_MAX; i++)
		many[i] = (struct iovec){ a, 1 };
	check_errno(readv(fd, many, IOV_MAX + 1), EINVAL, "readv of IOV_MAX + 1 iovecs is EINVAL");
	lseek(fd, 0, SEEK_SET);
	check(readv(fd, many, IOV_MAX) == 10, "readv of IOV_MAX iovecs is allowed", "%s", strerror(errno));
	/* Linux clamps a long total to MAX_RW_COUNT; only a negative ssize_t length is refused. */
	iov[2].iov_len = (size_t)SSIZE_MAX + 1;
	check_errno(writev(fd, iov, 3), EINVAL, "writev with an iov_len above SSIZE_MAX is EINVAL");
	check_errno(syscall(SYS_preadv, fd, in, 3, -1L, 0L), EINVAL, "preadv at a negative offset is EINVAL");
	iov[2].iov_len = 7;
	check(syscall(SYS_pwritev, fd, iov, 3, 20L, 0L) == 10 && size_of(f) == 30, "pwritev at an offset past the end",
	      "size %lld", (long long)size_of(f));
	close(fd);
	check_errno(readv(fd, in, 3), EBADF, "readv on a closed descriptor is EBADF");
}

static void positioned(void)
{
	const char *f = tpath("pos");
	char buf[8] = "";
	int fd = open(f, O_RDWR | O_CREAT | O_TRUNC, 0644);
	int p[2];

	write(fd, "0123456789", 10);
	lseek(fd, 3, SEEK_SET);
	check(pread(fd, buf, 4, 5) == 4 && memcmp(buf, "5678", 4) == 0 && lseek(fd, 0, SEEK_CUR) == 3,
	      "pread reads at its offset and leaves the file offset alone", "'%s'", buf);
	check(pwrite(fd, "XY", 2, 1) == 2 && lseek(fd, 0, SEEK_CUR) == 3 && strcmp(file_contents(f), "0XY3456789") == 0,
	      "pwrite writes at its offset and leaves the file offset alone", "'%s'", file_contents(f));
	check(pread(fd, buf, 4, 100) == 0, "pread past the end returns 0", "-");
	check(pwrite(fd, "E", 1, 15) == 1 && size_of(f) == 16, "pwrite past the end extends the file", "-");
	check(pread(fd, buf, 5, 10) == 5 && memcmp(buf, "\0\0\0\0\0", 5) == 0, "the gap reads as zeros", "-");
	check_errno(pread(fd, buf, 1, -1), EINVAL, "pread at a negative offset is EINVAL");
	check_errno(pwrite(fd, buf, 1, -1), EINVAL, "pwrite at a negative offset is EINVAL");
	close(fd);
	pipe(p);
	check_errno(pread(p[0], buf, 1, 0), ESPIPE, "pread on a pipe is ESPIPE");
	check_errno(pwrite(p[1], buf, 1, 0), ESPIPE, "pwrite on a pipe is ESPIPE");
	check_errno(lseek(p[0], 0, SEEK_CUR), ESPIPE, "lseek on a pipe is ESPIPE");
	close(p[0]);
	close(p[1]);
}

static void seeks(void)
{
	const char *f = tpath("seek");
	char buf[4];
	off_t r;
	int fd = open(f, O_RDWR | O_CREAT | O_TRUNC, 0644);

	write(fd, "0123456789", 10);
	check(lseek(fd, 4, SEEK_SET) == 4 && read(fd, buf, 1) == 1 && buf[0] == '4', "SEEK_SET", "-");
	check(lseek(fd, 2, SEEK_CUR) == 7 && read(fd, buf, 1) == 1 && buf[0] == '7', "SEEK_CUR", "-");
	check(lseek(fd, -1, SEEK_END) == 9 && read(fd, buf, 1) == 1 && buf[0] == '9', "SEEK_END", "-");
	check(lseek(fd, 100, SEEK_SET) == 100 && size_of(f) == 10, "seeking past the end does not grow the file", "-");
	check(write(fd, "Z", 1) == 1 && size_of(f) == 101, "writing past the end grows the file", "-");
	check_errno(lseek(fd, -1, SEEK_SET), EINVAL, "a negative SEEK_SET is EINVAL");
	check_errno(lseek(fd, -200, SEEK_END), EINVAL, "SEEK_END before the start is EINVAL");
	check(lseek(fd, 0, SEEK_CUR) == 101, "a failed lseek leaves the offset", "%lld", (long long)lseek(fd, 0, SEEK_CUR));
	check_errno(lseek(fd, 0, 7), EINVAL, "an unknown whence is EINVAL");
	check_errno(lseek(fd, 1, SEEK_CUR + 100), EINVAL, "whence 101 is EINVAL");
	check_errno(lseek(99, 0, SEEK_SET), EBADF, "lseek on a closed descriptor is EBADF");
	check(lseek(fd, LLONG_MAX, SEEK_SET) == LLONG_MAX || errno == EINVAL,
	      "lseek to LLONG_MAX: Linux's tmpfs allows it (EINVAL where s_maxbytes is smaller)", "%s",
	      strerror(errno));
	errno = 0;
	lseek(fd, 1, SEEK_SET);
	check_errno(lseek(fd, LLONG_MAX, SEEK_CUR), EINVAL, "SEEK_CUR past LLONG_MAX wraps negative: EINVAL");

	/*
	 * SEEK_DATA/SEEK_HOLE: data at [0, 4096) and [1 MiB, 1 MiB + 4096).
	 * The issue allows a kernel to answer EINVAL to both; otherwise the
	 * answers are Linux's: data at 0, a hole no later than the end of
	 * file (at 4096 where holes are tracked, at the end where they are
	 * not), ENXIO at or past the end.
	 */
	{
		static char page[4096];
		int fd2 = open(tpath("sparse"), O_RDWR | O_CREAT | O_TRUNC, 0644);
		off_t end = (1 << 20) + 4096;

		memset(page, 'd', sizeof(page));
		pwrite(fd2, page, 4096, 0);
		pwrite(fd2, page, 4096, 1 << 20);
		errno = 0;
		r = lseek(fd2, 0, SEEK_DATA);
		if (r == -1 && errno == EINVAL) {
			check_errno(lseek(fd2, 0, SEEK_HOLE), EINVAL,
				    "SEEK_DATA is EINVAL (allowed): SEEK_HOLE is EINVAL too");
		} else {
			check(r == 0, "SEEK_DATA from 0 finds data at 0", "%lld (%s)", (long long)r, strerror(errno));
			r = lseek(fd2, 0, SEEK_HOLE);
			check(r == 4096 || r == end, "SEEK_HOLE from 0 is 4096 (or the end of file)", "%lld",
			      (long long)r);
			r = lseek(fd2, 8192, SEEK_DATA);
			check(r == (1 << 20) || r == 8192, "SEEK_DATA from inside the hole finds the second extent",
			      "%lld", (long long)r);
			r = lseek(fd2, (1 << 20) + 10, SEEK_HOLE);
			check(r == end, "SEEK_HOLE in the last extent is the end of file (the implicit hole)", "%lld",
			      (long long)r);
			check_errno(lseek(fd2, end, SEEK_DATA), ENXIO, "SEEK_DATA at the end of file is ENXIO");
			check_errno(lseek(fd2, end + 5, SEEK_HOLE), ENXIO, "SEEK_HOLE past the end of file is ENXIO");
		}
		close(fd2);
	}
	close(fd);
}

static void unlinked_open(void)
{
	const char *f = tpath("doomed");
	struct stat st;
	char buf[16] = "";
	int fd = open(f, O_RDWR | O_CREAT | O_TRUNC, 0644);
	int fd2 = open(f, O_RDONLY);

	write(fd, "still here", 10);
	check(unlink(f) == 0 && access(f, F_OK) == -1, "the open file's name is gone after unlink", "-");
	lseek(fd, 0, SEEK_SET);
	check(read(fd, buf, 10) == 10 && memcmp(buf, "still here", 10) == 0, "an unlinked open file is still readable",
	      "'%s'", buf);
	check(fstat(fd, &st) == 0 && st.st_nlink == 0 && st.st_size == 10, "fstat of an unlinked file: st_nlink 0",
	      "nlink %lu", (unsigned long)st.st_nlink);
	check(write(fd, "!", 1) == 1 && pread(fd2, buf, 11, 0) == 11 && buf[10] == '!',
	      "an unlinked file is still writable, seen through another open", "-");
	close(fd);
	check(pread(fd2, buf, 1, 0) == 1, "the file lives while any descriptor is open", "-");
	close(fd2);
	fd = open(f, O_RDWR | O_CREAT | O_EXCL, 0644);
	check(fd >= 0 && fstat(fd, &st) == 0 && st.st_size == 0, "the name can be reused for a new empty file", "-");
	close(fd);
}

static void truncation(void)
{
	const char *f = tpath("trunc");
	char buf[16];
	int fd, p[2];

	make_file(f, "0123456789");
	check(truncate(f, 4) == 0 && strcmp(file_contents(f), "0123") == 0, "truncate shrinks", "'%s'", file_contents(f));
	check(truncate(f, 8) == 0 && size_of(f) == 8, "truncate grows", "%lld", (long long)size_of(f));
	fd = open(f, O_RDWR);
	check(pread(fd, buf, 8, 0) == 8 && memcmp(buf + 4, "\0\0\0\0", 4) == 0, "the grown part reads as zeros", "-");
	check(ftruncate(fd, 2) == 0 && size_of(f) == 2, "ftruncate shrinks", "-");
	check(lseek(fd, 0, SEEK_END) == 2, "after ftruncate SEEK_END is the new size", "-");
	lseek(fd, 6, SEEK_SET);
	check(ftruncate(fd, 0) == 0 && lseek(fd, 0, SEEK_CUR) == 6, "ftruncate leaves the offset", "-");
	check_errno(ftruncate(fd, -1), EINVAL, "ftruncate to a negative length is EINVAL");
	check_errno(truncate(f, -1), EINVAL, "truncate to a negative length is EINVAL");
	close(fd);
	fd = open(f, O_RDONLY);
	check_errno(ftruncate(fd, 0), EINVAL, "ftruncate of a read-only descriptor is EINVAL");
	close(fd);
	check_errno(ftruncate(fd, 0), EBADF, "ftruncate of a closed descriptor is EBADF");
	check_errno(truncate(tpath("nothing"), 0), ENOENT, "truncate of a missing file is ENOENT");
	mkdir(tpath("tdir"), 0755);
	check_errno(truncate(tpath("tdir"), 0), EISDIR, "truncate of a directory is EISDIR");
	pipe(p);
	check_errno(ftruncate(p[1], 0), EINVAL, "ftruncate of a pipe is EINVAL");
	check_errno(fsync(p[1]), EINVAL, "fsync of a pipe is EINVAL");
	close(p[0]);
	close(p[1]);
}

static void syncs(void)
{
	int fd = open(tpath("sync"), O_RDWR | O_CREAT, 0644);

	write(fd, "x", 1);
	check(fsync(fd) == 0, "fsync of a file", "%s", strerror(errno));
	check(fdatasync(fd) == 0, "fdatasync of a file", "%s", strerror(errno));
	close(fd);
	fd = open(scratch_dir(), O_RDONLY | O_DIRECTORY);
	check(fsync(fd) == 0, "fsync of a directory", "%s", strerror(errno));
	close(fd);
	check_errno(fsync(fd), EBADF, "fsync of a closed descriptor is EBADF");
	check_errno(fdatasync(-1), EBADF, "fdatasync(-1) is EBADF");
	errno = 0;
	sync();
	check(errno == 0, "sync returns", "%s", strerror(errno));
	check(syscall(SYS_sync) == 0, "the raw sync system call returns 0", "%s", strerror(errno));
}

int main(void)
{
	scratch_dir();
	open_create();
	open_modes();
	open_append();
	open_directory_flags();
	open_symlinks();
	open_path();
	openat_dirfd();
	names();
	rw();
	vectors();
	positioned();
	seeks();
	unlinked_open();
	truncation();
	syncs();
	return done();
}
