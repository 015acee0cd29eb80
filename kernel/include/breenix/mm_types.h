/*
 * Address spaces: an mm_struct is a page-table root whose kernel half
 * (PML4 entries 256-511) is shared with every other, plus the sorted,
 * non-overlapping VMAs that say what the user half may hold. Tasks share
 * one through clone(CLONE_VM); fork copies it copy-on-write.
 */
#ifndef BREENIX_MM_TYPES_H
#define BREENIX_MM_TYPES_H

#include <stdint.h>
#include <breenix/list.h>
#include <breenix/mutex.h>
#include <breenix/rbtree.h>

/* vm_flags: the low three bits are PROT_READ/WRITE/EXEC's, as in Linux. */
#define VMA_READ	0x0001UL
#define VMA_WRITE	0x0002UL
#define VMA_EXEC	0x0004UL
#define VMA_SHARED	0x0008UL	/* MAP_SHARED: writes seen by all mappers */
#define VMA_MAYREAD	0x0010UL	/* what mprotect may grant */
#define VMA_MAYWRITE	0x0020UL
#define VMA_MAYEXEC	0x0040UL
#define VMA_GROWSDOWN	0x0100UL	/* the stack: faults below it extend it */
#define VMA_STACK	0x0200UL	/* PT_GNU_STACK-derived main stack */
#define VMA_DONTCOPY	0x0400UL	/* MADV_DONTFORK: fork leaves it out */
#define VMA_WIPEONFORK	0x0800UL	/* MADV_WIPEONFORK: the child's reads zero */

struct shmem_object;
struct file;

struct vm_area_struct {
	uint64_t vm_start;		/* first byte, page aligned */
	uint64_t vm_end;		/* one past the last byte, page aligned */
	unsigned long vm_flags;
	struct mm_struct *vm_mm;
	struct rb_node vm_rb;		/* in mm->mm_rb, by address */
	struct list_head vm_list;	/* in mm->mmap, sorted by address */
	struct shmem_object *vm_shm;	/* MAP_SHARED|MAP_ANONYMOUS pages */
	uint64_t vm_pgoff;		/* page offset into vm_shm */
};

struct mm_struct {
	uint64_t *pgd;			/* PML4, through the direct map */
	uint64_t pgd_phys;		/* what CR3 holds */
	int users;			/* tasks using it; pages go at 0 */
	struct mutex mmap_lock;		/* VMAs and page tables */
	struct rb_root mm_rb;
	struct list_head mmap;		/* VMAs by address */
	unsigned long map_count;
	uint64_t total_vm;		/* pages mapped by VMAs (RLIMIT_AS) */
	uint64_t rss;			/* pages present */
	uint64_t pt_pages;		/* page-table pages owned */
	uint64_t mmap_base;		/* top-down search starts here */
	/* Set by exec, read by brk and /proc (Linux's names). */
	uint64_t start_code, end_code, start_data, end_data;
	uint64_t start_brk, brk, start_stack;
	uint64_t arg_start, arg_end, env_start, env_end;
	struct file *exe_file;		/* the program exec loaded (/proc/<pid>/exe) */
};

#endif
