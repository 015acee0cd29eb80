/*
 * File descriptors 0, 1 and 2 on the console until issue 6 brings real
 * file descriptors (and replaces this file): writes go to every console
 * (console_write, what printk's console drivers write, without log
 * records); reads sleep until the serial port or the keyboard has input
 * and return what is there. Any other fd is -EBADF.
 */
#include <breenix/console.h>
#include <breenix/errno.h>
#include <breenix/init.h>
#include <breenix/input.h>
#include <breenix/process.h>
#include <breenix/sched.h>
#include <breenix/syscall.h>
#include <breenix/uaccess.h>
#include <uapi/linux/uio.h>

/* Bytes moved per step through the kernel buffer. */
#define CONSOLE_CHUNK	256
/* Linux's UIO_MAXIOV: the most iovecs one writev takes. */
#define UIO_MAXIOV	1024

static DECLARE_WAIT_QUEUE_HEAD(kbd_wait);

/* Interrupt context: only wakes the readers. */
static void kbd_notify(struct input_listener *l, struct input_queue *q)
{
	(void)l, (void)q;
	wake_up_all(&kbd_wait);
}

static struct input_listener kbd_listener = {
	.notify = kbd_notify,
};

/* Nothing else reads the keyboard queue before the tty layer exists. */
static int console_fd_init(void)
{
	input_queue_attach(kbd_input_queue(), &kbd_listener);
	return 0;
}
device_initcall(console_fd_init);

static bool console_fd_valid(int fd)
{
	return fd >= 0 && fd <= 2;
}

/* Whatever either queue holds, up to @len bytes. */
static size_t console_input(char *buf, size_t len)
{
	size_t n = input_read(serial_input_queue(), buf, len);

	if (n < len)
		n += input_read(kbd_input_queue(), buf + n, len - n);
	return n;
}

static bool console_input_ready(void)
{
	return input_pending(serial_input_queue()) ||
	       input_pending(kbd_input_queue());
}

/* Sleeps on both queues' wait queues until one has bytes: 0 or -EINTR. */
static int console_wait_input(void)
{
	struct wait_queue_entry ws, wk;
	int err = 0;

	init_wait_entry(&ws, 0);
	init_wait_entry(&wk, 0);
	for (;;) {
		prepare_to_wait(serial_input_wait(), &ws, TASK_INTERRUPTIBLE);
		prepare_to_wait(&kbd_wait, &wk, TASK_INTERRUPTIBLE);
		if (console_input_ready())
			break;
		if (group_exit_pending()) {
			err = -EINTR;
			break;
		}
		schedule();
	}
	finish_wait(&kbd_wait, &wk);
	finish_wait(serial_input_wait(), &ws);
	return err;
}

SYSCALL_DEFINE3(read, int, fd, char *, ubuf, size_t, count)
{
	char buf[CONSOLE_CHUNK];
	size_t n;
	int err;

	if (!console_fd_valid(fd))
		return -EBADF;
	if (!count)
		return 0;
	if (!access_ok(ubuf, count))
		return -EFAULT;
	if (count > sizeof(buf))
		count = sizeof(buf);
	for (;;) {
		n = console_input(buf, count);
		if (n)
			break;
		err = console_wait_input();
		if (err)
			return err;
	}
	/* The bytes are consumed: a fault loses them, as on Linux's tty. */
	return copy_to_user(ubuf, buf, n) ? -EFAULT : (long)n;
}

/* Writes @len user bytes; the count written, or -EFAULT if none was. */
static long console_write_user(const char *ubuf, size_t len)
{
	char buf[CONSOLE_CHUNK];
	size_t done = 0, n;

	while (done < len) {
		n = len - done < sizeof(buf) ? len - done : sizeof(buf);
		if (copy_from_user(buf, ubuf + done, n))
			return done ? (long)done : -EFAULT;
		console_write(NULL, buf, n);
		done += n;
	}
	return (long)done;
}

SYSCALL_DEFINE3(write, int, fd, const char *, ubuf, size_t, count)
{
	if (!console_fd_valid(fd))
		return -EBADF;
	if (!access_ok(ubuf, count))
		return -EFAULT;
	if (count > INT32_MAX)
		count = INT32_MAX;
	return console_write_user(ubuf, count);
}

/*
 * Linux checks the whole vector first (-EINVAL for a negative length or
 * too many entries, -EFAULT for an unreadable vector or a bad buffer).
 */
SYSCALL_DEFINE3(writev, int, fd, const struct iovec *, uvec, unsigned long,
		vlen)
{
	struct iovec iov;
	long total = 0, n;
	unsigned long i;

	if (!console_fd_valid(fd))
		return -EBADF;
	if (vlen > UIO_MAXIOV)
		return -EINVAL;
	for (i = 0; i < vlen; i++) {
		if (copy_from_user(&iov, &uvec[i], sizeof(iov)))
			return -EFAULT;
		if ((long)iov.iov_len < 0)
			return -EINVAL;
		if (!access_ok(iov.iov_base, iov.iov_len))
			return -EFAULT;
	}
	for (i = 0; i < vlen; i++) {
		if (copy_from_user(&iov, &uvec[i], sizeof(iov)))
			return total ? total : -EFAULT;
		n = console_write_user(iov.iov_base, iov.iov_len);
		if (n < 0)
			return total ? total : n;
		total += n;
	}
	return total;
}
