/*
 * Signal delivery on x86_64, as Linux's arch/x86/kernel/signal*.c: the
 * rt_sigframe (return address, ucontext with the registers and mask,
 * siginfo, then the FXSAVE/XSAVE image) built on the user stack, the
 * restart of interrupted system calls, and rt_sigreturn, which restores it
 * all and refuses what would not be a plain ring-3 context.
 */
#include <string.h>
#include <breenix/errno.h>
#include <breenix/signal.h>
#include <breenix/syscall.h>
#include <breenix/task.h>
#include <breenix/uaccess.h>
#include <asm/cpu.h>
#include <asm/fpu.h>
#include <asm/irq_vectors.h>
#include <asm/processor.h>
#include <asm/segment.h>
#include <uapi/asm/ucontext.h>

/* Intel SDM 1 3.4.3: the RFLAGS bits user mode may change through sigreturn. */
#define FIX_EFLAGS	(X86_EFLAGS_AC | X86_EFLAGS_OF | X86_EFLAGS_DF |	\
			 X86_EFLAGS_TF | X86_EFLAGS_SF | X86_EFLAGS_ZF |	\
			 X86_EFLAGS_AF | X86_EFLAGS_PF | X86_EFLAGS_CF |	\
			 X86_EFLAGS_RF)

#define REDZONE		128	/* SysV x86_64 ABI 3.2.2: below rsp, the leaf's */
#define NR_restart_syscall	219	/* syscalls.tbl */
#define XSAVE_HDR_OFFSET	512	/* Intel SDM 1 13.4.2: the XSAVE header */
#define XSAVE_HDR_SIZE		64
#define XFEATURE_FPSSE		3ULL	/* x87 | SSE */
#define SW_BYTES_OFFSET		464	/* struct _fpstate_64's sw_reserved */
#define FXSAVE_ALIGN		16	/* Intel SDM 2A FXRSTOR: #GP if not aligned */

struct rt_sigframe {
	uint64_t pretcode;		/* sa_restorer: the handler returns there */
	struct ucontext uc;
	siginfo_t info;
};

static bool is_canonical(uint64_t addr)
{
	return (uint64_t)((int64_t)(addr << 16) >> 16) == addr;
}

static size_t fpstate_sigframe_size(void)
{
	return fpu_state_size() + (fpu_xfeatures() ? FP_XSTATE_MAGIC2_SIZE : 0);
}

/* Within the alternate stack, SS_AUTODISARM or not (Linux's __on_sig_stack). */
static bool in_altstack(uint64_t sp)
{
	return sp > current->sas_ss_sp &&
	       sp - current->sas_ss_sp <= current->sas_ss_size;
}

/*
 * Where the frame goes: below the red zone, or at the top of the alternate
 * stack for SA_ONSTACK; FPU image 64-byte aligned, the frame so that rsp
 * is 16-byte aligned minus 8 at the handler's entry, as after a call. A
 * frame that would overflow the alternate stack is refused (SIGSEGV).
 */
static uint64_t get_sigframe(const struct ksignal *ksig,
			     const struct pt_regs *regs, uint64_t *fpstate)
{
	uint64_t sp = regs->rsp;
	bool on_alt = on_sig_stack(sp);

	sp -= REDZONE;
	if ((ksig->ka.sa.sa_flags & SA_ONSTACK) && !sas_ss_flags(sp)) {
		sp = current->sas_ss_sp + current->sas_ss_size;
		on_alt = true;
	}
	sp -= fpstate_sigframe_size();
	sp &= ~(uint64_t)(FPU_STATE_ALIGN - 1);
	*fpstate = sp;
	sp -= sizeof(struct rt_sigframe);
	sp = (sp & ~15ULL) - 8;
	if (on_alt && !in_altstack(sp))
		return 0;
	return sp;
}

/* The live FPU registers to the user's image, with XSAVE's software bytes. */
static int save_fpstate(uint64_t buf)
{
	struct _fpx_sw_bytes sw;
	uint32_t magic2 = FP_XSTATE_MAGIC2;
	size_t size = fpu_state_size();

	fpu_save(current->fpu_state);
	memset(&sw, 0, sizeof(sw));
	if (fpu_xfeatures()) {
		sw.magic1 = FP_XSTATE_MAGIC1;
		sw.extended_size = (uint32_t)(size + FP_XSTATE_MAGIC2_SIZE);
		sw.xfeatures = fpu_xfeatures();
		sw.xstate_size = (uint32_t)size;
	}
	/* buf is in the frame on the user's stack. */
	if (copy_to_user((void *)buf, current->fpu_state, size) ||
	    copy_to_user((void *)(buf + SW_BYTES_OFFSET), &sw, sizeof(sw)))
		return -EFAULT;
	if (fpu_xfeatures() &&
	    copy_to_user((void *)(buf + size), &magic2, sizeof(magic2)))
		return -EFAULT;
	return 0;
}

static void fill_sigcontext(struct sigcontext *sc, const struct pt_regs *regs,
			    sigset_t mask, uint64_t fpstate)
{
	const struct thread_struct *th = &current->thread;

	memset(sc, 0, sizeof(*sc));
	sc->r8 = regs->r8;
	sc->r9 = regs->r9;
	sc->r10 = regs->r10;
	sc->r11 = regs->r11;
	sc->r12 = regs->r12;
	sc->r13 = regs->r13;
	sc->r14 = regs->r14;
	sc->r15 = regs->r15;
	sc->rdi = regs->rdi;
	sc->rsi = regs->rsi;
	sc->rbp = regs->rbp;
	sc->rbx = regs->rbx;
	sc->rdx = regs->rdx;
	sc->rax = regs->rax;
	sc->rcx = regs->rcx;
	sc->rsp = regs->rsp;
	sc->rip = regs->rip;
	sc->eflags = regs->rflags;
	sc->cs = (uint16_t)regs->cs;
	sc->ss = (uint16_t)regs->ss;
	sc->err = th->error_code;
	sc->trapno = th->trap_nr;
	sc->oldmask = mask;
	sc->cr2 = th->cr2;
	sc->fpstate = fpstate;
}

static int setup_rt_frame(struct ksignal *ksig, struct pt_regs *regs)
{
	sigset_t mask = current->restore_sigmask ? current->saved_sigmask :
						    current->blocked;
	struct rt_sigframe frame;
	uint64_t sp, fpstate;

	/* musl and glibc always pass a restorer; without one there is no return. */
	if (!(ksig->ka.sa.sa_flags & SA_RESTORER))
		return -EFAULT;
	sp = get_sigframe(ksig, regs, &fpstate);
	if (!sp || sp >= TASK_SIZE)
		return -EFAULT;
	memset(&frame, 0, sizeof(frame));
	frame.pretcode = (uint64_t)ksig->ka.sa.sa_restorer;
	frame.uc.uc_flags = UC_SIGCONTEXT_SS | UC_STRICT_RESTORE_SS |
			    (fpu_xfeatures() ? UC_FP_XSTATE : 0);
	frame.uc.uc_stack.ss_sp = (void *)current->sas_ss_sp;
	frame.uc.uc_stack.ss_size = current->sas_ss_size;
	frame.uc.uc_stack.ss_flags = sas_ss_flags(regs->rsp) |
				     (int)(current->sas_ss_flags & SS_AUTODISARM);
	fill_sigcontext(&frame.uc.uc_mcontext, regs, mask, fpstate);
	frame.uc.uc_sigmask = mask;
	if (ksig->ka.sa.sa_flags & SA_SIGINFO)
		frame.info = ksig->info;
	/* sp is the frame on the user's stack. */
	if (save_fpstate(fpstate) ||
	    copy_to_user((void *)sp, &frame, sizeof(frame)))
		return -EFAULT;
	regs->rdi = (uint64_t)ksig->sig;
	regs->rax = 0;
	regs->rsi = sp + offsetof(struct rt_sigframe, info);
	regs->rdx = sp + offsetof(struct rt_sigframe, uc);
	regs->rip = (uint64_t)ksig->ka.sa.sa_handler;
	regs->rsp = sp;
	regs->cs = USER_CS;
	regs->ss = USER_DS;
	regs->rflags &= ~(X86_EFLAGS_DF | X86_EFLAGS_RF | X86_EFLAGS_TF);
	/* The handler starts with a clean FPU, as in Linux. */
	fpu_state_init(current->fpu_state);
	fpu_restore(current->fpu_state);
	return 0;
}

/* Whether @regs came from a system call (not an interrupt or a sigreturn). */
static bool in_syscall(const struct pt_regs *regs)
{
	return regs->vector == SYSCALL_VECTOR && (int64_t)regs->orig_rax >= 0;
}

/* Linux's handle_signal: the syscall's restart as the handler's flags say. */
static void handle_signal(struct ksignal *ksig, struct pt_regs *regs)
{
	if (in_syscall(regs)) {
		switch ((int64_t)regs->rax) {
		case -ERESTART_RESTARTBLOCK:
		case -ERESTARTNOHAND:
			regs->rax = (uint64_t)-EINTR;
			break;
		case -ERESTARTSYS:
			if (!(ksig->ka.sa.sa_flags & SA_RESTART)) {
				regs->rax = (uint64_t)-EINTR;
				break;
			}
			/* fall through */
		case -ERESTARTNOINTR:
			regs->rax = regs->orig_rax;
			regs->rip -= 2;	/* syscall and int $0x80 are 2 bytes */
			break;
		}
	}
	signal_setup_done(setup_rt_frame(ksig, regs) != 0, ksig);
}

void arch_do_signal_or_restart(struct pt_regs *regs)
{
	struct ksignal ksig;

	if (get_signal(&ksig)) {
		handle_signal(&ksig, regs);
		return;
	}
	if (in_syscall(regs)) {
		switch ((int64_t)regs->rax) {
		case -ERESTARTNOHAND:
		case -ERESTARTSYS:
		case -ERESTARTNOINTR:
			regs->rax = regs->orig_rax;
			regs->rip -= 2;
			break;
		case -ERESTART_RESTARTBLOCK:
			regs->rax = NR_restart_syscall;
			regs->rip -= 2;
			break;
		}
		/* Restarted or not, it is no longer this syscall's return. */
		regs->orig_rax = (uint64_t)-1;
	}
	restore_saved_sigmask();
}

/*
 * The user's FPU image back into the task, checked first so that FXRSTOR
 * or XRSTOR cannot fault in the kernel: MXCSR within the CPU's mask, an
 * XSAVE header in standard form with known components. An image without
 * XSAVE's magic numbers restores the legacy x87/SSE part only, as Linux.
 */
static int restore_fpstate(uint64_t buf)
{
	size_t size = fpu_state_size();
	uint8_t *area = current->fpu_state;
	struct _fpx_sw_bytes sw;
	uint64_t hdr[XSAVE_HDR_SIZE / 8];
	uint32_t mxcsr, magic2 = 0;
	bool full = false;
	int i;

	if (!buf) {
		fpu_state_init(area);
		fpu_restore(area);
		return 0;
	}
	/* buf is the image in the user's frame. */
	if (copy_from_user(&sw, (void *)(buf + SW_BYTES_OFFSET), sizeof(sw)))
		return -EFAULT;
	if (fpu_xfeatures() && sw.magic1 == FP_XSTATE_MAGIC1 &&
	    sw.xstate_size == size &&
	    sw.extended_size == size + FP_XSTATE_MAGIC2_SIZE &&
	    !copy_from_user(&magic2, (void *)(buf + size), sizeof(magic2)) &&
	    magic2 == FP_XSTATE_MAGIC2)
		full = true;
	fpu_state_init(area);
	/* XRSTOR and FXRSTOR (which Linux runs on the user's image) need these. */
	if (buf & (full ? FPU_STATE_ALIGN - 1 : FXSAVE_ALIGN - 1))
		goto bad;
	if (copy_from_user(area, (void *)buf, full ? size : XSAVE_HDR_OFFSET))
		goto bad;
	memcpy(&mxcsr, area + offsetof(struct _fpstate_64, mxcsr), sizeof(mxcsr));
	if (mxcsr & ~fpu_mxcsr_mask())
		goto bad;
	if (fpu_xfeatures()) {
		memcpy(hdr, area + XSAVE_HDR_OFFSET, sizeof(hdr));
		if (!full) {
			memset(hdr, 0, sizeof(hdr));
			hdr[0] = XFEATURE_FPSSE;
		}
		if (hdr[0] & ~fpu_xfeatures())
			goto bad;
		for (i = 1; i < XSAVE_HDR_SIZE / 8; i++)
			if (hdr[i])
				goto bad;
		memcpy(area + XSAVE_HDR_OFFSET, hdr, sizeof(hdr));
	}
	fpu_restore(area);
	return 0;
bad:
	fpu_state_init(area);
	fpu_restore(area);
	return -EINVAL;
}

/*
 * The frame's selectors as Linux takes them (RPL forced to 3; SS replaced
 * by the user data segment unless the frame says UC_STRICT_RESTORE_SS):
 * false if they are not the 64-bit user code and data segments, where
 * Linux's iret would fault. Breenix has no 32-bit user code segment.
 */
static bool sane_selectors(const struct ucontext *uc)
{
	uint16_t cs = uc->uc_mcontext.cs | USER_RPL;
	uint16_t ss = uc->uc_mcontext.ss | USER_RPL;

	if (!(uc->uc_flags & UC_STRICT_RESTORE_SS))
		ss = USER_DS;
	return cs == USER_CS && ss == USER_DS;
}

/* The general registers and the user-changeable flags come back. */
static void restore_sigcontext(struct pt_regs *regs, const struct sigcontext *sc)
{
	regs->r8 = sc->r8;
	regs->r9 = sc->r9;
	regs->r10 = sc->r10;
	regs->r11 = sc->r11;
	regs->r12 = sc->r12;
	regs->r13 = sc->r13;
	regs->r14 = sc->r14;
	regs->r15 = sc->r15;
	regs->rdi = sc->rdi;
	regs->rsi = sc->rsi;
	regs->rbp = sc->rbp;
	regs->rbx = sc->rbx;
	regs->rdx = sc->rdx;
	regs->rax = sc->rax;
	regs->rcx = sc->rcx;
	regs->rsp = sc->rsp;
	regs->rip = sc->rip;
	regs->rflags = (regs->rflags & ~FIX_EFLAGS) | (sc->eflags & FIX_EFLAGS);
	regs->cs = USER_CS;
	regs->ss = USER_DS;
	regs->orig_rax = (uint64_t)-1;	/* no restart of what sigreturn ends */
}

/*
 * The frame is where the handler's return popped pretcode from. Anything
 * unreadable or unacceptable ends in SIGSEGV for the process; a
 * non-canonical RIP would fault on iret in ring 0, so it faults here as
 * the #GP the process would have taken.
 */
SYSCALL_DEFINE0(rt_sigreturn)
{
	struct pt_regs *regs = task_pt_regs(current);
	struct rt_sigframe frame;
	uint64_t uframe = regs->rsp - 8;
	stack_t st;

	current->restart_block.fn = NULL;
	/* uframe is the frame on the user's stack. */
	if (copy_from_user(&frame, (void *)uframe, sizeof(frame)))
		goto bad;
	set_current_blocked(frame.uc.uc_sigmask);
	restore_sigcontext(regs, &frame.uc.uc_mcontext);
	if (!sane_selectors(&frame.uc))
		goto bad;
	if (restore_fpstate(frame.uc.uc_mcontext.fpstate))
		goto bad;
	/*
	 * As Linux's restore_altstack, whatever sigaltstack says is ignored:
	 * a handler nested on the alternate stack returns onto it (EPERM).
	 */
	st = frame.uc.uc_stack;
	do_sigaltstack(&st, NULL, regs->rsp);
	if (!is_canonical(regs->rip))
		force_sigsegv(0);
	return (long)regs->rax;
bad:
	force_sigsegv(0);
	return 0;
}
