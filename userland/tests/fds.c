/*
 * Descriptor tables: dup, dup2, dup3 and fcntl's descriptor commands, one
 * open file description shared by dup'ed descriptors and across fork
 * (offset and status flags) while FD_CLOEXEC stays per descriptor,
 * close-on-exec seen by an exec'd program (fdcheck.c), RLIMIT_NOFILE giving
 * EMFILE, the generic ioctls, and EBADF from every call given a bad one.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tap.h"

static const char *dir;

static int open_file(const char *name)
{
	return open(tpath("%s", name), O_RDWR | O_CREAT, 0644);
}

static void dups(void)
{
	int fd = open_file("dup"), d, lowest;
	char c;

	write(fd, "0123456789", 10);
	lowest = dup(0);
	close(lowest);
	d = dup(fd);
	check(d == lowest, "dup returns the lowest free descriptor", "%d, want %d", d, lowest);
	lseek(fd, 3, SEEK_SET);
	check(lseek(d, 0, SEEK_CUR) == 3, "dup'ed descriptors share the offset", "%lld", (long long)lseek(d, 0, SEEK_CUR));
	check(read(d, &c, 1) == 1 && c == '3' && lseek(fd, 0, SEEK_CUR) == 4, "a read through one moves the other",
	      "-");
	fcntl(fd, F_SETFL, O_APPEND);
	check(fcntl(d, F_GETFL) & O_APPEND, "dup'ed descriptors share status flags (F_SETFL O_APPEND)", "%#o",
	      fcntl(d, F_GETFL));
	fcntl(fd, F_SETFL, 0);
	fcntl(fd, F_SETFD, FD_CLOEXEC);
	check(fcntl(d, F_GETFD) == 0, "FD_CLOEXEC is per descriptor, not shared", "%d", fcntl(d, F_GETFD));
	close(d);
	d = dup(fd);
	check(fcntl(d, F_GETFD) == 0, "dup of a close-on-exec descriptor has FD_CLOEXEC clear", "%d",
	      fcntl(d, F_GETFD));
	close(fd);
	check(read(d, &c, 1) == 1 && c == '4', "the file stays open through the remaining dup", "-");
	close(d);
	check_errno(dup(-1), EBADF, "dup(-1) is EBADF");
	check_errno(dup(fd), EBADF, "dup of a closed descriptor is EBADF");
}

static void dup2s(void)
{
	int fd = open_file("dup2"), other = open_file("dup2b"), r;
	struct rlimit rl;
	struct stat a, b;

	getrlimit(RLIMIT_NOFILE, &rl);
	check(dup2(fd, fd) == fd, "dup2(fd, fd) returns fd", "%s", strerror(errno));
	fcntl(other, F_SETFD, FD_CLOEXEC);
	r = dup2(fd, other);
	fstat(fd, &a);
	fstat(other, &b);
	check(r == other && a.st_ino == b.st_ino, "dup2 onto an open descriptor closes it and reuses the number",
	      "ret %d", r);
	check(fcntl(other, F_GETFD) == 0, "dup2's new descriptor has FD_CLOEXEC clear", "-");
	r = dup2(fd, 200);
	check(r == 200 && fcntl(200, F_GETFD) == 0, "dup2 to a high unused number", "%d", r);
	close(200);
	check_errno(dup2(-1, 201), EBADF, "dup2 from a bad descriptor is EBADF");
	check_errno(dup2(201, 201), EBADF, "dup2(fd, fd) of a closed fd is EBADF");
	check_errno(dup2(fd, -1), EBADF, "dup2 to -1 is EBADF");
	check_errno(dup2(fd, rl.rlim_cur), EBADF, "dup2 to RLIMIT_NOFILE's soft limit is EBADF");
	check_errno(dup2(fd, INT_MAX), EBADF, "dup2 to INT_MAX is EBADF");
	/* dup3 raw: musl's wrapper decides some of these cases itself. */
	check_errno(syscall(SYS_dup3, fd, fd, 0), EINVAL, "dup3(fd, fd) is EINVAL");
	r = dup3(fd, 202, O_CLOEXEC);
	check(r == 202 && fcntl(202, F_GETFD) == FD_CLOEXEC, "dup3 with O_CLOEXEC", "%d", r);
	check(dup3(fd, 202, 0) == 202 && fcntl(202, F_GETFD) == 0, "dup3 onto an open fd without flags clears FD_CLOEXEC",
	      "-");
	close(202);
	check_errno(syscall(SYS_dup3, fd, 203, O_NONBLOCK), EINVAL, "dup3 with a flag other than O_CLOEXEC is EINVAL");
	check_errno(syscall(SYS_dup3, -1, 203, 0), EBADF, "dup3 from a bad descriptor is EBADF");
	check_errno(syscall(SYS_dup2, 203, 203), EBADF, "the raw dup2(fd, fd) of a closed fd is EBADF");
	check(syscall(SYS_dup2, fd, fd) == fd, "the raw dup2(fd, fd) returns fd", "%s", strerror(errno));
	close(fd);
	close(other);
}

static void fcntls(void)
{
	int fd = open_file("fcntl"), r, fl;
	struct rlimit rl;

	getrlimit(RLIMIT_NOFILE, &rl);
	r = fcntl(fd, F_DUPFD, 100);
	check(r == 100 && fcntl(r, F_GETFD) == 0, "F_DUPFD returns the lowest free fd at or above its argument", "%d", r);
	check(fcntl(fd, F_DUPFD, 100) == 101, "F_DUPFD skips the taken one", "-");
	close(100);
	close(101);
	r = fcntl(fd, F_DUPFD_CLOEXEC, 50);
	check(r == 50 && fcntl(r, F_GETFD) == FD_CLOEXEC, "F_DUPFD_CLOEXEC sets FD_CLOEXEC", "%d", r);
	close(50);
	check(fcntl(fd, F_DUPFD, 0) >= 3, "F_DUPFD from 0 takes the lowest free", "-");
	check_errno(fcntl(fd, F_DUPFD, -1), EINVAL, "F_DUPFD with a negative minimum is EINVAL");
	check_errno(fcntl(fd, F_DUPFD, rl.rlim_cur), EINVAL, "F_DUPFD at RLIMIT_NOFILE is EINVAL");
	check(fcntl(fd, F_SETFD, FD_CLOEXEC) == 0 && fcntl(fd, F_GETFD) == FD_CLOEXEC, "F_SETFD FD_CLOEXEC", "-");
	check(fcntl(fd, F_SETFD, 0) == 0 && fcntl(fd, F_GETFD) == 0, "F_SETFD 0 clears it", "-");
	check(fcntl(fd, F_SETFD, 0xff) == 0 && fcntl(fd, F_GETFD) == FD_CLOEXEC,
	      "F_SETFD keeps only FD_CLOEXEC of its argument", "%d", fcntl(fd, F_GETFD));
	fl = fcntl(fd, F_GETFL);
	check((fl & O_ACCMODE) == O_RDWR, "F_GETFL has the access mode", "%#o", fl);
	check(fcntl(fd, F_SETFL, O_APPEND | O_NONBLOCK | O_RDONLY | O_CREAT | O_TRUNC) == 0, "F_SETFL", "%s",
	      strerror(errno));
	fl = fcntl(fd, F_GETFL);
	check((fl & (O_APPEND | O_NONBLOCK)) == (O_APPEND | O_NONBLOCK) && (fl & O_ACCMODE) == O_RDWR &&
	      !(fl & (O_CREAT | O_TRUNC)), "F_SETFL changes O_APPEND and O_NONBLOCK only, not the access mode", "%#o",
	      fl);
	write(fd, "abc", 3);
	lseek(fd, 0, SEEK_SET);
	write(fd, "d", 1);
	check(lseek(fd, 0, SEEK_CUR) == 4, "O_APPEND set by F_SETFL takes effect", "%lld",
	      (long long)lseek(fd, 0, SEEK_CUR));
	check(fcntl(fd, F_SETFL, 0) == 0 && !(fcntl(fd, F_GETFL) & (O_APPEND | O_NONBLOCK)), "F_SETFL 0 clears them",
	      "-");
	check_errno(fcntl(fd, 9999), EINVAL, "an unknown fcntl command is EINVAL");
	check_errno(fcntl(-1, F_GETFD), EBADF, "F_GETFD of -1 is EBADF");
	check_errno(fcntl(999, F_SETFL, 0), EBADF, "F_SETFL of a closed fd is EBADF");
	close(fd);
}

static int fork_sharing(void *arg)
{
	int fd = *(int *)arg;
	char c;

	if (read(fd, &c, 1) != 1 || c != '0')
		return 1;
	if (fcntl(fd, F_GETFD) != FD_CLOEXEC)
		return 2;
	fcntl(fd, F_SETFL, O_APPEND);
	fcntl(fd, F_SETFD, 0);
	close(fd);
	return 0;
}

static void forks(void)
{
	int fd = open_file("fork"), status;

	write(fd, "0123", 4);
	lseek(fd, 0, SEEK_SET);
	fcntl(fd, F_SETFD, FD_CLOEXEC);
	status = in_child(fork_sharing, &fd);
	check(exited_with(status, 0), "the child inherits the descriptor with its offset and FD_CLOEXEC", "%s",
	      status_str(status));
	check(lseek(fd, 0, SEEK_CUR) == 1, "the child's read moved the parent's offset (shared description)", "%lld",
	      (long long)lseek(fd, 0, SEEK_CUR));
	check(fcntl(fd, F_GETFL) & O_APPEND, "the child's F_SETFL is seen by the parent", "%#o", fcntl(fd, F_GETFL));
	check(fcntl(fd, F_GETFD) == FD_CLOEXEC, "the child's F_SETFD and close do not touch the parent's table", "%d",
	      fcntl(fd, F_GETFD));
	close(fd);
}

/* fork and exec fdcheck with claims; its wait status. */
static int fdcheck(char *const claims[])
{
	char path[PATH_MAX];
	char *argv[16] = { path };
	int status, i;
	pid_t pid;

	snprintf(path, sizeof(path), "%s/fdcheck", dir);
	for (i = 0; claims[i] && i < 14; i++)
		argv[i + 1] = claims[i];
	argv[i + 1] = NULL;
	pid = fork();
	if (pid == 0) {
		execv(path, argv);
		_exit(200);
	}
	if (pid < 0 || waitpid(pid, &status, 0) != pid)
		return -1;
	return status;
}

static void cloexec_across_exec(void)
{
	int keep = fcntl(open_file("exec"), F_DUPFD, 40), gone = open_file("exec2"), dup_gone, status;
	int p[2];
	char a[16], b[16], c[16], d[16], e[16], f[16];

	write(keep, "0123456789", 10);
	lseek(keep, 7, SEEK_SET);
	fcntl(gone, F_SETFD, FD_CLOEXEC);
	dup_gone = fcntl(keep, F_DUPFD_CLOEXEC, 45);
	pipe2(p, O_CLOEXEC);
	snprintf(a, sizeof(a), "%d:off=7", keep);
	snprintf(b, sizeof(b), "%d:closed", gone);
	snprintf(c, sizeof(c), "%d:closed", dup_gone);
	snprintf(d, sizeof(d), "%d:closed", p[0]);
	snprintf(e, sizeof(e), "%d:closed", p[1]);
	snprintf(f, sizeof(f), "%d:closed", 46);
	status = fdcheck((char *[]){ a, b, c, d, e, f, "0:open", "1:open", "2:open", NULL });
	check(exited_with(status, 0),
	      "across exec: a plain fd stays open with its offset; FD_CLOEXEC, F_DUPFD_CLOEXEC and pipe2(O_CLOEXEC) fds close",
	      "fdcheck %s (exit code: false claims; 200: exec failed)", status_str(status));
	fcntl(gone, F_SETFD, 0);
	snprintf(b, sizeof(b), "%d:open", gone);
	status = fdcheck((char *[]){ b, NULL });
	check(exited_with(status, 0), "F_SETFD 0 makes a descriptor survive exec", "fdcheck %s", status_str(status));
	close(keep);
	close(gone);
	close(dup_gone);
	close(p[0]);
	close(p[1]);
}

static int nofile_limit(void *arg)
{
	struct rlimit rl = { 16, 16 };
	int fds[32], n = 0, fd, p[2];

	(void)arg;
	for (fd = 3; fd < 1024; fd++)
		close(fd);
	if (setrlimit(RLIMIT_NOFILE, &rl))
		return 1;
	while (n < 32 && (fd = open("/", O_RDONLY)) >= 0)
		fds[n++] = fd;
	if (n != 13 || errno != EMFILE) {
		say("# opened %d (want 13), then %s\n", n, strerror(errno));
		return 2;
	}
	if (dup(0) != -1 || errno != EMFILE)
		return 3;
	if (fcntl(0, F_DUPFD, 0) != -1 || errno != EMFILE)
		return 4;
	if (pipe(p) != -1 || errno != EMFILE)
		return 5;
	if (dup2(0, 15) != 15)
		return 6;
	if (dup2(0, 16) != -1 || errno != EBADF)
		return 7;
	close(fds[0]);
	close(15);
	if (pipe(p) != 0)
		return 8;
	/* Lowering the limit under open descriptors closes none of them. */
	rl.rlim_cur = 4;
	if (setrlimit(RLIMIT_NOFILE, &rl) || fcntl(15, F_GETFD) == -1)
		return 9;
	if (open("/", O_RDONLY) != -1 || errno != EMFILE)
		return 10;
	return 0;
}

static void limit(void)
{
	int status = in_child(nofile_limit, NULL);

	check(exited_with(status, 0),
	      "RLIMIT_NOFILE 16: 13 opens then EMFILE for open, dup, F_DUPFD, pipe; dup2 at the limit is EBADF; lowering it closes nothing",
	      "child %s (exit code: the failing step)", status_str(status));
}

static void ioctls(void)
{
	int fd = open_file("ioctl"), n = -1, on = 1, off = 0;

	write(fd, "0123456789", 10);
	lseek(fd, 4, SEEK_SET);
	check(ioctl(fd, FIONREAD, &n) == 0 && n == 6, "FIONREAD on a file: bytes from the offset to the end", "%d", n);
	check(ioctl(fd, FIONBIO, &on) == 0 && (fcntl(fd, F_GETFL) & O_NONBLOCK), "FIONBIO 1 sets O_NONBLOCK", "%#o",
	      fcntl(fd, F_GETFL));
	check(ioctl(fd, FIONBIO, &off) == 0 && !(fcntl(fd, F_GETFL) & O_NONBLOCK), "FIONBIO 0 clears it", "-");
	check(ioctl(fd, FIOCLEX) == 0 && fcntl(fd, F_GETFD) == FD_CLOEXEC, "FIOCLEX sets FD_CLOEXEC", "-");
	check(ioctl(fd, FIONCLEX) == 0 && fcntl(fd, F_GETFD) == 0, "FIONCLEX clears it", "-");
	check_errno(ioctl(fd, 0x5401 /* TCGETS */, &n), ENOTTY, "a terminal ioctl on a file is ENOTTY");
	check_errno(ioctl(fd, 0x12345678, &n), ENOTTY, "an unknown ioctl on a file is ENOTTY");
	check_errno(ioctl(-1, FIONREAD, &n), EBADF, "ioctl on -1 is EBADF");
	close(fd);
}

/* call must fail with EBADF (the descriptors it is given are closed). */
#define EBADF_CASE(what, call) check_errno((errno = 0, (call)), EBADF, what " on a closed descriptor is EBADF")

static void bad_everywhere(void)
{
	char buf[8];
	struct stat st;
	struct iovec iov = { buf, 1 };
	int n;

	close(77);
	EBADF_CASE("read", read(77, buf, 1));
	EBADF_CASE("write", write(77, buf, 1));
	EBADF_CASE("readv", readv(77, &iov, 1));
	EBADF_CASE("writev", writev(77, &iov, 1));
	EBADF_CASE("pread64", pread(77, buf, 1, 0));
	EBADF_CASE("pwrite64", pwrite(77, buf, 1, 0));
	EBADF_CASE("lseek", lseek(77, 0, SEEK_SET));
	EBADF_CASE("fstat", syscall(SYS_fstat, 77, &st));
	EBADF_CASE("fchdir", fchdir(77));
	EBADF_CASE("fchmod", syscall(SYS_fchmod, 77, 0644));
	EBADF_CASE("fchown", syscall(SYS_fchown, 77, 0, 0));
	EBADF_CASE("ftruncate", ftruncate(77, 0));
	EBADF_CASE("fsync", fsync(77));
	EBADF_CASE("fdatasync", fdatasync(77));
	EBADF_CASE("getdents64", syscall(SYS_getdents64, 77, buf, sizeof(buf)));
	EBADF_CASE("ioctl", ioctl(77, FIONREAD, &n));
	EBADF_CASE("fcntl", fcntl(77, F_GETFL));
	EBADF_CASE("close", close(77));
	EBADF_CASE("newfstatat(AT_EMPTY_PATH)", syscall(SYS_newfstatat, 77, "", &st, AT_EMPTY_PATH));
	EBADF_CASE("mkdirat", mkdirat(77, "x", 0755));
	EBADF_CASE("unlinkat", unlinkat(77, "x", 0));
	EBADF_CASE("faccessat", faccessat(77, "x", F_OK, 0));
	EBADF_CASE("fchmodat", fchmodat(77, "x", 0644, 0));
	EBADF_CASE("readlinkat", readlinkat(77, "x", buf, sizeof(buf)));
	EBADF_CASE("symlinkat", symlinkat("t", 77, "x"));
	EBADF_CASE("renameat", renameat(77, "x", AT_FDCWD, "y"));
	EBADF_CASE("linkat", linkat(AT_FDCWD, "/", 77, "y", 0));
}

/*
 * In Breenix PID 1 opens /dev/console (5:1, as Linux numbers it) as fds 0,
 * 1 and 2 and its children inherit them. On the host they are whatever ran
 * the test (a terminal, a pipe, a file): the case is Breenix's only.
 */
static void console(void)
{
	struct stat st, con;
	int ok = 0;

	if (!on_breenix()) {
		skip("fds 0, 1, 2 are /dev/console opened read-write", "guest only: on the host they are the caller's");
		return;
	}
	check(stat("/dev/console", &con) == 0 && S_ISCHR(con.st_mode) && con.st_rdev == makedev(5, 1),
	      "/dev/console is character device 5:1", "%s", strerror(errno));
	for (int fd = 0; fd < 3; fd++)
		ok += fstat(fd, &st) == 0 && S_ISCHR(st.st_mode) && st.st_rdev == con.st_rdev &&
		      (fcntl(fd, F_GETFL) & O_ACCMODE) == O_RDWR;
	check(ok == 3, "fds 0, 1, 2 are /dev/console opened read-write", "%d of 3", ok);
}

int main(int argc, char **argv)
{
	(void)argc;
	dir = self_dir(argv[0]);
	scratch_dir();
	dups();
	dup2s();
	fcntls();
	forks();
	cloexec_across_exec();
	limit();
	ioctls();
	bad_everywhere();
	console();
	return done();
}
