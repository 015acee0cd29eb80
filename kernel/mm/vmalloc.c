/*
 * The vmalloc area: virtually contiguous kernel mappings of scattered pages
 * (vmalloc) or of device memory (ioremap). Every area is followed by an
 * unmapped guard page and the first one is preceded by one, so running off
 * either end of an area (a kernel stack overflowing, a buffer overrun) faults
 * instead of corrupting a neighbour. Areas are kept in a list sorted by
 * address and placed first-fit.
 */
#include <stdbool.h>
#include <string.h>
#include <breenix/errno.h>
#include <breenix/list.h>
#include <breenix/mm.h>
#include <breenix/printk.h>
#include <breenix/slab.h>
#include <breenix/spinlock.h>
#include <breenix/vmalloc.h>
#include <breenix/vmm.h>
#include <asm/page.h>

struct vmap_area {
	uint64_t start;
	uint64_t size;		/* mapped bytes, without the guard page */
	bool owns_pages;	/* vmalloc: free the pages on release */
	struct list_head list;
};

static LIST_HEAD(vmap_areas);
static spinlock_t vmap_lock = SPINLOCK_INIT;

static uint64_t area_end_with_guard(const struct vmap_area *a)
{
	return a->start + a->size + PAGE_SIZE;
}

/* Reserves size bytes of address space (page multiple) plus a guard. */
static struct vmap_area *vmap_area_alloc(uint64_t size)
{
	struct vmap_area *a = kmalloc(sizeof(*a), GFP_KERNEL), *pos;
	uint64_t cursor = VMALLOC_START + PAGE_SIZE;
	unsigned long flags;

	if (!a || size == 0 || size > VMALLOC_END - VMALLOC_START) {
		kfree(a);
		return NULL;
	}
	a->size = size;
	flags = spin_lock_irqsave(&vmap_lock);
	list_for_each_entry(pos, &vmap_areas, list) {
		if (pos->start >= cursor && pos->start - cursor >= size + PAGE_SIZE)
			break;
		cursor = area_end_with_guard(pos);
	}
	if (cursor + size + PAGE_SIZE > VMALLOC_END) {
		spin_unlock_irqrestore(&vmap_lock, flags);
		kfree(a);
		return NULL;
	}
	a->start = cursor;
	list_add_tail(&a->list, &pos->list);
	spin_unlock_irqrestore(&vmap_lock, flags);
	return a;
}

static struct vmap_area *vmap_area_find(uint64_t addr)
{
	struct vmap_area *a;

	list_for_each_entry(a, &vmap_areas, list) {
		if (addr >= a->start && addr < a->start + a->size)
			return a;
	}
	return NULL;
}

/* Unmaps an area's pages (freeing them if it owns them) and forgets it. */
static void vmap_area_release(struct vmap_area *a, uint64_t mapped)
{
	unsigned long flags;
	uint64_t off;

	for (off = 0; off < mapped; off += PAGE_SIZE) {
		uint64_t pa = vmm_unmap_page(a->start + off);

		if (a->owns_pages && pa)
			free_pages(phys_to_page(pa), 0);
	}
	flags = spin_lock_irqsave(&vmap_lock);
	list_del(&a->list);
	spin_unlock_irqrestore(&vmap_lock, flags);
	kfree(a);
}

static void *vmalloc_gfp(size_t size, gfp_t gfp)
{
	uint64_t len = (size + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1), off;
	struct vmap_area *a = vmap_area_alloc(len);

	if (!a)
		return NULL;
	a->owns_pages = true;
	for (off = 0; off < len; off += PAGE_SIZE) {
		struct page *page = alloc_page(gfp);

		if (!page)
			goto fail;
		if (vmm_map_page(a->start + off, page_to_phys(page),
				 VM_READ | VM_WRITE | VM_GLOBAL)) {
			free_pages(page, 0);
			goto fail;
		}
	}
	return (void *)a->start;
fail:
	vmap_area_release(a, off);
	return NULL;
}

void *vmalloc(size_t size)
{
	return vmalloc_gfp(size, GFP_KERNEL);
}

void *vzalloc(size_t size)
{
	return vmalloc_gfp(size, __GFP_ZERO);
}

static void vunmap_area_at(const void *addr, bool owns_pages)
{
	uint64_t va = (uint64_t)addr & ~(PAGE_SIZE - 1);
	unsigned long flags = spin_lock_irqsave(&vmap_lock);
	struct vmap_area *a = vmap_area_find(va);

	spin_unlock_irqrestore(&vmap_lock, flags);
	if (!a || a->start != va || a->owns_pages != owns_pages) {
		pr_err("vmalloc: bad free of %p\n", addr);
		return;
	}
	vmap_area_release(a, a->size);
}

void vfree(void *addr)
{
	if (addr)
		vunmap_area_at(addr, true);
}

static void *ioremap_prot(uint64_t phys, size_t size, unsigned int cache)
{
	uint64_t base = phys & ~(PAGE_SIZE - 1), off;
	uint64_t len = (phys + size - base + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1);
	struct vmap_area *a;

	if (size == 0 || phys + size < phys)
		return NULL;
	a = vmap_area_alloc(len);
	if (!a)
		return NULL;
	a->owns_pages = false;
	for (off = 0; off < len; off += PAGE_SIZE) {
		if (vmm_map_page(a->start + off, base + off,
				 VM_READ | VM_WRITE | VM_GLOBAL | cache)) {
			vmap_area_release(a, off);
			return NULL;
		}
	}
	return (void *)(a->start + (phys - base));
}

void *ioremap(uint64_t phys, size_t size)
{
	return ioremap_prot(phys, size, VM_NOCACHE);
}

void *ioremap_wc(uint64_t phys, size_t size)
{
	return ioremap_prot(phys, size, VM_WRCOMBINE);
}

void iounmap(void *addr)
{
	if (addr)
		vunmap_area_at(addr, false);
}

bool vmalloc_guard_hit(uint64_t addr, uint64_t *start, uint64_t *end)
{
	struct vmap_area *a;
	bool hit = false;

	/* Called from fault handlers: never wait for the lock. */
	if (!spin_trylock(&vmap_lock))
		return false;
	list_for_each_entry(a, &vmap_areas, list) {
		if ((addr >= a->start - PAGE_SIZE && addr < a->start) ||
		    (addr >= a->start + a->size && addr < area_end_with_guard(a))) {
			*start = a->start;
			*end = a->start + a->size;
			hit = true;
			break;
		}
	}
	spin_unlock(&vmap_lock);
	return hit;
}
