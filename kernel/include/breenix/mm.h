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
#define PAGE_SIZE	(1UL << PAGE_SHIFT)
#define MAX_ORDER	11		/* orders 0..10: up to 4 MiB blocks */

/* page->flags */
#define PG_reserved	(1u << 0)	/* never handed out (firmware, kernel image) */
#define PG_buddy	(1u << 1)	/* head of a free block in a buddy free list */
#define PG_slab		(1u << 2)	/* owned by the slab allocator */
#define PG_head		(1u << 3)	/* first frame of an allocated block */

struct page {
	uint32_t flags;
	int32_t refcount;		/* atomic; 0 when free */
	uint8_t order;			/* of a free block, or of an allocation */
	struct list_head lru;		/* buddy free list, or the owner's list */
	void *private;			/* owner's data (the slab cache, say) */
	uint32_t inuse;			/* owner's counter (objects in a slab) */
};

typedef unsigned int gfp_t;
#define GFP_KERNEL	0u
#define __GFP_ZERO	(1u << 0)	/* zero the pages */
#define __GFP_DMA32	(1u << 1)	/* physical address below 4 GiB */

/* NULL when no block of that order is free (never panics). */
struct page *alloc_pages(gfp_t gfp, unsigned int order);
void free_pages(struct page *page, unsigned int order);

static inline struct page *alloc_page(gfp_t gfp)
{
	return alloc_pages(gfp, 0);
}

/* Reference counts, for shared and copy-on-write mappings. */
void get_page(struct page *page);
/* Drops a reference; frees the order-0 page when it was the last. */
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

#endif
