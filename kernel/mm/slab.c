/*
 * Object caches over the buddy allocator, in the manner of Linux's SLAB:
 * each cache keeps lists of full, partial and free slabs, and a slab's free
 * objects are chained through a pointer stored in each of them.
 */
#include <stdio.h>
#include <string.h>
#include <breenix/cmdline.h>
#include <breenix/errno.h>
#include <breenix/panic.h>
#include <breenix/printk.h>
#include "slab_internal.h"

#define SLAB_MIN_ALIGN		sizeof(void *)
/* Objects this big keep their descriptor off the slab (Linux SLAB's rule). */
#define SLAB_OFF_SLAB_MIN	(PAGE_SIZE / 8)
/* Slabs grow to this order to waste under an eighth; beyond, only to fit. */
#define SLAB_MAX_ORDER		3
/* Empty slabs a cache keeps for the next allocation; more go back. */
#define SLAB_FREE_RESERVE	1

/* Static: every other cache, and every off-slab descriptor, comes from these. */
static struct kmem_cache kmem_cache_cache;	/* of struct kmem_cache */
static struct kmem_cache slab_desc_cache;	/* of off-slab struct slab */

static bool slab_up;
static LIST_HEAD(slab_caches);
static spinlock_t slab_caches_lock = SPINLOCK_INIT;

/* The descriptor cache must never need a descriptor of its own. */
_Static_assert(sizeof(struct slab) + 3 * sizeof(void *) < SLAB_OFF_SLAB_MIN,
	       "struct slab too big for an on-slab slab_desc_cache");

static void move_to(struct list_head *e, struct list_head *head)
{
	list_del(e);
	list_add(e, head);
}

static size_t slab_header_size(const struct kmem_cache *c)
{
	if (c->flags & SLAB_OFF_SLAB)
		return 0;
	return SLAB_ALIGN(sizeof(struct slab), c->align);
}

/* Uses 2^order pages a slab if that fits an object (tight: wastes <= 1/8). */
static bool cache_try_order(struct kmem_cache *c, unsigned int order,
			    bool tight)
{
	size_t bytes = PAGE_SIZE << order;
	size_t room, num;

	if (bytes < slab_header_size(c) + c->stride)
		return false;
	room = bytes - slab_header_size(c);
	num = room / c->stride;
	if (tight && (room - num * c->stride) * 8 > bytes)
		return false;
	c->order = order;
	c->num = num;
	return true;
}

static int cache_layout(struct kmem_cache *c)
{
	size_t word = sizeof(void *);
	size_t end;
	unsigned int order;

	if (c->flags & SLAB_RED_ZONE) {
		c->red_left = SLAB_ALIGN(word, c->align);
		c->fp_off = SLAB_ALIGN(c->object_size, word) + word;
	} else if (c->ctor) {
		c->fp_off = SLAB_ALIGN(c->object_size, word);
	}
	end = c->fp_off + word;
	if (end < c->object_size)
		end = c->object_size;
	c->stride = SLAB_ALIGN(c->red_left + end, c->align);
	if (c->stride >= SLAB_OFF_SLAB_MIN)
		c->flags |= SLAB_OFF_SLAB;

	for (order = 0; order <= SLAB_MAX_ORDER; order++)
		if (cache_try_order(c, order, true))
			return 0;
	for (order = 0; order < MAX_ORDER; order++)
		if (cache_try_order(c, order, false))
			return 0;
	return -EINVAL;
}

static int cache_setup(struct kmem_cache *c, const char *name, size_t size,
		       size_t align, void (*ctor)(void *))
{
	unsigned long flags;

	if (!size || size > (PAGE_SIZE << (MAX_ORDER - 1)) ||
	    (align & (align - 1)) || align > PAGE_SIZE)
		return -EINVAL;
	memset(c, 0, sizeof(*c));
	c->lock = (spinlock_t)SPINLOCK_INIT;
	snprintf(c->name, sizeof(c->name), "%s", name);
	c->object_size = size;
	c->align = align < SLAB_MIN_ALIGN ? SLAB_MIN_ALIGN : align;
	c->ctor = ctor;
	c->flags = slab_debug_flags(ctor);
	if (cache_layout(c))
		return -EINVAL;
	INIT_LIST_HEAD(&c->slabs_full);
	INIT_LIST_HEAD(&c->slabs_partial);
	INIT_LIST_HEAD(&c->slabs_free);

	flags = spin_lock_irqsave(&slab_caches_lock);
	list_add_tail(&c->list, &slab_caches);
	spin_unlock_irqrestore(&slab_caches_lock, flags);
	return 0;
}

struct kmem_cache *kmem_cache_create(const char *name, size_t size,
				     size_t align, void (*ctor)(void *))
{
	struct kmem_cache *c = kmem_cache_alloc(&kmem_cache_cache, GFP_KERNEL);

	if (!c)
		return NULL;
	if (cache_setup(c, name, size, align, ctor)) {
		kmem_cache_free(&kmem_cache_cache, c);
		return NULL;
	}
	return c;
}

/* The pages of a slab, one by one: the block is virtually contiguous. */
static struct page *slab_page(const struct slab *s, unsigned int i)
{
	char *base = page_address(s->page);

	return virt_to_page(base + (size_t)i * PAGE_SIZE);
}

static void slab_mark_pages(const struct kmem_cache *c, struct slab *s,
			    bool own)
{
	unsigned int i;

	for (i = 0; i < 1u << c->order; i++) {
		struct page *page = slab_page(s, i);

		if (own) {
			page->flags |= PG_slab;
			page->private = s;
		} else {
			page->flags &= ~PG_slab;
			page->private = NULL;
		}
	}
}

/* Chains every object of a fresh slab, the lowest address first. */
static void slab_init_objects(struct kmem_cache *c, struct slab *s)
{
	void *next = NULL;
	unsigned int i;

	for (i = c->num; i-- > 0;) {
		void *obj = s->s_mem + (size_t)i * c->stride + c->red_left;

		if (c->flags & SLAB_RED_ZONE)
			slab_debug_init_object(c, obj);
		if (c->ctor)
			c->ctor(obj);
		*slab_freeptr(c, obj) = next;
		next = obj;
	}
	s->freelist = next;
}

/* A new empty slab, made without the cache lock held; NULL when out of memory. */
static struct slab *slab_new(struct kmem_cache *c, gfp_t gfp)
{
	struct page *page;
	struct slab *s;
	char *base;

	gfp &= ~(__GFP_ZERO | __GFP_DMA32);
	page = alloc_pages(gfp, c->order);
	if (!page)
		return NULL;
	base = page_address(page);
	if (c->flags & SLAB_OFF_SLAB) {
		s = kmem_cache_alloc(&slab_desc_cache, gfp);
		if (!s) {
			free_pages(page, c->order);
			return NULL;
		}
		s->s_mem = base;
	} else {
		s = (struct slab *)base;
		s->s_mem = base + slab_header_size(c);
	}
	INIT_LIST_HEAD(&s->list);
	s->cache = c;
	s->page = page;
	s->inuse = 0;
	slab_mark_pages(c, s, true);
	slab_init_objects(c, s);
	return s;
}

/* Gives an empty slab, already off the cache's lists, back to the pages. */
static void slab_release(struct kmem_cache *c, struct slab *s)
{
	struct page *page = s->page;

	slab_mark_pages(c, s, false);
	if (c->flags & SLAB_OFF_SLAB)
		kmem_cache_free(&slab_desc_cache, s);
	free_pages(page, c->order);
}

struct slab *virt_to_slab(const void *p)
{
	struct page *page = virt_to_page(p);

	if (!page || !(page->flags & PG_slab))
		return NULL;
	return page->private;
}

long slab_obj_index(const struct kmem_cache *c, const struct slab *s,
		    const void *p)
{
	const char *first = s->s_mem + c->red_left;
	size_t off;

	if ((const char *)p < first)
		return -1;
	off = (const char *)p - first;
	if (off % c->stride || off / c->stride >= c->num)
		return -1;
	return off / c->stride;
}

/*
 * A free pointer that leads out of its slab means a free object was written
 * to; the rest of the chain cannot be trusted, so the slab gives it up.
 */
static bool slab_check_next(struct kmem_cache *c, struct slab *s, void *obj,
			    void *next)
{
	bool ok;

	if (!next)
		return true;
	if (c->flags & SLAB_RED_ZONE)
		ok = slab_obj_index(c, s, next) >= 0;
	else
		ok = (char *)next >= s->s_mem &&
		     (char *)next < s->s_mem + (size_t)c->num * c->stride;
	if (ok)
		return true;
	slab_report("slab: free list of cache %s corrupted: free object %p points to %p (write after free?)",
		    c->name, obj, next);
	return false;
}

static void *slab_take(struct kmem_cache *c, struct slab *s)
{
	void *obj = s->freelist;
	void *next = *slab_freeptr(c, obj);

	if (s->inuse == 0)
		c->nr_free_slabs--;
	if (slab_check_next(c, s, obj, next)) {
		s->freelist = next;
		s->inuse++;
	} else {
		s->freelist = NULL;
		s->inuse = c->num;	/* the lost objects stay allocated */
	}
	if (!s->freelist)
		move_to(&s->list, &c->slabs_full);
	else if (s->inuse == 1)
		move_to(&s->list, &c->slabs_partial);
	if (c->flags & SLAB_RED_ZONE)
		slab_debug_alloc(c, obj);
	return obj;
}

static struct slab *cache_pick_slab(struct kmem_cache *c)
{
	if (!list_empty(&c->slabs_partial))
		return list_first_entry(&c->slabs_partial, struct slab, list);
	if (!list_empty(&c->slabs_free))
		return list_first_entry(&c->slabs_free, struct slab, list);
	return NULL;
}

void *kmem_cache_alloc(struct kmem_cache *c, gfp_t gfp)
{
	unsigned long flags;
	struct slab *s;
	void *obj;

	flags = spin_lock_irqsave(&c->lock);
	while (!(s = cache_pick_slab(c))) {
		spin_unlock_irqrestore(&c->lock, flags);
		s = slab_new(c, gfp);
		if (!s)
			return NULL;
		flags = spin_lock_irqsave(&c->lock);
		list_add(&s->list, &c->slabs_free);
		c->nr_slabs++;
		c->nr_free_slabs++;
	}
	obj = slab_take(c, s);
	spin_unlock_irqrestore(&c->lock, flags);
	if (gfp & __GFP_ZERO)
		memset(obj, 0, c->object_size);
	return obj;
}

void *kmem_cache_zalloc(struct kmem_cache *c, gfp_t gfp)
{
	return kmem_cache_alloc(c, gfp | __GFP_ZERO);
}

/* Returns the slab if the cache should give it back to the pages now. */
static struct slab *slab_put(struct kmem_cache *c, struct slab *s, void *obj)
{
	bool was_full = !s->freelist;

	*slab_freeptr(c, obj) = s->freelist;
	s->freelist = obj;
	s->inuse--;
	if (s->inuse) {
		if (was_full)
			move_to(&s->list, &c->slabs_partial);
		return NULL;
	}
	if (c->nr_free_slabs >= SLAB_FREE_RESERVE) {
		list_del(&s->list);
		c->nr_slabs--;
		return s;
	}
	move_to(&s->list, &c->slabs_free);
	c->nr_free_slabs++;
	return NULL;
}

void slab_free(struct kmem_cache *c, struct slab *s, void *obj)
{
	struct slab *empty = NULL;
	unsigned long flags;

	if (slab_obj_index(c, s, obj) < 0) {
		slab_report("slab: free of %p in cache %s: not the start of an object",
			    obj, c->name);
		return;
	}
	flags = spin_lock_irqsave(&c->lock);
	if (s->inuse == 0 || obj == s->freelist) {
		slab_report("slab: double free of %p in cache %s", obj, c->name);
		goto out;
	}
	if ((c->flags & SLAB_RED_ZONE) && !slab_debug_free(c, s, obj))
		goto out;
	empty = slab_put(c, s, obj);
out:
	spin_unlock_irqrestore(&c->lock, flags);
	if (empty)
		slab_release(c, empty);
}

void kmem_cache_free(struct kmem_cache *c, void *obj)
{
	struct slab *s;

	if (!obj)
		return;
	s = virt_to_slab(obj);
	if (!s) {
		slab_report("slab: free of %p to cache %s: not a slab object",
			    obj, c->name);
		return;
	}
	if (s->cache != c) {
		slab_report("slab: free of %p to cache %s, but it belongs to cache %s",
			    obj, c->name, s->cache->name);
		return;
	}
	slab_free(c, s, obj);
}

void kmem_cache_shrink(struct kmem_cache *c)
{
	struct slab *s, *tmp;
	unsigned long flags;
	LIST_HEAD(empty);

	flags = spin_lock_irqsave(&c->lock);
	while (!list_empty(&c->slabs_free)) {
		s = list_first_entry(&c->slabs_free, struct slab, list);
		move_to(&s->list, &empty);
		c->nr_slabs--;
	}
	c->nr_free_slabs = 0;
	spin_unlock_irqrestore(&c->lock, flags);

	list_for_each_entry_safe(s, tmp, &empty, list)
		slab_release(c, s);
}

/* Descriptors freed by the other caches go last, so their slabs empty too. */
void kmem_cache_shrink_all(void)
{
	struct kmem_cache *c;
	unsigned long flags;

	flags = spin_lock_irqsave(&slab_caches_lock);
	list_for_each_entry(c, &slab_caches, list)
		if (c != &slab_desc_cache)
			kmem_cache_shrink(c);
	spin_unlock_irqrestore(&slab_caches_lock, flags);
	kmem_cache_shrink(&slab_desc_cache);
}

void kmem_cache_destroy(struct kmem_cache *c)
{
	unsigned long flags;
	bool busy;

	if (!c)
		return;
	flags = spin_lock_irqsave(&c->lock);
	busy = !list_empty(&c->slabs_full) || !list_empty(&c->slabs_partial);
	spin_unlock_irqrestore(&c->lock, flags);
	if (busy) {
		pr_err("slab: cache %s destroyed with objects in use; kept\n",
		       c->name);
		return;
	}
	flags = spin_lock_irqsave(&slab_caches_lock);
	list_del(&c->list);
	spin_unlock_irqrestore(&slab_caches_lock, flags);
	kmem_cache_shrink(c);
	kmem_cache_free(&kmem_cache_cache, c);
}

static void cache_get_stats(struct kmem_cache *c, struct slab_stats *st)
{
	unsigned long flags;
	struct slab *s;

	memset(st, 0, sizeof(*st));
	memcpy(st->name, c->name, sizeof(st->name));
	st->object_size = c->object_size;
	st->stride = c->stride;
	st->objs_per_slab = c->num;
	st->pages_per_slab = 1u << c->order;

	flags = spin_lock_irqsave(&c->lock);
	list_for_each_entry(s, &c->slabs_full, list)
		st->active_objs += c->num;
	list_for_each_entry(s, &c->slabs_partial, list)
		st->active_objs += s->inuse;
	st->total_slabs = c->nr_slabs;
	st->active_slabs = c->nr_slabs - c->nr_free_slabs;
	spin_unlock_irqrestore(&c->lock, flags);
	st->total_objs = st->total_slabs * c->num;
}

size_t slab_get_stats(struct slab_stats *out, size_t max)
{
	struct kmem_cache *c;
	unsigned long flags;
	size_t n = 0;

	flags = spin_lock_irqsave(&slab_caches_lock);
	list_for_each_entry(c, &slab_caches, list) {
		if (n < max)
			cache_get_stats(c, &out[n]);
		n++;
	}
	spin_unlock_irqrestore(&slab_caches_lock, flags);
	return n;
}

void slab_init(void)
{
	INIT_LIST_HEAD(&slab_caches);
	if (cmdline_enabled("slab_debug"))
		slab_set_debug(true);
	if (cache_setup(&slab_desc_cache, "slab_desc", sizeof(struct slab),
			0, NULL) ||
	    cache_setup(&kmem_cache_cache, "kmem_cache",
			sizeof(struct kmem_cache), 0, NULL))
		panic("slab: cannot lay out the boot caches");
	kmalloc_init();
	slab_up = true;
	pr_info("slab: kmalloc caches up to %d bytes, pages above; debugging %s\n",
		KMALLOC_MAX_CACHE_SIZE, slab_debug_enabled() ? "on" : "off");
}

bool slab_is_available(void)
{
	return slab_up;
}
