/* The arch entry points of system calls (syscall.c, called from entry.S). */
#ifndef ASM_SYSCALL_H
#define ASM_SYSCALL_H

#include <stdbool.h>
#include <asm/ptrace.h>

/* Programs STAR, LSTAR and SFMASK and enables the syscall instruction. */
void syscall_init(void);
/* syscall instruction: true if the return may use sysret. */
bool do_syscall_64(struct pt_regs *regs);
/* int $0x80: the same table, returning through iret. */
void do_int80_syscall(struct pt_regs *regs);
/* Before any return to user mode; returns with interrupts off. */
void exit_to_user_mode(struct pt_regs *regs);

#endif
