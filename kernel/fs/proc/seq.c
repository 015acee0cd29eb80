/*
 * Reading a generated /proc file, as Linux's seq_file: the text is made
 * into a kernel buffer by the entry's show function and served from there
 * with ordinary offsets, so short reads and lseek work. A read at offset 0
 * makes the text again, which is how a program that rewinds (or preads at
 * 0) sees fresh numbers; a read further on continues the same snapshot.
 */
#include <breenix/errno.h>
#include <breenix/mutex.h>
#include <breenix/slab.h>
#include <breenix/task.h>
#include <breenix/uio.h>
#include <linux/fcntl.h>
#include "internal.h"

#define SEQ_FIRST_SIZE	4096

struct proc_seq {
	struct mutex lock;		/* buf, len, valid */
	char *buf;
	size_t len;
	bool valid;
};

static int proc_seq_open(struct inode *inode, struct file *file)
{
	const struct proc_entry *e = PROC_I(inode)->entry;
	struct proc_seq *seq;
	struct task *t = NULL;

	if (file->f_mode & FMODE_WRITE)
		return -EACCES;
	if (PROC_I(inode)->pid) {
		t = proc_get_task(inode);
		if (!t)
			return -ESRCH;
		/* Linux's mm_access: a reader that may not ptrace gets EACCES. */
		if (e->needs_access && !proc_task_access_allowed(t)) {
			put_task(t);
			return -EACCES;
		}
		put_task(t);
	}
	seq = kzalloc(sizeof(*seq), GFP_KERNEL);
	if (!seq)
		return -ENOMEM;
	mutex_init(&seq->lock);
	file->private_data = seq;
	return 0;
}

/* Runs show into buffers of doubling size until the text fits. */
static int proc_seq_fill(struct inode *inode, struct proc_seq *seq)
{
	const struct proc_entry *e = PROC_I(inode)->entry;
	size_t size = SEQ_FIRST_SIZE;
	struct task *t = NULL;
	struct seq_buf s;
	int err;

	if (PROC_I(inode)->pid) {
		t = proc_get_task(inode);
		if (!t)
			return -ESRCH;
	}
	kfree(seq->buf);
	seq->buf = NULL;
	seq->valid = false;
	for (;;) {
		char *buf = kmalloc(size, GFP_KERNEL);

		if (!buf) {
			err = -ENOMEM;
			break;
		}
		seq_buf_init(&s, buf, size);
		err = e->show(&s, t);
		if (!err && !seq_buf_has_overflowed(&s)) {
			seq->buf = buf;
			seq->len = s.len;
			seq->valid = true;
			break;
		}
		kfree(buf);
		if (err)
			break;
		size *= 2;
	}
	if (t)
		put_task(t);
	return err;
}

static long proc_seq_read(struct file *file, struct iov_iter *to, loff_t *pos)
{
	struct proc_seq *seq = file->private_data;
	size_t n, copied;
	long ret = 0;

	mutex_lock(&seq->lock);
	if (*pos == 0 || !seq->valid)
		ret = proc_seq_fill(file->f_inode, seq);
	if (ret || (size_t)*pos >= seq->len)
		goto out;
	n = seq->len - (size_t)*pos;
	if (n > iov_iter_count(to))
		n = iov_iter_count(to);
	copied = copy_to_iter(seq->buf + *pos, n, to);
	if (!copied && n) {
		ret = -EFAULT;
		goto out;
	}
	*pos += (loff_t)copied;
	ret = (long)copied;
out:
	mutex_unlock(&seq->lock);
	return ret;
}

/* seq_lseek: from the start or the current position only. */
static loff_t proc_seq_llseek(struct file *file, loff_t offset, int whence)
{
	switch (whence) {
	case SEEK_CUR:
		offset += file->f_pos;
		break;
	case SEEK_SET:
		break;
	default:
		return -EINVAL;
	}
	if (offset < 0)
		return -EINVAL;
	file->f_pos = offset;
	return offset;
}

static void proc_seq_release(struct inode *inode, struct file *file)
{
	struct proc_seq *seq = file->private_data;

	(void)inode;
	if (!seq)
		return;
	kfree(seq->buf);
	kfree(seq);
}

const struct file_operations proc_seq_fops = {
	.open = proc_seq_open,
	.read = proc_seq_read,
	.llseek = proc_seq_llseek,
	.release = proc_seq_release,
};
