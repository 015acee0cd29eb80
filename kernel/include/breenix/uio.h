/*
 * Where the bytes of a read or write go or come from, as Linux's iov_iter:
 * kernel buffers (kvec) or user buffers (an iovec array already copied into
 * the kernel, whose bases are user pointers). Filesystems and drivers copy
 * with copy_to_iter/copy_from_iter and never see the difference; a user
 * buffer that faults ends the copy short, and the caller reports what was
 * done or -EFAULT when nothing was.
 */
#ifndef BREENIX_UIO_H
#define BREENIX_UIO_H

#include <stdbool.h>
#include <stddef.h>
#include <uapi/linux/uio.h>

/* Linux's MAX_RW_COUNT: one read or write moves at most this many bytes. */
#define MAX_RW_COUNT	0x7ffff000UL

enum iter_type {
	ITER_KVEC,			/* kernel buffers */
	ITER_UVEC,			/* user buffers */
};

struct iov_iter {
	enum iter_type type;
	const struct iovec *iov;	/* the current segment */
	unsigned long nr_segs;		/* segments from iov on */
	size_t iov_offset;		/* bytes done in the current segment */
	size_t count;			/* bytes left in all */
};

/* One kernel buffer. */
void iov_iter_kbuf(struct iov_iter *i, struct iovec *seg, void *buf, size_t len);
/* One user buffer; its range is checked as it is copied. */
void iov_iter_ubuf(struct iov_iter *i, struct iovec *seg, void *ubuf, size_t len);
/*
 * readv/writev: copies @nr_segs iovecs from user memory into @fast (when
 * UIO_FASTIOV are enough) or a kmalloc'd array returned in *@alloc (kfree
 * it after, NULL otherwise), and sets up @i over them. The total is capped
 * at MAX_RW_COUNT as Linux caps it. -EINVAL for a count over UIO_MAXIOV or
 * a length that does not fit ssize_t, -EFAULT, -ENOMEM.
 */
long import_iovec(const struct iovec *uvec, unsigned long nr_segs,
		  struct iovec fast[UIO_FASTIOV], struct iovec **alloc,
		  struct iov_iter *i);

static inline size_t iov_iter_count(const struct iov_iter *i)
{
	return i->count;
}

/* Limits the bytes left to @count (a file size, a pipe's room). */
void iov_iter_truncate(struct iov_iter *i, size_t count);
void iov_iter_advance(struct iov_iter *i, size_t bytes);
/* Copies out of or into the iterator; returns bytes copied, short on a fault. */
size_t copy_to_iter(const void *src, size_t bytes, struct iov_iter *i);
size_t copy_from_iter(void *dst, size_t bytes, struct iov_iter *i);
/* Writes @bytes zeros (reads of holes and /dev/zero). */
size_t iov_iter_zero(size_t bytes, struct iov_iter *i);

#endif
