/* In-kernel tests of the page tables and the vmalloc area. */
#include <string.h>
#include <breenix/errno.h>
#include <breenix/ktest.h>
#include <breenix/mm.h>
#include <breenix/vmalloc.h>
#include <breenix/vmm.h>
#include <asm/page.h>

extern char __text_start[], __rodata_start[], __data_start[];

KTEST(vmm_direct_map_translates)
{
	struct page *page = alloc_page(GFP_KERNEL);
	uint64_t pa;

	KT_ASSERT(page);
	KT_ASSERT(vmm_translate((uint64_t)page_address(page), &pa));
	KT_ASSERT_EQ(pa, page_to_phys(page));
	free_pages(page, 0);
	KT_ASSERT(!vmm_translate(0, &pa));
	KT_ASSERT(!vmm_translate(4096, &pa));
}

KTEST(vmm_image_is_mapped_at_its_physical_address)
{
	uint64_t pa;

	KT_ASSERT(vmm_translate((uint64_t)__text_start, &pa));
	KT_ASSERT_EQ(pa, (uint64_t)__text_start - KERNEL_VMA);
	KT_ASSERT(vmm_translate((uint64_t)__data_start, &pa));
	KT_ASSERT_EQ(pa, (uint64_t)__data_start - KERNEL_VMA);
}

KTEST(vmm_map_unmap_remap)
{
	struct page *a = alloc_page(__GFP_ZERO), *b = alloc_page(__GFP_ZERO);
	char *va = vmalloc(PAGE_SIZE);
	uint64_t pa, old;

	KT_ASSERT(a && b && va);
	old = vmm_unmap_page((uint64_t)va);
	KT_ASSERT(old != 0);
	KT_ASSERT(!vmm_translate((uint64_t)va, &pa));
	KT_ASSERT_EQ(vmm_map_page((uint64_t)va, page_to_phys(a), VM_READ | VM_WRITE), 0);
	KT_ASSERT_EQ(vmm_map_page((uint64_t)va, page_to_phys(b), VM_READ | VM_WRITE), -EEXIST);
	strcpy(va, "through the new mapping");
	KT_ASSERT(!strcmp(page_address(a), "through the new mapping"));
	KT_ASSERT_EQ(vmm_unmap_page((uint64_t)va), page_to_phys(a));
	KT_ASSERT_EQ(vmm_map_page((uint64_t)va, page_to_phys(b), VM_READ | VM_WRITE), 0);
	KT_ASSERT(vmm_translate((uint64_t)va, &pa));
	KT_ASSERT_EQ(pa, page_to_phys(b));
	KT_ASSERT(((char *)page_address(b))[0] == 0);
	vmm_unmap_page((uint64_t)va);
	KT_ASSERT_EQ(vmm_map_page((uint64_t)va, old, VM_READ | VM_WRITE | VM_GLOBAL), 0);
	vfree(va);
	free_pages(a, 0);
	free_pages(b, 0);
}

KTEST(vmm_map_rejects_misaligned)
{
	KT_ASSERT_EQ(vmm_map_page(VMALLOC_END - 2 * PAGE_SIZE + 1, 0, VM_READ), -EINVAL);
}

KTEST(vmalloc_has_guard_pages_and_returns_memory)
{
	struct mem_stats before, after;
	const size_t size = 1 << 20;
	uint64_t pa, start, end;
	char *buf;
	size_t i;

	/* The first use may add page tables and a slab page, which stay. */
	vfree(vmalloc(size));
	mm_get_stats(&before);
	buf = vmalloc(size);
	KT_ASSERT(buf);
	for (i = 0; i < size; i += PAGE_SIZE)
		buf[i] = (char)i;
	for (i = 0; i < size; i += PAGE_SIZE)
		KT_ASSERT(buf[i] == (char)i);
	KT_ASSERT(!vmm_translate((uint64_t)buf - PAGE_SIZE, &pa));
	KT_ASSERT(!vmm_translate((uint64_t)buf + size, &pa));
	KT_ASSERT(vmalloc_guard_hit((uint64_t)buf + size + 8, &start, &end));
	KT_ASSERT_EQ(start, (uint64_t)buf);
	KT_ASSERT_EQ(end, (uint64_t)buf + size);
	KT_ASSERT(!vmalloc_guard_hit((uint64_t)buf + 8, &start, &end));
	vfree(buf);
	mm_get_stats(&after);
	KT_ASSERT_EQ(after.free_pages, before.free_pages);
}

KTEST(vzalloc_is_zero_and_areas_do_not_overlap)
{
	char *a = vzalloc(3 * PAGE_SIZE), *b = vzalloc(PAGE_SIZE);
	size_t i;

	KT_ASSERT(a && b);
	for (i = 0; i < 3 * PAGE_SIZE; i++)
		KT_ASSERT(a[i] == 0);
	KT_ASSERT(b >= a + 4 * PAGE_SIZE || b + 2 * PAGE_SIZE <= a);
	vfree(a);
	vfree(b);
}

KTEST(ioremap_maps_the_requested_frame)
{
	struct page *page = alloc_page(GFP_KERNEL);
	uint64_t pa;
	char *io;

	KT_ASSERT(page);
	io = ioremap(page_to_phys(page) + 0x123, 16);
	KT_ASSERT(io);
	KT_ASSERT_EQ((uint64_t)io & (PAGE_SIZE - 1), 0x123);
	KT_ASSERT(vmm_translate((uint64_t)io, &pa));
	KT_ASSERT_EQ(pa, page_to_phys(page) + 0x123);
	iounmap(io);
	KT_ASSERT(!vmm_translate((uint64_t)io, &pa));
	free_pages(page, 0);
}

/* The top of the vmalloc area: first-fit placement never gets near it. */
#define LARGE_TEST_VA	(VMALLOC_END - (8ULL << 20))
#define SZ_2M		(2ULL << 20)

KTEST(vmm_range_uses_large_pages_and_splits_them)
{
	struct page *block = alloc_pages(GFP_KERNEL, 9);	/* 2 MiB, aligned */
	uint64_t pa, phys;
	char *va = (char *)LARGE_TEST_VA;

	KT_ASSERT(block);
	phys = page_to_phys(block);
	KT_ASSERT_EQ(vmm_map_range(LARGE_TEST_VA, phys, SZ_2M, VM_READ | VM_WRITE), 0);
	KT_ASSERT(vmm_is_large_page(LARGE_TEST_VA));
	KT_ASSERT(vmm_translate(LARGE_TEST_VA + 0x12345, &pa));
	KT_ASSERT_EQ(pa, phys + 0x12345);
	va[0x12345] = 'x';
	KT_ASSERT(((char *)page_address(block))[0x12345] == 'x');
	KT_ASSERT_EQ(vmm_map_range(LARGE_TEST_VA, phys, PAGE_SIZE, VM_READ), -EEXIST);

	/* Protecting one 4 KiB page splits the 2 MiB page around it. */
	KT_ASSERT_EQ(vmm_protect(LARGE_TEST_VA + PAGE_SIZE, PAGE_SIZE, VM_READ), 0);
	KT_ASSERT(!vmm_is_large_page(LARGE_TEST_VA));
	KT_ASSERT(vmm_translate(LARGE_TEST_VA + SZ_2M - 1, &pa));
	KT_ASSERT_EQ(pa, phys + SZ_2M - 1);
	KT_ASSERT(va[0x12345] == 'x');

	vmm_unmap_range(LARGE_TEST_VA + PAGE_SIZE, PAGE_SIZE);
	KT_ASSERT(!vmm_translate(LARGE_TEST_VA + PAGE_SIZE, &pa));
	KT_ASSERT(vmm_translate(LARGE_TEST_VA, &pa));
	vmm_unmap_range(LARGE_TEST_VA, SZ_2M);
	KT_ASSERT(!vmm_translate(LARGE_TEST_VA, &pa));
	KT_ASSERT(!vmm_translate(LARGE_TEST_VA + SZ_2M - 1, &pa));
	free_pages(block, 9);
}

KTEST(vmm_range_rejects_bad_arguments)
{
	KT_ASSERT_EQ(vmm_map_range(LARGE_TEST_VA + 1, 0, PAGE_SIZE, VM_READ), -EINVAL);
	KT_ASSERT_EQ(vmm_map_range(LARGE_TEST_VA, 0x1001, PAGE_SIZE, VM_READ), -EINVAL);
	KT_ASSERT_EQ(vmm_map_range(LARGE_TEST_VA, 0, 100, VM_READ), -EINVAL);
	KT_ASSERT_EQ(vmm_map_range(~0xfffULL, 0, 2 * PAGE_SIZE, VM_READ), -EINVAL);
}
