/*
 * Page faults on user addresses: demand-zero pages (the shared zero page
 * for reads), copy-on-write, shared anonymous pages from their shmem
 * object, stack growth; and the forced access (mm_write_force, mm_read)
 * that exec and ptrace use on any mm without touching its permissions.
 */
#include <string.h>
#include <breenix/errno.h>
#include <breenix/mman.h>
#include <breenix/shmem.h>
#include <breenix/uaccess.h>
#include <breenix/vma.h>
#include "mm_internal.h"

#define PAGE_MASK	(~(PAGE_SIZE - 1))

static uint64_t vma_pgoff(const struct vm_area_struct *vma, uint64_t va)
{
	return vma->vm_pgoff + ((va - vma->vm_start) >> PAGE_SHIFT);
}

/*
 * Makes *@pte map a page of a private VMA that this mm alone holds, and
 * writable if the VMA is: a page nobody else maps is kept, a shared one
 * copied, the zero page or nothing replaced by a new zeroed page.
 */
static int private_write_page(struct mm_struct *mm, struct vm_area_struct *vma,
			      uint64_t va, uint64_t *pte, struct page **out)
{
	struct page *old = pte_has_page(*pte) ? pgt_pte_page(*pte) : NULL;
	struct page *page = old;

	if (is_zero_page(old))
		old = NULL;
	/* Only a fork of this mm, under our lock, could add a reference. */
	if (!old || __atomic_load_n(&old->refcount, __ATOMIC_ACQUIRE) != 1) {
		page = alloc_page(old ? GFP_KERNEL : __GFP_ZERO);
		if (!page)
			return -ENOMEM;
		if (old) {
			memcpy(page_address(page), page_address(old), PAGE_SIZE);
			put_page(old);
		} else {
			mm->rss++;
		}
	}
	*pte = pgt_mk_pte(page, vma->vm_flags, true) | PTE_DIRTY;
	mm_flush_page(mm, va);
	*out = page;
	return 0;
}

static bool access_allowed(const struct vm_area_struct *vma, unsigned int flags)
{
	if (flags & FAULT_FLAG_WRITE)
		return vma->vm_flags & VMA_WRITE;
	if (flags & FAULT_FLAG_EXEC)
		return vma->vm_flags & VMA_EXEC;
	/* x86 cannot map write- or exec-only: either implies read. */
	return vma->vm_flags & (VMA_READ | VMA_WRITE | VMA_EXEC);
}

/* Resolves a fault at @va in @vma, whose permissions allow the access. */
static int fault_page(struct mm_struct *mm, struct vm_area_struct *vma,
		      uint64_t va, unsigned int flags)
{
	uint64_t *pte = pgt_pte(mm, va, true);
	struct page *page;

	if (!pte)
		return VM_FAULT_OOM;
	if (*pte & PTE_PRESENT) {
		/* Another thread got here first, or the TLB held an old entry. */
		if (!(flags & FAULT_FLAG_WRITE) || (*pte & PTE_WRITE)) {
			mm_flush_page(mm, va);
			return VM_FAULT_OK;
		}
		if (vma->vm_flags & VMA_SHARED) {
			*pte |= PTE_WRITE;
			mm_flush_page(mm, va);
			return VM_FAULT_OK;
		}
		return private_write_page(mm, vma, va, pte, &page) ?
		       VM_FAULT_OOM : VM_FAULT_OK;
	}
	if (vma->vm_shm) {
		page = shmem_get_page(vma->vm_shm, vma_pgoff(vma, va));
		if (!page)
			return VM_FAULT_OOM;
		get_page(page);
		mm->rss++;
		*pte = pgt_mk_pte(page, vma->vm_flags, true);
		return VM_FAULT_OK;
	}
	if (!(flags & FAULT_FLAG_WRITE)) {
		/* Reads share one zero page until the first write, as Linux. */
		page = mm_zero_page();
		if (!page)
			return VM_FAULT_OOM;
		*pte = pgt_mk_pte(page, vma->vm_flags, false);
		return VM_FAULT_OK;
	}
	return private_write_page(mm, vma, va, pte, &page) ?
	       VM_FAULT_OOM : VM_FAULT_OK;
}

int handle_mm_fault(struct mm_struct *mm, uint64_t addr, unsigned int flags)
{
	struct vm_area_struct *vma;
	int ret = VM_FAULT_SIGSEGV;

	if (addr >= TASK_SIZE)
		return VM_FAULT_SIGSEGV;
	mutex_lock(&mm->mmap_lock);
	vma = vma_find(mm, addr);
	if (!vma)
		goto out;
	if (vma->vm_start > addr &&
	    (!(vma->vm_flags & VMA_GROWSDOWN) || mm_expand_stack(mm, &vma, addr)))
		goto out;
	if (access_allowed(vma, flags))
		ret = fault_page(mm, vma, addr & PAGE_MASK, flags);
out:
	mutex_unlock(&mm->mmap_lock);
	return ret;
}

/* The VMA that holds @addr, or NULL. */
static struct vm_area_struct *vma_at(struct mm_struct *mm, uint64_t addr)
{
	struct vm_area_struct *vma = vma_find(mm, addr);

	return vma && vma->vm_start <= addr ? vma : NULL;
}

/* The page at @va to write into, made private to @mm if the VMA is. */
static int force_write_page(struct mm_struct *mm, struct vm_area_struct *vma,
			    uint64_t va, struct page **out)
{
	uint64_t *pte;

	if (vma->vm_shm) {
		*out = shmem_get_page(vma->vm_shm, vma_pgoff(vma, va));
		return *out ? 0 : -ENOMEM;
	}
	pte = pgt_pte(mm, va, true);
	if (!pte)
		return -ENOMEM;
	return private_write_page(mm, vma, va, pte, out);
}

int mm_write_force(struct mm_struct *mm, uint64_t addr, const void *src,
		   size_t len)
{
	const char *from = src;
	int err = 0;

	mutex_lock(&mm->mmap_lock);
	while (len) {
		uint64_t off = addr & ~PAGE_MASK;
		size_t n = PAGE_SIZE - off < len ? PAGE_SIZE - off : len;
		struct vm_area_struct *vma = vma_at(mm, addr);
		struct page *page;

		if (!vma) {
			err = -EFAULT;
			break;
		}
		err = force_write_page(mm, vma, addr & PAGE_MASK, &page);
		if (err)
			break;
		memcpy((char *)page_address(page) + off, from, n);
		from += n;
		addr += n;
		len -= n;
	}
	mutex_unlock(&mm->mmap_lock);
	return err;
}

int mm_read(struct mm_struct *mm, uint64_t addr, void *dst, size_t len)
{
	char *to = dst;
	int err = 0;

	mutex_lock(&mm->mmap_lock);
	while (len) {
		uint64_t off = addr & ~PAGE_MASK, pte;
		size_t n = PAGE_SIZE - off < len ? PAGE_SIZE - off : len;
		struct vm_area_struct *vma = vma_at(mm, addr);
		struct page *page;

		if (!vma) {
			err = -EFAULT;
			break;
		}
		page = mm_follow_page(mm, addr & PAGE_MASK, &pte);
		if (!page && vma->vm_shm)
			page = shmem_find_page(vma->vm_shm,
					       vma_pgoff(vma, addr & PAGE_MASK));
		if (page)
			memcpy(to, (char *)page_address(page) + off, n);
		else
			memset(to, 0, n);
		to += n;
		addr += n;
		len -= n;
	}
	mutex_unlock(&mm->mmap_lock);
	return err;
}
