/*
 * System calls. kernel/syscalls.tbl lists them (Linux x86_64 numbers); the
 * build generates the dispatch table from it. A syscall is written with
 * SYSCALL_DEFINEn(name, type, arg, ...), which defines __x64_sys_name(regs)
 * for the table and a typed body, as Linux does: arguments arrive in rdi,
 * rsi, rdx, r10, r8, r9 and are cast to the declared types.
 */
#ifndef BREENIX_SYSCALL_H
#define BREENIX_SYSCALL_H

#include <stdbool.h>
#include <asm/ptrace.h>

typedef long (*syscall_fn_t)(const struct pt_regs *regs);

#define __SYSCALL_DEFINE(name, decl, args)				\
	static long __do_sys_##name decl;				\
	long __x64_sys_##name(const struct pt_regs *regs);		\
	long __x64_sys_##name(const struct pt_regs *regs)		\
	{								\
		(void)regs;						\
		return __do_sys_##name args;				\
	}								\
	static long __do_sys_##name decl

#define SYSCALL_DEFINE0(name)						\
	__SYSCALL_DEFINE(name, (void), ())
#define SYSCALL_DEFINE1(name, t1, a1)					\
	__SYSCALL_DEFINE(name, (t1 a1), ((t1)regs->rdi))
#define SYSCALL_DEFINE2(name, t1, a1, t2, a2)				\
	__SYSCALL_DEFINE(name, (t1 a1, t2 a2),				\
			 ((t1)regs->rdi, (t2)regs->rsi))
#define SYSCALL_DEFINE3(name, t1, a1, t2, a2, t3, a3)			\
	__SYSCALL_DEFINE(name, (t1 a1, t2 a2, t3 a3),			\
			 ((t1)regs->rdi, (t2)regs->rsi, (t3)regs->rdx))
#define SYSCALL_DEFINE4(name, t1, a1, t2, a2, t3, a3, t4, a4)		\
	__SYSCALL_DEFINE(name, (t1 a1, t2 a2, t3 a3, t4 a4),		\
			 ((t1)regs->rdi, (t2)regs->rsi, (t3)regs->rdx,	\
			  (t4)regs->r10))
#define SYSCALL_DEFINE5(name, t1, a1, t2, a2, t3, a3, t4, a4, t5, a5)	\
	__SYSCALL_DEFINE(name, (t1 a1, t2 a2, t3 a3, t4 a4, t5 a5),	\
			 ((t1)regs->rdi, (t2)regs->rsi, (t3)regs->rdx,	\
			  (t4)regs->r10, (t5)regs->r8))
#define SYSCALL_DEFINE6(name, t1, a1, t2, a2, t3, a3, t4, a4, t5, a5, t6, a6) \
	__SYSCALL_DEFINE(name, (t1 a1, t2 a2, t3 a3, t4 a4, t5 a5, t6 a6), \
			 ((t1)regs->rdi, (t2)regs->rsi, (t3)regs->rdx,	\
			  (t4)regs->r10, (t5)regs->r8, (t6)regs->r9))

/* Runs syscall regs->orig_rax with regs' arguments; the result goes in rax. */
void do_syscall(struct pt_regs *regs);

/* The `strace` command-line switch: log every syscall on the serial port. */
extern bool syscall_trace;

#endif
