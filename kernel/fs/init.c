/*
 * Bringing the VFS up: the built-in filesystems register, and a tmpfs
 * becomes the root that the initramfs is unpacked into.
 */
#include <breenix/printk.h>
#include <breenix/tmpfs.h>
#include <breenix/vfs.h>
#include "internal.h"

int vfs_init(void)
{
	int err = tmpfs_init();

	if (!err)
		err = mount_root("tmpfs");
	if (err)
		pr_err("vfs: cannot mount the root tmpfs: error %d\n", err);
	else
		pr_info("vfs: tmpfs mounted as /\n");
	return err;
}

