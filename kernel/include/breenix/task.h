/*
 * A task is a thread: a kernel stack, saved registers and FPU state, a
 * place in the scheduler. What threads of a process share (address space,
 * open files, signal handlers, credentials) lives in separate refcounted
 * objects, as in Linux's clone model; kernel threads have none but creds.
 */
#ifndef BREENIX_TASK_H
#define BREENIX_TASK_H

#include <stdint.h>
#include <breenix/list.h>
#include <breenix/percpu.h>
#include <breenix/sched_fair.h>
#include <breenix/wait.h>
#include <asm/processor.h>

#define TASK_COMM_LEN		16
#define THREAD_STACK_SIZE	(16 * 1024)

enum task_state {
	TASK_RUNNING = 0,		/* runnable or running */
	TASK_INTERRUPTIBLE = 1,		/* asleep; signals will wake it */
	TASK_UNINTERRUPTIBLE = 2,	/* asleep until its event */
	TASK_DEAD = 4,			/* exited; freed at the last reference */
};

_Static_assert(TASK_UNINTERRUPTIBLE == WAIT_UNINTERRUPTIBLE,
	       "wait.h's sleeping state must be task.h's");

struct cred;
struct mm_struct;
struct files_struct;
struct sighand_struct;
struct signal_struct;

struct task {
	unsigned long sp;		/* saved rsp while switched out */
	volatile long state;		/* enum task_state */
	int tid;
	unsigned int cpu;		/* whose run queue */
	int refcount;
	int exit_code;
	char name[TASK_COMM_LEN];
	void *stack;			/* vmalloc'd, guard pages each side */
	void *fpu_state;		/* FXSAVE/XSAVE area, aligned */
	void *fpu_alloc;		/* what kmalloc returned for it */
	struct sched_entity se;
	wait_queue_head_t exit_wait;	/* woken when state becomes DEAD */
	struct cred *cred;
	struct mm_struct *mm;		/* NULL: a kernel thread */
	struct files_struct *files;
	struct sighand_struct *sighand;
	struct signal_struct *signal;	/* process-wide: limits */
	struct thread_struct thread;	/* user FS/GS bases */
};

/* The boot flow, task 0: kmain runs as it, on the boot stack. */
extern struct task boot_task;

static inline struct task *get_current(void)
{
	return this_cpu_read_stable(current_task);
}

#define current get_current()

static inline uintptr_t task_stack_top(const struct task *t)
{
	return (uintptr_t)t->stack + THREAD_STACK_SIZE;
}

struct task *get_task(struct task *t);
/* Drops a reference; frees a dead task at the last one. */
void put_task(struct task *t);

/*
 * A task with a stack, FPU area, tid, credentials and a zeroed rest, in
 * state TASK_UNINTERRUPTIBLE and not yet able to run: its creator sets up
 * its first switch frame. NULL without memory. The caller holds one reference.
 */
struct task *task_alloc(const char *name);

/*
 * A new task in state TASK_UNINTERRUPTIBLE that will run fn(arg) with
 * interrupts on, then exit with what fn returns. NULL without memory.
 * The caller holds one reference. Used by kthread_create.
 */
struct task *task_create(int (*fn)(void *), void *arg, const char *name);

/* Ends the current task; never returns. */
__attribute__((noreturn)) void task_exit(int code);

#endif
