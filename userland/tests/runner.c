/*
 * The in-guest test runner, started as PID 1 with "init=/test/runner TEST
 * [ARGS...]" (or "all" for every issue-5 test in turn): it runs each test
 * program from its own directory, reaps it and any orphans handed to it,
 * prints one result line per test and a summary, and powers the machine off
 * (QEMU then exits). As PID 1 it first mounts what init would: procfs on
 * /proc and the device filesystem on /dev where they are missing. Run as
 * any other pid (on a host), it just exits with the verdict: 0 if every
 * test passed.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "tap.h"

/* include/uapi/linux/reboot.h */
#define LINUX_REBOOT_MAGIC1 0xfee1dead
#define LINUX_REBOOT_MAGIC2 672274793
#define LINUX_REBOOT_CMD_POWER_OFF 0x4321fedc

/* How long orphans left by a test may take to finish before the runner gives up on them. */
#define ORPHAN_WAIT_MS 30000

extern char **environ;

/* "all": the issue-5 tests, space-separated, basics first (from userland/CMakeLists.txt). */
static const char all_tests[] = RUNNER_ALL;

static const char *dir;
static int orphans;

static long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Runs DIR/name with args and returns its wait status (or -1); reaps orphans meanwhile. */
static int run(const char *name, char *const args[], int nargs)
{
	char path[PATH_MAX];
	char *argv[64];
	int status;
	pid_t pid, got;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	argv[0] = path;
	for (int i = 0; i < nargs && i < 62; i++)
		argv[i + 1] = args[i];
	argv[nargs < 62 ? nargs + 1 : 63] = NULL;
	pid = fork();
	if (pid == 0) {
		execve(path, argv, environ);
		say("runner: cannot exec %s: %s\n", path, strerror(errno));
		_exit(127);
	}
	if (pid < 0) {
		say("runner: fork: %s\n", strerror(errno));
		return -1;
	}
	while ((got = wait(&status)) != pid) {
		if (got < 0 && errno != EINTR) {
			say("runner: wait: %s\n", strerror(errno));
			return -1;
		}
		if (got > 0)
			orphans++;
	}
	return status;
}

/* Waits (bounded) for every remaining child: orphans reparented to us. */
static void reap_orphans(void)
{
	long deadline = now_ms() + ORPHAN_WAIT_MS;
	struct timespec ms10 = { 0, 10000000 };
	pid_t got;

	for (;;) {
		got = waitpid(-1, NULL, WNOHANG);
		if (got > 0) {
			orphans++;
			continue;
		}
		if (got < 0 || now_ms() > deadline)
			break;
		nanosleep(&ms10, NULL);
	}
	if (got == 0)
		say("runner: orphans still running after %d s\n", ORPHAN_WAIT_MS / 1000);
	say("runner: reaped %d orphans\n", orphans);
}

/* Mounts fstype on dir unless probe already exists (a kernel may mount it itself). */
static void mount_missing(const char *dir, const char *probe, const char *const fstypes[])
{
	if (access(probe, F_OK) == 0)
		return;
	mkdir(dir, 0755);
	for (int i = 0; fstypes[i]; i++) {
		if (mount(fstypes[i], dir, fstypes[i], 0, NULL) == 0)
			return;
	}
	say("runner: cannot mount %s on %s: %s\n", fstypes[0], dir, strerror(errno));
}

static bool report(const char *name, int status, long ms)
{
	bool ok = exited_with(status, 0);

	say("runner: %s: %s (%s, status %#x, %ld ms)\n", name, ok ? "PASS" : "FAIL", status_str(status),
	    status == -1 ? 0 : status, ms);
	return ok;
}

int main(int argc, char **argv)
{
	int passed = 0, failed = 0;

	dir = self_dir(argv[0]);
	if (getpid() == 1) {
		/* Linux calls its device filesystem devtmpfs; Breenix's may be devfs. */
		mount_missing("/proc", "/proc/self", (const char *const[]){ "proc", NULL });
		mount_missing("/dev", "/dev/null", (const char *const[]){ "devtmpfs", "devfs", NULL });
	}
	if (argc < 2) {
		say("runner: usage: runner TEST [ARGS...] | runner all\n");
		failed = 1;
	} else if (strcmp(argv[1], "all") == 0) {
		char list[sizeof(all_tests)], *save = NULL;

		memcpy(list, all_tests, sizeof(list));
		for (char *name = strtok_r(list, " ", &save); name; name = strtok_r(NULL, " ", &save)) {
			long t0 = now_ms();
			int status;

			say("runner: running %s\n", name);
			status = run(name, NULL, 0);
			if (report(name, status, now_ms() - t0))
				passed++;
			else
				failed++;
		}
	} else {
		long t0 = now_ms();
		int status;

		say("runner: running %s\n", argv[1]);
		status = run(argv[1], argv + 2, argc - 2);
		if (report(argv[1], status, now_ms() - t0))
			passed++;
		else
			failed++;
	}
	reap_orphans();
	say("runner: finished: %d passed, %d failed\n", passed, failed);
	if (getpid() != 1)
		return failed ? 1 : 0;
	say("runner: powering off\n");
	syscall(SYS_reboot, LINUX_REBOOT_MAGIC1, LINUX_REBOOT_MAGIC2, LINUX_REBOOT_CMD_POWER_OFF, NULL);
	say("runner: reboot(POWER_OFF): %s\n", strerror(errno));
	return 1;
}
