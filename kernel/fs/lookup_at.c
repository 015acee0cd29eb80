/*
 * What the file system calls share about the calling task: its paths
 * (getname), where its lookups start (root, cwd, a dirfd: the *at()
 * conventions) and who it is to the VFS (its filesystem credentials).
 */
#include <breenix/cred.h>
#include <breenix/errno.h>
#include <breenix/fdtable.h>
#include <breenix/fs_struct.h>
#include <breenix/namei.h>
#include <breenix/slab.h>
#include <breenix/task.h>
#include <breenix/uaccess.h>
#include <breenix/vfs.h>
#include <linux/fcntl.h>
#include <linux/stat.h>

void current_vfs_cred(struct vfs_cred *vc, bool real)
{
	const struct cred *c = current->cred;

	vc->uid = real ? c->uid : c->fsuid;
	vc->gid = real ? c->gid : c->fsgid;
	vc->ngroups = c->ngroups;
	vc->groups = c->groups;
}

char *getname(const char *upath, bool empty_ok, int *err)
{
	char *name = kmalloc(PATH_MAX, GFP_KERNEL);
	long len;

	if (!name) {
		*err = -ENOMEM;
		return NULL;
	}
	len = strncpy_from_user(name, upath, PATH_MAX);
	if (len < 0)
		*err = (int)len;
	else if (len == PATH_MAX)
		*err = -ENAMETOOLONG;
	else if (!len && !empty_ok)
		*err = -ENOENT;
	else
		return name;
	kfree(name);
	return NULL;
}

void putname(char *name)
{
	kfree(name);
}

int lookup_at_get(int dfd, const char *name, bool empty,
		  struct lookup_at *la)
{
	struct file *file;

	get_fs_root(&la->root);
	la->at.root = &la->root;
	la->at.dir = &la->dir;
	if (name[0] == '/') {
		la->dir = la->root;
		path_get(&la->dir);
		return 0;
	}
	if (dfd == AT_FDCWD) {
		get_fs_pwd(&la->dir);
		return 0;
	}
	file = dfd < 0 ? NULL : fget_raw((unsigned int)dfd);
	if (!file) {
		path_put(&la->root);
		return -EBADF;
	}
	if (!(empty && !name[0]) && !S_ISDIR(file->f_inode->i_mode)) {
		fput(file);
		path_put(&la->root);
		return -ENOTDIR;
	}
	la->dir = file->f_path;
	path_get(&la->dir);
	fput(file);
	return 0;
}

void lookup_at_put(struct lookup_at *la)
{
	path_put(&la->dir);
	path_put(&la->root);
}
