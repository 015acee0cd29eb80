/*
 * What /proc reads of a process: a snapshot of a task's identity, state,
 * times, credentials and address space (task_stat.h), taken under the
 * process layer's locks so that procfs needs none of them.
 */
#include <string.h>
#include <breenix/cred.h>
#include <breenix/mm.h>
#include <breenix/mman.h>
#include <breenix/pid.h>
#include <breenix/preempt.h>
#include <breenix/sched.h>
#include <breenix/task_stat.h>
#include "proc_internal.h"

/*
 * exit_mm and exec_mmap change ->mm with preemption off; with one CPU that
 * excludes this read, and the reference taken keeps the mm past their
 * mmput. SMP needs Linux's task_lock here and there.
 */
struct mm_struct *get_task_mm(struct task *t)
{
	struct mm_struct *mm;

	preempt_disable();
	mm = t->mm;
	if (mm)
		mmget(mm);
	preempt_enable();
	return mm;
}

static char task_state_letter(const struct task *t)
{
	if (t->exit_state == EXIT_ZOMBIE)
		return 'Z';
	if (t->exit_state == EXIT_DEAD)
		return 'X';
	switch (__atomic_load_n(&t->state, __ATOMIC_RELAXED)) {
	case TASK_RUNNING:
		return 'R';
	case TASK_INTERRUPTIBLE:
		return 'S';
	case TASK_UNINTERRUPTIBLE:
		return 'D';
	default:
		return 'X';
	}
}

/* The scheduler keeps the weight; the nice value is the one that gives it. */
static int task_nice(const struct task *t)
{
	int nice;

	for (nice = NICE_MIN; nice <= NICE_MAX; nice++)
		if (sched_nice_to_weight(nice) == t->se.weight)
			return nice;
	return 0;
}

static void fill_creds(struct task *t, struct task_stat *st)
{
	struct cred *c = get_task_cred(t);
	unsigned int i;

	st->uid = c->uid;
	st->euid = c->euid;
	st->suid = c->suid;
	st->fsuid = c->fsuid;
	st->gid = c->gid;
	st->egid = c->egid;
	st->sgid = c->sgid;
	st->fsgid = c->fsgid;
	st->ngroups = c->ngroups;
	for (i = 0; i < c->ngroups && i < TASK_STAT_NGROUPS; i++)
		st->groups[i] = c->groups[i];
	put_cred(c);
}

/* Sizes by kind of mapping, as Linux's task_mem() sorts them. */
static void fill_mm(struct mm_struct *mm, struct task_stat *st)
{
	struct vm_area_struct *vma;

	st->has_mm = true;
	mutex_lock(&mm->mmap_lock);
	list_for_each_entry(vma, &mm->mmap, vm_list) {
		uint64_t pages = (vma->vm_end - vma->vm_start) >> PAGE_SHIFT;
		unsigned long f = vma->vm_flags;

		if (f & (VMA_GROWSDOWN | VMA_STACK))
			st->stack_pages += pages;
		else if ((f & (VMA_WRITE | VMA_SHARED)) == VMA_WRITE)
			st->data_pages += pages;
		else if ((f & (VMA_EXEC | VMA_WRITE)) == VMA_EXEC)
			st->exec_pages += pages;
	}
	st->vm_pages = mm->total_vm;
	st->rss_pages = mm->rss;
	st->pt_pages = mm->pt_pages;
	st->start_code = mm->start_code;
	st->end_code = mm->end_code;
	st->start_stack = mm->start_stack;
	st->start_data = mm->start_data;
	st->end_data = mm->end_data;
	st->start_brk = mm->start_brk;
	st->arg_start = mm->arg_start;
	st->arg_end = mm->arg_end;
	st->env_start = mm->env_start;
	st->env_end = mm->env_end;
	mutex_unlock(&mm->mmap_lock);
}

void task_get_stat(struct task *t, struct task_stat *st)
{
	struct signal_struct *sig;
	struct mm_struct *mm;
	unsigned long flags;

	memset(st, 0, sizeof(*st));
	st->pid = t->tid;
	st->tgid = t->tgid;
	memcpy(st->comm, t->name, TASK_STAT_COMM_LEN);
	st->comm[TASK_STAT_COMM_LEN - 1] = '\0';
	st->state = task_state_letter(t);
	st->nice = task_nice(t);
	st->cpu = t->cpu;
	st->start_time = t->start_time;
	st->kthread = !t->signal;
	if (st->kthread)
		st->flags |= PF_KTHREAD;
	if (t->exit_state || t->state == TASK_DEAD)
		st->flags |= PF_EXITING;
	fill_creds(t, st);

	flags = spin_lock_irqsave(&tasklist_lock);
	sig = t->signal;
	st->exit_signal = t->exit_signal;
	st->exit_code = t->exit_state ? t->exit_code : 0;
	if (t->group_leader->real_parent)
		st->ppid = t->group_leader->real_parent->tgid;
	st->num_threads = sig ? sig->nr_threads : 1;
	if (sig) {
		st->pgrp = sig->pgrp ? sig->pgrp->nr : 0;
		st->session = sig->session ? sig->session->nr : 0;
		st->cutime = sig->cutime;
		st->cstime = sig->cstime;
		st->rsslim = sig->rlim[RLIMIT_RSS].rlim_cur;
	} else {
		st->rsslim = init_rlimits[RLIMIT_RSS].rlim_cur;
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);

	if (sig)
		thread_group_cputime(t, &st->utime, &st->stime);
	else
		task_cputime(t, &st->utime, &st->stime);
	mm = get_task_mm(t);
	if (mm) {
		fill_mm(mm, st);
		mmput(mm);
	}
}
