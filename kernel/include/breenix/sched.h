/*
 * The scheduler: one run queue per CPU (the CFS policy of sched_fair.h under
 * a spinlock), preemption from the tick on the way out of interrupts, and the
 * calls tasks use to sleep, wake and yield.
 */
#ifndef BREENIX_SCHED_H
#define BREENIX_SCHED_H

#include <stdbool.h>
#include <stdint.h>
#include <breenix/preempt.h>
#include <breenix/spinlock.h>
#include <breenix/task.h>

#define MAX_SCHEDULE_TIMEOUT	INT64_MAX

struct rq {
	spinlock_t lock;
	struct cfs_rq cfs;
	struct task *curr;
	struct task *idle;
	uint64_t exec_start;		/* ktime when curr was last charged */
	uint64_t nr_switches;
};

/* Brings up CPU 0's run queue, FPU and idle task; the boot task joins it. */
void sched_init(void);

/* The state the current task sleeps in at its next schedule(). */
static inline void set_current_state(long state)
{
	__atomic_store_n(&current->state, state, __ATOMIC_SEQ_CST);
}

void schedule(void);
/* Switches at interrupt return when a reschedule is due (traps.c). */
void preempt_schedule_irq(void);
/* Lets others run; the caller stays runnable. */
void yield(void);
/* Makes @t runnable if it sleeps (not if stopped); false if it was not asleep. */
bool wake_up_process(struct task *t);
/* The same if @t's state is one of @state's bits (signals: TASK_STOPPED). */
bool wake_up_state(struct task *t, long state);
/* Sleeps @timeout jiffies or until woken; returns the jiffies left. */
long schedule_timeout(long timeout);
void sched_set_nice(struct task *t, int nice);

/* Ends the boot task at the end of kmain; the idle task takes the CPU. */
__attribute__((noreturn)) void sched_boot_task_done(void);

uint64_t sched_nr_switches(void);
/* Tasks runnable or running, the idle task not counted. */
unsigned int sched_nr_running(void);
/* ns the CPU spent in its idle task since boot (/proc/uptime). */
uint64_t sched_idle_time(void);

/* @t's CPU time in ns, up to now if it is running. */
uint64_t task_sched_runtime(struct task *t);

/*
 * Called from the tick interrupt with whether it interrupted user mode:
 * the samples that split a task's CPU time into user and system time.
 */
void account_process_tick(bool user_mode);

#endif
