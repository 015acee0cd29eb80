/*
 * The byte store of a pipe or FIFO: a ring of page-sized buffers, as Linux's
 * pipe_buffer ring (fs/pipe.c). Pure policy with no locking or sleeping, so
 * host tests run it against a model; kernel/fs/pipe.c adds the locks, the
 * wait queues and the copies to and from user memory.
 */
#ifndef BREENIX_PIPE_RING_H
#define BREENIX_PIPE_RING_H

#include <stdbool.h>
#include <stddef.h>

/*
 * POSIX's PIPE_BUF (Linux's value, <linux/limits.h>): a write of at most
 * this many bytes goes into the pipe whole, never interleaved with another.
 */
#define PIPE_BUF		4096
/* Each buffer is one page of this size. */
#define PIPE_RING_PAGE_SIZE	4096
/* Linux's default capacity, PIPE_DEF_BUFFERS pages (64 KiB). */
#define PIPE_DEF_BUFFERS	16

/* Where the pages come from: the page allocator in the kernel, malloc on the host. */
struct pipe_page_ops {
	void *(*alloc)(void *ctx);		/* NULL when out of memory */
	void (*free)(void *ctx, void *page);
};

/* Linux's buffer flags: small writes may join a buffer; a packet is read alone. */
#define PIPE_BUF_FLAG_CAN_MERGE	0x1
#define PIPE_BUF_FLAG_PACKET	0x2

/* Bytes [offset, offset + len) of page hold data not yet read. */
struct pipe_buffer {
	void *page;
	unsigned int offset;
	unsigned int len;
	unsigned int flags;
};

/*
 * Buffers tail..head-1 (modulo nr_bufs) hold data, oldest first; head and
 * tail are free-running counters, so head - tail is the number in use
 * across every wrap. A buffer is never left in the ring empty. One page
 * freed by a reader is kept in spare for the next write, as Linux's
 * tmp_page, so a pipe passing data back and forth does not churn the
 * allocator.
 */
struct pipe_ring {
	struct pipe_buffer *bufs;
	unsigned int nr_bufs;			/* a power of two */
	unsigned int head;
	unsigned int tail;
	size_t len;				/* bytes stored */
	void *spare;
	const struct pipe_page_ops *ops;
	void *ops_ctx;
};

/*
 * Copies up to @len bytes to or from @buf and returns how many it did; fewer
 * only when the other side faults (a user buffer), which ends the transfer.
 */
typedef size_t (*pipe_copy_fn)(void *buf, size_t len, void *arg);

/* An empty ring over @bufs (@nr_bufs of them, a power of two); no page yet. */
void pipe_ring_init(struct pipe_ring *r, struct pipe_buffer *bufs,
		    unsigned int nr_bufs, const struct pipe_page_ops *ops,
		    void *ops_ctx);
/* Frees every page, stored data and spare included. */
void pipe_ring_release(struct pipe_ring *r);

static inline unsigned int pipe_ring_occupancy(const struct pipe_ring *r)
{
	return r->head - r->tail;
}

static inline bool pipe_ring_empty(const struct pipe_ring *r)
{
	return r->head == r->tail;
}

/* Every buffer in use: a write needs one freed (poll's POLLOUT is its negation). */
static inline bool pipe_ring_full(const struct pipe_ring *r)
{
	return pipe_ring_occupancy(r) >= r->nr_bufs;
}

/* Bytes stored (FIONREAD). */
static inline size_t pipe_ring_len(const struct pipe_ring *r)
{
	return r->len;
}

/*
 * Moves up to @len bytes of a write into the ring without waiting and
 * returns how many went in: 0 when the ring is full. @fresh says nothing of
 * this write is in yet; then the part of @len beyond whole pages may join
 * the newest buffer if it fits there whole and that buffer allows it, as
 * Linux merges small writes. Otherwise the bytes go into new buffers, a
 * page each, so a write of at most PIPE_BUF bytes always lands in one
 * buffer, whole: that is the atomicity POSIX asks for. @packet (pipe2's
 * O_DIRECT) makes each new buffer a packet that nothing joins. When nothing
 * went in because a page could not be had, -ENOMEM; because @copy faulted
 * at once, -EFAULT.
 */
long pipe_ring_write(struct pipe_ring *r, size_t len, bool fresh, bool packet,
		     pipe_copy_fn copy, void *arg);

/*
 * Moves up to @len stored bytes out through @copy, oldest first, freeing
 * each buffer it empties; returns how many, 0 when empty, -EFAULT when
 * @copy took nothing. Bytes @copy does not take stay in the ring. A packet
 * is read alone, and what of it does not fit in @len is dropped, as Linux
 * does.
 */
long pipe_ring_read(struct pipe_ring *r, size_t len, pipe_copy_fn copy,
		    void *arg);

#endif
