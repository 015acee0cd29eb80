/* Physical/virtual address conversion for the direct map and the image. */
#ifndef ASM_PAGE_H
#define ASM_PAGE_H

#include <stdint.h>
#include <asm/boot.h>

#define PAGE_SIZE	4096UL

/*
 * Until the memory manager builds the real page tables, the boot stub's
 * direct map covers only the first 4 GiB of physical memory.
 */
#define EARLY_DIRECT_MAP_LIMIT	0x100000000ULL

static inline void *phys_to_virt(uint64_t phys)
{
	return (void *)(phys + DIRECT_MAP_BASE);
}

#endif
