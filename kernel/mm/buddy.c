/*
 * The buddy allocator (Knuth, TAOCP 2.5; Linux mm/page_alloc.c): a free
 * block of 2^order frames starts at a PFN that is a multiple of 2^order, and
 * its buddy is the block at pfn ^ 2^order. Allocation splits a larger block,
 * freeing merges with the buddy for as long as it is free too, so the free
 * frames always form the fewest, largest blocks possible.
 */
#include <stdint.h>
#include <string.h>
#include <breenix/buddy.h>

static const char *const zone_names[MAX_NR_ZONES] = {
	[ZONE_DMA32] = "DMA32",
	[ZONE_NORMAL] = "Normal",
};

static bool zone_has(const struct buddy_zone *z, uint64_t pfn)
{
	return pfn >= z->start_pfn && pfn < z->end_pfn;
}

/* pfn < max_pfn: ZONE_NORMAL starts where ZONE_DMA32 ends. */
static struct buddy_zone *zone_of(struct buddy_node *node, uint64_t pfn)
{
	struct buddy_zone *z = &node->zones[ZONE_DMA32];

	return zone_has(z, pfn) ? z : &node->zones[ZONE_NORMAL];
}

static void zone_init(struct buddy_zone *z, enum zone_type type,
		      uint64_t start_pfn, uint64_t end_pfn)
{
	unsigned int o;

	memset(z, 0, sizeof(*z));
	z->name = zone_names[type];
	z->start_pfn = start_pfn;
	z->end_pfn = end_pfn;
	z->lock = (buddy_lock_t)BUDDY_LOCK_INIT;
	for (o = 0; o < MAX_ORDER; o++)
		INIT_LIST_HEAD(&z->free_list[o]);
}

void buddy_node_init(struct buddy_node *node, struct page *mem_map,
		     uint64_t max_pfn, uint64_t dma32_end_pfn)
{
	uint64_t dma32_end = dma32_end_pfn < max_pfn ? dma32_end_pfn : max_pfn;
	uint64_t pfn;

	node->mem_map = mem_map;
	node->max_pfn = max_pfn;
	for (pfn = 0; pfn < max_pfn; pfn++) {
		struct page *p = &mem_map[pfn];

		/* The reservation is the one reference a reserved frame holds. */
		p->flags = PG_reserved;
		p->refcount = 1;
		p->order = 0;
		INIT_LIST_HEAD(&p->lru);
		p->private = NULL;
		p->inuse = 0;
	}
	zone_init(&node->zones[ZONE_DMA32], ZONE_DMA32, 0, dma32_end);
	zone_init(&node->zones[ZONE_NORMAL], ZONE_NORMAL, dma32_end, max_pfn);
}

static void add_free(struct buddy_zone *z, struct page *page,
		     unsigned int order)
{
	page->flags = PG_buddy;
	page->order = order;
	list_add(&page->lru, &z->free_list[order]);
	z->nr_free[order]++;
	z->free_pages += 1ULL << order;
}

static void del_free(struct buddy_zone *z, struct page *page,
		     unsigned int order)
{
	list_del(&page->lru);
	page->flags &= ~PG_buddy;
	z->nr_free[order]--;
	z->free_pages -= 1ULL << order;
}

/* Put the free block at pfn on its list, merged with its free buddies. */
static void free_block(struct buddy_node *node, struct buddy_zone *z,
		       uint64_t pfn, unsigned int order)
{
	while (order < MAX_ORDER - 1) {
		uint64_t buddy_pfn = pfn ^ (1ULL << order);
		struct page *buddy;

		/* A buddy across the zone's edge belongs to no block here. */
		if (!zone_has(z, buddy_pfn))
			break;
		buddy = &node->mem_map[buddy_pfn];
		if (!(buddy->flags & PG_buddy) || buddy->order != order)
			break;
		del_free(z, buddy, order);
		pfn &= buddy_pfn;
		order++;
	}
	add_free(z, &node->mem_map[pfn], order);
}

/* Whether frames [start, end) are all reserved and otherwise unused. */
static bool check_reserved(struct buddy_node *node, uint64_t start,
			   uint64_t end)
{
	uint64_t pfn;

	for (pfn = start; pfn < end; pfn++) {
		const struct page *p = &node->mem_map[pfn];

		if (p->flags != PG_reserved || p->refcount != 1) {
			buddy_bug("buddy_release: pfn %#llx is not a reserved, "
				  "unused frame (flags %#x, refcount %d)",
				  (unsigned long long)pfn, p->flags,
				  (int)p->refcount);
			return false;
		}
	}
	return true;
}

/* Each step frees the largest aligned block that fits what is left. */
static void release_in_zone(struct buddy_node *node, struct buddy_zone *z,
			    uint64_t start, uint64_t end)
{
	unsigned long flags = buddy_lock(&z->lock);
	uint64_t pfn = start, i;

	while (pfn < end) {
		unsigned int order = MAX_ORDER - 1;

		while (order && ((pfn & ((1ULL << order) - 1)) ||
				 end - pfn < (1ULL << order)))
			order--;
		for (i = 0; i < (1ULL << order); i++) {
			node->mem_map[pfn + i].flags = 0;
			node->mem_map[pfn + i].refcount = 0;
		}
		free_block(node, z, pfn, order);
		z->managed_pages += 1ULL << order;
		pfn += 1ULL << order;
	}
	buddy_unlock(&z->lock, flags);
}

uint64_t buddy_release(struct buddy_node *node, uint64_t start_pfn,
		       uint64_t end_pfn)
{
	unsigned int i;

	if (start_pfn >= end_pfn)
		return 0;
	if (end_pfn > node->max_pfn) {
		buddy_bug("buddy_release: pfn %#llx beyond mem_map (max_pfn %#llx)",
			  (unsigned long long)(end_pfn - 1),
			  (unsigned long long)node->max_pfn);
		return 0;
	}
	if (!check_reserved(node, start_pfn, end_pfn))
		return 0;
	for (i = 0; i < MAX_NR_ZONES; i++) {
		struct buddy_zone *z = &node->zones[i];
		uint64_t s = start_pfn > z->start_pfn ? start_pfn : z->start_pfn;
		uint64_t e = end_pfn < z->end_pfn ? end_pfn : z->end_pfn;

		if (s < e)
			release_in_zone(node, z, s, e);
	}
	return end_pfn - start_pfn;
}

unsigned int buddy_zonelist(gfp_t gfp, enum zone_type list[MAX_NR_ZONES])
{
	unsigned int n = 0;

	if (!(gfp & __GFP_DMA32))
		list[n++] = ZONE_NORMAL;
	list[n++] = ZONE_DMA32;
	return n;
}

static struct page *zone_alloc(struct buddy_zone *z, unsigned int order)
{
	unsigned long flags = buddy_lock(&z->lock);
	struct page *page = NULL;
	unsigned int o;

	for (o = order; o < MAX_ORDER; o++) {
		if (!list_empty(&z->free_list[o]))
			break;
	}
	if (o == MAX_ORDER)
		goto out;
	page = list_first_entry(&z->free_list[o], struct page, lru);
	del_free(z, page, o);
	/* Keep the low half, return the high halves to the lists. */
	while (o > order) {
		o--;
		add_free(z, page + (1ULL << o), o);
	}
	page->flags = PG_head;
	page->order = order;
	page->refcount = 1;
	page->private = NULL;
	page->inuse = 0;
out:
	buddy_unlock(&z->lock, flags);
	return page;
}

struct page *buddy_alloc(struct buddy_node *node, gfp_t gfp,
			 unsigned int order)
{
	enum zone_type list[MAX_NR_ZONES];
	unsigned int i, n;
	struct page *page;

	if (order >= MAX_ORDER)
		return NULL;
	n = buddy_zonelist(gfp, list);
	for (i = 0; i < n; i++) {
		page = zone_alloc(&node->zones[list[i]], order);
		if (page)
			return page;
	}
	return NULL;
}

/* The PFN of page, or false (reported) when it is not in mem_map. */
static bool page_pfn(const struct buddy_node *node, const struct page *page,
		     const char *who, uint64_t *pfn)
{
	uintptr_t off = (uintptr_t)page - (uintptr_t)node->mem_map;

	if (!page || (uintptr_t)page < (uintptr_t)node->mem_map ||
	    off % sizeof(*page) || off / sizeof(*page) >= node->max_pfn) {
		buddy_bug("%s: %p is not a struct page of mem_map", who,
			  (const void *)page);
		return false;
	}
	*pfn = off / sizeof(*page);
	return true;
}

/* The free block that holds pfn, or NULL when pfn is not free. */
static struct page *free_block_of(struct buddy_node *node,
				  const struct buddy_zone *z, uint64_t pfn)
{
	unsigned int o;

	for (o = 0; o < MAX_ORDER; o++) {
		uint64_t head = pfn & ~((1ULL << o) - 1);
		struct page *p;

		if (!zone_has(z, head))
			break;
		p = &node->mem_map[head];
		if ((p->flags & PG_buddy) && head + (1ULL << p->order) > pfn)
			return p;
	}
	return NULL;
}

/*
 * Whether freeing the block at page would be a bug: reported, and nothing
 * changes. refs is the reference count the caller must have left.
 */
static bool bad_free(struct buddy_node *node, const struct buddy_zone *z,
		     const struct page *page, uint64_t pfn, unsigned int order,
		     int refs, const char *who)
{
	unsigned long long p = pfn;

	if (order >= MAX_ORDER)
		buddy_bug("%s: pfn %#llx: order %u out of range", who, p, order);
	else if (page->flags & PG_reserved)
		buddy_bug("%s: pfn %#llx is reserved", who, p);
	else if (free_block_of(node, z, pfn))
		buddy_bug("%s: double free of pfn %#llx", who, p);
	else if (!(page->flags & PG_head))
		buddy_bug("%s: pfn %#llx is not the first page of an allocation",
			  who, p);
	else if (page->order != order)
		buddy_bug("%s: pfn %#llx was allocated as order %u, freed as order %u",
			  who, p, page->order, order);
	else if (page->refcount != refs)
		buddy_bug("%s: pfn %#llx has refcount %d, expected %d", who, p,
			  (int)page->refcount, refs);
	else
		return false;
	return true;
}

void buddy_free(struct buddy_node *node, struct page *page,
		unsigned int order)
{
	struct buddy_zone *z;
	unsigned long flags;
	uint64_t pfn;

	if (!page_pfn(node, page, "free_pages", &pfn))
		return;
	z = zone_of(node, pfn);
	flags = buddy_lock(&z->lock);
	if (!bad_free(node, z, page, pfn, order, 1, "free_pages")) {
		page->refcount = 0;
		page->flags = 0;
		free_block(node, z, pfn, order);
	}
	buddy_unlock(&z->lock, flags);
}

void buddy_get_page(struct buddy_node *node, struct page *page)
{
	uint64_t pfn;
	int old;

	if (!page_pfn(node, page, "get_page", &pfn))
		return;
	old = __atomic_fetch_add(&page->refcount, 1, __ATOMIC_RELAXED);
	if (old <= 0) {
		__atomic_fetch_sub(&page->refcount, 1, __ATOMIC_RELAXED);
		buddy_bug("get_page: pfn %#llx has refcount %d: free, or not the "
			  "first page of an allocation", (unsigned long long)pfn,
			  old);
	}
}

/* The last reference is gone: the block goes back with its own order. */
void buddy_put_page(struct buddy_node *node, struct page *page)
{
	struct buddy_zone *z;
	unsigned long flags;
	uint64_t pfn;
	int old;

	if (!page_pfn(node, page, "put_page", &pfn))
		return;
	old = __atomic_fetch_sub(&page->refcount, 1, __ATOMIC_ACQ_REL);
	if (old > 1)
		return;
	if (old <= 0) {
		__atomic_fetch_add(&page->refcount, 1, __ATOMIC_RELAXED);
		buddy_bug("put_page: pfn %#llx has no reference (refcount %d)",
			  (unsigned long long)pfn, old);
		return;
	}
	z = zone_of(node, pfn);
	flags = buddy_lock(&z->lock);
	if (bad_free(node, z, page, pfn, page->order, 0, "put_page")) {
		page->refcount = 1;
	} else {
		page->flags = 0;
		free_block(node, z, pfn, page->order);
	}
	buddy_unlock(&z->lock, flags);
}

struct page *buddy_pfn_to_page(const struct buddy_node *node, uint64_t pfn)
{
	return pfn < node->max_pfn ? &node->mem_map[pfn] : NULL;
}

uint64_t buddy_page_to_pfn(const struct buddy_node *node,
			   const struct page *page)
{
	return (uint64_t)(page - node->mem_map);
}

void buddy_stats(struct buddy_node *node, enum zone_type zone,
		 struct mem_stats *out)
{
	unsigned int i, o;

	memset(out, 0, sizeof(*out));
	for (i = 0; i < MAX_NR_ZONES; i++) {
		struct buddy_zone *z = &node->zones[i];
		unsigned long flags;

		if (zone != MAX_NR_ZONES && zone != i)
			continue;
		flags = buddy_lock(&z->lock);
		out->total_pages += z->managed_pages;
		out->free_pages += z->free_pages;
		for (o = 0; o < MAX_ORDER; o++)
			out->free_blocks[o] += z->nr_free[o];
		buddy_unlock(&z->lock, flags);
	}
}
