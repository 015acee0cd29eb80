/*
 * The VMA set of an address space as pure policy (kernel/mm/vma.c): find,
 * insert, split, merge, remove and free-area search over mm->mm_rb and
 * mm->mmap, with no page tables, locks or allocator of its own, so that the
 * host unit tests (tests/unit/vma) run the very code the kernel does.
 * Callers hold mm->mmap_lock.
 */
#ifndef BREENIX_VMA_H
#define BREENIX_VMA_H

#include <stdbool.h>
#include <stdint.h>
#include <breenix/mm_types.h>

/* Linux's stack_guard_gap: 256 pages kept free below a stack (CVE-2017-1000364). */
#define STACK_GUARD_GAP		(256UL << 12)

/*
 * What vma.c needs from its user (mmap.c in the kernel, the test's shim on
 * the host): a copy of @vma with its own reference to vm_shm, NULL without
 * memory; and the release of a VMA no longer linked anywhere.
 */
struct vm_area_struct *vma_clone(const struct vm_area_struct *vma);
void vma_destroy(struct vm_area_struct *vma);

void vma_tree_init(struct mm_struct *mm);

static inline uint64_t vma_pages(const struct vm_area_struct *vma)
{
	return (vma->vm_end - vma->vm_start) >> 12;
}

/* The lowest address a new mapping below @vma may end at (its guard gap). */
uint64_t vma_start_gap(const struct vm_area_struct *vma);

/* The first VMA with vm_end > @addr, or NULL. */
struct vm_area_struct *vma_find(const struct mm_struct *mm, uint64_t addr);
/* The first VMA overlapping [@start, @end), or NULL. */
struct vm_area_struct *vma_intersection(const struct mm_struct *mm,
					uint64_t start, uint64_t end);
struct vm_area_struct *vma_prev(const struct mm_struct *mm,
				const struct vm_area_struct *vma);
struct vm_area_struct *vma_next(const struct mm_struct *mm,
				const struct vm_area_struct *vma);

/* Links @vma, whose range must be free, into the tree and the list. */
void vma_link(struct mm_struct *mm, struct vm_area_struct *vma);
void vma_unlink(struct mm_struct *mm, struct vm_area_struct *vma);

/* Whether @b can be folded into @a, which it directly follows. */
bool vma_can_merge(const struct vm_area_struct *a,
		   const struct vm_area_struct *b);
/* Merges @vma with its neighbours where possible; returns the survivor. */
struct vm_area_struct *vma_merge_neighbours(struct mm_struct *mm,
					    struct vm_area_struct *vma);

/*
 * Splits @vma at @addr (strictly inside it): @vma keeps the lower part, a
 * clone takes the upper. 0 or -ENOMEM (nothing changed).
 */
int vma_split(struct mm_struct *mm, struct vm_area_struct *vma, uint64_t addr);
/*
 * Splits the VMAs straddling @start or @end so that every VMA is either
 * inside [@start, @end) or outside it. 0, or -ENOMEM with the VMAs as they
 * were.
 */
int vma_carve(struct mm_struct *mm, uint64_t start, uint64_t end);
/*
 * Unlinks and destroys every VMA inside [@start, @end), which must be
 * carved; returns the pages they covered.
 */
uint64_t vma_remove_range(struct mm_struct *mm, uint64_t start, uint64_t end);
/* The pages of [@start, @end) that VMAs cover. */
uint64_t vma_pages_in(const struct mm_struct *mm, uint64_t start, uint64_t end);

/*
 * Links the new @vma (its range free) and merges it with its neighbours;
 * returns the VMA that now covers its range.
 */
struct vm_area_struct *vma_insert(struct mm_struct *mm,
				  struct vm_area_struct *vma);
/*
 * Gives [@start, @end), which must lie inside @vma, the flags @flags:
 * splits @vma as needed and merges the result with its neighbours. Returns
 * 0 and the VMA now covering the range in *@out, or -ENOMEM (nothing
 * changed).
 */
int vma_modify_flags(struct mm_struct *mm, struct vm_area_struct *vma,
		     uint64_t start, uint64_t end, unsigned long flags,
		     struct vm_area_struct **out);

/*
 * Whether [@addr, @addr + @len) is free and keeps the guard gap below a
 * following stack.
 */
bool vma_range_free(const struct mm_struct *mm, uint64_t addr, uint64_t len);
/*
 * The highest (topdown) or lowest (bottomup) page-aligned @len-byte range
 * inside [@low, @high) that vma_range_free() accepts; 0 if there is none.
 */
uint64_t vma_search_topdown(const struct mm_struct *mm, uint64_t len,
			    uint64_t low, uint64_t high);
uint64_t vma_search_bottomup(const struct mm_struct *mm, uint64_t len,
			     uint64_t low, uint64_t high);

/*
 * Moves the start of the growsdown *@vmap down to @new_start if the stack,
 * then vm_end - new_start bytes, stays within @limit and a guard gap from
 * the accessible VMA below it (Linux's expand_downwards); a compatible
 * neighbour it now touches is merged, *@vmap then being the survivor.
 * 0, or -ENOMEM.
 */
int vma_expand_down(struct mm_struct *mm, struct vm_area_struct **vmap,
		    uint64_t new_start, uint64_t limit);

#endif
