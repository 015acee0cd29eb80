/*
 * The vmalloc area (0xFFFFC90000000000 up): virtually contiguous kernel
 * memory from scattered pages, each allocation followed by an unmapped guard
 * page; and ioremap, which maps device memory there.
 */
#ifndef BREENIX_VMALLOC_H
#define BREENIX_VMALLOC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

void *vmalloc(size_t size);
void *vzalloc(size_t size);
void vfree(void *addr);

/* Map [phys, phys+size) uncached (ioremap) or write-combining. */
void *ioremap(uint64_t phys, size_t size);
void *ioremap_wc(uint64_t phys, size_t size);
void iounmap(void *addr);

/*
 * Whether addr lies in the guard page below or above a vmalloc area; if so,
 * [*start, *end) is that area. Safe in fault handlers (never waits).
 */
bool vmalloc_guard_hit(uint64_t addr, uint64_t *start, uint64_t *end);

#endif
