/*
 * Resource limits: the defaults PID 1 inherits (Linux's, from
 * include/asm-generic/resource.h), the lookup the rest of the kernel
 * enforces them with, and getrlimit/setrlimit/prlimit64.
 */
#include <breenix/cred.h>
#include <breenix/errno.h>
#include <breenix/pid.h>
#include <breenix/process.h>
#include <breenix/signal_struct.h>
#include <breenix/syscall.h>
#include <breenix/task.h>
#include <breenix/uaccess.h>
#include "proc_internal.h"

#define INF	{ RLIM_INFINITY, RLIM_INFINITY }

const struct rlimit64 init_rlimits[RLIM_NLIMITS] = {
	[RLIMIT_CPU] = INF,
	[RLIMIT_FSIZE] = INF,
	[RLIMIT_DATA] = INF,
	[RLIMIT_STACK] = { 8 << 20, RLIM_INFINITY },
	[RLIMIT_CORE] = { 0, RLIM_INFINITY },
	[RLIMIT_RSS] = INF,
	[RLIMIT_NPROC] = { 4096, 4096 },
	[RLIMIT_NOFILE] = { 1024, 4096 },
	[RLIMIT_MEMLOCK] = { 8 << 20, 8 << 20 },
	[RLIMIT_AS] = INF,
	[RLIMIT_LOCKS] = INF,
	[RLIMIT_SIGPENDING] = { 4096, 4096 },
	[RLIMIT_MSGQUEUE] = { 819200, 819200 },
	[RLIMIT_NICE] = { 0, 0 },
	[RLIMIT_RTPRIO] = { 0, 0 },
	[RLIMIT_RTTIME] = INF,
};

uint64_t rlimit(unsigned int resource)
{
	const struct signal_struct *sig = current->signal;

	if (resource >= RLIM_NLIMITS)
		return RLIM_INFINITY;
	return sig ? __atomic_load_n(&sig->rlim[resource].rlim_cur, __ATOMIC_RELAXED) :
		     init_rlimits[resource].rlim_cur;
}

/* Linux's fs.nr_open default: the highest RLIMIT_NOFILE anyone may set. */
#define NR_OPEN_MAX	(1024 * 1024)

/*
 * Whether the caller may read and change @t's limits (Linux's
 * check_prlimit_permission): itself, root, or a task whose real, effective
 * and saved ids all equal the caller's real ids.
 */
static bool may_prlimit(struct task *t)
{
	const struct cred *c = current->cred;
	struct cred *tc;
	bool ok;

	if (t == current || capable_root())
		return true;
	tc = get_task_cred(t);
	ok = c->uid == tc->euid && c->uid == tc->suid && c->uid == tc->uid &&
	     c->gid == tc->egid && c->gid == tc->sgid && c->gid == tc->gid;
	put_cred(tc);
	return ok;
}

/* Linux's do_prlimit: @old gets the limit as it was before @new. */
static int do_prlimit(struct task *t, unsigned int resource,
		      const struct rlimit64 *new, struct rlimit64 *old)
{
	struct signal_struct *sig = t->signal;
	struct rlimit64 *r;
	unsigned long flags;
	int err = 0;

	if (resource >= RLIM_NLIMITS)
		return -EINVAL;
	if (new) {
		if (new->rlim_cur > new->rlim_max)
			return -EINVAL;
		if (resource == RLIMIT_NOFILE && new->rlim_max > NR_OPEN_MAX)
			return -EPERM;
	}
	if (!sig)
		return -EPERM;
	r = &sig->rlim[resource];
	flags = spin_lock_irqsave(&tasklist_lock);
	if (new && new->rlim_max > r->rlim_max && !capable_root())
		err = -EPERM;
	if (!err && old)
		*old = *r;
	if (!err && new) {
		__atomic_store_n(&r->rlim_cur, new->rlim_cur, __ATOMIC_RELAXED);
		__atomic_store_n(&r->rlim_max, new->rlim_max, __ATOMIC_RELAXED);
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return err;
}

SYSCALL_DEFINE2(getrlimit, unsigned int, resource, struct rlimit64 *, rlim)
{
	struct rlimit64 r;
	int err = do_prlimit(current, resource, NULL, &r);

	if (err)
		return err;
	return copy_to_user(rlim, &r, sizeof(r)) ? -EFAULT : 0;
}

SYSCALL_DEFINE2(setrlimit, unsigned int, resource, struct rlimit64 *, rlim)
{
	struct rlimit64 r;

	if (copy_from_user(&r, rlim, sizeof(r)))
		return -EFAULT;
	return do_prlimit(current, resource, &r, NULL);
}

SYSCALL_DEFINE4(prlimit64, int, pid, unsigned int, resource,
		const struct rlimit64 *, new_rlim, struct rlimit64 *, old_rlim)
{
	struct rlimit64 new, old;
	struct task *t;
	int err;

	if (new_rlim && copy_from_user(&new, new_rlim, sizeof(new)))
		return -EFAULT;
	t = pid ? find_get_task_by_pid(pid) : get_task(current);
	if (!t)
		return -ESRCH;
	err = may_prlimit(t) ? 0 : -EPERM;
	if (!err)
		err = do_prlimit(t, resource, new_rlim ? &new : NULL,
				 old_rlim ? &old : NULL);
	put_task(t);
	if (!err && old_rlim && copy_to_user(old_rlim, &old, sizeof(old)))
		err = -EFAULT;
	return err;
}
