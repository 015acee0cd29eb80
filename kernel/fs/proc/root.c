/*
 * procfs: the filesystem type "proc" and its root directory, which holds
 * the system-wide files, the /proc/self symlink and a directory per
 * process. Nothing is stored: every lookup builds a fresh inode and no
 * dentry stays cached, so /proc/<pid> exists exactly while the process
 * does. Linux does not mount it by itself and neither does Breenix: init
 * (or a test) mounts it with mount("proc", "/proc", "proc", 0, NULL).
 */
#include <stdio.h>
#include <string.h>
#include <breenix/cred.h>
#include <breenix/errno.h>
#include <breenix/init.h>
#include <breenix/pid.h>
#include <breenix/slab.h>
#include <breenix/task.h>
#include <linux/stat.h>
#include "internal.h"

#define PROC_FIRST_POS		2	/* readdir positions 0 and 1: "." and ".." */
/* Processes are listed after the fixed names, at this position plus the pid. */
#define PROC_PID_POS		256

static const struct proc_entry proc_root_entries[] = {
	{ .name = "cpuinfo", .mode = S_IFREG | 0444, .show = proc_show_cpuinfo },
	{ .name = "filesystems", .mode = S_IFREG | 0444, .show = proc_show_filesystems },
	{ .name = "loadavg", .mode = S_IFREG | 0444, .show = proc_show_loadavg },
	{ .name = "meminfo", .mode = S_IFREG | 0444, .show = proc_show_meminfo },
	{ .name = "mounts", .mode = S_IFREG | 0444, .show = proc_show_mounts },
	{ .name = "uptime", .mode = S_IFREG | 0444, .show = proc_show_uptime },
	{ .name = "version", .mode = S_IFREG | 0444, .show = proc_show_version },
};

#define NR_ROOT_ENTRIES	(sizeof(proc_root_entries) / sizeof(proc_root_entries[0]))
#define SELF_POS	(PROC_FIRST_POS + NR_ROOT_ENTRIES)

_Static_assert(SELF_POS < PROC_PID_POS, "fixed names fit before the pids");

static void proc_evict_inode(struct inode *inode)
{
	struct proc_inode *pi = PROC_I(inode);

	if (!pi)
		return;
	put_pid(pi->pid);
	kfree(pi->link);
	kfree(pi);
}

static const struct super_operations proc_sops = {
	.evict_inode = proc_evict_inode,
};

struct inode *proc_new_inode(struct super_block *sb, umode_t mode,
			     const struct proc_entry *entry, struct pid *pid)
{
	struct proc_inode *pi = kzalloc(sizeof(*pi), GFP_KERNEL);
	struct inode *inode = pi ? new_inode(sb) : NULL;

	if (!inode) {
		kfree(pi);
		put_pid(pid);
		return NULL;
	}
	pi->entry = entry;
	pi->pid = pid;
	inode->i_private = pi;
	inode->i_mode = mode;
	inode->i_nlink = S_ISDIR(mode) ? 2 : 1;
	if (S_ISREG(mode))
		inode->i_fop = &proc_seq_fops;
	else if (S_ISLNK(mode))
		inode->i_op = &proc_link_iops;
	return inode;
}

struct task *proc_get_task(const struct inode *inode)
{
	struct pid *pid = PROC_I(inode)->pid;

	return pid ? find_get_task_by_pid(pid->nr) : NULL;
}

static const char *proc_get_link(struct inode *inode)
{
	return PROC_I(inode)->link;
}

const struct inode_operations proc_link_iops = {
	.get_link = proc_get_link,
};

/* /proc/self: made for the task that looks it up, naming its process. */
static int proc_self_lookup(struct inode *dir, struct dentry *dentry)
{
	struct inode *inode;
	char *link = kmalloc(16, GFP_KERNEL);

	if (!link)
		return -ENOMEM;
	snprintf(link, 16, "%d", current->tgid);
	inode = proc_new_inode(dir->i_sb, S_IFLNK | 0777, NULL, NULL);
	if (!inode) {
		kfree(link);
		return -ENOMEM;
	}
	inode->i_ino = SELF_POS;
	inode->i_size = (loff_t)strlen(link);
	PROC_I(inode)->link = link;
	d_instantiate(dentry, inode);
	return 0;
}

/* A decimal pid without sign or leading zeros, as Linux's name_to_int. */
static int name_to_pid(const char *name, unsigned int len)
{
	unsigned int i;
	int nr = 0;

	if (!len || len > 9 || (name[0] == '0' && len > 1))
		return -1;
	for (i = 0; i < len; i++) {
		if (name[i] < '0' || name[i] > '9')
			return -1;
		nr = nr * 10 + (name[i] - '0');
	}
	return nr;
}

static int proc_pid_dir_lookup(struct inode *dir, struct dentry *dentry,
			       int nr)
{
	struct pid *pid = find_get_pid(nr);
	struct inode *inode;
	struct task *t;
	struct cred *c;

	if (!pid)
		return 0;
	t = find_get_task_by_pid(nr);
	if (!t) {
		put_pid(pid);
		return 0;
	}
	inode = proc_new_inode(dir->i_sb, S_IFDIR | 0555, NULL, pid);
	if (!inode) {
		put_task(t);
		return -ENOMEM;
	}
	/* Linux's task_dump_owner: the files belong to the process's euid. */
	c = get_task_cred(t);
	inode->i_uid = c->euid;
	inode->i_gid = c->egid;
	put_cred(c);
	put_task(t);
	inode->i_ino = PROC_PID_INO(nr, 0);
	inode->i_op = &proc_pid_dir_iops;
	inode->i_fop = &proc_pid_dir_fops;
	d_instantiate(dentry, inode);
	return 0;
}

static int proc_root_find(struct inode *dir, struct dentry *dentry)
{
	const char *name = dentry->d_name.name;
	unsigned int len = dentry->d_name.len, i;
	struct inode *inode;
	int nr;

	for (i = 0; i < NR_ROOT_ENTRIES; i++) {
		const struct proc_entry *e = &proc_root_entries[i];

		if (strlen(e->name) != len || memcmp(e->name, name, len))
			continue;
		inode = proc_new_inode(dir->i_sb, e->mode, e, NULL);
		if (!inode)
			return -ENOMEM;
		inode->i_ino = PROC_FIRST_POS + i;
		d_instantiate(dentry, inode);
		return 0;
	}
	if (len == 4 && !memcmp(name, "self", 4))
		return proc_self_lookup(dir, dentry);
	nr = name_to_pid(name, len);
	return nr > 0 ? proc_pid_dir_lookup(dir, dentry, nr) : 0;
}

/*
 * The dentry leaves the dcache at once, found or not, so the next walk asks
 * again: names come and go with processes, and /proc/self is whoever looks.
 */
static int proc_root_lookup(struct inode *dir, struct dentry *dentry)
{
	int err = proc_root_find(dir, dentry);

	d_drop(dentry);
	return err;
}

static int proc_root_iterate(struct file *file, struct dir_context *ctx)
{
	char name[16];
	int nr;

	(void)file;
	while (ctx->pos < PROC_PID_POS) {
		loff_t pos = ctx->pos;
		bool more;

		if (pos < PROC_FIRST_POS) {
			more = ctx->actor(ctx, "..", (unsigned int)pos + 1, pos,
					  PROC_ROOT_INO, DT_DIR);
		} else if (pos < (loff_t)SELF_POS) {
			const struct proc_entry *e =
				&proc_root_entries[pos - PROC_FIRST_POS];

			more = ctx->actor(ctx, e->name, strlen(e->name), pos,
					  (uint64_t)pos, dt_type(e->mode));
		} else if (pos == (loff_t)SELF_POS) {
			more = ctx->actor(ctx, "self", 4, pos, (uint64_t)pos,
					  DT_LNK);
		} else {
			ctx->pos = PROC_PID_POS;
			break;
		}
		if (!more)
			return 0;
		ctx->pos = pos + 1;
	}
	while ((nr = next_tgid((int)(ctx->pos - PROC_PID_POS))) > 0) {
		int len = snprintf(name, sizeof(name), "%d", nr);

		if (!ctx->actor(ctx, name, (unsigned int)len, PROC_PID_POS + nr,
				PROC_PID_INO(nr, 0), DT_DIR))
			return 0;
		ctx->pos = PROC_PID_POS + nr + 1;
	}
	return 0;
}

static const struct inode_operations proc_root_iops = {
	.lookup = proc_root_lookup,
};

static const struct file_operations proc_root_fops = {
	.iterate = proc_root_iterate,
};

static int proc_fill_super(struct super_block *sb, const void *data)
{
	struct inode *root;

	if (data)
		return -EINVAL;
	sb->s_op = &proc_sops;
	root = proc_new_inode(sb, S_IFDIR | 0555, NULL, NULL);
	if (!root)
		return -ENOMEM;
	root->i_ino = PROC_ROOT_INO;
	root->i_op = &proc_root_iops;
	root->i_fop = &proc_root_fops;
	sb->s_root = d_alloc_root(root);
	if (!sb->s_root) {
		iput(root);
		return -ENOMEM;
	}
	return 0;
}

static struct file_system_type proc_fs_type = {
	.name = "proc",
	.fill_super = proc_fill_super,
};

static int proc_root_init(void)
{
	return register_filesystem(&proc_fs_type);
}
device_initcall(proc_root_init);
