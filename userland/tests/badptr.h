/*
 * Bad-pointer runs shared by the EFAULT tests: each call of a table gets
 * each bad pointer (NULL, an unmapped page, a PROT_NONE page, a read-only
 * page for results, a buffer running off its mapping, the kernel half,
 * kernel text, a non-canonical address, the end of the 47-bit lower half)
 * in a child of its own, and must fail with EFAULT while the caller lives.
 */
#ifndef BREENIX_TESTS_BADPTR_H
#define BREENIX_TESTS_BADPTR_H

#include <stddef.h>

/*
 * What a call does with its pointer. IN: the kernel reads it; OUT: it
 * writes it; KERNEL_ONLY: only addresses outside user space may be tried
 * (the call would wait or succeed on a user one); NULL_OK: NULL means
 * "none"; NO_EDGE: a buffer running off its mapping is a partial success on
 * Linux (bytes moved before the fault, a shorter string).
 */
enum { IN = 1, OUT = 2, KERNEL_ONLY = 4, NULL_OK = 8, NO_EDGE = 16 };

/*
 * fn returns the raw syscall's result with errno set; -2 means EFAULT but a
 * child it forked was left unreaped, -3 that its own setup failed.
 */
struct badptr_call {
	const char *name;
	long (*fn)(void *);
	int kind;
};

/* Maps the bad pages; 0, or -1 after reporting a failed case. */
int badptr_setup(void);
/* Every call of @calls with every bad pointer that applies to it. */
void badptr_run(const struct badptr_call *calls, size_t n);

#endif
