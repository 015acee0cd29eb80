/*
 * A snapshot of a process (or thread) as /proc/<pid>/stat and status show
 * it, taken under the locks of the process layer so that the formatters
 * (proc_fmt.h, host-tested) see plain numbers. Times are in ns, memory in
 * bytes or pages as each field says.
 */
#ifndef BREENIX_TASK_STAT_H
#define BREENIX_TASK_STAT_H

#include <stdbool.h>
#include <stdint.h>

#define TASK_STAT_COMM_LEN	16
#define TASK_STAT_NGROUPS	32	/* supplementary groups shown */

/* Linux's PF_* bits that Breenix can tell (include/linux/sched.h). */
#define PF_EXITING	0x00000004
#define PF_KTHREAD	0x00200000

struct task;

struct task_stat {
	int pid;			/* the thread's tid */
	int tgid;
	int ppid;			/* 0: none (PID 1, kernel threads) */
	int pgrp, session;
	char comm[TASK_STAT_COMM_LEN];
	char state;			/* Linux's letter: R S D Z X */
	unsigned int flags;		/* PF_* */
	int nice;
	int num_threads;
	int exit_signal;
	unsigned int cpu;
	int exit_code;			/* wait-status form, 0 while alive */
	uint64_t utime, stime;		/* the thread group's, ns */
	uint64_t cutime, cstime;	/* reaped children's, ns */
	uint64_t start_time;		/* ns after boot */
	uint64_t rsslim;		/* RLIMIT_RSS soft limit, bytes */
	bool kthread;
	/* Credentials (real, effective, saved, filesystem). */
	uint32_t uid, euid, suid, fsuid;
	uint32_t gid, egid, sgid, fsgid;
	unsigned int ngroups;		/* total; groups[] holds the first ones */
	uint32_t groups[TASK_STAT_NGROUPS];
	/* The address space; all 0 without one (kernel threads, zombies). */
	bool has_mm;
	uint64_t vm_pages;		/* mapped by VMAs */
	uint64_t rss_pages;		/* present */
	uint64_t data_pages;		/* private writable, not the stack */
	uint64_t stack_pages;		/* the main stack's VMA */
	uint64_t exec_pages;		/* executable, not writable, not the stack */
	uint64_t pt_pages;		/* page-table pages */
	uint64_t start_code, end_code, start_stack;
	uint64_t start_data, end_data, start_brk;
	uint64_t arg_start, arg_end, env_start, env_end;
};

/*
 * Fills @st for @t (whose reference the caller holds). Process-wide
 * fields (times, thread count, memory) are the thread group's.
 */
void task_get_stat(struct task *t, struct task_stat *st);

/* @t's address space with a user reference (mmput it), or NULL. */
struct mm_struct *get_task_mm(struct task *t);

#endif
