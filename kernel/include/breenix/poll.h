/*
 * Waiting on many files (poll, select, and epoll later), as Linux does it:
 * a file's ->poll reports which events are ready now and, given a
 * poll_table, registers the wait queues whose wakeups may change that with
 * poll_wait(). The poll core (fs/select.c) sleeps until one fires or the
 * time runs out, then asks again.
 */
#ifndef BREENIX_POLL_H
#define BREENIX_POLL_H

#include <stdint.h>
#include <breenix/wait.h>
#include <uapi/asm-generic/poll.h>

typedef unsigned int __poll_t;

struct file;

typedef struct poll_table_struct {
	/* Called for each queue poll_wait() names; NULL: just report. */
	void (*qproc)(struct file *file, wait_queue_head_t *wq,
		      struct poll_table_struct *pt);
	__poll_t key;			/* the events the caller wants */
} poll_table;

/* From a file's ->poll: the caller may sleep on @wq for this file's events. */
static inline void poll_wait(struct file *file, wait_queue_head_t *wq,
			     poll_table *pt)
{
	if (pt && pt->qproc && wq)
		pt->qproc(file, wq, pt);
}

/* What a file without ->poll reports: always readable and writable (regular files). */
#define DEFAULT_POLLMASK (POLLIN | POLLOUT | POLLRDNORM | POLLWRNORM)

/* The events ready on @file now, registering with @pt if it is not NULL. */
__poll_t vfs_poll(struct file *file, poll_table *pt);

#endif
