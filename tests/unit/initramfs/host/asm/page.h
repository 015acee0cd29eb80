/*
 * Host stand-in for the kernel's <asm/page.h>: the test hands the unpacker
 * module addresses that are already pointers, so the direct map is identity.
 */
#ifndef ASM_PAGE_H
#define ASM_PAGE_H

#include <stdint.h>

#define PAGE_SIZE	4096UL

static inline void *phys_to_virt(uint64_t phys)
{
	return (void *)(uintptr_t)phys;
}

#endif
