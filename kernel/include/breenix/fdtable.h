/*
 * File descriptors: a process's table from small integers to open files
 * (struct file, the "open file description" POSIX shares between dup'ed
 * descriptors), with a close-on-exec flag per descriptor. Tasks share one
 * with CLONE_FILES; fork copies it. Numbers are Linux's (fs/file.c): the
 * lowest free one, below RLIMIT_NOFILE, else -EMFILE.
 */
#ifndef BREENIX_FDTABLE_H
#define BREENIX_FDTABLE_H

#include <stdbool.h>
#include <breenix/fs.h>
#include <breenix/spinlock.h>

/*
 * The table proper, as Linux's struct fdtable: max_fds slots, a bitmap of
 * the descriptors in use (reserved by an open in progress, or installed)
 * and one of the close-on-exec ones. It grows (never shrinks) to hold the
 * highest descriptor asked for.
 */
struct fdtable {
	unsigned int max_fds;
	struct file **fd;
	unsigned long *open_fds;
	unsigned long *close_on_exec;
};

/*
 * file_lock guards everything below it. It is a spinlock: nothing under it
 * sleeps, copies to or from user memory, or drops the last reference to a
 * file (whose release may sleep); closes collect their files and fput them
 * after unlocking.
 */
struct files_struct {
	int count;			/* tasks sharing it (CLONE_FILES) */
	spinlock_t file_lock;
	unsigned int next_fd;		/* no free descriptor below this */
	struct fdtable fdt;
};

/* An empty table for a new process (PID 1). NULL without memory. */
struct files_struct *files_alloc(void);
/* fork without CLONE_FILES: a copy sharing every open file. NULL without memory. */
struct files_struct *files_dup(struct files_struct *old);
void files_get(struct files_struct *files);
/* Drops a user; the last one closes every descriptor. */
void files_put(struct files_struct *files);

/*
 * The table operations, on any table, with the descriptor limit passed in
 * (the current task's RLIMIT_NOFILE for the wrappers below).
 *
 * files_alloc_fd reserves the lowest free descriptor at or above @start
 * and below @limit (O_CLOEXEC in @flags marks it): the number, -EMFILE or
 * -ENOMEM.
 */
int files_alloc_fd(struct files_struct *files, unsigned int start,
		   unsigned long limit, unsigned int flags);
void files_put_unused_fd(struct files_struct *files, unsigned int fd);
void files_install(struct files_struct *files, unsigned int fd,
		   struct file *file);
/* The file at @fd, referenced, or NULL (not open, or only reserved). */
struct file *files_lookup(struct files_struct *files, unsigned int fd);
/* Takes @fd out of the table; its file (the caller fputs it) or NULL. */
struct file *files_pick(struct files_struct *files, unsigned int fd);
/*
 * dup2/dup3: puts @file (referenced by the caller, who keeps that
 * reference) at @fd, replacing what is there, which goes to *@old for the
 * caller to fput. -EBADF when @fd is at or above @limit, -EBUSY when an
 * open in progress holds @fd (as Linux), -ENOMEM.
 */
int files_replace(struct files_struct *files, unsigned int fd,
		  struct file *file, unsigned int flags, unsigned long limit,
		  struct file **old);
/* F_GETFD / F_SETFD's close-on-exec flag: -EBADF when @fd is not open. */
int files_get_cloexec(struct files_struct *files, unsigned int fd);
int files_set_cloexec(struct files_struct *files, unsigned int fd, bool on);
/* Closes every close-on-exec descriptor. */
void files_close_on_exec(struct files_struct *files);
/* The lowest open descriptor at or above @start, or -1 (/proc/<pid>/fd). */
int files_next_fd(struct files_struct *files, unsigned int start);

/*
 * The current task's table. fget/fget_raw: the file at @fd with a
 * reference (fput it), or NULL; fget leaves out O_PATH files, which only
 * fget_raw's callers (close, fstat, fchdir, dup, fcntl, *at dirfds) take.
 */
struct file *fget(unsigned int fd);
struct file *fget_raw(unsigned int fd);
/*
 * Reserves the lowest free descriptor (O_CLOEXEC in @flags marks it
 * close-on-exec): -EMFILE past RLIMIT_NOFILE, -ENOMEM. Then fd_install
 * it (which takes over the caller's reference) or put_unused_fd it.
 */
int get_unused_fd_flags(unsigned int flags);
void put_unused_fd(unsigned int fd);
void fd_install(unsigned int fd, struct file *file);
/* close(2)'s core: -EBADF if @fd is not open. */
int close_fd(unsigned int fd);
/*
 * exec: unshare_files gives the task a private copy of a shared table
 * (before the point of no return: -ENOMEM); do_close_on_exec then closes
 * the close-on-exec descriptors (unsharing first if still shared).
 */
int unshare_files(void);
int do_close_on_exec(void);

struct task;
/* @task's table, referenced (files_put it), or NULL once it exited. */
struct files_struct *get_task_files(struct task *task);
/* fork: the child's table, shared or copied as CLONE_FILES says. */
int copy_files(unsigned long clone_flags, struct task *child);
/* exit: the task lets go of its table (Linux's exit_files). */
void exit_files(struct task *task);

#endif
