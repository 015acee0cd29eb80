/*
 * Heap debugging (slab_debug): red zones either side of each object record
 * whether it is in use and catch overruns; free objects carry Linux's poison
 * pattern, checked on allocation, so writes after free are caught too.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <breenix/panic.h>
#include <breenix/printk.h>
#include "slab_internal.h"

/* The byte values of Linux's include/linux/poison.h, familiar in dumps. */
#define POISON_FREE	0x6b	/* a free object's bytes */
#define POISON_END	0xa5	/* its last byte */
#define RED_INACTIVE	0xbb	/* red zones of a free object */
#define RED_ACTIVE	0xcc	/* red zones of an object in use */

static bool slab_debug;
static slab_report_fn report_hook;

void slab_set_debug(bool on)
{
	slab_debug = on;
}

bool slab_debug_enabled(void)
{
	return slab_debug;
}

/* Poison would destroy what a ctor built, so such caches get red zones only. */
unsigned int slab_debug_flags(void (*ctor)(void *))
{
	if (!slab_debug)
		return 0;
	return ctor ? SLAB_RED_ZONE : SLAB_RED_ZONE | SLAB_POISON;
}

slab_report_fn slab_set_report_hook(slab_report_fn hook)
{
	return __atomic_exchange_n(&report_hook, hook, __ATOMIC_ACQ_REL);
}

void slab_report(const char *fmt, ...)
{
	slab_report_fn hook = __atomic_load_n(&report_hook, __ATOMIC_ACQUIRE);
	char msg[192];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (!hook)
		panic("%s", msg);
	pr_err("%s\n", msg);
	hook(msg);
}

static const unsigned char *first_not(const unsigned char *p, size_t n,
				      unsigned char v)
{
	for (; n; p++, n--)
		if (*p != v)
			return p;
	return NULL;
}

static void set_red(const struct kmem_cache *c, unsigned char *obj,
		    unsigned char v)
{
	memset(obj - c->red_left, v, c->red_left);
	memset(obj + c->object_size, v, c->fp_off - c->object_size);
}

/* Reports the first red-zone byte that does not say the object's state. */
static void check_red(const struct kmem_cache *c, unsigned char *obj,
		      bool in_use)
{
	unsigned char v = in_use ? RED_ACTIVE : RED_INACTIVE;
	const unsigned char *bad;

	bad = first_not(obj - c->red_left, c->red_left, v);
	if (bad)
		slab_report("slab: red zone before %p in cache %s overwritten (%s): byte %td is 0x%02x",
			    obj, c->name,
			    in_use ? "buffer underrun" : "write after free",
			    bad - obj, *bad);
	bad = first_not(obj + c->object_size, c->fp_off - c->object_size, v);
	if (bad)
		slab_report("slab: red zone after %p in cache %s overwritten (%s): byte %zu past the end is 0x%02x",
			    obj, c->name,
			    in_use ? "buffer overrun" : "write after free",
			    (size_t)(bad - obj) - c->object_size, *bad);
}

static void poison(const struct kmem_cache *c, unsigned char *obj)
{
	memset(obj, POISON_FREE, c->object_size - 1);
	obj[c->object_size - 1] = POISON_END;
}

static void check_poison(const struct kmem_cache *c, unsigned char *obj)
{
	const unsigned char *bad;
	unsigned char want = POISON_FREE;

	bad = first_not(obj, c->object_size - 1, POISON_FREE);
	if (!bad && obj[c->object_size - 1] != POISON_END) {
		bad = obj + c->object_size - 1;
		want = POISON_END;
	}
	if (bad)
		slab_report("slab: write after free of %p in cache %s: byte %td is 0x%02x, not poison 0x%02x",
			    obj, c->name, bad - obj, *bad, want);
}

void slab_debug_init_object(const struct kmem_cache *c, void *obj)
{
	set_red(c, obj, RED_INACTIVE);
	if (c->flags & SLAB_POISON)
		poison(c, obj);
}

void slab_debug_alloc(const struct kmem_cache *c, void *obj)
{
	check_red(c, obj, false);
	if (c->flags & SLAB_POISON)
		check_poison(c, obj);
	set_red(c, obj, RED_ACTIVE);
}

/* Walks at most num links, checking each, so a corrupt chain cannot loop. */
static bool on_freelist(const struct kmem_cache *c, const struct slab *s,
			const void *obj)
{
	void *p = s->freelist;
	unsigned int n;

	for (n = 0; p && n < c->num; n++) {
		if (p == obj)
			return true;
		if (slab_obj_index(c, s, p) < 0)
			return false;
		p = *slab_freeptr(c, p);
	}
	return false;
}

bool slab_debug_free(const struct kmem_cache *c, const struct slab *s,
		     void *obj)
{
	if (on_freelist(c, s, obj)) {
		slab_report("slab: double free of %p in cache %s", obj, c->name);
		return false;
	}
	check_red(c, obj, true);
	set_red(c, obj, RED_INACTIVE);
	if (c->flags & SLAB_POISON)
		poison(c, obj);
	return true;
}
