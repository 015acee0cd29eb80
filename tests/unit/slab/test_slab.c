/*
 * The slab allocator and kmalloc on the host, over fake pages: sizes and
 * alignments, reuse, slabs going back, large allocations, krealloc, ctors,
 * out of memory, and a long random run against a model. Loop tests run
 * with debugging off (_i == 0) and on (_i == 1).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <breenix/cmdline.h>
#include "fake_kernel.h"
#include "fake_mm.h"
#include "test_slab.h"
#include "unit.h"

int reports;
char last_report[256];

/* Check's assertions are slow in hot loops: fail with a message instead. */
#define EXPECT(cond, ...)						\
	do {								\
		if (!(cond))						\
			ck_abort_msg(__VA_ARGS__);			\
	} while (0)

static void capture_report(const char *msg)
{
	reports++;
	snprintf(last_report, sizeof(last_report), "%s", msg);
}

void slab_start(bool debug)
{
	fake_mm_reset();
	cmdline_init("");
	slab_set_debug(debug);
	slab_init();
	slab_set_report_hook(capture_report);
	reports = 0;
	last_report[0] = '\0';
}

void expect_report(const char *text, const char *text2)
{
	ck_assert_msg(reports == 1, "%d reports (last \"%s\"), expected one with \"%s\"",
		      reports, last_report, text);
	ck_assert_msg(strstr(last_report, text), "report \"%s\" lacks \"%s\"",
		      last_report, text);
	if (text2)
		ck_assert_msg(strstr(last_report, text2),
			      "report \"%s\" lacks \"%s\"", last_report, text2);
	reports = 0;
}

void expect_no_report(void)
{
	ck_assert_msg(reports == 0, "%d unexpected reports, last \"%s\"",
		      reports, last_report);
}

struct slab_stats cache_stats(const char *name)
{
	struct slab_stats st[64];
	size_t n = slab_get_stats(st, 64), i;

	ck_assert_uint_le(n, 64);
	for (i = 0; i < n; i++)
		if (!strcmp(st[i].name, name))
			return st[i];
	ck_abort_msg("no cache %s", name);
}

long pages_after_shrink(void)
{
	kmem_cache_shrink_all();
	return fake_mm_pages_in_use();
}

static bool all_bytes(const void *p, size_t n, unsigned char v)
{
	const unsigned char *b = p;

	for (; n; n--, b++)
		if (*b != v)
			return false;
	return true;
}

START_TEST(test_kmalloc_every_size)
{
	long base;
	size_t size;

	slab_start(_i);
	base = pages_after_shrink();
	for (size = 1; size <= KMALLOC_MAX_CACHE_SIZE; size++) {
		unsigned char *p[3];
		int k;

		for (k = 0; k < 3; k++) {
			p[k] = kmalloc(size, GFP_KERNEL);
			EXPECT(p[k], "kmalloc(%zu) failed", size);
			EXPECT(ksize(p[k]) >= size &&
			       ksize(p[k]) == kmalloc_size_roundup(size),
			       "ksize %zu for kmalloc(%zu)", ksize(p[k]), size);
			EXPECT((uintptr_t)p[k] % 8 == 0, "kmalloc(%zu) = %p", size,
			       (void *)p[k]);
			memset(p[k], k + 1, ksize(p[k]));
		}
		for (k = 0; k < 3; k++)
			EXPECT(all_bytes(p[k], ksize(p[k]), k + 1),
			       "kmalloc(%zu) objects overlap", size);
		for (k = 0; k < 3; k++)
			kfree(p[k]);
	}
	expect_no_report();
	ck_assert_int_eq(pages_after_shrink(), base);
}
END_TEST

START_TEST(test_kmalloc_classes)
{
	static const struct { size_t ask, got, align; } cases[] = {
		{ 1, 8, 8 }, { 8, 8, 8 }, { 9, 16, 16 }, { 17, 32, 32 },
		{ 33, 64, 64 }, { 65, 96, 32 }, { 96, 96, 32 }, { 97, 128, 128 },
		{ 129, 192, 64 }, { 193, 256, 256 }, { 257, 512, 512 },
		{ 1000, 1024, 1024 }, { 2048, 2048, 2048 }, { 2049, 4096, 4096 },
		{ 4097, 8192, 4096 }, { 8192, 8192, 4096 }, { 8193, 16384, 4096 },
		{ 12288, 16384, 4096 }, { 16385, 32768, 4096 },
	};
	size_t i;
	int k;

	slab_start(_i);
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		void *p[4];

		ck_assert_uint_eq(kmalloc_size_roundup(cases[i].ask), cases[i].got);
		for (k = 0; k < 4; k++) {
			p[k] = kmalloc(cases[i].ask, GFP_KERNEL);
			ck_assert_ptr_nonnull(p[k]);
			ck_assert_uint_eq(ksize(p[k]), cases[i].got);
			ck_assert_msg((uintptr_t)p[k] % cases[i].align == 0,
				      "kmalloc(%zu) = %p not aligned to %zu",
				      cases[i].ask, p[k], cases[i].align);
		}
		for (k = 0; k < 4; k++)
			kfree(p[k]);
	}
	expect_no_report();
}
END_TEST

/* Slabs waste little: at most an eighth, nothing from 512 bytes up. */
START_TEST(test_kmalloc_layout)
{
	char name[KMEM_CACHE_NAME_LEN];
	struct slab_stats st;
	size_t size;

	slab_start(false);
	for (size = 8; size <= KMALLOC_MAX_CACHE_SIZE; size++) {
		size_t bytes;

		if (kmalloc_size_roundup(size) != size)
			continue;
		snprintf(name, sizeof(name), "kmalloc-%zu", size);
		st = cache_stats(name);
		bytes = st.pages_per_slab * PAGE_SIZE;
		ck_assert_uint_eq(st.object_size, size);
		ck_assert_uint_eq(st.stride, size);
		ck_assert_msg(st.objs_per_slab * st.stride * 8 >= bytes * 7,
			      "%s: %u objects in %zu bytes", name,
			      st.objs_per_slab, bytes);
		if (size >= 512)
			ck_assert_uint_eq(st.objs_per_slab * st.stride, bytes);
	}
	ck_assert_uint_eq(cache_stats("kmalloc-4096").pages_per_slab, 1);
	ck_assert_uint_eq(cache_stats("kmalloc-8192").pages_per_slab, 2);
}
END_TEST

START_TEST(test_cache_sizes_and_alignments)
{
	static const size_t sizes[] = {
		1, 3, 8, 13, 24, 33, 64, 100, 250, 511, 512, 513, 1000, 2047,
		3000, 4095, 4096, 5000, 8192, 9000, 20000, 70000,
	};
	static const size_t aligns[] = { 0, 8, 16, 64, 256, 1024, 4096 };
	static unsigned char *objs[1200];
	size_t si, ai, i, n;
	long base;

	slab_start(_i);
	base = pages_after_shrink();
	for (si = 0; si < sizeof(sizes) / sizeof(sizes[0]); si++) {
		for (ai = 0; ai < sizeof(aligns) / sizeof(aligns[0]); ai++) {
			size_t size = sizes[si];
			size_t align = aligns[ai] ? aligns[ai] : 8;
			struct kmem_cache *c;
			struct slab_stats st;

			c = kmem_cache_create("sized", size, aligns[ai], NULL);
			EXPECT(c, "create(%zu, %zu) failed", size, align);
			st = cache_stats("sized");
			EXPECT(st.objs_per_slab >= 1 &&
			       st.stride * st.objs_per_slab <=
			       st.pages_per_slab * PAGE_SIZE,
			       "layout of %zu/%zu: %u objects of %zu in %u pages",
			       size, align, st.objs_per_slab, st.stride,
			       st.pages_per_slab);
			n = 2 * st.objs_per_slab + 1;
			if (n > 1200)
				n = 1200;
			for (i = 0; i < n; i++) {
				objs[i] = kmem_cache_alloc(c, GFP_KERNEL);
				EXPECT(objs[i], "alloc %zu of %zu/%zu", i, size, align);
				EXPECT((uintptr_t)objs[i] % align == 0,
				       "%p not aligned to %zu", (void *)objs[i], align);
				EXPECT(ksize(objs[i]) == size, "ksize %zu of %zu",
				       ksize(objs[i]), size);
				memset(objs[i], (int)(i * 7 + 1), size);
			}
			for (i = 0; i < n; i++)
				EXPECT(all_bytes(objs[i], size, (i * 7 + 1) & 0xff),
				       "%zu/%zu: object %zu overwritten", size, align, i);
			/* Odd ones first, so slabs pass through partial. */
			for (i = 1; i < n; i += 2)
				kmem_cache_free(c, objs[i]);
			for (i = 0; i < n; i += 2)
				kmem_cache_free(c, objs[i]);
			kmem_cache_destroy(c);
			expect_no_report();
			EXPECT(pages_after_shrink() == base,
			       "%zu/%zu: %ld pages kept", size, align,
			       pages_after_shrink() - base);
		}
	}
}
END_TEST

START_TEST(test_create_rejects_bad_arguments)
{
	long base;

	slab_start(false);
	base = pages_after_shrink();
	ck_assert_ptr_null(kmem_cache_create("zero", 0, 0, NULL));
	ck_assert_ptr_null(kmem_cache_create("odd", 16, 3, NULL));
	ck_assert_ptr_null(kmem_cache_create("odd", 16, 24, NULL));
	ck_assert_ptr_null(kmem_cache_create("wide", 16, 2 * PAGE_SIZE, NULL));
	ck_assert_ptr_null(kmem_cache_create("huge", PAGE_SIZE << MAX_ORDER,
					     0, NULL));
	ck_assert_ptr_null(kmem_cache_create("huge", SIZE_MAX, 0, NULL));
	ck_assert_int_eq(pages_after_shrink(), base);
}
END_TEST

START_TEST(test_long_name_truncated)
{
	static const char name[] = "a-cache-name-well-beyond-thirty-two-bytes";
	char want[KMEM_CACHE_NAME_LEN];
	struct kmem_cache *c;

	slab_start(false);
	c = kmem_cache_create(name, 40, 0, NULL);
	ck_assert_ptr_nonnull(c);
	memcpy(want, name, sizeof(want) - 1);
	want[sizeof(want) - 1] = '\0';
	ck_assert_str_eq(cache_stats(want).name, want);
	kmem_cache_destroy(c);
}
END_TEST

START_TEST(test_reuse_is_lifo)
{
	void *a, *b, *p[10];
	struct kmem_cache *c;
	int i;

	slab_start(_i);
	a = kmalloc(64, GFP_KERNEL);
	kfree(a);
	b = kmalloc(64, GFP_KERNEL);
	ck_assert_ptr_eq(a, b);
	kfree(b);

	c = kmem_cache_create("lifo", 40, 0, NULL);
	for (i = 0; i < 10; i++)
		p[i] = kmem_cache_alloc(c, GFP_KERNEL);
	kmem_cache_free(c, p[3]);
	kmem_cache_free(c, p[7]);
	ck_assert_ptr_eq(kmem_cache_alloc(c, GFP_KERNEL), p[7]);
	ck_assert_ptr_eq(kmem_cache_alloc(c, GFP_KERNEL), p[3]);
	for (i = 0; i < 10; i++)
		kmem_cache_free(c, p[i]);
	kmem_cache_destroy(c);
	expect_no_report();
}
END_TEST

START_TEST(test_empty_slabs_go_back)
{
	struct slab_stats st;
	unsigned int per, pps;
	long base, full;
	void **p;
	size_t i, n;

	slab_start(_i);
	base = pages_after_shrink();
	st = cache_stats("kmalloc-64");
	per = st.objs_per_slab;
	pps = st.pages_per_slab;
	n = 40 * (size_t)per;
	p = calloc(n, sizeof(*p));
	for (i = 0; i < n; i++)
		ck_assert_ptr_nonnull(p[i] = kmalloc(64, GFP_KERNEL));
	full = fake_mm_pages_in_use();
	ck_assert_int_ge(full - base, 40 * pps);
	st = cache_stats("kmalloc-64");
	ck_assert_uint_eq(st.active_objs, n);
	ck_assert_uint_eq(st.total_slabs, 40);

	/* Slabs fill in order, so freeing the first half empties 20 of them. */
	for (i = 0; i < n / 2; i++)
		kfree(p[i]);
	ck_assert_int_le(fake_mm_pages_in_use(), full - 19 * pps);
	for (; i < n; i++)
		kfree(p[i]);
	st = cache_stats("kmalloc-64");
	ck_assert_uint_eq(st.active_objs, 0);
	ck_assert_uint_le(st.total_slabs, 1);
	ck_assert_int_le(fake_mm_pages_in_use(), base + pps);
	ck_assert_int_eq(pages_after_shrink(), base);
	ck_assert_uint_eq(cache_stats("kmalloc-64").total_slabs, 0);
	free(p);
	expect_no_report();
}
END_TEST

START_TEST(test_large_kmalloc)
{
	static const size_t sizes[] = {
		8193, 12288, 16384, 16385, 65536, 100000, 1 << 20,
		PAGE_SIZE << (MAX_ORDER - 1),
	};
	long before;
	size_t i;

	slab_start(_i);
	for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		size_t pages = 1, got;
		unsigned char *p;

		while (pages * PAGE_SIZE < sizes[i])
			pages *= 2;
		before = fake_mm_pages_in_use();
		p = kmalloc(sizes[i], GFP_KERNEL);
		ck_assert_ptr_nonnull(p);
		ck_assert_int_eq(fake_mm_pages_in_use() - before, pages);
		got = ksize(p);
		ck_assert_uint_eq(got, pages * PAGE_SIZE);
		ck_assert_uint_eq((uintptr_t)p % PAGE_SIZE, 0);
		ck_assert(!(virt_to_page(p)->flags & PG_slab));
		memset(p, 0xab, got);
		kfree(p);
		ck_assert_int_eq(fake_mm_pages_in_use(), before);
	}
	before = fake_mm_pages_in_use();
	ck_assert_ptr_null(kmalloc(PAGE_SIZE << MAX_ORDER, GFP_KERNEL));
	ck_assert_ptr_null(kmalloc(SIZE_MAX, GFP_KERNEL));
	ck_assert_ptr_null(kmalloc(SIZE_MAX - PAGE_SIZE + 2, GFP_KERNEL));
	ck_assert_uint_eq(kmalloc_size_roundup(SIZE_MAX), SIZE_MAX);
	ck_assert_int_eq(fake_mm_pages_in_use(), before);
	expect_no_report();
}
END_TEST

START_TEST(test_kmalloc_zero_and_null)
{
	void *p;

	slab_start(_i);
	p = kmalloc(0, GFP_KERNEL);
	ck_assert_ptr_eq(p, ZERO_SIZE_PTR);
	ck_assert_uint_eq(ksize(p), 0);
	kfree(p);
	kfree(NULL);
	ck_assert_uint_eq(ksize(NULL), 0);
	kmem_cache_destroy(NULL);
	p = krealloc(ZERO_SIZE_PTR, 10, GFP_KERNEL);
	ck_assert_ptr_nonnull(p);
	ck_assert_uint_eq(ksize(p), 16);
	ck_assert_ptr_eq(krealloc(p, 0, GFP_KERNEL), ZERO_SIZE_PTR);
	expect_no_report();
}
END_TEST

static void fill_seq(unsigned char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		p[i] = (unsigned char)(i * 13 + 5);
}

static bool check_seq(const unsigned char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (p[i] != (unsigned char)(i * 13 + 5))
			return false;
	return true;
}

START_TEST(test_krealloc)
{
	static const size_t steps[] = {
		10, 100, 5000, 8192, 20000, 100000, 50, 16, 9000, 1,
	};
	unsigned char *p, *q;
	size_t i, cur;
	long base;

	slab_start(_i);
	base = pages_after_shrink();
	p = krealloc(NULL, 7, GFP_KERNEL);
	ck_assert_ptr_nonnull(p);
	fill_seq(p, 7);
	cur = 7;
	for (i = 0; i < sizeof(steps) / sizeof(steps[0]); i++) {
		p = krealloc(p, steps[i], GFP_KERNEL);
		ck_assert_ptr_nonnull(p);
		ck_assert_uint_ge(ksize(p), steps[i]);
		ck_assert_msg(check_seq(p, cur < steps[i] ? cur : steps[i]),
			      "contents lost going to %zu", steps[i]);
		cur = steps[i];
		fill_seq(p, cur);
	}

	/* Within its class it stays put; a smaller class moves. */
	p = krealloc(p, 16, GFP_KERNEL);
	q = krealloc(p, 12, GFP_KERNEL);
	ck_assert_ptr_eq(q, p);
	kfree(q);
	p = kmalloc(4096, GFP_KERNEL);
	fill_seq(p, 4096);
	q = krealloc(p, 20, GFP_KERNEL);
	ck_assert_ptr_ne(q, p);
	ck_assert_uint_eq(ksize(q), 32);
	ck_assert(check_seq(q, 20));

	/* __GFP_ZERO zeroes what lies beyond the old contents. */
	p = kzalloc(100, GFP_KERNEL);
	fill_seq(p, 100);
	p = krealloc(p, 1000, GFP_KERNEL | __GFP_ZERO);
	ck_assert(check_seq(p, 100));
	ck_assert(all_bytes(p + 100, 900, 0));
	p = krealloc(p, 1000, GFP_KERNEL | __GFP_ZERO);
	ck_assert(all_bytes(p + 100, 900, 0));
	p = krealloc(p, 600, GFP_KERNEL | __GFP_ZERO);
	ck_assert(check_seq(p, 100));
	ck_assert(all_bytes(p + 600, ksize(p) - 600, 0));

	/* Growing without memory fails and leaves the object alone. */
	fill_seq(p, 600);
	fake_mm_set_limit(fake_mm_pages_in_use());
	ck_assert_ptr_null(krealloc(p, 200000, GFP_KERNEL));
	ck_assert(check_seq(p, 600));
	fake_mm_set_limit(-1);

	ck_assert_ptr_eq(krealloc(p, 0, GFP_KERNEL), ZERO_SIZE_PTR);
	kfree(q);
	ck_assert_int_eq(pages_after_shrink(), base);
	expect_no_report();
}
END_TEST

static int ctor_calls;

static void ctor_fill(void *obj)
{
	ctor_calls++;
	memset(obj, 0xc7, 100);
}

START_TEST(test_ctor)
{
	struct kmem_cache *c;
	unsigned char *p[64], *q;
	unsigned int per;
	int i;

	slab_start(_i);
	c = kmem_cache_create("ctor", 100, 0, ctor_fill);
	ck_assert_ptr_nonnull(c);
	per = cache_stats("ctor").objs_per_slab;
	p[0] = kmem_cache_alloc(c, GFP_KERNEL);
	ck_assert_int_eq(ctor_calls, per);
	for (i = 1; i < 64; i++)
		p[i] = kmem_cache_alloc(c, GFP_KERNEL);
	ck_assert_uint_ge(cache_stats("ctor").total_slabs, 2);
	ck_assert_int_eq(ctor_calls, cache_stats("ctor").total_slabs * per);
	for (i = 0; i < 64; i++)
		ck_assert_msg(all_bytes(p[i], 100, 0xc7), "object %d not constructed", i);

	/* A freed object comes back as it was freed, ctor state intact. */
	kmem_cache_free(c, p[5]);
	i = ctor_calls;
	q = kmem_cache_alloc(c, GFP_KERNEL);
	ck_assert_ptr_eq(q, p[5]);
	ck_assert(all_bytes(q, 100, 0xc7));
	ck_assert_int_eq(ctor_calls, i);
	for (i = 0; i < 64; i++)
		kmem_cache_free(c, p[i]);
	kmem_cache_destroy(c);
	expect_no_report();
}
END_TEST

START_TEST(test_zeroed_allocations)
{
	static const size_t sizes[] = { 1, 8, 50, 96, 150, 256, 1000, 4096, 8000, 30000 };
	struct kmem_cache *c;
	unsigned char *p;
	size_t i;

	slab_start(_i);
	for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		p = kmalloc(sizes[i], GFP_KERNEL);
		memset(p, 0xff, ksize(p));
		kfree(p);
		p = kzalloc(sizes[i], GFP_KERNEL);
		ck_assert_msg(all_bytes(p, ksize(p), 0), "kzalloc(%zu)", sizes[i]);
		memset(p, 0xff, ksize(p));
		kfree(p);
		p = kmalloc(sizes[i], GFP_KERNEL | __GFP_ZERO);
		ck_assert_msg(all_bytes(p, ksize(p), 0), "__GFP_ZERO %zu", sizes[i]);
		kfree(p);
	}
	c = kmem_cache_create("zero", 77, 0, NULL);
	p = kmem_cache_alloc(c, GFP_KERNEL);
	memset(p, 0xff, 77);
	kmem_cache_free(c, p);
	p = kmem_cache_zalloc(c, GFP_KERNEL);
	ck_assert(all_bytes(p, 77, 0));
	kmem_cache_free(c, p);
	kmem_cache_destroy(c);
	expect_no_report();
}
END_TEST

/* The random run: slots of live objects, each filled from a noise buffer. */
#define SLOTS		2048
#define NOISE_LEN	(48 * 1024)
#define NOISE_SHIFTS	4096

struct live {
	unsigned char *p;
	size_t size;
	unsigned int shift;	/* where in noise its contents start */
	int cache;		/* -1 for kmalloc */
};

static unsigned char noise[NOISE_LEN];
static uint64_t rng = 88172645463325252ull;

static uint64_t rnd(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

static const size_t stress_cache_sizes[3] = { 24, 200, 3000 };

static size_t random_kmalloc_size(void)
{
	unsigned int r = rnd() % 100;

	if (r < 60)
		return 1 + rnd() % 256;
	if (r < 92)
		return 257 + rnd() % (KMALLOC_MAX_CACHE_SIZE - 256);
	return KMALLOC_MAX_CACHE_SIZE + 1 + rnd() % 32000;
}

static void live_fill(struct live *l)
{
	l->shift = rnd() % NOISE_SHIFTS;
	memcpy(l->p, noise + l->shift, l->size);
}

static void live_check(const struct live *l, size_t n, long step)
{
	EXPECT(!memcmp(l->p, noise + l->shift, n),
	       "step %ld: object %p (%zu bytes) overwritten", step,
	       (void *)l->p, l->size);
}

/* Every kmalloc class and stress cache holds what the model says. */
static void check_counts(const struct live *slots)
{
	unsigned long want[KMALLOC_MAX_CACHE_SIZE + 1] = { 0 }, want_c[3] = { 0 };
	char name[KMEM_CACHE_NAME_LEN];
	size_t i, sz;

	for (i = 0; i < SLOTS; i++) {
		if (!slots[i].p)
			continue;
		if (slots[i].cache >= 0)
			want_c[slots[i].cache]++;
		else if (slots[i].size <= KMALLOC_MAX_CACHE_SIZE)
			want[kmalloc_size_roundup(slots[i].size)]++;
	}
	for (sz = 8; sz <= KMALLOC_MAX_CACHE_SIZE; sz++) {
		if (kmalloc_size_roundup(sz) != sz)
			continue;
		snprintf(name, sizeof(name), "kmalloc-%zu", sz);
		EXPECT(cache_stats(name).active_objs == want[sz],
		       "%s: %lu active, model %lu", name,
		       cache_stats(name).active_objs, want[sz]);
	}
	for (i = 0; i < 3; i++) {
		snprintf(name, sizeof(name), "stress-%zu", i);
		EXPECT(cache_stats(name).active_objs == want_c[i],
		       "%s: %lu active, model %lu", name,
		       cache_stats(name).active_objs, want_c[i]);
	}
}

static void live_alloc(struct live *l, struct kmem_cache **caches, long step)
{
	if (rnd() % 10 == 0) {
		l->cache = rnd() % 3;
		l->size = stress_cache_sizes[l->cache];
		l->p = kmem_cache_alloc(caches[l->cache], GFP_KERNEL);
	} else {
		l->cache = -1;
		l->size = random_kmalloc_size();
		l->p = kmalloc(l->size, GFP_KERNEL);
	}
	EXPECT(l->p, "step %ld: allocation of %zu failed", step, l->size);
	EXPECT(ksize(l->p) >= l->size, "step %ld: ksize %zu < %zu", step,
	       ksize(l->p), l->size);
	live_fill(l);
}

static void live_free(struct live *l, struct kmem_cache **caches, long step)
{
	live_check(l, l->size, step);
	if (l->cache >= 0)
		kmem_cache_free(caches[l->cache], l->p);
	else
		kfree(l->p);
	l->p = NULL;
}

static void live_realloc(struct live *l, long step)
{
	size_t old = l->size;

	l->size = random_kmalloc_size();
	l->p = krealloc(l->p, l->size, GFP_KERNEL);
	EXPECT(l->p, "step %ld: krealloc to %zu failed", step, l->size);
	live_check(l, old < l->size ? old : l->size, step);
	live_fill(l);
}

START_TEST(test_stress_against_model)
{
	static struct live slots[SLOTS];
	struct kmem_cache *caches[3];
	long steps = _i ? 100000 : 200000, step, base;
	char name[KMEM_CACHE_NAME_LEN];
	size_t i;

	for (i = 0; i < NOISE_LEN; i++)
		noise[i] = rnd();
	slab_start(_i);
	base = pages_after_shrink();
	for (i = 0; i < 3; i++) {
		snprintf(name, sizeof(name), "stress-%zu", i);
		caches[i] = kmem_cache_create(name, stress_cache_sizes[i],
					      16 << i, NULL);
		ck_assert_ptr_nonnull(caches[i]);
	}
	for (step = 0; step < steps; step++) {
		struct live *l = &slots[rnd() % SLOTS];

		if (!l->p)
			live_alloc(l, caches, step);
		else if (l->cache < 0 && rnd() % 8 == 0)
			live_realloc(l, step);
		else
			live_free(l, caches, step);
		if (step % 25000 == 0)
			check_counts(slots);
	}
	check_counts(slots);
	for (i = 0; i < SLOTS; i++)
		if (slots[i].p)
			live_free(&slots[i], caches, steps);
	for (i = 0; i < 3; i++)
		kmem_cache_destroy(caches[i]);
	expect_no_report();
	ck_assert_int_eq(pages_after_shrink(), base);
}
END_TEST

START_TEST(test_out_of_memory)
{
	static void *p[20000];
	struct kmem_cache *c;
	long base;
	int n, i;

	slab_start(_i);
	base = pages_after_shrink();
	fake_mm_set_limit(base + 8);
	for (n = 0; n < 20000; n++)
		if (!(p[n] = kmalloc(64, GFP_KERNEL)))
			break;
	ck_assert_int_gt(n, 0);
	ck_assert_int_lt(n, 20000);
	ck_assert_ptr_null(kmalloc(64, GFP_KERNEL));
	ck_assert_ptr_null(kzalloc(64, GFP_KERNEL));
	ck_assert_ptr_null(kmalloc(100000, GFP_KERNEL));
	ck_assert_ptr_null(krealloc(p[0], 5000, GFP_KERNEL));
	c = kmem_cache_create("oom", 3000, 0, NULL);
	if (c)
		ck_assert_ptr_null(kmem_cache_alloc(c, GFP_KERNEL));

	/* Memory coming back makes everything work again. */
	for (i = 0; i < n; i++)
		kfree(p[i]);
	fake_mm_set_limit(-1);
	kmem_cache_destroy(c);
	p[0] = kmalloc(64, GFP_KERNEL);
	ck_assert_ptr_nonnull(p[0]);
	kfree(p[0]);
	expect_no_report();
	ck_assert_int_eq(pages_after_shrink(), base);
}
END_TEST

/* Each page allocation in turn fails: every path must unwind cleanly. */
START_TEST(test_each_page_allocation_fails)
{
	long base, nth;

	slab_start(_i);
	base = pages_after_shrink();
	for (nth = 0; nth < 10; nth++) {
		struct kmem_cache *c;
		void *o[4], *big, *small;
		int i;

		fake_mm_fail_call(nth);
		c = kmem_cache_create("fail", 3000, 0, NULL);
		for (i = 0; i < 4; i++) {
			o[i] = c ? kmem_cache_alloc(c, GFP_KERNEL) : NULL;
			if (o[i])
				memset(o[i], 1, 3000);
		}
		big = kmalloc(20000, GFP_KERNEL);
		small = kmalloc(512, GFP_KERNEL);
		if (big)
			memset(big, 2, 20000);
		if (small)
			memset(small, 3, 512);
		for (i = 0; i < 4; i++)
			if (o[i])
				kmem_cache_free(c, o[i]);
		kmem_cache_destroy(c);
		kfree(big);
		kfree(small);
		fake_mm_fail_call(-1);
		ck_assert_int_eq(pages_after_shrink(), base);
	}
	expect_no_report();
}
END_TEST

START_TEST(test_stats)
{
	struct slab_stats st[64], one;
	struct kmem_cache *c;
	void *p[5];
	size_t n;
	int i;

	slab_start(false);
	n = slab_get_stats(st, 64);
	ck_assert_uint_eq(n, 2 + 13);
	ck_assert_uint_eq(slab_get_stats(st, 3), n);
	c = kmem_cache_create("stats", 100, 0, NULL);
	ck_assert_uint_eq(slab_get_stats(st, 64), n + 1);
	for (i = 0; i < 5; i++)
		p[i] = kmem_cache_alloc(c, GFP_KERNEL);
	one = cache_stats("stats");
	ck_assert_uint_eq(one.object_size, 100);
	ck_assert_uint_ge(one.stride, 104);
	ck_assert_uint_eq(one.active_objs, 5);
	ck_assert_uint_eq(one.total_objs, one.objs_per_slab);
	ck_assert_uint_eq(one.active_slabs, 1);
	ck_assert_uint_eq(one.total_slabs, 1);
	for (i = 0; i < 5; i++)
		kmem_cache_free(c, p[i]);
	one = cache_stats("stats");
	ck_assert_uint_eq(one.active_objs, 0);
	ck_assert_uint_eq(one.active_slabs, 0);
	kmem_cache_destroy(c);
	ck_assert_uint_eq(slab_get_stats(st, 64), n);
}
END_TEST

START_TEST(test_destroy_busy_cache_keeps_it)
{
	struct kmem_cache *c;
	void *p, *q;
	long base;

	slab_start(false);
	base = pages_after_shrink();
	c = kmem_cache_create("busy", 64, 0, NULL);
	p = kmem_cache_alloc(c, GFP_KERNEL);
	kmem_cache_destroy(c);
	ck_assert_ptr_nonnull(strstr(last_printk, "busy destroyed with objects in use"));
	q = kmem_cache_alloc(c, GFP_KERNEL);
	ck_assert_ptr_nonnull(q);
	kmem_cache_free(c, q);
	kmem_cache_free(c, p);
	kmem_cache_destroy(c);
	expect_no_report();
	ck_assert_int_eq(pages_after_shrink(), base);
}
END_TEST

START_TEST(test_slab_debug_from_cmdline)
{
	unsigned char *p;

	fake_mm_reset();
	slab_set_debug(false);
	cmdline_init("console=ttyS0 slab_debug");
	slab_init();
	slab_set_report_hook(capture_report);
	ck_assert(slab_debug_enabled());
	p = kmalloc(64, GFP_KERNEL);
	p[64] = 'x';
	kfree(p);
	expect_report("red zone after", "kmalloc-64");
}
END_TEST

Suite *unit_suite(void)
{
	Suite *s = suite_create("slab");
	TCase *tc = tcase_create("core");

	tcase_set_timeout(tc, 100);
	tcase_add_loop_test(tc, test_kmalloc_every_size, 0, 2);
	tcase_add_loop_test(tc, test_kmalloc_classes, 0, 2);
	tcase_add_test(tc, test_kmalloc_layout);
	tcase_add_loop_test(tc, test_cache_sizes_and_alignments, 0, 2);
	tcase_add_test(tc, test_create_rejects_bad_arguments);
	tcase_add_test(tc, test_long_name_truncated);
	tcase_add_loop_test(tc, test_reuse_is_lifo, 0, 2);
	tcase_add_loop_test(tc, test_empty_slabs_go_back, 0, 2);
	tcase_add_loop_test(tc, test_large_kmalloc, 0, 2);
	tcase_add_loop_test(tc, test_kmalloc_zero_and_null, 0, 2);
	tcase_add_loop_test(tc, test_krealloc, 0, 2);
	tcase_add_loop_test(tc, test_ctor, 0, 2);
	tcase_add_loop_test(tc, test_zeroed_allocations, 0, 2);
	tcase_add_loop_test(tc, test_stress_against_model, 0, 2);
	tcase_add_loop_test(tc, test_out_of_memory, 0, 2);
	tcase_add_loop_test(tc, test_each_page_allocation_fails, 0, 2);
	tcase_add_test(tc, test_stats);
	tcase_add_test(tc, test_destroy_busy_cache_keeps_it);
	tcase_add_test(tc, test_slab_debug_from_cmdline);
	suite_add_tcase(s, tc);
	unit_add_suite(slab_debug_suite());
	return s;
}
