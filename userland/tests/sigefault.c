/*
 * Bad user pointers to the signal, timer and clock-setting system calls
 * of issue 8, as efault.c does for issue 5's: EFAULT for an unmapped page,
 * a PROT_NONE one, a struct running off a mapping's end, kernel and
 * non-canonical addresses and (for results) a read-only page; NULL where
 * Linux takes it as "none". Each call runs in a child that must live.
 * No call here can change a clock: every time it is given is unreadable.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include "badptr.h"
#include "tap.h"

/* The kernel's sigset_t: 8 bytes on x86_64. */
#define KSIGSET 8

static long t_sigaction_act(void *p)
{
	return syscall(SYS_rt_sigaction, SIGUSR1, p, NULL, KSIGSET);
}

static long t_sigaction_old(void *p)
{
	return syscall(SYS_rt_sigaction, SIGUSR1, NULL, p, KSIGSET);
}

static long t_sigprocmask_set(void *p)
{
	return syscall(SYS_rt_sigprocmask, SIG_BLOCK, p, NULL, KSIGSET);
}

static long t_sigprocmask_old(void *p)
{
	return syscall(SYS_rt_sigprocmask, SIG_BLOCK, NULL, p, KSIGSET);
}

static long t_sigpending(void *p)
{
	return syscall(SYS_rt_sigpending, p, KSIGSET);
}

static long t_sigsuspend(void *p)
{
	return syscall(SYS_rt_sigsuspend, p, KSIGSET);
}

/* SIGUSR1 blocked and pending, so a wait for it returns at once. */
static void usr1_pending(sigset_t *set)
{
	sigemptyset(set);
	sigaddset(set, SIGUSR1);
	sigprocmask(SIG_BLOCK, set, NULL);
	raise(SIGUSR1);
}

static long t_sigtimedwait_set(void *p)
{
	struct timespec zero = { 0, 0 };

	return syscall(SYS_rt_sigtimedwait, p, NULL, &zero, KSIGSET);
}

static long t_sigtimedwait_info(void *p)
{
	struct timespec zero = { 0, 0 };
	sigset_t set;

	usr1_pending(&set);
	return syscall(SYS_rt_sigtimedwait, &set, p, &zero, KSIGSET);
}

static long t_sigtimedwait_timeout(void *p)
{
	sigset_t set;

	usr1_pending(&set);
	return syscall(SYS_rt_sigtimedwait, &set, NULL, p, KSIGSET);
}

static long t_sigqueueinfo(void *p)
{
	sigset_t set;

	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	sigprocmask(SIG_BLOCK, &set, NULL);
	return syscall(SYS_rt_sigqueueinfo, getpid(), SIGUSR1, p);
}

static long t_sigaltstack_ss(void *p)
{
	return syscall(SYS_sigaltstack, p, NULL);
}

static long t_sigaltstack_old(void *p)
{
	return syscall(SYS_sigaltstack, NULL, p);
}

static long t_getitimer(void *p)
{
	return syscall(SYS_getitimer, ITIMER_REAL, p);
}

static long t_setitimer_new(void *p)
{
	return syscall(SYS_setitimer, ITIMER_REAL, p, NULL);
}

static long t_setitimer_old(void *p)
{
	struct itimerval zero = { { 0, 0 }, { 0, 0 } };

	return syscall(SYS_setitimer, ITIMER_REAL, &zero, p);
}

static long t_timer_create_event(void *p)
{
	int id;

	return syscall(SYS_timer_create, CLOCK_MONOTONIC, p, &id);
}

static long t_timer_create_id(void *p)
{
	struct sigevent ev = { .sigev_notify = SIGEV_NONE };

	return syscall(SYS_timer_create, CLOCK_MONOTONIC, &ev, p);
}

/* A SIGEV_NONE timer of the caller's, or -3 (setup failed). */
static int none_timer(void)
{
	struct sigevent ev = { .sigev_notify = SIGEV_NONE };
	int id;

	return syscall(SYS_timer_create, CLOCK_MONOTONIC, &ev, &id) ? -3 : id;
}

static long t_timer_settime_new(void *p)
{
	int id = none_timer();

	return id < 0 ? id : syscall(SYS_timer_settime, id, 0, p, NULL);
}

static long t_timer_settime_old(void *p)
{
	struct itimerspec zero = { { 0, 0 }, { 0, 0 } };
	int id = none_timer();

	return id < 0 ? id : syscall(SYS_timer_settime, id, 0, &zero, p);
}

static long t_timer_gettime(void *p)
{
	int id = none_timer();

	return id < 0 ? id : syscall(SYS_timer_gettime, id, p);
}

static long t_clock_settime(void *p)
{
	return syscall(SYS_clock_settime, CLOCK_REALTIME, p);
}

static long t_settimeofday_tv(void *p)
{
	return syscall(SYS_settimeofday, p, NULL);
}

static long t_settimeofday_tz(void *p)
{
	return syscall(SYS_settimeofday, NULL, p);
}

static const struct badptr_call calls[] = {
	{ "rt_sigaction act", t_sigaction_act, IN | NULL_OK },
	{ "rt_sigaction oldact", t_sigaction_old, OUT | NULL_OK },
	{ "rt_sigprocmask set", t_sigprocmask_set, IN | NULL_OK },
	{ "rt_sigprocmask oldset", t_sigprocmask_old, OUT | NULL_OK },
	{ "rt_sigpending", t_sigpending, OUT },
	{ "rt_sigsuspend", t_sigsuspend, IN },
	{ "rt_sigtimedwait set", t_sigtimedwait_set, IN },
	{ "rt_sigtimedwait info", t_sigtimedwait_info, OUT | NULL_OK },
	{ "rt_sigtimedwait timeout", t_sigtimedwait_timeout, IN | NULL_OK },
	{ "rt_sigqueueinfo", t_sigqueueinfo, IN },
	{ "sigaltstack ss", t_sigaltstack_ss, IN | NULL_OK },
	{ "sigaltstack old_ss", t_sigaltstack_old, OUT | NULL_OK },
	{ "getitimer", t_getitimer, OUT },
	{ "setitimer new", t_setitimer_new, IN | NULL_OK },
	{ "setitimer old", t_setitimer_old, OUT | NULL_OK },
	{ "timer_create sigevent", t_timer_create_event, IN | NULL_OK },
	{ "timer_create timerid", t_timer_create_id, OUT },
	{ "timer_settime new", t_timer_settime_new, IN | NULL_OK },
	{ "timer_settime old", t_timer_settime_old, OUT | NULL_OK },
	{ "timer_gettime", t_timer_gettime, OUT },
	{ "clock_settime", t_clock_settime, IN },
	{ "settimeofday tv", t_settimeofday_tv, IN | NULL_OK },
	{ "settimeofday tz", t_settimeofday_tz, IN | NULL_OK },
};

int main(void)
{
	if (badptr_setup())
		return done();
	badptr_run(calls, sizeof(calls) / sizeof(calls[0]));
	return done();
}
