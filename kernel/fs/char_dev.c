/*
 * The character device table: ranges of device numbers and the file
 * operations of the driver that claimed them. The VFS asks it when a
 * character device inode is opened; it names no driver itself.
 */
#include <breenix/chrdev.h>
#include <breenix/errno.h>
#include <breenix/list.h>
#include <breenix/slab.h>
#include <breenix/spinlock.h>

struct char_device_region {
	kdev_t first;
	unsigned int count;
	const char *name;
	const struct file_operations *fops;
	struct list_head node;
};

static LIST_HEAD(chrdevs);
static spinlock_t chrdevs_lock = SPINLOCK_INIT;

static bool overlaps(const struct char_device_region *r, kdev_t first,
		     unsigned int count)
{
	return first < r->first + r->count && r->first < first + count;
}

int register_chrdev_region(kdev_t first, unsigned int count, const char *name,
			   const struct file_operations *fops)
{
	struct char_device_region *r, *cd;

	/* A range never crosses into the next major (MINOR is 20 bits). */
	if (!count || !fops || MINOR(first) + count - 1 > MINOR(~(kdev_t)0))
		return -EINVAL;
	cd = kzalloc(sizeof(*cd), GFP_KERNEL);
	if (!cd)
		return -ENOMEM;
	cd->first = first;
	cd->count = count;
	cd->name = name;
	cd->fops = fops;
	spin_lock(&chrdevs_lock);
	list_for_each_entry(r, &chrdevs, node) {
		if (overlaps(r, first, count)) {
			spin_unlock(&chrdevs_lock);
			kfree(cd);
			return -EBUSY;
		}
	}
	list_add(&cd->node, &chrdevs);
	spin_unlock(&chrdevs_lock);
	return 0;
}

const struct file_operations *chrdev_lookup(kdev_t dev)
{
	const struct file_operations *fops = NULL;
	struct char_device_region *r;

	spin_lock(&chrdevs_lock);
	list_for_each_entry(r, &chrdevs, node) {
		if (overlaps(r, dev, 1)) {
			fops = r->fops;
			break;
		}
	}
	spin_unlock(&chrdevs_lock);
	return fops;
}
