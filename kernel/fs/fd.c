/*
 * The current task's descriptors: the fdtable.h operations applied to
 * current->files with RLIMIT_NOFILE, the table's sharing across clone and
 * exec and its release at exit, and the descriptor syscalls close, dup,
 * dup2 and dup3 (Linux's fs/file.c and fs/open.c).
 */
#include <breenix/cred.h>
#include <breenix/errno.h>
#include <breenix/fdtable.h>
#include <breenix/process.h>
#include <breenix/syscall.h>
#include <breenix/task.h>
#include <linux/fcntl.h>
#include <linux/resource.h>
#include <uapi/linux/sched.h>

/*
 * Guards task->files against its owner swapping or dropping it (exec,
 * exit) while another task (/proc) takes a reference.
 */
static spinlock_t task_files_lock = SPINLOCK_INIT;

static unsigned long nofile_limit(void)
{
	return (unsigned long)rlimit(RLIMIT_NOFILE);
}

struct file *fget_raw(unsigned int fd)
{
	if (!current->files)
		return NULL;
	return files_lookup(current->files, fd);
}

struct file *fget(unsigned int fd)
{
	struct file *file = fget_raw(fd);

	if (file && (file->f_mode & FMODE_PATH)) {
		fput(file);
		return NULL;
	}
	return file;
}

int get_unused_fd_flags(unsigned int flags)
{
	if (!current->files)
		return -EMFILE;
	return files_alloc_fd(current->files, 0, nofile_limit(), flags);
}

void put_unused_fd(unsigned int fd)
{
	files_put_unused_fd(current->files, fd);
}

/*
 * A file gets its opener's credentials when it first becomes a descriptor,
 * right after the open (Linux records them at allocation); a file passed
 * on keeps the first ones.
 */
void fd_install(unsigned int fd, struct file *file)
{
	if (!file->f_cred)
		file->f_cred = get_cred(current->cred);
	files_install(current->files, fd, file);
}

int close_fd(unsigned int fd)
{
	struct file *file;

	if (!current->files)
		return -EBADF;
	file = files_pick(current->files, fd);
	if (!file)
		return -EBADF;
	fput(file);
	return 0;
}

int unshare_files(void)
{
	struct task *tsk = current;
	struct files_struct *old = tsk->files, *copy;

	if (!old || __atomic_load_n(&old->count, __ATOMIC_ACQUIRE) == 1)
		return 0;
	copy = files_dup(old);
	if (!copy)
		return -ENOMEM;
	spin_lock(&task_files_lock);
	tsk->files = copy;
	spin_unlock(&task_files_lock);
	files_put(old);
	return 0;
}

int do_close_on_exec(void)
{
	int err = unshare_files();

	if (err)
		return err;
	if (current->files)
		files_close_on_exec(current->files);
	return 0;
}

struct files_struct *get_task_files(struct task *task)
{
	struct files_struct *files;

	spin_lock(&task_files_lock);
	files = task->files;
	if (files)
		files_get(files);
	spin_unlock(&task_files_lock);
	return files;
}

int copy_files(unsigned long clone_flags, struct task *child)
{
	struct files_struct *files = current->files;

	if (!files)
		return 0;
	if (clone_flags & CLONE_FILES) {
		files_get(files);
		child->files = files;
		return 0;
	}
	child->files = files_dup(files);
	return child->files ? 0 : -ENOMEM;
}

void exit_files(struct task *task)
{
	struct files_struct *files = task->files;

	if (!files)
		return;
	spin_lock(&task_files_lock);
	task->files = NULL;
	spin_unlock(&task_files_lock);
	files_put(files);
}

SYSCALL_DEFINE1(close, unsigned int, fd)
{
	return close_fd(fd);
}

/* dup2 and dup3: the file at @oldfd also at @newfd, whatever was there closed. */
static long do_dup2(unsigned int oldfd, unsigned int newfd, unsigned int flags)
{
	struct file *file, *old;
	int err;

	file = fget_raw(oldfd);
	if (!file)
		return -EBADF;
	err = files_replace(current->files, newfd, file, flags, nofile_limit(),
			    &old);
	fput(file);
	if (old)
		fput(old);
	return err ? err : (long)newfd;
}

SYSCALL_DEFINE3(dup3, unsigned int, oldfd, unsigned int, newfd, int, flags)
{
	if ((unsigned int)flags & ~(unsigned int)O_CLOEXEC)
		return -EINVAL;
	if (oldfd == newfd)
		return -EINVAL;
	return do_dup2(oldfd, newfd, (unsigned int)flags);
}

/* dup2 onto itself only checks that the descriptor is open. */
SYSCALL_DEFINE2(dup2, unsigned int, oldfd, unsigned int, newfd)
{
	struct file *file;

	if (oldfd == newfd) {
		file = fget_raw(oldfd);
		if (!file)
			return -EBADF;
		fput(file);
		return newfd;
	}
	return do_dup2(oldfd, newfd, 0);
}

/* F_DUPFD's core too: the lowest free descriptor at or above @start. */
long dup_from(unsigned int oldfd, unsigned int start, unsigned int flags)
{
	struct file *file = fget_raw(oldfd);
	int fd;

	if (!file)
		return -EBADF;
	fd = files_alloc_fd(current->files, start, nofile_limit(), flags);
	if (fd < 0) {
		fput(file);
		return fd;
	}
	fd_install((unsigned int)fd, file);
	return fd;
}

SYSCALL_DEFINE1(dup, unsigned int, fildes)
{
	return dup_from(fildes, 0, 0);
}
