/*
 * Walking an iov_iter segment by segment: each step copies what fits in the
 * current segment with memcpy (kernel) or the uaccess primitives (user),
 * and a fault stops the walk with what was done, as Linux's iterators do.
 */
#include <string.h>
#include <breenix/errno.h>
#include <breenix/slab.h>
#include <breenix/uaccess.h>
#include <breenix/uio.h>

void iov_iter_kbuf(struct iov_iter *i, struct iovec *seg, void *buf, size_t len)
{
	seg->iov_base = buf;
	seg->iov_len = len;
	i->type = ITER_KVEC;
	i->iov = seg;
	i->nr_segs = 1;
	i->iov_offset = 0;
	i->count = len;
}

void iov_iter_ubuf(struct iov_iter *i, struct iovec *seg, void *ubuf, size_t len)
{
	iov_iter_kbuf(i, seg, ubuf, len < MAX_RW_COUNT ? len : MAX_RW_COUNT);
	i->type = ITER_UVEC;
}

long import_iovec(const struct iovec *uvec, unsigned long nr_segs,
		  struct iovec fast[UIO_FASTIOV], struct iovec **alloc,
		  struct iov_iter *i)
{
	struct iovec *iov = fast;
	size_t total = 0;
	unsigned long s;

	*alloc = NULL;
	if (nr_segs > UIO_MAXIOV)
		return -EINVAL;
	if (nr_segs > UIO_FASTIOV) {
		iov = kmalloc(nr_segs * sizeof(*iov), GFP_KERNEL);
		if (!iov)
			return -ENOMEM;
		*alloc = iov;
	}
	if (copy_from_user(iov, uvec, nr_segs * sizeof(*iov)))
		goto fault;
	for (s = 0; s < nr_segs; s++) {
		/* Linux: a length that is negative as ssize_t is EINVAL;
		 * the sum is capped, the later segments shortened. */
		if ((long)iov[s].iov_len < 0) {
			kfree(*alloc);
			*alloc = NULL;
			return -EINVAL;
		}
		if (iov[s].iov_len > MAX_RW_COUNT - total)
			iov[s].iov_len = MAX_RW_COUNT - total;
		total += iov[s].iov_len;
	}
	i->type = ITER_UVEC;
	i->iov = iov;
	i->nr_segs = nr_segs;
	i->iov_offset = 0;
	i->count = total;
	return (long)total;
fault:
	kfree(*alloc);
	*alloc = NULL;
	return -EFAULT;
}

void iov_iter_truncate(struct iov_iter *i, size_t count)
{
	if (i->count > count)
		i->count = count;
}

void iov_iter_advance(struct iov_iter *i, size_t bytes)
{
	if (bytes > i->count)
		bytes = i->count;
	i->count -= bytes;
	while (bytes) {
		size_t left = i->iov->iov_len - i->iov_offset;

		if (bytes < left) {
			i->iov_offset += bytes;
			return;
		}
		bytes -= left;
		i->iov++;
		i->nr_segs--;
		i->iov_offset = 0;
	}
}

/* The next piece of the current segment: at most @bytes, skipping empties. */
static size_t next_chunk(struct iov_iter *i, size_t bytes, char **base)
{
	size_t n;

	while (i->nr_segs && i->iov_offset == i->iov->iov_len) {
		i->iov++;
		i->nr_segs--;
		i->iov_offset = 0;
	}
	if (!i->count || !i->nr_segs)
		return 0;
	n = i->iov->iov_len - i->iov_offset;
	if (n > bytes)
		n = bytes;
	if (n > i->count)
		n = i->count;
	*base = (char *)i->iov->iov_base + i->iov_offset;
	return n;
}

size_t copy_to_iter(const void *src, size_t bytes, struct iov_iter *i)
{
	const char *from = src;
	size_t done = 0, n;
	char *base;

	while ((n = next_chunk(i, bytes - done, &base))) {
		size_t left = 0;

		if (i->type == ITER_KVEC)
			memcpy(base, from + done, n);
		else
			left = copy_to_user_partial(base, from + done, n);
		done += n - left;
		iov_iter_advance(i, n - left);
		if (left)
			break;
	}
	return done;
}

size_t copy_from_iter(void *dst, size_t bytes, struct iov_iter *i)
{
	char *to = dst;
	size_t done = 0, n;
	char *base;

	while ((n = next_chunk(i, bytes - done, &base))) {
		size_t left = 0;

		if (i->type == ITER_KVEC)
			memcpy(to + done, base, n);
		else
			left = copy_from_user_partial(to + done, base, n);
		done += n - left;
		iov_iter_advance(i, n - left);
		if (left)
			break;
	}
	return done;
}

size_t iov_iter_zero(size_t bytes, struct iov_iter *i)
{
	size_t done = 0, n;
	char *base;

	while ((n = next_chunk(i, bytes - done, &base))) {
		size_t left = 0;

		if (i->type == ITER_KVEC)
			memset(base, 0, n);
		else
			left = clear_user_partial(base, n);
		done += n - left;
		iov_iter_advance(i, n - left);
		if (left)
			break;
	}
	return done;
}
