/*
 * A fake page allocator for the slab tests: each block is its own
 * aligned_alloc (so ASan sees its bounds), a hash table maps page
 * addresses to fake struct pages, and pages in use are counted.
 */
#ifndef FAKE_MM_H
#define FAKE_MM_H

#include <breenix/mm.h>

/* Forgets the limits (earlier blocks stay valid). */
void fake_mm_reset(void);
/* Pages currently allocated. */
long fake_mm_pages_in_use(void);
/* alloc_pages fails once this many pages would be in use (-1: no limit). */
void fake_mm_set_limit(long pages);
/* The nth alloc_pages call from now (0 = the next) fails; -1: none. */
void fake_mm_fail_call(long nth);
/* alloc_pages calls so far. */
long fake_mm_calls(void);

#endif
