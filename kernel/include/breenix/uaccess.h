/*
 * Access to user memory. Every byte the kernel reads from or writes to a
 * user address goes through these: they refuse ranges that reach the kernel
 * half, fault pages in through the page-fault handler, and turn a fault
 * that cannot be resolved into -EFAULT through the exception table
 * (asm/extable.h), so a bad pointer from user space never faults the kernel.
 */
#ifndef BREENIX_UACCESS_H
#define BREENIX_UACCESS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The first address above user space (Linux's TASK_SIZE_MAX: 2^47 - 4096). */
#define TASK_SIZE	0x00007ffffffff000ULL

/* Whether [addr, addr+size) lies wholly in user space. */
static inline bool access_ok(const void *addr, size_t size)
{
	uintptr_t a = (uintptr_t)addr;

	return size <= TASK_SIZE && a <= TASK_SIZE - size;
}

/* Return 0, or -EFAULT when any byte could not be copied. */
int copy_from_user(void *dst, const void *usrc, size_t n);
int copy_to_user(void *udst, const void *src, size_t n);
int clear_user(void *udst, size_t n);

/*
 * The same, reporting how far they got: the bytes NOT copied (0: all), for
 * callers that return partial progress (a read into a buffer that runs
 * into an unmapped page returns what fitted before it, as Linux does).
 */
size_t copy_from_user_partial(void *dst, const void *usrc, size_t n);
size_t copy_to_user_partial(void *udst, const void *src, size_t n);
size_t clear_user_partial(void *udst, size_t n);

/*
 * Copies a NUL-terminated string of at most n bytes including the NUL.
 * Returns its length without the NUL, -ENAMETOOLONG if no NUL was found in
 * n bytes (dst then holds n bytes, unterminated), or -EFAULT.
 */
long strncpy_from_user(char *dst, const char *usrc, size_t n);
/* The length of a user string including its NUL, 0 on a fault, or more than
 * n if there is no NUL in the first n bytes. */
size_t strnlen_user(const char *usrc, size_t n);

/* One naturally sized value; 0 or -EFAULT. */
#define get_user(x, uptr) copy_from_user(&(x), (uptr), sizeof(*(uptr)))
#define put_user(x, uptr) ({						\
	__typeof__(*(uptr)) __pu_v = (x);				\
	copy_to_user((uptr), &__pu_v, sizeof(__pu_v));			\
})

#endif
