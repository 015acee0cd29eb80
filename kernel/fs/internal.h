/*
 * What the files of kernel/fs share and nothing outside them needs.
 */
#ifndef FS_INTERNAL_H
#define FS_INTERNAL_H

#include <breenix/fs.h>

int mount_root(const char *fstype);
struct file *alloc_file(const struct path *path, unsigned int flags);
void fill_kstat(const struct inode *inode, struct kstat *st);
/* Sets i_size through the filesystem, with the inode locked. */
int do_truncate(struct inode *inode, loff_t size);

/* The system calls' shared parts. */
long do_sys_open(int dfd, const char *ufilename, int flags, umode_t mode);
/* A user path resolved from dfd (kern_path's flags, LOOKUP_EMPTY too). */
int user_path_at(int dfd, const char *upath, unsigned int lookup_flags,
		 struct path *out);
/* dup and F_DUPFD: the lowest free descriptor at or above start. */
long dup_from(unsigned int oldfd, unsigned int start, unsigned int flags);
/*
 * The name of path seen from root, built at the end of buf (size bytes,
 * NUL included): its start, or NULL when it does not fit. *unreachable:
 * path is not below root, and the name runs from the namespace root.
 */
char *d_path(const struct path *path, const struct path *root, char *buf,
	     size_t size, bool *unreachable);

#endif
