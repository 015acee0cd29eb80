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

#endif
