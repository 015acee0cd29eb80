/*
 * The kernel's page allocator: mem_map (a struct page per frame up to the
 * end of RAM) taken from memblock, and the buddy core (buddy.c) over it,
 * fed with every range memblock left free. Zeroing goes through the direct
 * map here; the core never touches page contents.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <breenix/bootinfo.h>
#include <breenix/buddy.h>
#include <breenix/init.h>
#include <breenix/memblock.h>
#include <breenix/mm.h>
#include <breenix/panic.h>
#include <breenix/printk.h>
#include <asm/boot.h>
#include <asm/page.h>

#define MiB		(1024ULL * 1024)
/* ZONE_DMA32 ends where 32-bit DMA addresses do, at 4 GiB. */
#define DMA32_END_PFN	(0x100000000ULL >> PAGE_SHIFT)

_Static_assert(sizeof(struct page) == 40, "struct page: mm.h says 40 bytes");

static struct buddy_node node;
static bool ready;

void buddy_bug(const char *fmt, ...)
{
	char msg[160];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	panic("%s", msg);
}

/* Whole pages only: a page that is partly reserved stays reserved. */
static void release_range(uint64_t start, uint64_t end, void *arg)
{
	uint64_t *released = arg;
	uint64_t first = (start + PAGE_SIZE - 1) >> PAGE_SHIFT;
	uint64_t last = end >> PAGE_SHIFT;

	if (first < last)
		*released += buddy_release(&node, first, last);
}

static void print_zones(void)
{
	struct mem_stats st;
	unsigned int i;

	for (i = 0; i < MAX_NR_ZONES; i++) {
		const struct buddy_zone *z = &node.zones[i];

		if (z->start_pfn >= z->end_pfn)
			continue;
		buddy_stats(&node, i, &st);
		pr_info("  zone %-6s pfn %#llx-%#llx: %llu pages free\n",
			z->name, (unsigned long long)z->start_pfn,
			(unsigned long long)(z->end_pfn - 1),
			(unsigned long long)st.free_pages);
	}
}

/* Whole pages of the initrd: reserved now, freed once initramfs_unpack is done. */
static uint64_t initrd_pages(void)
{
	struct boot_module m;
	uint64_t start, end;

	if (bootinfo_find_module(&boot_info, "initrd", &m))
		return 0;
	start = (m.start + PAGE_SIZE - 1) & ~(uint64_t)(PAGE_SIZE - 1);
	end = m.end & ~(uint64_t)(PAGE_SIZE - 1);
	return end > start ? (end - start) >> PAGE_SHIFT : 0;
}

void page_alloc_init(void)
{
	uint64_t max_pfn = memblock_end_of_ram() >> PAGE_SHIFT;
	uint64_t bytes = max_pfn * sizeof(struct page);
	uint64_t map_phys, released = 0;

	if (ready)
		panic("page_alloc_init called twice");
	map_phys = memblock_alloc(bytes, PAGE_SIZE, MEMBLOCK_ALLOC_ANYWHERE);
	if (!map_phys)
		panic("page_alloc_init: no room for mem_map (%llu KiB for %llu frames)",
		      (unsigned long long)(bytes / 1024),
		      (unsigned long long)max_pfn);
	buddy_node_init(&node, phys_to_virt(map_phys), max_pfn, DMA32_END_PFN);
	memblock_release_free(release_range, &released);
	ready = true;
	pr_info("Memory: %llu MiB free in buddy allocator (%llu pages), %llu MiB once the initrd is freed, mem_map %llu MiB\n",
		(unsigned long long)(released * PAGE_SIZE / MiB),
		(unsigned long long)released,
		(unsigned long long)((released + initrd_pages()) * PAGE_SIZE / MiB),
		(unsigned long long)((bytes + MiB - 1) / MiB));
	print_zones();
}

bool page_alloc_ready(void)
{
	return ready;
}

struct page *alloc_pages(gfp_t gfp, unsigned int order)
{
	struct page *page;

	if (!ready)
		return NULL;
	page = buddy_alloc(&node, gfp, order);
	if (page && (gfp & __GFP_ZERO))
		memset(page_address(page), 0, PAGE_SIZE << order);
	return page;
}

void free_pages(struct page *page, unsigned int order)
{
	buddy_free(&node, page, order);
}

void get_page(struct page *page)
{
	buddy_get_page(&node, page);
}

void put_page(struct page *page)
{
	buddy_put_page(&node, page);
}

uint64_t page_to_phys(const struct page *page)
{
	return buddy_page_to_pfn(&node, page) << PAGE_SHIFT;
}

/* Frames in holes of the memory map have a struct page but are not RAM. */
struct page *phys_to_page(uint64_t phys)
{
	if (!ready || !memblock_is_memory(phys))
		return NULL;
	return buddy_pfn_to_page(&node, phys >> PAGE_SHIFT);
}

void *page_address(const struct page *page)
{
	return phys_to_virt(page_to_phys(page));
}

/* The kernel image is reachable at KERNEL_VMA too (x86's __pa does both). */
struct page *virt_to_page(const void *addr)
{
	uint64_t va = (uint64_t)addr;

	if (va >= KERNEL_VMA)
		return phys_to_page(va - KERNEL_VMA);
	if (va >= DIRECT_MAP_BASE)
		return phys_to_page(va - DIRECT_MAP_BASE);
	return NULL;
}

void mm_get_stats(struct mem_stats *out)
{
	buddy_stats(&node, MAX_NR_ZONES, out);
}

void mm_get_zone_stats(enum zone_type zone, struct mem_stats *out)
{
	if (zone >= MAX_NR_ZONES) {
		memset(out, 0, sizeof(*out));
		return;
	}
	buddy_stats(&node, zone, out);
}

uint64_t free_reserved_area(uint64_t start, uint64_t end)
{
	uint64_t pfn = (start + PAGE_SIZE - 1) >> PAGE_SHIFT;
	uint64_t last = end >> PAGE_SHIFT;
	uint64_t freed = 0;

	if (!ready)
		panic("free_reserved_area called before page_alloc_init");
	/* Whatever lay there (an initrd, say), the first MiB is never freed. */
	if (pfn < (LOW_MEMORY >> PAGE_SHIFT))
		pfn = LOW_MEMORY >> PAGE_SHIFT;
	/* Hand over runs of RAM; holes in the range have no frames to free. */
	while (pfn < last) {
		uint64_t run = pfn;

		while (run < last && memblock_is_memory(run << PAGE_SHIFT))
			run++;
		freed += buddy_release(&node, pfn, run);
		pfn = run + 1;
	}
	return freed;
}
