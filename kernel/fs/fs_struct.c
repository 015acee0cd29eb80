/*
 * Per-process root, working directory and umask (Linux's fs/fs_struct.c):
 * shared between tasks made with CLONE_FS, copied by fork, dropped at
 * exit. root and pwd change under the spinlock and are only ever read as
 * referenced copies, so a lookup keeps its starting point even if another
 * thread chdirs meanwhile.
 */
#include <breenix/errno.h>
#include <breenix/fs_struct.h>
#include <breenix/slab.h>
#include <breenix/task.h>
#include <uapi/linux/sched.h>

/* Linux's default umask for init (init_fs). */
#define INIT_UMASK	0022

/* Guards task->fs against its owner dropping it while /proc reads it. */
static spinlock_t task_fs_lock = SPINLOCK_INIT;

struct fs_struct *fs_alloc(void)
{
	struct fs_struct *fs = kzalloc(sizeof(*fs), GFP_KERNEL);

	if (!fs)
		return NULL;
	fs->users = 1;
	fs->lock = (spinlock_t)SPINLOCK_INIT;
	fs->umask = INIT_UMASK;
	get_root(&fs->root);
	get_root(&fs->pwd);
	return fs;
}

struct fs_struct *fs_dup(struct fs_struct *old)
{
	struct fs_struct *fs = kzalloc(sizeof(*fs), GFP_KERNEL);

	if (!fs)
		return NULL;
	fs->users = 1;
	fs->lock = (spinlock_t)SPINLOCK_INIT;
	spin_lock(&old->lock);
	fs->umask = old->umask;
	fs->root = old->root;
	fs->pwd = old->pwd;
	path_get(&fs->root);
	path_get(&fs->pwd);
	spin_unlock(&old->lock);
	return fs;
}

void fs_get(struct fs_struct *fs)
{
	__atomic_add_fetch(&fs->users, 1, __ATOMIC_RELAXED);
}

void fs_put(struct fs_struct *fs)
{
	if (__atomic_sub_fetch(&fs->users, 1, __ATOMIC_ACQ_REL))
		return;
	path_put(&fs->root);
	path_put(&fs->pwd);
	kfree(fs);
}

static void get_fs_path(const struct path *which, struct path *out)
{
	struct fs_struct *fs = current->fs;

	spin_lock(&fs->lock);
	*out = *which;
	path_get(out);
	spin_unlock(&fs->lock);
}

void get_fs_root(struct path *root)
{
	if (!current->fs)
		get_root(root);
	else
		get_fs_path(&current->fs->root, root);
}

void get_fs_pwd(struct path *pwd)
{
	if (!current->fs)
		get_root(pwd);
	else
		get_fs_path(&current->fs->pwd, pwd);
}

/* The old place is dropped after the lock: dput may free dentries. */
static void set_fs_path(struct fs_struct *fs, struct path *which,
			const struct path *to)
{
	struct path old;

	path_get(to);
	spin_lock(&fs->lock);
	old = *which;
	*which = *to;
	spin_unlock(&fs->lock);
	path_put(&old);
}

void set_fs_root(struct fs_struct *fs, const struct path *root)
{
	set_fs_path(fs, &fs->root, root);
}

void set_fs_pwd(struct fs_struct *fs, const struct path *pwd)
{
	set_fs_path(fs, &fs->pwd, pwd);
}

unsigned int current_umask(void)
{
	return current->fs ? __atomic_load_n(&current->fs->umask,
					     __ATOMIC_RELAXED) : 0;
}

int get_task_root_pwd(struct task *task, struct path *root, struct path *pwd)
{
	struct fs_struct *fs;

	spin_lock(&task_fs_lock);
	fs = task->fs;
	if (fs)
		fs_get(fs);
	spin_unlock(&task_fs_lock);
	if (!fs)
		return -ENOENT;
	spin_lock(&fs->lock);
	if (root) {
		*root = fs->root;
		path_get(root);
	}
	if (pwd) {
		*pwd = fs->pwd;
		path_get(pwd);
	}
	spin_unlock(&fs->lock);
	fs_put(fs);
	return 0;
}

int get_task_umask(struct task *task)
{
	int umask = -ENOENT;

	spin_lock(&task_fs_lock);
	if (task->fs)
		umask = (int)__atomic_load_n(&task->fs->umask, __ATOMIC_RELAXED);
	spin_unlock(&task_fs_lock);
	return umask;
}

int copy_fs(unsigned long clone_flags, struct task *child)
{
	struct fs_struct *fs = current->fs;

	if (!fs)
		return 0;
	if (clone_flags & CLONE_FS) {
		fs_get(fs);
		child->fs = fs;
		return 0;
	}
	child->fs = fs_dup(fs);
	return child->fs ? 0 : -ENOMEM;
}

void exit_fs(struct task *task)
{
	struct fs_struct *fs = task->fs;

	if (!fs)
		return;
	spin_lock(&task_fs_lock);
	task->fs = NULL;
	spin_unlock(&task_fs_lock);
	fs_put(fs);
}
