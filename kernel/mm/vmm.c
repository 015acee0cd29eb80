/*
 * The kernel's page tables. paging_init() replaces the boot stub's tables
 * with the real ones: a direct map of all RAM (no-execute), the kernel image
 * mapped W^X (text read-execute, rodata read-only, data no-execute), the
 * vmalloc area, and no identity map, so page 0 and user space start empty.
 */
#include <stdbool.h>
#include <string.h>
#include <breenix/bootinfo.h>
#include <breenix/errno.h>
#include <breenix/memblock.h>
#include <breenix/mm.h>
#include <breenix/panic.h>
#include <breenix/printk.h>
#include <breenix/spinlock.h>
#include <breenix/vmm.h>
#include <asm/cpu.h>
#include <asm/msr.h>
#include <asm/page.h>
#include <asm/pgtable.h>

#define CR4_PGE		(1UL << 7)	/* Intel SDM 3A 2.5: global pages */
#define CPUID_1_EDX_PAT	(1U << 16)

extern char __text_start[], __text_end[], __rodata_start[], __rodata_end[];
extern char __data_start[], __kernel_end[];

static uint64_t *kernel_pml4;
static uint64_t kernel_pml4_phys;
static bool paging_early = true;	/* tables come from memblock until set */
static spinlock_t vmm_lock = SPINLOCK_INIT;

/* A zeroed page for a page table: memblock at boot, the buddy allocator after. */
static uint64_t pt_alloc(void)
{
	struct page *page;
	uint64_t phys;

	if (!paging_early) {
		page = alloc_page(__GFP_ZERO);
		return page ? page_to_phys(page) : 0;
	}
	phys = memblock_alloc(PAGE_SIZE, PAGE_SIZE, EARLY_DIRECT_MAP_LIMIT);
	if (phys)
		memset(phys_to_virt(phys), 0, PAGE_SIZE);
	return phys;
}

static uint64_t *table_of(uint64_t entry)
{
	return phys_to_virt(entry & PTE_ADDR_MASK);
}

/*
 * The entry that maps va at the level of target_shift, creating missing
 * tables when create is set. If a large page covers va above that level,
 * its entry is returned instead and *shift tells which level it is.
 */
static uint64_t *pt_walk(uint64_t va, unsigned int target_shift, bool create,
			 unsigned int *shift)
{
	uint64_t *table = kernel_pml4;
	unsigned int s;

	for (s = PML4_SHIFT; s > target_shift; s -= 9) {
		uint64_t *e = &table[pt_index(va, s)];

		if (!(*e & PTE_PRESENT)) {
			uint64_t phys;

			if (!create || !(phys = pt_alloc()))
				return NULL;
			/* Intermediate entries allow all; the leaf decides. */
			*e = phys | PTE_PRESENT | PTE_WRITE;
		} else if (*e & PTE_HUGE) {
			*shift = s;
			return e;
		}
		table = table_of(*e);
	}
	*shift = target_shift;
	return &table[pt_index(va, target_shift)];
}

static uint64_t prot_to_pte(unsigned int prot)
{
	uint64_t pte = PTE_PRESENT;

	if (prot & VM_WRITE)
		pte |= PTE_WRITE;
	if (!(prot & VM_EXEC))
		pte |= PTE_NX;
	if (prot & VM_USER)
		pte |= PTE_USER;
	if (prot & VM_GLOBAL)
		pte |= PTE_GLOBAL;
	if (prot & VM_NOCACHE)
		pte |= PTE_CACHE_UC;
	else if (prot & VM_WRCOMBINE)
		pte |= PTE_CACHE_WC;
	return pte;
}

static int map_one(uint64_t va, uint64_t pa, uint64_t pte, unsigned int shift)
{
	unsigned int found;
	uint64_t *e = pt_walk(va, shift, true, &found);

	if (!e)
		return -ENOMEM;
	if (found != shift || (*e & PTE_PRESENT))
		return -EEXIST;
	*e = pa | pte | (shift == PD_SHIFT ? PTE_HUGE : 0);
	return 0;
}

int vmm_map_page(uint64_t va, uint64_t pa, unsigned int prot)
{
	unsigned long flags;
	int err;

	if ((va | pa) & (PAGE_SIZE - 1))
		return -EINVAL;
	flags = spin_lock_irqsave(&vmm_lock);
	err = map_one(va, pa, prot_to_pte(prot), PT_SHIFT);
	spin_unlock_irqrestore(&vmm_lock, flags);
	return err;
}

/* Replaces the 2 MiB page at *pde by a table of 512 equal 4 KiB pages. */
static int split_large(uint64_t *pde)
{
	uint64_t phys = pt_alloc(), base = *pde & PTE_LARGE_ADDR_MASK;
	uint64_t flags = *pde & ~(PTE_LARGE_ADDR_MASK | PTE_HUGE | PTE_PAT_LARGE);
	uint64_t *pt;
	int i;

	if (!phys)
		return -ENOMEM;
	pt = phys_to_virt(phys);
	for (i = 0; i < PT_ENTRIES; i++)
		pt[i] = (base + ((uint64_t)i << PT_SHIFT)) | flags;
	*pde = phys | PTE_PRESENT | PTE_WRITE;
	return 0;
}

/* The 4 KiB entry of va, splitting a large page over it if need be. */
static uint64_t *pte_of(uint64_t va, bool split, int *err)
{
	unsigned int shift;
	uint64_t *e = pt_walk(va, PT_SHIFT, false, &shift);

	*err = 0;
	if (!e || !(*e & PTE_PRESENT))
		return NULL;
	if (shift == PT_SHIFT)
		return e;
	if (shift != PD_SHIFT || !split) {
		*err = -EINVAL;
		return NULL;
	}
	*err = split_large(e);
	if (*err)
		return NULL;
	invlpg(va);
	return pt_walk(va, PT_SHIFT, false, &shift);
}

/* Clears the mappings of [va, va+size); a large page only partly in the
 * range is split first, so nothing outside the range changes. */
static void unmap_range(uint64_t va, uint64_t size)
{
	uint64_t end = va + size;
	unsigned int shift;
	uint64_t *e;
	int err;

	while (va < end) {
		e = pt_walk(va, PT_SHIFT, false, &shift);
		if (e && shift == PD_SHIFT && (*e & PTE_PRESENT) &&
		    !(va & (LARGE_PAGE_SIZE - 1)) && end - va >= LARGE_PAGE_SIZE) {
			*e = 0;
			invlpg(va);
			va += LARGE_PAGE_SIZE;
			continue;
		}
		e = pte_of(va, true, &err);
		if (e) {
			*e = 0;
			invlpg(va);
		}
		va += PAGE_SIZE;
	}
}

/* Maps [pa, pa+size) at va with 2 MiB pages wherever alignment allows;
 * on failure nothing stays mapped. */
static int map_range(uint64_t va, uint64_t pa, uint64_t size, uint64_t pte)
{
	uint64_t done = 0;
	int err = 0;

	while (done < size) {
		unsigned int shift = PT_SHIFT;

		if (!((va + done) & (LARGE_PAGE_SIZE - 1)) &&
		    !((pa + done) & (LARGE_PAGE_SIZE - 1)) &&
		    size - done >= LARGE_PAGE_SIZE)
			shift = PD_SHIFT;
		err = map_one(va + done, pa + done, pte, shift);
		if (err)
			break;
		done += 1ULL << shift;
	}
	if (err)
		unmap_range(va, done);
	return err;
}

int vmm_map_range(uint64_t va, uint64_t pa, size_t size, unsigned int prot)
{
	unsigned long flags;
	int err;

	if ((va | pa | size) & (PAGE_SIZE - 1) || va + size < va)
		return -EINVAL;
	flags = spin_lock_irqsave(&vmm_lock);
	err = map_range(va, pa, size, prot_to_pte(prot));
	spin_unlock_irqrestore(&vmm_lock, flags);
	return err;
}

void vmm_unmap_range(uint64_t va, size_t size)
{
	unsigned long flags = spin_lock_irqsave(&vmm_lock);

	unmap_range(va & ~(PAGE_SIZE - 1), size);
	spin_unlock_irqrestore(&vmm_lock, flags);
}

bool vmm_is_large_page(uint64_t va)
{
	unsigned int shift;
	uint64_t *e = pt_walk(va, PT_SHIFT, false, &shift);

	return e && (*e & PTE_PRESENT) && shift != PT_SHIFT;
}

uint64_t vmm_unmap_page(uint64_t va)
{
	unsigned long flags = spin_lock_irqsave(&vmm_lock);
	uint64_t pa = 0, *e;
	int err;

	e = pte_of(va, true, &err);
	if (e) {
		pa = *e & PTE_ADDR_MASK;
		*e = 0;
		invlpg(va);
	}
	spin_unlock_irqrestore(&vmm_lock, flags);
	return pa;
}

int vmm_protect(uint64_t va, size_t size, unsigned int prot)
{
	unsigned long flags = spin_lock_irqsave(&vmm_lock);
	uint64_t end = va + size, keep = PTE_ADDR_MASK | PTE_ACCESSED | PTE_DIRTY;
	uint64_t *e;
	int err = 0;

	for (va &= ~(PAGE_SIZE - 1); va < end && !err; va += PAGE_SIZE) {
		e = pte_of(va, true, &err);
		if (!e) {
			err = err ? err : -ENOENT;
			break;
		}
		*e = (*e & keep) | prot_to_pte(prot);
		invlpg(va);
	}
	spin_unlock_irqrestore(&vmm_lock, flags);
	return err;
}

bool vmm_translate(uint64_t va, uint64_t *pa)
{
	unsigned int shift;
	uint64_t *e = pt_walk(va, PT_SHIFT, false, &shift);
	uint64_t mask;

	if (!e || !(*e & PTE_PRESENT))
		return false;
	mask = (1ULL << shift) - 1;
	*pa = (*e & PTE_ADDR_MASK & ~mask) | (va & mask);
	return true;
}

/* Maps [pa, pa+size) at va, panicking on failure: the kernel cannot boot without it. */
static void map_range_early(uint64_t va, uint64_t pa, uint64_t size,
			    uint64_t pte)
{
	if (map_range(va, pa, size, pte))
		panic("paging_init: cannot map %#llx at %#llx",
		      (unsigned long long)pa, (unsigned long long)va);
}

static bool mmap_is_ram(uint32_t type)
{
	return type == MMAP_AVAILABLE || type == MMAP_ACPI_RECLAIMABLE ||
	       type == MMAP_NVS;
}

static uint64_t map_direct(const struct boot_info *bi)
{
	struct mmap_range r;
	uint64_t mapped = 0;
	uint32_t i;

	for (i = 0; i < bi->mmap_count; i++) {
		uint64_t start, end;

		bootinfo_mmap_entry(bi, i, &r);
		start = (r.base + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1);
		end = (r.base + r.length) & ~(PAGE_SIZE - 1);
		if (!mmap_is_ram(r.type) || end <= start)
			continue;
		map_range_early(DIRECT_MAP_BASE + start, start, end - start,
				prot_to_pte(VM_READ | VM_WRITE | VM_GLOBAL));
		mapped += end - start;
	}
	return mapped;
}

static void map_image_part(char *start, char *end, unsigned int prot)
{
	uint64_t va = (uint64_t)start;
	uint64_t len = ((uint64_t)end - va + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1);

	map_range_early(va, va - KERNEL_VMA, len, prot_to_pte(prot | VM_GLOBAL));
}

/* Page tables for the vmalloc area exist from the start, so its PML4
 * entries never change and every address space can share them. */
static void prealloc_vmalloc_tables(void)
{
	uint64_t va;
	unsigned int shift;

	for (va = VMALLOC_START; va < VMALLOC_END; va += 1ULL << PML4_SHIFT) {
		if (!pt_walk(va, PDPT_SHIFT, true, &shift))
			panic("paging_init: no memory for vmalloc tables");
	}
}

static void pat_init(void)
{
	uint32_t a, b, c, d;

	cpuid(1, &a, &b, &c, &d);
	if (!(d & CPUID_1_EDX_PAT))
		panic("paging_init: CPU has no PAT");
	wrmsr(MSR_IA32_PAT, PAT_LINUX_LAYOUT);
}

void paging_init(const struct boot_info *bi)
{
	uint64_t ram;

	pat_init();
	kernel_pml4_phys = pt_alloc();
	if (!kernel_pml4_phys)
		panic("paging_init: no memory for the PML4");
	kernel_pml4 = phys_to_virt(kernel_pml4_phys);

	ram = map_direct(bi);
	map_image_part(__text_start, __text_end, VM_READ | VM_EXEC);
	map_image_part(__rodata_start, __rodata_end, VM_READ);
	map_image_part(__data_start, __kernel_end, VM_READ | VM_WRITE);
	prealloc_vmalloc_tables();

	write_cr3(kernel_pml4_phys);
	/* Global pages survive CR3 loads. */
	write_cr4(read_cr4() | CR4_PGE);
	kernel_pml4 = phys_to_virt(kernel_pml4_phys);
	pr_info("vmm: direct map of %llu MiB RAM, kernel text RX, rodata RO, data NX; identity map gone\n",
		(unsigned long long)(ram >> 20));
}

void vmm_late_init(void)
{
	paging_early = false;
}

uint64_t vmm_kernel_pml4(void)
{
	return kernel_pml4_phys;
}
