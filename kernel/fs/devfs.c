/*
 * devfs: a flat directory of device nodes that drivers add from their
 * initcalls, mounted at /dev. The nodes live in one table, not in any
 * superblock, so a driver may add its node before or after the mount.
 */
#include <string.h>
#include <breenix/devfs.h>
#include <breenix/errno.h>
#include <breenix/init.h>
#include <breenix/printk.h>
#include <breenix/spinlock.h>
#include <breenix/vfs.h>

#define DEVFS_NODES	64
#define DEVFS_NAME_MAX	31
#define DEVFS_ROOT_INO	1
#define DEVFS_FIRST_POS	2	/* readdir positions 0 and 1: "." and ".." */

struct devfs_node {
	char name[DEVFS_NAME_MAX + 1];
	umode_t mode;
	kdev_t dev;
};

static struct devfs_node nodes[DEVFS_NODES];
static unsigned int nr_nodes;
static spinlock_t nodes_lock = SPINLOCK_INIT;

int devfs_create_node(const char *name, umode_t mode, kdev_t dev)
{
	size_t len = strlen(name);
	unsigned int i;
	int err = 0;

	if (!S_ISCHR(mode) || !len || len > DEVFS_NAME_MAX ||
	    strchr(name, '/') || !strcmp(name, ".") || !strcmp(name, ".."))
		return -EINVAL;
	spin_lock(&nodes_lock);
	for (i = 0; i < nr_nodes; i++)
		if (!strcmp(nodes[i].name, name))
			err = -EEXIST;
	if (!err && nr_nodes == DEVFS_NODES)
		err = -ENOSPC;
	if (!err) {
		memcpy(nodes[nr_nodes].name, name, len + 1);
		nodes[nr_nodes].mode = mode;
		nodes[nr_nodes].dev = dev;
		/* Published last: readers index below nr_nodes unlocked. */
		__atomic_store_n(&nr_nodes, nr_nodes + 1, __ATOMIC_RELEASE);
	}
	spin_unlock(&nodes_lock);
	return err;
}

static unsigned int devfs_count(void)
{
	return __atomic_load_n(&nr_nodes, __ATOMIC_ACQUIRE);
}

/* Inode numbers: the root is 1, node i is DEVFS_FIRST_POS + i. */
static int devfs_lookup(struct inode *dir, struct dentry *dentry)
{
	unsigned int i, n = devfs_count();
	struct inode *inode;

	for (i = 0; i < n; i++) {
		if (strlen(nodes[i].name) == dentry->d_name.len &&
		    !memcmp(nodes[i].name, dentry->d_name.name,
			    dentry->d_name.len))
			break;
	}
	if (i == n)
		return 0;
	inode = new_inode(dir->i_sb);
	if (!inode)
		return -ENOMEM;
	inode->i_ino = DEVFS_FIRST_POS + i;
	inode->i_mode = nodes[i].mode;
	inode->i_rdev = nodes[i].dev;
	inode->i_nlink = 1;
	d_instantiate(dentry, inode);
	return 0;
}

static int devfs_iterate(struct file *file, struct dir_context *ctx)
{
	unsigned int n = devfs_count();

	while (ctx->pos < DEVFS_FIRST_POS + (loff_t)n) {
		const struct devfs_node *node;
		loff_t pos = ctx->pos;

		if (pos < DEVFS_FIRST_POS) {
			if (!ctx->actor(ctx, "..", (unsigned int)pos + 1, pos,
					DEVFS_ROOT_INO, DT_DIR))
				return 0;
		} else {
			node = &nodes[pos - DEVFS_FIRST_POS];
			if (!ctx->actor(ctx, node->name, strlen(node->name),
					pos, (uint64_t)pos, dt_type(node->mode)))
				return 0;
		}
		ctx->pos = pos + 1;
	}
	(void)file;
	return 0;
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
