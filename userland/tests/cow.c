/*
 * Copy-on-write after fork: parent and child each see only their own writes,
 * through any number of sharers, and 100 children of a process with a 64 MiB
 * region, all alive at once and each writing one page, fit in a small guest
 * (a kernel that copied the region would need 6.4 GiB).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "tap.h"

#define PAGE 4096UL
#define REGION (64UL << 20)
#define REGION_PAGES (REGION / PAGE)
#define CHILDREN 100
#define SPREAD 163 /* pages between two children's pages: 100 * 163 < 16384 */
#define WAIT_LIMIT_S 120

static int global = 1;

/* State shared between the test and its children (a MAP_SHARED page). */
struct shared {
	volatile int ready;
	volatile int release;
	volatile int grandchild_done;
	volatile int grandchild_saw;
};

static struct shared *sh;

static void nap(void)
{
	struct timespec ts = { 0, 1000000 };

	nanosleep(&ts, NULL);
}

static void own_writes(void)
{
	char *anon = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	int status;
	pid_t pid;

	if (!check(anon != MAP_FAILED, "mmap a private page", "%s", strerror(errno)))
		return;
	global = 1;
	anon[0] = 'P';
	pid = fork();
	if (pid == 0) {
		if (global != 1 || anon[0] != 'P')
			_exit(1);
		global = 2;
		anon[0] = 'C';
		/* Give the parent time to write its own values, then look again. */
		for (int i = 0; i < 50 && !sh->release; i++)
			nap();
		_exit(global == 2 && anon[0] == 'C' ? 0 : 2);
	}
	global = 3;
	anon[0] = 'Q';
	sh->release = 1;
	waitpid(pid, &status, 0);
	sh->release = 0;
	check(exited_with(status, 0), "the child sees the parent's values, then only its own writes",
	      "child %s (1: wrong before writing, 2: saw the parent's later write)", status_str(status));
	check(global == 3 && anon[0] == 'Q', "the parent sees only its own writes",
	      "global %d, anon '%c'", global, anon[0]);
	munmap(anon, PAGE);
}

static void three_sharers(void)
{
	static int value;
	int status;
	pid_t pid;

	value = 10;
	sh->grandchild_done = 0;
	pid = fork();
	if (pid == 0) {
		pid_t me = getpid(), g = fork();

		if (g < 0)
			_exit(1);
		if (g == 0) {
			/* Outlive the child, then write a page that only the test still shares. */
			while (getppid() == me)
				nap();
			sh->grandchild_saw = value;
			value = 30;
			sh->grandchild_saw = sh->grandchild_saw * 100 + value;
			sh->grandchild_done = 1;
			_exit(0);
		}
		value = 20;
		_exit(value == 20 ? 0 : 2);
	}
	waitpid(pid, &status, 0);
	for (int i = 0; i < WAIT_LIMIT_S * 100 && !sh->grandchild_done; i++)
		nap();
	check(exited_with(status, 0), "a child's write is its own while a grandchild shares the page",
	      "%s", status_str(status));
	check(sh->grandchild_done && sh->grandchild_saw == 1030,
	      "an orphaned grandchild still reads the original value and then its own",
	      "done %d, saw %d (want 10 then 30)", sh->grandchild_done, sh->grandchild_saw);
	check(value == 10, "the parent still has its value", "value %d", value);
}

static int write_readonly(void *arg)
{
	*(volatile char *)arg = 'x';
	return 0;
}

static void readonly_stays_readonly(void)
{
	char *ro = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	int status;

	if (!check(ro != MAP_FAILED, "mmap a page to make read-only", "%s", strerror(errno)))
		return;
	ro[0] = 'r';
	mprotect(ro, PAGE, PROT_READ);
	status = in_child(write_readonly, ro);
	check(died_by(status, SIGSEGV), "a write to a read-only page after fork is SIGSEGV, not a copy",
	      "child %s", status_str(status));
	check(ro[0] == 'r', "the parent's read-only page is unchanged", "'%c'", ro[0]);
	munmap(ro, PAGE);
}

static int big_child(uint64_t *region, int i)
{
	size_t mine = (size_t)i * SPREAD, next = (size_t)(i + 1) * SPREAD;

	if (region[mine * 512] != mine)
		return 1;
	region[mine * 512] = 0xc0de0000 + i;
	__atomic_add_fetch(&sh->ready, 1, __ATOMIC_SEQ_CST);
	while (!sh->release)
		nap();
	/* Every other child has written its page by now. */
	if (region[mine * 512] != 0xc0de0000UL + i)
		return 2;
	if (region[next * 512] != next || region[next * 512 + 511] != ~next)
		return 3;
	return 0;
}

static void hundred_children(void)
{
	uint64_t *region = mmap(NULL, REGION, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	pid_t pids[CHILDREN];
	int forked, bad = 0, status, waited;
	struct timespec t0, t1;

	if (!check(region != MAP_FAILED, "mmap a 64 MiB private region", "%s", strerror(errno)))
		return;
	for (size_t p = 0; p < REGION_PAGES; p++) {
		region[p * 512] = p;
		region[p * 512 + 511] = ~p;
	}
	sh->ready = 0;
	sh->release = 0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (forked = 0; forked < CHILDREN; forked++) {
		pids[forked] = fork();
		if (pids[forked] == 0)
			_exit(big_child(region, forked));
		if (pids[forked] < 0)
			break;
	}
	check(forked == CHILDREN, "fork 100 children of a process with 64 MiB touched",
	      "fork %d failed: %s", forked, strerror(errno));
	for (waited = 0; waited < WAIT_LIMIT_S * 100 && sh->ready < forked; waited++)
		nap();
	check(sh->ready == forked, "all children alive at once, each has written its page",
	      "%d of %d ready", sh->ready, forked);
	sh->release = 1;
	for (int i = 0; i < forked; i++) {
		waitpid(pids[i], &status, 0);
		if (!exited_with(status, 0)) {
			if (!bad)
				say("# child %d %s (1: wrong before write, 2: lost its write, "
				    "3: saw another's write)\n", i, status_str(status));
			bad++;
		}
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	check(bad == 0, "each child saw the parent's data, its own write, and no other child's",
	      "%d children failed", bad);
	for (size_t p = 0; p < REGION_PAGES; p++)
		if (region[p * 512] != p || region[p * 512 + 511] != ~p)
			bad++;
	check(bad == 0, "the parent's 64 MiB are unchanged", "%d pages differ", bad);
	say("# 100 forks of a 64 MiB process: %ld ms\n",
	    (long)((t1.tv_sec - t0.tv_sec) * 1000 + (t1.tv_nsec - t0.tv_nsec) / 1000000));
	munmap(region, REGION);
}

int main(void)
{
	sh = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (sh == MAP_FAILED) {
		fail("mmap a shared page for coordination", "%s", strerror(errno));
		return done();
	}
	own_writes();
	three_sharers();
	readonly_stays_readonly();
	hundred_children();
	return done();
}
