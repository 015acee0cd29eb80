/*
 * /dev/ttyS0 and /dev/console as raw byte pipes: writes go to the serial
 * console (/dev/console: every console), reads take bytes from COM1's input
 * queue (/dev/console: the PS/2 keyboard's too), sleeping until an
 * interrupt brings some. The tty line discipline (echo, line editing,
 * termios, job control) comes with issue 7.
 */
#include <breenix/chrdev.h>
#include <breenix/console.h>
#include <breenix/devfs.h>
#include <breenix/errno.h>
#include <breenix/init.h>
#include <breenix/input.h>
#include <breenix/poll.h>
#include <breenix/uio.h>
#include <breenix/vfs.h>
#include <breenix/wait.h>

static DECLARE_WAIT_QUEUE_HEAD(serial_wait);

wait_queue_head_t *serial_input_wait(void)
{
	return &serial_wait;
}

/* Interrupt context: only wakes the readers. */
static void serial_notify(struct input_listener *l, struct input_queue *q)
{
	(void)l, (void)q;
	wake_up_all(&serial_wait);
}

static struct input_listener serial_listener = {
	.notify = serial_notify,
};

/* Bytes move through the kernel stack in chunks of this size. */
#define SERIAL_CHUNK	256

static bool is_console(const struct file *file)
{
	return MINOR(file->f_inode->i_rdev) != 64;
}

/* Input for @file queued now: COM1's, and for the console the keyboard's. */
static bool input_ready(const struct file *file)
{
	return input_pending(serial_input_queue()) ||
	       (is_console(file) && input_pending(kbd_input_queue()));
}

static size_t take_input(const struct file *file, char *buf, size_t len)
{
	size_t n = input_read(serial_input_queue(), buf, len);

	if (!n && is_console(file))
		n = input_read(kbd_input_queue(), buf, len);
	return n;
}

static long serial_read(struct file *file, struct iov_iter *to, loff_t *pos)
{
	size_t len = iov_iter_count(to), n;
	char buf[SERIAL_CHUNK];

	(void)pos;
	if (!len)
		return 0;
	if (len > sizeof(buf))
		len = sizeof(buf);
	for (;;) {
		n = take_input(file, buf, len);
		if (n)
			break;
		if (file->f_flags & O_NONBLOCK)
			return -EAGAIN;
		wait_event(serial_wait, input_ready(file));
	}
	/* Input already taken is lost if the buffer faults, as on Linux's ttys. */
	n = copy_to_iter(buf, n, to);
	return n ? (long)n : -EFAULT;
}

static long serial_write(struct file *file, struct iov_iter *from, loff_t *pos)
{
	const char *name = is_console(file) ? NULL : "ttyS0";
	char buf[SERIAL_CHUNK];
	size_t done = 0, n;
	int err;

	(void)pos;
	while ((n = copy_from_iter(buf, sizeof(buf), from))) {
		err = console_write(name, buf, n);
		if (err)
			return done ? (long)done : err;
		done += n;
	}
	if (!done && iov_iter_count(from))
		return -EFAULT;
	return (long)done;
}

/* Readable while input is queued; output never waits, so always writable. */
static unsigned int serial_poll(struct file *file, poll_table *pt)
{
	unsigned int mask = POLLOUT | POLLWRNORM;

	poll_wait(file, &serial_wait, pt);
	if (input_ready(file))
		mask |= POLLIN | POLLRDNORM;
	return mask;
}

/* A tty has no position: lseek, pread and pwrite are -ESPIPE. */
static const struct file_operations serial_fops = {
	.open = stream_open,
	.read = serial_read,
	.write = serial_write,
	.poll = serial_poll,
};

static int serial_tty_init(void)
{
	int err;

	input_queue_attach(serial_input_queue(), &serial_listener);
	input_queue_attach(kbd_input_queue(), &serial_listener);
	err = register_chrdev_region(MKDEV(4, 64), 1, "ttyS", &serial_fops);
	if (!err)
		err = register_chrdev_region(MKDEV(5, 1), 1, "console",
					     &serial_fops);
	if (!err)
		err = devfs_create_node("ttyS0", S_IFCHR | 0620, MKDEV(4, 64));
	if (!err)
		err = devfs_create_node("console", S_IFCHR | 0600, MKDEV(5, 1));
	return err;
}
device_initcall(serial_tty_init);
