/*
 * Inodes: allocation, reference counting and permission checks. An inode
 * lives while anything references it (a dentry, an open file); the last
 * iput hands it to the filesystem's evict_inode, so an unlinked file that
 * is still open keeps its data until its last close.
 */
#include <breenix/errno.h>
#include <breenix/fs.h>
#include <breenix/slab.h>
#include <breenix/time.h>
#include <linux/stat.h>

const struct vfs_cred vfs_root_cred = { .uid = 0, .gid = 0 };

struct inode *new_inode(struct super_block *sb)
{
	struct inode *inode = kzalloc(sizeof(*inode), GFP_KERNEL);
	unsigned long flags;

	if (!inode)
		return NULL;
	inode->i_sb = sb;
	inode->i_count = 1;
	inode->i_lock = (spinlock_t)SPINLOCK_INIT;
	mutex_init(&inode->i_rwsem);
	flags = spin_lock_irqsave(&sb->s_lock);
	inode->i_ino = sb->s_next_ino++;
	spin_unlock_irqrestore(&sb->s_lock, flags);
	inode->i_atime = inode->i_mtime = inode->i_ctime = current_time_ns();
	return inode;
}

struct inode *igrab(struct inode *inode)
{
	__atomic_add_fetch(&inode->i_count, 1, __ATOMIC_RELAXED);
	return inode;
}

void iput(struct inode *inode)
{
	if (!inode || __atomic_sub_fetch(&inode->i_count, 1, __ATOMIC_ACQ_REL))
		return;
	if (inode->i_sb->s_op && inode->i_sb->s_op->evict_inode)
		inode->i_sb->s_op->evict_inode(inode);
	kfree(inode);
}

/* A new inode belongs to its creator; a setgid directory passes its group on. */
void inode_init_owner(struct inode *inode, const struct inode *dir,
		      umode_t mode, const struct vfs_cred *cred)
{
	inode->i_uid = cred->uid;
	inode->i_gid = cred->gid;
	if (dir && (dir->i_mode & S_ISGID)) {
		inode->i_gid = dir->i_gid;
		if (S_ISDIR(mode))
			mode |= S_ISGID;
	}
	inode->i_mode = mode;
}

int64_t current_time_ns(void)
{
	return (int64_t)ktime_get_real_ns();
}

unsigned int dt_type(umode_t mode)
{
	return (mode & S_IFMT) >> 12;
}

bool in_group(const struct vfs_cred *cred, kgid_t gid)
{
	unsigned int i;

	if (cred->gid == gid)
		return true;
	for (i = 0; i < cred->ngroups; i++)
		if (cred->groups[i] == gid)
			return true;
	return false;
}

bool inode_owner_or_capable(const struct inode *inode,
			    const struct vfs_cred *cred)
{
	return cred->uid == 0 || cred->uid == inode->i_uid;
}

/*
 * The owner's bits apply to the owner, the group's to members, the others'
 * to the rest. Root may read and write anything and search any directory,
 * and execute a file when any execute bit is set.
 */
int inode_permission(const struct inode *inode, int mask,
		     const struct vfs_cred *cred)
{
	umode_t mode = inode->i_mode;
	unsigned int bits;

	if (cred->uid == 0) {
		if ((mask & MAY_EXEC) && !S_ISDIR(mode) &&
		    !(mode & (S_IXUSR | S_IXGRP | S_IXOTH)))
			return -EACCES;
		return 0;
	}
	if (cred->uid == inode->i_uid)
		bits = (mode >> 6) & 7;
	else if (in_group(cred, inode->i_gid))
		bits = (mode >> 3) & 7;
	else
		bits = mode & 7;
	return ((unsigned int)mask & ~bits) ? -EACCES : 0;
}
