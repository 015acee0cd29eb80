/*
 * The terminal ioctls (Linux's tty_ioctl.c and the tty half of tty_io.c's
 * tty_ioctl): termios, window size, flushing, flow control, draining, and
 * the job-control ones, which kernel/proc/session.c answers. Anything else
 * is -ENOTTY; FIONBIO, FIOCLEX and FIOASYNC are answered before the driver.
 */
#include <string.h>
#include <breenix/cred.h>
#include <breenix/errno.h>
#include <breenix/printk.h>
#include <breenix/task.h>
#include <breenix/tty.h>
#include <breenix/uaccess.h>
#include <asm/signal.h>
#include "tty_internal.h"

static void tty_drain(struct tty_struct *tty)
{
	if (tty->ops->wait_until_sent)
		tty->ops->wait_until_sent(tty);
}

static int get_termios(struct tty_struct *tty, unsigned long arg)
{
	struct termios t;

	mutex_lock(&tty->lock);
	t = tty->ldisc.termios;
	mutex_unlock(&tty->lock);
	return copy_to_user((void *)arg, &t, sizeof(t)) ? -EFAULT : 0;
}

/* Linux's set_termios(): TCSETSW drains the output first, TCSETSF also drops the input. */
static int set_termios(struct tty_struct *tty, unsigned int cmd,
		       unsigned long arg)
{
	struct termios t, old;
	int ret;

	ret = tty_check_change(tty, SIGTTOU);
	if (ret)
		return ret;
	if (copy_from_user(&t, (const void *)arg, sizeof(t)))
		return -EFAULT;
	if (cmd != TCSETS)
		tty_drain(tty);
	mutex_lock(&tty->lock);
	if (cmd == TCSETSF)
		tty_flush_input_locked(tty);
	old = tty->ldisc.termios;
	n_tty_set_termios(&tty->ldisc, &t);
	if (tty->ops->set_termios)
		tty->ops->set_termios(tty, &old);
	mutex_unlock(&tty->lock);
	/* A new VMIN, VTIME or ICANON can make waiting readers' input enough. */
	wake_up_all(&tty->read_wait);
	wake_up_all(&tty->write_wait);
	return 0;
}

static int get_winsize(struct tty_struct *tty, unsigned long arg)
{
	struct winsize ws;

	mutex_lock(&tty->lock);
	ws = tty->winsize;
	mutex_unlock(&tty->lock);
	return copy_to_user((void *)arg, &ws, sizeof(ws)) ? -EFAULT : 0;
}

/* Linux's tty_do_resize(): the foreground group hears of a change (SIGWINCH). */
static int set_winsize(struct tty_struct *tty, unsigned long arg)
{
	struct winsize ws;
	bool changed;

	if (copy_from_user(&ws, (const void *)arg, sizeof(ws)))
		return -EFAULT;
	mutex_lock(&tty->lock);
	changed = memcmp(&ws, &tty->winsize, sizeof(ws)) != 0;
	tty->winsize = ws;
	mutex_unlock(&tty->lock);
	if (changed)
		tty_signal_pgrp(tty, SIGWINCH);
	return 0;
}

/* TCFLSH: output is never queued, so only input has anything to drop. */
static int tty_flush(struct tty_struct *tty, unsigned long arg)
{
	int ret;

	ret = tty_check_change(tty, SIGTTOU);
	if (ret)
		return ret;
	switch (arg) {
	case TCIFLUSH:
	case TCIOFLUSH:
		mutex_lock(&tty->lock);
		tty_flush_input_locked(tty);
		mutex_unlock(&tty->lock);
		return 0;
	case TCOFLUSH:
		return 0;
	default:
		return -EINVAL;
	}
}

/* TCXONC: suspend or restart output, or send STOP/START to the other end. */
static int tty_flow(struct tty_struct *tty, unsigned long arg)
{
	int ret;

	ret = tty_check_change(tty, SIGTTOU);
	if (ret)
		return ret;
	if (arg > TCION)
		return -EINVAL;
	mutex_lock(&tty->lock);
	if (arg == TCOOFF || arg == TCOON)
		n_tty_stop_output(&tty->ldisc, arg == TCOOFF);
	else
		n_tty_send_flow_char(&tty->ldisc, arg == TCION);
	mutex_unlock(&tty->lock);
	wake_up_all(&tty->write_wait);
	return 0;
}

static int put_int(unsigned long arg, int v)
{
	return put_user(v, (int *)arg) ? -EFAULT : 0;
}

static long put_nr(unsigned long arg, long nr)
{
	return nr < 0 ? nr : put_int(arg, (int)nr);
}

static long tty_count_input(struct tty_struct *tty, unsigned long arg)
{
	size_t n;

	mutex_lock(&tty->lock);
	n = n_tty_readable_bytes(&tty->ldisc);
	mutex_unlock(&tty->lock);
	return put_int(arg, (int)n);
}

static long tty_set_pgrp_ioctl(struct tty_struct *tty, unsigned long arg)
{
	int nr, ret;

	ret = tty_check_change(tty, SIGTTOU);
	if (ret)
		return ret;
	if (get_user(nr, (int *)arg))
		return -EFAULT;
	return tty_set_pgrp_nr(tty, nr);
}

long tty_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct tty_struct *tty = file_tty(file);

	/* Linux's hung_up_tty_ioctl. */
	if (tty_hung_up_p(file))
		return cmd == TIOCSPGRP ? -ENOTTY : -EIO;
	switch (cmd) {
	case TCGETS:
		return get_termios(tty, arg);
	case TCSETS:
	case TCSETSW:
	case TCSETSF:
		return set_termios(tty, cmd, arg);
	case TIOCGWINSZ:
		return get_winsize(tty, arg);
	case TIOCSWINSZ:
		return set_winsize(tty, arg);
	case TIOCGPGRP:
		return put_nr(arg, tty_get_pgrp_nr(tty));
	case TIOCSPGRP:
		return tty_set_pgrp_ioctl(tty, arg);
	case TIOCGSID:
		return put_nr(arg, tty_get_sid_nr(tty));
	case TIOCSCTTY:
		return tty_set_ctty(tty, file->f_mode & FMODE_READ, arg);
	case TIOCNOTTY:
		return tty_drop_ctty(tty);
	case TIOCVHANGUP:
		/* Linux asks for CAP_SYS_ADMIN. */
		if (!capable_root())
			return -EPERM;
		tty_hangup(tty, false);
		return 0;
	case FIONREAD:
		return tty_count_input(tty, arg);
	case TIOCOUTQ:
		return put_int(arg, 0);
	case TCFLSH:
		return tty_flush(tty, arg);
	case TCXONC:
		return tty_flow(tty, arg);
	case TCSBRK:
	case TCSBRKP:
		/* A break needs a driver that can send one: none here, as Linux's without break_ctl. */
		tty_drain(tty);
		return 0;
	default:
		return -ENOTTY;
	}
}
