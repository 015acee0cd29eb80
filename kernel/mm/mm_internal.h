/*
 * Inside kernel/mm: the user page tables of an mm (pgtable.c) and the
 * helpers the address-space code and its tests share.
 */
#ifndef MM_INTERNAL_H
#define MM_INTERNAL_H

#include <stdbool.h>
#include <stdint.h>
#include <breenix/mm.h>
#include <breenix/mm_types.h>
#include <asm/pgtable.h>

/*
 * A user PTE is 0 (nothing), a present mapping, or a page kept under a
 * PROT_NONE VMA: not present, so every access faults, but still holding
 * the page. Bit 9 is ignored by the MMU (Intel SDM 3A table 4-19).
 */
#define PTE_SW_PROTNONE	(1ULL << 9)

static inline bool pte_has_page(uint64_t pte)
{
	return pte & (PTE_PRESENT | PTE_SW_PROTNONE);
}

/* The lowest address mmap hands out or accepts (Linux's mmap_min_addr). */
#define MMAP_MIN_ADDR	65536ULL

/* The shared zero page, allocated on first use; NULL without memory. */
struct page *mm_zero_page(void);
bool is_zero_page(const struct page *page);

/* A page-table root with the kernel half filled in; -ENOMEM. */
int pgt_alloc_pgd(struct mm_struct *mm);
/* Frees every user page table and the PML4 (the leaves must be zapped). */
void pgt_free_pgd(struct mm_struct *mm);
/* The leaf PTE of @va, creating tables when @create; NULL if missing/OOM. */
uint64_t *pgt_pte(struct mm_struct *mm, uint64_t va, bool create);
/*
 * The PTE for @page at a VMA with @vm_flags: present unless PROT_NONE,
 * user, NX unless exec, writable only if @writable and the VMA allows it.
 */
uint64_t pgt_mk_pte(struct page *page, unsigned long vm_flags, bool writable);
static inline struct page *pgt_pte_page(uint64_t pte)
{
	return phys_to_page(pte & PTE_ADDR_MASK);
}

/*
 * Calls @fn on every non-zero leaf PTE in [start, end), skipping missing
 * tables; stops at the first non-zero return and gives it back.
 */
typedef int (*pte_fn)(struct mm_struct *mm, uint64_t va, uint64_t *pte,
		      void *arg);
int pgt_for_each(struct mm_struct *mm, uint64_t start, uint64_t end,
		 pte_fn fn, void *arg);
/* Drops the pages mapped in [start, end) and frees tables left empty. */
void pgt_zap(struct mm_struct *mm, uint64_t start, uint64_t end);
/* Rewrites the PTEs of [start, end) for a VMA's new @vm_flags. */
void pgt_protect(struct mm_struct *mm, uint64_t start, uint64_t end,
		 unsigned long vm_flags);
/*
 * fork: gives @dst the private pages of [start, end) of @src, both sides
 * read-only so the first write copies. -ENOMEM (what was copied stays in
 * @dst for mmput).
 */
int pgt_copy_cow(struct mm_struct *dst, struct mm_struct *src, uint64_t start,
		 uint64_t end);

/*
 * Grows the growsdown *@vmap down over @addr (mmap_lock held): within the
 * stack limit, RLIMIT_AS and the guard gap; *@vmap is then the VMA that
 * covers @addr (merged, maybe). 0, -ENOMEM or -EPERM.
 */
int mm_expand_stack(struct mm_struct *mm, struct vm_area_struct **vmap,
		    uint64_t addr);

/* TLB maintenance for an mm: a no-op unless it is the one loaded. */
void mm_flush_page(struct mm_struct *mm, uint64_t va);
void mm_flush_all(struct mm_struct *mm);

/* The page mapped at @va in @mm (NULL if none); *pte gets its PTE. */
struct page *mm_follow_page(struct mm_struct *mm, uint64_t va, uint64_t *pte);

#endif
