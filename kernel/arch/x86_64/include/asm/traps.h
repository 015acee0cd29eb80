/* Interrupt descriptor table and CPU exception handling. */
#ifndef ASM_TRAPS_H
#define ASM_TRAPS_H

#include <asm/ptrace.h>

#define NR_EXCEPTIONS	32

void idt_init(void);
void interrupt_dispatch(struct pt_regs *regs);
void arch_capture_regs(struct pt_regs *regs);

#endif
