/*
 * The kernel heap: object caches (kmem_cache) carved from slabs of buddy
 * pages, and kmalloc on top of them with fixed size classes; requests above
 * the largest class go straight to the page allocator.
 */
#ifndef BREENIX_SLAB_H
#define BREENIX_SLAB_H

#include <stdbool.h>
#include <stddef.h>
#include <breenix/mm.h>

#define KMALLOC_MIN_SIZE	8
#define KMALLOC_MAX_CACHE_SIZE	8192	/* above this kmalloc uses whole pages */
#define KMEM_CACHE_NAME_LEN	32	/* longer names are truncated */

/*
 * kmalloc(0) returns this rather than NULL (as in Linux), so a caller can
 * still tell "nothing asked for" from "out of memory". kfree and ksize take it.
 */
#define ZERO_SIZE_PTR		((void *)16)
#define ZERO_OR_NULL_PTR(p)	((unsigned long)(p) <= (unsigned long)ZERO_SIZE_PTR)

struct kmem_cache;

/*
 * Creates the boot caches and the kmalloc caches; reads slab_debug. Runs
 * once the page allocator is up and before anything allocates.
 */
void slab_init(void);
/* Whether slab_init() has run (early code uses memblock until then). */
bool slab_is_available(void);

/*
 * A cache of objects of size bytes, each aligned to align (a power of two up
 * to PAGE_SIZE; 0 means 8). ctor, if given, runs once on each object when its
 * slab is made, and objects must be freed back in their constructed state.
 * NULL when out of memory or the arguments are impossible.
 */
struct kmem_cache *kmem_cache_create(const char *name, size_t size,
				     size_t align, void (*ctor)(void *));
/* Frees an empty cache; one with objects still in use is kept (and logged). */
void kmem_cache_destroy(struct kmem_cache *cache);

/*
 * NULL when out of memory. __GFP_ZERO zeroes the object. Objects may lie
 * anywhere in RAM whatever the flags: DMA buffers with address limits come
 * from alloc_pages(__GFP_DMA32, ...).
 */
void *kmem_cache_alloc(struct kmem_cache *cache, gfp_t gfp);
void *kmem_cache_zalloc(struct kmem_cache *cache, gfp_t gfp);
void kmem_cache_free(struct kmem_cache *cache, void *obj);

/* Gives the cache's empty slabs back to the page allocator. */
void kmem_cache_shrink(struct kmem_cache *cache);
/* The same for every cache. */
void kmem_cache_shrink_all(void);

/*
 * Memory from a size class is aligned to the largest power of two dividing
 * the class size (8 for kmalloc(1), 32 for 96, 4096 for 4096 and 8192);
 * above KMALLOC_MAX_CACHE_SIZE it is whole, page-aligned pages.
 */
void *kmalloc(size_t size, gfp_t gfp);
void *kzalloc(size_t size, gfp_t gfp);
/*
 * Resizes p, keeping its contents up to the smaller size. On failure returns
 * NULL and p is untouched; new_size 0 frees p and returns ZERO_SIZE_PTR.
 */
void *krealloc(void *p, size_t new_size, gfp_t gfp);
void kfree(const void *p);
/* Bytes usable at p (at least what was asked for). */
size_t ksize(const void *p);
/* What ksize would report for kmalloc(size); SIZE_MAX if kmalloc would fail. */
size_t kmalloc_size_roundup(size_t size);

/*
 * Debugging (slab_debug on the command line): red zones around objects,
 * poisoned free objects checked on allocation, and a full double-free check.
 * The switch applies to caches created after it is set.
 */
void slab_set_debug(bool on);
bool slab_debug_enabled(void);

/*
 * Heap corruption (double free, a foreign pointer freed, a red zone or the
 * poison overwritten) panics. With a hook installed the message goes to the
 * hook instead and the bad operation is skipped, so tests can see it. The
 * hook runs with a cache lock held: it must not use the slab allocator.
 * Returns the previous hook.
 */
typedef void (*slab_report_fn)(const char *msg);
slab_report_fn slab_set_report_hook(slab_report_fn hook);

/* One cache's numbers, as /proc/slabinfo shows them. */
struct slab_stats {
	char name[KMEM_CACHE_NAME_LEN];
	size_t object_size;		/* bytes a user may use */
	size_t stride;			/* bytes each object takes in its slab */
	unsigned int objs_per_slab;
	unsigned int pages_per_slab;
	unsigned long active_objs;
	unsigned long total_objs;
	unsigned long active_slabs;	/* slabs with an object in use */
	unsigned long total_slabs;
};

/* Fills up to max entries; returns how many caches there are. */
size_t slab_get_stats(struct slab_stats *out, size_t max);

#endif
