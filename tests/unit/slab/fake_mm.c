/*
 * The fake page allocator behind the slab tests (see fake_mm.h). It also
 * checks what the slab code hands back: the order it was given, and no
 * PG_slab or kmalloc marks left on the pages.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <check.h>
#include "fake_mm.h"

#define HASH_SIZE	(1u << 16)

struct fake_page {
	struct page page;
	char *addr;
	unsigned int order;		/* of the block, on its first page */
	struct fake_page *next;		/* hash chain */
};

static struct fake_page *table[HASH_SIZE];
static long in_use, limit = -1, fail_nth = -1, calls;

static unsigned int hash(uintptr_t addr)
{
	return (unsigned int)((addr >> PAGE_SHIFT) * 2654435761u) % HASH_SIZE;
}

void fake_mm_reset(void)
{
	limit = -1;
	fail_nth = -1;
}

long fake_mm_pages_in_use(void)
{
	return in_use;
}

void fake_mm_set_limit(long pages)
{
	limit = pages;
}

void fake_mm_fail_call(long nth)
{
	fail_nth = nth;
}

long fake_mm_calls(void)
{
	return calls;
}

static struct fake_page *lookup(const void *addr)
{
	uintptr_t key = (uintptr_t)addr & ~(PAGE_SIZE - 1);
	struct fake_page *fp;

	for (fp = table[hash(key)]; fp; fp = fp->next)
		if ((uintptr_t)fp->addr == key)
			return fp;
	return NULL;
}

static void unhash(struct fake_page *fp)
{
	struct fake_page **pp = &table[hash((uintptr_t)fp->addr)];

	while (*pp != fp)
		pp = &(*pp)->next;
	*pp = fp->next;
}

struct page *alloc_pages(gfp_t gfp, unsigned int order)
{
	size_t n = (size_t)1 << order, bytes = PAGE_SIZE << order, i;
	struct fake_page *fp;
	char *mem;

	calls++;
	if (fail_nth >= 0 && fail_nth-- == 0)
		return NULL;
	if (order >= MAX_ORDER || (limit >= 0 && in_use + (long)n > limit))
		return NULL;
	mem = aligned_alloc(bytes, bytes);
	fp = calloc(n, sizeof(*fp));
	if (!mem || !fp)
		ck_abort_msg("host out of memory");
	/* Not zero unless asked: the slab code must not count on it. */
	memset(mem, gfp & __GFP_ZERO ? 0 : 0x5a, bytes);
	for (i = 0; i < n; i++) {
		unsigned int h = hash((uintptr_t)(mem + i * PAGE_SIZE));

		fp[i].addr = mem + i * PAGE_SIZE;
		fp[i].page.refcount = 1;
		INIT_LIST_HEAD(&fp[i].page.lru);
		fp[i].next = table[h];
		table[h] = &fp[i];
	}
	fp[0].page.flags = PG_head;
	fp[0].page.order = order;
	fp[0].order = order;
	in_use += n;
	return &fp[0].page;
}

void free_pages(struct page *page, unsigned int order)
{
	struct fake_page *fp = (struct fake_page *)page;
	size_t n = (size_t)1 << order, i;
	char *mem = fp->addr;

	if (!(page->flags & PG_head) || fp->order != order)
		ck_abort_msg("free_pages(%p, %u): not the head of an order-%u block",
			     (void *)page, order, order);
	for (i = 0; i < n; i++) {
		if (fp[i].page.flags & PG_slab || fp[i].page.private)
			ck_abort_msg("free_pages: page %zu of %p still marked by the slab code",
				     i, (void *)mem);
		unhash(&fp[i]);
	}
	in_use -= n;
	free(mem);
	free(fp);
}

void *page_address(const struct page *page)
{
	return ((const struct fake_page *)page)->addr;
}

struct page *virt_to_page(const void *addr)
{
	struct fake_page *fp = lookup(addr);

	return fp ? &fp->page : NULL;
}
