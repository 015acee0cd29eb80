/*
 * brk through the raw system call (musl's malloc does not use it): the break
 * starts page-aligned past the data, grows into zeroed memory, shrinks and
 * takes the memory away, and refuses to move below its start or into other
 * mappings, returning the old break as Linux does.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "tap.h"

#define PAGE 4096UL

extern char _end[];

static uintptr_t sbrk_raw(uintptr_t addr)
{
	return (uintptr_t)syscall(SYS_brk, addr);
}

static int read_at(void *addr)
{
	return *(volatile char *)addr;
}

int main(void)
{
	uintptr_t start = sbrk_raw(0), cur;
	char *p;
	int status;
	bool zero = true;

	check(start >= (uintptr_t)_end && start % PAGE == 0,
	      "the initial break is page-aligned, at or past the end of bss", "brk %#lx, _end %p",
	      (unsigned long)start, (void *)_end);
	check(sbrk_raw(0) == start, "brk(0) asks without moving", "moved to %#lx", (unsigned long)sbrk_raw(0));

	cur = sbrk_raw(start + 64 * PAGE);
	check(cur == start + 64 * PAGE, "brk grows by 256 KiB", "got %#lx, want %#lx", (unsigned long)cur,
	      (unsigned long)(start + 64 * PAGE));
	p = (char *)start;
	for (size_t i = 0; i < 64 * PAGE; i++)
		zero &= p[i] == 0;
	check(zero, "the new memory reads as zeroes", "-");
	memset(p, 'x', 64 * PAGE);
	check(p[64 * PAGE - 1] == 'x', "and is writable to its last byte", "-");

	cur = sbrk_raw(start + 10 * PAGE + 5);
	check(cur == start + 10 * PAGE + 5, "brk shrinks to an unaligned value, returned as given", "got %#lx",
	      (unsigned long)cur);
	check(p[10 * PAGE] == 'x', "the page holding the new break stays", "-");
	status = in_child(read_at, p + 11 * PAGE);
	check(died_by(status, SIGSEGV), "the page past it is gone (SIGSEGV)", "child %s", status_str(status));

	cur = sbrk_raw(start + 20 * PAGE);
	check(cur == start + 20 * PAGE && p[12 * PAGE] == 0 && p[10 * PAGE] == 'x',
	      "growing again gives zeroes past the old break and keeps what was below it", "got %#lx, %d",
	      (unsigned long)cur, p[12 * PAGE]);

	cur = sbrk_raw(start - PAGE);
	check(cur == start + 20 * PAGE, "brk below its start fails, returning the current break", "got %#lx",
	      (unsigned long)cur);
	cur = sbrk_raw(start + (1UL << 46));
	check(cur == start + 20 * PAGE, "brk by 64 TiB (far more than RAM) fails, returning the current break", "got %#lx",
	      (unsigned long)cur);

	{
		void *block = mmap((void *)(start + 40 * PAGE), PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS |
				   MAP_FIXED_NOREPLACE, -1, 0);

		if (block == MAP_FAILED) {
			skip("brk into an existing mapping fails", "could not place a mapping after the break");
		} else {
			cur = sbrk_raw(start + 50 * PAGE);
			check(cur == start + 20 * PAGE, "brk into an existing mapping fails", "got %#lx",
			      (unsigned long)cur);
			munmap(block, PAGE);
		}
	}
	cur = sbrk_raw(start);
	check(cur == start, "brk back to its start", "got %#lx", (unsigned long)cur);
	status = in_child(read_at, p);
	check(died_by(status, SIGSEGV), "then the heap's first page is gone", "child %s",
	      status_str(status));
	return done();
}
