/*
 * Where a process's paths start: its root (chroot) and working directory,
 * and its umask. Shared with CLONE_FS, copied by fork, as Linux's
 * fs_struct. Relative lookups start at pwd, absolute ones at root, and
 * ".." never climbs above root.
 */
#ifndef BREENIX_FS_STRUCT_H
#define BREENIX_FS_STRUCT_H

#include <breenix/fs.h>
#include <breenix/spinlock.h>

struct fs_struct {
	int users;
	spinlock_t lock;		/* root and pwd */
	unsigned int umask;
	struct path root, pwd;
};

/* PID 1's: "/" for both, umask 0022 (Linux's). NULL without memory. */
struct fs_struct *fs_alloc(void);
/* fork without CLONE_FS: a copy. NULL without memory. */
struct fs_struct *fs_dup(struct fs_struct *old);
void fs_get(struct fs_struct *fs);
void fs_put(struct fs_struct *fs);
/*
 * Copies of the current task's root and pwd, referenced (path_put them);
 * the namespace root for a task without an fs_struct (kernel threads).
 */
void get_fs_root(struct path *root);
void get_fs_pwd(struct path *pwd);
/* chroot and chdir: the new place is referenced by the fs_struct. */
void set_fs_root(struct fs_struct *fs, const struct path *root);
void set_fs_pwd(struct fs_struct *fs, const struct path *pwd);
/* The current task's umask (0 without an fs_struct). */
unsigned int current_umask(void);

struct task;
/* @task's root and pwd, referenced: -ENOENT once it has exited. */
int get_task_root_pwd(struct task *task, struct path *root,
		      struct path *pwd);
/* @task's umask, or -ENOENT once it has exited (/proc's Umask line). */
int get_task_umask(struct task *task);
/* fork: the child's, shared or copied as CLONE_FS says. */
int copy_fs(unsigned long clone_flags, struct task *child);
/* exit: the task lets go of it (Linux's exit_fs). */
void exit_fs(struct task *task);

#endif
