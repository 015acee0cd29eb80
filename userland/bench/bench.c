/*
 * The benchmark: null system call, fork+exit+wait, fork+exec+wait and the
 * first-touch page fault (issue 5); open+close, stat, a 4 KiB read of
 * /dev/zero, a one-byte pipe round trip between two processes and a 64 KiB
 * pipe transfer (issue 6); installing a signal handler and delivering a
 * signal to it with raise (issue 8). Each is timed RUNS times, reported as the
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
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define RUNS 7
#define PAGE 4096UL
#define FAULT_PAGES 8192 /* 32 MiB a run */
#define PIPE_CHUNK 65536

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

/* open and close of an existing file (the nop program: it exists on both systems). */
static long open_close(long iters)
{
	long t0 = now_ns();

	for (long i = 0; i < iters; i++) {
		int fd = open(nop, O_RDONLY);

		if (fd < 0)
			return -1;
		close(fd);
	}
	return now_ns() - t0;
}

static long stat_file(long iters)
{
	struct stat st;
	long t0 = now_ns();

	for (long i = 0; i < iters; i++) {
		if (stat(nop, &st))
			return -1;
	}
	return now_ns() - t0;
}

static long read_zero(long iters)
{
	static char buf[4096];
	int fd = open("/dev/zero", O_RDONLY);
	long t0 = now_ns(), ns;

	if (fd < 0)
		return -1;
	for (long i = 0; i < iters; i++) {
		if (read(fd, buf, sizeof(buf)) != sizeof(buf)) {
			close(fd);
			return -1;
		}
	}
	ns = now_ns() - t0;
	close(fd);
	return ns;
}

/* A child echoes each byte from ping back on pong until EOF; iters round trips. */
static long pipe_latency(long iters)
{
	int ping[2], pong[2], status;
	long t0, ns;
	char c = 'x';
	pid_t pid;

	if (pipe(ping) || pipe(pong))
		return -1;
	pid = fork();
	if (pid == 0) {
		close(ping[1]);
		close(pong[0]);
		while (read(ping[0], &c, 1) == 1) {
			if (write(pong[1], &c, 1) != 1)
				_exit(1);
		}
		_exit(0);
	}
	close(ping[0]);
	close(pong[1]);
	t0 = now_ns();
	for (long i = 0; i < iters; i++) {
		if (write(ping[1], &c, 1) != 1 || read(pong[0], &c, 1) != 1) {
			iters = -1;
			break;
		}
	}
	ns = now_ns() - t0;
	close(ping[1]);
	close(pong[0]);
	if (pid < 0 || waitpid(pid, &status, 0) != pid || status != 0 || iters < 0)
		return -1;
	return ns;
}

/* iters writes of PIPE_CHUNK bytes to a child that reads them all; timed until it has. */
static long pipe_bandwidth(long iters)
{
	static char buf[PIPE_CHUNK];
	int p[2], status;
	long t0;
	pid_t pid;

	if (pipe(p))
		return -1;
	pid = fork();
	if (pid == 0) {
		long left = iters * PIPE_CHUNK;
		ssize_t n;

		close(p[1]);
		while ((n = read(p[0], buf, sizeof(buf))) > 0)
			left -= n;
		_exit(left == 0 ? 0 : 1);
	}
	close(p[0]);
	t0 = now_ns();
	for (long i = 0; i < iters && pid > 0; i++) {
		for (size_t off = 0; off < sizeof(buf);) {
			ssize_t n = write(p[1], buf + off, sizeof(buf) - off);

			if (n <= 0) {
				iters = -1;
				break;
			}
			off += n;
		}
		if (iters < 0)
			break;
	}
	close(p[1]);
	if (pid < 0 || waitpid(pid, &status, 0) != pid || status != 0 || iters < 0)
		return -1;
	return now_ns() - t0;
}

static void on_signal(int sig)
{
	(void)sig;
}

/* rt_sigaction alone: the handler swapped between two values. */
static long sig_install(long iters)
{
	struct sigaction sa = { .sa_handler = on_signal }, dfl = { .sa_handler = SIG_DFL };
	long t0 = now_ns();

	for (long i = 0; i < iters; i++)
		if (sigaction(SIGUSR1, i & 1 ? &dfl : &sa, NULL))
			return -1;
	return now_ns() - t0;
}

/* raise, the frame, the handler and rt_sigreturn: one signal caught. */
static long sig_deliver(long iters)
{
	struct sigaction sa = { .sa_handler = on_signal };
	long t0;

	if (sigaction(SIGUSR1, &sa, NULL))
		return -1;
	t0 = now_ns();
	for (long i = 0; i < iters; i++)
		raise(SIGUSR1);
	t0 = now_ns() - t0;
	signal(SIGUSR1, SIG_DFL);
	return t0;
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
	measure("open_close", open_close, 10000 * scale);
	measure("stat", stat_file, 20000 * scale);
	measure("read_zero_4k", read_zero, 20000 * scale);
	measure("pipe_latency", pipe_latency, 2000 * scale);
	measure("pipe_64k", pipe_bandwidth, 256 * scale);
	measure("sig_install", sig_install, 20000 * scale);
	measure("sig_deliver", sig_deliver, 20000 * scale);
	out("bench: end\n");
	return 0;
}
