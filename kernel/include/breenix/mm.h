/*
 * Physical memory: a struct page for every page frame, and the buddy
 * allocator that hands out blocks of 2^order contiguous frames.
 */
#ifndef BREENIX_MM_H
#define BREENIX_MM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <breenix/list.h>

#define PAGE_SHIFT	12
/* Spelled exactly as in <asm/page.h>, so the two can be included together. */
#define PAGE_SIZE	4096UL
#define MAX_ORDER	11		/* orders 0..10: up to 4 MiB blocks */

/* page->flags */
#define PG_reserved	(1u << 0)	/* never handed out (firmware, kernel image) */
#define PG_buddy	(1u << 1)	/* head of a free block in a buddy free list */
#define PG_slab		(1u << 2)	/* owned by the slab allocator */
#define PG_head		(1u << 3)	/* first frame of an allocated block */

/*
 * Zones, as in Linux: ZONE_DMA32 holds the frames below 4 GiB (for devices
 * with 32-bit DMA), ZONE_NORMAL everything above. Ordinary requests take
 * ZONE_NORMAL first and fall back to ZONE_DMA32.
 */
enum zone_type {
	ZONE_DMA32,
	ZONE_NORMAL,
	MAX_NR_ZONES
};

/* 40 bytes: 1% of the memory it describes. */
struct page {
	uint32_t flags;
	int32_t refcount;		/* atomic; 0 when free */
	struct list_head lru;		/* buddy free list, or the owner's list */
	void *private;			/* owner's data (the slab cache, say) */
	uint32_t inuse;			/* owner's counter (objects in a slab) */
	uint8_t order;			/* of a free block, or of an allocation */
};

typedef unsigned int gfp_t;
#define GFP_KERNEL	0u
#define __GFP_ZERO	(1u << 0)	/* zero the pages */
#define __GFP_DMA32	(1u << 1)	/* physical address below 4 GiB */

/*
 * A block of 2^order frames with a reference count of 1, its first page
 * marked PG_head. NULL when no block of that order is free, or the order
 * is MAX_ORDER or more (never panics).
 */
struct page *alloc_pages(gfp_t gfp, unsigned int order);
/*
 * Frees a block from alloc_pages with the order it was allocated with. The
 * caller must hold the only reference; anything else (a double free, a
 * reserved frame, a tail page, a wrong order, refcount != 1) panics.
 */
void free_pages(struct page *page, unsigned int order);

static inline struct page *alloc_page(gfp_t gfp)
{
	return alloc_pages(gfp, 0);
}

/*
 * Reference counts, for shared and copy-on-write mappings. Reserved frames
 * hold one reference forever, so they can be shared too but never freed.
 */
void get_page(struct page *page);
/* Drops a reference; frees the block (of its allocation order) at zero. */
void put_page(struct page *page);

uint64_t page_to_phys(const struct page *page);
struct page *phys_to_page(uint64_t phys);	/* NULL outside known RAM */
void *page_address(const struct page *page);	/* through the direct map */
struct page *virt_to_page(const void *addr);	/* direct-map addresses only */

struct mem_stats {
	uint64_t total_pages;		/* frames managed by the allocator */
	uint64_t free_pages;
	uint64_t free_blocks[MAX_ORDER];	/* free blocks of each order */
};

void mm_get_stats(struct mem_stats *out);
/* The same numbers for one zone. */
void mm_get_zone_stats(enum zone_type zone, struct mem_stats *out);

/*
 * Builds mem_map and the buddy allocator from memblock's free ranges. Call
 * once, after memblock_init() and after every RAM frame is reachable through
 * the direct map; memblock allocations end here.
 */
void page_alloc_init(void);
bool page_alloc_ready(void);

/*
 * Hands the whole pages inside [start, end) (physical), which must be
 * reserved RAM, to the buddy allocator: for boot-time memory that is no
 * longer needed (the initrd once unpacked). Returns the pages freed.
 */
uint64_t free_reserved_area(uint64_t start, uint64_t end);

#endif
