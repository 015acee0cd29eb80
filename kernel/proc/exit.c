/*
 * The end of processes and threads: exit and exit_group, the release of
 * the address space (waking a vfork parent, CLONE_CHILD_CLEARTID), the
 * reparenting of orphans to PID 1, zombies, and wait4/waitid that reap
 * them, following Linux's kernel/exit.c.
 *
 * A session leader's exit takes the controlling terminal from its
 * session. wait4(0) and wait4(-pgid) compare pgrp pointers.
 */
#include <string.h>
#include <breenix/cred.h>
#include <breenix/errno.h>
#include <breenix/fdtable.h>
#include <breenix/fs_struct.h>
#include <breenix/mman.h>
#include <breenix/panic.h>
#include <breenix/pid.h>
#include <breenix/process.h>
#include <breenix/sched.h>
#include <breenix/signal.h>
#include <breenix/syscall.h>
#include <breenix/time_conv.h>
#include <breenix/tty.h>
#include <breenix/uaccess.h>
#include <breenix/wait_status.h>
#include <uapi/linux/signal.h>
#include <uapi/linux/wait.h>
#include "proc_internal.h"

void mm_release(struct task *tsk)
{
	struct vfork_done *vd = tsk->vfork_done;

	/* Only another user of the mm (a thread) could see the write. */
	if (tsk->clear_child_tid) {
		if (tsk->mm && __atomic_load_n(&tsk->mm->users, __ATOMIC_RELAXED) > 1)
			put_user(0, tsk->clear_child_tid);
		tsk->clear_child_tid = NULL;
	}
	if (vd) {
		tsk->vfork_done = NULL;
		__atomic_store_n(&vd->done, 1, __ATOMIC_RELEASE);
		wake_up_all(&vd->wq);
		put_vfork_done(vd);
	}
}

/* CR3 leaves the mm before the last reference can free its tables. */
static void exit_mm(struct task *tsk)
{
	struct mm_struct *mm = tsk->mm;

	mm_release(tsk);
	if (!mm)
		return;
	preempt_disable();
	tsk->mm = NULL;
	mm_activate(NULL);
	preempt_enable();
	mmput(mm);
}

static bool thread_group_empty(const struct task *p)
{
	return p->signal->nr_threads == 1;
}

/* A zombie leader waits for the rest of its group before it is reapable. */
static bool delay_group_leader(const struct task *p)
{
	return p->group_leader == p && !thread_group_empty(p);
}

/*
 * Who inherits the children of a dying @father: another live thread of
 * its process, else PID 1.
 */
static struct task *find_new_reaper(struct task *father)
{
	struct task *t;

	list_for_each_entry(t, &father->signal->thread_head, thread_node)
		if (t != father && !t->exit_state)
			return t;
	return child_reaper;
}

/*
 * Linux's kill_orphaned_pgrp: a group that this exit (@parent NULL: @tsk
 * leaves) or this reparenting (@tsk's old @parent leaves) orphans gets
 * SIGHUP and SIGCONT if it has stopped members, since no shell is left to
 * continue them (POSIX, _exit). tasklist_lock held.
 */
static void kill_orphaned_pgrp(struct task *tsk, struct task *parent)
{
	struct pid *pgrp = tsk->signal->pgrp;
	struct task *ignored = tsk;

	if (!parent)
		parent = tsk->real_parent;
	else
		ignored = NULL;
	if (!parent || parent->signal->pgrp == pgrp ||
	    parent->signal->session != tsk->signal->session)
		return;
	if (will_become_orphaned_pgrp(pgrp, ignored) && has_stopped_jobs(pgrp)) {
		kill_pgrp_locked(pgrp, SIGHUP);
		kill_pgrp_locked(pgrp, SIGCONT);
	}
}

/*
 * The children go to the new reaper with SIGCHLD as their exit signal (no
 * one may kill init with another); zombies among them are announced to it,
 * and those it will not wait for move to @dead for release.
 */
static void forget_original_parent(struct task *father, struct list_head *dead)
{
	struct task *p, *n, *t, *reaper;

	if (list_empty(&father->children))
		return;
	reaper = find_new_reaper(father);
	list_for_each_entry_safe(p, n, &father->children, sibling) {
		list_for_each_entry(t, &p->signal->thread_head, thread_node) {
			t->real_parent = reaper;
			t->parent = reaper;
		}
		list_del(&p->sibling);
		p->exit_signal = SIGCHLD;
		if (p->exit_state == EXIT_ZOMBIE && thread_group_empty(p) &&
		    do_notify_parent(p, p->exit_signal)) {
			p->exit_state = EXIT_DEAD;
			list_add_tail(&p->sibling, dead);
		} else {
			list_add_tail(&p->sibling, &reaper->children);
		}
		kill_orphaned_pgrp(p, father);
	}
}

/*
 * Returns whether the task reaps itself: a thread that is not the leader,
 * or a process whose parent ignores SIGCHLD. Orphans reaped on the way
 * are released here.
 */
static bool exit_notify(struct task *tsk, bool group_dead)
{
	unsigned long flags = spin_lock_irqsave(&tasklist_lock);
	struct task *p, *n;
	bool autoreap = false;
	LIST_HEAD(dead);

	forget_original_parent(tsk, &dead);
	if (group_dead)
		kill_orphaned_pgrp(tsk->group_leader, NULL);
	if (tsk->group_leader != tsk)
		autoreap = true;
	else if (!delay_group_leader(tsk))
		autoreap = do_notify_parent(tsk, tsk->exit_signal);
	tsk->exit_state = autoreap ? EXIT_DEAD : EXIT_ZOMBIE;
	/* A leader's exit lets another thread's exec take its place. */
	if (tsk->signal->group_exec_task)
		wake_up_process(tsk->signal->group_exec_task);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	list_for_each_entry_safe(p, n, &dead, sibling)
		release_task(p);
	return autoreap;
}

/* Kernel threads have no process: they end as task_exit ends them. */
void do_exit(int code)
{
	struct task *tsk = current;
	struct signal_struct *sig = tsk->signal;
	unsigned long flags;
	bool group_dead;

	if (!sig)
		task_exit(code);
	tsk->exit_code = code;
	exit_signals(tsk);
	flags = spin_lock_irqsave(&tasklist_lock);
	group_dead = --sig->live == 0;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	if (group_dead && (sig->flags & SIGNAL_UNKILLABLE))
		panic("Attempted to kill init! exitcode=0x%08x",
		      sig->group_exit_code ? sig->group_exit_code : code);
	if (group_dead) {
		itimer_exit(sig);
		exit_itimers(tsk);
	}
	exit_mm(tsk);
	exit_files(tsk);
	exit_fs(tsk);
	if (group_dead)
		session_leader_exit_ctty();
	if (exit_notify(tsk, group_dead))
		release_task(tsk);
	/* From here the scheduler's reference is the last one a thread has. */
	local_irq_disable();
	set_current_state(TASK_DEAD);
	wake_up_all(&tsk->exit_wait);
	schedule();
	__builtin_unreachable();
}

/*
 * The first thread to call it sets the status; the others get SIGKILL and
 * leave at their next return to user mode (get_signal).
 */
void do_group_exit(int code)
{
	struct signal_struct *sig = current->signal;
	unsigned long flags;

	if (!sig)
		task_exit(code);
	flags = spin_lock_irqsave(&tasklist_lock);
	if (sig->flags & SIGNAL_GROUP_EXIT) {
		code = sig->group_exit_code;
	} else if (sig->group_exec_task) {
		code = 0;	/* killed by another thread's exec: the process lives on */
	} else {
		sig->group_exit_code = code;
		sig->flags |= SIGNAL_GROUP_EXIT;
		signal_group_exit(current);
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	do_exit(code);
}

bool group_exit_pending(void)
{
	return fatal_signal_pending(current);
}

void release_task(struct task *p)
{
	struct signal_struct *sig = p->signal;
	struct task *leader = p->group_leader;
	bool zap_leader = false;
	uint64_t ut, st;
	unsigned long flags;

repeat:
	sig = p->signal;
	leader = p->group_leader;
	task_cputime(p, &ut, &st);
	flags = spin_lock_irqsave(&tasklist_lock);
	nr_threads--;
	p->cred->user->processes--;
	sig->utime += ut;
	sig->stime += st;
	sig->sum_sched_runtime += p->se.sum_exec_runtime;
	list_del(&p->thread_node);
	sig->nr_threads--;
	if (sig->group_exec_task)
		wake_up_process(sig->group_exec_task);
	list_del(&p->sibling);
	/* The last thread besides a zombie leader: the process is reapable now. */
	zap_leader = leader != p && leader->exit_state == EXIT_ZOMBIE &&
		     thread_group_empty(leader) &&
		     do_notify_parent(leader, leader->exit_signal);
	if (zap_leader)
		leader->exit_state = EXIT_DEAD;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	detach_pid(p);
	put_task(p);
	if (zap_leader) {
		p = leader;
		goto repeat;
	}
}

SYSCALL_DEFINE1(exit, int, error_code)
{
	do_exit(wstatus_exited(error_code));
}

SYSCALL_DEFINE1(exit_group, int, error_code)
{
	do_group_exit(wstatus_exited(error_code));
}

/* ---- wait4 / waitid ---------------------------------------------------- */

struct wait_opts {
	int type;			/* P_ALL, P_PID, P_PGID */
	struct pid *pid;		/* referenced; NULL matches nothing */
	unsigned int flags;		/* W* options */
	/* What was found. */
	int found_pid;
	int status;
	unsigned int uid;
	uint64_t utime, stime;		/* for the rusage: child and its reaped children */
};

static bool eligible_pid(const struct wait_opts *wo, const struct task *p)
{
	switch (wo->type) {
	case P_ALL:
		return true;
	case P_PID:
		return wo->pid && p->pid == wo->pid;
	default:
		return wo->pid && p->signal->pgrp == wo->pid;
	}
}

/* Linux's eligible_child: pid and the __WCLONE/__WALL exit-signal rule. */
static bool eligible_child(const struct wait_opts *wo, const struct task *p)
{
	if (!eligible_pid(wo, p))
		return false;
	if (((p->exit_signal != SIGCHLD) ^ !!(wo->flags & __WCLONE)) &&
	    !(wo->flags & __WALL))
		return false;
	return true;
}

/*
 * Takes what wait reports about zombie @p (tasklist_lock held) and, unless
 * WNOWAIT, claims it for reaping: EXIT_DEAD, and its CPU times move to the
 * caller's children times.
 */
static void wait_task_zombie(struct wait_opts *wo, struct task *p)
{
	struct signal_struct *sig = p->signal, *psig = current->signal;
	uint64_t ut, st;

	wo->found_pid = p->tid;
	wo->status = (sig->flags & SIGNAL_GROUP_EXIT) ? sig->group_exit_code :
							 p->exit_code;
	wo->uid = p->cred->uid;
	task_cputime(p, &ut, &st);
	ut += sig->utime;
	st += sig->stime;
	wo->utime = ut + sig->cutime;
	wo->stime = st + sig->cstime;
	if (wo->flags & WNOWAIT)
		return;
	p->exit_state = EXIT_DEAD;
	psig->cutime += wo->utime;
	psig->cstime += wo->stime;
}

/*
 * A stopped child not yet reported (WUNTRACED/WSTOPPED), or one continued
 * since (WCONTINUED): Linux's wait_task_stopped and wait_task_continued.
 * The report is consumed unless WNOWAIT. tasklist_lock held.
 */
static bool wait_task_stopped_continued(struct wait_opts *wo, struct task *p)
{
	struct signal_struct *sig = p->signal;
	unsigned long flags;
	int status = 0;

	if (!p->sighand || !(wo->flags & (WSTOPPED | WCONTINUED)))
		return false;
	flags = spin_lock_irqsave(&p->sighand->siglock);
	if ((wo->flags & WSTOPPED) && (sig->flags & SIGNAL_STOP_STOPPED) &&
	    sig->group_exit_code) {
		status = wstatus_stopped(sig->group_exit_code);
		if (!(wo->flags & WNOWAIT))
			sig->group_exit_code = 0;
	} else if ((wo->flags & WCONTINUED) &&
		   (sig->flags & SIGNAL_STOP_CONTINUED)) {
		status = WSTATUS_CONTINUED;
		if (!(wo->flags & WNOWAIT))
			sig->flags &= ~SIGNAL_STOP_CONTINUED;
	}
	spin_unlock_irqrestore(&p->sighand->siglock, flags);
	if (!status)
		return false;
	wo->found_pid = p->tid;
	wo->status = status;
	wo->uid = p->cred->uid;
	task_cputime(p, &wo->utime, &wo->stime);
	return true;
}

/*
 * One pass over the children of the caller's threads (only its own with
 * __WNOTHREAD). Returns a claimed zombie (to release) through *reap, and
 * whether any child was eligible at all.
 */
static bool wait_scan(struct wait_opts *wo, struct task **reap)
{
	struct task *t, *p;
	bool any = false;

	list_for_each_entry(t, &current->signal->thread_head, thread_node) {
		if ((wo->flags & __WNOTHREAD) && t != current)
			continue;
		list_for_each_entry(p, &t->children, sibling) {
			if (p->exit_state == EXIT_DEAD || !eligible_child(wo, p))
				continue;
			any = true;
			if (p->exit_state == EXIT_ZOMBIE &&
			    !delay_group_leader(p) && (wo->flags & WEXITED)) {
				wait_task_zombie(wo, p);
				if (!(wo->flags & WNOWAIT))
					*reap = p;
				return true;
			}
			if (!p->exit_state && wait_task_stopped_continued(wo, p))
				return true;
		}
	}
	return any;
}

/* The found pid, 0 (WNOHANG, nothing yet), -ECHILD or -EINTR. */
static long do_wait(struct wait_opts *wo)
{
	wait_queue_head_t *wq = &current->signal->wait_chldexit;
	struct wait_queue_entry w;
	struct task *reap;
	unsigned long flags;
	long ret;
	bool any;

	init_wait_entry(&w, 0);
	for (;;) {
		prepare_to_wait(wq, &w, TASK_INTERRUPTIBLE);
		reap = NULL;
		wo->found_pid = 0;
		flags = spin_lock_irqsave(&tasklist_lock);
		any = wait_scan(wo, &reap);
		spin_unlock_irqrestore(&tasklist_lock, flags);
		if (wo->found_pid) {
			ret = wo->found_pid;
			break;
		}
		ret = any ? 0 : -ECHILD;
		if (!any || (wo->flags & WNOHANG))
			break;
		if (signal_pending(current)) {
			ret = -ERESTARTSYS;
			break;
		}
		schedule();
	}
	finish_wait(wq, &w);
	if (reap)
		release_task(reap);
	return ret;
}

/* The pid an (idtype, id) names: 0 means the caller's process group. */
static struct pid *wait_pid(int type, int id)
{
	if (type == P_ALL)
		return NULL;
	if (type == P_PGID && id == 0)
		return get_pid(current->signal->pgrp);
	return find_get_pid(id);
}

SYSCALL_DEFINE4(wait4, int, upid, int *, stat_addr, int, options,
		struct rusage *, ru)
{
	struct wait_opts wo = { 0 };
	struct rusage r;
	int type, id;
	long ret;

	ret = wait4_check_options((unsigned int)options);
	if (!ret)
		ret = wait4_pid_to_idtype(upid, &type, &id);
	if (ret)
		return ret;
	wo.type = type;
	wo.pid = wait_pid(type, id);
	wo.flags = (unsigned int)options | WEXITED;
	ret = do_wait(&wo);
	put_pid(wo.pid);
	/* As Linux: the child is reaped even when the results cannot be stored. */
	if (ret > 0 && stat_addr && put_user(wo.status, stat_addr))
		return -EFAULT;
	if (ret > 0 && ru) {
		fill_rusage(&r, wo.utime, wo.stime);
		if (copy_to_user(ru, &r, sizeof(r)))
			return -EFAULT;
	}
	return ret;
}

SYSCALL_DEFINE5(waitid, int, which, int, upid, siginfo_t *, infop,
		int, options, struct rusage *, ru)
{
	struct wait_opts wo = { 0 };
	int code = 0, value = 0;
	siginfo_t info;
	struct rusage r;
	long ret;

	ret = waitid_check_options((unsigned int)options);
	if (!ret)
		ret = waitid_check_idtype(which, upid);
	if (ret)
		return ret;
	/* No pidfd can exist before file descriptors do. */
	if (which == P_PIDFD)
		return -EBADF;
	wo.type = which;
	wo.pid = wait_pid(which, upid);
	wo.flags = (unsigned int)options;
	ret = do_wait(&wo);
	put_pid(wo.pid);
	if (ret < 0)
		return ret;
	if (ret && ru) {
		fill_rusage(&r, wo.utime, wo.stime);
		if (copy_to_user(ru, &r, sizeof(r)))
			return -EFAULT;
	}
	if (!infop)
		return 0;
	/* Linux writes these fields, all zero when WNOHANG found nothing. */
	memset(&info, 0, sizeof(info));
	if (ret) {
		wstatus_to_sigchld(wo.status, &code, &value);
		info.si_signo = SIGCHLD;
		info.si_code = code;
		info.si_pid = wo.found_pid;
		info.si_uid = wo.uid;
		info.si_status = value;
	}
	if (copy_to_user(&infop->si_signo, &info.si_signo, sizeof(int)) ||
	    copy_to_user(&infop->si_errno, &info.si_errno, sizeof(int)) ||
	    copy_to_user(&infop->si_code, &info.si_code, sizeof(int)) ||
	    copy_to_user(&infop->_sifields._sigchld, &info._sifields._sigchld,
			 3 * sizeof(int)))
		return -EFAULT;
	return 0;
}
