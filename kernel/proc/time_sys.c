/*
 * The clock system calls: clock_gettime/getres/settime, gettimeofday,
 * settimeofday, time, and the sleeps nanosleep and clock_nanosleep. BOOTTIME equals MONOTONIC (the
 * machine never suspends) and MONOTONIC_RAW too (no clock slewing); the
 * coarse clocks read at tick resolution. Sleeps end on the clock they
 * measure, re-checked after each wakeup, at the tick's granularity, or on
 * a signal, restartable through restart_syscall.
 */
#include <breenix/cred.h>
#include <breenix/errno.h>
#include <breenix/process.h>
#include <breenix/sched.h>
#include <breenix/signal.h>
#include <breenix/syscall.h>
#include <breenix/time.h>
#include <breenix/time_conv.h>
#include <breenix/uaccess.h>
#include <uapi/linux/time.h>
#include "proc_internal.h"

int clock_read(int which, uint64_t *ns)
{
	uint64_t u, s;

	switch (which) {
	case CLOCK_REALTIME:
		*ns = ktime_get_real_ns();
		return 0;
	case CLOCK_MONOTONIC:
	case CLOCK_MONOTONIC_RAW:
	case CLOCK_BOOTTIME:
		*ns = ktime_get_ns();
		return 0;
	case CLOCK_REALTIME_COARSE:
		*ns = ktime_get_real_ns() / tick_nsec * tick_nsec;
		return 0;
	case CLOCK_MONOTONIC_COARSE:
		*ns = ktime_get_ns() / tick_nsec * tick_nsec;
		return 0;
	case CLOCK_PROCESS_CPUTIME_ID:
		thread_group_cputime(current, &u, &s);
		*ns = u + s;
		return 0;
	case CLOCK_THREAD_CPUTIME_ID:
		*ns = task_sched_runtime(current);
		return 0;
	default:
		return -EINVAL;
	}
}

SYSCALL_DEFINE2(clock_gettime, int, which, struct __kernel_timespec *, tp)
{
	struct __kernel_timespec ts;
	uint64_t ns;
	int err = clock_read(which, &ns);

	if (err)
		return err;
	ts = ns_to_timespec(ns);
	return copy_to_user(tp, &ts, sizeof(ts)) ? -EFAULT : 0;
}

SYSCALL_DEFINE2(clock_getres, int, which, struct __kernel_timespec *, tp)
{
	struct __kernel_timespec ts = { 0, 1 };
	uint64_t ns;
	int err = clock_read(which, &ns);

	if (err)
		return err;
	if (which == CLOCK_REALTIME_COARSE || which == CLOCK_MONOTONIC_COARSE)
		ts = ns_to_timespec(tick_nsec);
	if (tp && copy_to_user(tp, &ts, sizeof(ts)))
		return -EFAULT;
	return 0;
}

/*
 * The kernel's time zone (Linux's sys_tz): only what settimeofday stored,
 * for gettimeofday to give back; the kernel itself keeps UTC.
 */
static struct __kernel_timezone sys_tz;

/* Sleepers until a time on a clock, woken when the wall clock is set. */
static DECLARE_WAIT_QUEUE_HEAD(clock_was_set_wait);

SYSCALL_DEFINE2(gettimeofday, struct __kernel_old_timeval *, tv,
		struct __kernel_timezone *, tz)
{
	struct __kernel_old_timeval t;
	struct __kernel_timezone zone = sys_tz;

	if (tv) {
		t = ns_to_timeval(ktime_get_real_ns());
		if (copy_to_user(tv, &t, sizeof(t)))
			return -EFAULT;
	}
	if (tz && copy_to_user(tz, &zone, sizeof(zone)))
		return -EFAULT;
	return 0;
}

/* Linux's timespec64_valid_settod: a valid time not before the epoch. */
static bool settod_valid(const struct __kernel_timespec *ts)
{
	return timespec_valid(ts) && ts->tv_sec >= 0;
}

/*
 * Linux's do_sys_settimeofday64, in its order: a bad time, then the
 * privilege (CAP_SYS_TIME: root), then a bad zone. The zone is only
 * stored; sleeps and timers on CLOCK_REALTIME see a new time at their next
 * wakeup.
 */
static int do_settimeofday(const struct __kernel_timespec *ts,
			   const struct __kernel_timezone *tz)
{
	if (ts && !settod_valid(ts))
		return -EINVAL;
	if (!capable_root())
		return -EPERM;
	if (tz) {
		/* A zone more than 15 hours from UTC is not one. */
		if (tz->tz_minuteswest < -15 * 60 || tz->tz_minuteswest > 15 * 60)
			return -EINVAL;
		sys_tz = *tz;
	}
	if (ts) {
		ktime_set_real_ns((uint64_t)timespec_to_ns(ts));
		wake_up_all(&clock_was_set_wait);
		posix_timers_clock_was_set();
	}
	return 0;
}

/* Only CLOCK_REALTIME can be set: Linux's other clocks have no clock_set (EINVAL). */
SYSCALL_DEFINE2(clock_settime, int, which, const struct __kernel_timespec *, tp)
{
	struct __kernel_timespec ts;

	if (which != CLOCK_REALTIME)
		return -EINVAL;
	if (copy_from_user(&ts, tp, sizeof(ts)))
		return -EFAULT;
	return do_settimeofday(&ts, NULL);
}

/* Linux's settimeofday: either part may be NULL. */
SYSCALL_DEFINE2(settimeofday, const struct __kernel_old_timeval *, tv,
		const struct __kernel_timezone *, tz)
{
	struct __kernel_old_timeval t;
	struct __kernel_timezone zone;
	struct __kernel_timespec ts;

	if (tv) {
		if (copy_from_user(&t, tv, sizeof(t)))
			return -EFAULT;
		if (t.tv_usec < 0 || t.tv_usec >= 1000000)
			return -EINVAL;
		ts.tv_sec = t.tv_sec;
		ts.tv_nsec = t.tv_usec * 1000;
	}
	if (tz && copy_from_user(&zone, tz, sizeof(zone)))
		return -EFAULT;
	return do_settimeofday(tv ? &ts : NULL, tz ? &zone : NULL);
}

SYSCALL_DEFINE1(time, long *, tloc)
{
	long secs = (long)(ktime_get_real_ns() / NSEC_PER_SEC);

	if (tloc && put_user(secs, tloc))
		return -EFAULT;
	return secs;
}

/*
 * Sleeps until @which reads @target or later. A CPU clock cannot advance
 * faster than real time runs, so sleeping the CPU time still missing
 * never overshoots it by more than a tick. False when a signal ended it.
 */
static bool sleep_until(int which, uint64_t target)
{
	/* Only a sleep until a wall-clock time cares when the clock is set. */
	bool wall = which == CLOCK_REALTIME;
	struct wait_queue_entry w;
	bool reached = false;
	uint64_t now;
	long jif;

	init_wait_entry(&w, 0);
	for (;;) {
		if (wall)
			prepare_to_wait(&clock_was_set_wait, &w, WAIT_INTERRUPTIBLE);
		else
			set_current_state(TASK_INTERRUPTIBLE);
		clock_read(which, &now);
		if (now >= target) {
			reached = true;
			break;
		}
		if (signal_pending(current))
			break;
		/* Rounded up, plus the tick already under way. */
		jif = (long)((target - now + tick_nsec - 1) / tick_nsec) + 1;
		if ((uint64_t)jif > MAX_SCHEDULE_TIMEOUT / 2)
			jif = MAX_SCHEDULE_TIMEOUT / 2;
		schedule_timeout(jif);
	}
	if (wall)
		finish_wait(&clock_was_set_wait, &w);
	else
		set_current_state(TASK_RUNNING);
	return reached;
}

/* The target reading of @which for a relative sleep of @ns, saturated. */
static uint64_t deadline(int which, uint64_t ns)
{
	uint64_t now;

	clock_read(which, &now);
	return now + ns < now ? UINT64_MAX : now + ns;
}

/*
 * A relative sleep, first or resumed by restart_syscall: interrupted, it
 * writes the time left to rmtp and asks for a restart of what is left
 * (EINTR if a handler runs), as Linux's hrtimer_nanosleep.
 */
static long nanosleep_restart(struct restart_block *rb)
{
	struct __kernel_timespec ts;
	uint64_t now;

	if (sleep_until(rb->nanosleep.clockid, rb->nanosleep.expires))
		return 0;
	if (rb->nanosleep.rmtp) {
		clock_read(rb->nanosleep.clockid, &now);
		ts = ns_to_timespec(rb->nanosleep.expires > now ?
				    rb->nanosleep.expires - now : 0);
		if (copy_to_user(rb->nanosleep.rmtp, &ts, sizeof(ts)))
			return -EFAULT;
	}
	rb->fn = nanosleep_restart;
	return -ERESTART_RESTARTBLOCK;
}

static long do_nanosleep(int which, int flags, uint64_t ns, void *rmtp)
{
	struct restart_block *rb = &current->restart_block;

	if (flags & TIMER_ABSTIME)
		return sleep_until(which, ns) ? 0 : -ERESTARTNOHAND;
	/* A relative sleep lasts its time whatever the wall clock does (Linux). */
	if (which == CLOCK_REALTIME)
		which = CLOCK_MONOTONIC;
	rb->nanosleep.clockid = which;
	rb->nanosleep.expires = deadline(which, ns);
	rb->nanosleep.rmtp = rmtp;
	return nanosleep_restart(rb);
}

SYSCALL_DEFINE2(nanosleep, struct __kernel_timespec *, rqtp,
		struct __kernel_timespec *, rmtp)
{
	struct __kernel_timespec ts;

	if (copy_from_user(&ts, rqtp, sizeof(ts)))
		return -EFAULT;
	if (!timespec_valid(&ts))
		return -EINVAL;
	return do_nanosleep(CLOCK_MONOTONIC, 0, (uint64_t)timespec_to_ns(&ts),
			    rmtp);
}

SYSCALL_DEFINE4(clock_nanosleep, int, which, int, flags,
		struct __kernel_timespec *, rqtp,
		struct __kernel_timespec *, rmtp)
{
	struct __kernel_timespec ts;

	switch (which) {
	case CLOCK_REALTIME:
	case CLOCK_MONOTONIC:
	case CLOCK_BOOTTIME:
	case CLOCK_PROCESS_CPUTIME_ID:
		break;
	case CLOCK_MONOTONIC_RAW:
	case CLOCK_REALTIME_COARSE:
	case CLOCK_MONOTONIC_COARSE:
		/* Linux: these clocks have no timers. */
		return -EOPNOTSUPP;
	default:
		return -EINVAL;
	}
	if (copy_from_user(&ts, rqtp, sizeof(ts)))
		return -EFAULT;
	if (!timespec_valid(&ts))
		return -EINVAL;
	return do_nanosleep(which, flags, (uint64_t)timespec_to_ns(&ts), rmtp);
}

/* What an interrupted sleep or poll left for the restart, once (Linux's restart_syscall). */
SYSCALL_DEFINE0(restart_syscall)
{
	struct restart_block *rb = &current->restart_block;
	long (*fn)(struct restart_block *) = rb->fn;

	if (!fn)
		return -EINTR;
	rb->fn = NULL;
	return fn(rb);
}
