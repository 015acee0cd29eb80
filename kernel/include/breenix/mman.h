/*
 * What the rest of the kernel may do with a user address space: create,
 * copy for fork and release one; map, unmap and protect ranges (the
 * mmap/munmap/mprotect/brk syscalls and exec are built on these); resolve
 * page faults; and write into another address space's pages for exec.
 */
#ifndef BREENIX_MMAN_H
#define BREENIX_MMAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <breenix/mm_types.h>

/* A user address space with no VMAs; NULL without memory. users = 1. */
struct mm_struct *mm_alloc(void);
/*
 * fork: a copy of @old whose private writable pages are shared read-only
 * with it and copied on the first write (both sides); shared mappings stay
 * shared. NULL without memory (nothing leaks).
 */
struct mm_struct *mm_dup(struct mm_struct *old);
void mmget(struct mm_struct *mm);
/*
 * Drops a user; the last one frees every page, page table and VMA. Never
 * call it on the mm loaded in CR3: switch away first (mm_activate(NULL)).
 */
void mmput(struct mm_struct *mm);
/* Loads @mm's page tables on this CPU, or the kernel's for NULL. */
void mm_activate(struct mm_struct *mm);

/* Whether @va's page of @mm has a frame: touched (mmap_lock held). */
bool user_page_present(struct mm_struct *mm, uint64_t va);

/*
 * The core of mmap(2) for anonymous memory, on @mm with its lock not held:
 * prot is PROT_*, flags MAP_* (Linux values, uapi/asm/mman.h). Returns the
 * address or a negative errno (-EINVAL, -ENOMEM, -EEXIST for
 * MAP_FIXED_NOREPLACE), never both.
 */
long vm_mmap(struct mm_struct *mm, uint64_t addr, uint64_t len,
	     unsigned long prot, unsigned long flags);
int vm_munmap(struct mm_struct *mm, uint64_t addr, uint64_t len);
int vm_mprotect(struct mm_struct *mm, uint64_t addr, uint64_t len,
		unsigned long prot);

/*
 * brk(2) on @mm: moves the break (mm->brk, from mm->start_brk set by exec)
 * to @brk and returns the new break, or the old one if it cannot move.
 */
uint64_t vm_brk(struct mm_struct *mm, uint64_t brk);
/* madvise(2) on @mm (MADV_* of uapi/asm/mman.h): 0 or a negative errno. */
/* msync(2): checks only; no mapping has a file to write back yet. */
int vm_msync(struct mm_struct *mm, uint64_t start, uint64_t len, int flags);
int vm_madvise(struct mm_struct *mm, uint64_t start, uint64_t len,
	       int behavior);

/*
 * The main stack of a new image: a VMA_GROWSDOWN mapping of @size bytes
 * ending at @top, executable only if @exec (PT_GNU_STACK). @limit is
 * RLIMIT_STACK at exec: mmap_base goes below the room it leaves the stack;
 * growth itself is bounded by RLIMIT_STACK as it is at each fault, with a
 * guard gap to the next VMA.
 */
int mm_setup_stack(struct mm_struct *mm, uint64_t top, uint64_t size,
		   uint64_t limit, bool exec);

/*
 * Writes @len bytes of @src at @addr in @mm (which need not be the current
 * one), allocating and breaking COW on pages as needed and ignoring the
 * VMA's write permission, as ptrace's FOLL_FORCE does: how exec fills
 * read-only text. -EFAULT if part of the range has no VMA, -ENOMEM.
 */
int mm_write_force(struct mm_struct *mm, uint64_t addr, const void *src,
		   size_t len);

/*
 * Reads @len bytes at @addr in @mm into @dst, ignoring the VMA's
 * permissions (ptrace, /proc/<pid>/mem and environ); pages never touched
 * read as zero and are not allocated. -EFAULT if part of the range has no
 * VMA.
 */
int mm_read(struct mm_struct *mm, uint64_t addr, void *dst, size_t len);

/* Outcomes of handle_mm_fault. */
#define VM_FAULT_OK		0
#define VM_FAULT_SIGSEGV	1	/* no VMA, or access not allowed */
#define VM_FAULT_OOM		2
#define VM_FAULT_SIGBUS		3

/* fault flags: what the access was (from the #PF error code) */
#define FAULT_FLAG_WRITE	0x01
#define FAULT_FLAG_EXEC		0x02
#define FAULT_FLAG_USER		0x04	/* from user mode (else uaccess) */
#define FAULT_FLAG_PRESENT	0x08	/* a protection fault, not a miss */

/*
 * Resolves a fault at @addr in @mm: demand-zero pages, copy-on-write,
 * stack growth. Takes mm->mmap_lock; may sleep. Called with interrupts on.
 */
int handle_mm_fault(struct mm_struct *mm, uint64_t addr, unsigned int flags);

#endif
