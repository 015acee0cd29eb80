/*
 * The tty core (Linux's tty_io.c): the list of ttys, the input thread that
 * moves typed bytes from the devices' queues into the line discipline, and
 * read(2), write(2) and poll(2) on a terminal, blocking on wait queues with
 * VMIN/VTIME as the line discipline decides, and hang-up.
 */
#include <string.h>
#include <breenix/chrdev.h>
#include <breenix/cmdline.h>
#include <breenix/devfs.h>
#include <breenix/vfs.h>
#include <breenix/errno.h>
#include <breenix/init.h>
#include <breenix/kthread.h>
#include <breenix/pid.h>
#include <breenix/poll.h>
#include <breenix/printk.h>
#include <breenix/slab.h>
#include <breenix/signal.h>
#include <breenix/spinlock.h>
#include <breenix/time.h>
#include <breenix/tty.h>
#include <breenix/uio.h>
#include <asm/signal.h>
#include "tty_internal.h"

/* Bytes move between user memory and the line discipline in chunks of this. */
#define TTY_CHUNK	256

static LIST_HEAD(tty_list);
static spinlock_t tty_list_lock = SPINLOCK_INIT;
static DECLARE_WAIT_QUEUE_HEAD(tty_input_wait);
static int tty_input_pending;

static void ldisc_write(void *ctx, const unsigned char *buf, size_t len)
{
	struct tty_struct *tty = ctx;

	tty->ops->write(tty, buf, len);
}

/* Linux's isig(): the input is already gone unless NOFLSH; output is never queued. */
static void ldisc_signal(void *ctx, int sig, bool flush)
{
	struct tty_struct *tty = ctx;

	if (flush)
		tty->held_len = 0;
	tty_signal_pgrp(tty, sig);
}

static const struct n_tty_ops ldisc_ops = {
	.write = ldisc_write,
	.signal = ldisc_signal,
};

void tty_signal_pgrp(struct tty_struct *tty, int sig)
{
	struct pid *pgrp = tty_get_pgrp(tty);

	if (pgrp)
		kill_pgrp(pgrp, sig, true);
	put_pid(pgrp);
}

/* Interrupt context: note the work and wake the input thread. */
static void tty_input_notify(struct input_listener *l, struct input_queue *q)
{
	struct tty_struct *tty = container_of(l, struct tty_struct, listener);

	(void)q;
	__atomic_store_n(&tty->input_work, 1, __ATOMIC_RELEASE);
	__atomic_store_n(&tty_input_pending, 1, __ATOMIC_RELEASE);
	wake_up(&tty_input_wait);
}

static void tty_kick_input(struct tty_struct *tty)
{
	if (tty->input)
		tty_input_notify(&tty->listener, tty->input);
}

int tty_register(struct tty_struct *tty)
{
	mutex_init(&tty->lock);
	mutex_init(&tty->read_mutex);
	init_waitqueue_head(&tty->read_wait);
	init_waitqueue_head(&tty->write_wait);
	n_tty_init(&tty->ldisc, &ldisc_ops, tty);
	tty->held_len = 0;
	tty->session = tty->pgrp = NULL;
	INIT_LIST_HEAD(&tty->files);
	tty->files_lock = (spinlock_t)SPINLOCK_INIT;
	tty->listener.notify = tty_input_notify;
	spin_lock(&tty_list_lock);
	list_add_tail(&tty->node, &tty_list);
	spin_unlock(&tty_list_lock);
	if (tty->input)
		input_queue_attach(tty->input, &tty->listener);
	return 0;
}

struct tty_struct *tty_lookup(kdev_t dev)
{
	struct tty_struct *tty, *found = NULL;

	spin_lock(&tty_list_lock);
	list_for_each_entry(tty, &tty_list, node) {
		if (tty->dev == dev) {
			found = tty;
			break;
		}
	}
	spin_unlock(&tty_list_lock);
	return found;
}

static void tty_wake_all(struct tty_struct *tty)
{
	wake_up_all(&tty->read_wait);
	wake_up_all(&tty->write_wait);
}

bool tty_hung_up_p(struct file *file)
{
	struct tty_file *tf = file->private_data;

	return __atomic_load_n(&tf->hung_up, __ATOMIC_ACQUIRE);
}

void tty_flush_input_locked(struct tty_struct *tty)
{
	n_tty_flush_input(&tty->ldisc);
	tty->held_len = 0;
	if (tty->input)
		input_flush(tty->input);
}

void tty_hangup(struct tty_struct *tty, bool exit_session)
{
	struct tty_file *tf;

	spin_lock(&tty->files_lock);
	list_for_each_entry(tf, &tty->files, node) {
		if (!tf->console)
			__atomic_store_n(&tf->hung_up, true, __ATOMIC_RELEASE);
	}
	spin_unlock(&tty->files_lock);
	/* The next session starts with no stale input and output running. */
	mutex_lock(&tty->lock);
	tty_flush_input_locked(tty);
	n_tty_stop_output(&tty->ldisc, false);
	mutex_unlock(&tty->lock);
	tty_hangup_session(tty, exit_session);
	tty_wake_all(tty);
}

/* Under tty->lock: what a read freed room for, the held bytes take first. */
static size_t receive_locked(struct tty_struct *tty, const unsigned char *buf,
			     size_t len)
{
	size_t n = n_tty_receive(&tty->ldisc, buf, len);

	if (n)
		tty_wake_all(tty);
	return n;
}

size_t tty_receive(struct tty_struct *tty, const unsigned char *buf,
		   size_t len)
{
	size_t n;

	mutex_lock(&tty->lock);
	n = receive_locked(tty, buf, len);
	mutex_unlock(&tty->lock);
	return n;
}

/* Moves the device queue's bytes in until it is empty or the discipline is full. */
static void tty_push_input(struct tty_struct *tty)
{
	size_t n;

	mutex_lock(&tty->lock);
	for (;;) {
		if (!tty->held_len)
			tty->held_len = input_read(tty->input, tty->held,
						   sizeof(tty->held));
		if (!tty->held_len)
			break;
		n = receive_locked(tty, tty->held, tty->held_len);
		/* A signal character's flush (ldisc_signal) may have emptied it meanwhile. */
		tty->held_len = tty->held_len > n ? tty->held_len - n : 0;
		memmove(tty->held, tty->held + n, tty->held_len);
		if (tty->held_len)
			break;
	}
	mutex_unlock(&tty->lock);
}

/* Linux's flush_to_ldisc, as one thread for every tty: echo can take a while. */
static int tty_input_thread(void *arg)
{
	struct tty_struct *tty;

	(void)arg;
	for (;;) {
		wait_event(tty_input_wait,
			   __atomic_exchange_n(&tty_input_pending, 0,
					       __ATOMIC_ACQ_REL));
		spin_lock(&tty_list_lock);
		list_for_each_entry(tty, &tty_list, node) {
			if (!__atomic_exchange_n(&tty->input_work, 0,
						 __ATOMIC_ACQ_REL))
				continue;
			spin_unlock(&tty_list_lock);
			tty_push_input(tty);
			spin_lock(&tty_list_lock);
		}
		spin_unlock(&tty_list_lock);
	}
	return 0;
}

/*
 * One copy step under the lock: at most @len bytes into @kbuf. *@eof is
 * set when a canonical EOF mark ended the read.
 */
static size_t read_step(struct tty_struct *tty, unsigned char *kbuf,
			size_t len, bool *eof)
{
	bool canon = tty->ldisc.termios.c_lflag & ICANON;
	size_t n = n_tty_read(&tty->ldisc, kbuf, len);

	*eof = canon && !n;
	if (tty->held_len)
		tty_kick_input(tty);
	return n;
}

/*
 * Sleeps for input: @wait is n_tty_read_wait's answer. 1 when input came,
 * 0 when VTIME ran out, -ERESTARTSYS when a signal is to be delivered.
 */
static long read_sleep(struct tty_struct *tty, struct file *file, int wait)
{
	long left;

	if (!wait)
		return wait_event_interruptible(tty->read_wait,
						n_tty_input_available(&tty->ldisc) ||
						tty_hung_up_p(file)) ?: 1;
	left = wait_event_interruptible_timeout(tty->read_wait,
						n_tty_input_available(&tty->ldisc) ||
						tty_hung_up_p(file),
						(long)wait * HZ / 10);
	return left > 0 ? 1 : left;
}

static long tty_do_read(struct tty_struct *tty, struct file *file,
			struct iov_iter *to)
{
	size_t len = iov_iter_count(to), copied = 0, n;
	unsigned char kbuf[TTY_CHUNK];
	bool eof;
	long ret;
	int wait;

	for (;;) {
		/* Linux's hung_up_tty_read: end of file. */
		if (tty_hung_up_p(file))
			return (long)copied;
		mutex_lock(&tty->lock);
		if (n_tty_input_available(&tty->ldisc)) {
			n = read_step(tty, kbuf, len - copied < sizeof(kbuf) ?
				      len - copied : sizeof(kbuf), &eof);
			mutex_unlock(&tty->lock);
			/* Input already taken is lost if the buffer faults, as on Linux. */
			if (copy_to_iter(kbuf, n, to) != n)
				return copied ? (long)copied : -EFAULT;
			copied += n;
			if (eof || n_tty_read_satisfied(&tty->ldisc, copied, len))
				return (long)copied;
			continue;
		}
		wait = n_tty_read_wait(&tty->ldisc, copied);
		mutex_unlock(&tty->lock);
		if (wait == N_TTY_READ_RETURN)
			return (long)copied;
		if (file->f_flags & O_NONBLOCK)
			return copied ? (long)copied : -EAGAIN;
		ret = read_sleep(tty, file, wait);
		if (ret <= 0)
			return copied ? (long)copied : ret;
	}
}

static long tty_read(struct file *file, struct iov_iter *to, loff_t *pos)
{
	struct tty_struct *tty = file_tty(file);
	long ret;

	(void)pos;
	if (!iov_iter_count(to) || tty_hung_up_p(file))
		return 0;
	ret = tty_check_change(tty, SIGTTIN);
	if (ret)
		return ret;
	mutex_lock(&tty->read_mutex);
	ret = tty_do_read(tty, file, to);
	mutex_unlock(&tty->read_mutex);
	return ret;
}

static long tty_write(struct file *file, struct iov_iter *from, loff_t *pos)
{
	struct tty_struct *tty = file_tty(file);
	unsigned char kbuf[TTY_CHUNK];
	size_t done = 0, n;

	(void)pos;
	if (tty_hung_up_p(file))
		return -EIO;
	if (tty->ldisc.termios.c_lflag & TOSTOP) {
		long ret = tty_check_change(tty, SIGTTOU);

		if (ret)
			return ret;
	}
	while ((n = copy_from_iter(kbuf, sizeof(kbuf), from))) {
		mutex_lock(&tty->lock);
		while (n_tty_output_stopped(&tty->ldisc)) {
			mutex_unlock(&tty->lock);
			if (file->f_flags & O_NONBLOCK)
				return done ? (long)done : -EAGAIN;
			if (wait_event_interruptible(tty->write_wait,
						     !n_tty_output_stopped(&tty->ldisc) ||
						     tty_hung_up_p(file)))
				return done ? (long)done : -ERESTARTSYS;
			if (tty_hung_up_p(file))
				return done ? (long)done : -EIO;
			mutex_lock(&tty->lock);
		}
		n_tty_write(&tty->ldisc, kbuf, n);
		mutex_unlock(&tty->lock);
		done += n;
	}
	if (!done && iov_iter_count(from))
		return -EFAULT;
	return (long)done;
}

static unsigned int tty_poll(struct file *file, poll_table *pt)
{
	struct tty_struct *tty = file_tty(file);
	unsigned int mask = 0;

	poll_wait(file, &tty->read_wait, pt);
	poll_wait(file, &tty->write_wait, pt);
	if (tty_hung_up_p(file))
		return POLLIN | POLLOUT | POLLERR | POLLHUP | POLLRDNORM | POLLWRNORM;
	mutex_lock(&tty->lock);
	if (n_tty_poll_readable(&tty->ldisc))
		mask |= POLLIN | POLLRDNORM;
	if (!n_tty_output_stopped(&tty->ldisc))
		mask |= POLLOUT | POLLWRNORM;
	mutex_unlock(&tty->lock);
	return mask;
}

/* The tty a console= word names: ttyS<n>, or tty<n> with tty0 the current VT (tty1). */
static kdev_t console_word_dev(const char *word)
{
	const char *name = word + strlen("console=");
	unsigned int n = 0;
	bool serial = !strncmp(name, "ttyS", 4);

	if (strncmp(name, "tty", 3))
		return 0;
	name += serial ? 4 : 3;
	if (*name < '0' || *name > '9')
		return 0;
	while (*name >= '0' && *name <= '9' && n < 64)
		n = n * 10 + (unsigned int)(*name++ - '0');
	if (serial)
		return n < 4 ? MKDEV(TTY_MAJOR, 64 + n) : 0;
	return n < 64 ? MKDEV(TTY_MAJOR, n ? n : 1) : 0;
}

struct tty_struct *console_tty(void)
{
	kdev_t dev = MKDEV(TTY_MAJOR, 1), d;
	const char *word = NULL;

	while ((word = cmdline_next_word(word))) {
		if (strncmp(word, "console=", 8))
			continue;
		d = console_word_dev(word);
		if (d)
			dev = d;
	}
	return tty_lookup(dev);
}

/*
 * /dev/tty is the caller's controlling terminal, /dev/console the
 * console's tty; neither makes a controlling terminal (Linux's noctty).
 */
static int tty_open(struct inode *inode, struct file *file)
{
	kdev_t dev = inode->i_rdev;
	struct tty_struct *tty;
	struct tty_file *tf;
	bool noctty = file->f_flags & O_NOCTTY;

	if (dev == MKDEV(TTYAUX_MAJOR, 0)) {
		tty = current_ctty();
		noctty = true;
	} else if (dev == MKDEV(TTYAUX_MAJOR, 1) || dev == MKDEV(TTY_MAJOR, 0)) {
		tty = dev == MKDEV(TTY_MAJOR, 0) ? tty_lookup(MKDEV(TTY_MAJOR, 1)) :
						   console_tty();
		noctty = true;
	} else {
		tty = tty_lookup(dev);
	}
	if (!tty)
		return -ENXIO;
	tf = kmalloc(sizeof(*tf), GFP_KERNEL);
	if (!tf)
		return -ENOMEM;
	tf->tty = tty;
	tf->console = dev == MKDEV(TTYAUX_MAJOR, 1);
	tf->hung_up = false;
	spin_lock(&tty->files_lock);
	list_add_tail(&tf->node, &tty->files);
	spin_unlock(&tty->files_lock);
	file->private_data = tf;
	if (!noctty)
		tty_open_set_ctty(tty);
	return stream_open(inode, file);
}

static void tty_release(struct inode *inode, struct file *file)
{
	struct tty_file *tf = file->private_data;

	(void)inode;
	spin_lock(&tf->tty->files_lock);
	list_del(&tf->node);
	spin_unlock(&tf->tty->files_lock);
	kfree(tf);
}

struct tty_struct *file_tty(struct file *file)
{
	struct tty_file *tf = file->private_data;

	return file->f_op == &tty_fops ? tf->tty : NULL;
}

/* A tty has no position: lseek, pread and pwrite are -ESPIPE. */
const struct file_operations tty_fops = {
	.open = tty_open,
	.release = tty_release,
	.read = tty_read,
	.write = tty_write,
	.poll = tty_poll,
	.ioctl = tty_ioctl,
};

static int tty_init(void)
{
	struct task *t;
	int err;

	t = kthread_run(tty_input_thread, NULL, "tty_input");
	if (!t)
		return -ENOMEM;
	put_task(t);
	err = register_chrdev_region(MKDEV(TTY_MAJOR, 0), 64, "tty", &tty_fops);
	if (!err)
		err = register_chrdev_region(MKDEV(TTY_MAJOR, 64), 1, "ttyS",
					     &tty_fops);
	if (!err)
		err = register_chrdev_region(MKDEV(TTYAUX_MAJOR, 0), 2,
					     "/dev/tty", &tty_fops);
	if (!err)
		err = devfs_create_node("tty", S_IFCHR | 0666,
					MKDEV(TTYAUX_MAJOR, 0));
	if (!err)
		err = devfs_create_node("console", S_IFCHR | 0600,
					MKDEV(TTYAUX_MAJOR, 1));
	return err;
}
device_initcall(tty_init);
