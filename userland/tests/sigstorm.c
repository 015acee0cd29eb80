/*
 * A signal storm: two processes exchange 100,000 signals. Real-time ones
 * sent with sigqueue all arrive, in order, with their values (taken by
 * sigwaitinfo one way, by a handler the other); standard ones sent among
 * them coalesce. RLIMIT_SIGPENDING bounds the queue (EAGAIN), the count
 * comes back to zero afterwards, and no memory stays behind.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tap.h"

/* Each way; a standard signal rides along every STD_EVERY real-time one. */
#define STORM		50000
#define STD_EVERY	10
#define LIMIT		64	/* RLIMIT_SIGPENDING for the limit case */
#define LONE_UID	47213	/* a user no other process runs as */

#define SIG_DATA	(SIGRTMIN)
#define SIG_END		(SIGRTMIN + 1)

/* sigqueue, waiting while the receiver's queue is full (EAGAIN). */
static int send_value(pid_t pid, int sig, int value)
{
	while (sigqueue(pid, sig, (union sigval){ .sival_int = value }) < 0) {
		if (errno != EAGAIN)
			return -1;
		sched_yield();
	}
	return 0;
}

/* STORM values 0.. of SIG_DATA with @std now and then, then SIG_END. */
static int send_storm(pid_t pid, int std)
{
	int i;

	for (i = 0; i < STORM; i++) {
		if (send_value(pid, SIG_DATA, i))
			return -1;
		if (i % STD_EVERY == 0 && kill(pid, std))
			return -1;
	}
	return send_value(pid, SIG_END, STORM);
}

struct tally {
	int next;	/* the value expected next */
	int wrong;	/* values out of order, or from the wrong sender */
	int std;	/* standard signals taken */
	int end;	/* SIG_END's value, or -1 */
};

static void count(struct tally *t, int sig, const siginfo_t *si, pid_t from)
{
	if (sig == SIG_END) {
		t->end = si->si_value.sival_int;
	} else if (sig == SIG_DATA) {
		if (si->si_value.sival_int != t->next || si->si_pid != from ||
		    si->si_code != SI_QUEUE)
			t->wrong++;
		t->next = si->si_value.sival_int + 1;
	} else {
		t->std++;
	}
}

static void sigs(sigset_t *set, int std)
{
	sigemptyset(set);
	sigaddset(set, SIG_DATA);
	sigaddset(set, SIG_END);
	sigaddset(set, std);
}

static void check_tally(const struct tally *t, const char *how)
{
	char name[128];

	snprintf(name, sizeof(name), "%s: %d real-time signals, all in order, none lost", how, STORM);
	check(t->next == STORM && !t->wrong && t->end == STORM, name,
	      "next %d, %d out of order, end %d", t->next, t->wrong, t->end);
	snprintf(name, sizeof(name), "%s: standard signals among them: some taken, none twice (1..%d)", how,
		 STORM / STD_EVERY);
	check(t->std >= 1 && t->std <= STORM / STD_EVERY, name, "%d taken", t->std);
}

/* The child sends; the parent takes each with sigwaitinfo. */
static void storm_to_parent(void)
{
	struct tally t = { .end = -1 };
	sigset_t set;
	siginfo_t si;
	pid_t pid;
	int sig, st;

	sigs(&set, SIGUSR1);
	sigprocmask(SIG_BLOCK, &set, NULL);
	pid = fork();
	if (pid == 0)
		_exit(send_storm(getppid(), SIGUSR1) ? 1 : 0);
	while (t.end < 0 && (sig = sigwaitinfo(&set, &si)) > 0)
		count(&t, sig, &si, pid);
	check_tally(&t, "sigwaitinfo");
	check(waitpid(pid, &st, 0) == pid && exited_with(st, 0), "sigwaitinfo: the sender is fine",
	      "%s", status_str(st));
	sigprocmask(SIG_UNBLOCK, &set, NULL);
}

static struct tally child_tally;

static void on_storm(int sig, siginfo_t *si, void *uc)
{
	(void)uc;
	count(&child_tally, sig, si, getppid());
}

/* The child's side: handlers count what the parent sends; the tally is its exit. */
static int take_storm(int ready)
{
	struct sigaction sa;
	sigset_t set, old;

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = on_storm;
	sa.sa_flags = SA_SIGINFO | SA_RESTART;
	sigs(&sa.sa_mask, SIGUSR2);
	sigs(&set, SIGUSR2);
	sigprocmask(SIG_BLOCK, &set, &old);
	sigaction(SIG_DATA, &sa, NULL);
	sigaction(SIG_END, &sa, NULL);
	sigaction(SIGUSR2, &sa, NULL);
	child_tally.end = -1;
	if (write(ready, "r", 1) != 1)
		return 3;
	while (child_tally.end < 0)
		sigsuspend(&old);
	if (child_tally.next != STORM || child_tally.wrong || child_tally.end != STORM)
		return 1;
	return child_tally.std >= 1 && child_tally.std <= STORM / STD_EVERY ? 0 : 2;
}

static void storm_to_child(void)
{
	int p[2], st;
	char c;
	pid_t pid;

	if (pipe(p))
		return fail("handlers", "pipe: %s", strerror(errno));
	pid = fork();
	if (pid == 0)
		_exit(take_storm(p[1]));
	close(p[1]);
	if (read(p[0], &c, 1) != 1 || send_storm(pid, SIGUSR2))
		fail("handlers: sending", "%s", strerror(errno));
	close(p[0]);
	check(waitpid(pid, &st, 0) == pid && exited_with(st, 0),
	      "handlers: every real-time signal in order, standard ones taken, none twice",
	      "%s (1: real-time wrong, 2: standard count)", status_str(st));
}

/* Queues SIG_DATA to itself until EAGAIN: how many went in (-1: error). */
static int fill_queue(void)
{
	int n = 0;

	while (sigqueue(getpid(), SIG_DATA, (union sigval){ .sival_int = n }) == 0)
		if (++n > 100 * LIMIT)
			return -1;
	return errno == EAGAIN ? n : -1;
}

/*
 * Exit 0: exactly LIMIT queued, then EAGAIN, while standard signals and
 * kill()'s real-time one still go through (without their siginfo); all
 * taken, the next sigqueue works again.
 */
static int limit_child(void *arg)
{
	struct rlimit rl = { LIMIT, LIMIT };
	struct timespec zero = { 0, 0 };
	sigset_t set;
	siginfo_t si;
	int n, taken = 0;

	(void)arg;
	sigs(&set, SIGUSR1);
	sigaddset(&set, SIGRTMIN + 2);
	sigprocmask(SIG_BLOCK, &set, NULL);
	/* The count is the user's: as root, become a user with nothing queued. */
	if (setrlimit(RLIMIT_SIGPENDING, &rl) || (getuid() == 0 && setuid(LONE_UID)))
		return 10;
	n = fill_queue();
	if (n != LIMIT)
		return n < 0 ? 11 : 12;
	if (sigqueue(getpid(), SIGUSR1, (union sigval){ 0 }) || kill(getpid(), SIGRTMIN + 2))
		return 13;
	while (sigtimedwait(&set, &si, &zero) > 0)
		taken++;
	if (taken != LIMIT + 2)
		return 14;
	return sigqueue(getpid(), SIG_DATA, (union sigval){ 0 }) == 0 ? 0 : 15;
}

static void check_limit(const char *name)
{
	int st = in_child(limit_child, NULL);

	check(exited_with(st, 0), name, "%s", status_str(st));
}

/* MemFree of /proc/meminfo in KiB, or -1. */
static long mem_free(void)
{
	const char *s = strstr(file_contents("/proc/meminfo"), "MemFree:");

	return s ? strtol(s + 8, NULL, 10) : -1;
}

int main(void)
{
	long before, after;

	check_limit("RLIMIT_SIGPENDING: EAGAIN after the limit, standard and kill() still go");
	before = mem_free();
	storm_to_parent();
	storm_to_child();
	check_errno(wait(NULL), ECHILD, "everything reaped");
	check_limit("after the storm: the pending count is back to zero");
	after = mem_free();
	say("# MemFree %ld KiB before the storm, %ld after\n", before, after);
	/* Linux's MemFree moves with everything else on the machine. */
	if (!on_breenix())
		skip("no memory left behind", "the host's MemFree is not this test's alone");
	else
		check(before > 0 && after >= before - 256, "no memory left behind (256 KiB slack)",
		      "MemFree %ld KiB before, %ld after", before, after);
	return done();
}
