/*
 * POSIX per-process timers (timer_create and friends) as Linux runs them:
 * one-shot and periodic timers on each clock with their SI_TIMER siginfo,
 * SIGEV_NONE, TIMER_ABSTIME, overruns while the signal waits, ignored
 * signals, the errors, SIGEV_THREAD_ID and the libc's SIGEV_THREAD, and the
 * timers' life across fork, exec and many creations. Runs on Linux and
 * Breenix, with musl and with newlib; times are checked against their
 * exact lower bounds and loose upper ones.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#ifndef __NEWLIB__
#include <pthread.h>
#endif

#include "sigtest.h"
#include "tap.h"

#define MS		1000000LL
#define SIG		(SIGRTMIN + 3)
/* Generous: TCG guests on a shared machine run late, never early. */
#define LATE		(5000 * MS)

static const struct {
	clockid_t id;
	const char *name;
} clocks[] = {
	{ CLOCK_REALTIME, "CLOCK_REALTIME" },
	{ CLOCK_MONOTONIC, "CLOCK_MONOTONIC" },
	{ CLOCK_BOOTTIME, "CLOCK_BOOTTIME" },
};

static volatile sig_atomic_t hits;
static siginfo_t last;

static void on_timer(int sig, siginfo_t *si, void *uc)
{
	(void)sig, (void)uc;
	last = *si;
	hits++;
}

static long long now_ns(clockid_t clock)
{
	struct timespec ts;

	clock_gettime(clock, &ts);
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static struct timespec ns_ts(long long ns)
{
	return (struct timespec){ ns / 1000000000LL, ns % 1000000000LL };
}

static long long ts_ns(struct timespec ts)
{
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static void sleep_ns(long long ns)
{
	struct timespec ts = ns_ts(ns);

	while (nanosleep(&ts, &ts) && errno == EINTR)
		;
}

/* A timer sending @sig with value @value; (timer_t)-1 if it failed. */
static timer_t make_timer(clockid_t clock, int notify, int sig, int value)
{
	struct sigevent ev;
	timer_t t;

	memset(&ev, 0, sizeof(ev));
	ev.sigev_notify = notify;
	ev.sigev_signo = sig;
	ev.sigev_value.sival_int = value;
	if (timer_create(clock, &ev, &t))
		return (timer_t)-1;
	return t;
}

static int arm(timer_t t, int flags, long long value, long long interval)
{
	struct itimerspec its = { ns_ts(interval), ns_ts(value) };

	return timer_settime(t, flags, &its, NULL);
}

static void block(int sig, int how)
{
	sigset_t set;

	sigemptyset(&set);
	sigaddset(&set, sig);
	sigprocmask(how, &set, NULL);
}

/* The signal @sig taken with sigtimedwait (it is blocked): its number, or -1. */
static int wait_sig(int sig, siginfo_t *si, long long timeout)
{
	struct timespec ts = ns_ts(timeout);
	sigset_t set;

	sigemptyset(&set);
	sigaddset(&set, sig);
	return sigtimedwait(&set, si, &ts);
}

/* The siginfo of @t's expiry: SI_TIMER, the timer's id and its sigev_value. */
static bool timer_info_ok(const siginfo_t *si, int sig, timer_t t, int value)
{
	return si->si_signo == sig && si->si_code == SI_TIMER &&
	       si->si_timerid == (int)(intptr_t)t && si->si_value.sival_int == value;
}

static void test_oneshot(clockid_t clock, const char *cname)
{
	timer_t t = make_timer(clock, SIGEV_SIGNAL, SIG, 100 + (int)clock);
	struct itimerspec cur;
	char name[96];
	long long t0, dt;
	siginfo_t si;
	int r;

	snprintf(name, sizeof(name), "%s one-shot: SI_TIMER after 50 ms, then disarmed", cname);
	if (t == (timer_t)-1)
		return fail(name, "timer_create: %s", strerror(errno));
	block(SIG, SIG_BLOCK);
	t0 = now_ns(clock);
	arm(t, 0, 50 * MS, 0);
	r = wait_sig(SIG, &si, LATE);
	dt = now_ns(clock) - t0;
	timer_gettime(t, &cur);
	check(r == SIG && timer_info_ok(&si, SIG, t, 100 + (int)clock) && si.si_overrun == 0 &&
	      dt >= 50 * MS && dt < LATE && ts_ns(cur.it_value) == 0,
	      name, "r %d code %d value %d overrun %d after %lld ms, left %lld", r, si.si_code,
	      si.si_value.sival_int, si.si_overrun, dt / MS, ts_ns(cur.it_value));
	block(SIG, SIG_UNBLOCK);
	timer_delete(t);
}

static void test_periodic(clockid_t clock, const char *cname)
{
	timer_t t = make_timer(clock, SIGEV_SIGNAL, SIG, 7);
	long long t0, dt, left;
	struct itimerspec cur;
	int periods = 0, got;
	char name[96];
	sigset_t none;

	snprintf(name, sizeof(name), "%s periodic: 5 periods of 20 ms to a handler", cname);
	if (t == (timer_t)-1)
		return fail(name, "timer_create: %s", strerror(errno));
	sig_handle(SIG, on_timer, 0);
	sigemptyset(&none);
	block(SIG, SIG_BLOCK);
	hits = 0;
	t0 = now_ns(clock);
	arm(t, 0, 20 * MS, 20 * MS);
	while (periods < 5 && now_ns(clock) - t0 < LATE) {
		got = hits;
		sigsuspend(&none);
		if (hits > got && timer_info_ok(&last, SIG, t, 7))
			periods += 1 + last.si_overrun;
	}
	dt = now_ns(clock) - t0;
	check(periods >= 5 && dt >= 100 * MS && dt < LATE, name,
	      "%d periods in %lld ms, code %d", periods, dt / MS, last.si_code);
	timer_gettime(t, &cur);
	left = ts_ns(cur.it_value);
	snprintf(name, sizeof(name), "%s periodic: timer_gettime gives the period and the time left",
		 cname);
	check(ts_ns(cur.it_interval) == 20 * MS && left > 0 && left <= 20 * MS, name,
	      "interval %lld value %lld", ts_ns(cur.it_interval), left);
	arm(t, 0, 0, 0);
	timer_gettime(t, &cur);
	hits = 0;
	block(SIG, SIG_UNBLOCK);
	sleep_ns(60 * MS);
	snprintf(name, sizeof(name), "%s periodic: a zero value disarms it", cname);
	check(hits == 0 && ts_ns(cur.it_value) == 0 && ts_ns(cur.it_interval) == 0, name,
	      "hits %d value %lld", hits, ts_ns(cur.it_value));
	timer_delete(t);
	signal(SIG, SIG_DFL);
}

static void test_none(void)
{
	timer_t t = make_timer(CLOCK_MONOTONIC, SIGEV_NONE, SIG, 0);
	struct itimerspec cur;
	sigset_t pend;
	long long v1, v2;

	if (t == (timer_t)-1)
		return fail("SIGEV_NONE", "timer_create: %s", strerror(errno));
	block(SIG, SIG_BLOCK);
	arm(t, 0, 2000 * MS, 0);
	timer_gettime(t, &cur);
	v1 = ts_ns(cur.it_value);
	sleep_ns(50 * MS);
	timer_gettime(t, &cur);
	v2 = ts_ns(cur.it_value);
	check(v1 > 0 && v1 <= 2000 * MS && v2 > 0 && v2 <= 1950 * MS,
	      "SIGEV_NONE: timer_gettime counts down", "%lld then %lld", v1, v2);
	arm(t, 0, 10 * MS, 0);
	sleep_ns(30 * MS);
	timer_gettime(t, &cur);
	sigpending(&pend);
	check(ts_ns(cur.it_value) == 0 && !sigismember(&pend, SIG),
	      "SIGEV_NONE: expired reads 0, no signal", "value %lld", ts_ns(cur.it_value));
	arm(t, 0, 30 * MS, 30 * MS);
	sleep_ns(100 * MS);
	timer_gettime(t, &cur);
	sigpending(&pend);
	check(ts_ns(cur.it_value) > 0 && ts_ns(cur.it_value) <= 30 * MS &&
	      !sigismember(&pend, SIG), "SIGEV_NONE periodic: the time to the next period",
	      "value %lld", ts_ns(cur.it_value));
	block(SIG, SIG_UNBLOCK);
	timer_delete(t);
}

static void test_abstime(void)
{
	timer_t t = make_timer(CLOCK_MONOTONIC, SIGEV_SIGNAL, SIG, 3);
	long long t0, when;
	siginfo_t si;
	int r;

	if (t == (timer_t)-1)
		return fail("TIMER_ABSTIME", "timer_create: %s", strerror(errno));
	block(SIG, SIG_BLOCK);
	t0 = now_ns(CLOCK_MONOTONIC);
	arm(t, TIMER_ABSTIME, t0 - 1000 * MS > 0 ? t0 - 1000 * MS : 1, 0);
	r = wait_sig(SIG, &si, LATE);
	check(r == SIG && timer_info_ok(&si, SIG, t, 3) &&
	      now_ns(CLOCK_MONOTONIC) - t0 < 1000 * MS,
	      "TIMER_ABSTIME in the past fires at once", "r %d after %lld ms", r,
	      (now_ns(CLOCK_MONOTONIC) - t0) / MS);
	when = now_ns(CLOCK_REALTIME) + 80 * MS;
	timer_delete(t);
	t = make_timer(CLOCK_REALTIME, SIGEV_SIGNAL, SIG, 4);
	arm(t, TIMER_ABSTIME, when, 0);
	r = wait_sig(SIG, &si, LATE);
	check(r == SIG && si.si_value.sival_int == 4 && now_ns(CLOCK_REALTIME) >= when,
	      "TIMER_ABSTIME on CLOCK_REALTIME: not before its time", "r %d, %lld ns early", r,
	      when - now_ns(CLOCK_REALTIME));
	block(SIG, SIG_UNBLOCK);
	timer_delete(t);
}

/*
 * A 10 ms period while its signal is blocked: the one delivery reports the
 * periods missed, no fewer than passed between arming and the wait, no
 * more than passed before it returned.
 */
static void test_overrun(void)
{
	timer_t t = make_timer(CLOCK_MONOTONIC, SIGEV_SIGNAL, SIG, 5);
	long long t0, t1, ts, t2, lo, hi;
	int r, before;
	siginfo_t si;

	if (t == (timer_t)-1)
		return fail("overrun", "timer_create: %s", strerror(errno));
	block(SIG, SIG_BLOCK);
	t0 = now_ns(CLOCK_MONOTONIC);
	arm(t, 0, 10 * MS, 10 * MS);
	t1 = now_ns(CLOCK_MONOTONIC);
	sleep_ns(200 * MS);
	before = timer_getoverrun(t);
	ts = now_ns(CLOCK_MONOTONIC);
	r = wait_sig(SIG, &si, LATE);
	t2 = now_ns(CLOCK_MONOTONIC);
	lo = (ts - t1 - 10 * MS) / (10 * MS);
	hi = (t2 - t0) / (10 * MS);
	check(r == SIG && before == 0 && si.si_overrun >= lo && si.si_overrun <= hi,
	      "overruns counted while the signal is blocked",
	      "r %d, before %d, si_overrun %d not in [%lld, %lld]", r, before, si.si_overrun, lo,
	      hi);
	check(timer_getoverrun(t) == si.si_overrun, "timer_getoverrun: the last delivery's",
	      "%d, si_overrun %d", timer_getoverrun(t), si.si_overrun);
	r = wait_sig(SIG, &si, LATE);
	check(r == SIG && si.si_overrun < 100, "the next period is delivered on its own",
	      "r %d overrun %d", r, si.si_overrun);
	/* Re-armed while its signal waits: the old signal is withdrawn. */
	arm(t, 0, 10 * MS, 0);
	sleep_ns(50 * MS);
	arm(t, 0, 10 * LATE, 0);
	r = wait_sig(SIG, &si, 100 * MS);
	check(r == -1 && errno == EAGAIN, "re-arming drops the signal of the old setting",
	      "r %d errno %d", r, errno);
	arm(t, 0, 10 * MS, 0);
	sleep_ns(50 * MS);
	timer_delete(t);
	r = wait_sig(SIG, &si, 100 * MS);
	check(r == -1 && errno == EAGAIN, "deleting drops its queued signal", "r %d errno %d", r,
	      errno);
	block(SIG, SIG_UNBLOCK);
}

/* Hits of on_timer within @ns, with SIG unblocked meanwhile. */
static int hits_within(long long ns)
{
	long long end = now_ns(CLOCK_MONOTONIC) + ns;
	sigset_t none;

	sigemptyset(&none);
	hits = 0;
	while (!hits && now_ns(CLOCK_MONOTONIC) < end) {
		block(SIG, SIG_BLOCK);
		if (!hits)
			sigsuspend(&none);
		block(SIG, SIG_UNBLOCK);
	}
	return hits;
}

/*
 * A periodic timer whose signal is ignored, or whose queued signal SIG_IGN
 * discarded, runs on: a handler installed later gets the next period.
 */
static void test_ignored(void)
{
	timer_t t = make_timer(CLOCK_MONOTONIC, SIGEV_SIGNAL, SIG, 8);

	if (t == (timer_t)-1)
		return fail("ignored", "timer_create: %s", strerror(errno));
	signal(SIG, SIG_IGN);
	arm(t, 0, 10 * MS, 10 * MS);
	sleep_ns(50 * MS);
	sig_handle(SIG, on_timer, 0);
	check(hits_within(LATE) && timer_info_ok(&last, SIG, t, 8),
	      "an ignored periodic timer runs on: a later handler gets it", "hits %d", hits);
	block(SIG, SIG_BLOCK);
	sleep_ns(50 * MS);
	signal(SIG, SIG_IGN);
	sig_handle(SIG, on_timer, 0);
	block(SIG, SIG_UNBLOCK);
	check(hits_within(LATE) && timer_info_ok(&last, SIG, t, 8),
	      "SIG_IGN drops its queued signal, the timer runs on", "hits %d", hits);
	timer_delete(t);
	signal(SIG, SIG_DFL);
}

/* An overrun count past INT_MAX (1 ns periods for 2.3 s) reads DELAYTIMER_MAX. */
static void test_overrun_cap(void)
{
	struct timespec res;
	timer_t t;
	siginfo_t si;
	int r;

	clock_getres(CLOCK_MONOTONIC, &res);
	if (ts_ns(res) != 1)
		return skip("overrun capped at INT_MAX", "the clock's resolution is not 1 ns");
	t = make_timer(CLOCK_MONOTONIC, SIGEV_SIGNAL, SIG, 6);
	block(SIG, SIG_BLOCK);
	arm(t, 0, 1, 1);
	sleep_ns(2300 * MS);
	r = wait_sig(SIG, &si, LATE);
	check(r == SIG && si.si_overrun == INT_MAX && timer_getoverrun(t) == INT_MAX,
	      "overrun capped at INT_MAX", "r %d si_overrun %d getoverrun %d", r, si.si_overrun,
	      timer_getoverrun(t));
	arm(t, 0, 0, 0);
	block(SIG, SIG_UNBLOCK);
	timer_delete(t);
}

static void test_errors(void)
{
	struct itimerspec its = { { 0, 0 }, { 1, 0 } };
	struct sigevent ev;
	timer_t t, gone;
	int id;

	check_errno(timer_create(99, NULL, &t), EINVAL, "timer_create: bad clock EINVAL");
	check_errno(timer_create(CLOCK_MONOTONIC_RAW, NULL, &t), EOPNOTSUPP,
		    "timer_create: a clock without timers EOPNOTSUPP");
	memset(&ev, 0, sizeof(ev));
	ev.sigev_notify = 99;
	ev.sigev_signo = SIG;
	check_errno(timer_create(CLOCK_MONOTONIC, &ev, &t), EINVAL,
		    "timer_create: bad sigev_notify EINVAL");
	ev.sigev_notify = SIGEV_SIGNAL;
	ev.sigev_signo = 0;
	check_errno(timer_create(CLOCK_MONOTONIC, &ev, &t), EINVAL,
		    "timer_create: signal 0 EINVAL");
	ev.sigev_signo = 65;
	check_errno(timer_create(CLOCK_MONOTONIC, &ev, &t), EINVAL,
		    "timer_create: signal 65 EINVAL");
	check_errno(syscall(SYS_timer_create, CLOCK_MONOTONIC, KERNEL_PTR, &id), EFAULT,
		    "timer_create: bad sigevent EFAULT");
	check_errno(syscall(SYS_timer_create, CLOCK_MONOTONIC, NULL, KERNEL_PTR), EFAULT,
		    "timer_create: bad id pointer EFAULT");
	t = make_timer(CLOCK_MONOTONIC, SIGEV_NONE, 0, 0);
	its.it_value.tv_nsec = 1000000000;
	check_errno(timer_settime(t, 0, &its, NULL), EINVAL, "timer_settime: tv_nsec 1e9 EINVAL");
	its.it_value.tv_nsec = 0;
	its.it_value.tv_sec = -1;
	check_errno(timer_settime(t, 0, &its, NULL), EINVAL, "timer_settime: negative EINVAL");
	its.it_value.tv_sec = 1;
	its.it_interval.tv_nsec = -1;
	check_errno(timer_settime(t, 0, &its, NULL), EINVAL,
		    "timer_settime: bad interval EINVAL");
	if (syscall(SYS_timer_create, CLOCK_MONOTONIC, NULL, &id))
		return fail("raw timer_create", "%s", strerror(errno));
	check_errno(syscall(SYS_timer_settime, id, 0, KERNEL_PTR, NULL), EFAULT,
		    "timer_settime: bad value EFAULT");
	check_errno(syscall(SYS_timer_settime, id, 0, NULL, NULL), EINVAL,
		    "timer_settime: no value EINVAL");
	check_errno(syscall(SYS_timer_gettime, id, KERNEL_PTR), EFAULT,
		    "timer_gettime: bad pointer EFAULT");
	check_ok(syscall(SYS_timer_delete, id), "timer_delete");
	check_errno(syscall(SYS_timer_delete, id), EINVAL, "timer_delete: deleted id EINVAL");
	check_errno(syscall(SYS_timer_gettime, id, &its), EINVAL,
		    "timer_gettime: deleted id EINVAL");
	check_errno(syscall(SYS_timer_getoverrun, id), EINVAL,
		    "timer_getoverrun: deleted id EINVAL");
	check_errno(syscall(SYS_timer_settime, 123456, 0, &its, NULL), EINVAL,
		    "timer_settime: unknown id EINVAL");
	gone = t;
	timer_delete(t);
	check_errno(timer_gettime(gone, &its), EINVAL, "timer_gettime after timer_delete EINVAL");
}

#ifndef __NEWLIB__
static pid_t thread_tid;
static siginfo_t thread_si;
static int thread_r;

static void *waiter(void *arg)
{
	(void)arg;
	thread_tid = (pid_t)syscall(SYS_gettid);
	sleep_ns(300 * MS);
	thread_r = wait_sig(SIG, &thread_si, LATE);
	return NULL;
}

/*
 * Aimed at one thread, the signal waits in that thread's own set: the
 * main thread's sigtimedwait never sees it, the thread's does.
 */
static void test_thread_id(void)
{
	struct sigevent ev;
	pthread_t th;
	siginfo_t si;
	timer_t t;
	int r;

	block(SIG, SIG_BLOCK);
	thread_tid = 0;
	if (pthread_create(&th, NULL, waiter, NULL))
		return fail("SIGEV_THREAD_ID", "pthread_create failed");
	while (!__atomic_load_n(&thread_tid, __ATOMIC_ACQUIRE))
		sleep_ns(MS);
	memset(&ev, 0, sizeof(ev));
	ev.sigev_notify = SIGEV_THREAD_ID;
	ev.sigev_signo = SIG;
	ev.sigev_value.sival_int = 11;
	ev.sigev_notify_thread_id = thread_tid;
	if (timer_create(CLOCK_MONOTONIC, &ev, &t))
		return fail("SIGEV_THREAD_ID", "timer_create: %s", strerror(errno));
	arm(t, 0, 10 * MS, 0);
	r = wait_sig(SIG, &si, 150 * MS);
	pthread_join(th, NULL);
	check(r == -1 && thread_r == SIG && timer_info_ok(&thread_si, SIG, t, 11),
	      "SIGEV_THREAD_ID: the signal goes to that thread only",
	      "main got %d, thread got %d code %d", r, thread_r, thread_si.si_code);
	timer_delete(t);
	block(SIG, SIG_UNBLOCK);
}

static volatile int notified;

static void on_notify(union sigval v)
{
	notified = v.sival_int;
}

/* musl runs SIGEV_THREAD's function on a thread of its own that a SIGEV_THREAD_ID timer wakes. */
static void test_sigev_thread(void)
{
	long long end = now_ns(CLOCK_MONOTONIC) + LATE;
	struct sigevent ev;
	timer_t t;

	memset(&ev, 0, sizeof(ev));
	ev.sigev_notify = SIGEV_THREAD;
	ev.sigev_notify_function = on_notify;
	ev.sigev_value.sival_int = 9;
	if (timer_create(CLOCK_MONOTONIC, &ev, &t))
		return fail("SIGEV_THREAD", "timer_create: %s", strerror(errno));
	arm(t, 0, 10 * MS, 0);
	while (!notified && now_ns(CLOCK_MONOTONIC) < end)
		sleep_ns(MS);
	check(notified == 9, "SIGEV_THREAD (musl's): the function runs with its value",
	      "notified %d", notified);
	timer_delete(t);
}
#else
static void test_thread_id(void)
{
	skip("SIGEV_THREAD_ID: the signal goes to that thread only", "newlib has no threads");
}

static void test_sigev_thread(void)
{
	struct sigevent ev;
	timer_t t;

	memset(&ev, 0, sizeof(ev));
	ev.sigev_notify = SIGEV_THREAD;
	check_errno(timer_create(CLOCK_MONOTONIC, &ev, &t), ENOTSUP,
		    "SIGEV_THREAD: ENOTSUP without threads (newlib)");
}
#endif

static void test_thread_id_other_process(void)
{
	struct sigevent ev;
	pid_t pid = fork();
	timer_t t;
	int st;

	if (pid == 0) {
		pause();
		_exit(0);
	}
	memset(&ev, 0, sizeof(ev));
	ev.sigev_notify = SIGEV_THREAD_ID;
	ev.sigev_signo = SIG;
	ev.sigev_notify_thread_id = pid;
	check_errno(timer_create(CLOCK_MONOTONIC, &ev, &t), EINVAL,
		    "SIGEV_THREAD_ID: another process's thread EINVAL");
	kill(pid, SIGKILL);
	waitpid(pid, &st, 0);
}

/* fork's child has none of its parent's timers; the parent keeps its own. */
static void test_fork(void)
{
	timer_t t = make_timer(CLOCK_MONOTONIC, SIGEV_SIGNAL, SIGUSR1, 0);
	struct itimerspec cur;
	pid_t pid;
	int st;

	arm(t, 0, 100 * 1000 * MS, 0);
	pid = fork();
	if (pid == 0)
		_exit(timer_gettime(t, &cur) == -1 && errno == EINVAL ? 0 : 1);
	waitpid(pid, &st, 0);
	check(exited_with(st, 0) && timer_gettime(t, &cur) == 0 && cur.it_value.tv_sec > 0,
	      "fork: the child does not inherit timers", "%s", status_str(st));
	timer_delete(t);
}

/*
 * exec deletes them: armed for 50 ms with SIGUSR1's default action, the
 * timer would kill the new image sleeping 200 ms, whose lookup fails.
 */
static void test_exec(const char *self)
{
	char idbuf[32];
	pid_t pid;
	timer_t t;
	int st;

	pid = fork();
	if (pid == 0) {
		t = make_timer(CLOCK_MONOTONIC, SIGEV_SIGNAL, SIGUSR1, 0);
		arm(t, 0, 50 * MS, 0);
		snprintf(idbuf, sizeof(idbuf), "%ld", (long)(intptr_t)t);
		execl(self, self, "after-exec", idbuf, (char *)NULL);
		_exit(2);
	}
	waitpid(pid, &st, 0);
	check(exited_with(st, 0), "exec: the timers are gone", "%s", status_str(st));
}

static int after_exec(const char *id)
{
	timer_t t = (timer_t)(intptr_t)strtol(id, NULL, 10);
	struct itimerspec cur;

	sleep_ns(200 * MS);
	return timer_gettime(t, &cur) == -1 && errno == EINVAL ? 0 : 1;
}

static long mem_free_kb(void)
{
	FILE *f = fopen("/proc/meminfo", "r");
	char line[128];
	long kb = -1;

	while (f && fgets(line, sizeof(line), f)) {
		if (sscanf(line, "MemFree: %ld kB", &kb) == 1)
			break;
	}
	if (f)
		fclose(f);
	return kb;
}

/* 1000 armed timers at once, each id its own, all deleted: rounds leave no memory behind. */
static bool many_round(void)
{
	static timer_t t[1000];
	bool ok = true;
	int i, j;

	for (i = 0; i < 1000; i++) {
		t[i] = make_timer(CLOCK_MONOTONIC, SIGEV_SIGNAL, SIG, i);
		if (t[i] == (timer_t)-1 || arm(t[i], 0, 1000 * 1000 * MS, 0))
			ok = false;
	}
	for (i = 0; i < 1000 && ok; i += 97) {
		for (j = i + 1; j < 1000; j++)
			ok &= t[i] != t[j];
	}
	for (i = 0; i < 1000; i++)
		ok &= t[i] == (timer_t)-1 || timer_delete(t[i]) == 0;
	return ok;
}

static void test_many(void)
{
	long before, after;
	bool ok;
	int i;

	ok = many_round();
	before = mem_free_kb();
	for (i = 0; i < 5; i++)
		ok &= many_round();
	after = mem_free_kb();
	check(ok, "1000 timers created, armed, distinct and deleted, 6 times", "a call failed");
	if (!on_breenix())
		return skip("1000 timers leave no memory behind", "MemFree moves on a shared host");
	check(before > 0 && after >= before - 64, "1000 timers leave no memory behind",
	      "MemFree %ld kB, then %ld kB", before, after);
}

/* Each timer holds a queued signal's charge: RLIMIT_SIGPENDING caps them (EAGAIN). */
static int sigpending_limit(void *arg)
{
	struct rlimit rl = { 4, 4 };
	timer_t t[8];
	int n = 0;

	(void)arg;
	if (setrlimit(RLIMIT_SIGPENDING, &rl))
		return 3;
	while (n < 8 && timer_create(CLOCK_MONOTONIC, NULL, &t[n]) == 0)
		n++;
	if (n == 0 || n > 4 || errno != EAGAIN)
		return 1;
	timer_delete(t[0]);
	return timer_create(CLOCK_MONOTONIC, NULL, &t[0]) == 0 ? 0 : 2;
}

int main(int argc, char **argv)
{
	size_t i;
	int st;

	if (argc == 3 && !strcmp(argv[1], "after-exec"))
		return after_exec(argv[2]);
	for (i = 0; i < sizeof(clocks) / sizeof(clocks[0]); i++) {
		test_oneshot(clocks[i].id, clocks[i].name);
		test_periodic(clocks[i].id, clocks[i].name);
	}
	test_none();
	test_abstime();
	test_overrun();
	test_ignored();
	test_overrun_cap();
	check(sysconf(_SC_TIMERS) >= 200112L, "sysconf(_SC_TIMERS): POSIX timers",
	      "%ld", sysconf(_SC_TIMERS));
	test_errors();
	test_thread_id();
	test_sigev_thread();
	test_thread_id_other_process();
	test_fork();
	test_exec(argv[0]);
	test_many();
	st = in_child(sigpending_limit, NULL);
	check(exited_with(st, 0), "RLIMIT_SIGPENDING caps the timers (EAGAIN)", "%s",
	      status_str(st));
	return done();
}
