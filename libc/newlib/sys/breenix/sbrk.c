/*
 * sbrk over brk(2), for newlib's malloc (libc/reent/sbrkr.c calls _sbrk).
 * Linux's brk returns the new break, or the old one when it cannot move.
 */
#include <errno.h>
#include <stdint.h>
#include <unistd.h>
#include "syscall.h"

static uintptr_t cur_brk;

void *sbrk(ptrdiff_t increment)
{
	uintptr_t old, want;

	if (!cur_brk)
		cur_brk = (uintptr_t)__sc1(SYS_brk, 0);
	old = cur_brk;
	want = old + (uintptr_t)increment;
	if (increment && (uintptr_t)__sc1(SYS_brk, want) != want) {
		errno = ENOMEM;
		return (void *)-1;
	}
	cur_brk = want;
	return (void *)old;
}

int brk(void *addr)
{
	if ((uintptr_t)__sc1(SYS_brk, addr) != (uintptr_t)addr) {
		errno = ENOMEM;
		return -1;
	}
	cur_brk = (uintptr_t)addr;
	return 0;
}

void *_sbrk(ptrdiff_t) __attribute__((alias("sbrk")));
