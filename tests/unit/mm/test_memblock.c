/*
 * Host tests for memblock's range lists (kernel/mm/memblock.c): merging and
 * splitting, the top-down allocator against a brute-force model, tables
 * that grow into memblock's own memory, and the reservations made from a
 * Multiboot2 structure like GRUB's.
 */
#include <check.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <breenix/bootinfo.h>
#include <breenix/elf.h>
#include <breenix/errno.h>
#include <breenix/memblock.h>
#include <breenix/multiboot2.h>
#include "unit.h"

#define TABLE	64

static struct memblock_region mem_r[TABLE], res_r[TABLE];
static struct memblock mb;

static void setup_tables(unsigned int max)
{
	memblock_setup(&mb, mem_r, max, res_r, max);
}

static void setup(void)
{
	setup_tables(TABLE);
}

struct range {
	uint64_t start, end;
};

#define expect_ranges(type, ...)					\
	do {								\
		static const struct range want_[] = { __VA_ARGS__ };	\
		check_ranges(type, want_, sizeof(want_) / sizeof(want_[0])); \
	} while (0)

static void check_ranges(const struct memblock_type *t, const struct range *want,
			 unsigned int n)
{
	unsigned int i;

	ck_assert_msg(t->cnt == n, "%s: %u regions, expected %u", t->name,
		      t->cnt, n);
	for (i = 0; i < n; i++) {
		ck_assert_msg(t->regions[i].base == want[i].start &&
			      t->regions[i].base + t->regions[i].size == want[i].end,
			      "%s[%u] = [%#llx, %#llx), expected [%#llx, %#llx)",
			      t->name, i,
			      (unsigned long long)t->regions[i].base,
			      (unsigned long long)(t->regions[i].base +
						   t->regions[i].size),
			      (unsigned long long)want[i].start,
			      (unsigned long long)want[i].end);
	}
}

static void expect_empty(const struct memblock_type *t)
{
	ck_assert_msg(t->cnt == 0, "%s has %u regions", t->name, t->cnt);
}

/* ---- adding and removing ------------------------------------------------- */

START_TEST(add_sorts_and_merges)
{
	ck_assert_int_eq(memblock_add_memory(&mb, 0x5000, 0x1000), 0);
	ck_assert_int_eq(memblock_add_memory(&mb, 0x1000, 0x1000), 0);
	ck_assert_int_eq(memblock_add_memory(&mb, 0x3000, 0x1000), 0);
	expect_ranges(&mb.memory, { 0x1000, 0x2000 }, { 0x3000, 0x4000 },
		      { 0x5000, 0x6000 });
	/* Adjacent on both sides: three become two. */
	memblock_add_memory(&mb, 0x2000, 0x1000);
	expect_ranges(&mb.memory, { 0x1000, 0x4000 }, { 0x5000, 0x6000 });
	/* Inside an existing region, and empty: nothing changes. */
	memblock_add_memory(&mb, 0x1800, 0x100);
	memblock_add_memory(&mb, 0x9000, 0);
	expect_ranges(&mb.memory, { 0x1000, 0x4000 }, { 0x5000, 0x6000 });
	/* Overlapping both, reaching beyond: one region. */
	memblock_add_memory(&mb, 0x800, 0x6000);
	expect_ranges(&mb.memory, { 0x800, 0x6800 });
	expect_empty(&mb.reserved);
}
END_TEST

START_TEST(add_at_top_of_address_space_is_cut)
{
	memblock_add_reserved(&mb, 0xfffffffffffff000ULL, 0x2000);
	expect_ranges(&mb.reserved, { 0xfffffffffffff000ULL, UINT64_MAX });
	memblock_add_reserved(&mb, UINT64_MAX - 0x10, UINT64_MAX);
	expect_ranges(&mb.reserved, { 0xfffffffffffff000ULL, UINT64_MAX });
}
END_TEST

START_TEST(remove_splits_and_trims)
{
	memblock_add_memory(&mb, 0x1000, 0x8000);
	memblock_remove_memory(&mb, 0x3000, 0x1000);
	expect_ranges(&mb.memory, { 0x1000, 0x3000 }, { 0x4000, 0x9000 });
	memblock_remove_memory(&mb, 0x800, 0x1000);
	expect_ranges(&mb.memory, { 0x1800, 0x3000 }, { 0x4000, 0x9000 });
	memblock_remove_memory(&mb, 0x8800, 0x1800);
	expect_ranges(&mb.memory, { 0x1800, 0x3000 }, { 0x4000, 0x8800 });
	/* Across the gap: the tail of one and the head of the next. */
	memblock_remove_memory(&mb, 0x2000, 0x3000);
	expect_ranges(&mb.memory, { 0x1800, 0x2000 }, { 0x5000, 0x8800 });
	/* A hole: nothing to do. */
	memblock_remove_memory(&mb, 0x3000, 0x1000);
	expect_ranges(&mb.memory, { 0x1800, 0x2000 }, { 0x5000, 0x8800 });
	/* Exactly a whole region, then everything. */
	memblock_remove_memory(&mb, 0x1800, 0x800);
	expect_ranges(&mb.memory, { 0x5000, 0x8800 });
	memblock_remove_memory(&mb, 0, UINT64_MAX);
	expect_empty(&mb.memory);
}
END_TEST

START_TEST(contains_and_totals)
{
	memblock_add_memory(&mb, 0x1000, 0x1000);
	memblock_add_memory(&mb, 0x4000, 0x2000);
	memblock_add_memory(&mb, 0x10000, 0x1000);
	ck_assert(!memblock_contains(&mb.memory, 0));
	ck_assert(!memblock_contains(&mb.memory, 0xfff));
	ck_assert(memblock_contains(&mb.memory, 0x1000));
	ck_assert(memblock_contains(&mb.memory, 0x1fff));
	ck_assert(!memblock_contains(&mb.memory, 0x2000));
	ck_assert(memblock_contains(&mb.memory, 0x5abc));
	ck_assert(!memblock_contains(&mb.memory, 0x6000));
	ck_assert(memblock_contains(&mb.memory, 0x10000));
	ck_assert(!memblock_contains(&mb.memory, 0x11000));
	ck_assert(!memblock_contains(&mb.reserved, 0x1000));
	ck_assert_uint_eq(memblock_type_total(&mb.memory), 0x4000);
}
END_TEST

static void collect(uint64_t start, uint64_t end, void *arg)
{
	struct memblock_type *t = arg;

	ck_assert_uint_lt(t->cnt, t->max);
	t->regions[t->cnt].base = start;
	t->regions[t->cnt].size = end - start;
	t->cnt++;
}

START_TEST(free_ranges_are_memory_minus_reserved)
{
	struct memblock_region out_r[TABLE];
	struct memblock_type out = {
		.name = "free", .regions = out_r, .max = TABLE,
	};

	memblock_add_memory(&mb, 0x1000, 0x4000);
	memblock_add_memory(&mb, 0x8000, 0x1000);
	memblock_add_memory(&mb, 0xa000, 0x1000);
	memblock_add_reserved(&mb, 0, 0x1800);
	memblock_add_reserved(&mb, 0x3000, 0x800);
	/* One reservation across two memory regions and the hole between. */
	memblock_add_reserved(&mb, 0x4800, 0x4000);
	memblock_add_reserved(&mb, 0x20000, 0x1000);
	memblock_for_each_free(&mb, collect, &out);
	expect_ranges(&out, { 0x1800, 0x3000 }, { 0x3800, 0x4800 },
		      { 0x8800, 0x9000 }, { 0xa000, 0xb000 });
}
END_TEST

/* ---- the allocator -------------------------------------------------------- */

START_TEST(alloc_top_down_with_limit_and_alignment)
{
	memblock_add_memory(&mb, 0x100000, 0x100000);
	memblock_add_memory(&mb, 0x400000, 0x100000);
	ck_assert_uint_eq(memblock_alloc_from(&mb, 0x1000, 0x1000,
					      MEMBLOCK_ALLOC_ANYWHERE), 0x4ff000);
	ck_assert_uint_eq(memblock_alloc_from(&mb, 0x1000, 0x1000, 0x300000),
			  0x1ff000);
	ck_assert_uint_eq(memblock_alloc_from(&mb, 0x1000, 0x1000, 0x180000),
			  0x17f000);
	/* Odd sizes: the next allocation still starts aligned, below. */
	ck_assert_uint_eq(memblock_alloc_from(&mb, 0x10, 8, 0x180000), 0x17eff0);
	ck_assert_uint_eq(memblock_alloc_from(&mb, 0x1000, 0x1000, 0x180000),
			  0x17d000);
	/* The highest 1 MiB-aligned start that fits. */
	ck_assert_uint_eq(memblock_alloc_from(&mb, 0x1000, 0x100000,
					      MEMBLOCK_ALLOC_ANYWHERE), 0x400000);
	expect_ranges(&mb.reserved, { 0x17d000, 0x17e000 }, { 0x17eff0, 0x180000 },
		      { 0x1ff000, 0x200000 }, { 0x400000, 0x401000 },
		      { 0x4ff000, 0x500000 });
	/* Too big, limit below memory, bad alignment, size 0. */
	ck_assert_uint_eq(memblock_alloc_from(&mb, 0x100000, 0x1000,
					      MEMBLOCK_ALLOC_ANYWHERE), 0);
	ck_assert_uint_eq(memblock_alloc_from(&mb, 0x1000, 0x1000, 0x100fff), 0);
	ck_assert_uint_eq(memblock_alloc_from(&mb, 0x1000, 0x3000,
					      MEMBLOCK_ALLOC_ANYWHERE), 0);
	ck_assert_uint_eq(memblock_alloc_from(&mb, 0x1000, 0,
					      MEMBLOCK_ALLOC_ANYWHERE), 0);
	ck_assert_uint_eq(memblock_alloc_from(&mb, 0, 0x1000,
					      MEMBLOCK_ALLOC_ANYWHERE), 0);
	ck_assert_uint_eq(mb.reserved.cnt, 5);
}
END_TEST

/* Physical address 0 is the failure value: it is never handed out. */
START_TEST(alloc_never_returns_zero)
{
	memblock_add_memory(&mb, 0, 0x3000);
	ck_assert_uint_eq(memblock_alloc_from(&mb, 0x1000, 0x1000, 0x2000),
			  0x1000);
	ck_assert_uint_eq(memblock_alloc_from(&mb, 0x1000, 0x1000, 0x2000), 0);
	expect_ranges(&mb.reserved, { 0x1000, 0x2000 });
	ck_assert_uint_eq(memblock_alloc_from(&mb, 0x2000, 0x1000,
					      MEMBLOCK_ALLOC_ANYWHERE), 0);
	ck_assert_uint_eq(memblock_alloc_from(&mb, 0x1000, 0x1000,
					      MEMBLOCK_ALLOC_ANYWHERE), 0x2000);
}
END_TEST

/*
 * Random adds, removes, reservations, frees and allocations in a 4 KiB
 * world at byte granularity, checked after every step against a byte map:
 * both lists are exactly the runs of the map, and each allocation is the
 * highest aligned free fit below the limit (or 0 when there is none).
 */
#define WORLD		4096
#define MODEL_STEPS	20000

static uint64_t rng_state;

static uint64_t rnd(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 0x2545F4914F6CDD1DULL;
}

static void check_runs(const struct memblock_type *t, const uint8_t *map,
		       uint64_t step)
{
	unsigned int n = 0;
	uint64_t a = 0;

	while (a < WORLD) {
		uint64_t b;

		if (!map[a]) {
			a++;
			continue;
		}
		for (b = a; b < WORLD && map[b]; b++)
			;
		if (n >= t->cnt || t->regions[n].base != a ||
		    t->regions[n].size != b - a)
			ck_abort_msg("step %llu: %s region %u is not [%#llx, %#llx)",
				     (unsigned long long)step, t->name, n,
				     (unsigned long long)a, (unsigned long long)b);
		n++;
		a = b;
	}
	if (n != t->cnt)
		ck_abort_msg("step %llu: %s has %u regions, model %u",
			     (unsigned long long)step, t->name, t->cnt, n);
}

/* The highest aligned a > 0 with [a, a + size) free and below limit. */
static uint64_t model_alloc(const uint8_t *mem, const uint8_t *res,
			    uint64_t size, uint64_t align, uint64_t limit)
{
	static uint32_t free_before[WORLD + 1];
	uint64_t a, top;

	for (a = 0; a < WORLD; a++)
		free_before[a + 1] = free_before[a] + (mem[a] && !res[a]);
	top = limit < WORLD ? limit : WORLD;
	if (size > top)
		return 0;
	for (a = (top - size) & ~(align - 1); a > 0; a -= align) {
		if (free_before[a + size] - free_before[a] == size)
			return a;
		if (a < align)
			break;
	}
	return 0;
}

static uint8_t model_mem[WORLD], model_res[WORLD];

/* Add or remove a random range of memory or reserved, in both. */
static void random_range_op(uint64_t step)
{
	uint64_t base = rnd() % WORLD, size = rnd() % 300;
	uint64_t end = base + size < WORLD ? base + size : WORLD;
	unsigned int op = rnd() % 7;
	int err;

	size = end - base;
	if (op < 3)
		err = memblock_add_memory(&mb, base, size);
	else if (op < 4)
		err = memblock_remove_memory(&mb, base, size);
	else if (op < 6)
		err = memblock_add_reserved(&mb, base, size);
	else
		err = memblock_remove_reserved(&mb, base, size);
	if (err)
		ck_abort_msg("step %llu: op %u failed: %d",
			     (unsigned long long)step, op, err);
	if (op < 4)
		memset(model_mem + base, op < 3, size);
	else
		memset(model_res + base, op < 6, size);
}

static void random_alloc(uint64_t step)
{
	uint64_t align = 1ULL << (rnd() % 8);
	uint64_t limit = rnd() % 4 ? rnd() % (WORLD + 100) :
		MEMBLOCK_ALLOC_ANYWHERE;
	uint64_t size = 1 + rnd() % 200;
	uint64_t want = model_alloc(model_mem, model_res, size, align, limit);
	uint64_t a = memblock_alloc_from(&mb, size, align, limit);

	if (a != want)
		ck_abort_msg("step %llu: alloc %llu align %llu below %#llx: %#llx, model %#llx",
			     (unsigned long long)step, (unsigned long long)size,
			     (unsigned long long)align,
			     (unsigned long long)limit, (unsigned long long)a,
			     (unsigned long long)want);
	if (a)
		memset(model_res + a, 1, size);
}

START_TEST(random_operations_against_model)
{
	uint64_t step;

	rng_state = 0x243F6A8885A308D3ULL;
	memset(model_mem, 0, sizeof(model_mem));
	memset(model_res, 0, sizeof(model_res));
	for (step = 0; step < MODEL_STEPS; step++) {
		if (rnd() % 10 < 7)
			random_range_op(step);
		else
			random_alloc(step);
		check_runs(&mb.memory, model_mem, step);
		check_runs(&mb.reserved, model_res, step);
	}
}
END_TEST

/* ---- tables that fill up and grow ---------------------------------------- */

START_TEST(full_table_without_map_refuses)
{
	unsigned int i;

	setup_tables(4);
	for (i = 0; i < 4; i++)
		ck_assert_int_eq(memblock_add_memory(&mb, i * 0x2000, 0x1000), 0);
	ck_assert_int_eq(memblock_add_memory(&mb, 0x10000, 0x1000), -ENOMEM);
	/* Merging and trimming need no new entry: they still work. */
	ck_assert_int_eq(memblock_add_memory(&mb, 0x1000, 0x800), 0);
	ck_assert_int_eq(memblock_remove_memory(&mb, 0x6800, 0x800), 0);
	/* A split does need one. */
	ck_assert_int_eq(memblock_remove_memory(&mb, 0x4400, 0x100), -ENOMEM);
	expect_ranges(&mb.memory, { 0, 0x1800 }, { 0x2000, 0x3000 },
		      { 0x4000, 0x5000 }, { 0x6000, 0x6800 });
	for (i = 0; i < 4; i++)
		memblock_add_reserved(&mb, 0x100 + i * 0x2000, 0x10);
	ck_assert_uint_eq(memblock_alloc_from(&mb, 0x10, 0x10,
					      MEMBLOCK_ALLOC_ANYWHERE), 0);
	ck_assert_uint_eq(mb.reserved.cnt, 4);
}
END_TEST

/* "Physical" memory for growing tables: [ARENA_BASE, ARENA_BASE + size). */
#define ARENA_BASE	0x100000ULL
#define ARENA_SIZE	0x40000ULL

static uint8_t *arena;

static void *map_arena(uint64_t phys)
{
	ck_assert_uint_ge(phys, ARENA_BASE);
	ck_assert_uint_lt(phys, ARENA_BASE + ARENA_SIZE);
	return arena + (phys - ARENA_BASE);
}

static void setup_growing(void)
{
	arena = calloc(1, ARENA_SIZE);
	ck_assert_ptr_nonnull(arena);
	setup_tables(4);
	mb.map = map_arena;
	mb.grow_limit = ARENA_BASE + ARENA_SIZE;
	ck_assert_int_eq(memblock_add_memory(&mb, ARENA_BASE, ARENA_SIZE), 0);
}

static void teardown_growing(void)
{
	free(arena);
	arena = NULL;
}

/* Where a table's storage lies in the arena, if memblock allocated it. */
static void check_table_reserved(const struct memblock_type *t)
{
	uint64_t bytes = t->max * sizeof(struct memblock_region);
	uint64_t a;

	if (!t->phys)
		return;
	ck_assert_ptr_eq(t->regions, map_arena(t->phys));
	for (a = t->phys; a < t->phys + bytes; a += 8)
		ck_assert(memblock_contains(&mb.reserved, a));
}

START_TEST(tables_grow_into_their_own_memory)
{
	const unsigned int n = 300;
	uint64_t table_bytes;
	unsigned int i;

	/* Disjoint memory above the arena: the memory table doubles 4 -> 512. */
	for (i = 0; i < n; i++)
		ck_assert_int_eq(memblock_add_memory(&mb, 0x10000000 + i * 0x2000,
						     0x1000), 0);
	ck_assert_uint_eq(mb.memory.cnt, n + 1);
	ck_assert_uint_eq(mb.memory.max, 512);
	ck_assert_uint_ne(mb.memory.phys, 0);
	for (i = 0; i < n; i++) {
		ck_assert_uint_eq(mb.memory.regions[i + 1].base,
				  0x10000000 + i * 0x2000);
		ck_assert_uint_eq(mb.memory.regions[i + 1].size, 0x1000);
	}
	/* Only the current table stays reserved: old ones were freed. */
	table_bytes = mb.memory.max * sizeof(struct memblock_region);
	ck_assert_uint_eq(memblock_type_total(&mb.reserved),
			  table_bytes + (mb.reserved.phys ? mb.reserved.max *
					 sizeof(struct memblock_region) : 0));
	check_table_reserved(&mb.memory);
	/* Then disjoint reservations: the reserved table grows too. */
	for (i = 0; i < n; i++)
		ck_assert_int_eq(memblock_add_reserved(&mb, 0x10000000 + i * 0x2000,
						       0x800), 0);
	ck_assert_uint_ge(mb.reserved.max, n);
	ck_assert_uint_ne(mb.reserved.phys, 0);
	check_table_reserved(&mb.memory);
	check_table_reserved(&mb.reserved);
	for (i = 0; i < n; i++)
		ck_assert(memblock_contains(&mb.reserved, 0x10000000 + i * 0x2000));
	/* Allocations never land on the tables. */
	for (i = 0; i < 50; i++) {
		uint64_t a = memblock_alloc_from(&mb, 0x100, 0x100,
						 ARENA_BASE + ARENA_SIZE);

		ck_assert_uint_ne(a, 0);
		ck_assert(a + 0x100 <= mb.memory.phys || a >= mb.memory.phys +
			  mb.memory.max * sizeof(struct memblock_region));
		ck_assert(a + 0x100 <= mb.reserved.phys || a >= mb.reserved.phys +
			  mb.reserved.max * sizeof(struct memblock_region));
	}
	check_table_reserved(&mb.reserved);
}
END_TEST

/*
 * A table that grows while a range is being reserved must not put itself
 * inside that range: the caller is about to use it.
 */
START_TEST(growth_avoids_the_range_being_added)
{
	uint64_t hole_lo, hole_hi;
	unsigned int i;

	/* Fill the reserved table with small entries low in the arena. */
	for (i = 0; i < 4; i++)
		memblock_add_reserved(&mb, ARENA_BASE + i * 0x100, 0x10);
	ck_assert_uint_eq(mb.reserved.cnt, mb.reserved.max);
	/* The top of the arena: where a new table would otherwise go. */
	memblock_add_reserved(&mb, ARENA_BASE + ARENA_SIZE - 0x1000, 0x1000);
	ck_assert_uint_ne(mb.reserved.phys, 0);
	ck_assert(mb.reserved.phys + 4 * 2 * sizeof(struct memblock_region) <=
		  ARENA_BASE + ARENA_SIZE - 0x1000);
	check_table_reserved(&mb.reserved);
	ck_assert(memblock_contains(&mb.reserved, ARENA_BASE + ARENA_SIZE - 1));
	/*
	 * Likewise a split of memory: the free space just below the reserved
	 * top is where the new memory table would go, and is being removed.
	 */
	for (i = 0; i < 3; i++)
		memblock_add_memory(&mb, 0x10000000 + i * 0x2000, 0x1000);
	ck_assert_uint_eq(mb.memory.cnt, mb.memory.max);
	hole_hi = mb.reserved.phys;
	hole_lo = hole_hi - 0x200;
	ck_assert_int_eq(memblock_remove_memory(&mb, hole_lo,
						 hole_hi - hole_lo - 0x10), 0);
	ck_assert_uint_ne(mb.memory.phys, 0);
	ck_assert(mb.memory.phys + mb.memory.max * sizeof(struct memblock_region) <=
		  hole_lo);
	ck_assert(memblock_contains(&mb.memory, mb.memory.phys));
	check_table_reserved(&mb.memory);
}
END_TEST

START_TEST(growth_fails_without_room)
{
	unsigned int i;

	mb.grow_limit = ARENA_BASE;	/* nothing below it */
	for (i = 0; i < 3; i++)
		ck_assert_int_eq(memblock_add_memory(&mb, 0x10000000 + i * 0x2000,
						     0x1000), 0);
	ck_assert_int_eq(memblock_add_memory(&mb, 0x20000000, 0x1000), -ENOMEM);
	ck_assert_uint_eq(mb.memory.cnt, 4);
	ck_assert_uint_eq(mb.memory.max, 4);
	ck_assert_uint_eq(mb.memory.phys, 0);
	expect_empty(&mb.reserved);
}
END_TEST

/* ---- reservations from the boot information ------------------------------ */

struct mbuf {
	uint8_t buf[4096];
	size_t len;
};

static void put(struct mbuf *b, const void *p, size_t n)
{
	ck_assert_uint_le(b->len + n, sizeof(b->buf));
	memcpy(b->buf + b->len, p, n);
	b->len += n;
}

static size_t tag_open(struct mbuf *b, uint32_t type)
{
	struct mb2_tag t = { .type = type };
	size_t off = b->len;

	put(b, &t, sizeof(t));
	return off;
}

static void tag_close(struct mbuf *b, size_t off)
{
	uint32_t size = (uint32_t)(b->len - off);

	memcpy(b->buf + off + 4, &size, 4);
	while (b->len % MB2_TAG_ALIGN)
		b->buf[b->len++] = 0;
}

static void add_mmap_entry(struct mbuf *b, uint64_t base, uint64_t len,
			   uint32_t type)
{
	struct mb2_mmap_entry e = {
		.base_addr = base, .length = len, .type = type,
	};

	put(b, &e, sizeof(e));
}

static void add_module(struct mbuf *b, uint32_t start, uint32_t end)
{
	size_t off = tag_open(b, MB2_TAG_MODULE);

	put(b, &start, 4);
	put(b, &end, 4);
	put(b, "initrd", 7);
	tag_close(b, off);
}

static void add_section(struct mbuf *b, uint32_t type, uint64_t flags,
			uint64_t addr, uint64_t size)
{
	Elf64_Shdr sh = {
		.sh_type = type, .sh_flags = flags, .sh_addr = addr,
		.sh_size = size,
	};

	put(b, &sh, sizeof(sh));
}

/* Like GRUB's on a BIOS machine, with the defects a map can have. */
static void build_mbi(struct mbuf *b)
{
	struct mb2_tag_framebuffer fb = {
		.addr = 0xfd000000, .pitch = 4096, .width = 1024,
		.height = 768, .bpp = 32, .type = MB2_FB_TYPE_RGB,
	};
	struct mb2_fb_rgb rgb = { 16, 8, 8, 8, 0, 8 };
	uint32_t u32;
	size_t off;

	memset(b, 0, sizeof(*b));
	b->len = sizeof(struct mb2_info);

	off = tag_open(b, MB2_TAG_MMAP);
	u32 = sizeof(struct mb2_mmap_entry);
	put(b, &u32, 4);
	u32 = 0;
	put(b, &u32, 4);
	add_mmap_entry(b, 0, 0x9fc00, MMAP_AVAILABLE);
	add_mmap_entry(b, 0x9fc00, 0x400, MMAP_RESERVED);
	add_mmap_entry(b, 0x100000, 0x7ee0000, MMAP_AVAILABLE);
	add_mmap_entry(b, 0x7fe0000, 0x20000, MMAP_RESERVED);
	/* Not page-aligned: trimmed inward. */
	add_mmap_entry(b, 0x100000800ULL, 0xf800, MMAP_AVAILABLE);
	/* Reserved inside available RAM: the firmware's word wins. */
	add_mmap_entry(b, 0x5000000, 0x800, MMAP_NVS);
	/* Empty, smaller than a page, and unknown-type entries. */
	add_mmap_entry(b, 0x200000000ULL, 0, MMAP_AVAILABLE);
	add_mmap_entry(b, 0x200000000ULL, 0x800, MMAP_AVAILABLE);
	add_mmap_entry(b, 0x300000000ULL, 0x100000, 77);
	/* Across and beyond the 46-bit limit of the direct map. */
	add_mmap_entry(b, MEMBLOCK_PHYS_LIMIT - 0x1000, 0x2000, MMAP_AVAILABLE);
	add_mmap_entry(b, MEMBLOCK_PHYS_LIMIT + 0x10000, 0x1000, MMAP_AVAILABLE);
	/* The last page of the address space, whole and in part. */
	add_mmap_entry(b, 0xfffffffffffff000ULL, 0xfff, MMAP_AVAILABLE);
	add_mmap_entry(b, 0xfffffffffffff800ULL, 0x7ff, MMAP_AVAILABLE);
	tag_close(b, off);

	add_module(b, 0x300000, 0x300400);
	add_module(b, 0x7000000, 0x7000000);	/* an empty file */
	add_module(b, 0x6000100, 0x6002000);

	off = tag_open(b, MB2_TAG_ELF_SECTIONS);
	u32 = 5;
	put(b, &u32, 4);
	u32 = sizeof(Elf64_Shdr);
	put(b, &u32, 4);
	u32 = 4;
	put(b, &u32, 4);
	add_section(b, 0, 0, 0, 0);
	add_section(b, 1, 0x6, 0xffffffff80001000ULL, 0x10000);	/* .text */
	add_section(b, SHT_SYMTAB, 0, 0x600000, 0x3000);
	add_section(b, SHT_STRTAB, 0, 0x603000, 0x123);
	add_section(b, SHT_STRTAB, 0, 0, 0x80);		/* not loaded */
	tag_close(b, off);

	off = tag_open(b, MB2_TAG_FRAMEBUFFER);
	put(b, (const uint8_t *)&fb + sizeof(struct mb2_tag),
	    sizeof(fb) - sizeof(struct mb2_tag));
	put(b, &rgb, sizeof(rgb));
	tag_close(b, off);

	tag_close(b, tag_open(b, MB2_TAG_END));
	u32 = (uint32_t)b->len;
	memcpy(b->buf, &u32, 4);
}

START_TEST(boot_info_reservations_and_ram)
{
	static struct mbuf b;
	const struct memblock_boot_extra extra = {
		.image_start = 0x200000, .image_end = 0x500000,
		.mbi_phys = 0x10000,
	};
	struct boot_info bi;
	const char *why = "unset";

	build_mbi(&b);
	ck_assert_int_eq(bootinfo_parse(b.buf, b.len, &bi, &why), 0);
	ck_assert_ptr_null(why);
	ck_assert_int_eq(memblock_add_boot_info(&mb, &bi, &extra), 0);
	expect_ranges(&mb.memory,
		      { 0, 0x9f000 },
		      { 0x100000, 0x5000000 },
		      { 0x5001000, 0x7fe0000 },
		      { 0x100001000ULL, 0x100010000ULL },
		      { MEMBLOCK_PHYS_LIMIT - 0x1000, MEMBLOCK_PHYS_LIMIT });
	/*
	 * Low 1 MiB with the MBI in it; the image with the first module in
	 * it; the .symtab and .strtab copies; the other module; the screen.
	 */
	expect_ranges(&mb.reserved,
		      { 0, 0x100000 },
		      { 0x200000, 0x500000 },
		      { 0x600000, 0x603123 },
		      { 0x6000100, 0x6002000 },
		      { 0xfd000000, 0xfd300000 });
}
END_TEST

/* The MBI lies where memblock_init says; only its own bytes are kept. */
START_TEST(boot_info_mbi_reserved_where_it_lies)
{
	static struct mbuf b;
	const struct memblock_boot_extra extra = {
		.image_start = 0x200000, .image_end = 0x400000,
		.mbi_phys = 0x7000000,
	};
	struct boot_info bi;
	const char *why;

	build_mbi(&b);
	ck_assert_int_eq(bootinfo_parse(b.buf, b.len, &bi, &why), 0);
	ck_assert_int_eq(memblock_add_boot_info(&mb, &bi, &extra), 0);
	ck_assert(memblock_contains(&mb.reserved, 0x7000000));
	ck_assert(memblock_contains(&mb.reserved, 0x7000000 + b.len - 1));
	ck_assert(!memblock_contains(&mb.reserved, 0x7000000 + b.len));
	ck_assert(!memblock_contains(&mb.reserved, 0x400000));
}
END_TEST

Suite *unit_suite(void)
{
	Suite *s = suite_create("memblock");
	TCase *ranges = tcase_create("ranges");
	TCase *alloc = tcase_create("alloc");
	TCase *grow = tcase_create("grow");
	TCase *boot = tcase_create("boot");

	tcase_add_checked_fixture(ranges, setup, NULL);
	tcase_add_test(ranges, add_sorts_and_merges);
	tcase_add_test(ranges, add_at_top_of_address_space_is_cut);
	tcase_add_test(ranges, remove_splits_and_trims);
	tcase_add_test(ranges, contains_and_totals);
	tcase_add_test(ranges, free_ranges_are_memory_minus_reserved);
	suite_add_tcase(s, ranges);

	tcase_add_checked_fixture(alloc, setup, NULL);
	tcase_add_test(alloc, alloc_top_down_with_limit_and_alignment);
	tcase_add_test(alloc, alloc_never_returns_zero);
	tcase_set_timeout(alloc, 100);
	tcase_add_test(alloc, random_operations_against_model);
	suite_add_tcase(s, alloc);

	tcase_add_test(grow, full_table_without_map_refuses);
	tcase_add_checked_fixture(grow, setup_growing, teardown_growing);
	tcase_add_test(grow, tables_grow_into_their_own_memory);
	tcase_add_test(grow, growth_avoids_the_range_being_added);
	tcase_add_test(grow, growth_fails_without_room);
	suite_add_tcase(s, grow);

	tcase_add_checked_fixture(boot, setup, NULL);
	tcase_add_test(boot, boot_info_reservations_and_ram);
	tcase_add_test(boot, boot_info_mbi_reserved_where_it_lies);
	suite_add_tcase(s, boot);
	return s;
}
