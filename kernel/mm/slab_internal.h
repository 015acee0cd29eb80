/*
 * Inside the slab allocator: the cache and slab descriptors and the helpers
 * that slab.c, slab_debug.c and slab_kmalloc.c share. Nothing else includes it.
 */
#ifndef MM_SLAB_INTERNAL_H
#define MM_SLAB_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <breenix/list.h>
#include <breenix/mm.h>
#include <breenix/slab.h>
#include <breenix/spinlock.h>

#define SLAB_ALIGN(x, a)	(((x) + (a) - 1) & ~((size_t)(a) - 1))

/* kmem_cache->flags */
#define SLAB_RED_ZONE	(1u << 0)	/* guard bytes either side of each object */
#define SLAB_POISON	(1u << 1)	/* free objects hold the poison pattern */
#define SLAB_OFF_SLAB	(1u << 2)	/* struct slab lives in slab_desc_cache */

/*
 * One slab: 2^order pages holding num objects, one every stride bytes from
 * s_mem. The descriptor sits at the start of the pages, or for caches of big
 * objects (SLAB_OFF_SLAB) in slab_desc_cache so that, say, a 4096-byte
 * object fits one page exactly. Every page of the block has PG_slab and
 * page->private pointing here, so any object address finds its slab without
 * assuming anything about the block's alignment.
 */
struct slab {
	struct list_head list;		/* in the cache's full/partial/free list */
	struct kmem_cache *cache;
	struct page *page;		/* first page of the block */
	char *s_mem;
	void *freelist;			/* first free object; NULL when full */
	unsigned int inuse;		/* objects handed out */
};

/*
 * An object's stride: [left red zone][object][right red zone][free pointer]
 * [padding to align]. Without debugging there are no red zones, and the
 * free pointer lives in the free object itself unless a ctor's work must
 * survive there (then it follows the object).
 */
struct kmem_cache {
	spinlock_t lock;
	unsigned int flags;
	size_t object_size;		/* as asked for; what ksize reports */
	size_t align;
	size_t stride;
	size_t red_left;		/* the object's offset in its stride */
	size_t fp_off;			/* the free pointer's offset from the object */
	unsigned int order;		/* a slab is 2^order pages */
	unsigned int num;		/* objects a slab */
	void (*ctor)(void *obj);
	struct list_head slabs_full, slabs_partial, slabs_free;
	unsigned long nr_slabs, nr_free_slabs;
	struct list_head list;		/* in slab_caches */
	char name[KMEM_CACHE_NAME_LEN];
};

static inline void **slab_freeptr(const struct kmem_cache *c, void *obj)
{
	return (void **)((char *)obj + c->fp_off);
}

/* slab.c */
struct slab *virt_to_slab(const void *p);
/* Index of the object starting at p, or -1 if p is no object's start. */
long slab_obj_index(const struct kmem_cache *c, const struct slab *s,
		    const void *p);
void slab_free(struct kmem_cache *c, struct slab *s, void *obj);

/* slab_debug.c */
__attribute__((format(printf, 1, 2)))
void slab_report(const char *fmt, ...);
unsigned int slab_debug_flags(void (*ctor)(void *));
void slab_debug_init_object(const struct kmem_cache *c, void *obj);
void slab_debug_alloc(const struct kmem_cache *c, void *obj);
/* False when the free must not go ahead (a double free, reported). */
bool slab_debug_free(const struct kmem_cache *c, const struct slab *s,
		     void *obj);

/* slab_kmalloc.c */
void kmalloc_init(void);

#endif
