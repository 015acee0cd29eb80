/*
 * In-kernel tests of the tty core over a fake driver that records what it
 * is given: typed input through the line discipline to read(2), echo and
 * output processing, VMIN/VTIME timeouts, O_NONBLOCK and termios changes.
 */
#include <string.h>
#include <breenix/errno.h>
#include <breenix/ktest.h>
#include <breenix/time.h>
#include <breenix/tty.h>
#include <breenix/uio.h>
#include <breenix/vfs.h>
#include "tty_internal.h"

static char fake_out[256];
static size_t fake_len;

static void fake_write(struct tty_struct *tty, const unsigned char *buf,
		       size_t len)
{
	(void)tty;
	if (len > sizeof(fake_out) - fake_len)
		len = sizeof(fake_out) - fake_len;
	memcpy(fake_out + fake_len, buf, len);
	fake_len += len;
}

static const struct tty_operations fake_ops = {
	.write = fake_write,
};

/* A minor no device uses: the fake is registered once and stays. */
static struct tty_struct fake_tty = {
	.name = "ktest-tty",
	.dev = MKDEV(TTY_MAJOR, 63),
	.ops = &fake_ops,
};
static struct tty_file fake_tty_file = {
	.tty = &fake_tty,
};
static struct file fake_file = {
	.f_op = &tty_fops,
	.private_data = &fake_tty_file,
	.f_mode = FMODE_READ | FMODE_WRITE,
};

static struct tty_struct *fake(void)
{
	if (!tty_lookup(fake_tty.dev))
		tty_register(&fake_tty);
	mutex_lock(&fake_tty.lock);
	n_tty_init(&fake_tty.ldisc, fake_tty.ldisc.ops, &fake_tty);
	mutex_unlock(&fake_tty.lock);
	fake_len = 0;
	fake_file.f_flags = 0;
	return &fake_tty;
}

static long fake_read(char *buf, size_t len)
{
	struct iov_iter it;
	struct iovec seg;

	iov_iter_kbuf(&it, &seg, buf, len);
	return tty_fops.read(&fake_file, &it, NULL);
}

static void fake_set(unsigned char vmin, unsigned char vtime, tcflag_t lflag)
{
	struct termios t = fake_tty.ldisc.termios;

	t.c_lflag = lflag;
	t.c_cc[VMIN] = vmin;
	t.c_cc[VTIME] = vtime;
	mutex_lock(&fake_tty.lock);
	n_tty_set_termios(&fake_tty.ldisc, &t);
	mutex_unlock(&fake_tty.lock);
}

KTEST(tty_canonical_read_and_echo)
{
	struct tty_struct *tty = fake();
	char buf[16] = { 0 };

	KT_ASSERT_EQ(tty_receive(tty, (const unsigned char *)"abx\177c\r", 6), 6);
	KT_ASSERT_EQ(fake_len, 9);
	KT_ASSERT(!memcmp(fake_out, "abx\b \bc\r\n", 9));
	KT_ASSERT_EQ(fake_read(buf, sizeof(buf)), 4);
	KT_ASSERT(!memcmp(buf, "abc\n", 4));
	fake_file.f_flags = O_NONBLOCK;
	KT_ASSERT_EQ(fake_read(buf, sizeof(buf)), -EAGAIN);
}

KTEST(tty_write_output_processing)
{
	struct iov_iter it;
	struct iovec seg;

	fake();
	iov_iter_kbuf(&it, &seg, "x\ny", 3);
	KT_ASSERT_EQ(tty_fops.write(&fake_file, &it, NULL), 3);
	KT_ASSERT_EQ(fake_len, 4);
	KT_ASSERT(!memcmp(fake_out, "x\r\ny", 4));
}

/* VMIN 0, VTIME 2: a read with nothing typed returns 0 after 0.2 s. */
KTEST(tty_vtime_timeout)
{
	char buf[8];
	uint64_t start;

	fake();
	fake_set(0, 2, 0);
	start = jiffies;
	KT_ASSERT_EQ(fake_read(buf, sizeof(buf)), 0);
	KT_ASSERT(jiffies - start >= HZ / 5 - 1);
}

/* VMIN 2: one byte is not enough to return; the ICANON switch releases buffered input. */
KTEST(tty_vmin_and_mode_switch)
{
	struct tty_struct *tty = fake();
	char buf[8];

	tty_receive(tty, (const unsigned char *)"pq", 2);
	fake_set(2, 0, 0);
	KT_ASSERT_EQ(fake_read(buf, sizeof(buf)), 2);
	KT_ASSERT(!memcmp(buf, "pq", 2));
	fake_set(1, 0, ICANON);
	tty_receive(tty, (const unsigned char *)"z", 1);
	fake_file.f_flags = O_NONBLOCK;
	KT_ASSERT_EQ(fake_read(buf, sizeof(buf)), -EAGAIN);
	fake_set(1, 0, 0);
	KT_ASSERT_EQ(fake_read(buf, sizeof(buf)), 1);
}
