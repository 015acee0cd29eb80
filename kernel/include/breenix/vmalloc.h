/*
 * The vmalloc area (0xFFFFC90000000000 up): virtually contiguous kernel
 * memory from scattered pages, each allocation followed by an unmapped guard
 * page; and ioremap, which maps device memory there.
 */
#ifndef BREENIX_VMALLOC_H
#define BREENIX_VMALLOC_H

#include <stddef.h>
#include <stdint.h>

void *vmalloc(size_t size);
void *vzalloc(size_t size);
void vfree(void *addr);

/* Map [phys, phys+size) uncached (ioremap) or write-combining. */
void *ioremap(uint64_t phys, size_t size);
void *ioremap_wc(uint64_t phys, size_t size);
void iounmap(void *addr);

#endif
