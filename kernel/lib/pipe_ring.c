/*
 * The pipe ring (see pipe_ring.h): Linux's buffer rules, so that what fits
 * in a pipe, where a write may join the previous one, and what a fault in
 * the middle of a copy leaves behind are as on Linux.
 */
#include <breenix/errno.h>
#include <breenix/pipe_ring.h>

void pipe_ring_init(struct pipe_ring *r, struct pipe_buffer *bufs,
		    unsigned int nr_bufs, const struct pipe_page_ops *ops,
		    void *ops_ctx)
{
	unsigned int i;

	for (i = 0; i < nr_bufs; i++)
		bufs[i] = (struct pipe_buffer){ 0 };
	r->bufs = bufs;
	r->nr_bufs = nr_bufs;
	r->head = 0;
	r->tail = 0;
	r->len = 0;
	r->spare = NULL;
	r->ops = ops;
	r->ops_ctx = ops_ctx;
}

static struct pipe_buffer *ring_buf(const struct pipe_ring *r, unsigned int n)
{
	return &r->bufs[n & (r->nr_bufs - 1)];
}

static void put_page_or_keep(struct pipe_ring *r, void *page)
{
	if (!r->spare)
		r->spare = page;
	else
		r->ops->free(r->ops_ctx, page);
}

void pipe_ring_release(struct pipe_ring *r)
{
	while (!pipe_ring_empty(r)) {
		struct pipe_buffer *buf = ring_buf(r, r->tail++);

		r->ops->free(r->ops_ctx, buf->page);
		*buf = (struct pipe_buffer){ 0 };
	}
	if (r->spare)
		r->ops->free(r->ops_ctx, r->spare);
	r->spare = NULL;
	r->len = 0;
}

/*
 * Linux merges into the newest buffer only the part of a write beyond its
 * whole pages, and only when all of it fits: a write never straddles two
 * buffers except at page boundaries of its own.
 */
static long ring_merge(struct pipe_ring *r, size_t len, pipe_copy_fn copy,
		       void *arg)
{
	size_t chars = len & (PIPE_RING_PAGE_SIZE - 1);
	struct pipe_buffer *buf;
	size_t end, done;

	if (!chars || pipe_ring_empty(r))
		return 0;
	buf = ring_buf(r, r->head - 1);
	end = buf->offset + buf->len;
	if (!(buf->flags & PIPE_BUF_FLAG_CAN_MERGE) ||
	    end + chars > PIPE_RING_PAGE_SIZE)
		return 0;
	done = copy((char *)buf->page + end, chars, arg);
	/* As Linux: bytes of a faulting merge are not kept. */
	if (done < chars)
		return -EFAULT;
	buf->len += (unsigned int)chars;
	r->len += chars;
	return (long)chars;
}

long pipe_ring_write(struct pipe_ring *r, size_t len, bool fresh, bool packet,
		     pipe_copy_fn copy, void *arg)
{
	size_t ret = 0;
	long merged;

	if (fresh) {
		merged = ring_merge(r, len, copy, arg);
		if (merged < 0)
			return merged;
		ret = (size_t)merged;
	}
	while (ret < len && !pipe_ring_full(r)) {
		size_t chunk = len - ret, done;
		struct pipe_buffer *buf;
		void *page = r->spare;

		if (chunk > PIPE_RING_PAGE_SIZE)
			chunk = PIPE_RING_PAGE_SIZE;
		if (!page)
			page = r->ops->alloc(r->ops_ctx);
		if (!page)
			return ret ? (long)ret : -ENOMEM;
		r->spare = NULL;
		done = copy(page, chunk, arg);
		/* As Linux: a page the copy faulted in is not added. */
		if (done < chunk) {
			put_page_or_keep(r, page);
			return ret ? (long)ret : -EFAULT;
		}
		buf = ring_buf(r, r->head++);
		buf->page = page;
		buf->offset = 0;
		buf->len = (unsigned int)chunk;
		buf->flags = packet ? PIPE_BUF_FLAG_PACKET : PIPE_BUF_FLAG_CAN_MERGE;
		r->len += chunk;
		ret += chunk;
	}
	return (long)ret;
}

long pipe_ring_read(struct pipe_ring *r, size_t len, pipe_copy_fn copy,
		    void *arg)
{
	size_t ret = 0;

	while (ret < len && !pipe_ring_empty(r)) {
		struct pipe_buffer *buf = ring_buf(r, r->tail);
		size_t chars = buf->len, done;

		if (chars > len - ret)
			chars = len - ret;
		done = copy((char *)buf->page + buf->offset, chars, arg);
		/* As Linux: bytes a faulting copy took stay in the pipe. */
		if (done < chars)
			return ret ? (long)ret : -EFAULT;
		ret += chars;
		if (buf->flags & PIPE_BUF_FLAG_PACKET)
			chars = buf->len;
		buf->offset += (unsigned int)chars;
		buf->len -= (unsigned int)chars;
		r->len -= chars;
		if (!buf->len) {
			bool packet = buf->flags & PIPE_BUF_FLAG_PACKET;

			put_page_or_keep(r, buf->page);
			*buf = (struct pipe_buffer){ 0 };
			r->tail++;
			if (packet)
				break;
		}
	}
	return (long)ret;
}
