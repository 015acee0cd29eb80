/*
 * Bad user pointers to the issue-5 system calls: each call that Linux checks
 * returns EFAULT for an unmapped page, a kernel-half address, kernel text, a
 * non-canonical address and (for results) a read-only page, and the caller
 * lives on. Calls go through syscall() so libc never looks at the pointers.
 * Each runs in a child, so a kernel that kills instead of failing is caught.
 * Where Linux does not read a pointer (set_tid_address, an uninterrupted
 * nanosleep's remainder) the call succeeds, and that is checked too.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "tap.h"

#define PAGE 4096UL
#define ARCH_GET_FS 0x1003 /* asm/prctl.h */

static char *unmapped, *readonly, *none, *edge;
/* Linux opens the file before it reads argv and envp: this one exists. */
static char nop_path[4096];

/* Each takes the bad pointer and returns the raw syscall's result (errno set). */
static long t_execve_path(void *p)
{
	char *argv[] = { "x", NULL }, *envp[] = { NULL };

	return syscall(SYS_execve, p, argv, envp);
}

static long t_execve_argv(void *p)
{
	char *envp[] = { NULL };

	return syscall(SYS_execve, nop_path, p, envp);
}

static long t_execve_argv_elem(void *p)
{
	char *argv[] = { "x", p, NULL }, *envp[] = { NULL };

	return syscall(SYS_execve, nop_path, argv, envp);
}

static long t_execve_envp(void *p)
{
	char *argv[] = { "x", NULL };

	return syscall(SYS_execve, nop_path, argv, p);
}

static long reap_with(void *status, void *ru)
{
	pid_t pid = fork();
	long ret;
	int err;

	if (pid == 0)
		_exit(0);
	ret = syscall(SYS_wait4, pid, status, 0, ru);
	err = errno;
	/* Linux reaps the child before it fails to store the status. */
	if (ret == -1 && waitpid(pid, NULL, WNOHANG) != -1)
		return errno = 0, -2;
	errno = err;
	return ret;
}

static long t_wait4_status(void *p)
{
	return reap_with(p, NULL);
}

static long t_wait4_rusage(void *p)
{
	int status;

	return reap_with(&status, p);
}

static long t_waitid(void *p)
{
	pid_t pid = fork();

	if (pid == 0)
		_exit(0);
	return syscall(SYS_waitid, P_PID, pid, p, WEXITED, NULL);
}

static long t_clock_gettime(void *p)
{
	return syscall(SYS_clock_gettime, CLOCK_MONOTONIC, p);
}

static long t_clock_getres(void *p)
{
	return syscall(SYS_clock_getres, CLOCK_MONOTONIC, p);
}

static long t_gettimeofday_tv(void *p)
{
	return syscall(SYS_gettimeofday, p, NULL);
}

static long t_gettimeofday_tz(void *p)
{
	return syscall(SYS_gettimeofday, NULL, p);
}

static long t_time(void *p)
{
	return syscall(SYS_time, p);
}

static long t_times(void *p)
{
	return syscall(SYS_times, p);
}

static long t_getrusage(void *p)
{
	return syscall(SYS_getrusage, RUSAGE_SELF, p);
}

static long t_uname(void *p)
{
	return syscall(SYS_uname, p);
}

static long t_getrandom(void *p)
{
	return syscall(SYS_getrandom, p, 16, 0);
}

static long t_getrlimit(void *p)
{
	return syscall(SYS_getrlimit, RLIMIT_NOFILE, p);
}

static long t_setrlimit(void *p)
{
	return syscall(SYS_setrlimit, RLIMIT_NOFILE, p);
}

static long t_prlimit_new(void *p)
{
	return syscall(SYS_prlimit64, 0, RLIMIT_NOFILE, p, NULL);
}

static long t_prlimit_old(void *p)
{
	return syscall(SYS_prlimit64, 0, RLIMIT_NOFILE, NULL, p);
}

static long t_nanosleep(void *p)
{
	return syscall(SYS_nanosleep, p, NULL);
}

static long t_clock_nanosleep(void *p)
{
	return syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC, 0, p, NULL);
}

static long t_write(void *p)
{
	return syscall(SYS_write, 1, p, 16);
}

static long t_writev_iov(void *p)
{
	return syscall(SYS_writev, 1, p, 1);
}

static long t_writev_base(void *p)
{
	struct iovec iov = { p, 16 };

	return syscall(SYS_writev, 1, &iov, 1);
}

static long t_read(void *p)
{
	return syscall(SYS_read, 0, p, 16);
}

static long t_arch_prctl(void *p)
{
	return syscall(SYS_arch_prctl, ARCH_GET_FS, p);
}

/*
 * NO_EDGE: a buffer running off its mapping is a partial success on Linux
 * (bytes written before the fault, a shorter string) or depends on the file.
 */
enum { IN = 1, OUT = 2, KERNEL_ONLY = 4, NULL_OK = 8, NO_EDGE = 16 };

struct call {
	const char *name;
	long (*fn)(void *);
	int kind;	/* IN: the kernel reads it; OUT: it writes it; NULL_OK: NULL means "none" */
};

static const struct call calls[] = {
	{ "execve path", t_execve_path, IN | NO_EDGE },
	{ "execve argv", t_execve_argv, IN | NULL_OK },
	{ "execve argv[1]", t_execve_argv_elem, IN | NULL_OK | NO_EDGE },
	{ "execve envp", t_execve_envp, IN | NULL_OK },
	{ "wait4 status", t_wait4_status, OUT | NULL_OK },
	{ "wait4 rusage", t_wait4_rusage, OUT | NULL_OK },
	{ "waitid infop", t_waitid, OUT | NULL_OK },
	{ "clock_gettime", t_clock_gettime, OUT },
	{ "clock_getres", t_clock_getres, OUT | NULL_OK },
	{ "gettimeofday tv", t_gettimeofday_tv, OUT | NULL_OK },
	{ "gettimeofday tz", t_gettimeofday_tz, OUT | NULL_OK },
	{ "time", t_time, OUT | NULL_OK },
	{ "times", t_times, OUT | NULL_OK },
	{ "getrusage", t_getrusage, OUT },
	{ "uname", t_uname, OUT },
	{ "getrandom", t_getrandom, OUT | NO_EDGE },
	{ "getrlimit", t_getrlimit, OUT },
	{ "setrlimit", t_setrlimit, IN },
	{ "prlimit64 new", t_prlimit_new, IN | NULL_OK },
	{ "prlimit64 old", t_prlimit_old, OUT | NULL_OK },
	{ "nanosleep", t_nanosleep, IN },
	{ "clock_nanosleep", t_clock_nanosleep, IN },
	{ "write(1)", t_write, IN | NO_EDGE },
	{ "writev(1) iov", t_writev_iov, IN },
	{ "writev(1) iov_base", t_writev_base, IN | NO_EDGE },
	/*
	 * read(0) checks the range before it waits for input, so only
	 * addresses outside user space fail at once: a bad user address
	 * would first wait for console input.
	 */
	{ "read(0)", t_read, OUT | KERNEL_ONLY | NO_EDGE },
	{ "arch_prctl ARCH_GET_FS", t_arch_prctl, OUT },
};

struct bad {
	const char *what;
	char **ptr;
	int for_kind;	/* 0: any call; else only calls of this kind */
	bool user;	/* inside user space (not for KERNEL_ONLY calls) */
};

static char *kernel_half = KERNEL_PTR, *kernel_text = KERNEL_TEXT_PTR, *noncanon = NONCANON_PTR;
static char *lower_half_end = LOWER_HALF_END;
static char *null_ptr;

static const struct bad bads[] = {
	{ "NULL", &null_ptr, 0, true },
	{ "an unmapped page", &unmapped, 0, true },
	{ "a PROT_NONE page", &none, 0, true },
	{ "a read-only page", &readonly, OUT, true },
	{ "a buffer running off a mapping's end", &edge, 0, true },
	{ "0xffff800000000000 (kernel half)", &kernel_half, 0, false },
	{ "0xffffffff80000000 (kernel text)", &kernel_text, 0, false },
	{ "0x0100000000000000 (non-canonical)", &noncanon, 0, false },
	/* User space under 5-level paging: read(0) would wait for input there. */
	{ "0x0000800000000000 (past the 47-bit lower half)", &lower_half_end, 0, true },
};

struct job {
	const struct call *call;
	void *ptr;
};

static int run_job(void *arg)
{
	const struct job *job = arg;
	long ret;

	errno = 0;
	ret = job->call->fn(job->ptr);
	if (ret == -2)
		return 253;	/* EFAULT, but the child was left unreaped */
	return ret == -1 ? errno : 254;
}

static void one(const struct call *c, const struct bad *b)
{
	char name[160];
	struct job job = { c, *b->ptr };
	int status = in_child(run_job, &job);

	snprintf(name, sizeof(name), "%s with %s is EFAULT", c->name, b->what);
	check(exited_with(status, EFAULT), name, "%s (exit code: errno; 253: child left unreaped; 254: success)",
	      status_str(status));
}

static int set_tid_bad(void *arg)
{
	return syscall(SYS_set_tid_address, arg) == getpid() ? 0 : 1;
}

static int nanosleep_bad_rem(void *arg)
{
	struct timespec ts = { 0, 1000000 };

	return syscall(SYS_nanosleep, &ts, arg) == 0 ? 0 : errno;
}

static int optional_nulls(void *arg)
{
	(void)arg;
	if (syscall(SYS_clock_getres, CLOCK_MONOTONIC, NULL) != 0)
		return 1;
	if (syscall(SYS_gettimeofday, NULL, NULL) != 0)
		return 2;
	if (syscall(SYS_time, NULL) <= 0)
		return 3;
	if (syscall(SYS_times, NULL) == -1)
		return 4;
	if (syscall(SYS_prlimit64, 0, RLIMIT_NOFILE, NULL, NULL) != 0)
		return 5;
	if (reap_with(NULL, NULL) <= 0)
		return 6;
	return 0;
}

int main(int argc, char **argv)
{
	char *two;
	int status;

	(void)argc;
	snprintf(nop_path, sizeof(nop_path), "%s/nop", self_dir(argv[0]));
	unmapped = mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	readonly = mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	none = mmap(NULL, PAGE, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	two = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (unmapped == MAP_FAILED || readonly == MAP_FAILED || none == MAP_FAILED || two == MAP_FAILED ||
	    munmap(unmapped, PAGE) || munmap(two + PAGE, PAGE)) {
		fail("set up the bad pages", "%s", strerror(errno));
		return done();
	}
	/* 2 good bytes, then the unmapped page: no struct these calls use fits. */
	edge = two + PAGE - 2;

	for (size_t b = 0; b < sizeof(bads) / sizeof(bads[0]); b++) {
		for (size_t c = 0; c < sizeof(calls) / sizeof(calls[0]); c++) {
			int kind = calls[c].kind;

			if (bads[b].for_kind && !(kind & bads[b].for_kind))
				continue;
			if (bads[b].user && (kind & KERNEL_ONLY))
				continue;
			if (bads[b].ptr == &null_ptr && (kind & NULL_OK))
				continue;
			if (bads[b].ptr == &edge && (kind & NO_EDGE))
				continue;
			one(&calls[c], &bads[b]);
		}
	}
	status = in_child(set_tid_bad, KERNEL_PTR);
	check(exited_with(status, 0), "set_tid_address with a kernel pointer succeeds (Linux stores it unchecked)",
	      "%s", status_str(status));
	status = in_child(nanosleep_bad_rem, KERNEL_PTR);
	check(exited_with(status, 0), "nanosleep with a bad remainder pointer succeeds when not interrupted",
	      "%s", status_str(status));
	status = in_child(optional_nulls, NULL);
	check(exited_with(status, 0), "NULL is allowed for clock_getres, gettimeofday, time, times, prlimit64, wait4",
	      "%s (1-6: which call failed)", status_str(status));
	return done();
}
