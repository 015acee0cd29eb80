/*
 * What the files of kernel/fs/proc share: the table entries that describe
 * each name, the per-inode data, and the generated-text file operations.
 */
#ifndef PROC_INTERNAL_H
#define PROC_INTERNAL_H

#include <breenix/fs.h>
#include <breenix/seq_buf.h>

struct pid;
struct task;

#define PROC_ROOT_INO		1
/* Inodes under /proc/<pid>: above every fixed one, 256 numbers per pid. */
#define PROC_PID_INO(nr, i)	((1ULL << 32) + ((uint64_t)(nr) << 8) + (i))
/* /proc/<pid>/fd/<n>: a range of their own (descriptors stay below 2^21). */
#define PROC_FD_INO(nr, fd)	((1ULL << 48) + ((uint64_t)(nr) << 21) + (uint64_t)(fd))
#define PROC_FD_DIR		((1U << 21) - 1)	/* fd/ itself */

/*
 * One name in a /proc directory. Regular files have show (with the task
 * for files under /proc/<pid>, NULL for the others); a file with
 * needs_access opens only for readers proc_may_access() allows (for links
 * and directories: is looked up only by them). Symlinks under /proc/<pid>
 * have link, which makes the target (kmalloc'd); directories their
 * operations.
 */
struct proc_entry {
	const char *name;
	umode_t mode;
	int (*show)(struct seq_buf *s, struct task *t);
	bool needs_access;
	int (*link)(struct task *t, char **target);
	const struct inode_operations *dir_iops;
	const struct file_operations *dir_fops;
};

/* i_private of every procfs inode. */
struct proc_inode {
	const struct proc_entry *entry;	/* NULL: a directory or symlink */
	struct pid *pid;		/* referenced; NULL outside /proc/<pid> */
	char *link;			/* a symlink's target, kmalloc'd */
};

static inline struct proc_inode *PROC_I(const struct inode *inode)
{
	return inode->i_private;
}

/*
 * A new inode with its proc_inode (taking over @pid's reference, even on
 * failure), or NULL without memory.
 */
struct inode *proc_new_inode(struct super_block *sb, umode_t mode,
			     const struct proc_entry *entry, struct pid *pid);
/* The task @inode's /proc/<pid> names, referenced, or NULL once it is gone. */
struct task *proc_get_task(const struct inode *inode);

/* May the current task read @t's memory-derived files (proc_fmt.h's rule)? */
bool proc_task_access_allowed(struct task *t);

extern const struct file_operations proc_seq_fops;
extern const struct inode_operations proc_link_iops;
extern const struct inode_operations proc_pid_dir_iops;
extern const struct file_operations proc_pid_dir_fops;
extern const struct inode_operations proc_fd_dir_iops;
extern const struct file_operations proc_fd_dir_fops;

/* The targets of /proc/<pid>/cwd and exe (fd.c). */
int proc_cwd_link(struct task *t, char **target);
int proc_exe_link(struct task *t, char **target);

/* The files at the top of /proc, each in its own file. */
int proc_show_meminfo(struct seq_buf *s, struct task *t);
int proc_show_cpuinfo(struct seq_buf *s, struct task *t);
int proc_show_uptime(struct seq_buf *s, struct task *t);
int proc_show_loadavg(struct seq_buf *s, struct task *t);
int proc_show_version(struct seq_buf *s, struct task *t);
int proc_show_mounts(struct seq_buf *s, struct task *t);
int proc_show_filesystems(struct seq_buf *s, struct task *t);

#endif
