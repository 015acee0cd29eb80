/*
 * 10,000 fork+exit+wait cycles (and 500 fork+exec+wait) one after another:
 * every one must succeed with the right status and leave no child behind.
 * Whether they leaked memory is for the kernel to say (the guest harness
 * compares free pages); sysinfo's free RAM is printed where it exists.
 * Usage: forkloop [FORKS [EXECS]].
 */
#define _GNU_SOURCE
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/sysinfo.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "tap.h"

static long ms_since(const struct timespec *t0)
{
	struct timespec t1;

	clock_gettime(CLOCK_MONOTONIC, &t1);
	return (t1.tv_sec - t0->tv_sec) * 1000 + (t1.tv_nsec - t0->tv_nsec) / 1000000;
}

/*
 * A reaped child may still be on its way off the CPU (it wakes its parent
 * before its last switch, as on Linux), its kernel stack freed just after:
 * let it finish before counting.
 */
static void free_ram(const char *when)
{
	struct timespec settle = { 0, 50 * 1000 * 1000 };
	struct sysinfo si;

	nanosleep(&settle, NULL);
	if (syscall(SYS_sysinfo, &si) == 0)
		say("# free RAM %s: %lu KiB\n", when, (unsigned long)(si.freeram * si.mem_unit / 1024));
	else
		say("# free RAM %s: sysinfo: %s\n", when, strerror(errno));
}

/* fork, exec nop, wait: its wait status, or -errno. */
static int run_nop(const char *nop)
{
	char *args[] = { "nop", "x", NULL }, *env[] = { NULL };
	int status;
	pid_t pid = fork();

	if (pid < 0)
		return -errno;
	if (pid == 0) {
		execve(nop, args, env);
		_exit(100);
	}
	if (waitpid(pid, &status, 0) != pid)
		return -errno;
	return status;
}

static void warm_up(const char *nop)
{
	int i;

	for (i = 0; i < 16; i++) {
		pid_t pid = fork();

		if (pid == 0)
			_exit(0);
		if (pid > 0)
			waitpid(pid, NULL, 0);
		run_nop(nop);
	}
}

int main(int argc, char **argv)
{
	long forks = argc > 1 ? atol(argv[1]) : 10000, execs = argc > 2 ? atol(argv[2]) : 500;
	char nop[PATH_MAX], name[96];
	long bad = 0, i;
	int status = 0, last = 0;
	struct timespec t0;

	snprintf(nop, sizeof(nop), "%s/nop", self_dir(argv[0]));
	/* Caches the loops fill once (slabs, dentries of nop's path) first. */
	warm_up(nop);
	free_ram("before");
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (i = 0; i < forks; i++) {
		pid_t pid = fork();

		if (pid == 0)
			_exit(i & 0xff);
		if (pid < 0 || waitpid(pid, &status, 0) != pid || !exited_with(status, i & 0xff)) {
			last = pid < 0 ? -errno : status;
			bad++;
		}
	}
	snprintf(name, sizeof(name), "%ld fork+exit+wait cycles", forks);
	check(bad == 0, name, "%ld failed, the last with %d", bad, last);
	say("# %ld fork+exit+wait: %ld ms\n", forks, ms_since(&t0));

	bad = 0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (i = 0; i < execs; i++) {
		status = run_nop(nop);
		if (status < 0 || !exited_with(status, 1)) {
			last = status;
			bad++;
		}
	}
	snprintf(name, sizeof(name), "%ld fork+exec+wait cycles", execs);
	check(bad == 0, name, "%ld failed, the last with %d", bad, last);
	say("# %ld fork+exec+wait: %ld ms\n", execs, ms_since(&t0));
	errno = 0;
	check(waitpid(-1, &status, WNOHANG) == -1 && errno == ECHILD, "no child is left behind", "errno %s",
	      strerror(errno));
	free_ram("after");
	return done();
}
