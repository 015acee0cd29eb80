/* Physical/virtual address conversion for the direct map and the image. */
#ifndef ASM_PAGE_H
#define ASM_PAGE_H

#include <stdint.h>
#include <asm/boot.h>

#define PAGE_SIZE		4096UL	/* spelled as in <breenix/mm.h> */

/*
 * Until paging_init() installs the real page tables, the boot stub's direct
 * map covers only the first 4 GiB of physical memory; after it, the direct
 * map covers all RAM (and only RAM: device memory goes through ioremap).
 */
#define EARLY_DIRECT_MAP_LIMIT	0x100000000ULL

/* The vmalloc area: two PML4 slots (1 TiB), page tables preallocated. */
#define VMALLOC_START		0xFFFFC90000000000ULL
#define VMALLOC_END		0xFFFFCA0000000000ULL

static inline void *phys_to_virt(uint64_t phys)
{
	return (void *)(phys + DIRECT_MAP_BASE);
}

/* For direct-map and kernel-image addresses only. */
static inline uint64_t virt_to_phys(const void *addr)
{
	uint64_t va = (uint64_t)addr;

	if (va >= KERNEL_VMA)
		return va - KERNEL_VMA;
	return va - DIRECT_MAP_BASE;
}

#endif
