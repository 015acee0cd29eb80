/*
 * File attributes: stat/fstat/lstat/newfstatat (AT_EMPTY_PATH,
 * AT_SYMLINK_NOFOLLOW), statx's fields and mask, access/faccessat, the
 * chmod and chown families, utimensat with UTIME_NOW/UTIME_OMIT, and mknod
 * of FIFOs, sockets, regular files and (as root) device nodes. Run as root:
 * the unprivileged side is perms.c's.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <time.h>
#include <unistd.h>

#include "tap.h"

/* include/uapi/linux/stat.h (musl 1.2.3 has no statx) */
struct statx_ts {
	int64_t tv_sec;
	uint32_t tv_nsec;
	int32_t reserved;
};

struct linux_statx {
	uint32_t stx_mask;
	uint32_t stx_blksize;
	uint64_t stx_attributes;
	uint32_t stx_nlink;
	uint32_t stx_uid;
	uint32_t stx_gid;
	uint16_t stx_mode;
	uint16_t spare0;
	uint64_t stx_ino;
	uint64_t stx_size;
	uint64_t stx_blocks;
	uint64_t stx_attributes_mask;
	struct statx_ts stx_atime, stx_btime, stx_ctime, stx_mtime;
	uint32_t stx_rdev_major;
	uint32_t stx_rdev_minor;
	uint32_t stx_dev_major;
	uint32_t stx_dev_minor;
	uint64_t spare[14];
};

#define STATX_TYPE 0x1U
#define STATX_MODE 0x2U
#define STATX_NLINK 0x4U
#define STATX_UID 0x8U
#define STATX_GID 0x10U
#define STATX_ATIME 0x20U
#define STATX_MTIME 0x40U
#define STATX_CTIME 0x80U
#define STATX_INO 0x100U
#define STATX_SIZE 0x200U
#define STATX_BLOCKS 0x400U
#define STATX_BASIC_STATS 0x7ffU
#define STATX__RESERVED 0x80000000U
#define AT_STATX_FORCE_SYNC 0x2000
#define AT_STATX_DONT_SYNC 0x4000

static long raw_statx(int dfd, const char *path, int flags, unsigned mask, struct linux_statx *sx)
{
	return syscall(SYS_statx, dfd, path, flags, mask, sx);
}

static bool same_file(const struct stat *a, const struct stat *b)
{
	return a->st_dev == b->st_dev && a->st_ino == b->st_ino && a->st_mode == b->st_mode &&
	       a->st_size == b->st_size && a->st_nlink == b->st_nlink;
}

static void stats(void)
{
	const char *f = tpath("f");
	struct stat st, st2, dir;
	int fd, dfd;

	umask(022);
	make_file(f, "0123456789");
	symlink("f", tpath("l"));
	mkdir(tpath("d"), 0755);
	check(stat(f, &st) == 0 && S_ISREG(st.st_mode) && (st.st_mode & 07777) == 0644 && st.st_size == 10 &&
	      st.st_nlink == 1 && st.st_uid == geteuid() && st.st_gid == getegid() && st.st_ino != 0,
	      "stat of a file: type, mode, size, links, owner, inode", "mode %o size %lld", st.st_mode,
	      (long long)st.st_size);
	check(st.st_blksize > 0 && st.st_blocks * 512 >= st.st_size, "st_blksize > 0, st_blocks (512-byte units) cover the data",
	      "blksize %ld blocks %lld", (long)st.st_blksize, (long long)st.st_blocks);
	stat(scratch_dir(), &dir);
	check(st.st_dev == dir.st_dev, "a file and its directory are on one device", "-");
	fd = open(f, O_RDONLY);
	check(fstat(fd, &st2) == 0 && same_file(&st, &st2), "fstat agrees with stat", "-");
	check(syscall(SYS_newfstatat, fd, "", &st2, AT_EMPTY_PATH) == 0 && same_file(&st, &st2),
	      "newfstatat(fd, \"\", AT_EMPTY_PATH) is fstat", "%s", strerror(errno));
	check_errno(syscall(SYS_newfstatat, fd, "", &st2, 0), ENOENT, "newfstatat with \"\" and no AT_EMPTY_PATH is ENOENT");
	close(fd);
	check(lstat(tpath("l"), &st2) == 0 && S_ISLNK(st2.st_mode) && st2.st_size == 1 && (st2.st_mode & 0777) == 0777,
	      "lstat of a symlink: S_IFLNK, size of the target name, mode 0777", "mode %o", st2.st_mode);
	check(stat(tpath("l"), &st2) == 0 && same_file(&st, &st2), "stat follows the symlink", "-");
	dfd = open(scratch_dir(), O_RDONLY | O_DIRECTORY);
	check(syscall(SYS_newfstatat, dfd, "l", &st2, AT_SYMLINK_NOFOLLOW) == 0 && S_ISLNK(st2.st_mode),
	      "newfstatat(AT_SYMLINK_NOFOLLOW) relative to a dirfd", "%s", strerror(errno));
	check(syscall(SYS_newfstatat, dfd, "l", &st2, 0) == 0 && same_file(&st, &st2), "newfstatat follows by default",
	      "-");
	check_errno(syscall(SYS_newfstatat, dfd, "f", &st2, 0x1), EINVAL, "newfstatat with an unknown flag is EINVAL");
	close(dfd);
	check(stat(tpath("d"), &st2) == 0 && S_ISDIR(st2.st_mode) && st2.st_nlink == 2, "stat of a directory", "-");
	check_errno(stat(tpath("none"), &st2), ENOENT, "stat of a missing name is ENOENT");
	check_errno(stat(tpath("f/x"), &st2), ENOTDIR, "stat under a file is ENOTDIR");
	check_errno(stat("", &st2), ENOENT, "stat(\"\") is ENOENT");
	if (stat("/dev/null", &st2) == 0)
		check(S_ISCHR(st2.st_mode) && major(st2.st_rdev) == 1 && minor(st2.st_rdev) == 3 && st2.st_size == 0,
		      "/dev/null is character device 1:3", "mode %o rdev %u:%u", st2.st_mode, major(st2.st_rdev),
		      minor(st2.st_rdev));
	else
		skip("/dev/null is character device 1:3", "no /dev/null");
}

static void statxs(void)
{
	const char *f = tpath("sx");
	struct linux_statx sx;
	struct stat st;
	long r;

	make_file(f, "statx!");
	stat(f, &st);
	memset(&sx, 0xff, sizeof(sx));
	r = raw_statx(AT_FDCWD, f, 0, STATX_BASIC_STATS, &sx);
	check(r == 0 && (sx.stx_mask & STATX_BASIC_STATS) == STATX_BASIC_STATS, "statx fills every basic field (stx_mask)",
	      "ret %ld mask %#x", r, sx.stx_mask);
	check(sx.stx_mode == st.st_mode && sx.stx_ino == st.st_ino && sx.stx_size == 6 && sx.stx_nlink == 1 &&
	      sx.stx_uid == st.st_uid && sx.stx_gid == st.st_gid && sx.stx_blocks == (uint64_t)st.st_blocks &&
	      sx.stx_blksize == st.st_blksize, "statx agrees with stat", "mode %o ino %llu size %llu", sx.stx_mode,
	      (unsigned long long)sx.stx_ino, (unsigned long long)sx.stx_size);
	check(makedev(sx.stx_dev_major, sx.stx_dev_minor) == st.st_dev, "statx's device numbers are stat's st_dev",
	      "%u:%u", sx.stx_dev_major, sx.stx_dev_minor);
	check(sx.stx_mtime.tv_sec == st.st_mtim.tv_sec && sx.stx_mtime.tv_nsec == (uint32_t)st.st_mtim.tv_nsec &&
	      sx.stx_ctime.tv_sec == st.st_ctim.tv_sec, "statx's times are stat's", "-");
	check(sx.stx_mtime.tv_nsec < 1000000000 && sx.stx_atime.tv_nsec < 1000000000, "statx's nanoseconds are below 1e9",
	      "-");
	memset(&sx, 0, sizeof(sx));
	r = raw_statx(AT_FDCWD, f, 0, STATX_SIZE, &sx);
	check(r == 0 && (sx.stx_mask & STATX_SIZE) && sx.stx_size == 6, "statx with only STATX_SIZE asked", "mask %#x",
	      sx.stx_mask);
	r = raw_statx(AT_FDCWD, f, AT_STATX_DONT_SYNC, STATX_BASIC_STATS, &sx);
	check(r == 0, "statx(AT_STATX_DONT_SYNC)", "%s", strerror(errno));
	r = raw_statx(AT_FDCWD, f, AT_STATX_FORCE_SYNC, STATX_BASIC_STATS, &sx);
	check(r == 0, "statx(AT_STATX_FORCE_SYNC)", "%s", strerror(errno));
	check_errno(raw_statx(AT_FDCWD, f, AT_STATX_FORCE_SYNC | AT_STATX_DONT_SYNC, STATX_BASIC_STATS, &sx), EINVAL,
		    "statx with both sync flags is EINVAL");
	check_errno(raw_statx(AT_FDCWD, f, 0, STATX__RESERVED, &sx), EINVAL, "statx asking STATX__RESERVED is EINVAL");
	check_errno(raw_statx(AT_FDCWD, f, 0x1, STATX_BASIC_STATS, &sx), EINVAL, "statx with an unknown flag is EINVAL");
	{
		int fd = open(f, O_RDONLY);

		check(raw_statx(fd, "", AT_EMPTY_PATH, STATX_BASIC_STATS, &sx) == 0 && sx.stx_size == 6,
		      "statx(fd, \"\", AT_EMPTY_PATH)", "%s", strerror(errno));
		close(fd);
	}
	symlink("sx", tpath("sxl"));
	check(raw_statx(AT_FDCWD, tpath("sxl"), AT_SYMLINK_NOFOLLOW, STATX_BASIC_STATS, &sx) == 0 && S_ISLNK(sx.stx_mode),
	      "statx(AT_SYMLINK_NOFOLLOW) of a symlink", "mode %o", sx.stx_mode);
	check_errno(raw_statx(AT_FDCWD, tpath("none"), 0, STATX_BASIC_STATS, &sx), ENOENT, "statx of a missing name is ENOENT");
}

static void accesses(void)
{
	const char *f = tpath("acc");

	make_file(f, "");
	chmod(f, 0644);
	check(access(f, F_OK) == 0 && access(f, R_OK | W_OK) == 0, "access F_OK, R_OK|W_OK", "%s", strerror(errno));
	/* Root passes read and write checks always, execute only if some x bit is set. */
	check_errno(access(f, X_OK), EACCES, "root's X_OK on a file with no x bit is EACCES");
	chmod(f, 0001);
	check(access(f, X_OK) == 0 && access(f, R_OK | W_OK) == 0, "root's X_OK with only the others' x bit", "%s",
	      strerror(errno));
	check(access(scratch_dir(), X_OK) == 0, "X_OK on a directory", "%s", strerror(errno));
	check_errno(access(tpath("none"), F_OK), ENOENT, "access of a missing name is ENOENT");
	check_errno(access(f, 8), EINVAL, "access with an unknown mode bit is EINVAL");
	check(faccessat(AT_FDCWD, f, R_OK, AT_EACCESS) == 0, "faccessat(AT_EACCESS)", "%s", strerror(errno));
	check_errno(syscall(SYS_faccessat2, AT_FDCWD, f, R_OK, 0x1), EINVAL, "faccessat2 with an unknown flag is EINVAL");
	symlink("nowhere", tpath("accl"));
	check_errno(access(tpath("accl"), F_OK), ENOENT, "access follows a dangling symlink: ENOENT");
	check(syscall(SYS_faccessat2, AT_FDCWD, tpath("accl"), F_OK, AT_SYMLINK_NOFOLLOW) == 0,
	      "faccessat2(AT_SYMLINK_NOFOLLOW) sees the link", "%s", strerror(errno));
	{
		int dfd = open(scratch_dir(), O_RDONLY | O_DIRECTORY);

		check(syscall(SYS_faccessat, dfd, "acc", R_OK) == 0, "faccessat relative to a dirfd", "%s", strerror(errno));
		close(dfd);
	}
}

static mode_t mode_of(const char *path)
{
	struct stat st;

	return lstat(path, &st) ? (mode_t)-1 : st.st_mode & 07777;
}

static void chmods(void)
{
	const char *f = tpath("cm");
	struct stat a, b;
	struct timespec ms20 = { 0, 20000000 };
	int fd, dfd;

	make_file(f, "");
	symlink("cm", tpath("cml"));
	stat(f, &a);
	nanosleep(&ms20, NULL);
	check(chmod(f, 0600) == 0 && mode_of(f) == 0600, "chmod", "%o", mode_of(f));
	stat(f, &b);
	check(b.st_ctim.tv_sec > a.st_ctim.tv_sec || b.st_ctim.tv_nsec > a.st_ctim.tv_nsec, "chmod updates st_ctime", "-");
	check(b.st_mtim.tv_sec == a.st_mtim.tv_sec && b.st_mtim.tv_nsec == a.st_mtim.tv_nsec, "chmod leaves st_mtime",
	      "-");
	check(chmod(f, 07777) == 0 && mode_of(f) == 07777, "chmod sets set-uid, set-gid and sticky bits", "%o",
	      mode_of(f));
	check(chmod(f, 0170644) == 0 && mode_of(f) == 0644, "chmod ignores file type bits", "%o", mode_of(f));
	check(chmod(tpath("cml"), 0640) == 0 && mode_of(f) == 0640 && mode_of(tpath("cml")) == 0777,
	      "chmod through a symlink changes the target", "%o", mode_of(f));
	fd = open(f, O_RDONLY);
	check(fchmod(fd, 0604) == 0 && mode_of(f) == 0604, "fchmod on a read-only descriptor", "%s", strerror(errno));
	close(fd);
	dfd = open(scratch_dir(), O_RDONLY | O_DIRECTORY);
	check(syscall(SYS_fchmodat, dfd, "cm", 0611) == 0 && mode_of(f) == 0611, "fchmodat relative to a dirfd", "%s",
	      strerror(errno));
	close(dfd);
	check_errno(chmod(tpath("none"), 0644), ENOENT, "chmod of a missing name is ENOENT");
	check_errno(syscall(SYS_fchmod, -1, 0644), EBADF, "fchmod(-1) is EBADF");
}

static void chowns(void)
{
	const char *f = tpath("co");
	struct stat st;
	int fd;

	make_file(f, "");
	symlink("co", tpath("col"));
	check(chown(f, 1000, 1000) == 0 && stat(f, &st) == 0 && st.st_uid == 1000 && st.st_gid == 1000,
	      "chown by root", "%s", strerror(errno));
	check(chown(f, -1, 2000) == 0 && stat(f, &st) == 0 && st.st_uid == 1000 && st.st_gid == 2000,
	      "chown with uid -1 keeps the owner", "%d:%d", st.st_uid, st.st_gid);
	check(chown(f, 3000, -1) == 0 && stat(f, &st) == 0 && st.st_uid == 3000 && st.st_gid == 2000,
	      "chown with gid -1 keeps the group", "%d:%d", st.st_uid, st.st_gid);
	check(lchown(tpath("col"), 4000, 4000) == 0 && lstat(tpath("col"), &st) == 0 && st.st_uid == 4000 &&
	      stat(f, &st) == 0 && st.st_uid == 3000, "lchown changes the link, not its target", "%s", strerror(errno));
	check(chown(tpath("col"), 5000, -1) == 0 && stat(f, &st) == 0 && st.st_uid == 5000, "chown follows a symlink",
	      "-");
	chmod(f, 06755);
	check(chown(f, 1000, 1000) == 0 && mode_of(f) == 0755,
	      "chown of an executable clears set-uid and set-gid, even by root", "%o", mode_of(f));
	chmod(f, 06744);
	chown(f, 1001, -1);
	check(mode_of(f) == 02744, "chown clears set-gid only if the group may execute", "%o", mode_of(f));
	fd = open(f, O_RDONLY);
	check(fchown(fd, 0, 0) == 0 && stat(f, &st) == 0 && st.st_uid == 0, "fchown", "%s", strerror(errno));
	check(fchownat(fd, "", 7, 7, AT_EMPTY_PATH) == 0 && stat(f, &st) == 0 && st.st_uid == 7,
	      "fchownat(AT_EMPTY_PATH)", "%s", strerror(errno));
	close(fd);
	check(fchownat(AT_FDCWD, tpath("col"), 8, 8, AT_SYMLINK_NOFOLLOW) == 0 && lstat(tpath("col"), &st) == 0 &&
	      st.st_uid == 8, "fchownat(AT_SYMLINK_NOFOLLOW)", "%s", strerror(errno));
	check_errno(fchownat(AT_FDCWD, f, 0, 0, 0x1), EINVAL, "fchownat with an unknown flag is EINVAL");
	check_errno(chown(tpath("none"), 0, 0), ENOENT, "chown of a missing name is ENOENT");
	check_errno(fchown(-1, 0, 0), EBADF, "fchown(-1) is EBADF");
}

static bool ts_eq(const struct timespec *a, time_t s, long ns)
{
	return a->tv_sec == s && a->tv_nsec == ns;
}

static void times_(void)
{
	const char *f = tpath("ut");
	struct timespec t[2] = { { 1000000000, 123456789 }, { 1500000000, 987654321 } }, now;
	struct stat st, before;
	int fd;

	make_file(f, "");
	symlink("ut", tpath("utl"));
	check(utimensat(AT_FDCWD, f, t, 0) == 0 && stat(f, &st) == 0 && ts_eq(&st.st_atim, 1000000000, 123456789) &&
	      ts_eq(&st.st_mtim, 1500000000, 987654321), "utimensat sets both times to the nanosecond", "%s",
	      strerror(errno));
	t[0].tv_nsec = UTIME_OMIT;
	t[1] = (struct timespec){ 1600000000, 0 };
	check(utimensat(AT_FDCWD, f, t, 0) == 0 && stat(f, &st) == 0 && ts_eq(&st.st_atim, 1000000000, 123456789) &&
	      ts_eq(&st.st_mtim, 1600000000, 0), "UTIME_OMIT leaves that time", "-");
	clock_gettime(CLOCK_REALTIME, &now);
	t[0].tv_nsec = UTIME_NOW;
	t[1].tv_nsec = UTIME_OMIT;
	check(utimensat(AT_FDCWD, f, t, 0) == 0 && stat(f, &st) == 0 && st.st_atim.tv_sec >= now.tv_sec - 1 &&
	      ts_eq(&st.st_mtim, 1600000000, 0), "UTIME_NOW sets that time to now", "atime %lld",
	      (long long)st.st_atim.tv_sec);
	stat(f, &before);
	check(utimensat(AT_FDCWD, f, NULL, 0) == 0 && stat(f, &st) == 0 && st.st_mtim.tv_sec >= now.tv_sec - 1 &&
	      st.st_atim.tv_sec >= now.tv_sec - 1, "utimensat with NULL times sets both to now", "-");
	check(st.st_ctim.tv_sec >= before.st_ctim.tv_sec, "utimensat updates st_ctime", "-");
	t[0] = (struct timespec){ 5, 0 };
	t[1] = (struct timespec){ 6, 0 };
	check(utimensat(AT_FDCWD, tpath("utl"), t, AT_SYMLINK_NOFOLLOW) == 0 && lstat(tpath("utl"), &st) == 0 &&
	      st.st_mtim.tv_sec == 6 && stat(f, &st) == 0 && st.st_mtim.tv_sec != 6,
	      "utimensat(AT_SYMLINK_NOFOLLOW) sets the link's times", "%s", strerror(errno));
	fd = open(f, O_RDONLY);
	check(syscall(SYS_utimensat, fd, NULL, t, 0) == 0 && stat(f, &st) == 0 && st.st_mtim.tv_sec == 6,
	      "utimensat(fd, NULL, ...) sets the open file's times (futimens)", "%s", strerror(errno));
	close(fd);
	t[1].tv_nsec = 1000000000;
	check_errno(utimensat(AT_FDCWD, f, t, 0), EINVAL, "a tv_nsec of 1e9 is EINVAL");
	t[1].tv_nsec = -1;
	check_errno(utimensat(AT_FDCWD, f, t, 0), EINVAL, "a tv_nsec of -1 is EINVAL");
	t[1].tv_nsec = 0;
	check_errno(utimensat(AT_FDCWD, f, t, 0x1), EINVAL, "utimensat with an unknown flag is EINVAL");
	check_errno(utimensat(AT_FDCWD, tpath("none"), t, 0), ENOENT, "utimensat of a missing name is ENOENT");
	fd = open(f, O_RDWR);
	stat(f, &before);
	write(fd, "x", 1);
	fstat(fd, &st);
	check(st.st_mtim.tv_sec > before.st_mtim.tv_sec, "write updates st_mtime", "%lld", (long long)st.st_mtim.tv_sec);
	close(fd);
}

static void mknods(void)
{
	struct stat st;
	int fd;

	check(mknod(tpath("fifo"), S_IFIFO | 0644, 0) == 0 && stat(tpath("fifo"), &st) == 0 && S_ISFIFO(st.st_mode) &&
	      (st.st_mode & 0777) == 0644, "mknod(S_IFIFO) makes a FIFO", "%s", strerror(errno));
	check(mkfifo(tpath("fifo2"), 0600) == 0 && stat(tpath("fifo2"), &st) == 0 && S_ISFIFO(st.st_mode),
	      "mkfifo makes a FIFO", "%s", strerror(errno));
	check(mknod(tpath("reg"), S_IFREG | 0644, 0) == 0 && stat(tpath("reg"), &st) == 0 && S_ISREG(st.st_mode) &&
	      st.st_size == 0, "mknod(S_IFREG) makes an empty file", "%s", strerror(errno));
	check(mknod(tpath("reg0"), 0644, 0) == 0 && stat(tpath("reg0"), &st) == 0 && S_ISREG(st.st_mode),
	      "mknod with no type makes a regular file", "%s", strerror(errno));
	check(mknod(tpath("sock"), S_IFSOCK | 0644, 0) == 0 && stat(tpath("sock"), &st) == 0 && S_ISSOCK(st.st_mode),
	      "mknod(S_IFSOCK) makes a socket node", "%s", strerror(errno));
	check_errno(mknod(tpath("fifo"), S_IFIFO | 0644, 0), EEXIST, "mknod of an existing name is EEXIST");
	check_errno(mknod(tpath("dir"), S_IFDIR | 0755, 0), EPERM, "mknod(S_IFDIR) is EPERM");
	check_errno(mknod(tpath("bad"), 0110000 | 0644, 0), EINVAL, "mknod with an unknown type is EINVAL");
	check_errno(mknod(tpath("no/fifo"), S_IFIFO | 0644, 0), ENOENT, "mknod in a missing directory is ENOENT");
	check(mknodat(AT_FDCWD, tpath("fifo3"), S_IFIFO | 0600, 0) == 0, "mknodat", "%s", strerror(errno));
	check(mknod(tpath("null"), S_IFCHR | 0666, makedev(1, 3)) == 0 && stat(tpath("null"), &st) == 0 &&
	      S_ISCHR(st.st_mode) && major(st.st_rdev) == 1 && minor(st.st_rdev) == 3,
	      "root's mknod(S_IFCHR, 1:3) makes a character device node", "%s", strerror(errno));
	fd = open(tpath("null"), O_RDWR);
	/* /dev/null's driver behind a node made anywhere (on a filesystem mounted without nodev). */
	if (fd >= 0) {
		char c;

		check(write(fd, "gone", 4) == 4 && read(fd, &c, 1) == 0, "the node reaches /dev/null's driver", "%s",
		      strerror(errno));
		close(fd);
	} else {
		check(errno == EACCES, "the node opens, or the filesystem is mounted nodev (EACCES)", "%s",
		      strerror(errno));
	}
	check(mknod(tpath("blk"), S_IFBLK | 0600, makedev(7, 0)) == 0 && stat(tpath("blk"), &st) == 0 &&
	      S_ISBLK(st.st_mode) && st.st_rdev == makedev(7, 0), "root's mknod(S_IFBLK)", "%s", strerror(errno));
}

int main(void)
{
	if (geteuid() != 0) {
		skip("the attribute calls", "needs root (chown, mknod of devices)");
		return done();
	}
	scratch_dir();
	stats();
	statxs();
	accesses();
	chmods();
	chowns();
	times_();
	mknods();
	return done();
}
