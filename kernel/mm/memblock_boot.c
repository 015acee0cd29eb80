/*
 * The kernel's memblock: built from the Multiboot2 information at boot, used
 * for the first page tables and mem_map, then handed to the buddy allocator
 * by page_alloc_init(). The RAM list is kept for phys_to_page() afterwards.
 */
#include <stdint.h>
#include <breenix/memblock.h>
#include <breenix/panic.h>
#include <breenix/printk.h>
#include <asm/boot.h>
#include <asm/page.h>

/*
 * Room for GRUB's UEFI maps (~100 entries, mostly merged) and every boot
 * reservation; beyond that the tables double into memblock's own memory.
 */
#define INIT_REGIONS	128
#define MiB		(1024ULL * 1024)

extern char __boot_start[], __kernel_end[];

static struct memblock_region init_memory[INIT_REGIONS];
static struct memblock_region init_reserved[INIT_REGIONS];
static struct memblock memblock;
static bool memblock_closed;

static void *map_early(uint64_t phys)
{
	return phys_to_virt(phys);
}

static void check_open(const char *who)
{
	if (memblock_closed)
		panic("%s called after page_alloc_init(): use alloc_pages()",
		      who);
}

static void check_fit(int err, const char *what, uint64_t base, uint64_t size)
{
	if (err)
		panic("memblock: no room to record %s [%#llx-%#llx] "
		      "(memory %u regions, reserved %u)", what,
		      (unsigned long long)base,
		      (unsigned long long)(base + size - 1),
		      memblock.memory.cnt, memblock.reserved.cnt);
}

void memblock_init(const struct boot_info *bi)
{
	struct memblock_boot_extra extra = {
		.image_start = (uint64_t)__boot_start,
		.image_end = (uint64_t)__kernel_end - KERNEL_VMA,
		.mbi_phys = (uint64_t)bi->mbi - DIRECT_MAP_BASE,
	};
	int err;

	memblock_setup(&memblock, init_memory, INIT_REGIONS, init_reserved,
		       INIT_REGIONS);
	/* Until the full direct map exists, only the early one reaches. */
	memblock.map = map_early;
	memblock.grow_limit = EARLY_DIRECT_MAP_LIMIT;
	err = memblock_add_boot_info(&memblock, bi, &extra);
	if (err)
		panic("memblock: the memory map does not fit (%u RAM ranges, "
		      "%u reserved)", memblock.memory.cnt,
		      memblock.reserved.cnt);
	if (!memblock.memory.cnt)
		panic("memblock: the memory map reports no usable RAM");
	pr_info("memblock: %llu MiB RAM in %u ranges up to %#llx, %llu KiB reserved\n",
		(unsigned long long)(memblock_type_total(&memblock.memory) / MiB),
		memblock.memory.cnt,
		(unsigned long long)memblock_end_of_ram(),
		(unsigned long long)(memblock_type_total(&memblock.reserved) / 1024));
}

uint64_t memblock_alloc(uint64_t size, uint64_t align, uint64_t limit)
{
	check_open("memblock_alloc");
	return memblock_alloc_from(&memblock, size, align, limit);
}

void memblock_reserve(uint64_t base, uint64_t size)
{
	check_open("memblock_reserve");
	check_fit(memblock_add_reserved(&memblock, base, size), "reservation",
		  base, size);
}

void memblock_free(uint64_t base, uint64_t size)
{
	check_open("memblock_free");
	check_fit(memblock_remove_reserved(&memblock, base, size), "free",
		  base, size);
}

bool memblock_is_memory(uint64_t addr)
{
	return memblock_contains(&memblock.memory, addr);
}

uint64_t memblock_end_of_ram(void)
{
	const struct memblock_type *m = &memblock.memory;

	if (!m->cnt)
		return 0;
	return m->regions[m->cnt - 1].base + m->regions[m->cnt - 1].size;
}

void memblock_for_each_memory(void (*fn)(uint64_t start, uint64_t end,
					 void *arg), void *arg)
{
	unsigned int i;

	for (i = 0; i < memblock.memory.cnt; i++) {
		const struct memblock_region *r = &memblock.memory.regions[i];

		fn(r->base, r->base + r->size, arg);
	}
}

void memblock_release_free(void (*release)(uint64_t start, uint64_t end,
					   void *arg), void *arg)
{
	check_open("memblock_release_free");
	memblock_closed = true;
	memblock_for_each_free(&memblock, release, arg);
}
