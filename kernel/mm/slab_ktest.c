/*
 * In-kernel tests of the slab allocator over the real page allocator: every
 * kmalloc class, zeroing, memory coming back after a burst, true exhaustion,
 * and corruption reports (caught by a hook rather than panicking).
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <breenix/ktest.h>
#include <breenix/mm.h>
#include <breenix/slab.h>

/* Until kmain calls slab_init() the tests fail rather than fault. */
#define KT_NEED_SLAB() \
	KT_ASSERT_MSG(slab_is_available(), "slab_init() has not run")

static bool bytes_are(const void *p, size_t n, unsigned char v)
{
	const unsigned char *b = p;

	for (; n; n--, b++)
		if (*b != v)
			return false;
	return true;
}

static const size_t test_sizes[] = {
	1, 7, 8, 9, 16, 17, 32, 33, 64, 65, 96, 97, 128, 129, 192, 193, 256,
	257, 512, 513, 1024, 1025, 2048, 2049, 4096, 4097, 8192, 8193, 20000,
	100000,
};

#define NSIZES	(sizeof(test_sizes) / sizeof(test_sizes[0]))

KTEST(slab_kmalloc_every_class)
{
	unsigned char *p[NSIZES];
	size_t i;

	KT_NEED_SLAB();
	for (i = 0; i < NSIZES; i++) {
		p[i] = kmalloc(test_sizes[i], GFP_KERNEL);
		KT_ASSERT_MSG(p[i], "kmalloc(%zu) failed", test_sizes[i]);
		KT_ASSERT(ksize(p[i]) >= test_sizes[i]);
		memset(p[i], (int)i + 1, test_sizes[i]);
	}
	for (i = 0; i < NSIZES; i++)
		KT_ASSERT_MSG(bytes_are(p[i], test_sizes[i], i + 1),
			      "kmalloc(%zu) overwritten", test_sizes[i]);
	for (i = 0; i < NSIZES; i++)
		kfree(p[i]);
	KT_ASSERT(kmalloc(0, GFP_KERNEL) == ZERO_SIZE_PTR);
}

KTEST(slab_kzalloc_reads_zero)
{
	size_t i;

	KT_NEED_SLAB();
	for (i = 0; i < NSIZES; i++) {
		unsigned char *p = kmalloc(test_sizes[i], GFP_KERNEL);

		KT_ASSERT(p);
		memset(p, 0xff, ksize(p));
		kfree(p);
		p = kzalloc(test_sizes[i], GFP_KERNEL);
		KT_ASSERT(p);
		KT_ASSERT_MSG(bytes_are(p, ksize(p), 0), "kzalloc(%zu)",
			      test_sizes[i]);
		kfree(p);
	}
}

#define BURST	4000

/* Memory taken by a burst of allocations all comes back. */
KTEST(slab_burst_returns_pages)
{
	static void *p[BURST];
	struct mem_stats before, during, after;
	size_t i;

	KT_NEED_SLAB();
	kmem_cache_shrink_all();
	mm_get_stats(&before);
	for (i = 0; i < BURST; i++) {
		p[i] = kmalloc(test_sizes[i % NSIZES], GFP_KERNEL);
		KT_ASSERT_MSG(p[i], "allocation %zu failed", i);
	}
	mm_get_stats(&during);
	for (i = 0; i < BURST; i++)
		kfree(p[i]);
	kmem_cache_shrink_all();
	mm_get_stats(&after);
	KT_ASSERT(during.free_pages < before.free_pages);
	KT_ASSERT_EQ(after.free_pages, before.free_pages);
}

static int ctor_runs;

static void ctor_mark(void *obj)
{
	ctor_runs++;
	memset(obj, 0x3c, 72);
}

KTEST(slab_cache_ctor_and_align)
{
	struct kmem_cache *c;
	void *p[100];
	size_t i;

	KT_NEED_SLAB();
	c = kmem_cache_create("ktest-ctor", 72, 64, ctor_mark);
	KT_ASSERT(c);
	for (i = 0; i < 100; i++) {
		p[i] = kmem_cache_alloc(c, GFP_KERNEL);
		KT_ASSERT(p[i]);
		KT_ASSERT_EQ((uintptr_t)p[i] % 64, 0);
		KT_ASSERT(bytes_are(p[i], 72, 0x3c));
	}
	KT_ASSERT(ctor_runs >= 100);
	for (i = 0; i < 100; i++)
		kmem_cache_free(c, p[i]);
	kmem_cache_destroy(c);
}

KTEST(slab_krealloc_keeps_contents)
{
	unsigned char *p;
	size_t i;

	KT_NEED_SLAB();
	p = kmalloc(10, GFP_KERNEL);
	KT_ASSERT(p);
	for (i = 0; i < 10; i++)
		p[i] = i;
	p = krealloc(p, 30000, GFP_KERNEL);
	KT_ASSERT(p);
	for (i = 0; i < 10; i++)
		KT_ASSERT_EQ(p[i], i);
	p = krealloc(p, 5, GFP_KERNEL);
	KT_ASSERT(p);
	for (i = 0; i < 5; i++)
		KT_ASSERT_EQ(p[i], i);
	kfree(p);
}

/*
 * Takes every page the allocator has, in 1 MiB blocks, then 8 KiB, then
 * 64-byte objects (chained through their first word), until each says NULL.
 */
static void **exhaust(void **chain, size_t size)
{
	void **p;

	while ((p = kmalloc(size, GFP_KERNEL))) {
		*p = chain;
		chain = p;
	}
	return chain;
}

KTEST(slab_exhaustion_returns_null)
{
	struct mem_stats before, after;
	void **chain = NULL;

	KT_NEED_SLAB();
	KT_ASSERT(!kmalloc(PAGE_SIZE << MAX_ORDER, GFP_KERNEL));
	KT_ASSERT(!kmalloc(SIZE_MAX, GFP_KERNEL));
	kmem_cache_shrink_all();
	mm_get_stats(&before);
	chain = exhaust(chain, 1 << 20);
	chain = exhaust(chain, 8192);
	chain = exhaust(chain, 64);
	KT_ASSERT(!kzalloc(64, GFP_KERNEL));
	while (chain) {
		void **next = *chain;

		kfree(chain);
		chain = next;
	}
	kmem_cache_shrink_all();
	mm_get_stats(&after);
	KT_ASSERT_EQ(after.free_pages, before.free_pages);
}

static int caught;
static char caught_msg[192];

static void catch_report(const char *msg)
{
	caught++;
	snprintf(caught_msg, sizeof(caught_msg), "%s", msg);
}

#define KT_ASSERT_REPORT(n, text)					\
	KT_ASSERT_MSG(caught == (n) && strstr(caught_msg, text),	\
		      "%d reports, last \"%s\"; want \"%s\"", caught,	\
		      caught_msg, text)

/* Each kind of corruption, in a debug cache c, yields one clear report. */
static void provoke_reports(struct ktest_ctx *t, struct kmem_cache *c)
{
	unsigned char *p, *q;

	p = kmem_cache_alloc(c, GFP_KERNEL);
	q = kmem_cache_alloc(c, GFP_KERNEL);
	KT_ASSERT(p && q);
	kmem_cache_free(c, p);
	kmem_cache_free(c, q);
	kmem_cache_free(c, p);
	KT_ASSERT_REPORT(1, "double free");

	p = kmem_cache_alloc(c, GFP_KERNEL);
	kmem_cache_free(c, p);
	p[3] = 1;
	q = kmem_cache_alloc(c, GFP_KERNEL);
	KT_ASSERT(q == p);
	KT_ASSERT_REPORT(2, "write after free");

	q[40] = 0;
	kmem_cache_free(c, q);
	KT_ASSERT_REPORT(3, "buffer overrun");

	p = kmalloc(64, GFP_KERNEL);
	KT_ASSERT(p);
	kfree(p + 1);
	KT_ASSERT_REPORT(4, "not the start of an object");
	kfree(p);
	KT_ASSERT_EQ(caught, 4);
}

/*
 * The reports panic for real; a hook lets the test see them instead, and is
 * removed whatever the outcome.
 */
KTEST(slab_reports_corruption)
{
	struct kmem_cache *c;
	slab_report_fn old;
	bool was_debug;

	KT_NEED_SLAB();
	was_debug = slab_debug_enabled();
	slab_set_debug(true);
	c = kmem_cache_create("ktest-debug", 40, 0, NULL);
	slab_set_debug(was_debug);
	KT_ASSERT(c);

	caught = 0;
	old = slab_set_report_hook(catch_report);
	provoke_reports(t, c);
	slab_set_report_hook(old);
	kmem_cache_destroy(c);
}
