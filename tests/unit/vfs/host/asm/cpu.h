/*
 * Host stand-in for the kernel's <asm/cpu.h>: a test process cannot mask
 * interrupts (cli faults in user mode) and has none to mask, so the
 * spinlocks' irqsave forms just take the lock.
 */
#ifndef ASM_CPU_H
#define ASM_CPU_H

static inline unsigned long local_irq_save(void)
{
	return 0;
}

static inline void local_irq_restore(unsigned long flags)
{
	(void)flags;
}

static inline void cpu_relax(void)
{
}

#endif
