/*
 * Task lifetime: creation with a guarded vmalloc stack and an FPU area,
 * reference counting, exit, and kernel threads on top. A dead task is freed
 * by whoever drops the last reference, never on its own stack: the
 * scheduler drops the task's own reference once it has switched away.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <breenix/cred.h>
#include <breenix/fdtable.h>
#include <breenix/fs_struct.h>
#include <breenix/kthread.h>
#include <breenix/pid.h>
#include <breenix/signal.h>
#include <breenix/slab.h>
#include <breenix/vmalloc.h>
#include <asm/fpu.h>
#include <asm/switch_to.h>
#include "proc_internal.h"

/* Two references: its own, dropped after its exit, and one never dropped. */
struct task boot_task = {
	.state = TASK_RUNNING,
	.tid = 0,
	.refcount = 2,
	.name = "boot",
	.exit_wait = WAIT_QUEUE_HEAD_INIT(boot_task.exit_wait),
	.cred = &root_cred,
	.group_leader = &boot_task,
	.children = LIST_HEAD_INIT(boot_task.children),
	.sibling = LIST_HEAD_INIT(boot_task.sibling),
	.thread_node = LIST_HEAD_INIT(boot_task.thread_node),
};

struct task *get_task(struct task *t)
{
	__atomic_add_fetch(&t->refcount, 1, __ATOMIC_RELAXED);
	return t;
}

static void free_task(struct task *t)
{
	detach_pid(t);
	flush_sigqueue(&t->pending);
	put_sighand(t->sighand);
	if (t->signal)
		put_signal_struct(t->signal);
	/* Set only when fork failed after making them; exit drops them. */
	if (t->files)
		files_put(t->files);
	if (t->fs)
		fs_put(t->fs);
	vfree(t->stack);
	kfree(t->fpu_alloc);
	if (t->cred)
		put_cred(t->cred);
	kfree(t);
}

void put_task(struct task *t)
{
	if (!__atomic_sub_fetch(&t->refcount, 1, __ATOMIC_ACQ_REL))
		free_task(t);
}

static void *alloc_fpu_state(struct task *t)
{
	uintptr_t p;

	t->fpu_alloc = kmalloc(fpu_state_size() + FPU_STATE_ALIGN - 1, GFP_KERNEL);
	if (!t->fpu_alloc)
		return NULL;
	p = ((uintptr_t)t->fpu_alloc + FPU_STATE_ALIGN - 1) &
	    ~(uintptr_t)(FPU_STATE_ALIGN - 1);
	fpu_state_init((void *)p);
	return (void *)p;
}

/*
 * The first frame __switch_to_asm pops: r12/r13 carry fn and arg to
 * ret_from_kthread. It sits below the struct pt_regs that every task keeps
 * at the top of its stack for user mode (task_pt_regs), so that a kernel
 * thread can become a user process (PID 1's exec) without moving stacks;
 * rsp is 16-byte aligned after its ret, as the ABI wants before a call.
 */
static void setup_first_frame(struct task *t, int (*fn)(void *), void *arg)
{
	struct switch_frame *f = (struct switch_frame *)task_pt_regs(t) - 1;

	memset(f, 0, sizeof(*f));
	f->r12 = (unsigned long)fn;
	f->r13 = (unsigned long)arg;
	f->ret = (unsigned long)ret_from_kthread;
	t->sp = (unsigned long)f;
}

struct task *task_alloc_pid(const char *name, struct pid *pid)
{
	struct task *t = kmalloc(sizeof(*t), GFP_KERNEL);

	if (!t)
		return NULL;
	memset(t, 0, sizeof(*t));
	init_sigpending(&t->pending);
	t->stack = vmalloc(THREAD_STACK_SIZE);
	t->fpu_state = alloc_fpu_state(t);
	if (!t->stack || !t->fpu_state) {
		free_task(t);
		return NULL;
	}
	t->state = TASK_UNINTERRUPTIBLE;
	attach_pid(t, pid);
	t->tgid = t->tid;
	t->group_leader = t;
	INIT_LIST_HEAD(&t->children);
	INIT_LIST_HEAD(&t->sibling);
	INIT_LIST_HEAD(&t->thread_node);
	t->sas_ss_flags = SS_DISABLE;
	t->cpu = current->cpu;
	/* Its own reference and the creator's. */
	t->refcount = 2;
	strncpy(t->name, name, TASK_COMM_LEN - 1);
	sched_entity_init(&t->se, 0);
	init_waitqueue_head(&t->exit_wait);
	t->cred = get_cred(current->cred);
	return t;
}

struct task *task_alloc(const char *name)
{
	struct pid *pid;
	struct task *t;

	if (alloc_pid(&pid))
		return NULL;
	t = task_alloc_pid(name, pid);
	if (!t)
		put_pid(pid);
	return t;
}

struct task *task_create(int (*fn)(void *), void *arg, const char *name)
{
	struct task *t = task_alloc(name);

	if (t)
		setup_first_frame(t, fn, arg);
	return t;
}

struct task *task_create_pid(int (*fn)(void *), void *arg, const char *name,
			     struct pid *pid)
{
	struct task *t = task_alloc_pid(name, pid);

	if (t)
		setup_first_frame(t, fn, arg);
	return t;
}

/*
 * Interrupts stay off from here: the task must not be preempted between
 * becoming TASK_DEAD and leaving the run queue in schedule().
 */
void task_exit(int code)
{
	struct task *t = current;

	local_irq_disable();
	t->exit_code = code;
	set_current_state(TASK_DEAD);
	wake_up_all(&t->exit_wait);
	schedule();
	__builtin_unreachable();
}

struct task *kthread_create(int (*fn)(void *), void *arg, const char *fmt, ...)
{
	char name[TASK_COMM_LEN];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(name, sizeof(name), fmt, ap);
	va_end(ap);
	return task_create(fn, arg, name);
}

void kthread_exit(int code)
{
	task_exit(code);
}

int kthread_join(struct task *t)
{
	int code;

	wait_event(t->exit_wait,
		   __atomic_load_n(&t->state, __ATOMIC_ACQUIRE) == TASK_DEAD);
	code = t->exit_code;
	put_task(t);
	return code;
}
