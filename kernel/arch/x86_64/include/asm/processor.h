/*
 * Per-thread CPU state beyond the saved registers (the FS and GS bases of
 * user mode), and the arch half of creating, starting and copying user
 * threads. A user thread's struct pt_regs sits at the top of its kernel
 * stack: the CPU's RSP0 is that top, and syscall entry builds the same frame.
 */
#ifndef ASM_PROCESSOR_H
#define ASM_PROCESSOR_H

#include <stdint.h>
#include <asm/ptrace.h>

struct thread_struct {
	uint64_t fsbase;		/* arch_prctl(ARCH_SET_FS): user TLS */
	uint64_t gsbase;		/* arch_prctl(ARCH_SET_GS) */
	/* The last user fault, for the signal frame's sigcontext. */
	uint64_t trap_nr, error_code, cr2;
};

struct task;

/* The user-mode registers of @t, at the top of its kernel stack. */
struct pt_regs *task_pt_regs(struct task *t);

/*
 * exec: start the current thread at @ip with stack @sp in 64-bit user mode,
 * with clean registers, FPU state and FS/GS bases. Takes effect when the
 * thread returns to user mode.
 */
void start_thread(struct pt_regs *regs, uint64_t ip, uint64_t sp);

/*
 * fork/clone: give @child a copy of @parent's user registers, FPU state and
 * bases, so that it returns to user mode from the same syscall with rax 0;
 * on @newsp (if non-zero) and with FS base @tls (if CLONE_SETTLS).
 */
void arch_copy_thread(struct task *child, struct task *parent,
		      uint64_t newsp, unsigned long clone_flags, uint64_t tls);

/*
 * Signals due on the way to user mode: one handler's frame is set up, or
 * an interrupted syscall restarted (arch/x86_64/signal.c).
 */
void arch_do_signal_or_restart(struct pt_regs *regs);

/* Leaves the kernel for user mode with task_pt_regs(current). */
__attribute__((noreturn)) void ret_to_user(void);

#endif
