/*
 * In-kernel tests of pipes and FIFOs with real sleeping: kernel threads at
 * both ends of a pipe made by create_pipe_files or a FIFO opened by path,
 * for data integrity, PIPE_BUF atomicity with several writers, the wakeups
 * of EOF and EPIPE, FIFO opens that wait for a partner, and that every page
 * comes back. The host tests (tests/unit/vfs/test_pipe.c) cover the rest.
 */
#include <stdint.h>
#include <string.h>
#include <breenix/errno.h>
#include <breenix/kthread.h>
#include <breenix/ktest.h>
#include <breenix/mm.h>
#include <breenix/pipe.h>
#include <breenix/poll.h>
#include <breenix/slab.h>
#include <breenix/timer.h>
#include <breenix/vfs.h>

static uint64_t free_pages_now(void)
{
	struct mem_stats st;

	mm_get_stats(&st);
	return st.free_pages;
}

/* The byte at offset @i of the stream the bulk test sends. */
static unsigned char pattern(size_t i)
{
	return (unsigned char)(i * 31 + (i >> 12));
}

#define BULK_BYTES	(1u << 20)

static int bulk_writer(void *arg)
{
	static unsigned char buf[7919];		/* odd-sized, to wrap unevenly */
	struct file *w = arg;
	size_t sent = 0, i, n;
	long ret;

	while (sent < BULK_BYTES) {
		n = BULK_BYTES - sent < sizeof(buf) ? BULK_BYTES - sent : sizeof(buf);
		for (i = 0; i < n; i++)
			buf[i] = pattern(sent + i);
		ret = vfs_write(w, buf, n, NULL);
		if (ret != (long)n)
			return 1;
		sent += n;
	}
	vfs_close(w);
	return 0;
}

KTEST(pipe_bulk_transfer_and_eof)
{
	static unsigned char buf[5000];
	uint64_t before = free_pages_now();
	struct file *p[2];
	struct task *th;
	size_t got = 0, i;
	long n;
	int bad = 0;

	KT_ASSERT_EQ(create_pipe_files(p, 0, 0, 0), 0);
	th = kthread_run(bulk_writer, p[1], "pipe-writer");
	KT_ASSERT(th);
	while ((n = vfs_read(p[0], buf, sizeof(buf), NULL)) > 0) {
		for (i = 0; i < (size_t)n; i++)
			bad += buf[i] != pattern(got + i);
		got += (size_t)n;
	}
	KT_ASSERT_EQ(n, 0);		/* EOF once the writer closed */
	KT_ASSERT_EQ(kthread_join(th), 0);
	KT_ASSERT_EQ(got, BULK_BYTES);
	KT_ASSERT_EQ(bad, 0);
	vfs_close(p[0]);
	KT_ASSERT_EQ(free_pages_now(), before);
}

/*
 * Each writer sends messages of its own size, every byte its own tag: a
 * message split by another writer's bytes shows as a wrong byte where the
 * reader expects the rest of it.
 */
#define ATOMIC_WRITERS	4
#define ATOMIC_MSGS	300

static const size_t atomic_size[ATOMIC_WRITERS] = { PIPE_BUF, 1000, 3001, 17 };
static struct file *atomic_pipe;	/* the write end the writers share */

static int atomic_writer(void *arg)
{
	static unsigned char msg[ATOMIC_WRITERS][PIPE_BUF];
	unsigned int id = (unsigned int)(uintptr_t)arg, i;
	struct file *w = atomic_pipe;
	int err = 0;

	memset(msg[id], (int)id + 1, atomic_size[id]);
	for (i = 0; i < ATOMIC_MSGS && !err; i++)
		err = vfs_write(w, msg[id], atomic_size[id], NULL) !=
		      (long)atomic_size[id];
	vfs_close(w);		/* this writer's reference */
	return err;
}

KTEST(pipe_buf_atomic_with_several_writers)
{
	static unsigned char buf[3 * PIPE_BUF];
	unsigned int msgs[ATOMIC_WRITERS] = { 0 }, i, cur = 0;
	size_t left = 0;
	struct task *th[ATOMIC_WRITERS];
	struct file *p[2];
	int split = 0;
	long n;

	KT_ASSERT_EQ(create_pipe_files(p, 0, 0, 0), 0);
	atomic_pipe = p[1];
	for (i = 0; i < ATOMIC_WRITERS; i++) {
		get_file(p[1]);
		th[i] = kthread_run(atomic_writer, (void *)(uintptr_t)i,
				   "pipe-atomic/%u", i);
		KT_ASSERT(th[i]);
	}
	/* EOF comes when the last writer has closed its reference. */
	vfs_close(p[1]);
	/* Small reads, so the reader is slower than the writers. */
	while ((n = vfs_read(p[0], buf, 1 + (cur % 3) * 2000, NULL)) > 0) {
		long j;

		for (j = 0; j < n; j++) {
			if (!left) {
				cur = buf[j];
				if (cur < 1 || cur > ATOMIC_WRITERS) {
					split++;
					break;
				}
				left = atomic_size[cur - 1];
				msgs[cur - 1]++;
			}
			split += buf[j] != cur;
			left--;
		}
	}
	KT_ASSERT_EQ(n, 0);
	for (i = 0; i < ATOMIC_WRITERS; i++)
		KT_ASSERT_EQ(kthread_join(th[i]), 0);
	KT_ASSERT_EQ(split, 0);
	KT_ASSERT_EQ(left, 0);
	for (i = 0; i < ATOMIC_WRITERS; i++)
		KT_ASSERT_EQ(msgs[i], ATOMIC_MSGS);
	vfs_close(p[0]);
}

/* Closes the file after a pause, so the test thread is asleep by then. */
static int close_later(void *arg)
{
	msleep(30);
	vfs_close(arg);
	return 0;
}

KTEST(pipe_sleepers_woken_by_last_close)
{
	static char big[PIPE_DEF_BUFFERS * PIPE_RING_PAGE_SIZE + 1];
	uint64_t before = free_pages_now();
	struct file *p[2];
	struct task *th;
	char c;

	/* A reader asleep on an empty pipe: EOF when the writer goes. */
	KT_ASSERT_EQ(create_pipe_files(p, 0, 0, 0), 0);
	th = kthread_run(close_later, p[1], "pipe-close");
	KT_ASSERT(th);
	KT_ASSERT_EQ(vfs_read(p[0], &c, 1, NULL), 0);
	KT_ASSERT_EQ(kthread_join(th), 0);
	vfs_close(p[0]);
	/* A writer asleep on a full pipe: what went in, then EPIPE. */
	KT_ASSERT_EQ(create_pipe_files(p, 0, 0, 0), 0);
	th = kthread_run(close_later, p[0], "pipe-close");
	KT_ASSERT(th);
	KT_ASSERT_EQ(vfs_write(p[1], big, sizeof(big), NULL), sizeof(big) - 1);
	KT_ASSERT_EQ(vfs_write(p[1], big, 1, NULL), -EPIPE);
	KT_ASSERT_EQ(kthread_join(th), 0);
	/* Still full of what no one will read: not writable, an error. */
	KT_ASSERT_EQ(vfs_poll(p[1], NULL), POLLERR);
	vfs_close(p[1]);
	KT_ASSERT_EQ(free_pages_now(), before);
}

#define KT_FIFO	"/ktest-fifo"

struct fifo_opener {
	unsigned int flags;
	struct file *file;
	int err;
	int done;
};

static int fifo_open_fn(void *arg)
{
	struct fifo_opener *o = arg;

	o->err = vfs_open(NULL, KT_FIFO, o->flags, 0, &vfs_root_cred, &o->file);
	__atomic_store_n(&o->done, 1, __ATOMIC_SEQ_CST);
	return 0;
}

/* Starts an opener and gives it time to block (or not). */
static struct task *start_opener(struct fifo_opener *o, unsigned int flags)
{
	struct task *th;

	*o = (struct fifo_opener){ .flags = flags };
	th = kthread_run(fifo_open_fn, o, "fifo-open");
	msleep(30);
	return th;
}

KTEST(fifo_opens_wait_for_a_partner)
{
	struct fifo_opener rd, wr;
	struct file *f;
	struct task *th;
	char buf[8];

	KT_ASSERT_EQ(vfs_mknod(NULL, KT_FIFO, S_IFIFO | 0600, 0,
			       &vfs_root_cred), 0);
	/* A reader waits for a writer, and the writer's open ends the wait. */
	th = start_opener(&rd, O_RDONLY);
	KT_ASSERT(th);
	KT_ASSERT_EQ(__atomic_load_n(&rd.done, __ATOMIC_SEQ_CST), 0);
	KT_ASSERT_EQ(vfs_open(NULL, KT_FIFO, O_WRONLY, 0, &vfs_root_cred, &f), 0);
	KT_ASSERT_EQ(kthread_join(th), 0);
	KT_ASSERT_EQ(rd.err, 0);
	KT_ASSERT_EQ(vfs_write(f, "ping", 4, NULL), 4);
	KT_ASSERT_EQ(vfs_read(rd.file, buf, sizeof(buf), NULL), 4);
	KT_ASSERT(!memcmp(buf, "ping", 4));
	vfs_close(f);
	vfs_close(rd.file);
	/* A writer waits for a reader; a non-blocking reader counts. */
	th = start_opener(&wr, O_WRONLY);
	KT_ASSERT(th);
	KT_ASSERT_EQ(__atomic_load_n(&wr.done, __ATOMIC_SEQ_CST), 0);
	KT_ASSERT_EQ(vfs_open(NULL, KT_FIFO, O_RDONLY | O_NONBLOCK, 0,
			      &vfs_root_cred, &f), 0);
	KT_ASSERT_EQ(kthread_join(th), 0);
	KT_ASSERT_EQ(wr.err, 0);
	vfs_close(wr.file);
	/* The writer came and went: EOF and POLLHUP for the reader. */
	KT_ASSERT_EQ(vfs_read(f, buf, sizeof(buf), NULL), 0);
	KT_ASSERT_EQ(vfs_poll(f, NULL), POLLHUP);
	vfs_close(f);
	/* O_RDWR never waits. */
	KT_ASSERT_EQ(vfs_open(NULL, KT_FIFO, O_RDWR, 0, &vfs_root_cred, &f), 0);
	vfs_close(f);
	KT_ASSERT_EQ(vfs_unlink(NULL, KT_FIFO, &vfs_root_cred), 0);
}
