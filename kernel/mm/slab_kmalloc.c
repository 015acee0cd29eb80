/*
 * kmalloc: general-purpose allocations from caches of fixed size classes
 * (8 bytes to 8 KiB, powers of two plus 96 and 192 as in Linux); anything
 * bigger is a block of whole pages straight from the buddy allocator.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <breenix/panic.h>
#include "slab_internal.h"

#define KMALLOC_CLASSES	13

static const unsigned int kmalloc_sizes[KMALLOC_CLASSES] = {
	8, 16, 32, 64, 96, 128, 192, 256, 512, 1024, 2048, 4096, 8192,
};

/* The class of sizes up to 192, by (size - 1) / 8; bigger ones are powers of two. */
static const uint8_t size_index[24] = {
	0, 1, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4,
	5, 5, 5, 5, 6, 6, 6, 6, 6, 6, 6, 6,
};

static struct kmem_cache *kmalloc_caches[KMALLOC_CLASSES];

/*
 * The head page of a large allocation points here from page->private (slab
 * pages have PG_slab instead) and holds the block's order in page->order.
 */
static char kmalloc_large_tag;

/* For 1 <= size <= KMALLOC_MAX_CACHE_SIZE. */
static unsigned int kmalloc_index(size_t size)
{
	if (size <= 192)
		return size_index[(size - 1) / 8];
	/* 193..256 -> 7 (256), ..., 4097..8192 -> 12 (8192) */
	return 63 - __builtin_clzl(size - 1);
}

/* The smallest order with room for size bytes, or MAX_ORDER if none has. */
static unsigned int large_order(size_t size)
{
	unsigned int order = 0;

	if (size > PAGE_SIZE << (MAX_ORDER - 1))
		return MAX_ORDER;
	while (PAGE_SIZE << order < size)
		order++;
	return order;
}

void kmalloc_init(void)
{
	char name[KMEM_CACHE_NAME_LEN];
	unsigned int i;

	for (i = 0; i < KMALLOC_CLASSES; i++) {
		size_t size = kmalloc_sizes[i];
		/* Natural alignment: the largest power of two dividing size. */
		size_t align = size & -size;

		if (align > PAGE_SIZE)
			align = PAGE_SIZE;
		snprintf(name, sizeof(name), "kmalloc-%zu", size);
		kmalloc_caches[i] = kmem_cache_create(name, size, align, NULL);
		if (!kmalloc_caches[i])
			panic("slab: no memory for cache %s", name);
	}
}

static void *kmalloc_large(size_t size, gfp_t gfp)
{
	unsigned int order = large_order(size);
	struct page *page;

	if (order >= MAX_ORDER)
		return NULL;
	page = alloc_pages(gfp & ~__GFP_DMA32, order);
	if (!page)
		return NULL;
	page->private = &kmalloc_large_tag;
	page->order = order;
	return page_address(page);
}

void *kmalloc(size_t size, gfp_t gfp)
{
	if (!size)
		return ZERO_SIZE_PTR;
	if (size > KMALLOC_MAX_CACHE_SIZE)
		return kmalloc_large(size, gfp);
	return kmem_cache_alloc(kmalloc_caches[kmalloc_index(size)], gfp);
}

void *kzalloc(size_t size, gfp_t gfp)
{
	return kmalloc(size, gfp | __GFP_ZERO);
}

size_t kmalloc_size_roundup(size_t size)
{
	unsigned int order;

	if (!size)
		return 0;
	if (size <= KMALLOC_MAX_CACHE_SIZE)
		return kmalloc_sizes[kmalloc_index(size)];
	order = large_order(size);
	return order < MAX_ORDER ? PAGE_SIZE << order : SIZE_MAX;
}

/* The head page of the large allocation starting at p, or NULL. */
static struct page *large_head(const void *p)
{
	struct page *page = virt_to_page(p);

	if (!page || page->private != &kmalloc_large_tag ||
	    page_address(page) != p)
		return NULL;
	return page;
}

void kfree(const void *p)
{
	struct page *page;
	struct slab *s;

	if (ZERO_OR_NULL_PTR(p))
		return;
	s = virt_to_slab(p);
	if (s) {
		slab_free(s->cache, s, (void *)p);
		return;
	}
	page = large_head(p);
	if (!page) {
		slab_report("slab: kfree of %p: not from kmalloc (a double free, or a foreign or interior pointer)",
			    p);
		return;
	}
	page->private = NULL;
	free_pages(page, page->order);
}

size_t ksize(const void *p)
{
	struct page *page;
	struct slab *s;

	if (ZERO_OR_NULL_PTR(p))
		return 0;
	s = virt_to_slab(p);
	if (s && slab_obj_index(s->cache, s, p) >= 0)
		return s->cache->object_size;
	page = s ? NULL : large_head(p);
	if (page)
		return PAGE_SIZE << page->order;
	slab_report("slab: ksize of %p: not an allocated object", p);
	return 0;
}

void *krealloc(void *p, size_t new_size, gfp_t gfp)
{
	size_t old;
	void *n;

	if (ZERO_OR_NULL_PTR(p))
		return kmalloc(new_size, gfp);
	if (!new_size) {
		kfree(p);
		return ZERO_SIZE_PTR;
	}
	old = ksize(p);
	if (!old)
		return NULL;
	if (kmalloc_size_roundup(new_size) == old) {
		if (gfp & __GFP_ZERO)
			memset((char *)p + new_size, 0, old - new_size);
		return p;
	}
	n = kmalloc(new_size, gfp);
	if (!n)
		return new_size < old ? p : NULL;
	memcpy(n, p, new_size < old ? new_size : old);
	kfree(p);
	return n;
}
