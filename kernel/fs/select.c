/*
 * poll, ppoll, select and pselect6, as Linux's fs/select.c: each pass asks
 * every file's ->poll what is ready; the first pass also hangs one wait
 * entry on each wait queue a file names (poll_wait), and the task sleeps
 * until one of them fires or the time runs out, then asks again.
 *
 * epoll will reuse the same pieces: files' ->poll with a poll_table whose
 * qproc hangs a long-lived entry with its own wake function (a
 * wait_queue_entry func, as pollwake here) on each queue, and the events
 * wakers pass as the key (wake_up_poll) to filter and to queue ready items.
 */
#include <breenix/clockcalc.h>
#include <breenix/errno.h>
#include <breenix/fdtable.h>
#include <breenix/poll.h>
#include <breenix/process.h>
#include <breenix/signal.h>
#include <breenix/sched.h>
#include <breenix/slab.h>
#include <breenix/syscall.h>
#include <breenix/task.h>
#include <breenix/time.h>
#include <breenix/time_conv.h>
#include <breenix/uaccess.h>
#include <uapi/linux/resource.h>

/* One wait entry on one file's wait queue, holding the file. */
struct poll_table_entry {
	struct file *filp;
	wait_queue_head_t *wq;
	unsigned int key;		/* the events this entry waits for */
	struct wait_queue_entry wait;
};

/* More entries, a page at a time, once the inline ones are used. */
struct poll_table_page {
	struct poll_table_page *next;
	unsigned int used;
	struct poll_table_entry entries[];
};

#define POLL_PAGE_ENTRIES \
	((PAGE_SIZE - sizeof(struct poll_table_page)) / sizeof(struct poll_table_entry))
#define POLL_INLINE_ENTRIES	8

/*
 * A poller's entries. triggered is set by a wakeup on any of them and
 * cleared after each sleep; error remembers an entry that could not be
 * had (-ENOMEM), which ends the call rather than sleeping blind.
 */
struct poll_wqueues {
	poll_table pt;
	struct task *task;
	int triggered;
	int error;
	struct poll_table_page *pages;
	unsigned int inline_used;
	struct poll_table_entry inline_entries[POLL_INLINE_ENTRIES];
};

/*
 * A wakeup on one of the poller's queues. Events the waker names that the
 * entry does not wait for (a reader polling while a writer is woken) do not
 * wake the poller; a wakeup without events always does.
 */
static int pollwake(struct wait_queue_entry *w, unsigned int key)
{
	struct poll_table_entry *entry =
		container_of(w, struct poll_table_entry, wait);
	struct poll_wqueues *pwq = w->private;

	if (key && !(key & entry->key))
		return 0;
	__atomic_store_n(&pwq->triggered, 1, __ATOMIC_SEQ_CST);
	return wake_up_process(pwq->task);
}

static struct poll_table_entry *poll_get_entry(struct poll_wqueues *pwq)
{
	struct poll_table_page *page = pwq->pages;

	if (pwq->inline_used < POLL_INLINE_ENTRIES)
		return &pwq->inline_entries[pwq->inline_used++];
	if (!page || page->used == POLL_PAGE_ENTRIES) {
		page = kmalloc(PAGE_SIZE, GFP_KERNEL);
		if (!page)
			return NULL;
		page->used = 0;
		page->next = pwq->pages;
		pwq->pages = page;
	}
	return &page->entries[page->used++];
}

/* qproc of the first pass: one entry per (file, queue), the file held. */
static void __pollwait(struct file *filp, wait_queue_head_t *wq, poll_table *pt)
{
	struct poll_wqueues *pwq = container_of(pt, struct poll_wqueues, pt);
	struct poll_table_entry *entry = poll_get_entry(pwq);

	if (!entry) {
		pwq->error = -ENOMEM;
		return;
	}
	entry->filp = get_file(filp);
	entry->wq = wq;
	entry->key = pt->key;
	init_wait_func(&entry->wait, pollwake, pwq);
	add_wait_queue(wq, &entry->wait);
}

static void poll_initwait(struct poll_wqueues *pwq)
{
	pwq->pt.qproc = __pollwait;
	pwq->pt.key = ~0u;
	pwq->task = current;
	pwq->triggered = 0;
	pwq->error = 0;
	pwq->pages = NULL;
	pwq->inline_used = 0;
}

static void free_poll_entry(struct poll_table_entry *entry)
{
	remove_wait_queue(entry->wq, &entry->wait);
	fput(entry->filp);
}

static void poll_freewait(struct poll_wqueues *pwq)
{
	struct poll_table_page *page = pwq->pages;
	unsigned int i;

	for (i = 0; i < pwq->inline_used; i++)
		free_poll_entry(&pwq->inline_entries[i]);
	while (page) {
		struct poll_table_page *next = page->next;

		for (i = 0; i < page->used; i++)
			free_poll_entry(&page->entries[i]);
		kfree(page);
		page = next;
	}
}

/*
 * A deadline: NULL waits forever; *end == 0 does not wait at all (a zero
 * timeout); otherwise the CLOCK_MONOTONIC reading at which to give up.
 * -EINVAL for a negative or unnormalised time, as Linux's
 * poll_select_set_timeout.
 */
static int poll_select_set_timeout(uint64_t *end, int64_t sec, int64_t nsec)
{
	struct __kernel_timespec ts = { .tv_sec = sec, .tv_nsec = nsec };
	uint64_t now, ns;

	if (!timespec_valid(&ts))
		return -EINVAL;
	if (!sec && !nsec) {
		*end = 0;
		return 0;
	}
	now = ktime_get_ns();
	ns = (uint64_t)timespec_to_ns(&ts);
	*end = now + ns < now ? UINT64_MAX : now + ns;
	return 0;
}

/*
 * Sleeps until a wakeup on an entry or the deadline; false when the time
 * is up. The task is asleep before it looks at triggered, and pollwake
 * sets triggered before it wakes the task, so no wakeup is lost. The
 * timeout has tick granularity, rounded up so it never ends early.
 */
static bool poll_schedule_timeout(struct poll_wqueues *pwq, const uint64_t *end)
{
	long jif = MAX_SCHEDULE_TIMEOUT;
	uint64_t now;

	if (end) {
		now = ktime_get_ns();
		if (now >= *end)
			return false;
		/* Rounded up, plus the tick already under way. */
		jif = (long)((*end - now + tick_nsec - 1) / tick_nsec) + 1;
		if ((uint64_t)jif > MAX_SCHEDULE_TIMEOUT / 2)
			jif = MAX_SCHEDULE_TIMEOUT / 2;
	}
	set_current_state(TASK_INTERRUPTIBLE);
	if (!__atomic_load_n(&pwq->triggered, __ATOMIC_SEQ_CST))
		schedule_timeout(jif);
	set_current_state(TASK_RUNNING);
	__atomic_store_n(&pwq->triggered, 0, __ATOMIC_SEQ_CST);
	return !end || ktime_get_ns() < *end;
}

enum poll_time_type {
	PT_TIMEVAL,
	PT_TIMESPEC,
};

/*
 * select, pselect6 and ppoll write the time left back to the caller, as
 * Linux does (none after a zero timeout). A failed write is ignored, as in
 * Linux: the call itself has completed.
 */
static void poll_select_finish(const uint64_t *end, void *utime,
			       enum poll_time_type type)
{
	uint64_t now, left = 0;

	if (!utime || !*end)
		return;
	now = ktime_get_ns();
	if (now < *end)
		left = *end - now;
	if (type == PT_TIMEVAL) {
		struct __kernel_old_timeval tv = ns_to_timeval(left);

		/* utime is the caller's struct timeval. */
		(void)copy_to_user(utime, &tv, sizeof(tv));
	} else {
		struct __kernel_timespec ts = ns_to_timespec(left);

		/* utime is the caller's struct timespec. */
		(void)copy_to_user(utime, &ts, sizeof(ts));
	}
}

/* Linux's kernel sigset_t: 64 signals, 8 bytes on x86_64. */
#define KERNEL_SIGSET_SIZE	8

/*
 * The temporary signal mask of ppoll and pselect6, as Linux's
 * set_user_sigmask: installed for the call, the old one saved to come back
 * on the way out.
 */
static int set_user_sigmask(const void *umask, size_t sigsetsize)
{
	sigset_t mask;

	if (!umask)
		return 0;
	if (sigsetsize != KERNEL_SIGSET_SIZE)
		return -EINVAL;
	/* umask is the caller's sigset_t. */
	if (copy_from_user(&mask, umask, sizeof(mask)))
		return -EFAULT;
	set_restore_sigmask(current->blocked);
	set_current_blocked(mask);
	return 0;
}

/*
 * The old mask returns now, unless a signal interrupted the call: then it
 * stays until the handler's frame has saved it (Linux's
 * restore_saved_sigmask_unless).
 */
static void restore_user_sigmask(long ret)
{
	if (ret != -ERESTARTNOHAND)
		restore_saved_sigmask();
}

/* poll */

/* One pollfd: its revents, from the events asked for plus POLLERR and POLLHUP. */
static unsigned int do_pollfd(struct pollfd *pfd, poll_table *pt)
{
	unsigned int filter, mask = 0;
	struct file *file;

	if (pfd->fd >= 0) {
		mask = POLLNVAL;
		file = fget((unsigned int)pfd->fd);
		if (file) {
			filter = (unsigned short)pfd->events | POLLERR | POLLHUP;
			pt->key = filter;
			mask = vfs_poll(file, pt) & filter;
			fput(file);
		}
	}
	pfd->revents = (short)mask;
	return mask;
}

static int do_poll(struct pollfd *fds, unsigned int nfds,
		   struct poll_wqueues *wait, const uint64_t *end)
{
	poll_table *pt = &wait->pt;
	bool timed_out = end && !*end;
	unsigned int i;
	int count;

	if (timed_out)
		pt->qproc = NULL;
	for (;;) {
		count = 0;
		for (i = 0; i < nfds; i++) {
			if (do_pollfd(&fds[i], pt)) {
				count++;
				/* Something is ready: no more entries needed. */
				pt->qproc = NULL;
			}
		}
		pt->qproc = NULL;
		if (!count)
			count = wait->error;
		if (count || timed_out)
			break;
		/* A signal: EINTR after a handler, else poll again (Linux). */
		if (signal_pending(current))
			return -ERESTARTNOHAND;
		if (!poll_schedule_timeout(wait, end))
			timed_out = true;
	}
	return count;
}

/* Pollfds this many or fewer live on the stack, as Linux's N_STACK_PPS area. */
#define POLL_STACK_FDS	32

static long do_sys_poll(struct pollfd *ufds, unsigned int nfds,
			const uint64_t *end)
{
	struct pollfd stack_fds[POLL_STACK_FDS], *fds = stack_fds;
	struct poll_wqueues table;
	unsigned int i;
	long ret;

	if (nfds > rlimit(RLIMIT_NOFILE))
		return -EINVAL;
	if (nfds > POLL_STACK_FDS) {
		fds = kmalloc(nfds * sizeof(*fds), GFP_KERNEL);
		if (!fds)
			return -ENOMEM;
	}
	/* ufds is the caller's array of nfds pollfds. */
	if (copy_from_user(fds, ufds, nfds * sizeof(*fds))) {
		ret = -EFAULT;
		goto out;
	}
	poll_initwait(&table);
	ret = do_poll(fds, nfds, &table, end);
	poll_freewait(&table);
	for (i = 0; i < nfds; i++) {
		/* Only revents is written back, as Linux. */
		if (copy_to_user(&ufds[i].revents, &fds[i].revents,
				 sizeof(fds[i].revents))) {
			ret = -EFAULT;
			break;
		}
	}
out:
	if (fds != stack_fds)
		kfree(fds);
	return ret;
}

/*
 * poll(2) interrupted with no handler to run resumes through
 * restart_syscall with the deadline it had, not a fresh timeout
 * (Linux's do_restart_poll).
 */
static long poll_restart(struct restart_block *rb)
{
	long ret = do_sys_poll(rb->poll.ufds, rb->poll.nfds,
			       rb->poll.has_timeout ? &rb->poll.end : NULL);

	if (ret == -ERESTARTNOHAND) {
		rb->fn = poll_restart;
		ret = -ERESTART_RESTARTBLOCK;
	}
	return ret;
}

SYSCALL_DEFINE3(poll, struct pollfd *, ufds, unsigned int, nfds,
		int, timeout_msecs)
{
	struct restart_block *rb = &current->restart_block;

	rb->poll.ufds = ufds;
	rb->poll.nfds = nfds;
	rb->poll.has_timeout = timeout_msecs >= 0;
	rb->poll.end = 0;
	/* A negative timeout waits forever. */
	if (rb->poll.has_timeout)
		poll_select_set_timeout(&rb->poll.end, timeout_msecs / 1000,
					(int64_t)NSEC_PER_MSEC * (timeout_msecs % 1000));
	rb->fn = NULL;
	return poll_restart(rb);
}

SYSCALL_DEFINE5(ppoll, struct pollfd *, ufds, unsigned int, nfds,
		struct __kernel_timespec *, tsp, const void *, sigmask,
		size_t, sigsetsize)
{
	struct __kernel_timespec ts;
	uint64_t end = 0, *to = NULL;
	long ret;

	if (tsp) {
		/* tsp is the caller's timespec. */
		if (copy_from_user(&ts, tsp, sizeof(ts)))
			return -EFAULT;
		to = &end;
		if (poll_select_set_timeout(to, ts.tv_sec, ts.tv_nsec))
			return -EINVAL;
	}
	ret = set_user_sigmask(sigmask, sigsetsize);
	if (ret)
		return ret;
	ret = do_sys_poll(ufds, nfds, to);
	restore_user_sigmask(ret);
	poll_select_finish(&end, tsp, PT_TIMESPEC);
	return ret;
}

/* select */

#define BITS_PER_LONG	64
#define FDS_LONGS(n)	(((size_t)(n) + BITS_PER_LONG - 1) / BITS_PER_LONG)
#define FDS_BYTES(n)	(FDS_LONGS(n) * sizeof(long))

/* Linux's classes: what makes a descriptor readable, writable or exceptional. */
#define POLLIN_SET	(POLLRDNORM | POLLRDBAND | POLLIN | POLLHUP | POLLERR)
#define POLLOUT_SET	(POLLWRBAND | POLLWRNORM | POLLOUT | POLLERR)
#define POLLEX_SET	(POLLPRI)

/* The three sets asked about and the three answered. */
struct fd_set_bits {
	unsigned long *in, *out, *ex;
	unsigned long *res_in, *res_out, *res_ex;
};

/*
 * The highest descriptor in any set, plus one, or -EBADF when one of them
 * is not open: select checks them all before it polls any, as Linux's
 * max_select_fd.
 */
static int max_select_fd(unsigned int n, const struct fd_set_bits *fds)
{
	unsigned int fd, max = 0;
	struct file *file;

	for (fd = 0; fd < n; fd++) {
		unsigned long bit = 1UL << (fd % BITS_PER_LONG);
		size_t w = fd / BITS_PER_LONG;

		if (!((fds->in[w] | fds->out[w] | fds->ex[w]) & bit))
			continue;
		file = fget(fd);
		if (!file)
			return -EBADF;
		fput(file);
		max = fd + 1;
	}
	return (int)max;
}

static int do_select(unsigned int n, struct fd_set_bits *fds,
		     const uint64_t *end)
{
	struct poll_wqueues table;
	bool timed_out = end && !*end;
	poll_table *pt;
	int max, count;

	max = max_select_fd(n, fds);
	if (max < 0)
		return max;
	poll_initwait(&table);
	pt = &table.pt;
	if (timed_out)
		pt->qproc = NULL;
	for (;;) {
		unsigned int fd;

		count = 0;
		for (fd = 0; fd < (unsigned int)max; fd++) {
			unsigned long bit = 1UL << (fd % BITS_PER_LONG);
			size_t w = fd / BITS_PER_LONG;
			unsigned int mask = POLLNVAL;
			struct file *file;

			if (!((fds->in[w] | fds->out[w] | fds->ex[w]) & bit))
				continue;
			/* A descriptor closed meanwhile is left out, as Linux. */
			file = fget(fd);
			if (file) {
				pt->key = POLLEX_SET;
				if (fds->in[w] & bit)
					pt->key |= POLLIN_SET;
				if (fds->out[w] & bit)
					pt->key |= POLLOUT_SET;
				mask = vfs_poll(file, pt);
				fput(file);
			}
			if ((mask & POLLIN_SET) && (fds->in[w] & bit)) {
				fds->res_in[w] |= bit;
				count++;
				pt->qproc = NULL;
			}
			if ((mask & POLLOUT_SET) && (fds->out[w] & bit)) {
				fds->res_out[w] |= bit;
				count++;
				pt->qproc = NULL;
			}
			if ((mask & POLLEX_SET) && (fds->ex[w] & bit)) {
				fds->res_ex[w] |= bit;
				count++;
				pt->qproc = NULL;
			}
		}
		pt->qproc = NULL;
		if (count || timed_out)
			break;
		if (table.error) {
			count = table.error;
			break;
		}
		if (signal_pending(current)) {
			count = -ERESTARTNOHAND;
			break;
		}
		if (!poll_schedule_timeout(&table, end))
			timed_out = true;
	}
	poll_freewait(&table);
	return count;
}

/* A set from the caller (NULL: empty); its first n bits, in whole longs. */
static int get_fd_set(unsigned int n, const void *ufds, unsigned long *fds)
{
	if (!ufds) {
		__builtin_memset(fds, 0, FDS_BYTES(n));
		return 0;
	}
	/* ufds is the caller's fd_set. */
	return copy_from_user(fds, ufds, FDS_BYTES(n)) ? -EFAULT : 0;
}

static int set_fd_set(unsigned int n, void *ufds, const unsigned long *fds)
{
	/* ufds is the caller's fd_set. */
	if (ufds && copy_to_user(ufds, fds, FDS_BYTES(n)))
		return -EFAULT;
	return 0;
}

/* The size of the caller's descriptor table (it grows, never shrinks). */
static unsigned int select_max_fds(void)
{
	struct files_struct *files = current->files;
	unsigned int max;

	spin_lock(&files->file_lock);
	max = files->fdt.max_fds;
	spin_unlock(&files->file_lock);
	return max;
}

/* Six sets of 1024 bits fit here, as Linux's SELECT_STACK_ALLOC. */
#define SELECT_STACK_LONGS	(6 * FDS_LONGS(1024))

static long core_sys_select(int n, void *inp, void *outp, void *exp,
			    const uint64_t *end)
{
	unsigned long stack_bits[SELECT_STACK_LONGS], *bits = stack_bits;
	struct fd_set_bits fds;
	unsigned int max_fds;
	size_t longs;
	long ret;

	if (n < 0)
		return -EINVAL;
	/* As Linux: bits at or above the table's size are ignored. */
	max_fds = select_max_fds();
	if ((unsigned int)n > max_fds)
		n = (int)max_fds;
	longs = FDS_LONGS(n);
	if (6 * longs > SELECT_STACK_LONGS) {
		bits = kmalloc(6 * longs * sizeof(long), GFP_KERNEL);
		if (!bits)
			return -ENOMEM;
	}
	fds.in = bits;
	fds.out = bits + longs;
	fds.ex = bits + 2 * longs;
	fds.res_in = bits + 3 * longs;
	fds.res_out = bits + 4 * longs;
	fds.res_ex = bits + 5 * longs;
	if (get_fd_set((unsigned int)n, inp, fds.in) ||
	    get_fd_set((unsigned int)n, outp, fds.out) ||
	    get_fd_set((unsigned int)n, exp, fds.ex)) {
		ret = -EFAULT;
		goto out;
	}
	__builtin_memset(fds.res_in, 0, 3 * longs * sizeof(long));
	ret = do_select((unsigned int)n, &fds, end);
	if (ret < 0)
		goto out;
	if (set_fd_set((unsigned int)n, inp, fds.res_in) ||
	    set_fd_set((unsigned int)n, outp, fds.res_out) ||
	    set_fd_set((unsigned int)n, exp, fds.res_ex))
		ret = -EFAULT;
out:
	if (bits != stack_bits)
		kfree(bits);
	return ret;
}

SYSCALL_DEFINE5(select, int, n, void *, inp, void *, outp, void *, exp,
		struct __kernel_old_timeval *, tvp)
{
	struct __kernel_old_timeval tv;
	uint64_t end = 0, *to = NULL;
	long ret;

	if (tvp) {
		/* tvp is the caller's timeval. */
		if (copy_from_user(&tv, tvp, sizeof(tv)))
			return -EFAULT;
		to = &end;
		/* Linux carries whole seconds out of tv_usec before checking. */
		if (poll_select_set_timeout(to, tv.tv_sec + tv.tv_usec / 1000000,
					    (tv.tv_usec % 1000000) *
					    (int64_t)NSEC_PER_USEC))
			return -EINVAL;
	}
	ret = core_sys_select(n, inp, outp, exp, to);
	poll_select_finish(&end, tvp, PT_TIMEVAL);
	return ret;
}

/* pselect6's sixth argument: the mask and its size, as one user struct. */
struct sigset_argpack {
	const void *p;
	size_t size;
};

SYSCALL_DEFINE6(pselect6, int, n, void *, inp, void *, outp, void *, exp,
		struct __kernel_timespec *, tsp, const void *, sig)
{
	struct sigset_argpack x = { NULL, 0 };
	struct __kernel_timespec ts;
	uint64_t end = 0, *to = NULL;
	long ret;

	/* sig is the caller's argpack. */
	if (sig && copy_from_user(&x, sig, sizeof(x)))
		return -EFAULT;
	if (tsp) {
		/* tsp is the caller's timespec. */
		if (copy_from_user(&ts, tsp, sizeof(ts)))
			return -EFAULT;
		to = &end;
		if (poll_select_set_timeout(to, ts.tv_sec, ts.tv_nsec))
			return -EINVAL;
	}
	ret = set_user_sigmask(x.p, x.size);
	if (ret)
		return ret;
	ret = core_sys_select(n, inp, outp, exp, to);
	restore_user_sigmask(ret);
	poll_select_finish(&end, tsp, PT_TIMESPEC);
	return ret;
}
