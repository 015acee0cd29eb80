/*
 * The lock-free single-producer single-consumer byte ring (see kfifo.h for
 * the ordering rules). Policy code, shared with the host tests.
 */
#include <string.h>
#include <breenix/errno.h>
#include <breenix/kfifo.h>

int kfifo_init(struct kfifo *f, void *buf, unsigned int size)
{
	if (size < 2 || size > 0x80000000u || (size & (size - 1)))
		return -EINVAL;
	f->buf = buf;
	f->mask = size - 1;
	f->in = 0;
	f->out = 0;
	return 0;
}

unsigned int kfifo_len(const struct kfifo *f)
{
	unsigned int out = __atomic_load_n(&f->out, __ATOMIC_ACQUIRE);

	return __atomic_load_n(&f->in, __ATOMIC_ACQUIRE) - out;
}

unsigned int kfifo_avail(const struct kfifo *f)
{
	return kfifo_size(f) - kfifo_len(f);
}

/* Copies len bytes starting at counter pos, in at most two pieces. */
static void copy_in(struct kfifo *f, unsigned int pos, const void *src,
		    unsigned int len)
{
	unsigned int off = pos & f->mask;
	unsigned int first = kfifo_size(f) - off;

	if (first > len)
		first = len;
	memcpy(f->buf + off, src, first);
	memcpy(f->buf, (const unsigned char *)src + first, len - first);
}

static void copy_out(const struct kfifo *f, unsigned int pos, void *dst,
		     unsigned int len)
{
	unsigned int off = pos & f->mask;
	unsigned int first = kfifo_size(f) - off;

	if (first > len)
		first = len;
	memcpy(dst, f->buf + off, first);
	memcpy((unsigned char *)dst + first, f->buf, len - first);
}

unsigned int kfifo_put(struct kfifo *f, const void *src, unsigned int len)
{
	/* Acquire: the consumer's reads of the slots we reuse are complete. */
	unsigned int out = __atomic_load_n(&f->out, __ATOMIC_ACQUIRE);
	unsigned int in = f->in;
	unsigned int room = kfifo_size(f) - (in - out);

	if (len > room)
		len = room;
	copy_in(f, in, src, len);
	/* Release: the bytes are in place before the consumer can see them. */
	__atomic_store_n(&f->in, in + len, __ATOMIC_RELEASE);
	return len;
}

/* Bytes the consumer may read now; acquire makes them visible. */
static unsigned int consumer_len(const struct kfifo *f, unsigned int out)
{
	return __atomic_load_n(&f->in, __ATOMIC_ACQUIRE) - out;
}

unsigned int kfifo_peek(const struct kfifo *f, void *dst, unsigned int len)
{
	unsigned int out = f->out;
	unsigned int have = consumer_len(f, out);

	if (len > have)
		len = have;
	copy_out(f, out, dst, len);
	return len;
}

unsigned int kfifo_get(struct kfifo *f, void *dst, unsigned int len)
{
	unsigned int out = f->out;

	len = kfifo_peek(f, dst, len);
	/* Release: our reads of the slots are done before the producer reuses them. */
	__atomic_store_n(&f->out, out + len, __ATOMIC_RELEASE);
	return len;
}

unsigned int kfifo_discard(struct kfifo *f)
{
	unsigned int out = f->out;
	unsigned int have = consumer_len(f, out);

	__atomic_store_n(&f->out, out + have, __ATOMIC_RELEASE);
	return have;
}
