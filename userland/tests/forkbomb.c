/*
 * A fork bomb under RLIMIT_NPROC: an unprivileged user (uid 1000) with a
 * limit of 32 processes forks as fast as it can; fork must fail with EAGAIN
 * at the limit, the bomb must wind down, and afterwards the system must still
 * fork and exec, and the user's count must be back to zero. It needs root to
 * change uid, and never runs on a Linux host unless told to (--on-linux).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "tap.h"

#define LIMIT 32
#define FANOUT 8
#define DEPTH 6
#define BOMB_UID 1000

struct counts {
	int alive;
	int max_alive;
	int eagain;
	int other_errors;
	int release;
};

static struct counts *sh;

static void bomb(int depth)
{
	int now = __atomic_add_fetch(&sh->alive, 1, __ATOMIC_SEQ_CST), max = sh->max_alive;

	while (now > max && !__atomic_compare_exchange_n(&sh->max_alive, &max, now, false, __ATOMIC_SEQ_CST,
							 __ATOMIC_SEQ_CST))
		;
	for (int i = 0; i < FANOUT && depth < DEPTH; i++) {
		pid_t pid = fork();

		if (pid == 0) {
			bomb(depth + 1);
			_exit(0);
		}
		if (pid < 0) {
			__atomic_add_fetch(errno == EAGAIN ? &sh->eagain : &sh->other_errors, 1, __ATOMIC_SEQ_CST);
			break;
		}
	}
	while (wait(NULL) > 0)
		;
	__atomic_sub_fetch(&sh->alive, 1, __ATOMIC_SEQ_CST);
}

static int become_user(void)
{
	struct rlimit rl = { LIMIT, LIMIT };

	if (setrlimit(RLIMIT_NPROC, &rl))
		return 1;
	if (setgid(BOMB_UID) || setuid(BOMB_UID))
		return 2;
	return 0;
}

static int bomber(void *arg)
{
	int err = become_user();

	(void)arg;
	if (err)
		return err;
	bomb(0);
	return 0;
}

/* As the same user with the same limit: LIMIT - 2 children at once must fit again. */
static int refork(void *arg)
{
	pid_t pid;
	int n = 0, err = become_user();

	(void)arg;
	if (err)
		return err;
	for (; n < LIMIT - 2; n++) {
		pid = fork();
		if (pid == 0) {
			struct timespec ms = { 0, 1000000 };

			while (!__atomic_load_n(&sh->release, __ATOMIC_SEQ_CST))
				nanosleep(&ms, NULL);
			_exit(0);
		}
		if (pid < 0)
			break;
	}
	__atomic_store_n(&sh->release, 1, __ATOMIC_SEQ_CST);
	while (wait(NULL) > 0)
		;
	return n == LIMIT - 2 ? 0 : 3;
}

int main(int argc, char **argv)
{
	char nop[PATH_MAX];
	int status;
	pid_t pid;

	if (!on_breenix() && !(argc > 1 && strcmp(argv[1], "--on-linux") == 0)) {
		skip("fork bomb under RLIMIT_NPROC", "never on a Linux host (pass --on-linux to insist)");
		return done();
	}
	if (getuid() != 0) {
		skip("fork bomb under RLIMIT_NPROC", "needs root to become uid 1000");
		return done();
	}
	sh = mmap(NULL, sizeof(*sh), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (sh == MAP_FAILED) {
		fail("map the shared counters", "%s", strerror(errno));
		return done();
	}
	status = in_child(bomber, NULL);
	check(exited_with(status, 0), "the bomb ran as uid 1000 and wound down", "%s (1: setrlimit, 2: setuid)",
	      status_str(status));
	check(sh->eagain > 0, "fork failed with EAGAIN at the limit", "%d EAGAIN, %d other errors", sh->eagain,
	      sh->other_errors);
	check(sh->other_errors == 0, "and with nothing else", "%d other errors", sh->other_errors);
	check(sh->max_alive <= LIMIT, "never more than 32 of the user's processes at once", "%d at once",
	      sh->max_alive);
	say("# %d processes at most, %d refused forks\n", sh->max_alive, sh->eagain);
	check(sh->alive == 0, "every bomb process exited", "%d still counted", sh->alive);

	snprintf(nop, sizeof(nop), "%s/nop", self_dir(argv[0]));
	pid = fork();
	if (pid == 0) {
		execl(nop, "nop", "a", (char *)NULL);
		_exit(100);
	}
	waitpid(pid, &status, 0);
	check(exited_with(status, 1), "afterwards the system still forks and execs", "%s", status_str(status));
	status = in_child(refork, NULL);
	check(exited_with(status, 0), "and the user's process count is back to zero (30 children fit)", "%s",
	      status_str(status));
	return done();
}
