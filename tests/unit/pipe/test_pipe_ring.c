/*
 * The pipe ring against a model: a plain byte queue that every accepted
 * write appends to and every read takes from the front of. Random writes
 * and reads check content, counts, page use and PIPE_BUF atomicity, with
 * the buffer counters started near their wrap; fixed cases check Linux's
 * capacities, merging and what faults leave behind.
 */
#include <check.h>
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <breenix/pipe_ring.h>
#include "unit.h"

#define CAPACITY	(PIPE_DEF_BUFFERS * PIPE_RING_PAGE_SIZE)

static long pages_live;
static long page_limit = -1;		/* -1: no limit */

static void *test_alloc(void *ctx)
{
	(void)ctx;
	if (page_limit >= 0 && pages_live >= page_limit)
		return NULL;
	pages_live++;
	return malloc(PIPE_RING_PAGE_SIZE);
}

static void test_free(void *ctx, void *page)
{
	(void)ctx;
	pages_live--;
	free(page);
}

static const struct pipe_page_ops test_ops = {
	.alloc = test_alloc,
	.free = test_free,
};

/* A source or sink over a flat buffer that faults after @limit bytes. */
struct cursor {
	unsigned char *p;
	size_t left;			/* bytes before the "fault" */
};

static size_t copy_in(void *buf, size_t len, void *arg)
{
	struct cursor *c = arg;

	if (len > c->left)
		len = c->left;
	memcpy(buf, c->p, len);
	c->p += len;
	c->left -= len;
	return len;
}

static size_t copy_out(void *buf, size_t len, void *arg)
{
	struct cursor *c = arg;

	if (len > c->left)
		len = c->left;
	memcpy(c->p, buf, len);
	c->p += len;
	c->left -= len;
	return len;
}

static struct pipe_buffer bufs[PIPE_DEF_BUFFERS];
static struct pipe_ring ring;

static void setup(void)
{
	pages_live = 0;
	page_limit = -1;
	pipe_ring_init(&ring, bufs, PIPE_DEF_BUFFERS, &test_ops, NULL);
}

static void teardown(void)
{
	pipe_ring_release(&ring);
	ck_assert_int_eq(pages_live, 0);
}

static long put(const void *src, size_t len)
{
	struct cursor c = { (unsigned char *)src, len };

	return pipe_ring_write(&ring, len, true, false, copy_in, &c);
}

static long get(void *dst, size_t len)
{
	struct cursor c = { dst, len };

	return pipe_ring_read(&ring, len, copy_out, &c);
}

/* Fills with writes of @size until one is refused; returns the bytes in. */
static size_t fill_with(size_t size)
{
	static unsigned char src[3 * PIPE_RING_PAGE_SIZE];
	size_t total = 0;
	long n;

	memset(src, 0x5a, sizeof(src));
	while ((n = put(src, size)) > 0)
		total += (size_t)n;
	ck_assert_int_eq(n, 0);
	return total;
}

START_TEST(capacity_as_linux)
{
	/* 1-byte writes merge into 16 full pages. */
	ck_assert_uint_eq(fill_with(1), CAPACITY);
	ck_assert(pipe_ring_full(&ring));
	pipe_ring_release(&ring);
	/* Page-sized writes take a buffer each. */
	ck_assert_uint_eq(fill_with(4096), CAPACITY);
	pipe_ring_release(&ring);
	/* 1000-byte writes: four share a page, the fifth needs a new one. */
	ck_assert_uint_eq(fill_with(1000), 64000);
	ck_assert_uint_eq(pipe_ring_occupancy(&ring), 16);
	pipe_ring_release(&ring);
	/* A big write fills what is free and says how much went in. */
	ck_assert_uint_eq(fill_with(3 * 4096), CAPACITY);
	ck_assert_uint_eq(pipe_ring_len(&ring), CAPACITY);
}
END_TEST

START_TEST(small_write_atomic_when_nearly_full)
{
	unsigned char src[PIPE_BUF] = { 0 };
	unsigned char dst[PIPE_BUF];
	unsigned int i;

	for (i = 0; i < PIPE_DEF_BUFFERS - 1; i++)
		ck_assert_int_eq(put(src, 4096), 4096);
	ck_assert_int_eq(put(src, 100), 100);	/* a new page for 100 bytes */
	ck_assert(pipe_ring_full(&ring));
	/* 3996 bytes are free in the last page: PIPE_BUF does not fit, so none goes in. */
	ck_assert_int_eq(put(src, PIPE_BUF), 0);
	ck_assert_int_eq(put(src, 3996), 3996);	/* merges whole */
	ck_assert_int_eq(put(src, 1), 0);
	ck_assert_uint_eq(pipe_ring_len(&ring), CAPACITY);
	/* Reading part of a page frees no buffer: still full. */
	ck_assert_int_eq(get(dst, 10), 10);
	ck_assert(pipe_ring_full(&ring));
	ck_assert_int_eq(get(dst, 4086), 4086);
	ck_assert(!pipe_ring_full(&ring));
	ck_assert_int_eq(put(src, PIPE_BUF), PIPE_BUF);
}
END_TEST

START_TEST(big_write_partial_then_rest)
{
	static unsigned char src[CAPACITY + 5000], dst[CAPACITY + 5000];
	size_t i, in, out = 0;
	long n;

	for (i = 0; i < sizeof(src); i++)
		src[i] = (unsigned char)(i * 7 + 3);
	n = put(src, sizeof(src));
	ck_assert_int_eq(n, CAPACITY);
	in = (size_t)n;
	n = get(dst, 8192);
	ck_assert_int_eq(n, 8192);
	out += (size_t)n;
	/* The rest of the same write: no merging past its first step. */
	{
		struct cursor c = { src + in, sizeof(src) - in };

		n = pipe_ring_write(&ring, sizeof(src) - in, false, false, copy_in, &c);
	}
	ck_assert_int_eq(n, 5000);
	while ((n = get(dst + out, 3000)) > 0)
		out += (size_t)n;
	ck_assert_uint_eq(out, sizeof(src));
	ck_assert(!memcmp(src, dst, sizeof(src)));
	ck_assert(pipe_ring_empty(&ring));
	ck_assert_uint_eq(pipe_ring_len(&ring), 0);
	/* Drained: at most the spare page stays. */
	ck_assert_int_le(pages_live, 1);
}
END_TEST

START_TEST(faults)
{
	unsigned char src[3 * 4096], dst[3 * 4096];
	struct cursor c;
	long n;

	memset(src, 1, sizeof(src));
	/* A fault at once: nothing goes in. */
	c = (struct cursor){ src, 0 };
	ck_assert_int_eq(pipe_ring_write(&ring, 100, true, false, copy_in, &c), -EFAULT);
	ck_assert(pipe_ring_empty(&ring));
	/* A fault in the second page keeps the first whole page only. */
	c = (struct cursor){ src, 4096 + 10 };
	ck_assert_int_eq(pipe_ring_write(&ring, sizeof(src), true, false, copy_in, &c), 4096);
	ck_assert_uint_eq(pipe_ring_len(&ring), 4096);
	/* A merge that faults keeps none of its bytes. */
	ck_assert_int_eq(get(dst, 4000), 4000);
	c = (struct cursor){ src, 5 };
	ck_assert_int_eq(pipe_ring_write(&ring, 50, true, false, copy_in, &c), -EFAULT);
	ck_assert_uint_eq(pipe_ring_len(&ring), 96);
	/* A read that faults leaves the bytes it could not deliver. */
	ck_assert_int_eq(put(src, 50), 50);
	c = (struct cursor){ dst, 0 };
	ck_assert_int_eq(pipe_ring_read(&ring, 10, copy_out, &c), -EFAULT);
	c = (struct cursor){ dst, 20 };
	n = pipe_ring_read(&ring, 146, copy_out, &c);
	ck_assert_int_eq(n, -EFAULT);	/* the first buffer's 146 did not fit in 20 */
	ck_assert_uint_eq(pipe_ring_len(&ring), 146);
	ck_assert_int_eq(get(dst, 146), 146);
}
END_TEST

START_TEST(out_of_pages)
{
	unsigned char src[2 * 4096] = { 0 };

	page_limit = 1;
	ck_assert_int_eq(put(src, sizeof(src)), 4096);
	ck_assert_int_eq(put(src, 4096), -ENOMEM);
	ck_assert_int_eq(put(src, 0), 0);
	page_limit = -1;
	ck_assert_int_eq(put(src, 4096), 4096);
}
END_TEST

START_TEST(packets)
{
	unsigned char src[5000], dst[5000];
	struct cursor c;
	size_t i;

	for (i = 0; i < sizeof(src); i++)
		src[i] = (unsigned char)i;
	c = (struct cursor){ src, 10 };
	ck_assert_int_eq(pipe_ring_write(&ring, 10, true, true, copy_in, &c), 10);
	c = (struct cursor){ src, 20 };
	ck_assert_int_eq(pipe_ring_write(&ring, 20, true, true, copy_in, &c), 20);
	ck_assert_uint_eq(pipe_ring_occupancy(&ring), 2);	/* no merging */
	/* One packet per read, however big the buffer. */
	ck_assert_int_eq(get(dst, sizeof(dst)), 10);
	/* A short read takes the packet's start and drops the rest. */
	ck_assert_int_eq(get(dst, 5), 5);
	ck_assert(!memcmp(dst, src, 5));
	ck_assert(pipe_ring_empty(&ring));
	ck_assert_uint_eq(pipe_ring_len(&ring), 0);
	/* Bigger than a page: a packet per page. */
	c = (struct cursor){ src, sizeof(src) };
	ck_assert_int_eq(pipe_ring_write(&ring, sizeof(src), true, true, copy_in, &c),
			 sizeof(src));
	ck_assert_int_eq(get(dst, sizeof(dst)), 4096);
	ck_assert_int_eq(get(dst, sizeof(dst)), 5000 - 4096);
	ck_assert(!memcmp(dst, src + 4096, 5000 - 4096));
	/* A plain write does not join a packet. */
	c = (struct cursor){ src, 1 };
	ck_assert_int_eq(pipe_ring_write(&ring, 1, true, true, copy_in, &c), 1);
	ck_assert_int_eq(put(src, 1), 1);
	ck_assert_uint_eq(pipe_ring_occupancy(&ring), 2);
}
END_TEST

/* xorshift64*: a fixed sequence, so a failure reproduces. */
static uint64_t rng_state;

static uint32_t rng(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return (uint32_t)((rng_state * 2685821657736338717ULL) >> 32);
}

#define MODEL_MAX	(1 << 20)

/* The model: bytes written and not yet read. */
static unsigned char model[MODEL_MAX];
static size_t model_head, model_tail;

/*
 * Each write is a message whose bytes all carry its writer's tag and a
 * sequence number, so a message split or interleaved would show.
 */
static void random_ops(unsigned int start, uint64_t seed, unsigned int ops)
{
	static unsigned char src[3 * PIPE_RING_PAGE_SIZE], dst[3 * PIPE_RING_PAGE_SIZE];
	unsigned int i;

	rng_state = seed;
	model_head = model_tail = 0;
	ring.head = ring.tail = start;
	for (i = 0; i < ops; i++) {
		uint32_t r = rng();
		size_t len;
		long n;

		if (r & 1) {
			/* Mostly PIPE_BUF or less, sometimes more. */
			len = (r >> 8) % 8 ? 1 + (r >> 12) % PIPE_BUF
					   : 1 + (r >> 12) % sizeof(src);
			memset(src, (int)(i & 0xff), len);
			n = put(src, len);
			CHECK(n >= 0, "write %ld", n);
			if (len <= PIPE_BUF)
				CHECK(n == 0 || (size_t)n == len,
				      "op %u: write of %zu split: %ld", i, len, n);
			if (n == 0)
				CHECK(pipe_ring_full(&ring),
				      "op %u: refused with a buffer free", i);
			CHECK(model_head + (size_t)n <= MODEL_MAX, "model full");
			memcpy(model + model_head, src, (size_t)n);
			model_head += (size_t)n;
		} else {
			len = 1 + (r >> 8) % sizeof(dst);
			n = get(dst, len);
			CHECK(n >= 0, "read %ld", n);
			CHECK((size_t)n == (len < model_head - model_tail ?
					    len : model_head - model_tail),
			      "op %u: read %ld of %zu", i, n, len);
			CHECK(!memcmp(dst, model + model_tail, (size_t)n),
			      "op %u: wrong bytes", i);
			model_tail += (size_t)n;
			if (model_tail == model_head)
				model_head = model_tail = 0;
		}
		CHECK(ring.len == model_head - model_tail, "op %u: len %zu, model %zu",
		      i, ring.len, model_head - model_tail);
		CHECK(ring.len <= CAPACITY, "over capacity");
		CHECK(pipe_ring_occupancy(&ring) <= PIPE_DEF_BUFFERS, "over buffers");
		CHECK(pages_live <= (long)pipe_ring_occupancy(&ring) + 1,
		      "op %u: %ld pages for %u buffers", i, pages_live,
		      pipe_ring_occupancy(&ring));
	}
}

START_TEST(random_against_model)
{
	random_ops(0, 0x9e3779b97f4a7c15ULL + (uint64_t)_i, 200000);
}
END_TEST

START_TEST(random_across_counter_wrap)
{
	random_ops(UINT_MAX - 7, 0x2545f4914f6cdd1dULL + (uint64_t)_i, 200000);
	ck_assert(ring.head < 0x10000000u);	/* the counters did wrap */
}
END_TEST

Suite *unit_suite(void)
{
	Suite *s = suite_create("pipe_ring");
	TCase *tc = tcase_create("ring");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, capacity_as_linux);
	tcase_add_test(tc, small_write_atomic_when_nearly_full);
	tcase_add_test(tc, big_write_partial_then_rest);
	tcase_add_test(tc, faults);
	tcase_add_test(tc, out_of_pages);
	tcase_add_test(tc, packets);
	tcase_add_loop_test(tc, random_against_model, 0, 3);
	tcase_add_loop_test(tc, random_across_counter_wrap, 0, 2);
	tcase_set_timeout(tc, 60);
	suite_add_tcase(s, tc);
	return s;
}
