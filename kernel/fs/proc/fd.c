/*
 * The links of /proc/<pid>: fd/ (one symlink per open descriptor), cwd and
 * exe, as Linux's fs/proc/fd.c and base.c name them. Targets are built
 * when the name is looked up (procfs never caches names), as paths seen
 * from the reader's root; a pipe is "pipe:[ino]" and a file unlinked while
 * open gets " (deleted)", as in Linux.
 */
#include <stdio.h>
#include <string.h>
#include <breenix/errno.h>
#include <breenix/fdtable.h>
#include <breenix/fs_struct.h>
#include <breenix/mman.h>
#include <breenix/pid.h>
#include <breenix/slab.h>
#include <breenix/task.h>
#include <breenix/task_stat.h>
#include <linux/stat.h>
#include "../internal.h"
#include "internal.h"

#define FD_FIRST_POS	2	/* after "." and ".." */

/* The target text for @path, kmalloc'd in *@target. */
static int path_target(const struct path *path, char **target)
{
	struct inode *inode = path->dentry->d_inode;
	bool unreachable, deleted;
	struct path root;
	char *buf, *name;
	int err = 0;

	buf = kmalloc(PATH_MAX, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	get_fs_root(&root);
	name = d_path(path, &root, buf, PATH_MAX, &unreachable);
	path_put(&root);
	/* Unlinked while open; procfs's own names are never hashed. */
	deleted = inode && !inode->i_nlink &&
		  !(path->dentry->d_flags & DCACHE_HASHED);
	if (inode && S_ISFIFO(inode->i_mode) && unreachable)
		snprintf(buf, PATH_MAX, "pipe:[%llu]", (unsigned long long)inode->i_ino);
	else if (!name)
		err = -ENAMETOOLONG;
	else
		memmove(buf, name, strlen(name) + 1);
	if (!err && deleted && strlen(buf) + sizeof(" (deleted)") <= PATH_MAX)
		strcat(buf, " (deleted)");
	if (err) {
		kfree(buf);
		return err;
	}
	*target = buf;
	return 0;
}

int proc_cwd_link(struct task *t, char **target)
{
	struct path root, pwd;
	int err = get_task_root_pwd(t, &root, &pwd);

	if (err)
		return err;
	err = path_target(&pwd, target);
	path_put(&root);
	path_put(&pwd);
	return err;
}

int proc_exe_link(struct task *t, char **target)
{
	struct mm_struct *mm = get_task_mm(t);
	struct file *exe = NULL;
	int err;

	if (mm) {
		mutex_lock(&mm->mmap_lock);
		if (mm->exe_file)
			exe = get_file(mm->exe_file);
		mutex_unlock(&mm->mmap_lock);
		mmput(mm);
	}
	if (!exe)
		return -ENOENT;
	err = path_target(&exe->f_path, target);
	fput(exe);
	return err;
}

/* A decimal descriptor number without sign or leading zeros. */
static int name_to_fd(const char *name, unsigned int len)
{
	unsigned int i;
	int fd = 0;

	if (!len || len > 7 || (name[0] == '0' && len > 1))
		return -1;
	for (i = 0; i < len; i++) {
		if (name[i] < '0' || name[i] > '9')
			return -1;
		fd = fd * 10 + (name[i] - '0');
	}
	return fd;
}

static int fd_dir_find(struct inode *dir, struct dentry *dentry)
{
	int fd = name_to_fd(dentry->d_name.name, dentry->d_name.len);
	struct task *t = proc_get_task(dir);
	struct files_struct *files;
	struct file *file = NULL;
	struct inode *inode;
	char *target;
	int err;

	if (!t)
		return 0;
	files = fd >= 0 ? get_task_files(t) : NULL;
	put_task(t);
	if (files) {
		file = files_lookup(files, (unsigned int)fd);
		files_put(files);
	}
	if (!file)
		return 0;
	err = path_target(&file->f_path, &target);
	fput(file);
	if (err)
		return err;
	inode = proc_new_inode(dir->i_sb, S_IFLNK | 0700, NULL,
			       get_pid(PROC_I(dir)->pid));
	if (!inode) {
		kfree(target);
		return -ENOMEM;
	}
	inode->i_uid = dir->i_uid;
	inode->i_gid = dir->i_gid;
	inode->i_ino = PROC_FD_INO(PROC_I(dir)->pid->nr, fd);
	inode->i_size = (loff_t)strlen(target);
	PROC_I(inode)->link = target;
	d_instantiate(dentry, inode);
	return 0;
}

static int fd_dir_lookup(struct inode *dir, struct dentry *dentry)
{
	int err = fd_dir_find(dir, dentry);

	d_drop(dentry);
	return err;
}

/* Positions past the dots are descriptor + FD_FIRST_POS. */
static int fd_dir_iterate(struct file *file, struct dir_context *ctx)
{
	struct inode *dir = file->f_inode;
	int nr = PROC_I(dir)->pid->nr, fd;
	struct task *t = proc_get_task(dir);
	struct files_struct *files;
	char name[12];
	bool more = true;

	if (!t)
		return -ENOENT;
	files = get_task_files(t);
	put_task(t);
	while (more && ctx->pos < FD_FIRST_POS) {
		loff_t pos = ctx->pos;

		more = ctx->actor(ctx, "..", (unsigned int)pos + 1, pos,
				  pos ? PROC_PID_INO(nr, 0) : PROC_FD_INO(nr, PROC_FD_DIR),
				  DT_DIR);
		if (more)
			ctx->pos = pos + 1;
	}
	while (more && files &&
	       (fd = files_next_fd(files, (unsigned int)(ctx->pos - FD_FIRST_POS))) >= 0) {
		int len = snprintf(name, sizeof(name), "%d", fd);

		more = ctx->actor(ctx, name, (unsigned int)len, fd + FD_FIRST_POS,
				  PROC_FD_INO(nr, fd), DT_LNK);
		if (more)
			ctx->pos = fd + FD_FIRST_POS + 1;
	}
	if (files)
		files_put(files);
	return 0;
}

const struct inode_operations proc_fd_dir_iops = {
	.lookup = fd_dir_lookup,
};

const struct file_operations proc_fd_dir_fops = {
	.iterate = fd_dir_iterate,
};
