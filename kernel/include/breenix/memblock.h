/*
 * memblock: physical memory before the buddy allocator exists, as in Linux.
 * Two sorted, merged range lists (the RAM the firmware reported, and what is
 * reserved in it) and a top-down allocator over the difference.
 */
#ifndef BREENIX_MEMBLOCK_H
#define BREENIX_MEMBLOCK_H

#include <stdbool.h>
#include <stdint.h>

/* The first MiB stays reserved for good: BIOS data, EBDA, option ROMs,
 * and (later) the SMP trampoline. */
#define LOW_MEMORY	0x100000ULL
#include <breenix/bootinfo.h>

/* A limit for memblock_alloc() that does not restrict the address. */
#define MEMBLOCK_ALLOC_ANYWHERE	(~0ULL)

/*
 * Linux's MAX_PHYSMEM_BITS for 4-level paging: the direct map (64 TiB from
 * 0xFFFF800000000000) cannot reach RAM above this, so it is not used.
 */
#define MEMBLOCK_PHYS_LIMIT	(1ULL << 46)

/* ---- the kernel's memblock ---------------------------------------------- */

/*
 * Reserves the first 1 MiB, the kernel image, the Multiboot2 information,
 * the modules, the ELF sections GRUB copied and the framebuffer, then adds
 * the available RAM of the memory map, page-aligned inward. Panics when the
 * tables cannot hold the map.
 */
void memblock_init(const struct boot_info *bi);

/*
 * size bytes aligned to align (a power of two), ending at or below limit,
 * from the highest free RAM that fits; reserved. Returns the physical
 * address, or 0 when nothing fits. Panics once page_alloc_init() has run.
 */
uint64_t memblock_alloc(uint64_t size, uint64_t align, uint64_t limit);
/*
 * Mark [base, base + size) reserved / no longer reserved. Panic when the
 * tables are full, and once page_alloc_init() has run.
 */
void memblock_reserve(uint64_t base, uint64_t size);
void memblock_free(uint64_t base, uint64_t size);

/* Whether addr lies in RAM the memory map reported (holes excluded). */
bool memblock_is_memory(uint64_t addr);
/* One past the last byte of RAM. */
uint64_t memblock_end_of_ram(void);
/*
 * Every range of RAM (reserved parts included), lowest first: for the
 * direct map. Usable before and after page_alloc_init().
 */
void memblock_for_each_memory(void (*fn)(uint64_t start, uint64_t end,
					 void *arg), void *arg);

/*
 * For page_alloc_init(): calls release(start, end, arg) for every free range
 * of RAM, in address order, then closes memblock to further allocation.
 */
void memblock_release_free(void (*release)(uint64_t start, uint64_t end,
					   void *arg), void *arg);

/* ---- the range lists, on any struct memblock (host-testable) ------------ */

struct memblock_region {
	uint64_t base;
	uint64_t size;
};

struct memblock_type {
	const char *name;
	struct memblock_region *regions;	/* sorted, disjoint, not adjacent */
	unsigned int cnt;
	unsigned int max;
	uint64_t phys;		/* where regions lives if memblock allocated it */
};

struct memblock {
	struct memblock_type memory;
	struct memblock_type reserved;
	/*
	 * A full table doubles into memory taken from memblock itself below
	 * grow_limit, reached through map(); with map NULL it cannot grow.
	 */
	void *(*map)(uint64_t phys);
	uint64_t grow_limit;
};

/* The initial tables; each must hold at least 4 regions. */
void memblock_setup(struct memblock *mb, struct memblock_region *memory,
		    unsigned int memory_max, struct memblock_region *reserved,
		    unsigned int reserved_max);

/*
 * Each returns 0, or -ENOMEM when a table is full and cannot grow (nothing
 * changed then). A range running past 2^64 is cut at the top; size 0 is a
 * no-op.
 */
int memblock_add_memory(struct memblock *mb, uint64_t base, uint64_t size);
int memblock_remove_memory(struct memblock *mb, uint64_t base, uint64_t size);
int memblock_add_reserved(struct memblock *mb, uint64_t base, uint64_t size);
int memblock_remove_reserved(struct memblock *mb, uint64_t base,
			     uint64_t size);

/* The allocator behind memblock_alloc(): 0 when nothing fits. */
uint64_t memblock_alloc_from(struct memblock *mb, uint64_t size,
			     uint64_t align, uint64_t limit);

/* Free RAM (memory minus reserved), lowest first: fn(start, end, arg). */
void memblock_for_each_free(const struct memblock *mb,
			    void (*fn)(uint64_t start, uint64_t end, void *arg),
			    void *arg);

bool memblock_contains(const struct memblock_type *type, uint64_t addr);
uint64_t memblock_type_total(const struct memblock_type *type);

/* What the kernel occupies that the boot information does not describe. */
struct memblock_boot_extra {
	uint64_t image_start, image_end;	/* physical */
	uint64_t mbi_phys;			/* of bi->mbi */
};

/* The policy of memblock_init() on mb: 0 or -ENOMEM. */
int memblock_add_boot_info(struct memblock *mb, const struct boot_info *bi,
			   const struct memblock_boot_extra *extra);

#endif
