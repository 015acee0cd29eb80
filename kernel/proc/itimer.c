/*
 * Interval timers (setitimer, getitimer, alarm), as Linux's
 * kernel/time/itimer.c: ITIMER_REAL is a timer on the timer queue that
 * sends SIGALRM to the process; ITIMER_VIRTUAL and ITIMER_PROF count down
 * by the tick's samples of user (and system) time and send SIGVTALRM and
 * SIGPROF. All have the tick's resolution.
 */
#include <string.h>
#include <breenix/errno.h>
#include <breenix/sched.h>
#include <breenix/signal.h>
#include <breenix/syscall.h>
#include <breenix/time.h>
#include <breenix/uaccess.h>
#include <uapi/linux/time.h>
#include "proc_internal.h"

#define NSEC_PER_USEC	1000ULL

/* A process-directed signal from the kernel (SI_KERNEL), from the tick. */
static void itimer_signal(struct signal_struct *sig, int signo)
{
	siginfo_t info;
	struct task *p;

	if (list_empty(&sig->thread_head))
		return;
	p = list_first_entry(&sig->thread_head, struct task, thread_node);
	memset(&info, 0, sizeof(info));
	info.si_signo = signo;
	info.si_code = SI_KERNEL;
	group_send_sig_info(signo, &info, p);
}

uint64_t ns_to_jiffies_delay(uint64_t ns)
{
	return (ns + tick_nsec - 1) / tick_nsec + 1;
}

static void it_real_fn(struct timer_list *t)
{
	struct signal_struct *sig = container_of(t, struct signal_struct, real_timer);

	itimer_signal(sig, SIGALRM);
	if (sig->it_real_incr)
		mod_timer(t, jiffies + ns_to_jiffies_delay(sig->it_real_incr));
}

void itimer_init(struct signal_struct *sig)
{
	timer_setup(&sig->real_timer, it_real_fn);
}

void itimer_exit(struct signal_struct *sig)
{
	sig->it_real_incr = 0;
	del_timer_sync(&sig->real_timer);
}

void itimer_tick(bool user_mode)
{
	struct signal_struct *sig = current->signal;
	int i;

	if (!sig)
		return;
	for (i = 0; i < 2; i++) {
		uint64_t *v = &sig->it[i].value;

		if (!*v || (i == ITIMER_VIRTUAL - 1 && !user_mode))
			continue;
		if (*v > tick_nsec) {
			*v -= tick_nsec;
			continue;
		}
		*v = sig->it[i].incr;
		itimer_signal(sig, i == ITIMER_VIRTUAL - 1 ? SIGVTALRM : SIGPROF);
	}
}

static bool timeval_ok(const struct __kernel_old_timeval *tv)
{
	return tv->tv_sec >= 0 && tv->tv_usec >= 0 && tv->tv_usec < 1000000;
}

static uint64_t timeval_ns(const struct __kernel_old_timeval *tv)
{
	return (uint64_t)tv->tv_sec * NSEC_PER_SEC + (uint64_t)tv->tv_usec * NSEC_PER_USEC;
}

static struct __kernel_old_timeval ns_timeval(uint64_t ns)
{
	struct __kernel_old_timeval tv = {
		(long)(ns / NSEC_PER_SEC),
		(long)((ns % NSEC_PER_SEC + NSEC_PER_USEC - 1) / NSEC_PER_USEC),
	};

	if (tv.tv_usec == 1000000) {
		tv.tv_sec++;
		tv.tv_usec = 0;
	}
	return tv;
}

/* The timer's value now; an armed timer never reads 0 (Linux gives 1 us). */
static void get_itimer(int which, struct __kernel_old_itimerval *v)
{
	struct signal_struct *sig = current->signal;
	unsigned long flags = spin_lock_irqsave(&current->sighand->siglock);
	uint64_t value, incr;

	if (which == ITIMER_REAL) {
		incr = sig->it_real_incr;
		value = 0;
		if (timer_pending(&sig->real_timer)) {
			value = sig->real_timer.expires > jiffies ?
				(sig->real_timer.expires - jiffies) * tick_nsec : 0;
			if (!value)
				value = NSEC_PER_USEC;
		}
	} else {
		value = sig->it[which - 1].value;
		incr = sig->it[which - 1].incr;
	}
	spin_unlock_irqrestore(&current->sighand->siglock, flags);
	v->it_value = ns_timeval(value);
	v->it_interval = ns_timeval(incr);
}

static int do_setitimer(int which, const struct __kernel_old_itimerval *nv,
			struct __kernel_old_itimerval *ov)
{
	struct signal_struct *sig = current->signal;
	uint64_t value, incr;
	unsigned long flags;

	if (which < ITIMER_REAL || which > ITIMER_PROF)
		return -EINVAL;
	if (!timeval_ok(&nv->it_value) || !timeval_ok(&nv->it_interval))
		return -EINVAL;
	if (ov)
		get_itimer(which, ov);
	value = timeval_ns(&nv->it_value);
	incr = timeval_ns(&nv->it_interval);
	if (which != ITIMER_REAL) {
		flags = spin_lock_irqsave(&current->sighand->siglock);
		sig->it[which - 1].value = value;
		sig->it[which - 1].incr = value ? incr : 0;
		spin_unlock_irqrestore(&current->sighand->siglock, flags);
		return 0;
	}
	del_timer_sync(&sig->real_timer);
	sig->it_real_incr = value ? incr : 0;
	if (value)
		mod_timer(&sig->real_timer, jiffies + ns_to_jiffies_delay(value));
	return 0;
}

SYSCALL_DEFINE2(getitimer, int, which, struct __kernel_old_itimerval *, value)
{
	struct __kernel_old_itimerval v;

	if (which < ITIMER_REAL || which > ITIMER_PROF)
		return -EINVAL;
	get_itimer(which, &v);
	return copy_to_user(value, &v, sizeof(v)) ? -EFAULT : 0;
}

/* A NULL new value disarms, as Linux has always accepted. */
SYSCALL_DEFINE3(setitimer, int, which, struct __kernel_old_itimerval *, value,
		struct __kernel_old_itimerval *, ovalue)
{
	struct __kernel_old_itimerval nv, ov;
	int err;

	memset(&nv, 0, sizeof(nv));
	if (value && copy_from_user(&nv, value, sizeof(nv)))
		return -EFAULT;
	err = do_setitimer(which, &nv, ovalue ? &ov : NULL);
	if (!err && ovalue && copy_to_user(ovalue, &ov, sizeof(ov)))
		return -EFAULT;
	return err;
}

/* Seconds left of the old alarm, rounded to the nearest (at least 1). */
SYSCALL_DEFINE1(alarm, unsigned int, seconds)
{
	struct __kernel_old_itimerval nv = { { 0, 0 }, { (long)seconds, 0 } }, ov;
	long secs;

	do_setitimer(ITIMER_REAL, &nv, &ov);
	secs = ov.it_value.tv_sec;
	if ((!secs && ov.it_value.tv_usec) || ov.it_value.tv_usec >= 500000)
		secs++;
	return secs;
}
