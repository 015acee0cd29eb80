/*
 * The buddy allocator's core: zones of frames described by a struct page
 * array, free lists per order, splitting and merging by PFN XOR. It never
 * touches the frames' contents, so the host unit tests run it unchanged.
 */
#ifndef BREENIX_BUDDY_H
#define BREENIX_BUDDY_H

#include <stdbool.h>
#include <stdint.h>
#include <breenix/list.h>
#include <breenix/mm.h>

#ifdef BREENIX_HOST_TEST
/* The host tests run on one thread: the zone lock is not needed there. */
typedef struct {
	int unused;
} buddy_lock_t;
#define BUDDY_LOCK_INIT		{ 0 }
static inline unsigned long buddy_lock(buddy_lock_t *lock)
{
	(void)lock;
	return 0;
}
static inline void buddy_unlock(buddy_lock_t *lock, unsigned long flags)
{
	(void)lock;
	(void)flags;
}
#else
#include <breenix/spinlock.h>
typedef spinlock_t buddy_lock_t;
#define BUDDY_LOCK_INIT		SPINLOCK_INIT
#define buddy_lock		spin_lock_irqsave
#define buddy_unlock		spin_unlock_irqrestore
#endif

struct buddy_zone {
	const char *name;
	uint64_t start_pfn;		/* frames [start_pfn, end_pfn) */
	uint64_t end_pfn;
	buddy_lock_t lock;		/* free lists and counters */
	struct list_head free_list[MAX_ORDER];
	uint64_t nr_free[MAX_ORDER];	/* blocks on each list */
	uint64_t free_pages;
	uint64_t managed_pages;		/* frames released into the zone */
};

/* All the frames below max_pfn, split into zones (Linux's pg_data_t). */
struct buddy_node {
	struct page *mem_map;		/* mem_map[pfn] for pfn < max_pfn */
	uint64_t max_pfn;
	struct buddy_zone zones[MAX_NR_ZONES];
};

/*
 * Marks every page of mem_map reserved (holding one reference) and sets
 * up empty zones: ZONE_DMA32 below dma32_end_pfn, ZONE_NORMAL above.
 */
void buddy_node_init(struct buddy_node *node, struct page *mem_map,
		     uint64_t max_pfn, uint64_t dma32_end_pfn);

/*
 * Gives the reserved frames [start_pfn, end_pfn) to the allocator. Returns
 * the number released; a frame that is not reserved and unused is a bug.
 */
uint64_t buddy_release(struct buddy_node *node, uint64_t start_pfn,
		       uint64_t end_pfn);

/* Which zones a request may use, in the order to try them. */
unsigned int buddy_zonelist(gfp_t gfp, enum zone_type list[MAX_NR_ZONES]);

struct page *buddy_alloc(struct buddy_node *node, gfp_t gfp,
			 unsigned int order);
void buddy_free(struct buddy_node *node, struct page *page,
		unsigned int order);
void buddy_get_page(struct buddy_node *node, struct page *page);
void buddy_put_page(struct buddy_node *node, struct page *page);

/* NULL for a PFN at or above max_pfn. */
struct page *buddy_pfn_to_page(const struct buddy_node *node, uint64_t pfn);
uint64_t buddy_page_to_pfn(const struct buddy_node *node,
			   const struct page *page);

/* Totals of the zone, or of every zone when zone is MAX_NR_ZONES. */
void buddy_stats(struct buddy_node *node, enum zone_type zone,
		 struct mem_stats *out);

/*
 * A caller broke the rules (double free, refcount underflow...). The
 * kernel panics with the message; the host tests record it and check that
 * the allocator's state did not change.
 */
__attribute__((format(printf, 1, 2)))
void buddy_bug(const char *fmt, ...);

#endif
