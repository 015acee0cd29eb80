/*
 * The issue-5 benchmark: null system call, fork+exit+wait, fork+exec+wait
 * and the first-touch page fault, each timed RUNS times, reported as the
 * median cost per operation with the minimum and maximum as its spread.
 * The same static binary runs on Breenix and on Linux (tools/bench boots
 * both), one parseable line per figure:
 *   bench: NAME median_ns=M min_ns=A max_ns=B runs=R iters=I
 * Usage: bench [SCALE], SCALE multiplying the default iteration counts.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdarg.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define RUNS 7
#define PAGE 4096UL
#define FAULT_PAGES 8192 /* 32 MiB a run */

static char nop[PATH_MAX];

static long now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000L + ts.tv_nsec;
}

static int by_value(const void *a, const void *b)
{
	long x = *(const long *)a, y = *(const long *)b;

	return (x > y) - (x < y);
}

static void out(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* One write per line: fds 0-2 are the serial console in the guest. */
static void out(const char *fmt, ...)
{
	char line[256];
	va_list ap;
	int len;

	va_start(ap, fmt);
	len = vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	if (len > 0 && write(1, line, len < (int)sizeof(line) ? len : (int)sizeof(line) - 1) < 0)
		_exit(2);
}

/* Runs fn(iters) RUNS times; fn returns the elapsed ns, or -1 on failure. */
static void measure(const char *name, long (*fn)(long), long iters)
{
	long per_op[RUNS];

	for (int r = 0; r < RUNS; r++) {
		long ns = fn(iters);

		if (ns < 0) {
			out("bench: %s failed: %s\n", name, strerror(errno));
			return;
		}
		per_op[r] = ns / iters;
	}
	qsort(per_op, RUNS, sizeof(per_op[0]), by_value);
	out("bench: %s median_ns=%ld min_ns=%ld max_ns=%ld runs=%d iters=%ld\n", name, per_op[RUNS / 2],
	    per_op[0], per_op[RUNS - 1], RUNS, iters);
}

static long null_syscall(long iters)
{
	long t0 = now_ns();

	for (long i = 0; i < iters; i++) {
		long ret;

		/* getppid straight through the syscall instruction: no libc, no caching. */
		__asm__ volatile("syscall" : "=a"(ret) : "a"((long)SYS_getppid) : "rcx", "r11", "memory");
		(void)ret;
	}
	return now_ns() - t0;
}

static long fork_exit_wait(long iters)
{
	long t0 = now_ns();

	for (long i = 0; i < iters; i++) {
		int status;
		pid_t pid = fork();

		if (pid == 0)
			_exit(0);
		if (pid < 0 || waitpid(pid, &status, 0) != pid || status != 0)
			return -1;
	}
	return now_ns() - t0;
}

static long fork_exec_wait(long iters)
{
	char *argv[] = { "nop", NULL }, *envp[] = { NULL };
	long t0 = now_ns();

	for (long i = 0; i < iters; i++) {
		int status;
		pid_t pid = fork();

		if (pid == 0) {
			execve(nop, argv, envp);
			_exit(127);
		}
		if (pid < 0 || waitpid(pid, &status, 0) != pid || status != 0)
			return -1;
	}
	return now_ns() - t0;
}

/* iters pages of fresh anonymous memory, each touched once; the munmap is not timed. */
static long page_fault(long iters)
{
	char *p = mmap(NULL, iters * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	long t0, ns;

	if (p == MAP_FAILED)
		return -1;
	t0 = now_ns();
	for (long i = 0; i < iters; i++)
		((volatile char *)p)[i * PAGE] = 1;
	ns = now_ns() - t0;
	munmap(p, iters * PAGE);
	return ns;
}

int main(int argc, char **argv)
{
	long scale = argc > 1 ? atol(argv[1]) : 1;
	const char *slash = strrchr(argv[0], '/');
	struct utsname u;

	if (scale < 1)
		scale = 1;
	snprintf(nop, sizeof(nop), "%.*s/nop", slash ? (int)(slash - argv[0]) : 1, slash ? argv[0] : ".");
	uname(&u);
	out("bench: begin sysname=%s release=%s runs=%d scale=%ld\n", u.sysname, u.release, RUNS, scale);
	measure("null_syscall", null_syscall, 100000 * scale);
	measure("fork_exit_wait", fork_exit_wait, 200 * scale);
	measure("fork_exec_wait", fork_exec_wait, 100 * scale);
	measure("page_fault", page_fault, FAULT_PAGES * scale);
	out("bench: end\n");
	return 0;
}
