/*
 * Result reporting and process helpers for the user-mode test programs (see
 * tap.h): TAP-like lines on fd 1 and small wrappers around fork and wait.
 */
#define _GNU_SOURCE
#include "tap.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

static struct counts {
	int cases, failed, skipped;
} own, *counts = &own;

static void vsay(const char *fmt, va_list ap)
{
	char line[1024];
	int len = vsnprintf(line, sizeof(line), fmt, ap);
	size_t off = 0;

	if (len < 0)
		return;
	if ((size_t)len >= sizeof(line))
		len = sizeof(line) - 1;
	while (off < (size_t)len) {
		ssize_t n = write(1, line + off, len - off);

		if (n <= 0 && errno != EINTR)
			return;
		if (n > 0)
			off += n;
	}
}

void say(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsay(fmt, ap);
	va_end(ap);
}

static void vresult(bool cond, const char *name, const char *fmt, va_list ap)
{
	char detail[768];

	counts->cases++;
	if (cond) {
		say("ok %d - %s\n", counts->cases, name);
		return;
	}
	counts->failed++;
	vsnprintf(detail, sizeof(detail), fmt, ap);
	say("not ok %d - %s: %s\n", counts->cases, name, detail);
}

bool check(bool cond, const char *name, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vresult(cond, name, fmt, ap);
	va_end(ap);
	return cond;
}

void fail(const char *name, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vresult(false, name, fmt, ap);
	va_end(ap);
}

void skip(const char *name, const char *why)
{
	counts->cases++;
	counts->skipped++;
	say("ok %d - %s # SKIP %s\n", counts->cases, name, why);
}

int done(void)
{
	say("1..%d\n", counts->cases);
	say("# %d passed, %d failed, %d skipped\n", counts->cases - counts->failed - counts->skipped, counts->failed,
	    counts->skipped);
	return counts->failed ? 1 : 0;
}

void tap_share(void)
{
	struct counts *shared = mmap(NULL, sizeof(*shared), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);

	if (shared == MAP_FAILED) {
		say("# tap_share: mmap: %s\n", strerror(errno));
		exit(2);
	}
	*shared = own;
	counts = shared;
}

bool check_errno(long ret, int err, const char *name)
{
	int got = errno;

	return check(ret == -1 && got == err, name, "ret %ld, errno %d (%s), want %d (%s)", ret,
		     ret == -1 ? got : 0, ret == -1 ? strerror(got) : "-", err, strerror(err));
}

bool check_ok(long ret, const char *name)
{
	return check(ret != -1, name, "%s", strerror(errno));
}

static char scratch[PATH_MAX];
static pid_t scratch_owner;

static int remove_one(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
	(void)st;
	(void)ftw;
	if (type == FTW_DP)
		rmdir(path);
	else
		unlink(path);
	return 0;
}

/* Opens a directory tree for nftw after a test left it unsearchable. */
static int open_up(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
	(void)ftw;
	if (type == FTW_D || type == FTW_DNR)
		chmod(path, (st->st_mode & 07777) | 0700);
	return 0;
}

void remove_tree(const char *path)
{
	chmod(path, 0700);
	nftw(path, open_up, 16, FTW_PHYS);
	nftw(path, remove_one, 16, FTW_DEPTH | FTW_PHYS);
}

static void remove_scratch(void)
{
	if (getpid() == scratch_owner)
		remove_tree(scratch);
}

const char *scratch_dir(void)
{
	const char *base = getenv("TMPDIR");

	if (scratch[0])
		return scratch;
	if (!base || !*base)
		base = "/tmp";
	/* A machine booted with a bare root has no /tmp: make it as Linux's is. */
	if (mkdir(base, 01777) == 0)
		chmod(base, 01777);
	snprintf(scratch, sizeof(scratch), "%s/breenix-test-XXXXXX", base);
	if (!mkdtemp(scratch)) {
		say("# cannot make a scratch directory in %s: %s\n", base, strerror(errno));
		exit(2);
	}
	scratch_owner = getpid();
	atexit(remove_scratch);
	return scratch;
}

const char *tpath(const char *fmt, ...)
{
	static char bufs[8][PATH_MAX];
	static int next;
	char *buf = bufs[next++ % 8];
	int len = snprintf(buf, PATH_MAX, "%s/", scratch_dir());
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf + len, PATH_MAX - len, fmt, ap);
	va_end(ap);
	return buf;
}

bool on_breenix(void)
{
	struct utsname u;

	return uname(&u) == 0 && strcmp(u.sysname, "Breenix") == 0;
}

int in_child(int (*fn)(void *), void *arg)
{
	int status;
	pid_t pid = fork();

	if (pid < 0)
		return -1;
	if (pid == 0)
		_exit(fn(arg));
	while (waitpid(pid, &status, 0) < 0) {
		if (errno != EINTR)
			return -1;
	}
	return status;
}

void check_children(int (*fn)(void *), const struct child_case *cases, int n)
{
	int i, st;

	for (i = 0; i < n; i++) {
		st = in_child(fn, (void *)(intptr_t)i);
		check(cases[i].sig ? died_by(st, cases[i].sig) : exited_with(st, 0), cases[i].name,
		      "%s", status_str(st));
	}
}

const char *status_str(int status)
{
	static char buf[64];

	if (status == -1)
		snprintf(buf, sizeof(buf), "fork/wait failed: %s", strerror(errno));
	else if (WIFEXITED(status))
		snprintf(buf, sizeof(buf), "exited %d", WEXITSTATUS(status));
	else if (WIFSIGNALED(status))
		snprintf(buf, sizeof(buf), "killed by signal %d (%s)", WTERMSIG(status),
			 strsignal(WTERMSIG(status)));
	else
		snprintf(buf, sizeof(buf), "wait status %#x", status);
	return buf;
}

bool died_by(int status, int sig)
{
	return status != -1 && WIFSIGNALED(status) && WTERMSIG(status) == sig;
}

bool exited_with(int status, int code)
{
	return status != -1 && WIFEXITED(status) && WEXITSTATUS(status) == code;
}

const char *self_dir(const char *argv0)
{
	static char dir[PATH_MAX];
	const char *slash = strrchr(argv0, '/');

	if (!slash)
		return ".";
	if (slash == argv0)
		return "/";
	snprintf(dir, sizeof(dir), "%.*s", (int)(slash - argv0), argv0);
	return dir;
}

int make_file(const char *path, const char *content)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	ssize_t n;

	if (fd < 0)
		return -1;
	n = write(fd, content, strlen(content));
	close(fd);
	return n == (ssize_t)strlen(content) ? 0 : -1;
}

const char *file_contents(const char *path)
{
	static char buf[4096];
	int fd = open(path, O_RDONLY);
	ssize_t n = fd < 0 ? -1 : read(fd, buf, sizeof(buf) - 1);

	if (fd >= 0)
		close(fd);
	buf[n > 0 ? n : 0] = 0;
	return buf;
}
