/*
 * A byte ring buffer for one producer and one consumer, with no lock between
 * them: an interrupt handler fills it while a task drains it, on one CPU or
 * two. As in Linux's kfifo the size is a power of two and in/out are
 * free-running counters, so in - out is the fill level across every wrap.
 */
#ifndef BREENIX_KFIFO_H
#define BREENIX_KFIFO_H

#include <stdbool.h>

/*
 * Only the producer writes in and only the consumer writes out. Each side
 * publishes its counter with a release store and reads the other's with an
 * acquire load: the consumer sees the bytes before the new in, and the
 * producer never overwrites a slot before the consumer is done reading it.
 * Two producers (or two consumers) need a lock of their own around the calls.
 */
struct kfifo {
	unsigned char *buf;
	unsigned int mask;	/* size - 1 */
	unsigned int in;	/* bytes ever written */
	unsigned int out;	/* bytes ever read */
};

/* Zero in a constant expression, or a compile error when size is no power of two. */
#define KFIFO_POW2_CHECK(size) \
	((int)sizeof(struct { int : (-!!((size) < 2 || ((size) & ((size) - 1)))); }))

/* A static fifo over an array whose size is a power of two (checked). */
#define KFIFO_INIT(storage) {						\
	.buf = (storage),						\
	.mask = sizeof(storage) - 1 + KFIFO_POW2_CHECK(sizeof(storage)),	\
}

/* Returns 0, or -EINVAL unless size is a power of two from 2 to 2^31. */
int kfifo_init(struct kfifo *f, void *buf, unsigned int size);

static inline unsigned int kfifo_size(const struct kfifo *f)
{
	return f->mask + 1;
}

/* Bytes stored now; exact for the consumer, a lower bound for the producer. */
unsigned int kfifo_len(const struct kfifo *f);

/* Free bytes now; exact for the producer, a lower bound for the consumer. */
unsigned int kfifo_avail(const struct kfifo *f);

static inline bool kfifo_is_empty(const struct kfifo *f)
{
	return kfifo_len(f) == 0;
}

static inline bool kfifo_is_full(const struct kfifo *f)
{
	return kfifo_avail(f) == 0;
}

/* Producer: copies as much of src as fits; returns the bytes copied. */
unsigned int kfifo_put(struct kfifo *f, const void *src, unsigned int len);

/* Consumer: moves up to len bytes out; returns the bytes moved. */
unsigned int kfifo_get(struct kfifo *f, void *dst, unsigned int len);

/* Consumer: copies up to len bytes without removing them. */
unsigned int kfifo_peek(const struct kfifo *f, void *dst, unsigned int len);

/* Consumer: drops everything stored now; returns the bytes dropped. */
unsigned int kfifo_discard(struct kfifo *f);

#endif
