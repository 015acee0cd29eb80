/*
 * The VMA set of an address space: a red-black tree by address for lookups
 * and a sorted list for walks, kept non-overlapping and with compatible
 * neighbours merged. Pure policy (see vma.h): it compiles on the host.
 */
#include <stddef.h>
#include <breenix/errno.h>
#include <breenix/mm.h>
#include <breenix/vma.h>

void vma_tree_init(struct mm_struct *mm)
{
	mm->mm_rb = RB_ROOT;
	INIT_LIST_HEAD(&mm->mmap);
	mm->map_count = 0;
}

static struct vm_area_struct *rb_vma(const struct rb_node *n)
{
	return rb_entry_safe(n, struct vm_area_struct, vm_rb);
}

uint64_t vma_start_gap(const struct vm_area_struct *vma)
{
	if (!(vma->vm_flags & VMA_GROWSDOWN))
		return vma->vm_start;
	return vma->vm_start > STACK_GUARD_GAP ?
	       vma->vm_start - STACK_GUARD_GAP : 0;
}

struct vm_area_struct *vma_find(const struct mm_struct *mm, uint64_t addr)
{
	struct rb_node *n = mm->mm_rb.node;
	struct vm_area_struct *best = NULL;

	while (n) {
		struct vm_area_struct *v = rb_vma(n);

		if (v->vm_end > addr) {
			best = v;
			if (v->vm_start <= addr)
				break;
			n = n->left;
		} else {
			n = n->right;
		}
	}
	return best;
}

struct vm_area_struct *vma_intersection(const struct mm_struct *mm,
					uint64_t start, uint64_t end)
{
	struct vm_area_struct *v = vma_find(mm, start);

	return v && v->vm_start < end ? v : NULL;
}

struct vm_area_struct *vma_prev(const struct mm_struct *mm,
				const struct vm_area_struct *vma)
{
	if (vma->vm_list.prev == &mm->mmap)
		return NULL;
	return list_entry(vma->vm_list.prev, struct vm_area_struct, vm_list);
}

struct vm_area_struct *vma_next(const struct mm_struct *mm,
				const struct vm_area_struct *vma)
{
	if (vma->vm_list.next == &mm->mmap)
		return NULL;
	return list_entry(vma->vm_list.next, struct vm_area_struct, vm_list);
}

static struct vm_area_struct *vma_last(const struct mm_struct *mm)
{
	if (list_empty(&mm->mmap))
		return NULL;
	return list_entry(mm->mmap.prev, struct vm_area_struct, vm_list);
}

void vma_link(struct mm_struct *mm, struct vm_area_struct *vma)
{
	struct rb_node **link = &mm->mm_rb.node, *parent = NULL;
	struct vm_area_struct *prev;

	while (*link) {
		parent = *link;
		if (vma->vm_start < rb_vma(parent)->vm_start)
			link = &parent->left;
		else
			link = &parent->right;
	}
	rb_link_node(&vma->vm_rb, parent, link);
	rb_insert_color(&vma->vm_rb, &mm->mm_rb);
	/* The tree's predecessor is the list's: link right after it. */
	prev = rb_vma(rb_prev(&vma->vm_rb));
	list_add(&vma->vm_list, prev ? &prev->vm_list : &mm->mmap);
	vma->vm_mm = mm;
	mm->map_count++;
}

void vma_unlink(struct mm_struct *mm, struct vm_area_struct *vma)
{
	rb_erase(&vma->vm_rb, &mm->mm_rb);
	list_del(&vma->vm_list);
	mm->map_count--;
}

bool vma_can_merge(const struct vm_area_struct *a,
		   const struct vm_area_struct *b)
{
	/*
	 * Private anonymous VMAs have vm_pgoff = vm_start >> PAGE_SHIFT, as in
	 * Linux, so one rule covers them and shared object offsets alike.
	 */
	return a->vm_end == b->vm_start && a->vm_flags == b->vm_flags &&
	       a->vm_shm == b->vm_shm &&
	       b->vm_pgoff == a->vm_pgoff + vma_pages(a);
}

/* Folds @b into @a, which it directly follows. */
static void vma_absorb(struct mm_struct *mm, struct vm_area_struct *a,
		       struct vm_area_struct *b)
{
	vma_unlink(mm, b);
	a->vm_end = b->vm_end;
	vma_destroy(b);
}

struct vm_area_struct *vma_merge_neighbours(struct mm_struct *mm,
					    struct vm_area_struct *vma)
{
	struct vm_area_struct *prev = vma_prev(mm, vma);
	struct vm_area_struct *next = vma_next(mm, vma);

	if (next && vma_can_merge(vma, next))
		vma_absorb(mm, vma, next);
	if (prev && vma_can_merge(prev, vma)) {
		vma_absorb(mm, prev, vma);
		vma = prev;
	}
	return vma;
}

int vma_split(struct mm_struct *mm, struct vm_area_struct *vma, uint64_t addr)
{
	struct vm_area_struct *upper = vma_clone(vma);

	if (!upper)
		return -ENOMEM;
	upper->vm_start = addr;
	upper->vm_pgoff = vma->vm_pgoff + ((addr - vma->vm_start) >> PAGE_SHIFT);
	vma->vm_end = addr;
	vma_link(mm, upper);
	return 0;
}

int vma_carve(struct mm_struct *mm, uint64_t start, uint64_t end)
{
	struct vm_area_struct *v = vma_find(mm, start);
	bool split_start = false;
	int err;

	if (v && v->vm_start < start && v->vm_end > start) {
		err = vma_split(mm, v, start);
		if (err)
			return err;
		split_start = true;
	}
	v = vma_find(mm, end);
	if (v && v->vm_start < end && v->vm_end > end) {
		err = vma_split(mm, v, end);
		if (err) {
			if (split_start)
				vma_merge_neighbours(mm, vma_find(mm, start));
			return err;
		}
	}
	return 0;
}

uint64_t vma_remove_range(struct mm_struct *mm, uint64_t start, uint64_t end)
{
	struct vm_area_struct *v = vma_find(mm, start), *next;
	uint64_t pages = 0;

	while (v && v->vm_start < end) {
		next = vma_next(mm, v);
		pages += vma_pages(v);
		vma_unlink(mm, v);
		vma_destroy(v);
		v = next;
	}
	return pages;
}

uint64_t vma_pages_in(const struct mm_struct *mm, uint64_t start, uint64_t end)
{
	const struct vm_area_struct *v = vma_find(mm, start);
	uint64_t pages = 0;

	for (; v && v->vm_start < end; v = vma_next(mm, v)) {
		uint64_t s = v->vm_start > start ? v->vm_start : start;
		uint64_t e = v->vm_end < end ? v->vm_end : end;

		pages += (e - s) >> PAGE_SHIFT;
	}
	return pages;
}

struct vm_area_struct *vma_insert(struct mm_struct *mm,
				  struct vm_area_struct *vma)
{
	vma_link(mm, vma);
	return vma_merge_neighbours(mm, vma);
}

int vma_modify_flags(struct mm_struct *mm, struct vm_area_struct *vma,
		     uint64_t start, uint64_t end, unsigned long flags,
		     struct vm_area_struct **out)
{
	struct vm_area_struct *mid = vma;
	bool split_low = false;
	int err;

	if (vma->vm_flags == flags) {
		*out = vma;
		return 0;
	}
	if (start > vma->vm_start) {
		err = vma_split(mm, vma, start);
		if (err)
			return err;
		mid = vma_next(mm, vma);
		split_low = true;
	}
	if (end < mid->vm_end) {
		err = vma_split(mm, mid, end);
		if (err) {
			if (split_low)
				vma_absorb(mm, vma, mid);
			return err;
		}
	}
	mid->vm_flags = flags;
	*out = vma_merge_neighbours(mm, mid);
	return 0;
}

bool vma_range_free(const struct mm_struct *mm, uint64_t addr, uint64_t len)
{
	const struct vm_area_struct *next = vma_find(mm, addr);

	return !next || addr + len <= vma_start_gap(next);
}

/* The free gap between @prev and @next (either NULL), clipped to [low, high). */
static bool gap_fits(const struct vm_area_struct *prev,
		     const struct vm_area_struct *next, uint64_t len,
		     uint64_t low, uint64_t high, uint64_t *lo, uint64_t *hi)
{
	*lo = prev ? prev->vm_end : 0;
	*hi = next ? vma_start_gap(next) : UINT64_MAX;
	if (*lo < low)
		*lo = low;
	if (*hi > high)
		*hi = high;
	return *hi > *lo && *hi - *lo >= len;
}

uint64_t vma_search_topdown(const struct mm_struct *mm, uint64_t len,
			    uint64_t low, uint64_t high)
{
	struct vm_area_struct *next = vma_find(mm, high), *prev;
	uint64_t lo, hi;

	prev = next ? vma_prev(mm, next) : vma_last(mm);
	for (;;) {
		if (gap_fits(prev, next, len, low, high, &lo, &hi))
			return hi - len;
		if (!prev || prev->vm_end <= low)
			return 0;
		next = prev;
		prev = vma_prev(mm, prev);
	}
}

uint64_t vma_search_bottomup(const struct mm_struct *mm, uint64_t len,
			     uint64_t low, uint64_t high)
{
	struct vm_area_struct *next = vma_find(mm, low), *prev;
	uint64_t lo, hi;

	prev = next ? vma_prev(mm, next) : vma_last(mm);
	for (;;) {
		if (gap_fits(prev, next, len, low, high, &lo, &hi))
			return lo;
		if (!next || next->vm_start >= high)
			return 0;
		prev = next;
		next = vma_next(mm, next);
	}
}

int vma_expand_down(struct mm_struct *mm, struct vm_area_struct **vmap,
		    uint64_t new_start, uint64_t limit)
{
	struct vm_area_struct *vma = *vmap, *prev = vma_prev(mm, vma);
	uint64_t grow = (vma->vm_start - new_start) >> PAGE_SHIFT;

	if (vma->vm_end - new_start > limit)
		return -ENOMEM;
	if (prev && prev->vm_end > new_start)
		return -ENOMEM;
	/* As Linux: a PROT_NONE neighbour is itself a guard, no gap needed. */
	if (prev && !(prev->vm_flags & VMA_GROWSDOWN) &&
	    (prev->vm_flags & (VMA_READ | VMA_WRITE | VMA_EXEC)) &&
	    new_start - prev->vm_end < STACK_GUARD_GAP)
		return -ENOMEM;
	vma->vm_start = new_start;
	vma->vm_pgoff -= grow;
	*vmap = vma_merge_neighbours(mm, vma);
	return 0;
}
