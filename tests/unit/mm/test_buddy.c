/*
 * Host tests for the buddy allocator core (kernel/mm/buddy.c): splitting and
 * merging at every order, alignment, exhaustion, zones and the DMA32
 * fallback, the bugs it must catch, and 100,000 random steps against a model.
 */
#include <check.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <breenix/buddy.h>
#include "unit.h"

/* ---- the node under test and the bug hook ------------------------------- */

static struct buddy_node node;
static struct page *mem_map;
static int bugs;
static char last_bug[256];

/* The kernel panics here; the tests count and keep the message. */
void buddy_bug(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(last_bug, sizeof(last_bug), fmt, ap);
	va_end(ap);
	bugs++;
}

static void make_node(uint64_t max_pfn, uint64_t dma32_end)
{
	free(mem_map);
	mem_map = calloc(max_pfn ? max_pfn : 1, sizeof(*mem_map));
	ck_assert_ptr_nonnull(mem_map);
	buddy_node_init(&node, mem_map, max_pfn, dma32_end);
	bugs = 0;
	last_bug[0] = '\0';
}

static void teardown(void)
{
	free(mem_map);
	mem_map = NULL;
}

static uint64_t pfn_of(const struct page *p)
{
	return buddy_page_to_pfn(&node, p);
}

static uint64_t free_pages_now(void)
{
	struct mem_stats st;

	buddy_stats(&node, MAX_NR_ZONES, &st);
	return st.free_pages;
}

static void expect_bug(const char *fragment)
{
	ck_assert_int_eq(bugs, 1);
	ck_assert_msg(strstr(last_bug, fragment), "bug message \"%s\" lacks \"%s\"",
		      last_bug, fragment);
	bugs = 0;
	last_bug[0] = '\0';
}

static void expect_no_bug(void)
{
	ck_assert_msg(bugs == 0, "unexpected bug: %s", last_bug);
}

static void expect_same_stats(const struct mem_stats *a)
{
	struct mem_stats b;

	buddy_stats(&node, MAX_NR_ZONES, &b);
	ck_assert(!memcmp(a, &b, sizeof(b)));
}

/* ---- structural check --------------------------------------------------- */

/*
 * Every free list entry is a PG_buddy head of its order, aligned, inside
 * its zone, with no other block overlapping it; no two free buddies of the
 * same order (they would have merged); the counters agree. When model is
 * given, a frame is in a free block exactly when the model says it is free.
 * Plain ifs, not ck_assert: this runs inside loops of thousands of steps.
 */
#define MODEL_FREE	1

static unsigned long long ull(uint64_t v)
{
	return (unsigned long long)v;
}

/* One free block on zone's list o; its frames are marked in seen. */
static void check_free_block(const struct buddy_zone *zone, const struct page *p,
			     unsigned int o, uint8_t *seen)
{
	uint64_t pfn = pfn_of(p), b, i;

	if (p->flags != PG_buddy || p->order != o || p->refcount != 0)
		ck_abort_msg("pfn %#llx on list %u: flags %#x order %u ref %d",
			     ull(pfn), o, p->flags, p->order, p->refcount);
	if (pfn & ((1ULL << o) - 1))
		ck_abort_msg("pfn %#llx misaligned for order %u", ull(pfn), o);
	if (pfn < zone->start_pfn || pfn + (1ULL << o) > zone->end_pfn)
		ck_abort_msg("block %#llx/%u outside zone %s", ull(pfn), o,
			     zone->name);
	for (i = 0; i < (1ULL << o); i++) {
		if (seen[pfn + i]++)
			ck_abort_msg("frame %#llx in two free blocks",
				     ull(pfn + i));
		if (i && (mem_map[pfn + i].flags || mem_map[pfn + i].refcount))
			ck_abort_msg("free frame %#llx has flags %#x",
				     ull(pfn + i), mem_map[pfn + i].flags);
	}
	b = pfn ^ (1ULL << o);
	if (o < MAX_ORDER - 1 && b >= zone->start_pfn && b < zone->end_pfn &&
	    mem_map[b].flags == PG_buddy && mem_map[b].order == o)
		ck_abort_msg("free buddies %#llx and %#llx unmerged", ull(pfn),
			     ull(b));
}

static void check_zone(const struct buddy_zone *zone, uint8_t *seen)
{
	uint64_t pages = 0, blocks;
	const struct page *p;
	unsigned int o;

	for (o = 0; o < MAX_ORDER; o++) {
		blocks = 0;
		list_for_each_entry(p, &zone->free_list[o], lru) {
			check_free_block(zone, p, o, seen);
			blocks++;
			pages += 1ULL << o;
		}
		if (blocks != zone->nr_free[o])
			ck_abort_msg("zone %s order %u: %llu blocks, nr_free %llu",
				     zone->name, o, ull(blocks),
				     ull(zone->nr_free[o]));
	}
	if (pages != zone->free_pages)
		ck_abort_msg("zone %s: %llu pages listed, free_pages %llu",
			     zone->name, ull(pages), ull(zone->free_pages));
}

/*
 * Every free list entry is a PG_buddy head of its order, aligned, inside
 * its zone, with no other block overlapping it; no two free buddies of the
 * same order (they would have merged); the counters agree. When model is
 * given, a frame is in a free block exactly when the model says it is free.
 * Plain ifs, not ck_assert: this runs inside loops of thousands of steps.
 */
static void check_node(const uint8_t *model)
{
	uint8_t *seen = calloc(node.max_pfn ? node.max_pfn : 1, 1);
	uint64_t pfn;
	unsigned int z;

	if (!seen)
		ck_abort_msg("out of memory");
	for (z = 0; z < MAX_NR_ZONES; z++)
		check_zone(&node.zones[z], seen);
	for (pfn = 0; model && pfn < node.max_pfn; pfn++) {
		if ((model[pfn] == MODEL_FREE) != (seen[pfn] != 0))
			ck_abort_msg("frame %#llx: model %u, allocator %s",
				     ull(pfn), model[pfn],
				     seen[pfn] ? "free" : "not free");
	}
	free(seen);
}

/* ---- splitting, merging, alignment ------------------------------------- */

START_TEST(split_and_merge_every_order)
{
	struct page *p;
	unsigned int o, k;

	make_node(4 << 10, 4 << 10);
	ck_assert_uint_eq(buddy_release(&node, 0, 4 << 10), 4 << 10);
	ck_assert_uint_eq(node.zones[ZONE_DMA32].nr_free[MAX_ORDER - 1], 4);
	for (o = 0; o < MAX_ORDER; o++) {
		p = buddy_alloc(&node, GFP_KERNEL, o);
		ck_assert_ptr_nonnull(p);
		ck_assert_uint_eq(pfn_of(p) % (1u << o), 0);
		ck_assert_uint_eq(p->flags, PG_head);
		ck_assert_int_eq(p->refcount, 1);
		ck_assert_uint_eq(p->order, o);
		/* One block of each order o..9 split off, three order-10 left. */
		for (k = 0; k < MAX_ORDER - 1; k++)
			ck_assert_uint_eq(node.zones[ZONE_DMA32].nr_free[k],
					  k >= o ? 1 : 0);
		ck_assert_uint_eq(node.zones[ZONE_DMA32].nr_free[MAX_ORDER - 1], 3);
		check_node(NULL);
		buddy_free(&node, p, o);
		expect_no_bug();
		for (k = 0; k < MAX_ORDER - 1; k++)
			ck_assert_uint_eq(node.zones[ZONE_DMA32].nr_free[k], 0);
		ck_assert_uint_eq(node.zones[ZONE_DMA32].nr_free[MAX_ORDER - 1], 4);
	}
}
END_TEST

/* One block of every order held at once, freed in another order. */
START_TEST(all_orders_together_merge_back)
{
	struct page *p[MAX_ORDER];
	static const unsigned int free_order[MAX_ORDER] = {
		5, 0, 10, 3, 9, 1, 7, 2, 8, 4, 6
	};
	unsigned int o;

	make_node(2 << 10, 2 << 10);
	buddy_release(&node, 0, 2 << 10);
	for (o = 0; o < MAX_ORDER; o++) {
		p[o] = buddy_alloc(&node, GFP_KERNEL, o);
		ck_assert_ptr_nonnull(p[o]);
		ck_assert_uint_eq(pfn_of(p[o]) % (1u << o), 0);
	}
	/* 2047 of 2048 frames are taken: one order-0 block is left. */
	ck_assert_uint_eq(free_pages_now(), 1);
	check_node(NULL);
	for (o = 0; o < MAX_ORDER; o++) {
		buddy_free(&node, p[free_order[o]], free_order[o]);
		check_node(NULL);
	}
	expect_no_bug();
	ck_assert_uint_eq(node.zones[ZONE_DMA32].nr_free[MAX_ORDER - 1], 2);
	ck_assert_uint_eq(free_pages_now(), 2 << 10);
}
END_TEST

/*
 * A zone whose frames start at an odd PFN: blocks are aligned to their
 * size in absolute PFNs, so the edges come out as small blocks.
 */
START_TEST(blocks_aligned_in_an_odd_range)
{
	const uint64_t start = 3, end = 3 + 5000;
	struct page **got = calloc(end, sizeof(*got));
	unsigned int *ord = calloc(end, sizeof(*ord));
	struct mem_stats initial;
	uint64_t n = 0, pages = 0, i;
	int o;

	ck_assert_ptr_nonnull(got);
	ck_assert_ptr_nonnull(ord);
	make_node(end + 7, end + 7);
	ck_assert_uint_eq(buddy_release(&node, start, end), 5000);
	check_node(NULL);
	buddy_stats(&node, MAX_NR_ZONES, &initial);
	ck_assert_uint_eq(initial.total_pages, 5000);
	ck_assert_uint_eq(initial.free_pages, 5000);
	for (o = MAX_ORDER - 1; o >= 0; o--) {
		struct page *p;

		while ((p = buddy_alloc(&node, GFP_KERNEL, o))) {
			uint64_t pfn = pfn_of(p);

			if (pfn % (1ULL << o) || pfn < start ||
			    pfn + (1ULL << o) > end)
				ck_abort_msg("order %d block at %#llx", o,
					     (unsigned long long)pfn);
			got[n] = p;
			ord[n++] = o;
			pages += 1ULL << o;
		}
	}
	ck_assert_uint_eq(pages, 5000);
	ck_assert_uint_eq(free_pages_now(), 0);
	for (i = 0; i < n; i++)
		buddy_free(&node, got[n - 1 - i], ord[n - 1 - i]);
	expect_no_bug();
	check_node(NULL);
	expect_same_stats(&initial);
	free(got);
	free(ord);
}
END_TEST

START_TEST(exhaustion_returns_null_and_recovers)
{
	struct mem_stats initial;
	unsigned int n = 0, pfn;

	make_node(1000, 1000);
	buddy_release(&node, 0, 1000);
	buddy_stats(&node, MAX_NR_ZONES, &initial);
	while (n < 2000 && buddy_alloc(&node, GFP_KERNEL, 0))
		n++;
	ck_assert_uint_eq(n, 1000);
	ck_assert_ptr_null(buddy_alloc(&node, GFP_KERNEL, 0));
	ck_assert_ptr_null(buddy_alloc(&node, __GFP_DMA32, 0));
	ck_assert_ptr_null(buddy_alloc(&node, GFP_KERNEL, 3));
	/* Two free buddies merge into an order-1 block, and only then. */
	buddy_free(&node, &mem_map[10], 0);
	ck_assert_ptr_null(buddy_alloc(&node, GFP_KERNEL, 1));
	buddy_free(&node, &mem_map[11], 0);
	ck_assert_ptr_eq(buddy_alloc(&node, GFP_KERNEL, 1), &mem_map[10]);
	buddy_free(&node, &mem_map[10], 1);
	/* Split again: the low half first, the high half after it. */
	ck_assert_ptr_eq(buddy_alloc(&node, GFP_KERNEL, 0), &mem_map[10]);
	ck_assert_ptr_eq(buddy_alloc(&node, GFP_KERNEL, 0), &mem_map[11]);
	ck_assert_ptr_null(buddy_alloc(&node, GFP_KERNEL, 0));
	for (pfn = 0; pfn < 1000; pfn++)
		buddy_free(&node, &mem_map[pfn], 0);
	expect_no_bug();
	check_node(NULL);
	expect_same_stats(&initial);
}
END_TEST

START_TEST(order_too_large)
{
	struct mem_stats st;
	struct page *p;

	make_node(2048, 2048);
	buddy_release(&node, 0, 2048);
	ck_assert_ptr_null(buddy_alloc(&node, GFP_KERNEL, MAX_ORDER));
	ck_assert_ptr_null(buddy_alloc(&node, GFP_KERNEL, 200));
	p = buddy_alloc(&node, GFP_KERNEL, MAX_ORDER - 1);
	ck_assert_ptr_nonnull(p);
	buddy_stats(&node, MAX_NR_ZONES, &st);
	buddy_free(&node, p, MAX_ORDER);
	expect_bug("out of range");
	expect_same_stats(&st);
	buddy_free(&node, p, MAX_ORDER - 1);
	expect_no_bug();
}
END_TEST

/* ---- zones --------------------------------------------------------------- */

START_TEST(zonelist_order)
{
	enum zone_type list[MAX_NR_ZONES];

	ck_assert_uint_eq(buddy_zonelist(GFP_KERNEL, list), 2);
	ck_assert_int_eq(list[0], ZONE_NORMAL);
	ck_assert_int_eq(list[1], ZONE_DMA32);
	ck_assert_uint_eq(buddy_zonelist(__GFP_DMA32 | __GFP_ZERO, list), 1);
	ck_assert_int_eq(list[0], ZONE_DMA32);
	ck_assert_uint_eq(buddy_zonelist(__GFP_ZERO, list), 2);
}
END_TEST

/* ZONE_NORMAL first, then DMA32; DMA32 requests never leave DMA32. */
START_TEST(dma32_fallback)
{
	const uint64_t dma_end = 1024, max = 3072;
	struct page *p;
	uint64_t i;

	make_node(max, dma_end);
	buddy_release(&node, 0, max);
	ck_assert_uint_eq(node.zones[ZONE_DMA32].end_pfn, dma_end);
	ck_assert_uint_eq(node.zones[ZONE_NORMAL].start_pfn, dma_end);
	ck_assert_uint_eq(node.zones[ZONE_NORMAL].managed_pages, max - dma_end);
	p = buddy_alloc(&node, __GFP_DMA32, 0);
	ck_assert_uint_lt(pfn_of(p), dma_end);
	buddy_free(&node, p, 0);
	for (i = 0; i < max - dma_end; i++) {
		p = buddy_alloc(&node, GFP_KERNEL, 0);
		if (!p || pfn_of(p) < dma_end)
			ck_abort_msg("allocation %llu not from ZONE_NORMAL",
				     (unsigned long long)i);
	}
	/* NORMAL is empty: ordinary requests fall back, DMA32 ones too. */
	p = buddy_alloc(&node, GFP_KERNEL, 2);
	ck_assert_ptr_nonnull(p);
	ck_assert_uint_lt(pfn_of(p), dma_end);
	for (i = 4; i < dma_end; i++) {
		p = buddy_alloc(&node, __GFP_DMA32, 0);
		if (!p || pfn_of(p) >= dma_end)
			ck_abort_msg("DMA32 allocation %llu failed or too high",
				     (unsigned long long)i);
	}
	ck_assert_ptr_null(buddy_alloc(&node, GFP_KERNEL, 0));
	/* A free page in NORMAL serves ordinary requests, never DMA32 ones. */
	buddy_free(&node, &mem_map[2000], 0);
	ck_assert_ptr_null(buddy_alloc(&node, __GFP_DMA32, 0));
	ck_assert_ptr_eq(buddy_alloc(&node, GFP_KERNEL, 0), &mem_map[2000]);
	expect_no_bug();
}
END_TEST

/* A zone edge that is not max-order aligned: no block straddles it. */
START_TEST(blocks_never_cross_a_zone_edge)
{
	struct mem_stats dma, normal;

	make_node(4096, 1536);
	buddy_release(&node, 0, 4096);
	check_node(NULL);
	buddy_stats(&node, ZONE_DMA32, &dma);
	buddy_stats(&node, ZONE_NORMAL, &normal);
	ck_assert_uint_eq(dma.free_pages, 1536);
	ck_assert_uint_eq(dma.free_blocks[10], 1);
	ck_assert_uint_eq(dma.free_blocks[9], 1);
	ck_assert_uint_eq(normal.free_pages, 4096 - 1536);
	ck_assert_uint_eq(normal.free_blocks[9], 1);
	ck_assert_uint_eq(normal.free_blocks[10], 2);
}
END_TEST

/* All of memory below the DMA32 boundary: ZONE_NORMAL is empty. */
START_TEST(small_machine_has_no_normal_zone)
{
	struct page *p;

	make_node(100, 1 << 20);
	buddy_release(&node, 1, 100);
	ck_assert_uint_eq(node.zones[ZONE_NORMAL].start_pfn,
			  node.zones[ZONE_NORMAL].end_pfn);
	/* 32-63 and 64-95 are free order-5 blocks, buddies of reserved ones. */
	ck_assert_uint_eq(node.zones[ZONE_DMA32].nr_free[5], 2);
	p = buddy_alloc(&node, GFP_KERNEL, 5);
	ck_assert_ptr_nonnull(p);
	ck_assert_uint_eq(pfn_of(p) % 32, 0);
	buddy_free(&node, p, 5);
	check_node(NULL);
}
END_TEST

/* Frames released in pieces merge across the pieces. */
START_TEST(release_in_pieces_merges)
{
	make_node(2048, 2048);
	buddy_release(&node, 1024, 1536);
	buddy_release(&node, 1792, 2048);
	buddy_release(&node, 1536, 1792);
	ck_assert_uint_eq(node.zones[ZONE_DMA32].nr_free[10], 1);
	ck_assert_uint_eq(free_pages_now(), 1024);
	/* Frames 0..1023 are still reserved: never handed out. */
	ck_assert_uint_eq(mem_map[0].flags, PG_reserved);
	ck_assert_int_eq(mem_map[0].refcount, 1);
	check_node(NULL);
}
END_TEST

/* ---- the bugs the allocator reports -------------------------------------- */

START_TEST(double_free_detected)
{
	struct mem_stats st;
	struct page *p[4];
	unsigned int i;

	make_node(64, 64);
	buddy_release(&node, 0, 4);
	for (i = 0; i < 4; i++)
		p[i] = buddy_alloc(&node, GFP_KERNEL, 0);
	buddy_free(&node, p[1], 0);
	buddy_stats(&node, MAX_NR_ZONES, &st);
	buddy_free(&node, p[1], 0);	/* still the head of its free block */
	expect_bug("double free of pfn");
	expect_same_stats(&st);
	for (i = 0; i < 4; i++) {
		if (i != 1)
			buddy_free(&node, p[i], 0);
	}
	expect_no_bug();
	ck_assert_uint_eq(node.zones[ZONE_DMA32].nr_free[2], 1);
	/* Each frame is now inside the merged order-2 block. */
	buddy_stats(&node, MAX_NR_ZONES, &st);
	for (i = 0; i < 4; i++) {
		buddy_free(&node, &mem_map[i], 0);
		expect_bug("double free of pfn");
		expect_same_stats(&st);
	}
	check_node(NULL);
}
END_TEST

START_TEST(free_of_reserved_detected)
{
	struct mem_stats st;

	make_node(64, 64);
	buddy_release(&node, 0, 32);
	buddy_stats(&node, MAX_NR_ZONES, &st);
	buddy_free(&node, &mem_map[40], 0);
	expect_bug("pfn 0x28 is reserved");
	expect_same_stats(&st);
	/* Reserved frames hold a reference: sharing them is fine... */
	buddy_get_page(&node, &mem_map[40]);
	expect_no_bug();
	ck_assert_int_eq(mem_map[40].refcount, 2);
	buddy_put_page(&node, &mem_map[40]);
	buddy_put_page(&node, &mem_map[40]);
	/* ...dropping the last one is not. */
	expect_bug("is reserved");
	ck_assert_int_eq(mem_map[40].refcount, 1);
	ck_assert_uint_eq(mem_map[40].flags, PG_reserved);
	expect_same_stats(&st);
	/* Nor is releasing frames twice. */
	ck_assert_uint_eq(buddy_release(&node, 30, 34), 0);
	expect_bug("not a reserved");
	expect_same_stats(&st);
	ck_assert_uint_eq(buddy_release(&node, 60, 65), 0);
	expect_bug("beyond mem_map");
}
END_TEST

START_TEST(refcount_rules)
{
	struct mem_stats st;
	struct page *p;

	make_node(64, 64);
	buddy_release(&node, 0, 64);
	p = buddy_alloc(&node, GFP_KERNEL, 3);
	buddy_get_page(&node, p);
	ck_assert_int_eq(p->refcount, 2);
	buddy_stats(&node, MAX_NR_ZONES, &st);
	buddy_free(&node, p, 3);
	expect_bug("has refcount 2, expected 1");
	expect_same_stats(&st);
	ck_assert_int_eq(p->refcount, 2);
	buddy_put_page(&node, p);
	ck_assert_int_eq(p->refcount, 1);
	expect_same_stats(&st);
	/* The last put frees the whole order-3 block. */
	buddy_put_page(&node, p);
	expect_no_bug();
	ck_assert_uint_eq(free_pages_now(), 64);
	buddy_stats(&node, MAX_NR_ZONES, &st);
	buddy_put_page(&node, p);
	expect_bug("has no reference");
	ck_assert_int_eq(p->refcount, 0);
	buddy_get_page(&node, p);
	expect_bug("get_page");
	ck_assert_int_eq(p->refcount, 0);
	expect_same_stats(&st);
	check_node(NULL);
}
END_TEST

START_TEST(tail_and_wrong_order_detected)
{
	struct mem_stats st;
	struct page *p;

	make_node(64, 64);
	buddy_release(&node, 0, 64);
	p = buddy_alloc(&node, GFP_KERNEL, 2);
	buddy_stats(&node, MAX_NR_ZONES, &st);
	buddy_free(&node, p + 1, 0);
	expect_bug("not the first page of an allocation");
	buddy_get_page(&node, p + 2);
	expect_bug("get_page");
	buddy_free(&node, p, 1);
	expect_bug("allocated as order 2, freed as order 1");
	expect_same_stats(&st);
	buddy_free(&node, p, 2);
	expect_no_bug();
	ck_assert_uint_eq(free_pages_now(), 64);
}
END_TEST

START_TEST(foreign_pointers_detected)
{
	struct page stray;

	make_node(64, 64);
	buddy_release(&node, 0, 64);
	buddy_free(&node, NULL, 0);
	expect_bug("not a struct page");
	buddy_free(&node, &stray, 0);
	expect_bug("not a struct page");
	buddy_put_page(&node, (struct page *)((char *)&mem_map[3] + 4));
	expect_bug("not a struct page");
	buddy_get_page(&node, &mem_map[64]);
	expect_bug("not a struct page");
	ck_assert_ptr_null(buddy_pfn_to_page(&node, 64));
	ck_assert_ptr_eq(buddy_pfn_to_page(&node, 63), &mem_map[63]);
}
END_TEST

/* ---- random sequence against a model ------------------------------------ */

#define RANDOM_STEPS	100000
#define R_MAX_PFN	6000
/* Order-9 aligned only: the zone edge cuts what would be order-10 blocks. */
#define R_DMA32_END	2560
#define MODEL_RESERVED	0
#define MODEL_USED	2

struct live {
	struct page *page;
	unsigned int order;
};

/* The model: each frame's state, the blocks held, and the free count. */
static uint8_t model[R_MAX_PFN];
static struct live live[R_MAX_PFN];
static unsigned int n_live;
static uint64_t model_free;
static uint64_t step;
static uint64_t rng_state;

static uint64_t rnd(void)
{
	/* xorshift64* (Vigna): fixed seed, same run every time. */
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 0x2545F4914F6CDD1DULL;
}

/* Small orders mostly, as a kernel asks; every order now and then. */
static unsigned int random_order(void)
{
	unsigned int r = rnd() % 100;

	if (r < 50)
		return 0;
	if (r < 75)
		return 1 + rnd() % 3;
	return rnd() % MAX_ORDER;
}

/* Whether the model has an aligned run of 2^order free frames in zone. */
static bool model_fits(enum zone_type zone, unsigned int order)
{
	const struct buddy_zone *z = &node.zones[zone];
	uint64_t size = 1ULL << order;
	uint64_t pfn = (z->start_pfn + size - 1) & ~(size - 1);
	uint64_t i;

	for (; pfn + size <= z->end_pfn; pfn += size) {
		for (i = 0; i < size && model[pfn + i] == MODEL_FREE; i++)
			;
		if (i == size)
			return true;
	}
	return false;
}

static void model_release(uint64_t start, uint64_t end)
{
	buddy_release(&node, start, end);
	memset(model + start, MODEL_FREE, end - start);
	model_free += end - start;
}

/*
 * NULL only when no zone the request may use has room; otherwise a block
 * of free frames, aligned, from ZONE_NORMAL while that has room.
 */
static void random_alloc(void)
{
	unsigned int order = random_order();
	gfp_t gfp = rnd() % 5 ? GFP_KERNEL : __GFP_DMA32;
	bool dma32 = gfp & __GFP_DMA32;
	struct page *p = buddy_alloc(&node, gfp, order);
	uint64_t pfn, size = 1ULL << order, i;

	if (!p) {
		if (model_fits(ZONE_DMA32, order) ||
		    (!dma32 && model_fits(ZONE_NORMAL, order)))
			ck_abort_msg("step %llu: NULL for order %u with room",
				     ull(step), order);
		return;
	}
	pfn = pfn_of(p);
	if (pfn % size || pfn + size > R_MAX_PFN)
		ck_abort_msg("step %llu: order %u at %#llx", ull(step), order,
			     ull(pfn));
	if (dma32 && pfn + size > R_DMA32_END)
		ck_abort_msg("step %llu: DMA32 block at %#llx", ull(step),
			     ull(pfn));
	if (!dma32 && pfn < R_DMA32_END && model_fits(ZONE_NORMAL, order))
		ck_abort_msg("step %llu: took DMA32 with NORMAL free",
			     ull(step));
	for (i = 0; i < size; i++) {
		if (model[pfn + i] != MODEL_FREE)
			ck_abort_msg("step %llu: frame %#llx handed out while %s",
				     ull(step), ull(pfn + i),
				     model[pfn + i] ? "in use" : "reserved");
		model[pfn + i] = MODEL_USED;
	}
	model_free -= size;
	live[n_live].page = p;
	live[n_live++].order = order;
}

/* A random held block goes back: freed, or put by its last owner. */
static void random_free(void)
{
	unsigned int k = rnd() % n_live;
	struct live l = live[k];

	switch (rnd() % 4) {
	case 0:		/* shared, then both owners drop it */
		buddy_get_page(&node, l.page);
		buddy_put_page(&node, l.page);
		buddy_put_page(&node, l.page);
		break;
	case 1:
		buddy_put_page(&node, l.page);
		break;
	default:
		buddy_free(&node, l.page, l.order);
		break;
	}
	memset(model + pfn_of(l.page), MODEL_FREE, 1ULL << l.order);
	model_free += 1ULL << l.order;
	live[k] = live[--n_live];
}

START_TEST(random_sequence_against_model)
{
	struct mem_stats initial, final;

	rng_state = 0x9E3779B97F4A7C15ULL;
	memset(model, MODEL_RESERVED, sizeof(model));
	n_live = 0;
	model_free = 0;
	make_node(R_MAX_PFN, R_DMA32_END);
	/* Holes and odd edges: pfn 0, 2500-2502 and the last stay reserved. */
	model_release(1, 2500);
	model_release(2503, R_DMA32_END);
	model_release(R_DMA32_END, R_MAX_PFN - 1);
	check_node(model);
	buddy_stats(&node, MAX_NR_ZONES, &initial);
	ck_assert_uint_eq(initial.free_pages, model_free);

	for (step = 0; step < RANDOM_STEPS; step++) {
		if (n_live == 0 || rnd() % 100 < 55)
			random_alloc();
		else
			random_free();
		if (bugs)
			ck_abort_msg("step %llu: %s", ull(step), last_bug);
		if (free_pages_now() != model_free)
			ck_abort_msg("step %llu: %llu free, model %llu",
				     ull(step), ull(free_pages_now()),
				     ull(model_free));
		if (step % 997 == 0)
			check_node(model);
	}
	while (n_live)
		random_free();
	expect_no_bug();
	check_node(model);
	/* Everything merged back into the blocks it started as. */
	buddy_stats(&node, MAX_NR_ZONES, &final);
	ck_assert(!memcmp(&initial, &final, sizeof(final)));
}
END_TEST

Suite *unit_suite(void)
{
	Suite *s = suite_create("buddy");
	TCase *core = tcase_create("core");
	TCase *zones = tcase_create("zones");
	TCase *bugs_tc = tcase_create("bugs");
	TCase *random = tcase_create("random");

	tcase_add_checked_fixture(core, NULL, teardown);
	tcase_add_test(core, split_and_merge_every_order);
	tcase_add_test(core, all_orders_together_merge_back);
	tcase_add_test(core, blocks_aligned_in_an_odd_range);
	tcase_add_test(core, exhaustion_returns_null_and_recovers);
	tcase_add_test(core, order_too_large);
	tcase_add_test(core, release_in_pieces_merges);
	suite_add_tcase(s, core);

	tcase_add_checked_fixture(zones, NULL, teardown);
	tcase_add_test(zones, zonelist_order);
	tcase_add_test(zones, dma32_fallback);
	tcase_add_test(zones, blocks_never_cross_a_zone_edge);
	tcase_add_test(zones, small_machine_has_no_normal_zone);
	suite_add_tcase(s, zones);

	tcase_add_checked_fixture(bugs_tc, NULL, teardown);
	tcase_add_test(bugs_tc, double_free_detected);
	tcase_add_test(bugs_tc, free_of_reserved_detected);
	tcase_add_test(bugs_tc, refcount_rules);
	tcase_add_test(bugs_tc, tail_and_wrong_order_detected);
	tcase_add_test(bugs_tc, foreign_pointers_detected);
	suite_add_tcase(s, bugs_tc);

	tcase_set_timeout(random, 100);
	tcase_add_checked_fixture(random, NULL, teardown);
	tcase_add_test(random, random_sequence_against_model);
	suite_add_tcase(s, random);
	return s;
}
