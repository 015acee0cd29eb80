/*
 * Kernel page tables: the four-level x86-64 tables behind every address
 * space. The kernel half (PML4 entries 256-511) is shared by all of them.
 */
#ifndef BREENIX_VMM_H
#define BREENIX_VMM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Protection and caching of a mapping (translated to PTE bits by vmm). */
#define VM_READ		0x01
#define VM_WRITE	0x02
#define VM_EXEC		0x04
#define VM_USER		0x08
#define VM_NOCACHE	0x10	/* uncached: device registers */
#define VM_WRCOMBINE	0x20	/* write-combining: framebuffers */
#define VM_GLOBAL	0x40

struct boot_info;

/* Builds and loads the kernel's page tables (tables from memblock). */
void paging_init(const struct boot_info *bi);
/* From now on page tables come from the page allocator. */
void vmm_late_init(void);
/* Physical address of the kernel's PML4. */
uint64_t vmm_kernel_pml4(void);

/* Map one 4 KiB page va -> pa in the kernel's tables; -ENOMEM, -EEXIST. */
int vmm_map_page(uint64_t va, uint64_t pa, unsigned int prot);
/*
 * Map [pa, pa+size) at va (page-aligned), with 2 MiB pages wherever va and
 * pa allow; -EINVAL, -ENOMEM, -EEXIST (nothing stays mapped on failure).
 */
int vmm_map_range(uint64_t va, uint64_t pa, size_t size, unsigned int prot);
/* Unmap [va, va+size), splitting a large page that is partly inside. */
void vmm_unmap_range(uint64_t va, size_t size);
/* Whether va is mapped by a 2 MiB (or larger) page. */
bool vmm_is_large_page(uint64_t va);
/* Unmap one page; returns its physical address or 0 if it was not mapped. */
uint64_t vmm_unmap_page(uint64_t va);
/* Change a mapped range's protection (4 KiB granularity, splits 2 MiB). */
int vmm_protect(uint64_t va, size_t size, unsigned int prot);
/* Physical address of va, or false if unmapped. */
bool vmm_translate(uint64_t va, uint64_t *pa);

#endif
