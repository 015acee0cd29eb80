/*
 * The signal core, after Linux's kernel/signal.c: generation (permission,
 * ignored signals dropped, standard signals queued once and real-time ones
 * in order, charged against RLIMIT_SIGPENDING), the choice of the thread
 * that takes a process-directed signal, dequeueing with the default actions
 * on the way back to user mode, group stop and continue, and the SIGCHLD a
 * parent gets. siglock (in the shared sighand_struct) guards all of it.
 */
#include <string.h>
#include <breenix/cred.h>
#include <breenix/errno.h>
#include <breenix/pid.h>
#include <breenix/printk.h>
#include <breenix/process.h>
#include <breenix/sched.h>
#include <breenix/signal.h>
#include <breenix/slab.h>
#include <breenix/time_conv.h>
#include <breenix/wait_status.h>
#include <uapi/linux/sched.h>
#include "proc_internal.h"

void init_sigpending(struct sigpending *pending)
{
	INIT_LIST_HEAD(&pending->list);
	pending->signal = 0;
	pending->kernel_noinfo = 0;
}

static void sigpending_uncharge(struct user_struct *up)
{
	__atomic_sub_fetch(&up->sigpending, 1, __ATOMIC_RELAXED);
}

static void sigqueue_free(struct sigqueue *q)
{
	/* A POSIX timer's entry is the timer's: it only leaves the queue. */
	if (q->flags & SIGQUEUE_PREALLOC) {
		posixtimer_sigqueue_done(q, NULL);
		return;
	}
	if (q->user)
		sigpending_uncharge(q->user);
	kfree(q);
}

void flush_sigqueue(struct sigpending *pending)
{
	struct sigqueue *q, *n;

	list_for_each_entry_safe(q, n, &pending->list, list) {
		list_del(&q->list);
		sigqueue_free(q);
	}
	pending->signal = 0;
	pending->kernel_noinfo = 0;
}

/* Removes the signals of @mask from @pending, queued entries too. */
void flush_sigqueue_mask(sigset_t mask, struct sigpending *pending)
{
	struct sigqueue *q, *n;

	if (!(pending->signal & mask))
		return;
	pending->signal &= ~mask;
	pending->kernel_noinfo &= ~mask;
	list_for_each_entry_safe(q, n, &pending->list, list) {
		if (mask & sigmask(q->info.si_signo)) {
			list_del(&q->list);
			sigqueue_free(q);
		}
	}
}

/*
 * One more entry charged to @t's user: RLIMIT_SIGPENDING caps them unless
 * @override (a standard signal, whose bit is set anyway). NULL past it.
 */
static struct user_struct *sigpending_charge(struct task *t, bool override)
{
	struct user_struct *up = t->cred->user;
	int n = __atomic_add_fetch(&up->sigpending, 1, __ATOMIC_RELAXED);

	if (!override &&
	    (uint64_t)n > t->signal->rlim[RLIMIT_SIGPENDING].rlim_cur) {
		sigpending_uncharge(up);
		return NULL;
	}
	return up;
}

/*
 * A queue entry (from kmalloc's warm size classes, like every per-process
 * object, so that a first signal does not leave a slab page behind),
 * charged to the receiver's user.
 */
static struct sigqueue *sigqueue_alloc(struct task *t, bool override)
{
	struct user_struct *up = sigpending_charge(t, override);
	struct sigqueue *q;

	if (!up)
		return NULL;
	q = kmalloc(sizeof(*q), GFP_KERNEL);
	if (!q) {
		sigpending_uncharge(up);
		return NULL;
	}
	INIT_LIST_HEAD(&q->list);
	q->flags = 0;
	q->user = up;
	return q;
}

int sigqueue_prealloc(struct sigqueue *q)
{
	q->user = sigpending_charge(current, false);
	if (!q->user)
		return -EAGAIN;
	INIT_LIST_HEAD(&q->list);
	q->flags = SIGQUEUE_PREALLOC;
	return 0;
}

void sigqueue_prealloc_free(struct sigqueue *q)
{
	sigpending_uncharge(q->user);
}

void sigqueue_unqueue(struct sigqueue *q, struct sigpending *pending)
{
	int sig = q->info.si_signo;
	struct sigqueue *other;

	if (list_empty(&q->list))
		return;
	list_del(&q->list);
	if (pending->kernel_noinfo & sigmask(sig))
		return;
	list_for_each_entry(other, &pending->list, list) {
		if (other->info.si_signo == sig)
			return;
	}
	pending->signal &= ~sigmask(sig);
}

/* ---- handlers ----------------------------------------------------------- */

int copy_sighand(uint64_t clone_flags, struct task *p)
{
	struct sighand_struct *sh;

	if (clone_flags & CLONE_SIGHAND) {
		if (current->sighand)
			__atomic_add_fetch(&current->sighand->count, 1,
					   __ATOMIC_RELAXED);
		p->sighand = current->sighand;
		return 0;
	}
	sh = kmalloc(sizeof(*sh), GFP_KERNEL);
	if (!sh)
		return -ENOMEM;
	sh->count = 1;
	sh->siglock = (spinlock_t)SPINLOCK_INIT;
	if (current->sighand) {
		unsigned long flags = spin_lock_irqsave(&current->sighand->siglock);

		memcpy(sh->action, current->sighand->action, sizeof(sh->action));
		spin_unlock_irqrestore(&current->sighand->siglock, flags);
	} else {
		memset(sh->action, 0, sizeof(sh->action));
	}
	p->sighand = sh;
	return 0;
}

int unshare_sighand(struct task *t)
{
	struct sighand_struct *old = t->sighand;
	int err;

	if (!old || __atomic_load_n(&old->count, __ATOMIC_ACQUIRE) == 1)
		return 0;
	/* copy_sighand copies the current task's, which is @t's (exec). */
	err = copy_sighand(0, t);
	if (!err)
		put_sighand(old);
	return err;
}

void put_sighand(struct sighand_struct *sh)
{
	if (sh && !__atomic_sub_fetch(&sh->count, 1, __ATOMIC_ACQ_REL))
		kfree(sh);
}

/* exec: caught signals go back to SIG_DFL, ignored ones stay ignored (POSIX). */
void flush_signal_handlers(struct task *t)
{
	unsigned long flags = spin_lock_irqsave(&t->sighand->siglock);
	struct k_sigaction *ka = t->sighand->action;
	int i;

	for (i = 0; i < _NSIG; i++, ka++) {
		if (ka->sa.sa_handler != SIG_IGN)
			ka->sa.sa_handler = SIG_DFL;
		ka->sa.sa_flags = 0;
		ka->sa.sa_restorer = NULL;
		ka->sa.sa_mask = 0;
	}
	t->sas_ss_sp = 0;
	t->sas_ss_size = 0;
	t->sas_ss_flags = SS_DISABLE;
	spin_unlock_irqrestore(&t->sighand->siglock, flags);
}

/* ---- pending flag and wakeups ------------------------------------------ */

static bool recalc_sigpending_tsk(struct task *t)
{
	if ((t->jobctl & JOBCTL_STOP_PENDING) ||
	    (t->pending.signal & ~t->blocked) ||
	    (t->signal->shared_pending.signal & ~t->blocked) ||
	    (t->signal->flags & SIGNAL_GROUP_EXIT)) {
		__atomic_store_n(&t->sigpending, 1, __ATOMIC_SEQ_CST);
		return true;
	}
	return false;
}

void recalc_sigpending(void)
{
	if (!recalc_sigpending_tsk(current))
		__atomic_store_n(&current->sigpending, 0, __ATOMIC_SEQ_CST);
}

void signal_wake_up(struct task *t, bool fatal)
{
	__atomic_store_n(&t->sigpending, 1, __ATOMIC_SEQ_CST);
	wake_up_state(t, TASK_INTERRUPTIBLE | (fatal ? TASK_STOPPED : 0));
}

bool fatal_signal_pending(const struct task *t)
{
	return t->signal && ((t->pending.signal & sigmask(SIGKILL)) ||
			     (__atomic_load_n(&t->signal->flags, __ATOMIC_RELAXED) &
			      SIGNAL_GROUP_EXIT));
}

/* ---- generation --------------------------------------------------------- */

static bool sig_handler_ignored(__sighandler_t handler, int sig)
{
	return handler == SIG_IGN ||
	       (handler == SIG_DFL && sig_in(sig, SIG_KERNEL_IGNORE_MASK));
}

/* PID 1 gets only the signals it has handlers for (and forced faults). */
static bool sig_task_ignored(struct task *t, int sig, bool force)
{
	__sighandler_t handler = t->sighand->action[sig - 1].sa.sa_handler;

	if ((t->signal->flags & SIGNAL_UNKILLABLE) && handler == SIG_DFL &&
	    !(force && sig_in(sig, SIG_KERNEL_ONLY_MASK)))
		return true;
	return sig_handler_ignored(handler, sig);
}

/* A blocked signal is kept: the handler may change before it is unblocked. */
static bool sig_ignored(struct task *t, int sig, bool force)
{
	if ((t->blocked | t->real_blocked) & sigmask(sig))
		return false;
	return sig_task_ignored(t, sig, force);
}

#define SIGNAL_STOP_MASK (SIGNAL_CLD_MASK | SIGNAL_STOP_STOPPED | \
			  SIGNAL_STOP_CONTINUED)

static void signal_set_stop_flags(struct signal_struct *sig, unsigned int why)
{
	sig->flags = (sig->flags & ~SIGNAL_STOP_MASK) | why;
}

/* SIGCONT ends a stop (and notes it for the parent): every thread runs. */
static void prepare_sigcont(struct signal_struct *signal)
{
	struct task *t;
	unsigned int why = 0;

	flush_sigqueue_mask(SIG_KERNEL_STOP_MASK, &signal->shared_pending);
	list_for_each_entry(t, &signal->thread_head, thread_node) {
		flush_sigqueue_mask(SIG_KERNEL_STOP_MASK, &t->pending);
		t->jobctl &= ~JOBCTL_STOP_PENDING;
		wake_up_state(t, TASK_STOPPED);
	}
	if (signal->flags & SIGNAL_STOP_STOPPED)
		why = SIGNAL_CLD_CONTINUED;
	else if (signal->group_stop_count)
		why = SIGNAL_CLD_STOPPED;
	if (why) {
		signal_set_stop_flags(signal, why | SIGNAL_STOP_CONTINUED);
		signal->group_stop_count = 0;
		signal->group_exit_code = 0;
	}
}

/*
 * What sending does before queueing (Linux's prepare_signal): a dying
 * process takes nothing more, a stop signal cancels a pending SIGCONT and
 * SIGCONT cancels pending stops. False: drop the signal.
 */
static bool prepare_signal(int sig, struct task *p, bool force)
{
	struct signal_struct *signal = p->signal;
	struct task *t;

	if (signal->flags & SIGNAL_GROUP_EXIT)
		return false;
	if (sig_in(sig, SIG_KERNEL_STOP_MASK)) {
		flush_sigqueue_mask(sigmask(SIGCONT), &signal->shared_pending);
		list_for_each_entry(t, &signal->thread_head, thread_node)
			flush_sigqueue_mask(sigmask(SIGCONT), &t->pending);
	} else if (sig == SIGCONT) {
		prepare_sigcont(signal);
	}
	return !sig_ignored(p, sig, force);
}

static bool task_is_stopped(const struct task *t)
{
	return __atomic_load_n(&t->state, __ATOMIC_RELAXED) == TASK_STOPPED;
}

/* Whether @p can take @sig now (Linux's wants_signal). */
static bool wants_signal(int sig, struct task *p)
{
	if (p->blocked & sigmask(sig))
		return false;
	if (p->exit_state)
		return false;
	if (sig == SIGKILL)
		return true;
	if (task_is_stopped(p))
		return false;
	return p == current || !signal_pending(p);
}

static bool sig_fatal(struct task *t, int sig)
{
	return !sig_in(sig, SIG_KERNEL_IGNORE_MASK | SIG_KERNEL_STOP_MASK) &&
	       t->sighand->action[sig - 1].sa.sa_handler == SIG_DFL;
}

/* Every other thread of the process gets SIGKILL: the group is exiting. */
static void zap_other_threads(struct task *p)
{
	struct signal_struct *signal = p->signal;
	struct task *t;

	signal->group_stop_count = 0;
	list_for_each_entry(t, &signal->thread_head, thread_node) {
		t->jobctl &= ~JOBCTL_STOP_PENDING;
		if (t == p || t->exit_state)
			continue;
		t->pending.signal |= sigmask(SIGKILL);
		signal_wake_up(t, true);
	}
}

/*
 * Picks the thread that takes @sig and wakes it; a fatal signal nobody
 * handles or blocks starts the group's exit at once, as Linux does.
 */
static void complete_signal(int sig, struct task *p, bool shared)
{
	struct signal_struct *signal = p->signal;
	struct task *t = NULL, *it;

	if (wants_signal(sig, p)) {
		t = p;
	} else if (shared) {
		list_for_each_entry(it, &signal->thread_head, thread_node) {
			if (wants_signal(sig, it)) {
				t = it;
				break;
			}
		}
	}
	if (!t)
		return;
	if (sig_fatal(p, sig) && !(signal->flags & SIGNAL_GROUP_EXIT) &&
	    !signal->group_exec_task &&
	    !(t->real_blocked & sigmask(sig)) &&
	    !sig_in(sig, SIG_KERNEL_COREDUMP_MASK)) {
		signal->flags = SIGNAL_GROUP_EXIT | (signal->flags & SIGNAL_UNKILLABLE);
		signal->group_exit_code = wstatus_signaled(sig, 0);
		list_for_each_entry(it, &signal->thread_head, thread_node) {
			if (it->exit_state)
				continue;
			it->jobctl &= ~JOBCTL_STOP_PENDING;
			it->pending.signal |= sigmask(SIGKILL);
			signal_wake_up(it, true);
		}
		signal->group_stop_count = 0;
		return;
	}
	signal_wake_up(t, sig == SIGKILL);
}

static bool si_fromuser(const siginfo_t *info)
{
	return info->si_code <= 0;
}

/*
 * A kernel-made siginfo carries nothing but SI_KERNEL; a standard signal
 * sent with one needs no queue entry (none is allocated from the timer
 * interrupt either): the dequeue rebuilds it.
 */
static bool info_is_priv(const siginfo_t *info)
{
	return info->si_code == SI_KERNEL && !info->_sifields._kill._pid &&
	       !info->_sifields._kill._uid;
}

/* siglock held. 0, or -EAGAIN when a real-time signal cannot be queued. */
static int send_signal_locked(int sig, siginfo_t *info, struct task *t,
			      bool shared)
{
	struct sigpending *pending;
	struct sigqueue *q;
	bool override;

	if (!prepare_signal(sig, t, false))
		return 0;
	pending = shared ? &t->signal->shared_pending : &t->pending;
	if (sig < SIGRTMIN && (pending->signal & sigmask(sig)))
		return 0;
	if (sig == SIGKILL)
		goto out_set;
	if (sig < SIGRTMIN && info_is_priv(info)) {
		pending->kernel_noinfo |= sigmask(sig);
		goto out_set;
	}
	override = sig < SIGRTMIN && info->si_code >= 0;
	q = sigqueue_alloc(t, override);
	if (q) {
		q->info = *info;
		q->info.si_signo = sig;
		list_add_tail(&q->list, &pending->list);
	} else if (sig >= SIGRTMIN && info->si_code != SI_USER) {
		return -EAGAIN;
	}
out_set:
	pending->signal |= sigmask(sig);
	complete_signal(sig, t, shared);
	return 0;
}

bool send_sigqueue_locked(struct sigqueue *q, struct task *t, bool shared)
{
	int sig = q->info.si_signo;
	struct sigpending *pending;

	if (!prepare_signal(sig, t, false))
		return false;
	pending = shared ? &t->signal->shared_pending : &t->pending;
	list_add_tail(&q->list, &pending->list);
	pending->signal |= sigmask(sig);
	complete_signal(sig, t, shared);
	return true;
}

static int send_signal_to(int sig, siginfo_t *info, struct task *t, bool shared)
{
	struct sighand_struct *sh = t->sighand;
	unsigned long flags;
	int ret;

	if (!sh || !t->signal)
		return -ESRCH;
	/* A zombie takes the signal and drops it, as in Linux. */
	if (t->exit_state)
		return 0;
	flags = spin_lock_irqsave(&sh->siglock);
	ret = send_signal_locked(sig, info, t, shared);
	spin_unlock_irqrestore(&sh->siglock, flags);
	return ret;
}

/* Linux's kill_ok_by_cred: the sender's real or effective uid is the
 * target's real or saved uid, or the sender is privileged (CAP_KILL). */
static bool kill_ok_by_cred(struct task *t)
{
	const struct cred *c = current->cred, *tc = t->cred;

	return c->euid == tc->suid || c->euid == tc->uid ||
	       c->uid == tc->suid || c->uid == tc->uid || capable_root();
}

static int check_kill_permission(int sig, const siginfo_t *info, struct task *t)
{
	if (!valid_signal((unsigned long)sig))
		return -EINVAL;
	if (!si_fromuser(info))
		return 0;
	if (kill_ok_by_cred(t))
		return 0;
	/* SIGCONT within the session: job control needs it across uids. */
	if (sig == SIGCONT && t->signal && current->signal &&
	    t->signal->session == current->signal->session)
		return 0;
	return -EPERM;
}

int send_sig_info(int sig, siginfo_t *info, struct task *t)
{
	int err = check_kill_permission(sig, info, t);

	if (!err && sig)
		err = send_signal_to(sig, info, t, false);
	return err;
}

int group_send_sig_info(int sig, siginfo_t *info, struct task *p)
{
	int err = check_kill_permission(sig, info, p);

	if (!err && sig)
		err = send_signal_to(sig, info, p, true);
	return err;
}

/* The siginfo of kill(2) from the current process, or the kernel's. */
static void fill_kill_info(siginfo_t *info, int sig, int code)
{
	memset(info, 0, sizeof(*info));
	info->si_signo = sig;
	info->si_code = code;
	if (code != SI_KERNEL) {
		info->_sifields._kill._pid = current->tgid;
		info->_sifields._kill._uid = current->cred->uid;
	}
}

int send_sig(int sig, struct task *t, bool priv)
{
	siginfo_t info;

	fill_kill_info(&info, sig, priv ? SI_KERNEL : SI_USER);
	return send_sig_info(sig, &info, t);
}

int group_send_sig(int sig, struct task *p, bool priv)
{
	siginfo_t info;

	fill_kill_info(&info, sig, priv ? SI_KERNEL : SI_USER);
	return group_send_sig_info(sig, &info, p);
}

/* kill(2) on a group (@pgrp) or on everyone (NULL): Linux's rules (tasklist_lock held). */
static int kill_many_locked(int sig, siginfo_t *info, struct pid *pgrp)
{
	int count = 0, success = 0, retval = pgrp ? -ESRCH : 0, err;
	struct task *p;

	for_each_process(p) {
		if (pgrp && p->signal->pgrp != pgrp)
			continue;
		/* kill(-1): everyone the caller may signal but PID 1 and itself. */
		if (!pgrp && (p->tgid <= 1 || p->signal == current->signal))
			continue;
		err = group_send_sig_info(sig, info, p);
		count++;
		success |= !err;
		if (pgrp || err != -EPERM)
			retval = err;
	}
	if (pgrp)
		return success ? 0 : retval;
	return count ? retval : -ESRCH;
}

static int kill_many(int sig, siginfo_t *info, struct pid *pgrp)
{
	unsigned long flags = spin_lock_irqsave(&tasklist_lock);
	int ret = kill_many_locked(sig, info, pgrp);

	spin_unlock_irqrestore(&tasklist_lock, flags);
	return ret;
}

static int kill_pgrp_info(int sig, siginfo_t *info, struct pid *pgrp)
{
	return pgrp ? kill_many(sig, info, pgrp) : -ESRCH;
}

int kill_pgrp(struct pid *pgrp, int sig, bool priv)
{
	siginfo_t info;

	fill_kill_info(&info, sig, priv ? SI_KERNEL : SI_USER);
	return kill_pgrp_info(sig, &info, pgrp);
}

void kill_pgrp_locked(struct pid *pgrp, int sig)
{
	siginfo_t info;

	fill_kill_info(&info, sig, SI_KERNEL);
	kill_many_locked(sig, &info, pgrp);
}

int kill_proc_info(int sig, siginfo_t *info, int pid)
{
	struct task *p = find_get_task_by_pid(pid);
	int err = -ESRCH;

	if (!p)
		return -ESRCH;
	/* A thread's tid names its process too, as in Linux. */
	if (p->signal)
		err = group_send_sig_info(sig, info, p);
	put_task(p);
	return err;
}

/* Linux's kill_something_info: kill(2)'s four kinds of pid. */
int kill_something_info(int sig, siginfo_t *info, int pid)
{
	struct pid *pgrp;
	int ret;

	if (pid > 0)
		return kill_proc_info(sig, info, pid);
	if (pid == INT32_MIN)
		return -ESRCH;
	if (pid != -1) {
		pgrp = pid ? find_get_pid(-pid) : get_pid(current->signal->pgrp);
		ret = kill_pgrp_info(sig, info, pgrp);
		put_pid(pgrp);
		return ret;
	}
	return kill_many(sig, info, NULL);
}

bool current_signal_pending(void)
{
	return signal_pending(current);
}

void send_sigpipe(void)
{
	send_sig(SIGPIPE, current, false);
}

/* ---- faults -------------------------------------------------------------- */

static void force_sig_info(siginfo_t *info)
{
	struct task *t = current;
	struct sighand_struct *sh = t->sighand;
	int sig = info->si_signo;
	struct k_sigaction *ka = &sh->action[sig - 1];
	unsigned long flags = spin_lock_irqsave(&sh->siglock);
	bool blocked = t->blocked & sigmask(sig);

	if (blocked || ka->sa.sa_handler == SIG_IGN) {
		ka->sa.sa_handler = SIG_DFL;
		if (blocked) {
			t->blocked &= ~sigmask(sig);
			recalc_sigpending();
		}
	}
	if (ka->sa.sa_handler == SIG_DFL)
		t->signal->flags &= ~SIGNAL_UNKILLABLE;
	send_signal_locked(sig, info, t, false);
	spin_unlock_irqrestore(&sh->siglock, flags);
}

void force_sig_fault(int sig, int code, uint64_t addr)
{
	siginfo_t info;

	memset(&info, 0, sizeof(info));
	info.si_signo = sig;
	info.si_code = code;
	info._sifields._sigfault._addr = (void *)addr;
	force_sig_info(&info);
}

void force_sig(int sig)
{
	siginfo_t info;

	fill_kill_info(&info, sig, SI_KERNEL);
	force_sig_info(&info);
}

void force_sigsegv(int sig)
{
	/* A frame for SIGSEGV itself failed: the next one must kill. */
	if (sig == SIGSEGV) {
		unsigned long flags = spin_lock_irqsave(&current->sighand->siglock);

		current->sighand->action[SIGSEGV - 1].sa.sa_handler = SIG_DFL;
		spin_unlock_irqrestore(&current->sighand->siglock, flags);
	}
	force_sig(SIGSEGV);
}

/* ---- dequeue and delivery ---------------------------------------------- */

/* Faults first, then the lowest number (POSIX leaves the order open). */
static int next_signal(sigset_t pending, sigset_t blocked)
{
	sigset_t x = pending & ~blocked;

	if (!x)
		return 0;
	if (x & SYNCHRONOUS_MASK)
		x &= SYNCHRONOUS_MASK;
	return __builtin_ctzl(x) + 1;
}

static void collect_signal(int sig, struct sigpending *list, siginfo_t *info)
{
	struct sigqueue *q, *first = NULL;
	bool more = false;

	list_for_each_entry(q, &list->list, list) {
		if (q->info.si_signo != sig)
			continue;
		if (first) {
			more = true;
			break;
		}
		first = q;
	}
	if (!more)
		list->signal &= ~sigmask(sig);
	if (first) {
		list_del(&first->list);
		*info = first->info;
		if (first->flags & SIGQUEUE_PREALLOC)
			posixtimer_sigqueue_done(first, info);
		else
			sigqueue_free(first);
		return;
	}
	/* Sent without an entry: a kernel signal, or one the limit dropped. */
	memset(info, 0, sizeof(*info));
	info->si_signo = sig;
	info->si_code = list->kernel_noinfo & sigmask(sig) ? SI_KERNEL : SI_USER;
	list->kernel_noinfo &= ~sigmask(sig);
}

static int __dequeue_signal(struct sigpending *pending, sigset_t blocked,
			    siginfo_t *info)
{
	int sig = next_signal(pending->signal, blocked);

	if (sig)
		collect_signal(sig, pending, info);
	return sig;
}

/* The next signal of @t not in @blocked, its own before its process's. */
int dequeue_signal(struct task *t, sigset_t blocked, siginfo_t *info)
{
	int sig = __dequeue_signal(&t->pending, blocked, info);

	if (!sig)
		sig = __dequeue_signal(&t->signal->shared_pending, blocked, info);
	recalc_sigpending();
	return sig;
}

static void fill_child_times(siginfo_t *info, struct task *tsk)
{
	uint64_t ut, st;

	task_cputime(tsk, &ut, &st);
	info->si_utime = ns_to_clock_t(ut + tsk->signal->utime);
	info->si_stime = ns_to_clock_t(st + tsk->signal->stime);
}

/* tasklist_lock held: the parent hears that @tsk's process stopped or continued. */
static void do_notify_parent_cldstop(struct task *tsk, int why)
{
	struct task *leader = tsk->group_leader, *parent = leader->real_parent;
	struct sighand_struct *sh;
	unsigned long flags;
	siginfo_t info;

	if (!parent || !parent->sighand || !parent->signal)
		return;
	memset(&info, 0, sizeof(info));
	info.si_signo = SIGCHLD;
	info.si_code = why;
	info._sifields._sigchld._pid = leader->tgid;
	info._sifields._sigchld._uid = leader->cred->uid;
	info._sifields._sigchld._status = why == CLD_CONTINUED ? SIGCONT :
		tsk->signal->group_exit_code & 0x7f;
	fill_child_times(&info, leader);
	sh = parent->sighand;
	flags = spin_lock_irqsave(&sh->siglock);
	if (sh->action[SIGCHLD - 1].sa.sa_handler != SIG_IGN &&
	    !(sh->action[SIGCHLD - 1].sa.sa_flags & SA_NOCLDSTOP))
		send_signal_locked(SIGCHLD, &info, parent, true);
	spin_unlock_irqrestore(&sh->siglock, flags);
	wake_up_all(&parent->signal->wait_chldexit);
}

bool do_notify_parent(struct task *tsk, int sig)
{
	struct task *parent = tsk->parent;
	struct signal_struct *s = tsk->signal;
	struct sighand_struct *psh;
	int status, code, value;
	bool autoreap = false;
	unsigned long flags;
	siginfo_t info;

	if (!parent || !parent->sighand || !parent->signal)
		return false;
	status = (s->flags & SIGNAL_GROUP_EXIT) ? s->group_exit_code :
						   tsk->exit_code;
	wstatus_to_sigchld(status, &code, &value);
	memset(&info, 0, sizeof(info));
	info.si_signo = sig;
	info.si_code = code;
	info._sifields._sigchld._pid = tsk->tgid;
	info._sifields._sigchld._uid = tsk->cred->uid;
	info._sifields._sigchld._status = value;
	fill_child_times(&info, tsk);
	psh = parent->sighand;
	flags = spin_lock_irqsave(&psh->siglock);
	if (sig == SIGCHLD &&
	    (psh->action[SIGCHLD - 1].sa.sa_handler == SIG_IGN ||
	     (psh->action[SIGCHLD - 1].sa.sa_flags & SA_NOCLDWAIT))) {
		autoreap = true;
		if (psh->action[SIGCHLD - 1].sa.sa_handler == SIG_IGN)
			sig = 0;
	}
	if (sig > 0 && valid_signal((unsigned long)sig))
		send_signal_locked(sig, &info, parent, true);
	spin_unlock_irqrestore(&psh->siglock, flags);
	wake_up_all(&parent->signal->wait_chldexit);
	return autoreap;
}

static void notify_parent_locked(struct task *tsk, int why)
{
	unsigned long flags = spin_lock_irqsave(&tasklist_lock);

	do_notify_parent_cldstop(tsk, why);
	spin_unlock_irqrestore(&tasklist_lock, flags);
}

/*
 * Group stop (siglock held on entry, released before returning): the first
 * thread to take the stop signal asks the others to stop; each stops here,
 * and the last one makes the process stopped and tells the parent.
 */
static void do_signal_stop(int signr, unsigned long irqf)
{
	struct signal_struct *sig = current->signal;
	struct task *t;
	bool notify = false;

	if (!(current->jobctl & JOBCTL_STOP_PENDING)) {
		if (!(sig->flags & SIGNAL_STOP_STOPPED))
			sig->group_exit_code = signr;
		sig->group_stop_count = 1;
		current->jobctl |= JOBCTL_STOP_PENDING;
		list_for_each_entry(t, &sig->thread_head, thread_node) {
			if (t == current || t->exit_state || task_is_stopped(t))
				continue;
			t->jobctl |= JOBCTL_STOP_PENDING;
			sig->group_stop_count++;
			signal_wake_up(t, false);
		}
	}
	current->jobctl &= ~JOBCTL_STOP_PENDING;
	if (sig->group_stop_count && !--sig->group_stop_count &&
	    !(sig->flags & SIGNAL_STOP_STOPPED)) {
		signal_set_stop_flags(sig, SIGNAL_STOP_STOPPED);
		notify = true;
	}
	recalc_sigpending();
	set_current_state(TASK_STOPPED);
	spin_unlock_irqrestore(&current->sighand->siglock, irqf);
	if (notify)
		notify_parent_locked(current, CLD_STOPPED);
	schedule();
}

/*
 * The wait status of a death by @info's signal: the core flag says a core
 * file was written (coredump.c), as Linux's does.
 */
static int core_status(const siginfo_t *info)
{
	int signr = info->si_signo;
	bool core = sig_in(signr, SIG_KERNEL_COREDUMP_MASK) && do_coredump(info);

	return wstatus_signaled(signr, core);
}

bool get_signal(struct ksignal *ksig)
{
	struct sighand_struct *sh = current->sighand;
	struct signal_struct *sig = current->signal;
	struct k_sigaction *ka;
	unsigned long flags;
	int signr, why;

	if (!sh || !sig)
		return false;
relock:
	flags = spin_lock_irqsave(&sh->siglock);
	if (sig->flags & SIGNAL_CLD_MASK) {
		why = sig->flags & SIGNAL_CLD_CONTINUED ? CLD_CONTINUED : CLD_STOPPED;
		sig->flags &= ~SIGNAL_CLD_MASK;
		spin_unlock_irqrestore(&sh->siglock, flags);
		notify_parent_locked(current, why);
		goto relock;
	}
	for (;;) {
		if (sig->flags & SIGNAL_GROUP_EXIT) {
			spin_unlock_irqrestore(&sh->siglock, flags);
			do_exit(sig->group_exit_code);
		}
		if (current->jobctl & JOBCTL_STOP_PENDING) {
			do_signal_stop(0, flags);
			goto relock;
		}
		signr = dequeue_signal(current, current->blocked, &ksig->info);
		if (!signr)
			break;
		ka = &sh->action[signr - 1];
		if (ka->sa.sa_handler == SIG_IGN)
			continue;
		if (ka->sa.sa_handler != SIG_DFL) {
			ksig->ka = *ka;
			if (ka->sa.sa_flags & SA_RESETHAND)
				ka->sa.sa_handler = SIG_DFL;
			break;
		}
		if (sig_in(signr, SIG_KERNEL_IGNORE_MASK))
			continue;
		if ((sig->flags & SIGNAL_UNKILLABLE) &&
		    !sig_in(signr, SIG_KERNEL_ONLY_MASK))
			continue;
		if (sig_in(signr, SIG_KERNEL_STOP_MASK)) {
			/*
			 * POSIX: the job-control stops do nothing to an
			 * orphaned group (no shell would continue it);
			 * SIGSTOP always stops. The tree's lock comes
			 * first, so siglock is dropped to look.
			 */
			if (signr != SIGSTOP) {
				spin_unlock_irqrestore(&sh->siglock, flags);
				if (current_pgrp_orphaned())
					goto relock;
				flags = spin_lock_irqsave(&sh->siglock);
			}
			do_signal_stop(signr, flags);
			goto relock;
		}
		spin_unlock_irqrestore(&sh->siglock, flags);
		do_group_exit(core_status(&ksig->info));
	}
	spin_unlock_irqrestore(&sh->siglock, flags);
	ksig->sig = signr;
	return signr > 0;
}

/* Blocks @set for the current thread; a process signal it no longer takes
 * goes to a thread that can (Linux's retarget_shared_pending). siglock held. */
static void __set_task_blocked(sigset_t set)
{
	struct task *t = current, *it;
	sigset_t newly = set & ~t->blocked;
	sigset_t shared = t->signal->shared_pending.signal & newly;

	t->blocked = set;
	recalc_sigpending();
	if (!shared)
		return;
	list_for_each_entry(it, &t->signal->thread_head, thread_node) {
		if (it != t && !it->exit_state && (shared & ~it->blocked)) {
			shared &= it->blocked;
			signal_wake_up(it, false);
			if (!shared)
				break;
		}
	}
}

void set_current_blocked(sigset_t set)
{
	unsigned long flags = spin_lock_irqsave(&current->sighand->siglock);

	__set_task_blocked(set & ~SIG_KERNEL_ONLY_MASK);
	spin_unlock_irqrestore(&current->sighand->siglock, flags);
}

void set_restore_sigmask(sigset_t saved)
{
	current->saved_sigmask = saved;
	current->restore_sigmask = true;
}

void restore_saved_sigmask(void)
{
	if (!current->restore_sigmask)
		return;
	current->restore_sigmask = false;
	set_current_blocked(current->saved_sigmask);
}

void signal_setup_done(bool failed, struct ksignal *ksig)
{
	sigset_t blocked;

	if (failed) {
		force_sigsegv(ksig->sig);
		return;
	}
	current->restore_sigmask = false;
	blocked = current->blocked | ksig->ka.sa.sa_mask;
	if (!(ksig->ka.sa.sa_flags & SA_NODEFER))
		blocked |= sigmask(ksig->sig);
	set_current_blocked(blocked);
	if (current->sas_ss_flags & SS_AUTODISARM) {
		current->sas_ss_sp = 0;
		current->sas_ss_size = 0;
		current->sas_ss_flags = SS_DISABLE;
	}
}

void exit_signals(struct task *t)
{
	struct sighand_struct *sh = t->sighand;
	struct signal_struct *sig = t->signal;
	unsigned long flags;
	bool notify = false;

	if (!sh || !sig)
		return;
	flags = spin_lock_irqsave(&sh->siglock);
	/* Leaving counts as stopping for a group stop under way. */
	if ((t->jobctl & JOBCTL_STOP_PENDING) && sig->group_stop_count &&
	    !--sig->group_stop_count && !(sig->flags & SIGNAL_GROUP_EXIT)) {
		signal_set_stop_flags(sig, SIGNAL_STOP_STOPPED);
		notify = true;
	}
	t->jobctl &= ~JOBCTL_STOP_PENDING;
	flush_sigqueue(&t->pending);
	spin_unlock_irqrestore(&sh->siglock, flags);
	if (notify)
		notify_parent_locked(t, CLD_STOPPED);
}

/* do_group_exit and de_thread: every other thread gets SIGKILL (tasklist_lock held). */
void signal_group_exit(struct task *t)
{
	unsigned long flags;

	if (!t->sighand)
		return;
	flags = spin_lock_irqsave(&t->sighand->siglock);
	zap_other_threads(t);
	spin_unlock_irqrestore(&t->sighand->siglock, flags);
}

/* ---- sigaltstack ------------------------------------------------------- */

bool on_sig_stack(unsigned long sp)
{
	const struct task *t = current;

	if (t->sas_ss_flags & SS_AUTODISARM)
		return false;
	return sp > t->sas_ss_sp && sp - t->sas_ss_sp <= t->sas_ss_size;
}

int sas_ss_flags(unsigned long sp)
{
	if (!current->sas_ss_size)
		return SS_DISABLE;
	return on_sig_stack(sp) ? SS_ONSTACK : 0;
}

int do_sigaltstack(const stack_t *ss, stack_t *oss, unsigned long sp)
{
	struct task *t = current;
	unsigned long ss_sp;
	size_t ss_size;
	int mode;

	if (oss) {
		memset(oss, 0, sizeof(*oss));
		oss->ss_sp = (void *)t->sas_ss_sp;
		oss->ss_size = t->sas_ss_size;
		oss->ss_flags = sas_ss_flags(sp) | (int)(t->sas_ss_flags & SS_AUTODISARM);
	}
	if (!ss)
		return 0;
	ss_sp = (unsigned long)ss->ss_sp;
	ss_size = ss->ss_size;
	if (on_sig_stack(sp))
		return -EPERM;
	mode = ss->ss_flags & ~(int)SS_AUTODISARM;
	if (mode != SS_DISABLE && mode != SS_ONSTACK && mode != 0)
		return -EINVAL;
	if (mode == SS_DISABLE) {
		ss_size = 0;
		ss_sp = 0;
	} else if (ss_size < MINSIGSTKSZ) {
		return -ENOMEM;
	}
	t->sas_ss_sp = ss_sp;
	t->sas_ss_size = ss_size;
	t->sas_ss_flags = (unsigned int)ss->ss_flags;
	return 0;
}
