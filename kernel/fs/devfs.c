/*
 * devfs: a flat directory of device nodes that drivers add from their
 * initcalls, mounted at /dev. The nodes live in one list, not in any
 * superblock, so a driver may add its node before or after the mount.
 */
#include <string.h>
#include <breenix/devfs.h>
#include <breenix/errno.h>
#include <breenix/init.h>
#include <breenix/list.h>
#include <breenix/printk.h>
#include <breenix/slab.h>
#include <breenix/spinlock.h>
#include <breenix/vfs.h>

#define DEVFS_NAME_MAX	255
#define DEVFS_ROOT_INO	1
#define DEVFS_FIRST_POS	2	/* readdir positions 0 and 1: "." and ".." */

/* Nodes are only ever added, so a node's index is its readdir position. */
struct devfs_node {
	struct list_head list;
	unsigned int index;
	umode_t mode;
	kdev_t dev;
	char name[];
};

/* A copy taken under the lock, for use after it is dropped. */
struct devfs_entry {
	unsigned int index;
	umode_t mode;
	kdev_t dev;
	char name[DEVFS_NAME_MAX + 1];
};

static LIST_HEAD(nodes);
static unsigned int nr_nodes;
static spinlock_t nodes_lock = SPINLOCK_INIT;

static struct devfs_node *devfs_find_locked(const char *name, size_t len)
{
	struct devfs_node *node;

	list_for_each_entry(node, &nodes, list) {
		if (strlen(node->name) == len && !memcmp(node->name, name, len))
			return node;
	}
	return NULL;
}

int devfs_create_node(const char *name, umode_t mode, kdev_t dev)
{
	size_t len = strlen(name);
	struct devfs_node *node;
	int err = 0;

	if (!S_ISCHR(mode) || !len || len > DEVFS_NAME_MAX ||
	    strchr(name, '/') || !strcmp(name, ".") || !strcmp(name, ".."))
		return -EINVAL;
	node = kmalloc(sizeof(*node) + len + 1, GFP_KERNEL);
	if (!node)
		return -ENOMEM;
	memcpy(node->name, name, len + 1);
	node->mode = mode;
	node->dev = dev;
	spin_lock(&nodes_lock);
	if (devfs_find_locked(name, len)) {
		err = -EEXIST;
	} else {
		node->index = nr_nodes++;
		list_add_tail(&node->list, &nodes);
	}
	spin_unlock(&nodes_lock);
	if (err)
		kfree(node);
	return err;
}

static void devfs_copy(const struct devfs_node *node, struct devfs_entry *out)
{
	out->index = node->index;
	out->mode = node->mode;
	out->dev = node->dev;
	strcpy(out->name, node->name);
}

static bool devfs_get_by_name(const char *name, size_t len,
			      struct devfs_entry *out)
{
	struct devfs_node *node;

	spin_lock(&nodes_lock);
	node = devfs_find_locked(name, len);
	if (node)
		devfs_copy(node, out);
	spin_unlock(&nodes_lock);
	return node != NULL;
}

static bool devfs_get_by_index(unsigned int index, struct devfs_entry *out)
{
	struct devfs_node *node;
	bool found = false;

	spin_lock(&nodes_lock);
	list_for_each_entry(node, &nodes, list) {
		if (node->index == index) {
			devfs_copy(node, out);
			found = true;
			break;
		}
	}
	spin_unlock(&nodes_lock);
	return found;
}

/* Inode numbers: the root is 1, node i is DEVFS_FIRST_POS + i. */
static int devfs_lookup(struct inode *dir, struct dentry *dentry)
{
	struct devfs_entry e;
	struct inode *inode;

	if (!devfs_get_by_name(dentry->d_name.name, dentry->d_name.len, &e))
		return 0;
	inode = new_inode(dir->i_sb);
	if (!inode)
		return -ENOMEM;
	inode->i_ino = DEVFS_FIRST_POS + e.index;
	inode->i_mode = e.mode;
	inode->i_rdev = e.dev;
	inode->i_nlink = 1;
	d_instantiate(dentry, inode);
	return 0;
}

static int devfs_iterate(struct file *file, struct dir_context *ctx)
{
	struct devfs_entry e;

	(void)file;
	for (;;) {
		loff_t pos = ctx->pos;

		if (pos < DEVFS_FIRST_POS) {
			if (!ctx->actor(ctx, "..", (unsigned int)pos + 1, pos,
					DEVFS_ROOT_INO, DT_DIR))
				return 0;
		} else {
			if (!devfs_get_by_index(pos - DEVFS_FIRST_POS, &e))
				return 0;
			if (!ctx->actor(ctx, e.name, strlen(e.name), pos,
					(uint64_t)pos, dt_type(e.mode)))
				return 0;
		}
		ctx->pos = pos + 1;
	}
}

static const struct inode_operations devfs_dir_iops = {
	.lookup = devfs_lookup,
};

static const struct file_operations devfs_dir_fops = {
	.iterate = devfs_iterate,
};

static int devfs_fill_super(struct super_block *sb, const void *data)
{
	struct inode *root;

	if (data)
		return -EINVAL;
	root = new_inode(sb);
	if (!root)
		return -ENOMEM;
	root->i_ino = DEVFS_ROOT_INO;
	root->i_mode = S_IFDIR | 0755;
	root->i_nlink = 2;
	root->i_op = &devfs_dir_iops;
	root->i_fop = &devfs_dir_fops;
	sb->s_root = d_alloc_root(root);
	if (!sb->s_root) {
		iput(root);
		return -ENOMEM;
	}
	return 0;
}

static struct file_system_type devfs_type = {
	.name = "devfs",
	.fill_super = devfs_fill_super,
};

/* Runs after vfs_init mounted the root; the initramfs may bring /dev. */
static int devfs_init(void)
{
	int err = register_filesystem(&devfs_type);

	if (err)
		return err;
	err = vfs_mkdir(NULL, "/dev", 0755, &vfs_root_cred);
	if (err && err != -EEXIST)
		return err;
	err = vfs_mount("devfs", NULL, "/dev", NULL, &vfs_root_cred);
	if (!err)
		pr_info("devfs: mounted on /dev\n");
	return err;
}
device_initcall(devfs_init);
