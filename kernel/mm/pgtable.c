/*
 * User page tables: each mm has its own PML4 whose upper half (entries
 * 256-511) is a copy of the kernel's, fixed since boot, and whose lower
 * half holds 4 KiB mappings only, in tables counted in mm->pt_pages.
 * Callers hold mm->mmap_lock (or own the mm outright).
 */
#include <string.h>
#include <breenix/errno.h>
#include <breenix/mm.h>
#include <breenix/mman.h>
#include <breenix/vmm.h>
#include <asm/cpu.h>
#include <asm/page.h>
#include "mm_internal.h"

#define USER_PML4_ENTRIES	(PT_ENTRIES / 2)

static struct page *zero_page;

struct page *mm_zero_page(void)
{
	struct page *page = __atomic_load_n(&zero_page, __ATOMIC_ACQUIRE);
	struct page *none = NULL;

	if (page)
		return page;
	page = alloc_page(__GFP_ZERO);
	if (!page)
		return NULL;
	/* Lost a race with another allocator of it: use the winner's. */
	if (!__atomic_compare_exchange_n(&zero_page, &none, page, false,
					 __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) {
		put_page(page);
		return none;
	}
	return page;
}

bool is_zero_page(const struct page *page)
{
	return page && page == __atomic_load_n(&zero_page, __ATOMIC_ACQUIRE);
}

static uint64_t *table_of(uint64_t entry)
{
	return phys_to_virt(entry & PTE_ADDR_MASK);
}

int pgt_alloc_pgd(struct mm_struct *mm)
{
	struct page *page = alloc_page(__GFP_ZERO);
	const uint64_t *kernel = phys_to_virt(vmm_kernel_pml4());

	if (!page)
		return -ENOMEM;
	mm->pgd_phys = page_to_phys(page);
	mm->pgd = page_address(page);
	memcpy(mm->pgd + USER_PML4_ENTRIES, kernel + USER_PML4_ENTRIES,
	       USER_PML4_ENTRIES * sizeof(uint64_t));
	return 0;
}

/* Frees the tables below the entries of @table, @shift being its level. */
static void free_tables(struct mm_struct *mm, uint64_t *table,
			unsigned int shift, unsigned int entries)
{
	unsigned int i;

	for (i = 0; i < entries; i++) {
		if (!(table[i] & PTE_PRESENT))
			continue;
		if (shift > PD_SHIFT)
			free_tables(mm, table_of(table[i]), shift - 9, PT_ENTRIES);
		put_page(phys_to_page(table[i] & PTE_ADDR_MASK));
		mm->pt_pages--;
		table[i] = 0;
	}
}

void pgt_free_pgd(struct mm_struct *mm)
{
	free_tables(mm, mm->pgd, PML4_SHIFT, USER_PML4_ENTRIES);
	put_page(phys_to_page(mm->pgd_phys));
	mm->pgd = NULL;
	mm->pgd_phys = 0;
}

uint64_t *pgt_pte(struct mm_struct *mm, uint64_t va, bool create)
{
	uint64_t *table = mm->pgd;
	unsigned int s;

	for (s = PML4_SHIFT; s > PT_SHIFT; s -= 9) {
		uint64_t *e = &table[pt_index(va, s)];

		if (!(*e & PTE_PRESENT)) {
			struct page *page;

			if (!create || !(page = alloc_page(__GFP_ZERO)))
				return NULL;
			mm->pt_pages++;
			/* Upper levels allow everything; the leaf decides. */
			*e = page_to_phys(page) | PTE_PRESENT | PTE_WRITE | PTE_USER;
		}
		table = table_of(*e);
	}
	return &table[pt_index(va, PT_SHIFT)];
}

bool user_page_present(struct mm_struct *mm, uint64_t va)
{
	uint64_t *pte = pgt_pte(mm, va, false);

	return pte && (*pte & PTE_PRESENT);
}

uint64_t pgt_mk_pte(struct page *page, unsigned long vm_flags, bool writable)
{
	uint64_t pte = page_to_phys(page);

	if (!(vm_flags & (VMA_READ | VMA_WRITE | VMA_EXEC)))
		return pte | PTE_SW_PROTNONE;
	pte |= PTE_PRESENT | PTE_USER;
	if (writable && (vm_flags & VMA_WRITE))
		pte |= PTE_WRITE;
	if (!(vm_flags & VMA_EXEC))
		pte |= PTE_NX;
	return pte;
}

static int walk_level(struct mm_struct *mm, uint64_t *table, unsigned int shift,
		      uint64_t start, uint64_t end, pte_fn fn, void *arg)
{
	uint64_t va, next;
	int err = 0;

	for (va = start; va < end && !err; va = next) {
		uint64_t *e = &table[pt_index(va, shift)];

		next = (va | ((1ULL << shift) - 1)) + 1;
		if (next > end)
			next = end;
		if (shift == PT_SHIFT) {
			if (*e)
				err = fn(mm, va, e, arg);
		} else if (*e & PTE_PRESENT) {
			err = walk_level(mm, table_of(*e), shift - 9, va, next,
					 fn, arg);
		}
	}
	return err;
}

int pgt_for_each(struct mm_struct *mm, uint64_t start, uint64_t end,
		 pte_fn fn, void *arg)
{
	return walk_level(mm, mm->pgd, PML4_SHIFT, start, end, fn, arg);
}

static bool table_empty(const uint64_t *table)
{
	unsigned int i;

	for (i = 0; i < PT_ENTRIES; i++) {
		if (table[i])
			return false;
	}
	return true;
}

/* Frees the tables under [start, end) that hold nothing any more. */
static void prune_level(struct mm_struct *mm, uint64_t *table,
			unsigned int shift, uint64_t start, uint64_t end)
{
	uint64_t va, next;

	for (va = start; va < end; va = next) {
		uint64_t *e = &table[pt_index(va, shift)];
		uint64_t *sub;

		next = (va | ((1ULL << shift) - 1)) + 1;
		if (next > end)
			next = end;
		if (!(*e & PTE_PRESENT))
			continue;
		sub = table_of(*e);
		if (shift - 9 > PT_SHIFT)
			prune_level(mm, sub, shift - 9, va, next);
		if (table_empty(sub)) {
			put_page(phys_to_page(*e & PTE_ADDR_MASK));
			mm->pt_pages--;
			*e = 0;
		}
	}
}

static int zap_one(struct mm_struct *mm, uint64_t va, uint64_t *pte, void *arg)
{
	struct page *page = pgt_pte_page(*pte);

	(void)arg;
	*pte = 0;
	mm_flush_page(mm, va);
	if (!is_zero_page(page)) {
		put_page(page);
		mm->rss--;
	}
	return 0;
}

void pgt_zap(struct mm_struct *mm, uint64_t start, uint64_t end)
{
	pgt_for_each(mm, start, end, zap_one, NULL);
	prune_level(mm, mm->pgd, PML4_SHIFT, start, end);
}

static int protect_one(struct mm_struct *mm, uint64_t va, uint64_t *pte,
		       void *arg)
{
	unsigned long vm_flags = *(unsigned long *)arg;
	struct page *page = pgt_pte_page(*pte);
	bool writable;

	/*
	 * A private page becomes writable again only by the write fault that
	 * checks it is no longer shared; shared mappings write in place.
	 */
	writable = (vm_flags & VMA_SHARED) ||
		   ((*pte & PTE_WRITE) && !is_zero_page(page));
	*pte = pgt_mk_pte(page, vm_flags, writable) |
	       (*pte & (PTE_ACCESSED | PTE_DIRTY));
	mm_flush_page(mm, va);
	return 0;
}

void pgt_protect(struct mm_struct *mm, uint64_t start, uint64_t end,
		 unsigned long vm_flags)
{
	pgt_for_each(mm, start, end, protect_one, &vm_flags);
}

static int copy_one(struct mm_struct *src, uint64_t va, uint64_t *pte,
		    void *arg)
{
	struct mm_struct *dst = arg;
	struct page *page = pgt_pte_page(*pte);
	uint64_t *dpte = pgt_pte(dst, va, true);

	if (!dpte)
		return -ENOMEM;
	if (*pte & PTE_WRITE) {
		*pte &= ~PTE_WRITE;
		mm_flush_page(src, va);
	}
	*dpte = *pte;
	if (!is_zero_page(page)) {
		get_page(page);
		dst->rss++;
	}
	return 0;
}

int pgt_copy_cow(struct mm_struct *dst, struct mm_struct *src, uint64_t start,
		 uint64_t end)
{
	return pgt_for_each(src, start, end, copy_one, dst);
}

static bool mm_loaded(const struct mm_struct *mm)
{
	return (read_cr3() & PTE_ADDR_MASK) == mm->pgd_phys;
}

/*
 * One CPU (NR_CPUS=1): only this CPU's TLB can hold the mm's entries, and
 * only while the mm is loaded. With SMP every CPU that has run the mm since
 * its last flush needs a shootdown IPI here.
 */
void mm_flush_page(struct mm_struct *mm, uint64_t va)
{
	if (mm_loaded(mm))
		invlpg(va);
}

void mm_flush_all(struct mm_struct *mm)
{
	if (mm_loaded(mm))
		write_cr3(mm->pgd_phys);
}

struct page *mm_follow_page(struct mm_struct *mm, uint64_t va, uint64_t *pte)
{
	uint64_t *e = pgt_pte(mm, va, false);

	*pte = e ? *e : 0;
	return pte_has_page(*pte) ? pgt_pte_page(*pte) : NULL;
}
