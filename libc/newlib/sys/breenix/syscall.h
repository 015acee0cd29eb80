/*
 * The system-call layer: the x86_64 `syscall` instruction with Linux's
 * register convention (number in rax, arguments in rdi, rsi, rdx, r10, r8,
 * r9; rcx and r11 clobbered; -errno returned in rax).
 */
#ifndef _BREENIX_SYSCALL_H
#define _BREENIX_SYSCALL_H

#include <sys/syscall.h>

long __syscall6(long n, long a, long b, long c, long d, long e, long f);

#define __sc0(n)		__syscall6(n, 0, 0, 0, 0, 0, 0)
#define __sc1(n, a)		__syscall6(n, (long)(a), 0, 0, 0, 0, 0)
#define __sc2(n, a, b)		__syscall6(n, (long)(a), (long)(b), 0, 0, 0, 0)
#define __sc3(n, a, b, c)	__syscall6(n, (long)(a), (long)(b), (long)(c), 0, 0, 0)
#define __sc4(n, a, b, c, d)	__syscall6(n, (long)(a), (long)(b), (long)(c), (long)(d), 0, 0)
#define __sc5(n, a, b, c, d, e)	__syscall6(n, (long)(a), (long)(b), (long)(c), (long)(d), (long)(e), 0)

/* A raw result into the C convention: -1 with errno set, or the value. */
long __syscall_ret(long r);

/* The usual case: call, then convert. */
#define SYSCALL0(n)			__syscall_ret(__sc0(n))
#define SYSCALL1(n, a)			__syscall_ret(__sc1(n, a))
#define SYSCALL2(n, a, b)		__syscall_ret(__sc2(n, a, b))
#define SYSCALL3(n, a, b, c)		__syscall_ret(__sc3(n, a, b, c))
#define SYSCALL4(n, a, b, c, d)		__syscall_ret(__sc4(n, a, b, c, d))
#define SYSCALL5(n, a, b, c, d, e)	__syscall_ret(__sc5(n, a, b, c, d, e))
#define SYSCALL6(n, a, b, c, d, e, f)	__syscall_ret(__syscall6(n, (long)(a), (long)(b), \
					(long)(c), (long)(d), (long)(e), (long)(f)))

#endif
