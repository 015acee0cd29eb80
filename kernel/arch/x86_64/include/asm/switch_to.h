/*
 * The architecture half of a task switch: the kernel stack the CPU loads on
 * entry from user mode, the FPU registers, then the registers and stack.
 */
#ifndef ASM_SWITCH_TO_H
#define ASM_SWITCH_TO_H

#include <breenix/mm_types.h>
#include <breenix/task.h>
#include <breenix/vmm.h>
#include <asm/cpu.h>
#include <asm/fpu.h>
#include <asm/msr.h>
#include <asm/pgtable.h>
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
 * The page tables of next's address space (the kernel's for a kernel
 * thread, which then holds no user mm alive), and its user FS and GS bases:
 * FS directly, GS in KERNEL_GS_BASE until swapgs on the way out.
 */
static inline void switch_mm_and_bases(struct task *next)
{
	uint64_t cr3 = next->mm ? next->mm->pgd_phys : vmm_kernel_pml4();

	if (read_cr3() != cr3)
		write_cr3(cr3);
	if (next->mm) {
		wrmsr(MSR_FS_BASE, next->thread.fsbase);
		wrmsr(MSR_KERNEL_GS_BASE, next->thread.gsbase);
	}
}

/*
 * FPU state is saved and restored on every switch, not lazily on #NM:
 * eager switching is what Linux does since XSAVEOPT made it cheap, and it
 * leaves no window where a task's registers live in another's hardware.
 */
static inline struct task *switch_to(struct task *prev, struct task *next)
{
	fpu_save(prev->fpu_state);
	fpu_restore(next->fpu_state);
	if (next->stack) {
		tss_set_rsp0(task_stack_top(next));
		this_cpu_write(top_of_stack, task_stack_top(next));
	}
	switch_mm_and_bases(next);
	return __switch_to_asm(&prev->sp, next->sp, prev);
}

#endif
