/*
 * POSIX per-process timers (timer_create and friends), as Linux's
 * kernel/time/posix-timers.c at the tick's resolution: each timer is a
 * timer-queue entry that queues a preallocated SI_TIMER signal. A periodic
 * timer waits for that signal to be delivered before its next period and
 * counts the periods missed meanwhile as overruns. Timers belong to the
 * process, by id, under its siglock; fork does not copy them, exec and
 * exit delete them.
 */
#include <string.h>
#include <breenix/errno.h>
#include <breenix/pid.h>
#include <breenix/sched.h>
#include <breenix/signal.h>
#include <breenix/slab.h>
#include <breenix/syscall.h>
#include <breenix/time.h>
#include <breenix/time_conv.h>
#include <breenix/uaccess.h>
#include <uapi/linux/time.h>
#include "proc_internal.h"

/* Linux's it_status: a periodic timer whose signal is queued waits for it. */
enum {
	POSIX_TIMER_DISARMED,
	POSIX_TIMER_ARMED,
	POSIX_TIMER_REQUEUE_PENDING,
};

struct k_itimer {
	struct rb_node node;		/* in signal->posix_timers */
	int id;
	int clock;
	/*
	 * The clock expires is read on: the timer's own, but MONOTONIC for a
	 * relative REALTIME setting, which a change of the wall clock must not
	 * move (Linux's "POSIX magic" in common_hrtimer_arm).
	 */
	int base;
	int notify;			/* SIGEV_SIGNAL, SIGEV_NONE, SIGEV_THREAD_ID */
	int status;
	uint64_t expires;		/* on clock, ns */
	uint64_t interval;		/* ns; 0: one-shot */
	int64_t overrun;		/* periods missed since the last delivery, -1 based */
	int64_t overrun_last;		/* reported with that delivery */
	struct task *target;		/* the thread, or the process's leader; referenced */
	struct timer_list timer;
	struct sigqueue sigq;
	struct list_head realtime_node;	/* on realtime_timers while set absolute on REALTIME */
};

/*
 * The timers set to an absolute REALTIME time: a change of the wall clock
 * sends each to its callback at the next tick to look again (Linux's
 * clock_was_set). Joined and left only by timer_settime and deletion, never
 * by the callback, so the lock order is siglock, realtime_lock, the timer
 * queue's.
 */
static LIST_HEAD(realtime_timers);
static spinlock_t realtime_lock = SPINLOCK_INIT;

#define KTIME_MAX	((uint64_t)INT64_MAX)

static uint64_t add_sat(uint64_t a, uint64_t b)
{
	return a + b > KTIME_MAX || a + b < a ? KTIME_MAX : a + b;
}

static uint64_t timer_now(const struct k_itimer *timr)
{
	uint64_t now;

	clock_read(timr->base, &now);
	return now;
}

/* DELAYTIMER_MAX is INT_MAX, as Linux's timer_overrun_to_int caps. */
static int overrun_to_int(int64_t n)
{
	return n > INT32_MAX ? INT32_MAX : (int)n;
}

static spinlock_t *timer_siglock(const struct k_itimer *timr)
{
	return &timr->target->sighand->siglock;
}

static struct sigpending *timer_pending_list(const struct k_itimer *timr)
{
	return timr->notify == SIGEV_THREAD_ID ? &timr->target->pending :
						 &timr->target->signal->shared_pending;
}

static void timer_arm(struct k_itimer *timr, uint64_t now)
{
	uint64_t left = timr->expires > now ? timr->expires - now : 0;

	timr->status = POSIX_TIMER_ARMED;
	mod_timer(&timr->timer, jiffies + ns_to_jiffies_delay(left));
}

/* Moves a periodic timer's expiry past @now, counting the periods passed. */
static void timer_forward(struct k_itimer *timr, uint64_t now)
{
	uint64_t n;

	if (now < timr->expires)
		return;
	n = (now - timr->expires) / timr->interval + 1;
	timr->overrun += (int64_t)n;
	if (n > (KTIME_MAX - timr->expires) / timr->interval)
		timr->expires = KTIME_MAX;
	else
		timr->expires += n * timr->interval;
}

/* Expired (siglock held): the signal goes; an ignored one does not stop a period. */
static void timer_fire(struct k_itimer *timr, uint64_t now)
{
	struct task *t = timr->target;
	bool shared = timr->notify != SIGEV_THREAD_ID;

	timr->status = timr->interval ? POSIX_TIMER_REQUEUE_PENDING :
					POSIX_TIMER_DISARMED;
	if (!shared && t->exit_state)
		return;
	if (!send_sigqueue_locked(&timr->sigq, t, shared) && timr->interval) {
		timer_forward(timr, now);
		timer_arm(timr, now);
	}
}

/*
 * From the tick. The timer queue counts jiffies, the timer its clock:
 * early by that clock (rounding), it waits for the rest. Disarmed or
 * re-armed while this waited for the lock, it does nothing.
 */
static void posix_timer_fn(struct timer_list *t)
{
	struct k_itimer *timr = container_of(t, struct k_itimer, timer);
	unsigned long flags = spin_lock_irqsave(timer_siglock(timr));
	uint64_t now = timer_now(timr);

	if (timr->status == POSIX_TIMER_ARMED && !timer_pending(t)) {
		if (now < timr->expires)
			timer_arm(timr, now);
		else
			timer_fire(timr, now);
	}
	spin_unlock_irqrestore(timer_siglock(timr), flags);
}

void posixtimer_sigqueue_done(struct sigqueue *q, siginfo_t *info)
{
	struct k_itimer *timr = container_of(q, struct k_itimer, sigq);
	uint64_t now;

	if (timr->status != POSIX_TIMER_REQUEUE_PENDING)
		return;
	now = timer_now(timr);
	timer_forward(timr, now);
	timer_arm(timr, now);
	if (info) {
		timr->overrun_last = timr->overrun;
		info->si_overrun = overrun_to_int(timr->overrun);
	}
	timr->overrun = -1;
}

/* ---- the process's timers by id ----------------------------------------- */

static struct k_itimer *find_timer(struct signal_struct *sig, int id)
{
	struct rb_node *n = sig->posix_timers.node;

	while (n) {
		struct k_itimer *timr = rb_entry(n, struct k_itimer, node);

		if (id == timr->id)
			return timr;
		n = id < timr->id ? n->left : n->right;
	}
	return NULL;
}

static bool insert_timer(struct signal_struct *sig, struct k_itimer *timr)
{
	struct rb_node **link = &sig->posix_timers.node, *parent = NULL;

	while (*link) {
		struct k_itimer *t = rb_entry(*link, struct k_itimer, node);

		if (timr->id == t->id)
			return false;
		parent = *link;
		link = timr->id < t->id ? &parent->left : &parent->right;
	}
	rb_link_node(&timr->node, parent, link);
	rb_insert_color(&timr->node, &sig->posix_timers);
	return true;
}

/*
 * The next free id after the last one given, cyclic over 0..INT_MAX as
 * Linux's posix_timer_add; siglock held. -EAGAIN when none is free.
 */
static int add_timer_id(struct signal_struct *sig, struct k_itimer *timr)
{
	int64_t tries;

	for (tries = 0; tries <= INT32_MAX; tries++) {
		timr->id = sig->next_posix_timer_id;
		sig->next_posix_timer_id = (timr->id + 1) & INT32_MAX;
		if (insert_timer(sig, timr))
			return timr->id;
	}
	return -EAGAIN;
}

/* The caller's timer @id, with siglock taken; NULL (-EINVAL) if none. */
static struct k_itimer *lock_timer(int id, unsigned long *flags)
{
	struct k_itimer *timr;

	*flags = spin_lock_irqsave(&current->sighand->siglock);
	timr = find_timer(current->signal, id);
	if (!timr)
		spin_unlock_irqrestore(&current->sighand->siglock, *flags);
	return timr;
}

static void unlock_timer(unsigned long flags)
{
	spin_unlock_irqrestore(&current->sighand->siglock, flags);
}

/* Stops it and takes back a signal still queued (siglock held). */
static void timer_disarm(struct k_itimer *timr)
{
	timr->status = POSIX_TIMER_DISARMED;
	spin_lock(&realtime_lock);
	list_del(&timr->realtime_node);
	spin_unlock(&realtime_lock);
	del_timer(&timr->timer);
	sigqueue_unqueue(&timr->sigq, timer_pending_list(timr));
}

/* Out of the tree (siglock held) and disarmed; then free it with free_timer. */
static void unlink_timer(struct signal_struct *sig, struct k_itimer *timr)
{
	rb_erase(&timr->node, &sig->posix_timers);
	timer_disarm(timr);
}

/* Unlinked and disarmed: a callback still running (it finds it so) is waited out. */
static void free_timer(struct k_itimer *timr)
{
	del_timer_sync(&timr->timer);
	sigqueue_prealloc_free(&timr->sigq);
	put_task(timr->target);
	kfree(timr);
}

void exit_itimers(struct task *tsk)
{
	struct signal_struct *sig = tsk->signal;
	struct k_itimer *timr;
	unsigned long flags;

	while (sig->posix_timers.node) {
		timr = rb_entry(sig->posix_timers.node, struct k_itimer, node);
		flags = spin_lock_irqsave(timer_siglock(timr));
		unlink_timer(sig, timr);
		spin_unlock_irqrestore(timer_siglock(timr), flags);
		free_timer(timr);
	}
}

/* ---- timer_create --------------------------------------------------------- */

/*
 * REALTIME, MONOTONIC and BOOTTIME have timers. A clock Breenix reads but
 * has no timers on (the CPU-time, raw and coarse ones) gives -EOPNOTSUPP,
 * as Linux's for a clock without timer_create; an unknown id -EINVAL.
 */
static int timer_clock_ok(int clock)
{
	uint64_t now;

	switch (clock) {
	case CLOCK_REALTIME:
	case CLOCK_MONOTONIC:
	case CLOCK_BOOTTIME:
		return 0;
	default:
		return clock_read(clock, &now) ? -EINVAL : -EOPNOTSUPP;
	}
}

/*
 * Linux's good_sigevent: who gets the signal, referenced; a thread only of
 * the caller's process. SIGEV_THREAD reaches the kernel only from a libc
 * that leaves it to the kernel, which treats it as SIGEV_SIGNAL.
 */
static struct task *sigevent_target(const sigevent_t *ev)
{
	bool signo_ok = ev->sigev_signo > 0 && ev->sigev_signo <= _NSIG;
	struct task *t;

	switch (ev->sigev_notify) {
	case SIGEV_THREAD_ID:
		t = signo_ok ? find_get_task_by_pid(ev->sigev_notify_thread_id) : NULL;
		if (t && t->signal != current->signal) {
			put_task(t);
			t = NULL;
		}
		return t;
	case SIGEV_SIGNAL:
	case SIGEV_THREAD:
		return signo_ok ? get_task(current->group_leader) : NULL;
	case SIGEV_NONE:
		return get_task(current->group_leader);
	default:
		return NULL;
	}
}

/* The SI_TIMER siginfo its signal carries; no sigevent means SIGALRM with the id. */
static void init_timer_info(struct k_itimer *timr, const sigevent_t *ev)
{
	siginfo_t *info = &timr->sigq.info;

	memset(info, 0, sizeof(*info));
	info->si_code = SI_TIMER;
	info->si_tid = timr->id;
	if (ev) {
		info->si_signo = ev->sigev_signo;
		info->_sifields._timer._sigval = ev->sigev_value;
	} else {
		info->si_signo = SIGALRM;
		info->_sifields._timer._sigval.sival_int = timr->id;
	}
}

static int timer_delete_id(int id)
{
	struct k_itimer *timr;
	unsigned long flags;

	timr = lock_timer(id, &flags);
	if (!timr)
		return -EINVAL;
	unlink_timer(current->signal, timr);
	unlock_timer(flags);
	free_timer(timr);
	return 0;
}

/* A timer for @clock and @ev, not yet the process's; NULL with *err. */
static struct k_itimer *alloc_timer(int clock, const sigevent_t *ev, int *err)
{
	struct k_itimer *timr;

	*err = timer_clock_ok(clock);
	if (*err)
		return NULL;
	*err = -EAGAIN;
	timr = kmalloc(sizeof(*timr), GFP_KERNEL);
	if (!timr)
		return NULL;
	memset(timr, 0, sizeof(*timr));
	if (sigqueue_prealloc(&timr->sigq)) {
		kfree(timr);
		return NULL;
	}
	timr->target = ev ? sigevent_target(ev) : get_task(current->group_leader);
	if (!timr->target) {
		sigqueue_prealloc_free(&timr->sigq);
		kfree(timr);
		*err = -EINVAL;
		return NULL;
	}
	timr->clock = timr->base = clock;
	INIT_LIST_HEAD(&timr->realtime_node);
	timr->notify = ev ? ev->sigev_notify : SIGEV_SIGNAL;
	timr->overrun = -1;
	timer_setup(&timr->timer, posix_timer_fn);
	return timr;
}

static int do_timer_create(int clock, const sigevent_t *ev, int *created)
{
	unsigned long flags;
	struct k_itimer *timr;
	int id;

	timr = alloc_timer(clock, ev, &id);
	if (!timr)
		return id;
	flags = spin_lock_irqsave(&current->sighand->siglock);
	id = add_timer_id(current->signal, timr);
	if (id >= 0)
		init_timer_info(timr, ev);
	spin_unlock_irqrestore(&current->sighand->siglock, flags);
	if (id < 0) {
		free_timer(timr);
		return id;
	}
	if (put_user(id, created)) {
		timer_delete_id(id);
		return -EFAULT;
	}
	return 0;
}

SYSCALL_DEFINE3(timer_create, int, which_clock, sigevent_t *, timer_event_spec,
		int *, created_timer_id)
{
	sigevent_t ev;

	if (!timer_event_spec)
		return do_timer_create(which_clock, NULL, created_timer_id);
	if (copy_from_user(&ev, timer_event_spec, sizeof(ev)))
		return -EFAULT;
	return do_timer_create(which_clock, &ev, created_timer_id);
}

/* ---- settime, gettime, getoverrun, delete -------------------------------- */

/*
 * Linux's common_timer_get (siglock held): a periodic timer not armed is
 * moved past now first. An armed timer never reads 0 (1 ns when due);
 * SIGEV_NONE one-shots read 0 once expired.
 */
static void timer_get(struct k_itimer *timr, struct __kernel_itimerspec *cur)
{
	bool none = timr->notify == SIGEV_NONE;
	uint64_t now;

	memset(cur, 0, sizeof(*cur));
	cur->it_interval = ns_to_timespec(timr->interval);
	if (!timr->interval && timr->status == POSIX_TIMER_DISARMED && !none)
		return;
	now = timer_now(timr);
	if (timr->interval && timr->status != POSIX_TIMER_ARMED)
		timer_forward(timr, now);
	if (timr->expires > now)
		cur->it_value = ns_to_timespec(timr->expires - now);
	else if (!none)
		cur->it_value.tv_nsec = 1;
}

/* Re-arming withdraws the signal of the old setting still queued, as Linux. */
static void timer_set(struct k_itimer *timr, int flags,
		      const struct __kernel_itimerspec *nv)
{
	uint64_t value = (uint64_t)timespec_to_ns(&nv->it_value), now;

	timer_disarm(timr);
	timr->overrun = -1;
	timr->overrun_last = 0;
	timr->interval = 0;
	timr->expires = 0;
	if (!value)
		return;
	timr->interval = (uint64_t)timespec_to_ns(&nv->it_interval);
	timr->base = timr->clock == CLOCK_REALTIME && !(flags & TIMER_ABSTIME) ?
		     CLOCK_MONOTONIC : timr->clock;
	now = timer_now(timr);
	timr->expires = flags & TIMER_ABSTIME ? value : add_sat(now, value);
	if (timr->notify == SIGEV_NONE)
		return;
	if (timr->base == CLOCK_REALTIME) {
		spin_lock(&realtime_lock);
		list_add_tail(&timr->realtime_node, &realtime_timers);
		spin_unlock(&realtime_lock);
	}
	timer_arm(timr, now);
}

SYSCALL_DEFINE4(timer_settime, int, timer_id, int, flags,
		const struct __kernel_itimerspec *, new_setting,
		struct __kernel_itimerspec *, old_setting)
{
	struct __kernel_itimerspec nv, ov;
	struct k_itimer *timr;
	unsigned long irqf;

	if (!new_setting)
		return -EINVAL;
	if (copy_from_user(&nv, new_setting, sizeof(nv)))
		return -EFAULT;
	if (!timespec_valid(&nv.it_interval) || !timespec_valid(&nv.it_value))
		return -EINVAL;
	timr = lock_timer(timer_id, &irqf);
	if (!timr)
		return -EINVAL;
	if (old_setting)
		timer_get(timr, &ov);
	timer_set(timr, flags, &nv);
	unlock_timer(irqf);
	if (old_setting && copy_to_user(old_setting, &ov, sizeof(ov)))
		return -EFAULT;
	return 0;
}

SYSCALL_DEFINE2(timer_gettime, int, timer_id,
		struct __kernel_itimerspec *, setting)
{
	struct __kernel_itimerspec cur;
	struct k_itimer *timr;
	unsigned long flags;

	timr = lock_timer(timer_id, &flags);
	if (!timr)
		return -EINVAL;
	timer_get(timr, &cur);
	unlock_timer(flags);
	return copy_to_user(setting, &cur, sizeof(cur)) ? -EFAULT : 0;
}

/* The overruns the last delivered signal reported. */
SYSCALL_DEFINE1(timer_getoverrun, int, timer_id)
{
	struct k_itimer *timr;
	unsigned long flags;
	int n;

	timr = lock_timer(timer_id, &flags);
	if (!timr)
		return -EINVAL;
	n = overrun_to_int(timr->overrun_last);
	unlock_timer(flags);
	return n;
}

SYSCALL_DEFINE1(timer_delete, int, timer_id)
{
	return timer_delete_id(timer_id);
}

void posix_timers_clock_was_set(void)
{
	unsigned long flags = spin_lock_irqsave(&realtime_lock);
	struct k_itimer *timr;

	list_for_each_entry(timr, &realtime_timers, realtime_node)
		mod_timer(&timr->timer, jiffies);
	spin_unlock_irqrestore(&realtime_lock, flags);
}
