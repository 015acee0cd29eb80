/*
 * Character devices: drivers register file operations for a range of
 * (major, minor) numbers; opening a character device inode, wherever it
 * lives (devfs, a tmpfs mknod), dispatches to them, as Linux's chrdev_open.
 */
#ifndef BREENIX_CHRDEV_H
#define BREENIX_CHRDEV_H

#include <breenix/fs.h>

/* Claims count minors from first; -EBUSY if any of them is taken. */
int register_chrdev_region(kdev_t first, unsigned int count, const char *name,
			   const struct file_operations *fops);

/* The file operations registered for dev, or NULL (open gives -ENXIO). */
const struct file_operations *chrdev_lookup(kdev_t dev);

#endif
