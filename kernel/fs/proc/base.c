/*
 * /proc/<pid>: a directory per process with its stat, status, cmdline,
 * environ, maps, comm, fd/, cwd and exe, as Linux's fs/proc/base.c and
 * array.c. The
 * inode holds the struct pid; each read looks the task up again, so a
 * file opened before the process was reaped reads as -ESRCH after.
 */
#include <string.h>
#include <breenix/cred.h>
#include <breenix/errno.h>
#include <breenix/fs_struct.h>
#include <breenix/mm.h>
#include <breenix/mman.h>
#include <breenix/pid.h>
#include <breenix/proc_fmt.h>
#include <breenix/slab.h>
#include <breenix/task.h>
#include <breenix/task_stat.h>
#include <linux/stat.h>
#include "internal.h"

#define PID_FIRST_POS		2	/* after "." and ".." */

static void cred_ids(const struct cred *c, struct proc_ids *ids)
{
	ids->uid = c->uid;
	ids->euid = c->euid;
	ids->suid = c->suid;
	ids->fsuid = c->fsuid;
	ids->gid = c->gid;
	ids->egid = c->egid;
	ids->sgid = c->sgid;
	ids->fsgid = c->fsgid;
}

bool proc_task_access_allowed(struct task *t)
{
	struct proc_ids reader, target;
	struct cred *c;

	if (t->tgid == current->tgid)
		return true;
	c = get_task_cred(current);
	cred_ids(c, &reader);
	put_cred(c);
	c = get_task_cred(t);
	cred_ids(c, &target);
	put_cred(c);
	return proc_may_access(&reader, &target, false);
}

static int show_stat(struct seq_buf *s, struct task *t)
{
	struct task_stat st;

	task_get_stat(t, &st);
	proc_fmt_stat(s, &st, proc_task_access_allowed(t));
	return 0;
}

static int show_status(struct seq_buf *s, struct task *t)
{
	struct task_stat st;

	task_get_stat(t, &st);
	/* Kernel threads and exited tasks have no umask: no line, as Linux. */
	proc_fmt_status(s, &st, get_task_umask(t));
	return 0;
}

static int show_comm(struct seq_buf *s, struct task *t)
{
	char comm[TASK_COMM_LEN];

	memcpy(comm, t->name, sizeof(comm));
	comm[TASK_COMM_LEN - 1] = '\0';
	seq_buf_printf(s, "%s\n", comm);
	return 0;
}

/* Appends [start, end) of @mm's memory; too big for the buffer is an overflow. */
static int put_user_range(struct seq_buf *s, struct mm_struct *mm,
			  uint64_t start, uint64_t end)
{
	size_t len = end > start ? end - start : 0;
	int err;

	if (len > s->size - s->len) {
		s->overflow = true;
		return 0;
	}
	err = mm_read(mm, start, s->buf + s->len, len);
	if (!err)
		s->len += len;
	return err;
}

/*
 * Linux's get_mm_cmdline: argv as the process left it. A last byte that is
 * not NUL means setproctitle(3) wrote past argv into the environment: then
 * the title is the string at arg_start, up to a page, with its NUL.
 */
static int cmdline_from_mm(struct seq_buf *s, struct mm_struct *mm)
{
	uint64_t arg_start, arg_end, env_start, env_end, end;
	size_t before = s->len, n;
	char last;
	int err;

	mutex_lock(&mm->mmap_lock);
	arg_start = mm->arg_start;
	arg_end = mm->arg_end;
	env_start = mm->env_start;
	env_end = mm->env_end;
	mutex_unlock(&mm->mmap_lock);
	if (arg_start >= arg_end)
		return 0;
	if (mm_read(mm, arg_end - 1, &last, 1) || !last)
		return put_user_range(s, mm, arg_start, arg_end);
	end = env_start == arg_end && env_end > env_start ? env_end : arg_end;
	if (end - arg_start > PAGE_SIZE)
		end = arg_start + PAGE_SIZE;
	err = put_user_range(s, mm, arg_start, end);
	if (err || s->overflow)
		return err;
	n = strnlen(s->buf + before, s->len - before);
	s->len = before + (n < s->len - before ? n + 1 : n);
	return 0;
}

/* Empty for a process without memory: a zombie or a kernel thread. */
static int show_cmdline(struct seq_buf *s, struct task *t)
{
	struct mm_struct *mm = get_task_mm(t);
	int err;

	if (!mm)
		return 0;
	err = cmdline_from_mm(s, mm);
	mmput(mm);
	return err;
}

static int show_environ(struct seq_buf *s, struct task *t)
{
	struct mm_struct *mm = get_task_mm(t);
	uint64_t start, end;
	int err;

	if (!mm)
		return 0;
	mutex_lock(&mm->mmap_lock);
	start = mm->env_start;
	end = mm->env_end;
	mutex_unlock(&mm->mmap_lock);
	err = put_user_range(s, mm, start, end);
	mmput(mm);
	return err;
}

/*
 * Linux's names for the areas it knows (get_vma_name). Every Breenix
 * mapping is anonymous (exec copies the file in), so none has a path;
 * shared anonymous memory is the deleted /dev/zero Linux calls it.
 */
static const char *vma_name(const struct vm_area_struct *vma,
			    const struct mm_struct *mm)
{
	if (vma->vm_shm)
		return "/dev/zero (deleted)";
	if (vma->vm_start < mm->brk && vma->vm_end > mm->start_brk)
		return "[heap]";
	if (vma->vm_start <= mm->start_stack && vma->vm_end >= mm->start_stack)
		return "[stack]";
	return NULL;
}

static int show_maps(struct seq_buf *s, struct task *t)
{
	struct mm_struct *mm = get_task_mm(t);
	struct vm_area_struct *vma;

	if (!mm)
		return 0;
	mutex_lock(&mm->mmap_lock);
	list_for_each_entry(vma, &mm->mmap, vm_list) {
		struct proc_maps_entry e = {
			.start = vma->vm_start,
			.end = vma->vm_end,
			.read = vma->vm_flags & VMA_READ,
			.write = vma->vm_flags & VMA_WRITE,
			.exec = vma->vm_flags & VMA_EXEC,
			.shared = vma->vm_flags & VMA_SHARED,
			.offset = vma->vm_shm ? vma->vm_pgoff << PAGE_SHIFT : 0,
			.name = vma_name(vma, mm),
		};

		proc_fmt_maps_entry(s, &e);
	}
	mutex_unlock(&mm->mmap_lock);
	mmput(mm);
	return 0;
}

/* In Linux's order (fs/proc/base.c tgid_base_stuff). */
static const struct proc_entry pid_entries[] = {
	{ .name = "environ", .mode = S_IFREG | 0400, .show = show_environ,
	  .needs_access = true },
	{ .name = "status", .mode = S_IFREG | 0444, .show = show_status },
	{ .name = "comm", .mode = S_IFREG | 0444, .show = show_comm },
	{ .name = "cmdline", .mode = S_IFREG | 0444, .show = show_cmdline },
	{ .name = "stat", .mode = S_IFREG | 0444, .show = show_stat },
	{ .name = "maps", .mode = S_IFREG | 0444, .show = show_maps,
	  .needs_access = true },
	{ .name = "fd", .mode = S_IFDIR | 0500, .needs_access = true,
	  .dir_iops = &proc_fd_dir_iops, .dir_fops = &proc_fd_dir_fops },
	{ .name = "cwd", .mode = S_IFLNK | 0777, .needs_access = true,
	  .link = proc_cwd_link },
	{ .name = "exe", .mode = S_IFLNK | 0777, .needs_access = true,
	  .link = proc_exe_link },
};

#define NR_PID_ENTRIES	(sizeof(pid_entries) / sizeof(pid_entries[0]))

/*
 * A link's target, made now; the links and fd/ need the reader to pass
 * proc_task_access_allowed (Linux's ptrace read check): -EACCES.
 */
static int pid_entry_link(const struct proc_entry *e, struct task *t,
			  char **target)
{
	*target = NULL;
	if (!S_ISREG(e->mode) && e->needs_access && !proc_task_access_allowed(t))
		return -EACCES;
	return e->link ? e->link(t, target) : 0;
}

static int pid_dir_find(struct inode *dir, struct dentry *dentry)
{
	struct proc_inode *pi = PROC_I(dir);
	struct inode *inode;
	char *target;
	struct task *t;
	unsigned int i;
	int err;

	for (i = 0; i < NR_PID_ENTRIES; i++) {
		const struct proc_entry *e = &pid_entries[i];

		if (strlen(e->name) == dentry->d_name.len &&
		    !memcmp(e->name, dentry->d_name.name, dentry->d_name.len))
			break;
	}
	if (i == NR_PID_ENTRIES)
		return 0;
	/* Gone since the directory was looked up: its names are gone too. */
	t = proc_get_task(dir);
	if (!t)
		return 0;
	err = pid_entry_link(&pid_entries[i], t, &target);
	put_task(t);
	if (err)
		return err;
	inode = proc_new_inode(dir->i_sb, pid_entries[i].mode,
			       S_ISREG(pid_entries[i].mode) ? &pid_entries[i] : NULL,
			       get_pid(pi->pid));
	if (!inode) {
		kfree(target);
		return -ENOMEM;
	}
	inode->i_uid = dir->i_uid;
	inode->i_gid = dir->i_gid;
	inode->i_ino = PROC_PID_INO(pi->pid->nr, i + 1);
	if (target) {
		PROC_I(inode)->link = target;
		inode->i_size = (loff_t)strlen(target);
	}
	if (pid_entries[i].dir_iops) {
		inode->i_op = pid_entries[i].dir_iops;
		inode->i_fop = pid_entries[i].dir_fops;
	}
	d_instantiate(dentry, inode);
	return 0;
}

/* Never cached, as in the root: the process may be gone by the next walk. */
static int pid_dir_lookup(struct inode *dir, struct dentry *dentry)
{
	int err = pid_dir_find(dir, dentry);

	d_drop(dentry);
	return err;
}

static int pid_dir_iterate(struct file *file, struct dir_context *ctx)
{
	struct inode *dir = file->f_inode;
	int nr = PROC_I(dir)->pid->nr;
	struct task *t = proc_get_task(dir);

	if (!t)
		return -ENOENT;
	put_task(t);
	for (;;) {
		loff_t pos = ctx->pos;
		bool more;

		if (pos < PID_FIRST_POS) {
			more = ctx->actor(ctx, "..", (unsigned int)pos + 1, pos,
					  pos ? PROC_ROOT_INO : PROC_PID_INO(nr, 0),
					  DT_DIR);
		} else if (pos < (loff_t)(PID_FIRST_POS + NR_PID_ENTRIES)) {
			const struct proc_entry *e =
				&pid_entries[pos - PID_FIRST_POS];

			more = ctx->actor(ctx, e->name, strlen(e->name), pos,
					  PROC_PID_INO(nr, pos - 1),
					  dt_type(e->mode));
		} else {
			return 0;
		}
		if (!more)
			return 0;
		ctx->pos = pos + 1;
	}
}

const struct inode_operations proc_pid_dir_iops = {
	.lookup = pid_dir_lookup,
};

const struct file_operations proc_pid_dir_fops = {
	.iterate = pid_dir_iterate,
};
