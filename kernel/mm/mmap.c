/*
 * User address spaces: creating, copying (fork) and releasing an mm, and
 * the edits of its VMAs behind mmap, munmap, mprotect, brk, madvise and
 * exec's stack, with Linux's checks, errors and placement rules.
 */
#include <breenix/errno.h>
#include <breenix/fdtable.h>
#include <breenix/fs.h>
#include <breenix/mman.h>
#include <breenix/process.h>
#include <breenix/shmem.h>
#include <breenix/slab.h>
#include <breenix/syscall.h>
#include <breenix/task.h>
#include <breenix/uaccess.h>
#include <breenix/vma.h>
#include <breenix/vmm.h>
#include <asm/cpu.h>
#include <uapi/asm/mman.h>
#include "mm_internal.h"

#define PAGE_MASK		(~(PAGE_SIZE - 1))
#define PAGE_ALIGN(x)		(((x) + PAGE_SIZE - 1) & PAGE_MASK)
#define VMA_ACCESS		(VMA_READ | VMA_WRITE | VMA_EXEC)
#define VMA_MAY_ALL		(VMA_MAYREAD | VMA_MAYWRITE | VMA_MAYEXEC)
/* Where the bottom-up fallback search starts (Linux's TASK_UNMAPPED_BASE). */
#define TASK_UNMAPPED_BASE	PAGE_ALIGN(TASK_SIZE / 3)
/* MAP_32BIT's window (arch/x86/kernel/sys_x86_64.c, find_start_end). */
#define MAP_32BIT_START		0x40000000ULL
#define MAP_32BIT_END		0x80000000ULL
/* Linux's vm.max_map_count default (DEFAULT_MAX_MAP_COUNT). */
#define MAX_MAP_COUNT		65530UL

struct vm_area_struct *vma_clone(const struct vm_area_struct *vma)
{
	struct vm_area_struct *copy = kmalloc(sizeof(*copy), GFP_KERNEL);

	if (!copy)
		return NULL;
	*copy = *vma;
	if (copy->vm_shm)
		shmem_get(copy->vm_shm);
	return copy;
}

void vma_destroy(struct vm_area_struct *vma)
{
	if (vma->vm_shm)
		shmem_put(vma->vm_shm);
	kfree(vma);
}

/*
 * The top of the mmap area: below the stack's @top with room for it to
 * reach its limit plus the guard gap, the gap clamped to [128 MiB, 5/6 of
 * @top], as Linux's mmap_base() (without randomization).
 */
static uint64_t mmap_base_for(uint64_t top, uint64_t stack_limit)
{
	uint64_t gap = stack_limit;
	const uint64_t gap_min = 128ULL << 20, gap_max = top / 6 * 5;

	if (gap + STACK_GUARD_GAP > gap)
		gap += STACK_GUARD_GAP;
	if (gap < gap_min)
		gap = gap_min;
	if (gap > gap_max)
		gap = gap_max;
	return (top - gap) & PAGE_MASK;
}

struct mm_struct *mm_alloc(void)
{
	struct mm_struct *mm = kmalloc(sizeof(*mm), __GFP_ZERO);

	if (!mm)
		return NULL;
	if (pgt_alloc_pgd(mm)) {
		kfree(mm);
		return NULL;
	}
	mm->users = 1;
	mutex_init(&mm->mmap_lock);
	vma_tree_init(mm);
	mm->mmap_base = mmap_base_for(TASK_SIZE, rlimit(RLIMIT_STACK));
	return mm;
}

void mmget(struct mm_struct *mm)
{
	__atomic_add_fetch(&mm->users, 1, __ATOMIC_RELAXED);
}

void mmput(struct mm_struct *mm)
{
	if (__atomic_sub_fetch(&mm->users, 1, __ATOMIC_ACQ_REL))
		return;
	pgt_zap(mm, 0, TASK_SIZE);
	vma_remove_range(mm, 0, TASK_SIZE);
	pgt_free_pgd(mm);
	if (mm->exe_file)
		fput(mm->exe_file);
	kfree(mm);
}

struct mm_struct *mm_dup(struct mm_struct *old)
{
	struct mm_struct *mm = mm_alloc();
	struct vm_area_struct *vma, *copy;
	int err = 0;

	if (!mm)
		return NULL;
	mutex_lock(&old->mmap_lock);
	mm->mmap_base = old->mmap_base;
	mm->start_code = old->start_code;
	mm->end_code = old->end_code;
	mm->start_data = old->start_data;
	mm->end_data = old->end_data;
	mm->start_brk = old->start_brk;
	mm->brk = old->brk;
	mm->start_stack = old->start_stack;
	mm->arg_start = old->arg_start;
	mm->arg_end = old->arg_end;
	mm->env_start = old->env_start;
	mm->env_end = old->env_end;
	mm->exe_file = old->exe_file ? get_file(old->exe_file) : NULL;
	list_for_each_entry(vma, &old->mmap, vm_list) {
		if (vma->vm_flags & VMA_DONTCOPY)
			continue;
		copy = vma_clone(vma);
		if (!copy) {
			err = -ENOMEM;
			break;
		}
		/* The child's pages of a wiped VMA start over from zero. */
		copy->vm_flags &= ~VMA_WIPEONFORK;
		mm->total_vm += vma_pages(vma);
		vma_insert(mm, copy);
		/* Shared pages are found again through vm_shm on a fault. */
		if (vma->vm_flags & (VMA_SHARED | VMA_WIPEONFORK))
			continue;
		err = pgt_copy_cow(mm, old, vma->vm_start, vma->vm_end);
		if (err)
			break;
	}
	mutex_unlock(&old->mmap_lock);
	if (err) {
		mmput(mm);
		return NULL;
	}
	return mm;
}

void mm_activate(struct mm_struct *mm)
{
	uint64_t root = mm ? mm->pgd_phys : vmm_kernel_pml4();

	if ((read_cr3() & PTE_ADDR_MASK) != root)
		write_cr3(root);
}

static bool may_expand_vm(const struct mm_struct *mm, uint64_t pages)
{
	return mm->total_vm + pages <= rlimit(RLIMIT_AS) >> PAGE_SHIFT;
}

/*
 * Linux's default overcommit policy (OVERCOMMIT_GUESS, mm/util.c
 * __vm_enough_memory): memory a mapping may have to back with fresh pages
 * is granted freely, except that one request larger than all of RAM (and
 * swap, of which there is none) is refused.
 */
static bool vm_enough_memory(uint64_t pages)
{
	struct mem_stats ms;

	mm_get_stats(&ms);
	return pages <= ms.total_pages;
}

/* munmap's core on [start, end), page aligned, with mmap_lock held. */
static int do_munmap(struct mm_struct *mm, uint64_t start, uint64_t end)
{
	int err = vma_carve(mm, start, end);

	if (err)
		return err;
	pgt_zap(mm, start, end);
	mm->total_vm -= vma_remove_range(mm, start, end);
	return 0;
}

/* Where a mapping of @len bytes goes without MAP_FIXED (Linux x86's order). */
static uint64_t pick_area(struct mm_struct *mm, uint64_t hint, uint64_t len,
			  unsigned long flags)
{
	uint64_t addr;

	if (hint) {
		hint &= PAGE_MASK;
		if (hint <= TASK_SIZE - len && vma_range_free(mm, hint, len))
			return hint;
	}
	if (flags & MAP_32BIT)
		return vma_search_bottomup(mm, len, MAP_32BIT_START,
					   MAP_32BIT_END);
	addr = vma_search_topdown(mm, len, MMAP_MIN_ADDR, mm->mmap_base);
	if (!addr)
		addr = vma_search_bottomup(mm, len, TASK_UNMAPPED_BASE, TASK_SIZE);
	return addr;
}

static unsigned long prot_to_vm_flags(unsigned long prot)
{
	return prot & (PROT_READ | PROT_WRITE | PROT_EXEC);
}

/* do_mmap for anonymous memory: the checks in Linux's order. */
static long do_mmap(struct mm_struct *mm, uint64_t addr, uint64_t len,
		    unsigned long prot, unsigned long flags, uint64_t pgoff)
{
	unsigned long type = flags & MAP_TYPE, vm_flags;
	struct shmem_object *shm = NULL;
	struct vm_area_struct *vma;
	uint64_t replaced = 0;
	bool need_shm;
	long ret;

	if (!len)
		return -EINVAL;
	if (flags & MAP_FIXED_NOREPLACE)
		flags |= MAP_FIXED;
	/* A hint below mmap_min_addr is raised to it (round_hint_to_min). */
	if (!(flags & MAP_FIXED) && addr && addr < MMAP_MIN_ADDR)
		addr = MMAP_MIN_ADDR;
	len = PAGE_ALIGN(len);
	if (!len || len > TASK_SIZE)
		return -ENOMEM;
	if (pgoff + (len >> PAGE_SHIFT) < pgoff)
		return -EOVERFLOW;
	if (type != MAP_SHARED && type != MAP_PRIVATE)
		type = 0;
	vm_flags = prot_to_vm_flags(prot) | VMA_MAY_ALL;
	if (type == MAP_SHARED)
		vm_flags |= VMA_SHARED;
	if (flags & MAP_GROWSDOWN)
		vm_flags |= VMA_GROWSDOWN;

	/* Allocated before the lock, so that nothing fails after the unmap. */
	need_shm = type == MAP_SHARED && !(flags & MAP_GROWSDOWN);
	vma = kmalloc(sizeof(*vma), __GFP_ZERO);
	if (need_shm)
		shm = shmem_create(len >> PAGE_SHIFT);
	if (!vma || (need_shm && !shm)) {
		ret = -ENOMEM;
		goto out_free;
	}

	mutex_lock(&mm->mmap_lock);
	ret = -ENOMEM;
	if (mm->map_count > MAX_MAP_COUNT)
		goto out_unlock;
	if (!(flags & MAP_FIXED)) {
		addr = pick_area(mm, addr, len, flags);
		if (!addr)
			goto out_unlock;
	}
	if (addr > TASK_SIZE - len)
		goto out_unlock;
	ret = -EINVAL;
	if (addr & ~PAGE_MASK)
		goto out_unlock;
	/* Linux's security_mmap_addr: only CAP_SYS_RAWIO maps below; none has it. */
	ret = -EPERM;
	if (addr < MMAP_MIN_ADDR)
		goto out_unlock;
	ret = -EEXIST;
	if ((flags & MAP_FIXED_NOREPLACE) && vma_intersection(mm, addr, addr + len))
		goto out_unlock;
	ret = -EINVAL;
	if (!type || (type == MAP_SHARED && (flags & MAP_GROWSDOWN)))
		goto out_unlock;
	ret = -ENOMEM;
	if (flags & MAP_FIXED)
		replaced = vma_pages_in(mm, addr, addr + len);
	if (!may_expand_vm(mm, (len >> PAGE_SHIFT) - replaced))
		goto out_unlock;
	/* Private writable and shared memory is accounted (VM_ACCOUNT). */
	if (!(flags & MAP_NORESERVE) &&
	    (type == MAP_SHARED || (prot & PROT_WRITE)) &&
	    !vm_enough_memory(len >> PAGE_SHIFT))
		goto out_unlock;
	if (flags & MAP_FIXED) {
		ret = do_munmap(mm, addr, addr + len);
		if (ret)
			goto out_unlock;
	}
	vma->vm_start = addr;
	vma->vm_end = addr + len;
	vma->vm_flags = vm_flags;
	vma->vm_shm = shm;
	vma->vm_pgoff = shm ? 0 : addr >> PAGE_SHIFT;
	vma_insert(mm, vma);
	mm->total_vm += len >> PAGE_SHIFT;
	mutex_unlock(&mm->mmap_lock);

	if (flags & MAP_POPULATE) {
		unsigned int fault = (prot & PROT_WRITE) ? FAULT_FLAG_WRITE : 0;
		uint64_t va;

		/* Best effort, as in Linux: a failure leaves pages to fault later. */
		for (va = addr; va < addr + len; va += PAGE_SIZE) {
			if (handle_mm_fault(mm, va, fault) != VM_FAULT_OK)
				break;
		}
	}
	return (long)addr;

out_unlock:
	mutex_unlock(&mm->mmap_lock);
out_free:
	kfree(vma);
	if (shm)
		shmem_put(shm);
	return ret;
}

long vm_mmap(struct mm_struct *mm, uint64_t addr, uint64_t len,
	     unsigned long prot, unsigned long flags)
{
	return do_mmap(mm, addr, len, prot, flags, 0);
}

int vm_munmap(struct mm_struct *mm, uint64_t addr, uint64_t len)
{
	int err;

	if ((addr & ~PAGE_MASK) || addr > TASK_SIZE || len > TASK_SIZE - addr)
		return -EINVAL;
	len = PAGE_ALIGN(len);
	if (!len)
		return -EINVAL;
	mutex_lock(&mm->mmap_lock);
	err = do_munmap(mm, addr, addr + len);
	mutex_unlock(&mm->mmap_lock);
	return err;
}

int vm_mprotect(struct mm_struct *mm, uint64_t start, uint64_t len,
		unsigned long prot)
{
	unsigned long grows = prot & (PROT_GROWSDOWN | PROT_GROWSUP);
	struct vm_area_struct *vma;
	uint64_t end, tmp;
	int err;

	prot &= ~grows;
	if (grows == (PROT_GROWSDOWN | PROT_GROWSUP))
		return -EINVAL;
	if (start & ~PAGE_MASK)
		return -EINVAL;
	if (!len)
		return 0;
	len = PAGE_ALIGN(len);
	end = start + len;
	if (end <= start)
		return -ENOMEM;
	if (prot & ~(PROT_READ | PROT_WRITE | PROT_EXEC | PROT_SEM))
		return -EINVAL;

	mutex_lock(&mm->mmap_lock);
	vma = vma_find(mm, start);
	err = -ENOMEM;
	if (!vma || vma->vm_start >= end)
		goto out;
	if (grows & PROT_GROWSDOWN) {
		start = vma->vm_start;
		err = -EINVAL;
		if (!(vma->vm_flags & VMA_GROWSDOWN))
			goto out;
	} else {
		if (vma->vm_start > start)
			goto out;
		/* No VMA grows up on x86. */
		err = -EINVAL;
		if (grows & PROT_GROWSUP)
			goto out;
	}
	err = 0;
	/* As Linux, VMA by VMA: a hole stops the walk with what was done kept. */
	for (tmp = start; tmp < end; vma = vma_find(mm, tmp)) {
		unsigned long newflags;
		uint64_t s, e;

		if (!vma || vma->vm_start > tmp) {
			err = -ENOMEM;
			break;
		}
		newflags = prot_to_vm_flags(prot) | (vma->vm_flags & ~VMA_ACCESS);
		/* The VMA_MAY* bits are the access bits shifted left by four. */
		if ((newflags & ~(newflags >> 4)) & VMA_ACCESS) {
			err = -EACCES;
			break;
		}
		s = tmp;
		e = vma->vm_end < end ? vma->vm_end : end;
		err = vma_modify_flags(mm, vma, s, e, newflags, &vma);
		if (err)
			break;
		pgt_protect(mm, s, e, newflags);
		tmp = e;
	}
out:
	mutex_unlock(&mm->mmap_lock);
	return err;
}

int mm_setup_stack(struct mm_struct *mm, uint64_t top, uint64_t size,
		   uint64_t limit, bool exec)
{
	struct vm_area_struct *vma;
	uint64_t start;
	int err;

	size = PAGE_ALIGN(size);
	if ((top & ~PAGE_MASK) || top > TASK_SIZE || !size ||
	    size > top - MMAP_MIN_ADDR)
		return -EINVAL;
	start = top - size;
	vma = kmalloc(sizeof(*vma), __GFP_ZERO);
	if (!vma)
		return -ENOMEM;
	vma->vm_start = start;
	vma->vm_end = top;
	vma->vm_flags = VMA_READ | VMA_WRITE | (exec ? VMA_EXEC : 0) |
			VMA_MAY_ALL | VMA_GROWSDOWN | VMA_STACK;
	vma->vm_pgoff = start >> PAGE_SHIFT;
	mutex_lock(&mm->mmap_lock);
	err = -EEXIST;
	if (vma_intersection(mm, start, top))
		goto fail;
	err = -ENOMEM;
	if (!may_expand_vm(mm, size >> PAGE_SHIFT))
		goto fail;
	vma_insert(mm, vma);
	mm->total_vm += size >> PAGE_SHIFT;
	mm->mmap_base = mmap_base_for(top, limit);
	mutex_unlock(&mm->mmap_lock);
	return 0;
fail:
	mutex_unlock(&mm->mmap_lock);
	kfree(vma);
	return err;
}

/*
 * Grows the growsdown *@vmap down to cover @addr: within RLIMIT_STACK as it
 * is now (a process may lower it after exec, as Linux's acct_stack_growth
 * reads it at each growth), RLIMIT_AS and the guard gap. 0 or -ENOMEM/-EPERM.
 */
int mm_expand_stack(struct mm_struct *mm, struct vm_area_struct **vmap,
		    uint64_t addr)
{
	struct vm_area_struct *vma = *vmap;
	uint64_t start = addr & PAGE_MASK;
	uint64_t limit = rlimit(RLIMIT_STACK);
	uint64_t grow = (vma->vm_start - start) >> PAGE_SHIFT;
	int err;

	if (start < MMAP_MIN_ADDR)
		return -EPERM;
	if (!may_expand_vm(mm, grow) || !vm_enough_memory(grow))
		return -ENOMEM;
	err = vma_expand_down(mm, vmap, start, limit);
	if (!err)
		mm->total_vm += grow;
	return err;
}

/* Linux's check_data_rlimit: the heap plus the data segment within RLIMIT_DATA. */
static bool data_within_rlimit(const struct mm_struct *mm, uint64_t brk)
{
	uint64_t lim = rlimit(RLIMIT_DATA);

	return lim == RLIM_INFINITY ||
	       (brk - mm->start_brk) + (mm->end_data - mm->start_data) <= lim;
}

/* Grows the heap over [start, end): a new RW VMA merged with the last one. */
static int brk_grow(struct mm_struct *mm, uint64_t start, uint64_t end)
{
	struct vm_area_struct *vma;

	if (start < MMAP_MIN_ADDR || !may_expand_vm(mm, (end - start) >> PAGE_SHIFT) ||
	    !vm_enough_memory((end - start) >> PAGE_SHIFT) ||
	    mm->map_count > MAX_MAP_COUNT)
		return -ENOMEM;
	vma = kmalloc(sizeof(*vma), __GFP_ZERO);
	if (!vma)
		return -ENOMEM;
	vma->vm_start = start;
	vma->vm_end = end;
	vma->vm_flags = VMA_READ | VMA_WRITE | VMA_MAY_ALL;
	vma->vm_pgoff = start >> PAGE_SHIFT;
	vma_insert(mm, vma);
	mm->total_vm += (end - start) >> PAGE_SHIFT;
	return 0;
}

/* brk(2), as Linux's: the new break, or the old one when it cannot move. */
uint64_t vm_brk(struct mm_struct *mm, uint64_t brk)
{
	uint64_t newbrk, oldbrk;
	struct vm_area_struct *next;

	mutex_lock(&mm->mmap_lock);
	if (brk < mm->start_brk || !data_within_rlimit(mm, brk) ||
	    brk > TASK_SIZE - PAGE_SIZE)
		goto out;
	newbrk = PAGE_ALIGN(brk);
	oldbrk = PAGE_ALIGN(mm->brk);
	if (oldbrk == newbrk) {
		mm->brk = brk;
		goto out;
	}
	if (brk <= mm->brk) {
		if (!do_munmap(mm, newbrk, oldbrk))
			mm->brk = brk;
		goto out;
	}
	next = vma_find(mm, oldbrk);
	if (next && newbrk + PAGE_SIZE > vma_start_gap(next))
		goto out;
	if (!brk_grow(mm, oldbrk, newbrk))
		mm->brk = brk;
out:
	brk = mm->brk;
	mutex_unlock(&mm->mmap_lock);
	return brk;
}

/* The advice values Linux accepts in a kernel without KSM, THP or hwpoison. */
static bool madvise_behavior_valid(int behavior)
{
	switch (behavior) {
	case MADV_NORMAL:
	case MADV_RANDOM:
	case MADV_SEQUENTIAL:
	case MADV_WILLNEED:
	case MADV_DONTNEED:
	case MADV_FREE:
	case MADV_REMOVE:
	case MADV_DONTFORK:
	case MADV_DOFORK:
	case MADV_DONTDUMP:
	case MADV_DODUMP:
	case MADV_WIPEONFORK:
	case MADV_KEEPONFORK:
	case MADV_COLD:
	case MADV_PAGEOUT:
	case MADV_DONTNEED_LOCKED:
		return true;
	default:
		return false;
	}
}

/* One VMA's part [start, end) of a madvise range. */
static int madvise_vma(struct mm_struct *mm, struct vm_area_struct *vma,
		       uint64_t start, uint64_t end, int behavior)
{
	unsigned long flags = vma->vm_flags;
	int err;

	switch (behavior) {
	case MADV_FREE:
		if (flags & VMA_SHARED)
			return -EINVAL;
		/* Freeing lazily or at once reads back the same: zeroes. */
		pgt_zap(mm, start, end);
		return 0;
	case MADV_DONTNEED:
	case MADV_DONTNEED_LOCKED:
		/* Private pages read back zero; shared ones from vm_shm. */
		pgt_zap(mm, start, end);
		return 0;
	case MADV_REMOVE:
		/* Punching holes needs reverse maps to unmap other sharers. */
		return (flags & VMA_SHARED) ? -EOPNOTSUPP : -EINVAL;
	case MADV_DONTFORK:
		flags |= VMA_DONTCOPY;
		break;
	case MADV_DOFORK:
		flags &= ~VMA_DONTCOPY;
		break;
	case MADV_WIPEONFORK:
		if (flags & VMA_SHARED)
			return -EINVAL;
		flags |= VMA_WIPEONFORK;
		break;
	case MADV_KEEPONFORK:
		flags &= ~VMA_WIPEONFORK;
		break;
	default:
		/* Hints about paging that a kernel without swap has no use for. */
		return 0;
	}
	err = vma_modify_flags(mm, vma, start, end, flags, &vma);
	/* Linux reports a failed VMA split as a temporary shortage. */
	return err == -ENOMEM ? -EAGAIN : err;
}

int vm_madvise(struct mm_struct *mm, uint64_t start, uint64_t len_in,
	       int behavior)
{
	struct vm_area_struct *vma;
	uint64_t len, end;
	int err = 0, unmapped = 0;

	if (!madvise_behavior_valid(behavior))
		return -EINVAL;
	if (start & ~PAGE_MASK)
		return -EINVAL;
	len = PAGE_ALIGN(len_in);
	if (len_in && !len)
		return -EINVAL;
	end = start + len;
	if (end < start)
		return -EINVAL;
	if (end == start)
		return 0;

	mutex_lock(&mm->mmap_lock);
	/* As Linux's madvise_walk_vmas: holes give -ENOMEM once the rest is done. */
	while (start < end) {
		uint64_t e;

		vma = vma_find(mm, start);
		if (!vma || vma->vm_start >= end) {
			err = -ENOMEM;
			break;
		}
		if (vma->vm_start > start) {
			unmapped = -ENOMEM;
			start = vma->vm_start;
		}
		e = vma->vm_end < end ? vma->vm_end : end;
		err = madvise_vma(mm, vma, start, e, behavior);
		if (err)
			break;
		start = e;
	}
	mutex_unlock(&mm->mmap_lock);
	return err ? err : unmapped;
}

/*
 * msync(2) as Linux checks it: flags, alignment, and -ENOMEM for a range
 * with holes. Every mapping is anonymous until the page cache arrives, so
 * there is nothing to write back and nothing to invalidate.
 */
int vm_msync(struct mm_struct *mm, uint64_t start, uint64_t len_in, int flags)
{
	struct vm_area_struct *vma;
	uint64_t end;
	int err = 0;

	if (flags & ~(MS_ASYNC | MS_INVALIDATE | MS_SYNC))
		return -EINVAL;
	if ((flags & MS_ASYNC) && (flags & MS_SYNC))
		return -EINVAL;
	if (start & ~PAGE_MASK)
		return -EINVAL;
	end = start + PAGE_ALIGN(len_in);
	if (end < start || (len_in && end == start))
		return -ENOMEM;
	mutex_lock(&mm->mmap_lock);
	while (start < end) {
		vma = vma_find(mm, start);
		if (!vma || vma->vm_start > start) {
			err = -ENOMEM;
			break;
		}
		start = vma->vm_end;
	}
	mutex_unlock(&mm->mmap_lock);
	return err;
}

/*
 * A file mapping: -EBADF without an open file; with one, -ENODEV, which is
 * Linux's answer for a file whose filesystem cannot be mapped. None can
 * yet: mapping files needs the page cache (a later issue).
 */
static long mmap_file_check(unsigned int fd)
{
	struct file *file = fget(fd);

	if (!file)
		return -EBADF;
	fput(file);
	return -ENODEV;
}

SYSCALL_DEFINE6(mmap, unsigned long, addr, unsigned long, len,
		unsigned long, prot, unsigned long, flags, unsigned long, fd,
		unsigned long, off)
{
	if (off & ~PAGE_MASK)
		return -EINVAL;
	if (!(flags & MAP_ANONYMOUS))
		return mmap_file_check((unsigned int)fd);
	return do_mmap(current->mm, addr, len, prot, flags, off >> PAGE_SHIFT);
}

SYSCALL_DEFINE2(munmap, unsigned long, addr, size_t, len)
{
	return vm_munmap(current->mm, addr, len);
}

SYSCALL_DEFINE3(mprotect, unsigned long, start, size_t, len,
		unsigned long, prot)
{
	return vm_mprotect(current->mm, start, len, prot);
}

SYSCALL_DEFINE1(brk, unsigned long, brk)
{
	return (long)vm_brk(current->mm, brk);
}

SYSCALL_DEFINE3(msync, unsigned long, start, size_t, len, int, flags)
{
	return vm_msync(current->mm, start, len, flags);
}

SYSCALL_DEFINE3(madvise, unsigned long, start, size_t, len, int, behavior)
{
	return vm_madvise(current->mm, start, len, behavior);
}
