/*
 * The arch half of system calls: the MSRs behind the syscall instruction,
 * the C entry from entry.S, the checks that decide whether sysret may
 * return, the work due before any return to user mode, and arch_prctl.
 */
#include <stdbool.h>
#include <breenix/errno.h>
#include <breenix/printk.h>
#include <breenix/process.h>
#include <breenix/sched.h>
#include <breenix/signal.h>
#include <breenix/syscall.h>
#include <breenix/task.h>
#include <breenix/uaccess.h>
#include <asm/cpu.h>
#include <asm/irq_vectors.h>
#include <asm/msr.h>
#include <asm/prctl.h>
#include <asm/processor.h>
#include <asm/segment.h>
#include <asm/syscall.h>

#define EFER_SCE	(1UL << 0)	/* Intel SDM 4 table 2-2: SYSCALL enable */

void entry_syscall_64(void);

void syscall_init(void)
{
	/* Intel SDM 2B SYSCALL/SYSRET: kernel CS at STAR[47:32] (SS = +8);
	 * SYSRET takes CS = STAR[63:48] + 16 and SS = STAR[63:48] + 8. */
	wrmsr(MSR_STAR, (uint64_t)KERNEL_CS << 32 |
			(uint64_t)(GDT_USER_DS - 8) << 48);
	wrmsr(MSR_LSTAR, (uint64_t)entry_syscall_64);
	/* Enter with interrupts off, DF clear (the ABI), no single-step and
	 * AC clear (SMAP on); the rest too, as Linux does. */
	wrmsr(MSR_SFMASK, X86_EFLAGS_CF | X86_EFLAGS_PF | X86_EFLAGS_AF |
			  X86_EFLAGS_ZF | X86_EFLAGS_SF | X86_EFLAGS_TF |
			  X86_EFLAGS_IF | X86_EFLAGS_DF | X86_EFLAGS_OF |
			  X86_EFLAGS_IOPL | X86_EFLAGS_NT | X86_EFLAGS_RF |
			  X86_EFLAGS_AC | X86_EFLAGS_ID);
	wrmsr(MSR_EFER, rdmsr(MSR_EFER) | EFER_SCE);
}

/* A syscall's kernel-only restart code, which must not reach user mode. */
static bool restart_pending(const struct pt_regs *regs)
{
	int64_t ret = (int64_t)regs->rax;

	return regs->vector == SYSCALL_VECTOR && (int64_t)regs->orig_rax >= 0 &&
	       ret <= -ERESTARTSYS && ret >= -ERESTART_RESTARTBLOCK;
}

/*
 * The work due before user mode, until none is left: deliver signals
 * (which may end the thread), restart an interrupted syscall, switch if a
 * reschedule is pending. Returns with interrupts off.
 */
void exit_to_user_mode(struct pt_regs *regs)
{
	for (;;) {
		local_irq_enable();
		if (signal_pending(current) || restart_pending(regs))
			arch_do_signal_or_restart(regs);
		local_irq_disable();
		if (need_resched()) {
			local_irq_enable();
			schedule();
			continue;
		}
		if (!signal_pending(current))
			return;
	}
}

/*
 * sysret restores RIP from rcx and RFLAGS from r11 and cannot return to a
 * non-canonical RIP without faulting in ring 0 with the user's stack
 * (Intel SDM 2B SYSRET; the 2012 SYSRET vulnerability): use iret unless the
 * frame is exactly what sysret would rebuild. TASK_SIZE is a page below the
 * canonical boundary, which keeps sysret off the last canonical page too.
 */
static bool sysret_safe(const struct pt_regs *regs)
{
	return regs->rcx == regs->rip && regs->r11 == regs->rflags &&
	       regs->cs == USER_CS && regs->ss == USER_DS &&
	       regs->rip < TASK_SIZE &&
	       !(regs->rflags & (X86_EFLAGS_RF | X86_EFLAGS_TF));
}

bool do_syscall_64(struct pt_regs *regs)
{
	local_irq_enable();
	do_syscall(regs);
	exit_to_user_mode(regs);
	return sysret_safe(regs);
}

void do_int80_syscall(struct pt_regs *regs)
{
	regs->orig_rax = regs->rax;
	local_irq_enable();
	do_syscall(regs);
}

SYSCALL_DEFINE2(arch_prctl, int, code, unsigned long, addr)
{
	struct thread_struct *t = &current->thread;

	switch (code) {
	case ARCH_SET_FS:
		if (addr >= TASK_SIZE)
			return -EPERM;
		t->fsbase = addr;
		wrmsr(MSR_FS_BASE, addr);
		return 0;
	case ARCH_SET_GS:
		if (addr >= TASK_SIZE)
			return -EPERM;
		t->gsbase = addr;
		/* The user's GS base waits in KERNEL_GS_BASE for swapgs. */
		wrmsr(MSR_KERNEL_GS_BASE, addr);
		return 0;
	case ARCH_GET_FS:
		return put_user(t->fsbase, (unsigned long *)addr);
	case ARCH_GET_GS:
		return put_user(t->gsbase, (unsigned long *)addr);
	default:
		return -EINVAL;
	}
}
