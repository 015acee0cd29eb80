/*
 * What the threads of one process share besides memory, files and signal
 * handlers (Linux's signal_struct): resource limits, the thread list and
 * count, the group exit status, the wait queue wait4 sleeps on, the CPU
<<<<<<< HEAD
 * times of exited threads and reaped children, and the process group and
 * session, and the signals sent to the process as a whole with its stop
 * state and interval timers.
=======
 * times of exited threads and reaped children, the process group and
 * session and the controlling terminal. Job control joins it with signals.
>>>>>>> main
 */
#ifndef BREENIX_SIGNAL_STRUCT_H
#define BREENIX_SIGNAL_STRUCT_H

#include <stdbool.h>
#include <stdint.h>
#include <breenix/list.h>
#include <breenix/signal_types.h>
#include <breenix/timer.h>
#include <breenix/wait.h>
#include <uapi/linux/resource.h>

struct pid;
struct tty_struct;

/* flags (Linux's values) */
#define SIGNAL_STOP_STOPPED	0x01	/* the group stop is complete */
#define SIGNAL_STOP_CONTINUED	0x02	/* SIGCONT since the stop: for WCONTINUED */
#define SIGNAL_GROUP_EXIT	0x04	/* exit_group: every thread is leaving */
#define SIGNAL_CLD_STOPPED	0x10	/* the parent is still to hear of it */
#define SIGNAL_CLD_CONTINUED	0x20
#define SIGNAL_CLD_MASK		(SIGNAL_CLD_STOPPED | SIGNAL_CLD_CONTINUED)
#define SIGNAL_UNKILLABLE	0x40	/* PID 1 */

struct signal_struct {
	int refcount;			/* tasks that point here */
	int nr_threads;			/* threads on thread_head */
	int live;			/* threads that have not started to exit */
	struct list_head thread_head;	/* its tasks, by thread_node */
	unsigned int flags;
	int group_exit_code;		/* wait-status form, with SIGNAL_GROUP_EXIT;
					 * the stop signal while stopped */
	int group_stop_count;		/* threads still to stop */
	struct sigpending shared_pending;	/* sent to the process */
	/* setitimer: ITIMER_REAL on the timer queue, the CPU ones by tick. */
	struct timer_list real_timer;
	uint64_t it_real_incr;		/* ns */
	struct {
		uint64_t value, incr;	/* ns; value 0: disarmed */
	} it[2];			/* ITIMER_VIRTUAL - 1, ITIMER_PROF - 1 */
	/* timer_create's timers by id (posix_timers.c), under siglock. */
	struct rb_root posix_timers;
	int next_posix_timer_id;
	wait_queue_head_t wait_chldexit;	/* wait4/waitid sleep here */
	/* CPU ns of its threads that were released, and of reaped children. */
	uint64_t utime, stime, sum_sched_runtime;
	uint64_t cutime, cstime;
	struct pid *pgrp;		/* process group, referenced */
	struct pid *session;		/* session, referenced */
	struct tty_struct *tty;		/* controlling terminal (tasklist_lock) */
	bool did_exec;			/* exec'd since fork: setpgid's EACCES */
	/*
	 * The thread whose exec is ending the others (de_thread), woken as
	 * each is released; its victims exit quietly (tasklist_lock).
	 */
	struct task *group_exec_task;
	struct rlimit64 rlim[RLIM_NLIMITS];
};

/* The limits kernel threads and PID 1 start with. */
extern const struct rlimit64 init_rlimits[RLIM_NLIMITS];

#endif
