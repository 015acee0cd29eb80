/*
 * In-kernel tests of user address spaces, driven without user mode: faults
 * go straight to handle_mm_fault and memory is read and written through
 * mm_read and mm_write_force, on mms that are never loaded.
 */
#include <string.h>
#include <breenix/errno.h>
#include <breenix/ktest.h>
#include <breenix/mman.h>
#include <breenix/preempt.h>
#include <breenix/process.h>
#include <breenix/shmem.h>
#include <breenix/signal_struct.h>
#include <breenix/slab.h>
#include <breenix/task.h>
#include <breenix/uaccess.h>
#include <breenix/vma.h>
#include <breenix/vmm.h>
#include <asm/cpu.h>
#include <uapi/asm/mman.h>
#include "mm_internal.h"

#define PG		PAGE_SIZE
#define ANON_PRIV	(MAP_PRIVATE | MAP_ANONYMOUS)
#define ANON_SHARED	(MAP_SHARED | MAP_ANONYMOUS)
#define RW		(PROT_READ | PROT_WRITE)
#define WRITE		(FAULT_FLAG_WRITE | FAULT_FLAG_USER)
#define READ		FAULT_FLAG_USER
#define VMA_ACCESS_MASK	(VMA_READ | VMA_WRITE | VMA_EXEC)

static uint64_t nr_free(void)
{
	struct mem_stats st;

	kmem_cache_shrink_all();
	mm_get_stats(&st);
	return st.free_pages;
}

static int refs(const struct page *page)
{
	return __atomic_load_n(&page->refcount, __ATOMIC_RELAXED);
}

static uint8_t byte_at(struct mm_struct *mm, uint64_t addr)
{
	uint8_t b = 0xee;

	if (mm_read(mm, addr, &b, 1))
		return 0xee;
	return b;
}

static int poke(struct mm_struct *mm, uint64_t addr, uint8_t b)
{
	return mm_write_force(mm, addr, &b, 1);
}

KTEST(mm_demand_zero)
{
	struct mm_struct *mm = mm_alloc();
	struct page *page, *zero;
	uint64_t pte, before;
	long a;
	char buf[64];

	KT_ASSERT(mm);
	a = vm_mmap(mm, 0, 16 * PG, RW, ANON_PRIV);
	KT_ASSERT(a > 0 && !(a & (PG - 1)));
	before = nr_free();
	KT_ASSERT_EQ(mm_read(mm, a + 5 * PG + 100, buf, sizeof(buf)), 0);
	KT_ASSERT(buf[0] == 0 && buf[63] == 0);
	KT_ASSERT_EQ(mm->rss, 0);

	/* A read maps the shared zero page read-only; a write replaces it. */
	KT_ASSERT_EQ(handle_mm_fault(mm, a + 3 * PG + 8, READ), VM_FAULT_OK);
	zero = mm_follow_page(mm, a + 3 * PG, &pte);
	KT_ASSERT(is_zero_page(zero));
	KT_ASSERT(!(pte & PTE_WRITE) && (pte & PTE_USER) && (pte & PTE_NX));
	KT_ASSERT_EQ(mm->rss, 0);
	KT_ASSERT_EQ(handle_mm_fault(mm, a + 3 * PG + 8, WRITE), VM_FAULT_OK);
	page = mm_follow_page(mm, a + 3 * PG, &pte);
	KT_ASSERT(page && !is_zero_page(page));
	KT_ASSERT((pte & PTE_WRITE) && (pte & PTE_PRESENT));
	KT_ASSERT_EQ(refs(page), 1);
	KT_ASSERT_EQ(mm->rss, 1);
	KT_ASSERT_EQ(byte_at(mm, a + 3 * PG + 8), 0);
	KT_ASSERT_EQ(poke(mm, a + 3 * PG + 8, 0x5a), 0);
	KT_ASSERT_EQ(byte_at(mm, a + 3 * PG + 8), 0x5a);
	/* Writing straight away allocates without the zero page. */
	KT_ASSERT_EQ(handle_mm_fault(mm, a, WRITE), VM_FAULT_OK);
	KT_ASSERT_EQ(mm->rss, 2);
	KT_ASSERT(mm->pt_pages >= 3);
	mmput(mm);
	KT_ASSERT(nr_free() >= before);
}

KTEST(mm_fault_permissions)
{
	struct mm_struct *mm = mm_alloc();
	long ro, none, rx;

	KT_ASSERT(mm);
	ro = vm_mmap(mm, 0, 2 * PG, PROT_READ, ANON_PRIV);
	none = vm_mmap(mm, 0, 2 * PG, PROT_NONE, ANON_PRIV);
	rx = vm_mmap(mm, 0, 2 * PG, PROT_READ | PROT_EXEC, ANON_PRIV);
	KT_ASSERT(ro > 0 && none > 0 && rx > 0);
	KT_ASSERT_EQ(handle_mm_fault(mm, ro, READ), VM_FAULT_OK);
	KT_ASSERT_EQ(handle_mm_fault(mm, ro, WRITE), VM_FAULT_SIGSEGV);
	KT_ASSERT_EQ(handle_mm_fault(mm, ro, FAULT_FLAG_EXEC | READ),
		     VM_FAULT_SIGSEGV);
	KT_ASSERT_EQ(handle_mm_fault(mm, rx, FAULT_FLAG_EXEC | READ),
		     VM_FAULT_OK);
	KT_ASSERT_EQ(handle_mm_fault(mm, none, READ), VM_FAULT_SIGSEGV);
	KT_ASSERT_EQ(handle_mm_fault(mm, none, WRITE), VM_FAULT_SIGSEGV);
	KT_ASSERT_EQ(handle_mm_fault(mm, 0, READ), VM_FAULT_SIGSEGV);
	KT_ASSERT_EQ(handle_mm_fault(mm, ro + 2 * PG + 0x10000000, READ),
		     VM_FAULT_SIGSEGV);
	KT_ASSERT_EQ(handle_mm_fault(mm, TASK_SIZE, READ), VM_FAULT_SIGSEGV);
	KT_ASSERT_EQ(handle_mm_fault(mm, 0xffff800000000000ULL, READ),
		     VM_FAULT_SIGSEGV);
	/* Forced writes ignore the protection, as exec needs for text. */
	KT_ASSERT_EQ(poke(mm, ro + 1, 7), 0);
	KT_ASSERT_EQ(byte_at(mm, ro + 1), 7);
	KT_ASSERT_EQ(poke(mm, none + PG, 9), 0);
	KT_ASSERT_EQ(byte_at(mm, none + PG), 9);
	KT_ASSERT_EQ(handle_mm_fault(mm, none + PG, READ), VM_FAULT_SIGSEGV);
	KT_ASSERT_EQ(poke(mm, 0x10000, 1), -EFAULT);
	/* mprotect opens the PROT_NONE page with its contents kept. */
	KT_ASSERT_EQ(vm_mprotect(mm, none, 2 * PG, PROT_READ), 0);
	KT_ASSERT_EQ(handle_mm_fault(mm, none + PG, READ), VM_FAULT_OK);
	KT_ASSERT_EQ(byte_at(mm, none + PG), 9);
	mmput(mm);
}

KTEST(mm_cow_after_dup)
{
	struct mm_struct *parent = mm_alloc(), *child;
	struct page *p0, *c0, *p1;
	uint64_t pte, before;
	long a;

	KT_ASSERT(parent);
	a = vm_mmap(parent, 0, 4 * PG, RW, ANON_PRIV);
	KT_ASSERT(a > 0);
	KT_ASSERT_EQ(handle_mm_fault(parent, a, WRITE), VM_FAULT_OK);
	KT_ASSERT_EQ(poke(parent, a + 10, 'A'), 0);
	KT_ASSERT_EQ(handle_mm_fault(parent, a + PG, READ), VM_FAULT_OK);
	p0 = mm_follow_page(parent, a, &pte);
	KT_ASSERT(pte & PTE_WRITE);

	before = nr_free();
	child = mm_dup(parent);
	KT_ASSERT(child);
	/*
	 * Only page tables were allocated: data pages are shared. The mm and
	 * the VMA copy are kmalloc'ed from two size classes, each of which may
	 * need a fresh slab page.
	 */
	KT_ASSERT(before - nr_free() <= child->pt_pages + 2);
	KT_ASSERT_EQ(child->rss, 1);
	KT_ASSERT_EQ(child->total_vm, parent->total_vm);
	KT_ASSERT_EQ(refs(p0), 2);
	KT_ASSERT(mm_follow_page(child, a, &pte) == p0);
	KT_ASSERT(!(pte & PTE_WRITE));
	mm_follow_page(parent, a, &pte);
	KT_ASSERT(!(pte & PTE_WRITE));
	KT_ASSERT(is_zero_page(mm_follow_page(child, a + PG, &pte)));
	KT_ASSERT_EQ(byte_at(child, a + 10), 'A');

	/* The child's write copies; the parent keeps the original. */
	KT_ASSERT_EQ(handle_mm_fault(child, a + 10, WRITE), VM_FAULT_OK);
	c0 = mm_follow_page(child, a, &pte);
	KT_ASSERT(c0 && c0 != p0 && (pte & PTE_WRITE));
	KT_ASSERT_EQ(refs(p0), 1);
	KT_ASSERT_EQ(refs(c0), 1);
	KT_ASSERT_EQ(byte_at(child, a + 10), 'A');
	KT_ASSERT_EQ(poke(child, a + 10, 'B'), 0);
	KT_ASSERT_EQ(byte_at(child, a + 10), 'B');
	KT_ASSERT_EQ(byte_at(parent, a + 10), 'A');
	/* The parent, now the page's only user, writes without copying. */
	KT_ASSERT_EQ(handle_mm_fault(parent, a + 10, WRITE), VM_FAULT_OK);
	p1 = mm_follow_page(parent, a, &pte);
	KT_ASSERT(p1 == p0 && (pte & PTE_WRITE));
	/* A forced write on a shared page copies too. */
	mmput(child);
	child = mm_dup(parent);
	KT_ASSERT(child);
	KT_ASSERT_EQ(poke(child, a + 11, 'C'), 0);
	KT_ASSERT(mm_follow_page(child, a, &pte) != p0);
	KT_ASSERT_EQ(byte_at(parent, a + 11), 0);
	KT_ASSERT_EQ(byte_at(child, a + 10), 'A');
	mmput(child);
	KT_ASSERT_EQ(refs(p0), 1);
	mmput(parent);
}

KTEST(mm_shared_anon_across_dup)
{
	struct mm_struct *parent = mm_alloc(), *child;
	struct page *pp, *cp;
	uint64_t pte;
	long a;

	KT_ASSERT(parent);
	a = vm_mmap(parent, 0, 64 * PG, RW, ANON_SHARED);
	KT_ASSERT(a > 0);
	KT_ASSERT_EQ(poke(parent, a + 5, 'p'), 0);
	child = mm_dup(parent);
	KT_ASSERT(child);
	/* Page 3 is first touched after the fork, by the child. */
	KT_ASSERT_EQ(handle_mm_fault(child, a + 3 * PG, WRITE), VM_FAULT_OK);
	KT_ASSERT_EQ(poke(child, a + 3 * PG, 'c'), 0);
	KT_ASSERT_EQ(handle_mm_fault(parent, a + 3 * PG, READ), VM_FAULT_OK);
	pp = mm_follow_page(parent, a + 3 * PG, &pte);
	KT_ASSERT(pte & PTE_WRITE);
	cp = mm_follow_page(child, a + 3 * PG, &pte);
	KT_ASSERT(pp && pp == cp);
	KT_ASSERT_EQ(refs(pp), 3);
	KT_ASSERT_EQ(byte_at(parent, a + 3 * PG), 'c');
	KT_ASSERT_EQ(byte_at(child, a + 5), 'p');
	KT_ASSERT_EQ(poke(parent, a + 63 * PG, 'q'), 0);
	KT_ASSERT_EQ(byte_at(child, a + 63 * PG), 'q');
	/* DONTNEED drops the mapping; the object still has the data. */
	KT_ASSERT_EQ(vm_madvise(child, a, 64 * PG, MADV_DONTNEED), 0);
	KT_ASSERT(!mm_follow_page(child, a + 3 * PG, &pte));
	KT_ASSERT_EQ(refs(pp), 2);
	KT_ASSERT_EQ(byte_at(child, a + 3 * PG), 'c');
	KT_ASSERT_EQ(handle_mm_fault(child, a + 3 * PG, READ), VM_FAULT_OK);
	KT_ASSERT(mm_follow_page(child, a + 3 * PG, &pte) == pp);
	/* A split keeps both halves on the one object. */
	KT_ASSERT_EQ(vm_munmap(parent, a + 10 * PG, PG), 0);
	KT_ASSERT_EQ(parent->map_count, 2);
	KT_ASSERT_EQ(byte_at(parent, a + 63 * PG), 'q');
	mmput(parent);
	KT_ASSERT_EQ(byte_at(child, a + 3 * PG), 'c');
	mmput(child);
}

KTEST(mm_munmap_mprotect_split)
{
	struct mm_struct *mm = mm_alloc();
	struct vm_area_struct *v;
	long a;

	KT_ASSERT(mm);
	a = vm_mmap(mm, 0, 10 * PG, RW, ANON_PRIV);
	KT_ASSERT(a > 0);
	KT_ASSERT_EQ(mm->map_count, 1);
	KT_ASSERT_EQ(poke(mm, a + 4 * PG, 1), 0);
	KT_ASSERT_EQ(poke(mm, a + 7 * PG, 2), 0);
	KT_ASSERT_EQ(vm_munmap(mm, a + 4 * PG, 2 * PG), 0);
	KT_ASSERT_EQ(mm->map_count, 2);
	KT_ASSERT_EQ(mm->total_vm, 8);
	KT_ASSERT_EQ(mm->rss, 1);
	KT_ASSERT_EQ(byte_at(mm, a + 7 * PG), 2);
	KT_ASSERT_EQ(mm_read(mm, a + 4 * PG, &(char){ 0 }, 1), -EFAULT);
	KT_ASSERT_EQ(handle_mm_fault(mm, a + 5 * PG, READ), VM_FAULT_SIGSEGV);
	/* Unmapping nothing is fine; bad arguments are not. */
	KT_ASSERT_EQ(vm_munmap(mm, a + 4 * PG, 2 * PG), 0);
	KT_ASSERT_EQ(vm_munmap(mm, a + 1, PG), -EINVAL);
	KT_ASSERT_EQ(vm_munmap(mm, a, 0), -EINVAL);
	KT_ASSERT_EQ(vm_munmap(mm, TASK_SIZE - PG, 2 * PG), -EINVAL);

	/* mprotect of a middle part splits in three and merges back. */
	KT_ASSERT_EQ(vm_mprotect(mm, a + PG, PG, PROT_READ), 0);
	KT_ASSERT_EQ(mm->map_count, 4);
	v = vma_find(mm, a + PG);
	KT_ASSERT(v->vm_start == (uint64_t)a + PG && v->vm_end == (uint64_t)a + 2 * PG);
	KT_ASSERT_EQ(v->vm_flags & VMA_ACCESS_MASK, VMA_READ);
	KT_ASSERT_EQ(handle_mm_fault(mm, a + PG, WRITE), VM_FAULT_SIGSEGV);
	KT_ASSERT_EQ(handle_mm_fault(mm, a, WRITE), VM_FAULT_OK);
	KT_ASSERT_EQ(vm_mprotect(mm, a + PG, PG, RW), 0);
	KT_ASSERT_EQ(mm->map_count, 2);
	KT_ASSERT_EQ(handle_mm_fault(mm, a + PG, WRITE), VM_FAULT_OK);
	/* Across a hole: done up to it, then -ENOMEM, as in Linux. */
	KT_ASSERT_EQ(vm_mprotect(mm, a, 10 * PG, PROT_READ), -ENOMEM);
	KT_ASSERT_EQ(vma_find(mm, a)->vm_flags & VMA_ACCESS_MASK, VMA_READ);
	KT_ASSERT_EQ(vma_find(mm, a + 6 * PG)->vm_flags & VMA_ACCESS_MASK,
		     VMA_READ | VMA_WRITE);
	KT_ASSERT_EQ(vm_mprotect(mm, a + 1, PG, PROT_READ), -EINVAL);
	KT_ASSERT_EQ(vm_mprotect(mm, a, PG, 0x10), -EINVAL);
	KT_ASSERT_EQ(vm_mprotect(mm, a, 0, PROT_READ), 0);
	KT_ASSERT_EQ(vm_mprotect(mm, a + 4 * PG, PG, PROT_READ), -ENOMEM);
	mmput(mm);
}

KTEST(mm_mmap_arguments)
{
	struct mm_struct *mm = mm_alloc();
	long a, b;

	KT_ASSERT(mm);
	KT_ASSERT_EQ(vm_mmap(mm, 0, 0, RW, ANON_PRIV), -EINVAL);
	KT_ASSERT_EQ(vm_mmap(mm, 0x100001, PG, RW, ANON_PRIV | MAP_FIXED), -EINVAL);
	KT_ASSERT_EQ(vm_mmap(mm, 0, PG, RW, MAP_ANONYMOUS), -EINVAL);
	KT_ASSERT_EQ(vm_mmap(mm, 0, PG, RW, MAP_SHARED_VALIDATE | MAP_ANONYMOUS),
		     -EINVAL);
	KT_ASSERT_EQ(vm_mmap(mm, 0x1000, PG, RW, ANON_PRIV | MAP_FIXED), -EPERM);
	KT_ASSERT_EQ(vm_mmap(mm, 0, TASK_SIZE + PG, RW, ANON_PRIV), -ENOMEM);
	KT_ASSERT_EQ(vm_mmap(mm, TASK_SIZE - PG, 2 * PG, RW, ANON_PRIV | MAP_FIXED),
		     -ENOMEM);
	/* A free hint is honoured; a taken one is not; a low one is raised. */
	a = vm_mmap(mm, 0x200000, 3 * PG, RW, ANON_PRIV);
	KT_ASSERT_EQ(a, 0x200000);
	b = vm_mmap(mm, 0x200000, PG, RW, ANON_PRIV);
	KT_ASSERT(b > 0 && b != 0x200000);
	KT_ASSERT(b < (long)mm->mmap_base);
	KT_ASSERT_EQ(vm_mmap(mm, 0x1000, PG, RW, ANON_PRIV), (long)MMAP_MIN_ADDR);
	KT_ASSERT_EQ(vm_mmap(mm, 0x201000, PG, RW, ANON_PRIV | MAP_FIXED_NOREPLACE),
		     -EEXIST);
	/* MAP_FIXED replaces: the old contents are gone. */
	KT_ASSERT_EQ(poke(mm, 0x201000, 0x77), 0);
	KT_ASSERT_EQ(vm_mmap(mm, 0x201000, PG, PROT_READ, ANON_PRIV | MAP_FIXED),
		     0x201000);
	KT_ASSERT_EQ(byte_at(mm, 0x201000), 0);
	KT_ASSERT_EQ(mm->map_count, 5);
	KT_ASSERT_EQ(mm->total_vm, 5);
	a = vm_mmap(mm, 0, PG, RW, ANON_PRIV | MAP_32BIT);
	KT_ASSERT(a >= 0x40000000 && a < 0x80000000);
	/* Next to each other, compatible mappings become one VMA. */
	a = vm_mmap(mm, 0x300000, PG, RW, ANON_PRIV | MAP_FIXED);
	b = vm_mmap(mm, 0x301000, PG, RW, ANON_PRIV | MAP_FIXED);
	KT_ASSERT(a == 0x300000 && b == 0x301000);
	KT_ASSERT_EQ(vma_find(mm, 0x300000)->vm_end, 0x302000);
	a = vm_mmap(mm, 0, PG, RW, ANON_PRIV | MAP_POPULATE);
	KT_ASSERT(a > 0 && mm_follow_page(mm, a, &(uint64_t){ 0 }));
	mmput(mm);
}

/* Growth within RLIMIT_STACK as it is at the fault: lowered after setup too. */
static void stack_limit_checks(struct ktest_ctx *t, struct signal_struct *sig)
{
	struct mm_struct *mm = mm_alloc();
	const uint64_t top = 0x7ffff0000000ULL;
	struct vm_area_struct *stack;

	KT_ASSERT(mm);
	sig->rlim[RLIMIT_STACK].rlim_cur = 64 * PG;
	KT_ASSERT_EQ(mm_setup_stack(mm, top, 4 * PG, 64 * PG, false), 0);
	stack = vma_find(mm, top - PG);
	KT_ASSERT(stack && stack->vm_start == top - 4 * PG);
	KT_ASSERT(stack->vm_flags & VMA_GROWSDOWN);
	KT_ASSERT(mm->mmap_base < top - 64 * PG - STACK_GUARD_GAP);
	KT_ASSERT_EQ(handle_mm_fault(mm, top - 10 * PG + 8, WRITE), VM_FAULT_OK);
	KT_ASSERT_EQ(stack->vm_start, top - 10 * PG);
	KT_ASSERT_EQ(mm->total_vm, 10);
	sig->rlim[RLIMIT_STACK].rlim_cur = 20 * PG;
	KT_ASSERT_EQ(handle_mm_fault(mm, top - 21 * PG, WRITE), VM_FAULT_SIGSEGV);
	sig->rlim[RLIMIT_STACK].rlim_cur = 64 * PG;
	KT_ASSERT_EQ(handle_mm_fault(mm, top - 64 * PG, WRITE), VM_FAULT_OK);
	KT_ASSERT_EQ(handle_mm_fault(mm, top - 65 * PG, WRITE), VM_FAULT_SIGSEGV);
	KT_ASSERT_EQ(stack->vm_start, top - 64 * PG);
	KT_ASSERT_EQ(handle_mm_fault(mm, top - 64 * PG, FAULT_FLAG_EXEC),
		     VM_FAULT_SIGSEGV);
	mmput(mm);
}

/* Lends this kernel task a signal_struct of its own for the limits. */
KTEST(mm_stack_growth)
{
	struct signal_struct sig = { .refcount = 1 }, *saved = current->signal;
	const uint64_t top = 0x7ffff0000000ULL;
	struct mm_struct *mm;
	long below;

	memcpy(sig.rlim, init_rlimits, sizeof(sig.rlim));
	current->signal = &sig;
	stack_limit_checks(t, &sig);
	current->signal = saved;

	/* The guard gap: no growth to within 256 pages of the VMA below. */
	mm = mm_alloc();
	KT_ASSERT(mm);
	KT_ASSERT_EQ(mm_setup_stack(mm, top, PG, 2048 * PG, true), 0);
	below = vm_mmap(mm, top - 1000 * PG, PG, RW, ANON_PRIV | MAP_FIXED);
	KT_ASSERT_EQ(below, (long)(top - 1000 * PG));
	KT_ASSERT_EQ(handle_mm_fault(mm, top - 1000 * PG + PG + STACK_GUARD_GAP,
				     WRITE), VM_FAULT_OK);
	KT_ASSERT_EQ(handle_mm_fault(mm, top - 1000 * PG + STACK_GUARD_GAP,
				     READ), VM_FAULT_SIGSEGV);
	/* Nor does mmap place anything inside the gap. */
	KT_ASSERT_EQ(vm_munmap(mm, below, PG), 0);
	KT_ASSERT(!vma_range_free(mm, top - 900 * PG, PG));
	KT_ASSERT(vma_range_free(mm, top - 1000 * PG, PG));
	KT_ASSERT_EQ(mm_setup_stack(mm, top, PG, PG, false), -EEXIST);
	mmput(mm);
}

KTEST(mm_brk)
{
	struct mm_struct *mm = mm_alloc();
	const uint64_t base = 0x600000 + 123;
	uint64_t before;

	KT_ASSERT(mm);
	mm->start_brk = mm->brk = base;
	KT_ASSERT_EQ(vm_brk(mm, 0), base);
	KT_ASSERT_EQ(vm_brk(mm, base + 100), base + 100);
	KT_ASSERT_EQ(vm_brk(mm, base + 5 * PG), base + 5 * PG);
	KT_ASSERT_EQ(mm->map_count, 1);
	KT_ASSERT_EQ(vma_find(mm, base)->vm_start, 0x601000);
	KT_ASSERT_EQ(vma_find(mm, base)->vm_end, 0x606000);
	KT_ASSERT_EQ(handle_mm_fault(mm, 0x605000, WRITE), VM_FAULT_OK);
	KT_ASSERT_EQ(handle_mm_fault(mm, 0x606000, WRITE), VM_FAULT_SIGSEGV);
	before = mm->rss;
	KT_ASSERT_EQ(vm_brk(mm, base + PG), base + PG);
	KT_ASSERT_EQ(mm->rss, before - 1);
	KT_ASSERT_EQ(vma_find(mm, base)->vm_end, 0x602000);
	/* A mapping in the way stops it; the old break comes back. */
	KT_ASSERT_EQ(vm_mmap(mm, 0x608000, PG, RW, ANON_PRIV | MAP_FIXED), 0x608000);
	KT_ASSERT_EQ(vm_brk(mm, 0x608000), base + PG);
	KT_ASSERT_EQ(vm_brk(mm, 0x607000), 0x607000);
	KT_ASSERT_EQ(vm_brk(mm, base - 1), 0x607000);
	mmput(mm);
}

KTEST(mm_madvise)
{
	struct mm_struct *parent = mm_alloc(), *child;
	long a, b;

	KT_ASSERT(parent);
	a = vm_mmap(parent, 0, 8 * PG, RW, ANON_PRIV);
	KT_ASSERT(a > 0);
	KT_ASSERT_EQ(poke(parent, a + 2 * PG, 1), 0);
	KT_ASSERT_EQ(vm_madvise(parent, a, 8 * PG, MADV_DONTNEED), 0);
	KT_ASSERT_EQ(parent->rss, 0);
	KT_ASSERT_EQ(byte_at(parent, a + 2 * PG), 0);
	KT_ASSERT_EQ(vm_madvise(parent, a, PG, 999), -EINVAL);
	KT_ASSERT_EQ(vm_madvise(parent, a, PG, MADV_HUGEPAGE), -EINVAL);
	KT_ASSERT_EQ(vm_madvise(parent, a + 1, PG, MADV_NORMAL), -EINVAL);
	KT_ASSERT_EQ(vm_madvise(parent, a, 0, MADV_NORMAL), 0);
	KT_ASSERT_EQ(vm_madvise(parent, a, 9 * PG, MADV_WILLNEED), -ENOMEM);
	KT_ASSERT_EQ(vm_madvise(parent, a, PG, MADV_SEQUENTIAL), 0);
	KT_ASSERT_EQ(vm_madvise(parent, a, PG, MADV_REMOVE), -EINVAL);
	/* DONTFORK keeps a range out of the child; WIPEONFORK empties it. */
	KT_ASSERT_EQ(vm_madvise(parent, a + 4 * PG, 2 * PG, MADV_DONTFORK), 0);
	KT_ASSERT_EQ(parent->map_count, 3);
	b = vm_mmap(parent, 0, PG, RW, ANON_PRIV);
	KT_ASSERT_EQ(poke(parent, b, 3), 0);
	KT_ASSERT_EQ(vm_madvise(parent, b, PG, MADV_WIPEONFORK), 0);
	KT_ASSERT_EQ(poke(parent, a, 4), 0);
	child = mm_dup(parent);
	KT_ASSERT(child);
	KT_ASSERT_EQ(mm_read(child, a + 4 * PG, &(char){ 0 }, 1), -EFAULT);
	KT_ASSERT_EQ(byte_at(child, a), 4);
	KT_ASSERT_EQ(byte_at(child, b), 0);
	KT_ASSERT_EQ(byte_at(parent, b), 3);
	/* The wiped VMA lost the flag that kept it apart, so it merged. */
	KT_ASSERT_EQ(child->map_count, 2);
	mmput(child);
	KT_ASSERT_EQ(vm_madvise(parent, a + 4 * PG, 2 * PG, MADV_DOFORK), 0);
	KT_ASSERT_EQ(parent->map_count, 2);
	mmput(parent);
}

KTEST(mm_fork_64mib_copies_only_written_pages)
{
	enum { FORKS = 100 };
	const uint64_t len = 64ULL << 20;
	static struct mm_struct *children[FORKS];
	struct mm_struct *parent = mm_alloc();
	uint64_t before, tables = 0, va;
	struct page *page;
	long a;
	int i;

	KT_ASSERT(parent);
	a = vm_mmap(parent, 0, len, RW, ANON_PRIV);
	KT_ASSERT(a > 0);
	for (va = a; va < a + len; va += PG)
		KT_ASSERT_EQ(handle_mm_fault(parent, va, WRITE), VM_FAULT_OK);
	KT_ASSERT_EQ(parent->rss, len / PG);
	before = nr_free();
	for (i = 0; i < FORKS; i++) {
		children[i] = mm_dup(parent);
		KT_ASSERT(children[i]);
		tables += children[i]->pt_pages + 1;
	}
	/* Page tables (and their PML4s) and a little slab: no data pages. */
	KT_ASSERT(before - nr_free() >= tables);
	KT_ASSERT_MSG(before - nr_free() <= tables + 2 * FORKS,
		      "fork used %llu pages, tables %llu",
		      (unsigned long long)(before - nr_free()),
		      (unsigned long long)tables);
	page = mm_follow_page(parent, a + 7 * PG, &va);
	KT_ASSERT_EQ(refs(page), FORKS + 1);
	before = nr_free();
	KT_ASSERT_EQ(handle_mm_fault(children[50], a + 7 * PG, WRITE), VM_FAULT_OK);
	KT_ASSERT_EQ(before - nr_free(), 1);
	KT_ASSERT_EQ(refs(page), FORKS);
	for (i = 0; i < FORKS; i++)
		mmput(children[i]);
	KT_ASSERT_EQ(refs(page), 1);
	mmput(parent);
}

/* One round of everything, on fresh mms that are all released again. */
static bool churn(unsigned int round)
{
	struct mm_struct *mm = mm_alloc(), *child;
	long a, s;
	bool ok = false;

	if (!mm)
		return false;
	a = vm_mmap(mm, 0, 32 * PG, RW, ANON_PRIV);
	s = vm_mmap(mm, 0, 8 * PG, RW, ANON_SHARED);
	if (a < 0 || s < 0 || mm_setup_stack(mm, 0x7fff00000000ULL, PG, 64 * PG, false))
		goto out;
	handle_mm_fault(mm, a + (round % 32) * PG, WRITE);
	handle_mm_fault(mm, a + PG, READ);
	handle_mm_fault(mm, s + (round % 8) * PG, WRITE);
	handle_mm_fault(mm, 0x7fff00000000ULL - 20 * PG, WRITE);
	child = mm_dup(mm);
	if (!child)
		goto out;
	handle_mm_fault(child, a + (round % 32) * PG, WRITE);
	handle_mm_fault(child, s + 3 * PG, WRITE);
	vm_munmap(child, a + 4 * PG, 3 * PG);
	vm_mprotect(mm, a + 8 * PG, 2 * PG, PROT_READ);
	vm_madvise(mm, a, 16 * PG, MADV_DONTNEED);
	poke(child, s + 7 * PG, (uint8_t)round);
	ok = byte_at(mm, s + 7 * PG) == (uint8_t)round;
	mmput(child);
out:
	mmput(mm);
	return ok;
}

KTEST(mm_no_leaks)
{
	uint64_t before;
	unsigned int i;

	KT_ASSERT(churn(0));
	before = nr_free();
	for (i = 1; i <= 300; i++)
		KT_ASSERT(churn(i));
	KT_ASSERT_EQ(nr_free(), before);
}

KTEST(mm_activate_switches_cr3)
{
	struct mm_struct *mm = mm_alloc();

	uint64_t loaded;

	KT_ASSERT(mm);
	/* No switch may come between: this task has no mm of its own. */
	preempt_disable();
	mm_activate(mm);
	loaded = read_cr3() & PTE_ADDR_MASK;
	mm_activate(NULL);
	preempt_enable();
	KT_ASSERT_EQ(loaded, mm->pgd_phys);
	KT_ASSERT_EQ(read_cr3() & PTE_ADDR_MASK, vmm_kernel_pml4());
	mmput(mm);
}

/* The limits below are 20 pages of address space and 3 of data. */
static void rlimit_checks(struct ktest_ctx *t, struct mm_struct *mm)
{
	const uint64_t top = 0x7ffff0000000ULL;
	long a;

	a = vm_mmap(mm, 0, 16 * PG, RW, ANON_PRIV);
	mm->start_brk = mm->brk = 0x600000;
	mm->start_data = mm->end_data = 0x5ff000;
	/* 16 mapped: 2 more fit, 5 do not; MAP_FIXED counts what it replaces. */
	KT_ASSERT(a > 0);
	KT_ASSERT_EQ(vm_mmap(mm, 0, 5 * PG, RW, ANON_PRIV), -ENOMEM);
	KT_ASSERT_EQ(vm_mmap(mm, a, 16 * PG, PROT_READ, ANON_PRIV | MAP_FIXED), a);
	KT_ASSERT_EQ(vm_brk(mm, 0x600000 + 4 * PG), 0x600000);
	KT_ASSERT_EQ(vm_brk(mm, 0x600000 + 2 * PG), 0x600000 + 2 * PG);
	KT_ASSERT_EQ(mm->total_vm, 18);
	KT_ASSERT_EQ(mm_setup_stack(mm, top, PG, 64 * PG, false), 0);
	KT_ASSERT_EQ(handle_mm_fault(mm, top - 2 * PG, WRITE), VM_FAULT_OK);
	KT_ASSERT_EQ(handle_mm_fault(mm, top - 3 * PG, WRITE), VM_FAULT_SIGSEGV);
	KT_ASSERT_EQ(mm->total_vm, 20);
}

/*
 * RLIMIT_AS and RLIMIT_DATA, with limits of the test's own: this kernel
 * task has no signal_struct, so it lends itself one for the duration.
 */
KTEST(mm_rlimits)
{
	struct signal_struct sig = { .refcount = 1 }, *saved = current->signal;
	struct mm_struct *mm = mm_alloc();

	KT_ASSERT(mm);
	memcpy(sig.rlim, init_rlimits, sizeof(sig.rlim));
	sig.rlim[RLIMIT_AS].rlim_cur = 20 * PG;
	sig.rlim[RLIMIT_DATA].rlim_cur = 3 * PG;
	current->signal = &sig;
	rlimit_checks(t, mm);
	current->signal = saved;
	mmput(mm);
}
