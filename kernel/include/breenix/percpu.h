/*
 * Per-CPU data: one struct percpu per CPU, found through GS (asm/percpu.h).
 * SMP adds instances and points each CPU's MSR_GS_BASE at its own; no code
 * that reads current or the run queue changes.
 */
#ifndef BREENIX_PERCPU_H
#define BREENIX_PERCPU_H

/* Offsets the entry assembly uses, checked against the struct in percpu.c. */
#define PERCPU_USER_RSP		0x30
#define PERCPU_TOP_OF_STACK	0x38

#ifndef __ASSEMBLER__
#include <stdbool.h>

struct task;
struct rq;
struct pt_regs;

struct percpu {
	struct percpu *self;		/* this struct's address, at offset 0 */
	unsigned int cpu;
	int preempt_count;		/* > 0: no preemption on this CPU */
	int need_resched;		/* the running task should yield */
	struct task *current_task;
	struct task *idle;
	struct rq *rq;
	unsigned long user_rsp;		/* syscall entry's scratch slot */
	unsigned long top_of_stack;	/* current's kernel stack top (= RSP0) */
	struct pt_regs *irq_regs;	/* the frame an interrupt handler runs for */
};

#include <asm/percpu.h>

/*
 * Points GS at CPU 0's data. Called first in kmain (spinlocks count
 * preemption through GS from the first printk) and again after gdt_init(),
 * whose segment reload clears the GS base (Intel SDM 3A 3.4.4.1).
 */
void percpu_init_boot(void);

static inline struct percpu *this_cpu_ptr(void)
{
	return this_cpu_read_stable(self);
}

static inline unsigned int smp_processor_id(void)
{
	return this_cpu_read_stable(cpu);
}
#endif

#endif
