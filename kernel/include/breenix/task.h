/*
 * A task is a thread: a kernel stack, saved registers and FPU state, a
 * place in the scheduler. What threads of a process share (address space,
 * open files, signal handlers, credentials) lives in separate refcounted
 * objects, as in Linux's clone model; kernel threads have none but creds.
 */
#ifndef BREENIX_TASK_H
#define BREENIX_TASK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <breenix/list.h>
#include <breenix/percpu.h>
#include <breenix/sched_fair.h>
#include <breenix/signal_types.h>
#include <breenix/wait.h>
#include <asm/processor.h>

#define TASK_COMM_LEN		16
#define THREAD_STACK_SIZE	(16 * 1024)

enum task_state {
	TASK_RUNNING = 0,		/* runnable or running */
	TASK_INTERRUPTIBLE = 1,		/* asleep; signals will wake it */
	TASK_UNINTERRUPTIBLE = 2,	/* asleep until its event */
	TASK_DEAD = 4,			/* exited; freed at the last reference */
	TASK_STOPPED = 8,		/* group stop: SIGCONT or SIGKILL wakes it */
};

/* jobctl */
#define JOBCTL_STOP_PENDING	(1U << 0)	/* must take part in a group stop */

_Static_assert(TASK_UNINTERRUPTIBLE == WAIT_UNINTERRUPTIBLE &&
	       TASK_INTERRUPTIBLE == WAIT_INTERRUPTIBLE,
	       "wait.h's sleeping states must be task.h's");

/* exit_state: what is left of a task that has exited (Linux's values). */
#define EXIT_DEAD	0x10		/* being reaped, or reaped */
#define EXIT_ZOMBIE	0x20		/* waiting for its parent's wait */

struct cred;
struct pid;
struct vfork_done;
struct mm_struct;
struct files_struct;
struct fs_struct;
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
	struct files_struct *files;	/* descriptors (fdtable.h) */
	struct fs_struct *fs;		/* root, cwd, umask (fs_struct.h) */
	struct sighand_struct *sighand;
	struct signal_struct *signal;	/* process-wide: limits */
	struct thread_struct thread;	/* user FS/GS bases */

	/*
	 * The process: tid is this thread's pid number, tgid the process's
	 * (its leader's tid). The links below change under tasklist_lock.
	 */
	int tgid;
	struct pid *pid;		/* tid's number, held until reaped */
	struct task *group_leader;	/* the thread that made the process */
	struct list_head thread_node;	/* in signal->thread_head */
	struct task *real_parent;	/* who created it, or its reaper */
	struct task *parent;		/* gets SIGCHLD and the wait (ptrace later) */
	struct list_head children;	/* process leaders whose parent it is */
	struct list_head sibling;	/* in real_parent->children */
	int exit_state;			/* 0, EXIT_ZOMBIE or EXIT_DEAD */
	int exit_signal;		/* for the parent at exit; -1: a thread */
	struct vfork_done *vfork_done;	/* a vfork parent waits on it */
	int *set_child_tid;		/* user: CLONE_CHILD_SETTID */
	int *clear_child_tid;		/* user: CLONE_CHILD_CLEARTID */
	uint64_t start_time;		/* ktime at fork */
	/* Ticks that found it in user or kernel mode: the split of se's runtime. */
	uint64_t utime_ticks, stime_ticks;

	/* Signals (signal.h), under sighand->siglock. */
	sigset_t blocked;		/* the thread's mask */
	sigset_t real_blocked;		/* the mask rt_sigtimedwait replaced */
	sigset_t saved_sigmask;		/* put back after rt_sigsuspend, ppoll */
	int sigpending;			/* something may be deliverable: wake */
	unsigned int jobctl;		/* JOBCTL_* */
	unsigned int sas_ss_flags;	/* sigaltstack */
	bool restore_sigmask;
	unsigned long sas_ss_sp;
	size_t sas_ss_size;
	struct sigpending pending;	/* sent to this thread */
	struct restart_block restart_block;	/* restart_syscall's */
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
 * its first switch frame. NULL without memory or pid numbers. The caller
 * holds one reference.
 */
struct task *task_alloc(const char *name);
/* The same with a pid the caller allocated (alloc_pid); the task takes it. */
struct task *task_alloc_pid(const char *name, struct pid *pid);

/*
 * A new task in state TASK_UNINTERRUPTIBLE that will run fn(arg) with
 * interrupts on, then exit with what fn returns. NULL without memory.
 * The caller holds one reference. Used by kthread_create.
 */
struct task *task_create(int (*fn)(void *), void *arg, const char *name);
/* The same with a pid the caller allocated (start_init's PID 1). */
struct task *task_create_pid(int (*fn)(void *), void *arg, const char *name,
			     struct pid *pid);

/* Ends the current task; never returns. */
__attribute__((noreturn)) void task_exit(int code);

#endif
