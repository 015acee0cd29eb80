/*
 * Shared by the process-layer files of kernel/proc (fork, exit, wait,
 * init): the lock over the process tree and the helpers they split.
 */
#ifndef PROC_INTERNAL_H
#define PROC_INTERNAL_H

#include <stdbool.h>
#include <stdint.h>
#include <breenix/signal_struct.h>
#include <breenix/spinlock.h>
#include <breenix/task.h>
#include <breenix/wait.h>

/*
 * Guards parent/children/sibling links, thread lists, exit_state, the
 * signal_struct's counters and times, and the task counts.
 */
extern spinlock_t tasklist_lock;

/* PID 1, the reaper of orphans; NULL until start_init has made it. */
extern struct task *child_reaper;

/* Tasks made by fork and clone that are not yet reaped, and the cap. */
extern int nr_threads;
extern int max_threads;

/* A vfork parent sleeps until the child releases its mm. */
struct vfork_done {
	int refcount;			/* parent and child */
	int done;
	wait_queue_head_t wq;
};

void put_vfork_done(struct vfork_done *vd);

/* A fresh signal_struct with @rlim's limits and @pgrp/@session referenced. */
struct signal_struct *alloc_signal_struct(const struct rlimit64 *rlim,
					  struct pid *pgrp,
					  struct pid *session);
void put_signal_struct(struct signal_struct *sig);

/* Links @p into its parent's and thread group's lists (tasklist_lock held). */
void link_new_task(struct task *p, struct task *parent, bool thread);

/* Sets max_threads from RAM, as Linux's set_max_threads does. */
void set_max_threads(void);

/* CPU ns of @t split into user and system time by its tick samples. */
void task_cputime(const struct task *t, uint64_t *utime, uint64_t *stime);
/* The same summed over @t's process (tasklist_lock taken inside). */
void thread_group_cputime(struct task *t, uint64_t *utime, uint64_t *stime);

/* A clock's reading in ns (time_sys.c); -EINVAL for an id Breenix does not have. */
int clock_read(int which, uint64_t *ns);
/* ns as a timer-queue delay that never ends early (itimer.c): rounded up,
 * plus the tick under way. */
uint64_t ns_to_jiffies_delay(uint64_t ns);

/* Times as getrusage reports them; the counters it does not keep are 0. */
void fill_rusage(struct rusage *ru, uint64_t utime, uint64_t stime);

/*
 * Unlinks a dead task from the tree and drops the link reference; the
 * pid number is free once nothing else holds it. tasklist_lock NOT held.
 */
void release_task(struct task *p);

/*
 * Every process, from PID 1 down the tree of children (tasklist_lock
 * held; orphans are PID 1's children, so none is missed).
 */
struct task *next_process(struct task *p);
#define for_each_process(p) \
	for ((p) = child_reaper; (p); (p) = next_process(p))

/* A process in group @pgrp, or NULL (tasklist_lock held). */
struct task *find_pgrp_member(struct pid *pgrp);

/* Whether @p leads its session: the session is named by its pid. */
bool is_session_leader(const struct task *p);

/*
 * Whether no member of @pgrp but @ignored (NULL: none) has a parent other
 * than init in another group of the same session (tasklist_lock held).
 */
bool will_become_orphaned_pgrp(struct pid *pgrp, struct task *ignored);

/*
 * A core signal's default action: an ELF core file "core" in the working
 * directory (coredump.c); whether one was written.
 */
bool do_coredump(const siginfo_t *info);

/* The wall clock was set: absolute REALTIME timers look at it again (posix_timers.c). */
void posix_timers_clock_was_set(void);

/* The same for the caller's group, taking tasklist_lock (Linux's is_current_pgrp_orphaned). */
bool current_pgrp_orphaned(void);

/* Whether a process of @pgrp is stopped (tasklist_lock held). */
bool has_stopped_jobs(struct pid *pgrp);

#endif
