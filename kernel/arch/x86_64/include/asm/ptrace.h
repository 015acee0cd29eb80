/*
 * The register frame built by the interrupt entry code (entry.S): general
 * registers pushed by software, then the vector and error code, then what
 * the CPU pushed (Intel SDM 3A 6.14.1: 64-bit interrupt stack frame).
 */
#ifndef ASM_PTRACE_H
#define ASM_PTRACE_H

#include <stdbool.h>
#include <stdint.h>

struct pt_regs {
	uint64_t r15, r14, r13, r12, r11, r10, r9, r8;
	uint64_t rbp, rdi, rsi, rdx, rcx, rbx, rax;
	uint64_t vector;		/* SYSCALL_VECTOR for syscall/int 0x80 */
	union {
		uint64_t error_code;	/* exceptions */
		uint64_t orig_rax;	/* syscalls: the number asked for */
	};
	uint64_t rip, cs, rflags, rsp, ss;
};

void show_regs(const struct pt_regs *regs);

/* Whether the frame was interrupted in ring 3. */
static inline bool user_mode(const struct pt_regs *regs)
{
	return (regs->cs & 3) == 3;
}

#endif
