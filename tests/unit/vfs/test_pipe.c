/*
 * Pipes and FIFOs (kernel/fs/pipe.c) through the VFS on the host, where
 * nothing may sleep: FIFO opens that need no partner, O_NONBLOCK reads and
 * writes, EOF, EPIPE, poll masks, FIONREAD, seeking, and memory given back.
 * The blocking paths run in the guest (the pipe KTESTs).
 */
#include <string.h>
#include <breenix/pipe.h>
#include <breenix/poll.h>
#include <uapi/asm-generic/ioctls.h>
#include "unit.h"
#include "shim.h"
#include "test_vfs.h"

static struct file *fifo(unsigned int flags, int expect)
{
	struct file *f = NULL;

	ck_assert_int_eq(vfs_open(NULL, "/fifo", flags, 0, &vfs_root_cred, &f),
			 expect);
	return f;
}

static void make_fifo(void)
{
	ck_assert_int_eq(vfs_mknod(NULL, "/fifo", S_IFIFO | 0666, 0,
				   &vfs_root_cred), 0);
}

START_TEST(fifo_open_rules)
{
	struct file *r, *w, *rw;
	char buf[16];

	make_fifo();
	/* A writer without a reader: ENXIO at once under O_NONBLOCK. */
	fifo(O_WRONLY | O_NONBLOCK, -ENXIO);
	/* A reader under O_NONBLOCK opens without a writer, sees no EOF hang-up yet. */
	r = fifo(O_RDONLY | O_NONBLOCK, 0);
	ck_assert_uint_eq(vfs_poll(r, NULL), 0);
	ck_assert_int_eq(vfs_read(r, buf, sizeof(buf), NULL), 0);
	/* Now a writer may open, without blocking: there is a reader. */
	w = fifo(O_WRONLY, 0);
	ck_assert_ptr_eq(r->private_data, w->private_data);
	ck_assert_uint_eq(vfs_poll(w, NULL), POLLOUT | POLLWRNORM);
	ck_assert_int_eq(vfs_read(r, buf, sizeof(buf), NULL), -EAGAIN);
	ck_assert_int_eq(vfs_write(w, "fifo", 4, NULL), 4);
	ck_assert_uint_eq(vfs_poll(r, NULL), POLLIN | POLLRDNORM);
	vfs_close(w);
	/* The writer has gone: data first, then EOF, with POLLHUP. */
	ck_assert_uint_eq(vfs_poll(r, NULL), POLLIN | POLLRDNORM | POLLHUP);
	ck_assert_int_eq(vfs_read(r, buf, sizeof(buf), NULL), 4);
	ck_assert(!memcmp(buf, "fifo", 4));
	ck_assert_int_eq(vfs_read(r, buf, sizeof(buf), NULL), 0);
	ck_assert_uint_eq(vfs_poll(r, NULL), POLLHUP);
	/* O_RDWR never waits, and is its own partner. */
	rw = fifo(O_RDWR, 0);
	ck_assert_int_eq(vfs_write(rw, "x", 1, NULL), 1);
	ck_assert_int_eq(vfs_read(r, buf, sizeof(buf), NULL), 1);
	vfs_close(r);
	vfs_close(rw);
}
END_TEST

START_TEST(fifo_epipe_and_state_after_last_close)
{
	struct file *r, *w;
	struct kstat st;
	char buf[8];
	int n;

	make_fifo();
	r = fifo(O_RDONLY | O_NONBLOCK, 0);
	w = fifo(O_WRONLY | O_NONBLOCK, 0);
	ck_assert_int_eq(vfs_write(w, "abc", 3, NULL), 3);
	ck_assert_int_eq(r->f_op->ioctl(r, FIONREAD, (unsigned long)&n), 0);
	ck_assert_int_eq(r->f_op->ioctl(r, FIONBIO, (unsigned long)&n), -ENOTTY);
	ck_assert_int_eq(n, 3);
	vfs_close(r);
	ck_assert_uint_eq(vfs_poll(w, NULL), POLLOUT | POLLWRNORM | POLLERR);
	ck_assert_int_eq(vfs_write(w, "d", 1, NULL), -EPIPE);
	ck_assert_int_eq(vfs_lseek(w, 0, SEEK_SET), -ESPIPE);
	ck_assert_int_eq(vfs_fstat(w, &st), 0);
	ck_assert(S_ISFIFO(st.mode));
	vfs_close(w);
	/* The last close dropped the data: a new pipe starts empty. */
	r = fifo(O_RDWR | O_NONBLOCK, 0);
	ck_assert_int_eq(vfs_read(r, buf, sizeof(buf), NULL), -EAGAIN);
	vfs_close(r);
}
END_TEST

START_TEST(pipe_files)
{
	long objects = shim_objects_in_use(), pages = shim_pages_in_use();
	static char big[70000];
	struct file *p[2];
	struct kstat st;
	char buf[16];
	long n;

	ck_assert_int_eq(create_pipe_files(p, O_EXCL, 0, 0), -EINVAL);
	ck_assert_int_eq(create_pipe_files(p, O_NONBLOCK | O_CLOEXEC, 1000, 100), 0);
	ck_assert_int_eq(vfs_fstat(p[0], &st), 0);
	ck_assert_uint_eq(st.mode, S_IFIFO | 0600);
	ck_assert_uint_eq(st.uid, 1000);
	ck_assert_uint_eq(st.gid, 100);
	ck_assert_ptr_eq(p[0]->f_inode, p[1]->f_inode);
	ck_assert_int_eq(vfs_write(p[0], "x", 1, NULL), -EBADF);
	ck_assert_int_eq(vfs_read(p[1], buf, 1, NULL), -EBADF);
	ck_assert(!(p[0]->f_mode & (FMODE_LSEEK | FMODE_PREAD | FMODE_PWRITE)));
	ck_assert_int_eq(vfs_read(p[0], buf, sizeof(buf), NULL), -EAGAIN);
	/* Filling a non-blocking pipe: 64 KiB go in, then EAGAIN. */
	n = vfs_write(p[1], big, sizeof(big), NULL);
	ck_assert_int_eq(n, 65536);
	ck_assert_uint_eq(vfs_poll(p[1], NULL), 0);
	ck_assert_int_eq(vfs_write(p[1], big, 1, NULL), -EAGAIN);
	ck_assert_int_eq(vfs_read(p[0], buf, 10, NULL), 10);
	/* 10 bytes free but no buffer: still full for writes and poll. */
	ck_assert_int_eq(vfs_write(p[1], big, 1, NULL), -EAGAIN);
	ck_assert_int_eq(vfs_read(p[0], big, 4086, NULL), 4086);
	ck_assert_uint_eq(vfs_poll(p[1], NULL), POLLOUT | POLLWRNORM);
	ck_assert_int_eq(vfs_write(p[1], big, 5000, NULL), 4096);
	vfs_close(p[1]);
	/* No writer left: hung up, and readable while data remains. */
	ck_assert_uint_eq(vfs_poll(p[0], NULL), POLLIN | POLLRDNORM | POLLHUP);
	ck_assert_int_eq(vfs_read(p[0], big, sizeof(big), NULL), 65536);
	ck_assert_int_eq(vfs_read(p[0], big, sizeof(big), NULL), 0);
	ck_assert_uint_eq(vfs_poll(p[0], NULL), POLLHUP);
	vfs_close(p[0]);
	ck_assert_int_eq(shim_objects_in_use(), objects);
	ck_assert_int_eq(shim_pages_in_use(), pages);
}
END_TEST

START_TEST(packet_mode)
{
	struct file *p[2];
	char buf[16];

	ck_assert_int_eq(create_pipe_files(p, O_DIRECT | O_NONBLOCK, 0, 0), 0);
	ck_assert_int_eq(vfs_write(p[1], "one", 3, NULL), 3);
	ck_assert_int_eq(vfs_write(p[1], "two", 3, NULL), 3);
	ck_assert_int_eq(vfs_read(p[0], buf, sizeof(buf), NULL), 3);
	ck_assert(!memcmp(buf, "one", 3));
	ck_assert_int_eq(vfs_read(p[0], buf, 2, NULL), 2);
	ck_assert_int_eq(vfs_read(p[0], buf, sizeof(buf), NULL), -EAGAIN);
	vfs_close(p[0]);
	vfs_close(p[1]);
}
END_TEST

Suite *pipe_suite(void)
{
	Suite *s = suite_create("pipe");
	TCase *tc = tcase_create("pipe");

	tcase_add_checked_fixture(tc, vfs_setup, NULL);
	tcase_add_test(tc, fifo_open_rules);
	tcase_add_test(tc, fifo_epipe_and_state_after_last_close);
	tcase_add_test(tc, pipe_files);
	tcase_add_test(tc, packet_mode);
	suite_add_tcase(s, tc);
	return s;
}
