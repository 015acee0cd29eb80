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

#include "badptr.h"
#include "tap.h"

#define ARCH_GET_FS 0x1003 /* asm/prctl.h */

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

static const struct badptr_call calls[] = {
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
	int status;

	(void)argc;
	snprintf(nop_path, sizeof(nop_path), "%s/nop", self_dir(argv[0]));
	if (badptr_setup())
		return done();
	badptr_run(calls, sizeof(calls) / sizeof(calls[0]));
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
