/*
 * Pipes and FIFOs, as Linux's fs/pipe.c: the reading and writing ends of a
 * pipe_ring under one mutex, with sleeping readers and writers, EOF once
 * the last writer has gone and EPIPE once the last reader has; FIFOs open
 * with POSIX's blocking rules. pipe(2)'s inodes live in pipefs, a
 * filesystem that is never mounted.
 */
#include <stdio.h>
#include <breenix/errno.h>
#include <breenix/mm.h>
#include <breenix/pipe.h>
#include <breenix/poll.h>
#include <breenix/process.h>
#include <breenix/slab.h>
#include <breenix/uaccess.h>
#include <breenix/vfs.h>
#include <uapi/asm-generic/ioctls.h>
#include "internal.h"

static void *pipe_page_alloc(void *ctx)
{
	struct page *page = alloc_page(GFP_KERNEL);

	(void)ctx;
	return page ? page_address(page) : NULL;
}

static void pipe_page_free(void *ctx, void *addr)
{
	(void)ctx;
	free_pages(virt_to_page(addr), 0);
}

static const struct pipe_page_ops pipe_page_ops = {
	.alloc = pipe_page_alloc,
	.free = pipe_page_free,
};

static struct pipe_inode_info *alloc_pipe_info(void)
{
	struct pipe_inode_info *pipe = kzalloc(sizeof(*pipe), GFP_KERNEL);

	if (!pipe)
		return NULL;
	mutex_init(&pipe->mutex);
	/*
	 * As Linux: a file's f_pipe starts at 0, so only a FIFO reader that
	 * opened without writers (and saved the count) misses POLLHUP.
	 */
	pipe->r_counter = pipe->w_counter = 1;
	init_waitqueue_head(&pipe->rd_wait);
	init_waitqueue_head(&pipe->wr_wait);
	pipe_ring_init(&pipe->ring, pipe->bufs, PIPE_DEF_BUFFERS,
		       &pipe_page_ops, NULL);
	return pipe;
}

static void free_pipe_info(struct pipe_inode_info *pipe)
{
	pipe_ring_release(&pipe->ring);
	kfree(pipe);
}

/* What poll and the sleepers read without the mutex. */
static unsigned int pipe_load(const unsigned int *p)
{
	return __atomic_load_n(p, __ATOMIC_RELAXED);
}

static bool pipe_readable(struct pipe_inode_info *pipe)
{
	return pipe_load(&pipe->ring.head) != pipe_load(&pipe->ring.tail) ||
	       !pipe_load(&pipe->writers);
}

static bool pipe_writable(struct pipe_inode_info *pipe)
{
	return pipe_load(&pipe->ring.head) - pipe_load(&pipe->ring.tail) <
	       pipe->ring.nr_bufs || !pipe_load(&pipe->readers);
}

/*
 * Drops the mutex and sleeps on @wq until @cond holds, then takes it again.
 * No wakeup is lost: the task is queued and asleep before it tests @cond,
 * and whoever changes what @cond reads wakes @wq after the change. A
 * signal ends the sleep with -ERESTARTSYS: restarted under SA_RESTART,
 * EINTR otherwise, as Linux's pipe_read/pipe_write.
 */
static int pipe_wait(struct pipe_inode_info *pipe, wait_queue_head_t *wq,
		     bool (*cond)(struct pipe_inode_info *pipe))
{
	struct wait_queue_entry w;
	int err = 0;

	mutex_unlock(&pipe->mutex);
	init_wait_entry(&w, 0);
	for (;;) {
		prepare_to_wait(wq, &w, WAIT_INTERRUPTIBLE);
		if (cond(pipe))
			break;
		if (current_signal_pending()) {
			err = -ERESTARTSYS;
			break;
		}
		schedule();
	}
	finish_wait(wq, &w);
	mutex_lock(&pipe->mutex);
	return err;
}

static size_t pipe_copy_to_iter(void *buf, size_t len, void *arg)
{
	return copy_to_iter(buf, len, arg);
}

static size_t pipe_copy_from_iter(void *buf, size_t len, void *arg)
{
	return copy_from_iter(buf, len, arg);
}

static void pipe_touch(struct inode *inode, bool modified)
{
	int64_t now = current_time_ns();

	spin_lock(&inode->i_lock);
	if (modified)
		inode->i_mtime = inode->i_ctime = now;
	else
		inode->i_atime = now;
	spin_unlock(&inode->i_lock);
}

/*
 * Returns as soon as some bytes are read: all asked for, or what the pipe
 * held. An empty pipe gives 0 (EOF) once no writer is left, -EAGAIN for
 * O_NONBLOCK, and otherwise sleeps for a writer.
 */
static long pipe_read(struct file *file, struct iov_iter *to, loff_t *pos)
{
	struct pipe_inode_info *pipe = file->private_data;
	long ret = 0;

	(void)pos;
	if (!iov_iter_count(to))
		return 0;
	mutex_lock(&pipe->mutex);
	for (;;) {
		bool was_full = pipe_ring_full(&pipe->ring);
		long n = pipe_ring_read(&pipe->ring, iov_iter_count(to),
					pipe_copy_to_iter, to);

		if (n > 0 && was_full)
			wake_up_poll(&pipe->wr_wait, POLLOUT | POLLWRNORM);
		if (n) {
			ret = n;
			break;
		}
		if (!pipe->writers)
			break;
		if (file->f_flags & O_NONBLOCK) {
			ret = -EAGAIN;
			break;
		}
		ret = pipe_wait(pipe, &pipe->rd_wait, pipe_readable);
		if (ret)
			break;
	}
	mutex_unlock(&pipe->mutex);
	if (ret > 0)
		pipe_touch(file->f_inode, false);
	return ret;
}

/*
 * A write of at most PIPE_BUF bytes goes in whole or waits (O_NONBLOCK:
 * -EAGAIN); a bigger one puts in what fits and waits for room for the rest
 * (O_NONBLOCK: returns what went in, -EAGAIN if nothing did).
 */
static long pipe_write(struct file *file, struct iov_iter *from, loff_t *pos)
{
	struct pipe_inode_info *pipe = file->private_data;
	bool packet = file->f_flags & O_DIRECT;
	long ret = 0;

	(void)pos;
	if (!iov_iter_count(from))
		return 0;
	mutex_lock(&pipe->mutex);
	for (;;) {
		bool was_empty;
		long n;
		int err;

		if (!pipe->readers) {
			/* No reader: SIGPIPE to the writer, then EPIPE (Linux's pipe_write). */
			if (!ret) {
				send_sigpipe();
				ret = -EPIPE;
			}
			break;
		}
		was_empty = pipe_ring_empty(&pipe->ring);
		n = pipe_ring_write(&pipe->ring, iov_iter_count(from), !ret,
				    packet, pipe_copy_from_iter, from);
		if (n < 0) {
			if (!ret)
				ret = n;
			break;
		}
		if (n > 0) {
			ret += n;
			if (was_empty)
				wake_up_poll(&pipe->rd_wait, POLLIN | POLLRDNORM);
		}
		if (!iov_iter_count(from))
			break;
		/* Short with room left: the source faulted or a page was lacking. */
		if (!pipe_ring_full(&pipe->ring))
			break;
		if (file->f_flags & O_NONBLOCK) {
			if (!ret)
				ret = -EAGAIN;
			break;
		}
		err = pipe_wait(pipe, &pipe->wr_wait, pipe_writable);
		if (err) {
			if (!ret)
				ret = err;
			break;
		}
	}
	mutex_unlock(&pipe->mutex);
	if (ret > 0)
		pipe_touch(file->f_inode, true);
	return ret;
}

static loff_t pipe_llseek(struct file *file, loff_t offset, int whence)
{
	(void)file, (void)offset, (void)whence;
	return -ESPIPE;
}

/*
 * Readable when it holds data, hung up when no writer is left (but not for
 * a FIFO reader that has seen no writer since it opened, as Linux);
 * writable when a buffer is free, which is room for PIPE_BUF bytes, and an
 * error when no reader is left.
 */
static unsigned int pipe_poll(struct file *file, poll_table *pt)
{
	struct pipe_inode_info *pipe = file->private_data;
	unsigned int head, tail, mask = 0;

	if (file->f_mode & FMODE_READ)
		poll_wait(file, &pipe->rd_wait, pt);
	if (file->f_mode & FMODE_WRITE)
		poll_wait(file, &pipe->wr_wait, pt);
	head = pipe_load(&pipe->ring.head);
	tail = pipe_load(&pipe->ring.tail);
	if (file->f_mode & FMODE_READ) {
		if (head != tail)
			mask |= POLLIN | POLLRDNORM;
		if (!pipe_load(&pipe->writers) &&
		    file->f_pipe != pipe_load(&pipe->w_counter))
			mask |= POLLHUP;
	}
	if (file->f_mode & FMODE_WRITE) {
		if (head - tail < pipe->ring.nr_bufs)
			mask |= POLLOUT | POLLWRNORM;
		if (!pipe_load(&pipe->readers))
			mask |= POLLERR;
	}
	return mask;
}

static long pipe_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct pipe_inode_info *pipe = file->private_data;
	int count;

	if (cmd != FIONREAD)
		return -ENOTTY;
	mutex_lock(&pipe->mutex);
	count = (int)pipe_ring_len(&pipe->ring);
	mutex_unlock(&pipe->mutex);
	/* arg is the caller's int pointer. */
	return copy_to_user((void *)arg, &count, sizeof(count)) ? -EFAULT : 0;
}

/* The last file on the pipe frees it; a FIFO's next open starts afresh. */
static void put_pipe_info(struct inode *inode, struct pipe_inode_info *pipe)
{
	bool last;

	spin_lock(&inode->i_lock);
	last = !--pipe->files;
	if (last)
		inode->i_pipe = NULL;
	spin_unlock(&inode->i_lock);
	if (last)
		free_pipe_info(pipe);
}

static void pipe_release(struct inode *inode, struct file *file)
{
	struct pipe_inode_info *pipe = file->private_data;

	mutex_lock(&pipe->mutex);
	if (file->f_mode & FMODE_READ)
		pipe->readers--;
	if (file->f_mode & FMODE_WRITE)
		pipe->writers--;
	/* The last of one side: the other side sees EOF, EPIPE, HUP or ERR. */
	if (!pipe->readers != !pipe->writers) {
		wake_up_all(&pipe->rd_wait);
		wake_up_all(&pipe->wr_wait);
	}
	mutex_unlock(&pipe->mutex);
	put_pipe_info(inode, pipe);
}

/* A FIFO opener's partner came: another open of the other kind. */
static void wake_up_partner(struct pipe_inode_info *pipe)
{
	wake_up_all(&pipe->rd_wait);
}

/* Sleeps, the mutex dropped, until *@cnt changes: 0 or -ERESTARTSYS (a signal). */
static int wait_for_partner(struct pipe_inode_info *pipe, unsigned int *cnt)
{
	unsigned int seen = *cnt;
	struct wait_queue_entry w;
	int err = 0;

	mutex_unlock(&pipe->mutex);
	init_wait_entry(&w, 0);
	for (;;) {
		prepare_to_wait(&pipe->rd_wait, &w, WAIT_INTERRUPTIBLE);
		if (pipe_load(cnt) != seen)
			break;
		if (current_signal_pending()) {
			err = -ERESTARTSYS;
			break;
		}
		schedule();
	}
	finish_wait(&pipe->rd_wait, &w);
	mutex_lock(&pipe->mutex);
	return err;
}

/*
 * The inode's pipe, made by the first opener; every open of a FIFO shares
 * it until the last close. A pipe(2) inode has its pipe from creation.
 */
static struct pipe_inode_info *get_pipe_info(struct inode *inode)
{
	struct pipe_inode_info *pipe, *fresh;

	spin_lock(&inode->i_lock);
	pipe = inode->i_pipe;
	if (pipe)
		pipe->files++;
	spin_unlock(&inode->i_lock);
	if (pipe)
		return pipe;
	fresh = alloc_pipe_info();
	if (!fresh)
		return NULL;
	spin_lock(&inode->i_lock);
	pipe = inode->i_pipe;
	if (pipe) {
		pipe->files++;
	} else {
		fresh->files = 1;
		inode->i_pipe = pipe = fresh;
		fresh = NULL;
	}
	spin_unlock(&inode->i_lock);
	if (fresh)
		free_pipe_info(fresh);
	return pipe;
}

/*
 * Opening a FIFO, with POSIX's rules (and Linux's for O_RDWR, which POSIX
 * leaves open): for reading it waits for a writer unless O_NONBLOCK; for
 * writing it waits for a reader, and with O_NONBLOCK fails with ENXIO when
 * there is none; for both it never waits. A wait ends when an open of the
 * other kind happens, even one already closed again (the counters).
 */
static int fifo_open(struct inode *inode, struct file *file)
{
	struct pipe_inode_info *pipe = get_pipe_info(inode);
	int err = 0;

	if (!pipe)
		return -ENOMEM;
	file->private_data = pipe;
	stream_open(inode, file);
	mutex_lock(&pipe->mutex);
	switch (file->f_mode & (FMODE_READ | FMODE_WRITE)) {
	case FMODE_READ:
		pipe->r_counter++;
		if (pipe->readers++ == 0)
			wake_up_partner(pipe);
		if (!pipe->writers) {
			if (file->f_flags & O_NONBLOCK)
				/* No POLLHUP before a writer has come. */
				file->f_pipe = pipe->w_counter;
			else
				err = wait_for_partner(pipe, &pipe->w_counter);
		}
		if (err && !--pipe->readers)
			wake_up_all(&pipe->wr_wait);
		break;
	case FMODE_WRITE:
		if ((file->f_flags & O_NONBLOCK) && !pipe->readers) {
			err = -ENXIO;
			break;
		}
		pipe->w_counter++;
		if (!pipe->writers++)
			wake_up_partner(pipe);
		if (!pipe->readers)
			err = wait_for_partner(pipe, &pipe->r_counter);
		if (err && !--pipe->writers)
			wake_up_all(&pipe->rd_wait);
		break;
	case FMODE_READ | FMODE_WRITE:
		pipe->readers++;
		pipe->writers++;
		pipe->r_counter++;
		pipe->w_counter++;
		if (pipe->readers == 1 || pipe->writers == 1)
			wake_up_partner(pipe);
		break;
	default:
		err = -EINVAL;
	}
	mutex_unlock(&pipe->mutex);
	if (err) {
		file->private_data = NULL;
		put_pipe_info(inode, pipe);
	}
	return err;
}

/* open is for FIFOs: pipe(2)'s files are made open (create_pipe_files). */
const struct file_operations pipefifo_fops = {
	.open = fifo_open,
	.read = pipe_read,
	.write = pipe_write,
	.llseek = pipe_llseek,
	.poll = pipe_poll,
	.ioctl = pipe_ioctl,
	.release = pipe_release,
};

/*
 * pipefs: the superblock of pipe(2)'s inodes, made statically and never
 * mounted, so no path reaches it. Its device number 0:0 is one no mount
 * gets (theirs count from 0:1).
 */
static struct file_system_type pipefs_type = {
	.name = "pipefs",
};

static struct super_block pipefs_sb = {
	.s_type = &pipefs_type,
	.s_dev = MKDEV(0, 0),
	.s_blocksize = PAGE_SIZE,
	.s_next_ino = 2,
	.s_lock = SPINLOCK_INIT,
};

static struct inode pipefs_root_inode = {
	.i_ino = 1,
	.i_mode = S_IFDIR | 0700,
	.i_nlink = 2,
	.i_count = 1,
	.i_lock = SPINLOCK_INIT,
	.i_rwsem = MUTEX_INIT(pipefs_root_inode.i_rwsem),
	.i_sb = &pipefs_sb,
};

static struct dentry pipefs_root = {
	.d_name = { .name = "pipe:", .len = 5 },
	.d_parent = &pipefs_root,
	.d_inode = &pipefs_root_inode,
	.d_sb = &pipefs_sb,
	.d_count = 1,
	.d_hash = LIST_HEAD_INIT(pipefs_root.d_hash),
	.d_child = LIST_HEAD_INIT(pipefs_root.d_child),
	.d_subdirs = LIST_HEAD_INIT(pipefs_root.d_subdirs),
};

static struct vfsmount pipefs_mnt = {
	.mnt_root = &pipefs_root,
	.mnt_sb = &pipefs_sb,
	.mnt_parent = &pipefs_mnt,
	.mnt_mountpoint = &pipefs_root,
	.mnt_count = 1,
	.mnt_list = LIST_HEAD_INIT(pipefs_mnt.mnt_list),
};

/* A pipe's inode, named "pipe:[ino]" as Linux shows it in /proc/<pid>/fd. */
static int new_pipe_path(kuid_t uid, kgid_t gid, struct path *path)
{
	struct inode *inode = new_inode(&pipefs_sb);
	struct pipe_inode_info *pipe;
	struct dentry *dentry;
	char name[32];
	int len;

	if (!inode)
		return -ENOMEM;
	pipe = alloc_pipe_info();
	if (!pipe) {
		iput(inode);
		return -ENOMEM;
	}
	inode->i_mode = S_IFIFO | S_IRUSR | S_IWUSR;
	inode->i_uid = uid;
	inode->i_gid = gid;
	inode->i_nlink = 1;
	inode->i_fop = &pipefifo_fops;
	pipe->readers = pipe->writers = 1;
	pipe->files = 2;
	inode->i_pipe = pipe;
	len = snprintf(name, sizeof(name), "pipe:[%llu]",
		       (unsigned long long)inode->i_ino);
	dentry = d_alloc(&pipefs_root, name, (unsigned int)len);
	if (!dentry) {
		inode->i_pipe = NULL;
		free_pipe_info(pipe);
		iput(inode);
		return -ENOMEM;
	}
	d_instantiate(dentry, inode);
	path->mnt = &pipefs_mnt;
	path->dentry = dentry;
	return 0;
}

int create_pipe_files(struct file *res[2], unsigned int flags, kuid_t uid,
		      kgid_t gid)
{
	unsigned int fl = flags & (O_NONBLOCK | O_DIRECT);
	struct path path;
	int err, i;

	if (flags & ~(O_CLOEXEC | O_NONBLOCK | O_DIRECT))
		return -EINVAL;
	err = new_pipe_path(uid, gid, &path);
	if (err)
		return err;
	res[0] = alloc_file(&path, O_RDONLY | fl);
	res[1] = res[0] ? alloc_file(&path, O_WRONLY | fl) : NULL;
	if (!res[1]) {
		/* No file was made for one end: the pipe's count is one too many. */
		if (res[0]) {
			res[0]->f_op = NULL;
			fput(res[0]);
		}
		free_pipe_info(path.dentry->d_inode->i_pipe);
		path.dentry->d_inode->i_pipe = NULL;
		dput(path.dentry);
		return -ENOMEM;
	}
	for (i = 0; i < 2; i++) {
		res[i]->private_data = path.dentry->d_inode->i_pipe;
		stream_open(path.dentry->d_inode, res[i]);
	}
	/* The files hold the dentry now. */
	dput(path.dentry);
	return 0;
}
