/*
 * Process groups and sessions as Linux's kernel/sys.c keeps them: reading
 * them (getpgid, getpgrp, getsid) and changing them (setpgid, setsid) with
 * Linux's rules and errors. A group or session is the struct pid of its
 * leader, so membership is a pointer comparison under tasklist_lock.
 */
#include <breenix/errno.h>
#include <breenix/pid.h>
#include <breenix/signal_struct.h>
#include <breenix/syscall.h>
#include <breenix/task.h>
#include <breenix/tty.h>
#include "proc_internal.h"

enum which_id { ID_PGRP, ID_SESSION };

/* @which of the process @nr (0: the caller's); -ESRCH when there is none. */
static long process_id(int nr, enum which_id which)
{
	struct task *t = nr ? find_get_task_by_pid(nr) : get_task(current);
	unsigned long flags;
	struct pid *id;
	long ret = -ESRCH;

	if (nr < 0 || !t) {
		if (t)
			put_task(t);
		return -ESRCH;
	}
	flags = spin_lock_irqsave(&tasklist_lock);
	if (t->signal) {
		id = which == ID_PGRP ? t->signal->pgrp : t->signal->session;
		ret = id ? id->nr : 0;
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	put_task(t);
	return ret;
}

SYSCALL_DEFINE1(getpgid, int, pid)
{
	return process_id(pid, ID_PGRP);
}

SYSCALL_DEFINE0(getpgrp)
{
	return process_id(0, ID_PGRP);
}

SYSCALL_DEFINE1(getsid, int, pid)
{
	return process_id(pid, ID_SESSION);
}

/* The process after @p in a walk of the tree from PID 1 (tasklist_lock held). */
struct task *next_process(struct task *p)
{
	if (!list_empty(&p->children))
		return list_first_entry(&p->children, struct task, sibling);
	for (; p != child_reaper; p = p->real_parent) {
		if (p->sibling.next != &p->real_parent->children)
			return list_entry(p->sibling.next, struct task, sibling);
	}
	return NULL;
}

struct task *find_pgrp_member(struct pid *pgrp)
{
	struct task *p;

	for_each_process(p) {
		if (p->signal->pgrp == pgrp)
			return p;
	}
	return NULL;
}

bool is_session_leader(const struct task *p)
{
	return p->signal->session == p->group_leader->pid;
}

/*
 * POSIX: a group is orphaned when no member has a parent in another group
 * of the same session, so no shell is left to continue it. @ignored is a
 * member about to leave (Linux's will_become_orphaned_pgrp); init adopts
 * without being a job-control shell, so its children do not count.
 */
bool will_become_orphaned_pgrp(struct pid *pgrp, struct task *ignored)
{
	struct task *p, *q;

	for_each_process(p) {
		if (p->signal->pgrp != pgrp || p == ignored ||
		    (p->exit_state && p->signal->nr_threads == 1))
			continue;
		q = p->real_parent;
		if (!q || q == child_reaper)
			continue;
		if (q->signal->pgrp != pgrp &&
		    q->signal->session == p->signal->session)
			return false;
	}
	return true;
}

bool current_pgrp_orphaned(void)
{
	unsigned long flags = spin_lock_irqsave(&tasklist_lock);
	bool orphaned = will_become_orphaned_pgrp(current->signal->pgrp, NULL);

	spin_unlock_irqrestore(&tasklist_lock, flags);
	return orphaned;
}

bool has_stopped_jobs(struct pid *pgrp)
{
	struct task *p;

	for_each_process(p) {
		if (p->signal->pgrp == pgrp &&
		    (p->signal->flags & SIGNAL_STOP_STOPPED))
			return true;
	}
	return false;
}

/* Linux's setpgid rules: who may move @p (the caller or its child) and where. */
static long setpgid_check(struct task *p, struct task *me)
{
	if (p->group_leader != p)
		return -EINVAL;
	if (p->real_parent && p->real_parent->tgid == me->tgid) {
		if (p->signal->session != me->signal->session)
			return -EPERM;
		if (p->signal->did_exec)
			return -EACCES;
	} else if (p->tgid != me->tgid) {
		return -ESRCH;
	}
	return is_session_leader(p) ? -EPERM : 0;
}

/* The group @pgid names for @p: its own pid, or a group of the caller's session. */
static long setpgid_target(struct task *p, struct task *me, int pgid,
			   struct pid **out)
{
	struct task *g;

	if (pgid == p->tgid) {
		*out = p->pid;
		return 0;
	}
	for_each_process(g) {
		if (g->signal->pgrp->nr == pgid &&
		    g->signal->session == me->signal->session) {
			*out = g->signal->pgrp;
			return 0;
		}
	}
	return -EPERM;
}

SYSCALL_DEFINE2(setpgid, int, pid, int, pgid)
{
	struct task *me = current->group_leader, *p;
	struct pid *pgrp, *old = NULL;
	unsigned long flags;
	long err;

	if (!pid)
		pid = me->tgid;
	if (!pgid)
		pgid = pid;
	if (pgid < 0)
		return -EINVAL;
	p = pid > 0 ? find_get_task_by_pid(pid) : NULL;
	if (!p)
		return -ESRCH;
	flags = spin_lock_irqsave(&tasklist_lock);
	err = p->signal ? setpgid_check(p, me) : -ESRCH;
	if (!err)
		err = setpgid_target(p, me, pgid, &pgrp);
	if (!err && p->signal->pgrp != pgrp) {
		old = p->signal->pgrp;
		p->signal->pgrp = get_pid(pgrp);
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	put_pid(old);
	put_task(p);
	return err;
}

/*
 * Linux's setsid: a new session and group led by the caller, with no
 * controlling terminal; EPERM for a group leader (its group would be split
 * across two sessions) and for a current session leader.
 */
SYSCALL_DEFINE0(setsid)
{
	struct task *me = current->group_leader;
	struct signal_struct *sig = me->signal;
	struct pid *old_pgrp = NULL, *old_session = NULL;
	unsigned long flags;
	long ret = -EPERM;

	flags = spin_lock_irqsave(&tasklist_lock);
	if (!is_session_leader(me) && !find_pgrp_member(me->pid)) {
		old_pgrp = sig->pgrp;
		old_session = sig->session;
		sig->pgrp = get_pid(me->pid);
		sig->session = get_pid(me->pid);
		sig->tty = NULL;
		ret = me->tgid;
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	put_pid(old_pgrp);
	put_pid(old_session);
	return ret;
}
