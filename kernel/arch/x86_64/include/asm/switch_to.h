/*
 * The architecture half of a task switch: the kernel stack the CPU loads on
 * entry from user mode, the FPU registers, then the registers and stack.
 */
#ifndef ASM_SWITCH_TO_H
#define ASM_SWITCH_TO_H

#include <breenix/task.h>
#include <asm/fpu.h>
#include <asm/segment.h>

/* The callee-saved registers __switch_to_asm pushes, in pop order. */
struct switch_frame {
	unsigned long r15, r14, r13, r12, rbx, rbp;
	unsigned long ret;
};

struct task *__switch_to_asm(unsigned long *prev_sp, unsigned long next_sp,
			     struct task *prev);
void ret_from_kthread(void);
/* Called by ret_from_kthread with the task switched away from. */
void schedule_tail(struct task *prev);

/*
 * FPU state is saved and restored on every switch, not lazily on #NM:
 * eager switching is what Linux does since XSAVEOPT made it cheap, and it
 * leaves no window where a task's registers live in another's hardware.
 */
static inline struct task *switch_to(struct task *prev, struct task *next)
{
	fpu_save(prev->fpu_state);
	fpu_restore(next->fpu_state);
	if (next->stack)
		tss_set_rsp0(task_stack_top(next));
	return __switch_to_asm(&prev->sp, next->sp, prev);
}

#endif
