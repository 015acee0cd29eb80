/*
 * The signal system calls, with Linux's argument checks and errors:
 * rt_sigaction, rt_sigprocmask, rt_sigpending, rt_sigsuspend, pause,
 * rt_sigtimedwait, sigaltstack, and the senders kill, tkill, tgkill,
 * rt_sigqueueinfo and rt_tgsigqueueinfo. The sigset is 8 bytes on x86_64.
 */
#include <string.h>
#include <breenix/cred.h>
#include <breenix/errno.h>
#include <breenix/pid.h>
#include <breenix/sched.h>
#include <breenix/signal.h>
#include <breenix/syscall.h>
#include <breenix/time.h>
#include <breenix/time_conv.h>
#include <breenix/uaccess.h>
#include <asm/ptrace.h>
#include <asm/processor.h>
#include "proc_internal.h"

/* Linux's UAPI_SA_FLAGS: the bits rt_sigaction keeps; the rest read as 0. */
#define UAPI_SA_FLAGS	(SA_NOCLDSTOP | SA_NOCLDWAIT | SA_SIGINFO |	\
			 SA_ONSTACK | SA_RESTART | SA_NODEFER |		\
			 SA_RESETHAND | SA_EXPOSE_TAGBITS | SA_RESTORER)

/*
 * POSIX 2.4.3: setting a signal's action to ignore (explicitly, or SIG_DFL
 * for a signal whose default is to ignore) discards it where it is pending.
 */
static int do_sigaction(int sig, struct k_sigaction *act,
			struct k_sigaction *oact)
{
	struct sighand_struct *sh = current->sighand;
	struct k_sigaction *k;
	unsigned long flags;
	struct task *t;

	if (sig < 1 || sig > _NSIG ||
	    (act && sig_in(sig, SIG_KERNEL_ONLY_MASK)))
		return -EINVAL;
	k = &sh->action[sig - 1];
	flags = spin_lock_irqsave(&sh->siglock);
	if (oact)
		*oact = *k;
	if (act) {
		act->sa.sa_mask &= ~SIG_KERNEL_ONLY_MASK;
		*k = *act;
		if (act->sa.sa_handler == SIG_IGN ||
		    (act->sa.sa_handler == SIG_DFL &&
		     sig_in(sig, SIG_KERNEL_IGNORE_MASK))) {
			flush_sigqueue_mask(sigmask(sig),
					    &current->signal->shared_pending);
			list_for_each_entry(t, &current->signal->thread_head,
					    thread_node)
				flush_sigqueue_mask(sigmask(sig), &t->pending);
		}
	}
	spin_unlock_irqrestore(&sh->siglock, flags);
	return 0;
}

SYSCALL_DEFINE4(rt_sigaction, int, sig, const struct sigaction *, act,
		struct sigaction *, oact, size_t, sigsetsize)
{
	struct k_sigaction new, old;
	int err;

	if (sigsetsize != sizeof(sigset_t))
		return -EINVAL;
	if (act) {
		if (copy_from_user(&new.sa, act, sizeof(new.sa)))
			return -EFAULT;
		new.sa.sa_flags &= UAPI_SA_FLAGS;
	}
	err = do_sigaction(sig, act ? &new : NULL, oact ? &old : NULL);
	if (err)
		return err;
	if (oact) {
		old.sa.sa_flags &= UAPI_SA_FLAGS;
		if (copy_to_user(oact, &old.sa, sizeof(old.sa)))
			return -EFAULT;
	}
	return 0;
}

SYSCALL_DEFINE4(rt_sigprocmask, int, how, const sigset_t *, nset,
		sigset_t *, oset, size_t, sigsetsize)
{
	sigset_t old = current->blocked, set;

	if (sigsetsize != sizeof(sigset_t))
		return -EINVAL;
	if (nset) {
		if (copy_from_user(&set, nset, sizeof(set)))
			return -EFAULT;
		switch (how) {
		case SIG_BLOCK:
			set = old | set;
			break;
		case SIG_UNBLOCK:
			set = old & ~set;
			break;
		case SIG_SETMASK:
			break;
		default:
			return -EINVAL;
		}
		set_current_blocked(set);
	}
	if (oset && copy_to_user(oset, &old, sizeof(old)))
		return -EFAULT;
	return 0;
}

/* Blocked and pending: the thread's own and its process's. */
SYSCALL_DEFINE2(rt_sigpending, sigset_t *, uset, size_t, sigsetsize)
{
	struct task *t = current;
	unsigned long flags;
	sigset_t set;

	if (sigsetsize > sizeof(sigset_t))
		return -EINVAL;
	flags = spin_lock_irqsave(&t->sighand->siglock);
	set = (t->pending.signal | t->signal->shared_pending.signal) & t->blocked;
	spin_unlock_irqrestore(&t->sighand->siglock, flags);
	return copy_to_user(uset, &set, sigsetsize) ? -EFAULT : 0;
}

/* Sleeps until a signal is to be delivered; the caller says what comes back. */
static void sleep_for_signal(void)
{
	for (;;) {
		set_current_state(TASK_INTERRUPTIBLE);
		if (signal_pending(current))
			break;
		schedule();
	}
	set_current_state(TASK_RUNNING);
}

SYSCALL_DEFINE0(pause)
{
	sleep_for_signal();
	return -ERESTARTNOHAND;
}

/* The old mask comes back after the handler: the frame saves it. */
SYSCALL_DEFINE2(rt_sigsuspend, const sigset_t *, unewset, size_t, sigsetsize)
{
	sigset_t set;

	if (sigsetsize != sizeof(sigset_t))
		return -EINVAL;
	if (copy_from_user(&set, unewset, sizeof(set)))
		return -EFAULT;
	set_restore_sigmask(current->blocked);
	set_current_blocked(set);
	sleep_for_signal();
	return -ERESTARTNOHAND;
}

/*
 * Waits for one of @mask: the signals are unblocked for the sleep (the
 * mask kept in real_blocked), so that sending one wakes the thread, as
 * Linux's do_sigtimedwait. @jif: MAX_SCHEDULE_TIMEOUT for none.
 */
static int do_sigtimedwait(sigset_t mask, siginfo_t *info, long jif)
{
	struct task *t = current;
	struct sighand_struct *sh = t->sighand;
	unsigned long flags = spin_lock_irqsave(&sh->siglock);
	sigset_t blocked = ~(mask & ~SIG_KERNEL_ONLY_MASK);
	long left = 0;
	int sig;

	sig = dequeue_signal(t, blocked, info);
	if (!sig && jif) {
		t->real_blocked = t->blocked;
		t->blocked &= blocked;
		recalc_sigpending();
		set_current_state(TASK_INTERRUPTIBLE);
		spin_unlock_irqrestore(&sh->siglock, flags);
		left = jif;
		if (!signal_pending(t))
			left = schedule_timeout(jif);
		set_current_state(TASK_RUNNING);
		flags = spin_lock_irqsave(&sh->siglock);
		t->blocked = t->real_blocked;
		t->real_blocked = 0;
		sig = dequeue_signal(t, blocked, info);
	}
	spin_unlock_irqrestore(&sh->siglock, flags);
	if (sig)
		return sig;
	/* Woken before the time ran out: another signal is to be handled. */
	return left ? -EINTR : -EAGAIN;
}

SYSCALL_DEFINE4(rt_sigtimedwait, const sigset_t *, uthese, siginfo_t *, uinfo,
		const struct __kernel_timespec *, uts, size_t, sigsetsize)
{
	struct __kernel_timespec ts;
	long jif = MAX_SCHEDULE_TIMEOUT;
	siginfo_t info;
	sigset_t these;
	int ret;

	if (sigsetsize != sizeof(sigset_t))
		return -EINVAL;
	if (copy_from_user(&these, uthese, sizeof(these)))
		return -EFAULT;
	if (uts) {
		if (copy_from_user(&ts, uts, sizeof(ts)))
			return -EFAULT;
		if (!timespec_valid(&ts))
			return -EINVAL;
		/* Rounded up, plus the tick under way; 0 polls. */
		jif = 0;
		if (ts.tv_sec || ts.tv_nsec) {
			uint64_t ns = (uint64_t)timespec_to_ns(&ts);

			jif = ns / tick_nsec > (uint64_t)MAX_SCHEDULE_TIMEOUT / 4 ?
			      MAX_SCHEDULE_TIMEOUT / 2 :
			      (long)((ns + tick_nsec - 1) / tick_nsec) + 1;
		}
	}
	ret = do_sigtimedwait(these, &info, jif);
	if (ret > 0 && uinfo && copy_to_user(uinfo, &info, sizeof(info)))
		return -EFAULT;
	return ret;
}

SYSCALL_DEFINE2(sigaltstack, const stack_t *, uss, stack_t *, uoss)
{
	stack_t ss, old;
	int err;

	if (uss && copy_from_user(&ss, uss, sizeof(ss)))
		return -EFAULT;
	err = do_sigaltstack(uss ? &ss : NULL, &old,
			     task_pt_regs(current)->rsp);
	if (!err && uoss && copy_to_user(uoss, &old, sizeof(old)))
		return -EFAULT;
	return err;
}

static void user_kill_info(siginfo_t *info, int sig, int code)
{
	memset(info, 0, sizeof(*info));
	info->si_signo = sig;
	info->si_code = code;
	info->si_pid = current->tgid;
	info->si_uid = current->cred->uid;
}

SYSCALL_DEFINE2(kill, int, pid, int, sig)
{
	siginfo_t info;

	user_kill_info(&info, sig, SI_USER);
	return kill_something_info(sig, &info, pid);
}

/* A thread by tid, of process @tgid unless that is -1 (tkill). */
static int do_send_specific(int tgid, int tid, int sig, siginfo_t *info)
{
	struct task *p = find_get_task_by_pid(tid);
	int err = -ESRCH;

	if (!p)
		return -ESRCH;
	if ((tgid <= 0 || p->tgid == tgid) && !p->exit_state && p->signal)
		err = send_sig_info(sig, info, p);
	put_task(p);
	return err;
}

SYSCALL_DEFINE3(tgkill, int, tgid, int, pid, int, sig)
{
	siginfo_t info;

	if (pid <= 0 || tgid <= 0)
		return -EINVAL;
	user_kill_info(&info, sig, SI_TKILL);
	return do_send_specific(tgid, pid, sig, &info);
}

SYSCALL_DEFINE2(tkill, int, pid, int, sig)
{
	siginfo_t info;

	if (pid <= 0)
		return -EINVAL;
	user_kill_info(&info, sig, SI_TKILL);
	return do_send_specific(-1, pid, sig, &info);
}

/*
 * The caller's siginfo, except that it may not pose as the kernel or as
 * kill/tkill to another process (Linux's post-2.6.39 rule).
 */
static int copy_queueinfo(siginfo_t *info, const siginfo_t *uinfo, int sig,
			  int pid)
{
	if (copy_from_user(info, uinfo, sizeof(*info)))
		return -EFAULT;
	if ((info->si_code >= 0 || info->si_code == SI_TKILL) &&
	    current->tgid != pid)
		return -EPERM;
	info->si_signo = sig;
	return 0;
}

SYSCALL_DEFINE3(rt_sigqueueinfo, int, pid, int, sig, siginfo_t *, uinfo)
{
	siginfo_t info;
	int err = copy_queueinfo(&info, uinfo, sig, pid);

	return err ? err : kill_proc_info(sig, &info, pid);
}

SYSCALL_DEFINE4(rt_tgsigqueueinfo, int, tgid, int, pid, int, sig,
		siginfo_t *, uinfo)
{
	siginfo_t info;
	int err;

	if (pid <= 0 || tgid <= 0)
		return -EINVAL;
	err = copy_queueinfo(&info, uinfo, sig, tgid);
	return err ? err : do_send_specific(tgid, pid, sig, &info);
}
