/*
 * x86-64 four-level paging: entry bits and index arithmetic
 * (Intel SDM 3A 4.5, tables 4-15 to 4-20).
 */
#ifndef ASM_PGTABLE_H
#define ASM_PGTABLE_H

#include <stdint.h>

#define PTE_PRESENT	(1ULL << 0)
#define PTE_WRITE	(1ULL << 1)
#define PTE_USER	(1ULL << 2)
#define PTE_PWT		(1ULL << 3)
#define PTE_PCD		(1ULL << 4)
#define PTE_ACCESSED	(1ULL << 5)
#define PTE_DIRTY	(1ULL << 6)
#define PTE_HUGE	(1ULL << 7)	/* PS in a PDE/PDPTE: a large page */
#define PTE_PAT_4K	(1ULL << 7)	/* PAT bit of a 4 KiB PTE */
#define PTE_GLOBAL	(1ULL << 8)
#define PTE_PAT_LARGE	(1ULL << 12)	/* PAT bit of a 2 MiB/1 GiB entry */
#define PTE_NX		(1ULL << 63)
#define PTE_ADDR_MASK	0x000ffffffffff000ULL
#define PTE_LARGE_ADDR_MASK 0x000fffffffe00000ULL

/*
 * PAT entries as Linux programs them (Intel SDM 3A 12.12.2): the index is
 * PAT:PCD:PWT, so PWT alone selects write-combining and PCD|PWT uncached.
 */
#define PAT_UC		0x00ULL
#define PAT_WC		0x01ULL
#define PAT_WT		0x04ULL
#define PAT_WP		0x05ULL
#define PAT_WB		0x06ULL
#define PAT_UC_MINUS	0x07ULL
#define PAT_LINUX_LAYOUT (PAT_WB | PAT_WC << 8 | PAT_UC_MINUS << 16 | \
			  PAT_UC << 24 | PAT_WB << 32 | PAT_WP << 40 | \
			  PAT_UC_MINUS << 48 | PAT_WT << 56)
#define PTE_CACHE_WC	PTE_PWT
#define PTE_CACHE_UC	(PTE_PCD | PTE_PWT)

#define PT_ENTRIES	512
#define PML4_SHIFT	39
#define PDPT_SHIFT	30
#define PD_SHIFT	21
#define PT_SHIFT	12
#define LARGE_PAGE_SIZE	(1ULL << PD_SHIFT)

static inline unsigned int pt_index(uint64_t va, unsigned int shift)
{
	return (va >> shift) & (PT_ENTRIES - 1);
}

/* inline asm: TLB and CR3 control have no C equivalent. */
static inline void invlpg(uint64_t va)
{
	__asm__ volatile("invlpg (%0)" : : "r"(va) : "memory");
}

static inline void write_cr3(uint64_t v)
{
	__asm__ volatile("mov %0, %%cr3" : : "r"(v) : "memory");
}

#endif
