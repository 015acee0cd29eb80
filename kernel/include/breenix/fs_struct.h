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
/* Copies of the current task's root and pwd, referenced (path_put them). */
void get_fs_root(struct path *root);
void get_fs_pwd(struct path *pwd);

#endif
