/*
 * Creating processes and threads: clone, fork and vfork are one path
 * (Linux's kernel_clone/copy_process). The child gets a new pid, a copy or
 * a share of the address space and signal_struct as the flags say, the
 * parent's credentials by reference, and returns to user mode from the same
 * system call with 0. Limits: RLIMIT_NPROC per real uid (root exempt) and
 * max_threads system-wide, as in Linux; both are -EAGAIN.
 */
#include <string.h>
#include <breenix/cred.h>
#include <breenix/errno.h>
#include <breenix/fdtable.h>
#include <breenix/fs_struct.h>
#include <breenix/mm.h>
#include <breenix/mman.h>
#include <breenix/pid.h>
#include <breenix/process.h>
#include <breenix/sched.h>
#include <breenix/signal.h>
#include <breenix/slab.h>
#include <breenix/syscall.h>
#include <breenix/time.h>
#include <breenix/uaccess.h>
#include <asm/page.h>
#include <asm/processor.h>
#include <uapi/linux/sched.h>
#include <uapi/linux/signal.h>
#include "proc_internal.h"

/* Linux's bounds for max_threads (kernel/fork.c; FUTEX_TID_MASK). */
#define MIN_THREADS	20
#define MAX_THREADS	0x3fffffff

spinlock_t tasklist_lock = SPINLOCK_INIT;
struct task *child_reaper;
int nr_threads;
int max_threads = MAX_THREADS;

/*
 * The flags Breenix knows; CLONE_PTRACE, CLONE_SYSVSEM, CLONE_DETACHED,
 * CLONE_UNTRACED and CLONE_IO are hints Linux ignores too in this
 * configuration (no ptrace, no SysV semaphores).
 */
#define CLONE_SUPPORTED	(CSIGNAL | CLONE_VM | CLONE_FS | CLONE_FILES |	\
			 CLONE_SIGHAND | CLONE_PTRACE | CLONE_VFORK |	\
			 CLONE_PARENT | CLONE_THREAD | CLONE_SYSVSEM |	\
			 CLONE_SETTLS | CLONE_PARENT_SETTID |		\
			 CLONE_CHILD_CLEARTID | CLONE_DETACHED |	\
			 CLONE_UNTRACED | CLONE_CHILD_SETTID | CLONE_IO)

struct kernel_clone_args {
	uint64_t flags;
	int *parent_tid;		/* user */
	int *child_tid;			/* user */
	int exit_signal;
	uint64_t stack;
	uint64_t tls;
};

/* Linux: a thread costs THREAD_SIZE, and threads may take an eighth of RAM. */
void set_max_threads(void)
{
	struct mem_stats st;
	uint64_t threads;

	mm_get_stats(&st);
	threads = st.total_pages * PAGE_SIZE / ((uint64_t)THREAD_STACK_SIZE * 8);
	if (threads < MIN_THREADS)
		threads = MIN_THREADS;
	if (threads > MAX_THREADS)
		threads = MAX_THREADS;
	__atomic_store_n(&max_threads, (int)threads, __ATOMIC_RELAXED);
}

struct signal_struct *alloc_signal_struct(const struct rlimit64 *rlim,
					  struct pid *pgrp,
					  struct pid *session)
{
	struct signal_struct *sig = kmalloc(sizeof(*sig), GFP_KERNEL);

	if (!sig)
		return NULL;
	memset(sig, 0, sizeof(*sig));
	sig->refcount = 1;
	INIT_LIST_HEAD(&sig->thread_head);
	init_sigpending(&sig->shared_pending);
	itimer_init(sig);
	init_waitqueue_head(&sig->wait_chldexit);
	memcpy(sig->rlim, rlim, sizeof(sig->rlim));
	sig->pgrp = get_pid(pgrp);
	sig->session = get_pid(session);
	return sig;
}

void put_signal_struct(struct signal_struct *sig)
{
	if (__atomic_sub_fetch(&sig->refcount, 1, __ATOMIC_ACQ_REL))
		return;
	flush_sigqueue(&sig->shared_pending);
	put_pid(sig->pgrp);
	put_pid(sig->session);
	kfree(sig);
}

void put_vfork_done(struct vfork_done *vd)
{
	if (!__atomic_sub_fetch(&vd->refcount, 1, __ATOMIC_ACQ_REL))
		kfree(vd);
}

void link_new_task(struct task *p, struct task *parent, bool thread)
{
	struct signal_struct *sig = p->signal;

	p->real_parent = parent;
	p->parent = parent;
	if (!thread) {
		list_add_tail(&p->sibling, &parent->children);
		sig->tty = current->signal ? current->signal->tty : NULL;
	}
	list_add_tail(&p->thread_node, &sig->thread_head);
	sig->nr_threads++;
	sig->live++;
}

/*
 * Counts the new task against the limits, or refuses it: the per-user
 * count includes zombies (released at reap), as Linux's ucounts do.
 */
static int charge_task(const struct cred *cred)
{
	struct user_struct *up = cred->user;
	unsigned long flags = spin_lock_irqsave(&tasklist_lock);
	int err = 0;

	if (nr_threads >= max_threads)
		err = -EAGAIN;
	else if ((uint64_t)up->processes >= rlimit(RLIMIT_NPROC) &&
		 up != &root_user && cred->euid != 0)
		err = -EAGAIN;
	if (!err) {
		nr_threads++;
		up->processes++;
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return err;
}

static void uncharge_task(struct user_struct *up)
{
	unsigned long flags = spin_lock_irqsave(&tasklist_lock);

	nr_threads--;
	up->processes--;
	spin_unlock_irqrestore(&tasklist_lock, flags);
}

/* Linux's copy_process checks, in its order. */
static int check_clone_flags(uint64_t flags)
{
	if (flags & ~(uint64_t)CLONE_SUPPORTED)
		return -EINVAL;
	if ((flags & CLONE_THREAD) && !(flags & CLONE_SIGHAND))
		return -EINVAL;
	if ((flags & CLONE_SIGHAND) && !(flags & CLONE_VM))
		return -EINVAL;
	/* PID 1 has no siblings to make nor parent to share (SIGNAL_UNKILLABLE). */
	if ((flags & CLONE_PARENT) && current->signal &&
	    (current->signal->flags & SIGNAL_UNKILLABLE))
		return -EINVAL;
	return 0;
}

static int copy_mm(uint64_t flags, struct task *p)
{
	struct mm_struct *mm = current->mm;

	if (!mm)
		return 0;
	if (flags & CLONE_VM) {
		mmget(mm);
		p->mm = mm;
		return 0;
	}
	p->mm = mm_dup(mm);
	return p->mm ? 0 : -ENOMEM;
}

static int copy_signal(uint64_t flags, struct task *p)
{
	struct signal_struct *cur = current->signal;

	if (flags & CLONE_THREAD) {
		__atomic_add_fetch(&cur->refcount, 1, __ATOMIC_RELAXED);
		p->signal = cur;
		return 0;
	}
	p->signal = alloc_signal_struct(cur ? cur->rlim : init_rlimits,
					cur ? cur->pgrp : NULL,
					cur ? cur->session : NULL);
	return p->signal ? 0 : -ENOMEM;
}

/*
 * The child's signal state: the mask and the alternate stack are inherited
 * (not the stack by a thread that shares the memory, as Linux), the
 * pending set starts empty (POSIX fork).
 */
static void copy_signal_state(uint64_t flags, struct task *p)
{
	p->blocked = current->blocked;
	if ((flags & (CLONE_VM | CLONE_VFORK)) != CLONE_VM) {
		p->sas_ss_sp = current->sas_ss_sp;
		p->sas_ss_size = current->sas_ss_size;
		p->sas_ss_flags = current->sas_ss_flags;
	} else {
		p->sas_ss_flags = SS_DISABLE;
	}
}

/*
 * The whole child, not yet runnable, or an error with everything undone.
 * Its two references: its own (dropped by the scheduler after it dies)
 * and the link one (dropped when it is reaped, or at its exit if a thread).
 */
static struct task *copy_process(struct kernel_clone_args *args, int *errp)
{
	uint64_t flags = args->flags;
	struct user_struct *up;
	struct pid *pid;
	struct task *p, *parent;
	unsigned long irqf;
	int err;

	err = check_clone_flags(flags);
	if (err)
		goto out;
	up = current->cred->user;
	err = charge_task(current->cred);
	if (err)
		goto out;
	err = alloc_pid(&pid);
	if (err)
		goto uncharge;
	p = task_alloc_pid(current->name, pid);
	if (!p) {
		put_pid(pid);
		err = -ENOMEM;
		goto uncharge;
	}
	p->start_time = ktime_get_ns();
	err = copy_signal(flags, p);
	if (!err)
		err = copy_sighand(flags, p);
	if (err)
		goto free;
	copy_signal_state(flags, p);
	err = copy_mm(flags, p);
	if (err)
		goto free;
	/* On failure free_task drops whichever of the two was made. */
	err = copy_files(flags, p);
	if (!err)
		err = copy_fs(flags, p);
	if (err)
		goto free_mm;
	if (flags & CLONE_VFORK) {
		p->vfork_done = kmalloc(sizeof(*p->vfork_done), GFP_KERNEL);
		if (!p->vfork_done) {
			err = -ENOMEM;
			goto free_mm;
		}
		p->vfork_done->refcount = 2;
		p->vfork_done->done = 0;
		init_waitqueue_head(&p->vfork_done->wq);
	}
	arch_copy_thread(p, current, args->stack, flags, args->tls);
	if (flags & CLONE_CHILD_SETTID)
		p->set_child_tid = args->child_tid;
	if (flags & CLONE_CHILD_CLEARTID)
		p->clear_child_tid = args->child_tid;

	irqf = spin_lock_irqsave(&tasklist_lock);
	/*
	 * exit_group or another thread's exec began meanwhile: no new thread
	 * may join a group whose threads are being killed.
	 */
	if (current->signal && fatal_signal_pending(current)) {
		spin_unlock_irqrestore(&tasklist_lock, irqf);
		err = -EINTR;
		goto free_vfork;
	}
	if (flags & (CLONE_PARENT | CLONE_THREAD)) {
		parent = current->real_parent;
		p->exit_signal = flags & CLONE_THREAD ? -1 :
				 current->group_leader->exit_signal;
	} else {
		parent = current;
		p->exit_signal = args->exit_signal;
	}
	if (flags & CLONE_THREAD) {
		p->group_leader = current->group_leader;
		p->tgid = current->tgid;
	}
	link_new_task(p, parent, flags & CLONE_THREAD);
	spin_unlock_irqrestore(&tasklist_lock, irqf);
	return p;

free_vfork:
	if (p->vfork_done)
		kfree(p->vfork_done);
	p->vfork_done = NULL;
free_mm:
	if (p->mm)
		mmput(p->mm);
	p->mm = NULL;
free:
	/* Never ran: both references go, and with them pid and signal_struct. */
	put_task(p);
	put_task(p);
uncharge:
	uncharge_task(up);
out:
	*errp = err;
	return NULL;
}

static long kernel_clone(struct kernel_clone_args *args)
{
	struct vfork_done *vd;
	struct task *p;
	int err, nr;

	p = copy_process(args, &err);
	if (!p)
		return err;
	nr = p->tid;
	/* As Linux: written before the child runs, a fault ignored. */
	if (args->flags & CLONE_PARENT_SETTID)
		put_user(nr, args->parent_tid);
	vd = p->vfork_done;
	wake_up_process(p);
	if (vd) {
		wait_event(vd->wq, __atomic_load_n(&vd->done, __ATOMIC_ACQUIRE));
		put_vfork_done(vd);
	}
	return nr;
}

SYSCALL_DEFINE5(clone, unsigned long, clone_flags, unsigned long, newsp,
		int *, parent_tidptr, int *, child_tidptr, unsigned long, tls)
{
	struct kernel_clone_args args = {
		.flags = clone_flags & ~(uint64_t)CSIGNAL,
		.parent_tid = parent_tidptr,
		.child_tid = child_tidptr,
		.exit_signal = (int)(clone_flags & CSIGNAL),
		.stack = newsp,
		.tls = tls,
	};

	return kernel_clone(&args);
}

SYSCALL_DEFINE0(fork)
{
	struct kernel_clone_args args = { .exit_signal = SIGCHLD };

	return kernel_clone(&args);
}

SYSCALL_DEFINE0(vfork)
{
	struct kernel_clone_args args = {
		.flags = CLONE_VFORK | CLONE_VM,
		.exit_signal = SIGCHLD,
	};

	return kernel_clone(&args);
}
