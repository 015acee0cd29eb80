/*
 * What the signal tests (sig*.c, timers.c) share: installing an SA_SIGINFO
 * handler, a stack overflow to catch, and MXCSR, the SSE control and status
 * register, whose default and masks (Intel SDM 1 10.2.3) say how a
 * handler's FPU starts and traps.
 */
#ifndef BREENIX_TESTS_SIGTEST_H
#define BREENIX_TESTS_SIGTEST_H

#include <signal.h>
#include <stdint.h>
#include <string.h>

#define MXCSR_DEFAULT	0x1f80u		/* all exceptions masked, round to nearest */
#define MXCSR_IM	(1u << 7)	/* invalid operation mask */
#define MXCSR_ZM	(1u << 9)	/* divide-by-zero mask */
#define MXCSR_OM	(1u << 10)	/* overflow mask */
#define MXCSR_RZ	0x6000u		/* rounding control: toward zero */

/* @fn takes @sig with its siginfo, under @flags (SA_ONSTACK...). */
static inline void sig_handle(int sig, void (*fn)(int, siginfo_t *, void *), int flags)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = fn;
	sa.sa_flags = SA_SIGINFO | flags;
	sigaction(sig, &sa, NULL);
}

/*
 * Frames of 1 KiB until the stack's end (2^40 of them: no stack limit lets
 * it return); the volatile frame keeps the compiler from folding them.
 */
static inline int recurse(uintptr_t n)
{
	volatile char frame[1024];

	if (n > (1UL << 40))
		return 0;
	frame[0] = (char)n;
	return recurse(n + 1) + frame[0];
}

static inline uint32_t mxcsr_get(void)
{
	uint32_t v;

	__asm__ volatile("stmxcsr %0" : "=m"(v));
	return v;
}

static inline void mxcsr_set(uint32_t v)
{
	__asm__ volatile("ldmxcsr %0" : : "m"(v));
}

#endif
