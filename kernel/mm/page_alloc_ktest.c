/*
 * In-kernel tests of the page allocator on the machine's real memory map:
 * every order, zeroing, DMA32, reference counts, the boot reservations, and
 * that memory taken by a burst of allocations all comes back. Two boot
 * tests (test=mm_double_free, test=mm_free_reserved) end in the panic a
 * broken caller must get.
 */
#include <stdint.h>
#include <string.h>
#include <breenix/bootinfo.h>
#include <breenix/boottest.h>
#include <breenix/elf.h>
#include <breenix/init.h>
#include <breenix/ktest.h>
#include <breenix/memblock.h>
#include <breenix/mm.h>
#include <asm/boot.h>
#include <asm/page.h>

#define DMA32_LIMIT	0x100000000ULL
#define BURST		1000
#define BURST_MAX_ORDER	4

extern char __boot_start[], __kernel_end[];

static uint64_t free_now(void)
{
	struct mem_stats st;

	mm_get_stats(&st);
	return st.free_pages;
}

static bool same_blocks(const struct mem_stats *a, const struct mem_stats *b)
{
	return !memcmp(a->free_blocks, b->free_blocks, sizeof(a->free_blocks));
}

/* A cheap deterministic sequence: the test is the same on every boot. */
static uint32_t next_rand(uint32_t *state)
{
	*state = *state * 1103515245u + 12345u;
	return *state >> 16;
}

KTEST(page_alloc_every_order)
{
	uint64_t before;
	unsigned int o;

	KT_ASSERT_MSG(page_alloc_ready(), "page_alloc_init() has not run");
	before = free_now();
	for (o = 0; o < MAX_ORDER; o++) {
		struct page *pg = alloc_pages(GFP_KERNEL, o);
		uint64_t pa;
		uint8_t *va;

		KT_ASSERT_MSG(pg, "no block of order %u", o);
		pa = page_to_phys(pg);
		KT_ASSERT_MSG(!(pa & ((PAGE_SIZE << o) - 1)),
			      "order %u block at %#llx is misaligned", o,
			      (unsigned long long)pa);
		KT_ASSERT(pg->refcount == 1 && (pg->flags & PG_head));
		KT_ASSERT(free_now() == before - (1ULL << o));
		va = page_address(pg);
		va[0] = 0x5a;
		va[(PAGE_SIZE << o) - 1] = 0xa5;
		KT_ASSERT(phys_to_page(pa) == pg && virt_to_page(va) == pg);
		free_pages(pg, o);
		KT_ASSERT_EQ(free_now(), before);
	}
	KT_ASSERT(alloc_pages(GFP_KERNEL, MAX_ORDER) == NULL);
}

/*
 * BURST allocations of random orders, each page stamped with its own
 * physical address through the direct map, then checked and freed: no page
 * is handed out twice, and the free lists end exactly as they began.
 */
KTEST(page_alloc_burst_returns_memory)
{
	static struct page *pages[BURST];
	static uint8_t orders[BURST];
	struct mem_stats before, after;
	uint32_t seed = 12345;
	unsigned int i, got = 0;
	uint64_t j;

	KT_ASSERT_MSG(page_alloc_ready(), "page_alloc_init() has not run");
	mm_get_stats(&before);
	for (i = 0; i < BURST; i++) {
		orders[i] = next_rand(&seed) % (BURST_MAX_ORDER + 1);
		pages[i] = alloc_pages(GFP_KERNEL, orders[i]);
		if (!pages[i])
			continue;
		got++;
		for (j = 0; j < (1ULL << orders[i]); j++) {
			uint64_t *w = page_address(pages[i] + j);

			w[0] = page_to_phys(pages[i] + j);
			w[PAGE_SIZE / 8 - 1] = ~w[0];
		}
	}
	KT_ASSERT_MSG(got > BURST / 2, "only %u of %u allocations succeeded",
		      got, BURST);
	for (i = 0; i < BURST; i++) {
		if (!pages[i])
			continue;
		for (j = 0; j < (1ULL << orders[i]); j++) {
			uint64_t *w = page_address(pages[i] + j);
			uint64_t pa = page_to_phys(pages[i] + j);

			KT_ASSERT_MSG(w[0] == pa && w[PAGE_SIZE / 8 - 1] == ~pa,
				      "page %#llx was handed out twice",
				      (unsigned long long)pa);
		}
		free_pages(pages[i], orders[i]);
	}
	mm_get_stats(&after);
	KT_ASSERT_EQ(after.free_pages, before.free_pages);
	KT_ASSERT_MSG(same_blocks(&before, &after),
		      "free blocks did not merge back as they were");
}

/*
 * Every frame, until alloc_pages says NULL: exhaustion is an answer, not a
 * panic. The free pages are chained through their own first word.
 */
KTEST(page_alloc_exhaustion_returns_null)
{
	struct mem_stats before, after;
	struct page *head = NULL, *pg;
	uint64_t n = 0;

	KT_ASSERT_MSG(page_alloc_ready(), "page_alloc_init() has not run");
	mm_get_stats(&before);
	while ((pg = alloc_pages(GFP_KERNEL, 0))) {
		*(struct page **)page_address(pg) = head;
		head = pg;
		n++;
	}
	KT_ASSERT_EQ(free_now(), 0);
	KT_ASSERT(alloc_pages(__GFP_DMA32, 0) == NULL);
	while (head) {
		pg = head;
		head = *(struct page **)page_address(pg);
		free_pages(pg, 0);
	}
	mm_get_stats(&after);
	KT_ASSERT_EQ(n, before.free_pages);
	KT_ASSERT_EQ(after.free_pages, before.free_pages);
	KT_ASSERT_MSG(same_blocks(&before, &after),
		      "free blocks did not merge back as they were");
}

KTEST(page_alloc_dma32_below_4g)
{
	struct mem_stats normal;
	struct page *pg;
	unsigned int o;

	KT_ASSERT_MSG(page_alloc_ready(), "page_alloc_init() has not run");
	for (o = 0; o < MAX_ORDER; o += 2) {
		pg = alloc_pages(__GFP_DMA32, o);
		KT_ASSERT_MSG(pg, "no DMA32 block of order %u", o);
		KT_ASSERT_MSG(page_to_phys(pg) + (PAGE_SIZE << o) <= DMA32_LIMIT,
			      "DMA32 block at %#llx",
			      (unsigned long long)page_to_phys(pg));
		free_pages(pg, o);
	}
	/* Ordinary requests spare DMA32 while ZONE_NORMAL has memory. */
	mm_get_zone_stats(ZONE_NORMAL, &normal);
	pg = alloc_pages(GFP_KERNEL, 0);
	KT_ASSERT(pg);
	KT_ASSERT_MSG((page_to_phys(pg) >= DMA32_LIMIT) == (normal.free_pages > 0),
		      "page at %#llx with %llu pages free in ZONE_NORMAL",
		      (unsigned long long)page_to_phys(pg),
		      (unsigned long long)normal.free_pages);
	free_pages(pg, 0);
}

KTEST(page_alloc_gfp_zero)
{
	static const unsigned int orders[] = { 0, 3 };
	unsigned int i;
	uint64_t j;

	KT_ASSERT_MSG(page_alloc_ready(), "page_alloc_init() has not run");
	for (i = 0; i < sizeof(orders) / sizeof(orders[0]); i++) {
		unsigned int o = orders[i];
		struct page *pg = alloc_pages(GFP_KERNEL, o);
		uint64_t *w;

		/* Dirty a block; the free lists are LIFO, so it comes back. */
		KT_ASSERT(pg);
		memset(page_address(pg), 0xa5, PAGE_SIZE << o);
		free_pages(pg, o);
		pg = alloc_pages(__GFP_ZERO, o);
		KT_ASSERT(pg);
		w = page_address(pg);
		for (j = 0; j < (PAGE_SIZE << o) / 8; j++)
			KT_ASSERT_MSG(w[j] == 0, "order %u: word %llu is %#llx",
				      o, (unsigned long long)j,
				      (unsigned long long)w[j]);
		free_pages(pg, o);
	}
}

KTEST(page_alloc_refcount)
{
	uint64_t before;
	struct page *pg;

	KT_ASSERT_MSG(page_alloc_ready(), "page_alloc_init() has not run");
	before = free_now();
	pg = alloc_pages(GFP_KERNEL, 2);
	KT_ASSERT(pg);
	get_page(pg);
	KT_ASSERT_EQ(pg->refcount, 2);
	put_page(pg);
	KT_ASSERT_EQ(pg->refcount, 1);
	KT_ASSERT_EQ(free_now(), before - 4);
	put_page(pg);
	KT_ASSERT_EQ(free_now(), before);
	KT_ASSERT(!(pg->flags & PG_head));
}

/* Boot memory handed over late (an unpacked initrd): whole pages only. */
KTEST(page_alloc_free_reserved_area)
{
	struct mem_stats before, after;
	struct page *pg;
	uint64_t pa;
	unsigned int i;

	KT_ASSERT_MSG(page_alloc_ready(), "page_alloc_init() has not run");
	mm_get_stats(&before);
	pg = alloc_pages(GFP_KERNEL, 2);
	KT_ASSERT(pg);
	pa = page_to_phys(pg);
	/* Make the block look as memblock left it: reserved, one reference. */
	for (i = 0; i < 4; i++) {
		pg[i].flags = PG_reserved;
		pg[i].refcount = 1;
	}
	KT_ASSERT_EQ(free_reserved_area(pa + 1, pa + 4 * PAGE_SIZE - 1), 2);
	KT_ASSERT(pg[0].flags & PG_reserved && pg[3].flags & PG_reserved);
	KT_ASSERT_EQ(free_now(), before.free_pages - 2);
	KT_ASSERT_EQ(free_reserved_area(pa, pa + PAGE_SIZE), 1);
	KT_ASSERT_EQ(free_reserved_area(pa + 3 * PAGE_SIZE, pa + 4 * PAGE_SIZE), 1);
	mm_get_stats(&after);
	KT_ASSERT_EQ(after.free_pages, before.free_pages);
	/* Released twice (at boot and here), so counted twice as managed. */
	KT_ASSERT_EQ(after.total_pages, before.total_pages + 4);
	KT_ASSERT_MSG(same_blocks(&before, &after),
		      "the block did not merge back as it was");
}

struct ram_walk {
	uint64_t prev_end;
	uint64_t ranges;
	bool ok;
};

/* Sorted, page-aligned, apart; each edge frame a page, the holes none. */
static void check_ram_range(uint64_t start, uint64_t end, void *arg)
{
	struct ram_walk *w = arg;

	if (start >= end || (start | end) & (PAGE_SIZE - 1) ||
	    (w->ranges && start <= w->prev_end))
		w->ok = false;
	if (!phys_to_page(start) || !phys_to_page(end - 1))
		w->ok = false;
	if (w->ranges && phys_to_page(w->prev_end))
		w->ok = false;
	if (start && phys_to_page(start - 1))
		w->ok = false;
	w->prev_end = end;
	w->ranges++;
}

KTEST(page_alloc_ram_ranges_have_pages)
{
	struct ram_walk w = { .ok = true };

	KT_ASSERT_MSG(page_alloc_ready(), "page_alloc_init() has not run");
	memblock_for_each_memory(check_ram_range, &w);
	KT_ASSERT(w.ranges > 0);
	KT_ASSERT(w.ok);
	KT_ASSERT_EQ(w.prev_end, memblock_end_of_ram());
}

static bool range_reserved(uint64_t start, uint64_t end)
{
	uint64_t pa;

	for (pa = start & ~(PAGE_SIZE - 1); pa < end; pa += PAGE_SIZE) {
		struct page *pg = phys_to_page(pa);

		if (pg && !(pg->flags & PG_reserved))
			return false;
	}
	return true;
}

/* GRUB's copies of .symtab and .strtab, which panic traces read. */
static bool sections_reserved(void)
{
	const char *shdrs = boot_info.elf_shdrs;
	Elf64_Shdr sh;
	uint32_t i;

	for (i = 0; shdrs && i < boot_info.elf_shnum; i++) {
		memcpy(&sh, shdrs + (size_t)i * boot_info.elf_shentsize,
		       sizeof(sh));
		if ((sh.sh_type == SHT_SYMTAB || sh.sh_type == SHT_STRTAB) &&
		    sh.sh_addr && sh.sh_addr < KERNEL_VMA &&
		    !range_reserved(sh.sh_addr, sh.sh_addr + sh.sh_size))
			return false;
	}
	return true;
}

/* What memblock_init() reserved never reached the buddy allocator. */
KTEST(page_alloc_boot_reservations_kept)
{
	uint64_t image_end = (uint64_t)__kernel_end - KERNEL_VMA;
	uint64_t mbi = (uint64_t)boot_info.mbi - DIRECT_MAP_BASE;
	struct boot_module mod;
	struct page *pg;
	uint32_t i;

	KT_ASSERT_MSG(page_alloc_ready(), "page_alloc_init() has not run");
	KT_ASSERT(range_reserved(0, 0x100000));
	KT_ASSERT(range_reserved((uint64_t)__boot_start, image_end));
	/* Through the image's own mapping, as virt_to_page allows. */
	pg = virt_to_page(&boot_info);
	KT_ASSERT(pg && (pg->flags & PG_reserved));
	KT_ASSERT(range_reserved(mbi, mbi + boot_info.mbi_size));
	for (i = 0; i < boot_info.module_count; i++) {
		KT_ASSERT(!bootinfo_module(&boot_info, i, &mod));
		/* The initrd is handed back once it is unpacked. */
		if (!strcmp(mod.cmdline, "initrd"))
			continue;
		KT_ASSERT_MSG(range_reserved(mod.start, mod.end),
			      "module %u at %#llx is not reserved", i,
			      (unsigned long long)mod.start);
	}
	KT_ASSERT(sections_reserved());
	pg = alloc_pages(GFP_KERNEL, 0);
	KT_ASSERT(pg);
	KT_ASSERT(!(pg->flags & PG_reserved));
	free_pages(pg, 0);
	KT_ASSERT(phys_to_page(memblock_end_of_ram()) == NULL);
}

/* The second free panics: "free_pages: double free of pfn 0x...". */
BOOT_TEST(mm_double_free)
{
	struct page *pg = alloc_pages(GFP_KERNEL, 0);

	if (!pg)
		return false;
	free_pages(pg, 0);
	free_pages(pg, 0);
	return false;
}

/* Kernel data is reserved: "free_pages: pfn 0x... is reserved". */
BOOT_TEST(mm_free_reserved)
{
	struct page *pg = virt_to_page(&boot_info);

	if (!pg)
		return false;
	free_pages(pg, 0);
	return false;
}
