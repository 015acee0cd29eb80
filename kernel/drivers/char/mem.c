/*
 * The memory devices of major 1 with Linux's minors: /dev/null (reads end at
 * once, writes vanish), /dev/zero (reads zeros) and /dev/full (reads zeros,
 * writes fail with ENOSPC, for testing how programs handle a full disk).
 */
#include <string.h>
#include <breenix/chrdev.h>
#include <breenix/devfs.h>
#include <breenix/errno.h>
#include <breenix/init.h>
#include <breenix/uio.h>
#include <breenix/vfs.h>

static long null_read(struct file *file, struct iov_iter *to, loff_t *pos)
{
	(void)file, (void)to, (void)pos;
	return 0;
}

static long null_write(struct file *file, struct iov_iter *from, loff_t *pos)
{
	size_t len = iov_iter_count(from);

	(void)file, (void)pos;
	iov_iter_advance(from, len);
	return (long)len;
}

/* A fault after some zeros returns what was written, as Linux does. */
static long zero_read(struct file *file, struct iov_iter *to, loff_t *pos)
{
	size_t len = iov_iter_count(to), done = iov_iter_zero(len, to);

	(void)file, (void)pos;
	return done || !len ? (long)done : -EFAULT;
}

static long full_write(struct file *file, struct iov_iter *from, loff_t *pos)
{
	(void)file, (void)from, (void)pos;
	return -ENOSPC;
}

static const struct file_operations null_fops = {
	.read = null_read,
	.write = null_write,
};

static const struct file_operations zero_fops = {
	.read = zero_read,
	.write = null_write,
};

static const struct file_operations full_fops = {
	.read = zero_read,
	.write = full_write,
};

static const struct {
	const char *name;
	unsigned int minor;
	const struct file_operations *fops;
} mem_devs[] = {
	{ "null", 3, &null_fops },
	{ "zero", 5, &zero_fops },
	{ "full", 7, &full_fops },
};

static int mem_init(void)
{
	unsigned int i;
	int err;

	for (i = 0; i < sizeof(mem_devs) / sizeof(mem_devs[0]); i++) {
		kdev_t dev = MKDEV(1, mem_devs[i].minor);

		err = register_chrdev_region(dev, 1, mem_devs[i].name,
					     mem_devs[i].fops);
		if (!err)
			err = devfs_create_node(mem_devs[i].name,
						S_IFCHR | 0666, dev);
		if (err)
			return err;
	}
	return 0;
}
device_initcall(mem_init);
