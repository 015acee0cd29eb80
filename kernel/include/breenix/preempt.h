/*
 * The preemption count: while it is above zero (a spinlock held, the
 * scheduler running) the task on this CPU is not switched out on the way
 * out of an interrupt. Dropping it to zero with a reschedule pending and
 * interrupts on switches at once.
 */
#ifndef BREENIX_PREEMPT_H
#define BREENIX_PREEMPT_H

#include <breenix/percpu.h>
#include <asm/cpu.h>

void preempt_schedule(void);

static inline int preempt_count(void)
{
	return this_cpu_read(preempt_count);
}

static inline void preempt_disable(void)
{
	this_cpu_add(preempt_count, 1);
}

static inline void preempt_enable_no_resched(void)
{
	this_cpu_add(preempt_count, -1);
}

static inline bool need_resched(void)
{
	return this_cpu_read(need_resched) != 0;
}

static inline bool irqs_disabled(void)
{
	unsigned long flags;

	/* inline asm: RFLAGS.IF can only be read through the stack. */
	__asm__ volatile("pushfq; popq %0" : "=r"(flags));
	return !(flags & X86_EFLAGS_IF);
}

static inline void preempt_enable(void)
{
	preempt_enable_no_resched();
	if (need_resched() && !preempt_count() && !irqs_disabled())
		preempt_schedule();
}

#endif
