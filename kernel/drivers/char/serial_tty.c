/*
 * /dev/ttyS0 and /dev/console as raw byte pipes: writes go to the serial
 * console (/dev/console: every console), reads take bytes from COM1's input
 * queue, sleeping until the receive interrupt brings some. The tty line
 * discipline (echo, line editing, termios, job control) comes with issue 7.
 */
#include <breenix/chrdev.h>
#include <breenix/console.h>
#include <breenix/devfs.h>
#include <breenix/errno.h>
#include <breenix/init.h>
#include <breenix/input.h>
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

static long serial_read(struct file *file, void *buf, size_t len,
			loff_t *pos)
{
	struct input_queue *q = serial_input_queue();
	size_t n;

	(void)pos;
	if (!len)
		return 0;
	for (;;) {
		n = input_read(q, buf, len);
		if (n)
			return (long)n;
		if (file->f_flags & O_NONBLOCK)
			return -EAGAIN;
		wait_event(serial_wait, input_pending(q) > 0);
	}
}

static long serial_write(struct file *file, const void *buf, size_t len,
			 loff_t *pos)
{
	int err;

	(void)pos;
	err = console_write(MINOR(file->f_inode->i_rdev) == 64 ? "ttyS0" : NULL,
			    buf, len);
	return err ? err : (long)len;
}

static const struct file_operations serial_fops = {
	.read = serial_read,
	.write = serial_write,
};

static int serial_tty_init(void)
{
	int err;

	input_queue_attach(serial_input_queue(), &serial_listener);
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
