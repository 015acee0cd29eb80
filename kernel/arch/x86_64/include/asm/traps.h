/* Interrupt descriptor table and CPU exception handling. */
#ifndef ASM_TRAPS_H
#define ASM_TRAPS_H

#include <asm/ptrace.h>

#define NR_EXCEPTIONS	32
#define NR_VECTORS	256


void idt_init(void);
void interrupt_dispatch(struct pt_regs *regs);
void arch_capture_regs(struct pt_regs *regs);

/* Vectors 32-255: device interrupts, IPIs, spurious (arch/x86_64/irq.c). */
void irq_handle_vector(struct pt_regs *regs);

#endif
