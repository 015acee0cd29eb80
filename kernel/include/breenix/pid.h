/*
 * Pids: every task (kernel threads too, as in Linux) has a number from one
 * space, looked up through a hash. A struct pid is refcounted: the task it
 * names holds it until reaped, a process group or session holds its
 * leader's, so no number is reused while anything still means it.
 */
#ifndef BREENIX_PID_H
#define BREENIX_PID_H

#include <breenix/list.h>
#include <breenix/pidmap.h>

struct task;

struct pid {
	int count;			/* references */
	int nr;
	struct list_head hash_node;
	struct task *task;		/* the task with this tid, until released */
};

/* Sets up the allocator; PID 1 stays free for start_init. */
void pid_init(void);

/* 0 and a new pid (count 1), -ENOMEM, or -EAGAIN when none is free. */
int alloc_pid(struct pid **out);
/* The same for a given number (init's 1): -EEXIST if taken. */
int alloc_pid_nr(int nr, struct pid **out);

struct pid *get_pid(struct pid *pid);
/* Drops a reference; the last one frees the number. NULL is ignored. */
void put_pid(struct pid *pid);

/* Makes @pid name @t (t->pid, t->tid) / stops it naming any task. */
void attach_pid(struct task *t, struct pid *pid);
void detach_pid(struct task *t);
/* @a and @b trade pids: exec by a thread takes its leader's number (Linux's exchange_tids). */
void exchange_tids(struct task *a, struct task *b);

/* The task with tid @nr, with a reference (put_task), or NULL. */
struct task *find_get_task_by_pid(int nr);
/* The pid numbered @nr, with a reference, or NULL. */
struct pid *find_get_pid(int nr);

/* Pid numbers in use, for the pid ktests and /proc later. */
unsigned int pid_nr_used(void);

/*
 * /proc's readdir: the lowest number >= @nr of a task that leads its
 * thread group, or -1 when there is none.
 */
int next_tgid(int nr);
/* Tasks that have a pid (threads and kernel threads, zombies too). */
unsigned int pid_nr_tasks(void);
/* The number the allocator gave last (/proc/loadavg). */
int pid_last_nr(void);

#endif
