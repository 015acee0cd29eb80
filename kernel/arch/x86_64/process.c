/*
 * User threads, arch side: where their user registers live, how exec
 * starts one and how fork copies one. The kernel itself never uses the
 * FPU (-mgeneral-regs-only), so a task's FPU area is purely user state.
 */
#include <string.h>
#include <breenix/task.h>
#include <uapi/linux/sched.h>
#include <asm/fpu.h>
#include <asm/msr.h>
#include <asm/processor.h>
#include <asm/segment.h>
#include <asm/switch_to.h>

#define USER_RFLAGS	0x202	/* IF, and the always-one bit 1 (Intel SDM 1 3.4.3) */

_Static_assert(sizeof(struct pt_regs) == 176, "entry.S's PT_REGS_SIZE");

void ret_from_fork(void);

struct pt_regs *task_pt_regs(struct task *t)
{
	return (struct pt_regs *)task_stack_top(t) - 1;
}

void start_thread(struct pt_regs *regs, uint64_t ip, uint64_t sp)
{
	struct task *t = current;

	memset(regs, 0, sizeof(*regs));
	regs->rip = ip;
	regs->rsp = sp;
	regs->cs = USER_CS;
	regs->ss = USER_DS;
	regs->rflags = USER_RFLAGS;
	regs->orig_rax = -1;
	t->thread.fsbase = 0;
	t->thread.gsbase = 0;
	wrmsr(MSR_FS_BASE, 0);
	wrmsr(MSR_KERNEL_GS_BASE, 0);
	/* The registers are live (eager switching): reset them, not just
	 * the saved copy. */
	fpu_state_init(t->fpu_state);
	fpu_restore(t->fpu_state);
}

void arch_copy_thread(struct task *child, struct task *parent,
		      uint64_t newsp, unsigned long clone_flags, uint64_t tls)
{
	struct pt_regs *regs = task_pt_regs(child);
	struct switch_frame *f = (struct switch_frame *)regs - 1;

	*regs = *task_pt_regs(parent);
	regs->rax = 0;
	if (newsp)
		regs->rsp = newsp;
	child->thread = parent->thread;
	if (clone_flags & CLONE_SETTLS)
		child->thread.fsbase = tls;
	/* The parent is running: its registers are newer than its area. */
	fpu_save(parent->fpu_state);
	memcpy(child->fpu_state, parent->fpu_state, fpu_state_size());
	memset(f, 0, sizeof(*f));
	f->ret = (unsigned long)ret_from_fork;
	child->sp = (unsigned long)f;
}
