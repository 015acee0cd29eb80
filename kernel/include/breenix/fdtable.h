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

struct files_struct;

/* An empty table for a new process (PID 1). NULL without memory. */
struct files_struct *files_alloc(void);
/* fork without CLONE_FILES: a copy sharing every open file. NULL without memory. */
struct files_struct *files_dup(struct files_struct *old);
void files_get(struct files_struct *files);
/* Drops a user; the last one closes every descriptor. */
void files_put(struct files_struct *files);

/* The current task's file at @fd with a reference (fput it), or NULL. */
struct file *fget(unsigned int fd);
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
/* exec: closes the close-on-exec descriptors (and unshares the table). */
int do_close_on_exec(void);

#endif
