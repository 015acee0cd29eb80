/*
 * Filesystem types, superblocks and the mount tree. A vfsmount attaches the
 * root of a superblock on a directory (its mountpoint) of a parent mount;
 * the root mount is its own parent. The path walk crosses mounts through
 * lookup_mnt() and "..".
 */
#include <string.h>
#include <breenix/errno.h>
#include <breenix/namei.h>
#include <breenix/slab.h>
#include <breenix/vfs.h>
#include "internal.h"

static LIST_HEAD(file_systems);
static LIST_HEAD(mounts);		/* newest first */
static spinlock_t fs_lock = SPINLOCK_INIT;	/* file_systems */
static spinlock_t mount_lock = SPINLOCK_INIT;	/* mounts, mnt_count */
static struct vfsmount *root_mnt;
static unsigned int next_anon_dev = 1;

int register_filesystem(struct file_system_type *fs)
{
	struct file_system_type *p;
	int err = 0;

	spin_lock(&fs_lock);
	list_for_each_entry(p, &file_systems, node) {
		if (!strcmp(p->name, fs->name)) {
			err = -EBUSY;
			goto out;
		}
	}
	list_add_tail(&fs->node, &file_systems);
out:
	spin_unlock(&fs_lock);
	return err;
}

void unregister_filesystem(struct file_system_type *fs)
{
	spin_lock(&fs_lock);
	list_del(&fs->node);
	spin_unlock(&fs_lock);
}

static struct file_system_type *find_filesystem(const char *name)
{
	struct file_system_type *p, *found = NULL;

	spin_lock(&fs_lock);
	list_for_each_entry(p, &file_systems, node) {
		if (!strcmp(p->name, name)) {
			found = p;
			break;
		}
	}
	spin_unlock(&fs_lock);
	return found;
}

void iterate_filesystems(void (*fn)(const struct file_system_type *fs,
				    void *arg), void *arg)
{
	struct file_system_type *p;

	spin_lock(&fs_lock);
	list_for_each_entry(p, &file_systems, node)
		fn(p, arg);
	spin_unlock(&fs_lock);
}

struct vfsmount *mntget(struct vfsmount *mnt)
{
	spin_lock(&mount_lock);
	mnt->mnt_count++;
	spin_unlock(&mount_lock);
	return mnt;
}

/* The tree holds one reference to a mount: it never reaches 0 while attached. */
void mntput(struct vfsmount *mnt)
{
	spin_lock(&mount_lock);
	mnt->mnt_count--;
	spin_unlock(&mount_lock);
}

void path_get(const struct path *path)
{
	mntget(path->mnt);
	dget(path->dentry);
}

void path_put(const struct path *path)
{
	dput(path->dentry);
	mntput(path->mnt);
}

struct vfsmount *lookup_mnt(struct vfsmount *mnt, struct dentry *dentry)
{
	struct vfsmount *m, *found = NULL;

	spin_lock(&mount_lock);
	list_for_each_entry(m, &mounts, mnt_list) {
		if (m->mnt_parent == mnt && m->mnt_mountpoint == dentry &&
		    m != mnt) {
			m->mnt_count++;
			found = m;
			break;
		}
	}
	spin_unlock(&mount_lock);
	return found;
}

void get_root(struct path *root)
{
	root->mnt = root_mnt;
	root->dentry = root_mnt->mnt_root;
	path_get(root);
}

/* The list is newest first: walk it backwards. */
void iterate_mounts(void (*fn)(struct vfsmount *mnt, void *arg), void *arg)
{
	struct list_head *pos;

	spin_lock(&mount_lock);
	for (pos = mounts.prev; pos != &mounts; pos = pos->prev)
		fn(list_entry(pos, struct vfsmount, mnt_list), arg);
	spin_unlock(&mount_lock);
}

static void kill_sb(struct super_block *sb)
{
	if (sb->s_type->kill_super)
		sb->s_type->kill_super(sb);
	dput(sb->s_root);
	kfree(sb);
}

static int new_mount(const char *fstype, const void *data,
		     struct vfsmount **out)
{
	struct file_system_type *type = find_filesystem(fstype);
	struct super_block *sb;
	struct vfsmount *mnt;
	int err;

	if (!type)
		return -ENODEV;
	sb = kzalloc(sizeof(*sb), GFP_KERNEL);
	mnt = kzalloc(sizeof(*mnt), GFP_KERNEL);
	if (!sb || !mnt) {
		err = -ENOMEM;
		goto fail;
	}
	sb->s_type = type;
	sb->s_lock = (spinlock_t)SPINLOCK_INIT;
	sb->s_next_ino = 1;
	spin_lock(&mount_lock);
	sb->s_dev = MKDEV(0, next_anon_dev++);
	spin_unlock(&mount_lock);
	err = type->fill_super(sb, data);
	if (err)
		goto fail;
	mnt->mnt_sb = sb;
	mnt->mnt_root = sb->s_root;
	mnt->mnt_count = 1;
	*out = mnt;
	return 0;
fail:
	kfree(mnt);
	kfree(sb);
	return err;
}

int vfs_mount(const char *fstype, const struct vfs_at *at, const char *path,
	      const void *data, const struct vfs_cred *cred)
{
	struct vfsmount *mnt;
	struct path mp;
	int err;

	if (cred->uid != 0)
		return -EPERM;
	err = kern_path(at, path, LOOKUP_FOLLOW | LOOKUP_DIRECTORY, cred, &mp);
	if (err)
		return err;
	err = new_mount(fstype, data, &mnt);
	if (err)
		goto out;
	mnt->mnt_parent = mntget(mp.mnt);
	mnt->mnt_mountpoint = dget(mp.dentry);
	spin_lock(&mount_lock);
	list_add(&mnt->mnt_list, &mounts);
	mp.dentry->d_mounted++;
	spin_unlock(&mount_lock);
out:
	path_put(&mp);
	return err;
}

static bool has_children(struct vfsmount *mnt)
{
	struct vfsmount *m;

	list_for_each_entry(m, &mounts, mnt_list)
		if (m->mnt_parent == mnt && m != mnt)
			return true;
	return false;
}

int vfs_umount(const struct vfs_at *at, const char *path,
	       unsigned int lookup_flags, const struct vfs_cred *cred)
{
	struct vfsmount *mnt;
	struct path p;
	int err;

	if (cred->uid != 0)
		return -EPERM;
	err = kern_path(at, path, lookup_flags & LOOKUP_FOLLOW, cred, &p);
	if (err)
		return err;
	mnt = p.mnt;
	if (p.dentry != mnt->mnt_root) {
		path_put(&p);
		return -EINVAL;
	}
	spin_lock(&mount_lock);
	/* The tree's reference and ours: anything more is a user. */
	if (mnt == root_mnt || mnt->mnt_count > 2 || has_children(mnt)) {
		spin_unlock(&mount_lock);
		path_put(&p);
		return -EBUSY;
	}
	list_del(&mnt->mnt_list);
	mnt->mnt_mountpoint->d_mounted--;
	mnt->mnt_count = 0;
	spin_unlock(&mount_lock);
	dput(p.dentry);
	dput(mnt->mnt_mountpoint);
	mntput(mnt->mnt_parent);
	kill_sb(mnt->mnt_sb);
	kfree(mnt);
	return 0;
}

/* Mounts the root filesystem: a mount that is its own parent. */
int mount_root(const char *fstype)
{
	struct vfsmount *mnt;
	int err = new_mount(fstype, NULL, &mnt);

	if (err)
		return err;
	mnt->mnt_parent = mnt;
	mnt->mnt_mountpoint = mnt->mnt_root;
	spin_lock(&mount_lock);
	list_add_tail(&mnt->mnt_list, &mounts);
	spin_unlock(&mount_lock);
	root_mnt = mnt;
	return 0;
}
