/*
 * Controlling terminals, as Linux's drivers/tty/tty_jobctrl.c: which
 * session a tty belongs to, its foreground process group, and the
 * ioctls and events that change them. Everything here holds tasklist_lock,
 * so a process cannot change group or session while it is checked.
 */
#include <breenix/cred.h>
#include <breenix/errno.h>
#include <breenix/pid.h>
#include <breenix/sched.h>
#include <breenix/signal.h>
#include <breenix/syscall.h>
#include <breenix/tty.h>
#include <asm/signal.h>
#include "proc_internal.h"

/* Linux's proc_set_tty: @tty now controls the caller's session. */
static void set_ctty_locked(struct tty_struct *tty)
{
	struct signal_struct *sig = current->signal;

	put_pid(tty->session);
	put_pid(tty->pgrp);
	tty->session = get_pid(sig->session);
	tty->pgrp = get_pid(sig->pgrp);
	sig->tty = tty;
}

/* Linux's session_clear_tty: no process of @session has a terminal any more. */
static void session_clear_tty(struct pid *session)
{
	struct task *p;

	for_each_process(p) {
		if (p->signal->session == session)
			p->signal->tty = NULL;
	}
}

/* The tty forgets its session and foreground group; returns the group (the caller puts it). */
static struct pid *tty_clear_session(struct tty_struct *tty)
{
	struct pid *pgrp = tty->pgrp;

	session_clear_tty(tty->session);
	put_pid(tty->session);
	tty->session = NULL;
	tty->pgrp = NULL;
	return pgrp;
}

static bool is_ctty(struct tty_struct *tty)
{
	return current->signal && current->signal->tty == tty &&
	       tty->session == current->signal->session;
}

void tty_open_set_ctty(struct tty_struct *tty)
{
	struct task *me = current->group_leader;
	unsigned long flags;

	if (!me->signal)
		return;
	flags = spin_lock_irqsave(&tasklist_lock);
	if (is_session_leader(me) && !me->signal->tty && !tty->session)
		set_ctty_locked(tty);
	spin_unlock_irqrestore(&tasklist_lock, flags);
}

/* Linux's tiocsctty: a session leader without a terminal takes a free one. */
int tty_set_ctty(struct tty_struct *tty, bool readable, unsigned long steal)
{
	struct task *me = current->group_leader;
	unsigned long flags;
	int err = 0;

	if (!me->signal)
		return -EPERM;
	flags = spin_lock_irqsave(&tasklist_lock);
	if (is_session_leader(me) && tty->session == me->signal->session)
		goto out;
	err = -EPERM;
	if (!is_session_leader(me) || me->signal->tty)
		goto out;
	if (tty->session) {
		if (steal != 1 || !capable_root())
			goto out;
		put_pid(tty_clear_session(tty));
	}
	if (!readable && !capable_root())
		goto out;
	set_ctty_locked(tty);
	err = 0;
out:
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return err;
}

/*
 * Linux's disassociate_ctty for TIOCNOTTY by the session leader: the
 * terminal leaves the session, and its foreground group gets SIGHUP and
 * SIGCONT.
 */
static void disassociate_ctty(struct tty_struct *tty)
{
	unsigned long flags = spin_lock_irqsave(&tasklist_lock);
	struct pid *pgrp = NULL;
	bool ours = current->signal->tty == tty &&
		    tty->session == current->signal->session;

	if (ours)
		pgrp = tty_clear_session(tty);
	current->signal->tty = NULL;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	if (pgrp) {
		kill_pgrp(pgrp, SIGHUP, true);
		kill_pgrp(pgrp, SIGCONT, true);
	}
	put_pid(pgrp);
}

/* Linux's tiocnotty: a leader gives the terminal up for its whole session. */
int tty_drop_ctty(struct tty_struct *tty)
{
	unsigned long flags;
	bool leader;

	if (!current->signal || current->signal->tty != tty)
		return -ENOTTY;
	flags = spin_lock_irqsave(&tasklist_lock);
	leader = is_session_leader(current->group_leader);
	if (!leader)
		current->signal->tty = NULL;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	if (leader)
		disassociate_ctty(tty);
	return 0;
}

/* Linux's disassociate_ctty(1): the leader's terminal hangs up behind it. */
void session_leader_exit_ctty(void)
{
	struct tty_struct *tty = current_ctty();

	if (tty && is_session_leader(current->group_leader) &&
	    tty->session == current->signal->session)
		tty_hangup(tty, true);
}

/*
 * Linux's tty_signal_session_leader: the session loses @tty; its leader
 * gets SIGHUP and SIGCONT unless it is the one leaving, in which case the
 * foreground group gets SIGHUP.
 */
void tty_hangup_session(struct tty_struct *tty, bool exit_session)
{
	unsigned long flags = spin_lock_irqsave(&tasklist_lock);
	struct pid *pgrp = NULL;
	struct task *p;

	if (tty->session) {
		for_each_process(p) {
			if (p->signal->session != tty->session)
				continue;
			if (p->signal->tty == tty)
				p->signal->tty = NULL;
			if (!is_session_leader(p) ||
			    (exit_session && p->signal == current->signal))
				continue;
			group_send_sig(SIGHUP, p, true);
			group_send_sig(SIGCONT, p, true);
		}
		pgrp = tty_clear_session(tty);
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	if (pgrp && exit_session)
		kill_pgrp(pgrp, SIGHUP, true);
	put_pid(pgrp);
}

/* Linux's vhangup(2): root hangs up its controlling terminal. */
SYSCALL_DEFINE0(vhangup)
{
	struct tty_struct *tty;

	if (!capable_root())
		return -EPERM;
	tty = current_ctty();
	if (tty)
		tty_hangup(tty, false);
	return 0;
}

/* The number of @tty's group or session, when it is the caller's terminal. */
static long ctty_nr(struct tty_struct *tty, bool session)
{
	unsigned long flags = spin_lock_irqsave(&tasklist_lock);
	struct pid *pid = session ? tty->session : tty->pgrp;
	long nr = -ENOTTY;

	if (is_ctty(tty) && tty->session)
		nr = pid ? pid->nr : 0;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return nr;
}

long tty_get_pgrp_nr(struct tty_struct *tty)
{
	return ctty_nr(tty, false);
}

long tty_get_sid_nr(struct tty_struct *tty)
{
	return ctty_nr(tty, true);
}

/* Linux's session_of_pgrp: a member's session, else that of the process numbered so. */
static struct pid *session_of_pgrp_nr(int nr, struct pid **pgrp)
{
	struct task *p;

	for_each_process(p) {
		if (p->signal->pgrp->nr == nr) {
			*pgrp = p->signal->pgrp;
			return p->signal->session;
		}
	}
	for_each_process(p) {
		if (p->tgid == nr) {
			*pgrp = p->pid;
			return p->signal->session;
		}
	}
	return NULL;
}

/* Linux's tiocspgrp: ENOTTY off the caller's terminal, ESRCH, or EPERM for another session's group. */
int tty_set_pgrp_nr(struct tty_struct *tty, int nr)
{
	struct pid *session, *pgrp = NULL, *old = NULL;
	unsigned long flags;
	int err;

	if (nr < 0)
		return -EINVAL;
	flags = spin_lock_irqsave(&tasklist_lock);
	err = -ENOTTY;
	if (!is_ctty(tty))
		goto out;
	session = session_of_pgrp_nr(nr, &pgrp);
	err = -ESRCH;
	if (!pgrp)
		goto out;
	err = -EPERM;
	if (session != current->signal->session)
		goto out;
	old = tty->pgrp;
	tty->pgrp = get_pid(pgrp);
	err = 0;
out:
	spin_unlock_irqrestore(&tasklist_lock, flags);
	put_pid(old);
	return err;
}

struct pid *tty_get_pgrp(struct tty_struct *tty)
{
	unsigned long flags = spin_lock_irqsave(&tasklist_lock);
	struct pid *pgrp = get_pid(tty->pgrp);

	spin_unlock_irqrestore(&tasklist_lock, flags);
	return pgrp;
}

struct tty_struct *current_ctty(void)
{
	unsigned long flags;
	struct tty_struct *tty;

	if (!current->signal)
		return NULL;
	flags = spin_lock_irqsave(&tasklist_lock);
	tty = current->signal->tty;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return tty;
}

static bool sig_ignored_or_blocked(int sig)
{
	unsigned long flags;
	bool ret;

	flags = spin_lock_irqsave(&current->sighand->siglock);
	ret = current->sighand->action[sig - 1].sa.sa_handler == SIG_IGN ||
	      sig_in(sig, current->blocked);
	spin_unlock_irqrestore(&current->sighand->siglock, flags);
	return ret;
}

int tty_check_change(struct tty_struct *tty, int sig)
{
	struct pid *pgrp = NULL;
	unsigned long flags;
	bool orphaned = false;
	int ret = 0;

	if (!current->signal)
		return 0;
	flags = spin_lock_irqsave(&tasklist_lock);
	if (is_ctty(tty) && tty->pgrp && current->signal->pgrp != tty->pgrp) {
		pgrp = get_pid(current->signal->pgrp);
		orphaned = will_become_orphaned_pgrp(pgrp, NULL);
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	if (!pgrp)
		return 0;
	if (sig_ignored_or_blocked(sig)) {
		if (sig == SIGTTIN)
			ret = -EIO;
	} else if (orphaned) {
		ret = -EIO;
	} else {
		kill_pgrp(pgrp, sig, true);
		ret = -ERESTARTSYS;
	}
	put_pid(pgrp);
	return ret;
}
