/*
 * CPU time: the scheduler counts each task's runtime in ns; tick samples
 * (account_process_tick) split it into user and system time, scaled as
 * Linux's cputime_adjust does. times(2) and getrusage(2) report it.
 */
#include <string.h>
#include <breenix/clockcalc.h>
#include <breenix/errno.h>
#include <breenix/sched.h>
#include <breenix/syscall.h>
#include <breenix/time.h>
#include <breenix/time_conv.h>
#include <breenix/uaccess.h>
#include <uapi/linux/resource.h>
#include <uapi/linux/times.h>
#include "proc_internal.h"

/* rtime split in the ratio of the samples; all user time without samples. */
static void split_runtime(uint64_t rtime, uint64_t uticks, uint64_t sticks,
			  uint64_t *utime, uint64_t *stime)
{
	if (!sticks) {
		*utime = rtime;
		*stime = 0;
		return;
	}
	if (!uticks) {
		*utime = 0;
		*stime = rtime;
		return;
	}
	*stime = div128_u64_sat((unsigned __int128)rtime * sticks,
				uticks + sticks);
	*utime = rtime - *stime;
}

void task_cputime(const struct task *t, uint64_t *utime, uint64_t *stime)
{
	split_runtime(task_sched_runtime((struct task *)t), t->utime_ticks,
		      t->stime_ticks, utime, stime);
}

void thread_group_cputime(struct task *t, uint64_t *utime, uint64_t *stime)
{
	struct signal_struct *sig = t->signal;
	unsigned long flags = spin_lock_irqsave(&tasklist_lock);
	struct task *th;
	uint64_t u, s;

	*utime = sig->utime;
	*stime = sig->stime;
	list_for_each_entry(th, &sig->thread_head, thread_node) {
		task_cputime(th, &u, &s);
		*utime += u;
		*stime += s;
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
}

void fill_rusage(struct rusage *ru, uint64_t utime, uint64_t stime)
{
	memset(ru, 0, sizeof(*ru));
	ru->ru_utime = ns_to_timeval(utime);
	ru->ru_stime = ns_to_timeval(stime);
}

SYSCALL_DEFINE1(times, struct tms *, tbuf)
{
	struct signal_struct *sig = current->signal;
	uint64_t ut, st;
	struct tms t;

	if (tbuf) {
		thread_group_cputime(current, &ut, &st);
		t.tms_utime = ns_to_clock_t(ut);
		t.tms_stime = ns_to_clock_t(st);
		t.tms_cutime = ns_to_clock_t(__atomic_load_n(&sig->cutime, __ATOMIC_RELAXED));
		t.tms_cstime = ns_to_clock_t(__atomic_load_n(&sig->cstime, __ATOMIC_RELAXED));
		if (copy_to_user(tbuf, &t, sizeof(t)))
			return -EFAULT;
	}
	return ns_to_clock_t(ktime_get_ns());
}

SYSCALL_DEFINE2(getrusage, int, who, struct rusage *, ru)
{
	struct signal_struct *sig = current->signal;
	uint64_t ut, st;
	struct rusage r;

	switch (who) {
	case RUSAGE_SELF:
		thread_group_cputime(current, &ut, &st);
		break;
	case RUSAGE_CHILDREN:
		ut = __atomic_load_n(&sig->cutime, __ATOMIC_RELAXED);
		st = __atomic_load_n(&sig->cstime, __ATOMIC_RELAXED);
		break;
	case RUSAGE_THREAD:
		task_cputime(current, &ut, &st);
		break;
	default:
		return -EINVAL;
	}
	fill_rusage(&r, ut, st);
	return copy_to_user(ru, &r, sizeof(r)) ? -EFAULT : 0;
}
