/*
 * Host stand-in for the kernel's <asm/cpu.h>: mm_types.h reaches it through
 * the mutex's spinlock, which the VMA policy never takes.
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
