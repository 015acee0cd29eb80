/*
 * Reading a process's group and session (getpgid, getpgrp, getsid), as
 * Linux's kernel/sys.c does. Changing them (setpgid, setsid) comes with job
 * control in issue 8; until then every process stays in PID 1's group and
 * session, and these report exactly that.
 */
#include <breenix/errno.h>
#include <breenix/pid.h>
#include <breenix/signal_struct.h>
#include <breenix/syscall.h>
#include <breenix/task.h>
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
