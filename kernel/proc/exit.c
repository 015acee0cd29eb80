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

/* Tells @p's parent that it can be reaped (SIGCHLD arrives with signals). */
static void do_notify_parent(struct task *p)
{
	if (p->parent && p->parent->signal)
		wake_up_all(&p->parent->signal->wait_chldexit);
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

static void forget_original_parent(struct task *father)
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
		list_add_tail(&p->sibling, &reaper->children);
		if (p->exit_state == EXIT_ZOMBIE && thread_group_empty(p))
			do_notify_parent(p);
	}
}

/* Returns whether the task reaps itself (a thread that is not the leader). */
static bool exit_notify(struct task *tsk)
{
	unsigned long flags = spin_lock_irqsave(&tasklist_lock);
	bool autoreap = false;

	forget_original_parent(tsk);
	if (tsk->group_leader != tsk) {
		tsk->exit_state = EXIT_DEAD;
		autoreap = true;
	} else {
		tsk->exit_state = EXIT_ZOMBIE;
		if (!delay_group_leader(tsk))
			do_notify_parent(tsk);
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
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
	flags = spin_lock_irqsave(&tasklist_lock);
	group_dead = --sig->live == 0;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	if (group_dead && (sig->flags & SIGNAL_UNKILLABLE))
		panic("Attempted to kill init! exitcode=0x%08x",
		      sig->group_exit_code ? sig->group_exit_code : code);
	exit_mm(tsk);
	exit_files(tsk);
	exit_fs(tsk);
	if (group_dead)
		session_leader_exit_ctty();
	if (exit_notify(tsk))
		release_task(tsk);
	/* From here the scheduler's reference is the last one a thread has. */
	local_irq_disable();
	set_current_state(TASK_DEAD);
	wake_up_all(&tsk->exit_wait);
	schedule();
	__builtin_unreachable();
}

/*
 * The first thread to call it sets the status; the others leave at their
 * next return to user mode (check_group_exit) or interruptible sleep.
 */
void do_group_exit(int code)
{
	struct signal_struct *sig = current->signal;
	unsigned long flags;
	struct task *t;

	if (!sig)
		task_exit(code);
	flags = spin_lock_irqsave(&tasklist_lock);
	if (sig->flags & SIGNAL_GROUP_EXIT) {
		code = sig->group_exit_code;
	} else {
		sig->group_exit_code = code;
		sig->flags |= SIGNAL_GROUP_EXIT;
		list_for_each_entry(t, &sig->thread_head, thread_node)
			if (t != current && t->state == TASK_INTERRUPTIBLE)
				wake_up_process(t);
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	do_exit(code);
}

bool group_exit_pending(void)
{
	const struct signal_struct *sig = current->signal;

	return sig && (__atomic_load_n(&sig->flags, __ATOMIC_RELAXED) &
		       SIGNAL_GROUP_EXIT);
}

void check_group_exit(void)
{
	if (group_exit_pending())
		do_exit(current->signal->group_exit_code);
}

void release_task(struct task *p)
{
	struct signal_struct *sig = p->signal;
	struct task *leader = p->group_leader;
	uint64_t ut, st;
	unsigned long flags;

	task_cputime(p, &ut, &st);
	flags = spin_lock_irqsave(&tasklist_lock);
	nr_threads--;
	p->cred->user->processes--;
	sig->utime += ut;
	sig->stime += st;
	sig->sum_sched_runtime += p->se.sum_exec_runtime;
	list_del(&p->thread_node);
	sig->nr_threads--;
	list_del(&p->sibling);
	/* The last thread besides a zombie leader: the process is reapable now. */
	if (leader != p && leader->exit_state == EXIT_ZOMBIE &&
	    thread_group_empty(leader))
		do_notify_parent(leader);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	detach_pid(p);
	put_task(p);
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
		if (group_exit_pending()) {
			ret = -EINTR;
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

SYSCALL_DEFINE5(waitid, int, which, int, upid, struct siginfo *, infop,
		int, options, struct rusage *, ru)
{
	struct wait_opts wo = { 0 };
	int si_code = 0, si_status = 0;
	struct siginfo info;
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
		wstatus_to_sigchld(wo.status, &si_code, &si_status);
		info.si_signo = SIGCHLD;
		info.si_code = si_code;
		info._sifields._sigchld.si_pid = wo.found_pid;
		info._sifields._sigchld.si_uid = wo.uid;
		info._sifields._sigchld.si_status = si_status;
	}
	if (copy_to_user(&infop->si_signo, &info.si_signo, sizeof(int)) ||
	    copy_to_user(&infop->si_errno, &info.si_errno, sizeof(int)) ||
	    copy_to_user(&infop->si_code, &info.si_code, sizeof(int)) ||
	    copy_to_user(&infop->_sifields._sigchld, &info._sifields._sigchld,
			 3 * sizeof(int)))
		return -EFAULT;
	return 0;
}
