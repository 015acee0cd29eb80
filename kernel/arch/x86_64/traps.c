/*
 * CPU exceptions: page faults go to the mm (user addresses) or the
 * exception table (a user access that failed); other faults in user mode
 * become the signal Linux sends, with its si_code and si_addr, forced
 * through (a handler may catch it); anything else in the kernel is a bug:
 * name it, decode what the hardware says (the page-fault error code, CR2)
 * and panic with the faulting frame.
 */
#include <string.h>
#include <breenix/mm_types.h>
#include <breenix/mman.h>
#include <breenix/mutex.h>
#include <breenix/panic.h>
#include <breenix/percpu.h>
#include <breenix/preempt.h>
#include <breenix/printk.h>
#include <breenix/process.h>
#include <breenix/sched.h>
#include <breenix/signal.h>
#include <breenix/uaccess.h>
#include <breenix/vma.h>
#include <breenix/vmalloc.h>
#include <breenix/wait_status.h>
#include <asm/fpu.h>
#include <asm/cpu.h>
#include <asm/extable.h>
#include <asm/irq_vectors.h>
#include <asm/page.h>
#include <asm/syscall.h>
#include <asm/traps.h>

/* Intel SDM 3A 6.3.1, table 6-1. */
static const char *const exception_names[NR_EXCEPTIONS] = {
	[0] = "#DE divide error",
	[1] = "#DB debug",
	[2] = "NMI",
	[3] = "#BP breakpoint",
	[4] = "#OF overflow",
	[5] = "#BR bound range exceeded",
	[6] = "#UD invalid opcode",
	[7] = "#NM device not available",
	[8] = "#DF double fault",
	[9] = "coprocessor segment overrun",
	[10] = "#TS invalid TSS",
	[11] = "#NP segment not present",
	[12] = "#SS stack-segment fault",
	[13] = "#GP general protection",
	[14] = "#PF page fault",
	[16] = "#MF x87 floating-point error",
	[17] = "#AC alignment check",
	[18] = "#MC machine check",
	[19] = "#XM SIMD floating-point",
	[20] = "#VE virtualization",
	[21] = "#CP control protection",
	[28] = "#HV hypervisor injection",
	[29] = "#VC VMM communication",
	[30] = "#SX security",
};

/* Intel SDM 3A 4.7, figure 4-12: page-fault error code bits. */
#define PF_PRESENT	(1 << 0)
#define PF_WRITE	(1 << 1)
#define PF_USER		(1 << 2)
#define PF_RSVD		(1 << 3)
#define PF_INSTR	(1 << 4)
#define PF_PK		(1 << 5)

static void report_page_fault(const struct pt_regs *regs)
{
	uint64_t err = regs->error_code;

	printk(KERN_EMERG "#PF: %s %s access in %s mode at address %016llx\n",
	       err & PF_USER ? "user" : "supervisor",
	       err & PF_INSTR ? "instruction fetch" :
	       err & PF_WRITE ? "write" : "read",
	       err & PF_USER ? "user" : "kernel",
	       (unsigned long long)read_cr2());
	printk(KERN_EMERG "#PF: error_code(0x%04llx) - %s%s%s\n",
	       (unsigned long long)err,
	       err & PF_PRESENT ? "protection violation" : "not-present page",
	       err & PF_RSVD ? ", reserved bit set" : "",
	       err & PF_PK ? ", protection key" : "");
}

void show_regs(const struct pt_regs *regs)
{
	if (regs->vector == 14)
		report_page_fault(regs);
	printk(KERN_EMERG "RIP: %04llx:%016llx RFLAGS: %08llx\n",
	       (unsigned long long)regs->cs, (unsigned long long)regs->rip,
	       (unsigned long long)regs->rflags);
	printk(KERN_EMERG "RSP: %04llx:%016llx\n",
	       (unsigned long long)regs->ss, (unsigned long long)regs->rsp);
	printk(KERN_EMERG "RAX: %016llx RBX: %016llx RCX: %016llx\n",
	       (unsigned long long)regs->rax, (unsigned long long)regs->rbx,
	       (unsigned long long)regs->rcx);
	printk(KERN_EMERG "RDX: %016llx RSI: %016llx RDI: %016llx\n",
	       (unsigned long long)regs->rdx, (unsigned long long)regs->rsi,
	       (unsigned long long)regs->rdi);
	printk(KERN_EMERG "RBP: %016llx R08: %016llx R09: %016llx\n",
	       (unsigned long long)regs->rbp, (unsigned long long)regs->r8,
	       (unsigned long long)regs->r9);
	printk(KERN_EMERG "R10: %016llx R11: %016llx R12: %016llx\n",
	       (unsigned long long)regs->r10, (unsigned long long)regs->r11,
	       (unsigned long long)regs->r12);
	printk(KERN_EMERG "R13: %016llx R14: %016llx R15: %016llx\n",
	       (unsigned long long)regs->r13, (unsigned long long)regs->r14,
	       (unsigned long long)regs->r15);
	printk(KERN_EMERG "CR0: %016llx CR3: %016llx CR4: %016llx\n",
	       (unsigned long long)read_cr0(), (unsigned long long)read_cr3(),
	       (unsigned long long)read_cr4());
}

/*
 * A kernel stack that overflows into its guard page cannot take the page
 * fault (the CPU pushes the frame onto the same stack) and ends up as a
 * double fault on its IST stack: name it for what it is.
 */
static void check_guard_page(const struct pt_regs *regs)
{
	uint64_t addr = read_cr2(), start, end;

	if ((regs->vector != 8 && regs->vector != 14) ||
	    !vmalloc_guard_hit(addr, &start, &end))
		return;
	if (regs->rsp >= start - PAGE_SIZE && regs->rsp < end + PAGE_SIZE)
		panic_regs(regs, "kernel stack overflow: guard page hit at %#llx (stack %#llx-%#llx)",
			   (unsigned long long)addr, (unsigned long long)start,
			   (unsigned long long)end);
	panic_regs(regs, "vmalloc guard page hit at %#llx (area %#llx-%#llx): overrun",
		   (unsigned long long)addr, (unsigned long long)start,
		   (unsigned long long)end);
}

/* An exception the kernel caused and cannot recover from. */
static __attribute__((noreturn)) void die(const struct pt_regs *regs)
{
	uint64_t v = regs->vector;

	check_guard_page(regs);
	panic_regs(regs, "%s (vector %llu, error code 0x%llx)",
		   exception_names[v] ? exception_names[v] : "unknown exception",
		   (unsigned long long)v, (unsigned long long)regs->error_code);
}

/* Whether the signal will kill: no handler to catch it (Linux's unhandled_signal). */
static bool unhandled_signal(int sig)
{
	const struct sighand_struct *sh = current->sighand;
	__sighandler_t h;

	if (!sh)
		return true;
	h = sh->action[sig - 1].sa.sa_handler;
	return h == SIG_DFL || h == SIG_IGN;
}

/*
 * A user fault: the log line (only when nothing will catch it, as Linux's
 * show_signal_msg), the fault's details for the sigcontext, and the signal.
 */
static void user_fault(const struct pt_regs *regs, int sig, int code,
		       uint64_t addr, const char *what, uint64_t shown)
{
	struct thread_struct *th = &current->thread;

	th->trap_nr = regs->vector;
	th->error_code = regs->error_code;
	th->cr2 = regs->vector == 14 ? shown : 0;
	if (unhandled_signal(sig))
		pr_info("%s[%d]: %s at %llx ip %llx sp %llx error %llx\n",
			current->name, current->tid, what,
			(unsigned long long)shown, (unsigned long long)regs->rip,
			(unsigned long long)regs->rsp,
			(unsigned long long)regs->error_code);
	if (code == SI_KERNEL)
		force_sig(sig);
	else
		force_sig_fault(sig, code, addr);
}

/* Linux's codes: no mapping there (or a kernel address), or no permission. */
static int segv_code(uint64_t addr, uint64_t err)
{
	struct vm_area_struct *vma;
	int code = SEGV_MAPERR;

	if (addr >= TASK_SIZE || !current->mm)
		return SEGV_MAPERR;
	if (err & PF_PRESENT)
		return SEGV_ACCERR;
	mutex_lock(&current->mm->mmap_lock);
	vma = vma_find(current->mm, addr);
	if (vma && vma->vm_start <= addr)
		code = SEGV_ACCERR;
	mutex_unlock(&current->mm->mmap_lock);
	return code;
}

static unsigned int fault_flags(uint64_t err)
{
	unsigned int flags = 0;

	if (err & PF_WRITE)
		flags |= FAULT_FLAG_WRITE;
	if (err & PF_INSTR)
		flags |= FAULT_FLAG_EXEC;
	if (err & PF_USER)
		flags |= FAULT_FLAG_USER;
	if (err & PF_PRESENT)
		flags |= FAULT_FLAG_PRESENT;
	return flags;
}

static void do_page_fault(struct pt_regs *regs)
{
	uint64_t addr = read_cr2(), err = regs->error_code;
	bool user = user_mode(regs);
	int r = VM_FAULT_SIGSEGV;

	if (!user) {
		/* Only the uaccess instructions may fault on user memory. */
		if (addr >= TASK_SIZE || (err & PF_RSVD) ||
		    !search_exception_tables(regs->rip)) {
			die(regs);
		}
		/* Where sleeping is not allowed the access just fails. */
		if (!current->mm || preempt_count() ||
		    !(regs->rflags & X86_EFLAGS_IF)) {
			fixup_exception(regs);
			return;
		}
	}
	if (regs->rflags & X86_EFLAGS_IF)
		local_irq_enable();
	if (current->mm && addr < TASK_SIZE && !(err & PF_RSVD))
		r = handle_mm_fault(current->mm, addr, fault_flags(err));
	local_irq_disable();
	if (r == VM_FAULT_OK)
		return;
	if (!user) {
		fixup_exception(regs);
		return;
	}
	local_irq_enable();
	if (r == VM_FAULT_OOM) {
		pr_info("%s[%d]: out of memory: killed on fault at %llx\n",
			current->name, current->tid, (unsigned long long)addr);
		do_group_exit(wstatus_signaled(SIGKILL, 0));
	}
	if (r == VM_FAULT_SIGBUS)
		user_fault(regs, SIGBUS, BUS_ADRERR, addr, "bus error", addr);
	else
		user_fault(regs, SIGSEGV, segv_code(addr, err), addr, "segfault",
			   addr);
}

/*
 * Linux's fpu__exception_code: the first unmasked exception flag of the
 * x87 status word (#MF) or of MXCSR (#XM); 0 for a spurious trap.
 */
static int fpe_code(uint64_t v)
{
	const uint8_t *area = current->fpu_state;
	uint16_t cwd, swd;
	uint32_t mxcsr, err;

	fpu_save(current->fpu_state);
	if (v == 16) {
		memcpy(&cwd, area, sizeof(cwd));
		memcpy(&swd, area + 2, sizeof(swd));
		err = swd & ~cwd;
	} else {
		memcpy(&mxcsr, area + 24, sizeof(mxcsr));
		err = ~(mxcsr >> 7) & mxcsr;
	}
	/* Intel SDM 1 8.1.3: IE, ZE, OE, DE|UE, PE flags in that order of weight. */
	if (err & 0x001)
		return FPE_FLTINV;
	if (err & 0x004)
		return FPE_FLTDIV;
	if (err & 0x008)
		return FPE_FLTOVF;
	if (err & 0x012)
		return FPE_FLTUND;
	if (err & 0x020)
		return FPE_FLTRES;
	return 0;
}

/* Intel SDM 3A 6.3.1 table 6-1, and the signal and code Linux sends for each. */
static void do_user_exception(struct pt_regs *regs)
{
	uint64_t v = regs->vector, ip = regs->rip;
	const char *what = exception_names[v] ? exception_names[v] : "exception";
	int code;

	local_irq_enable();
	switch (v) {
	case 0:				/* #DE */
		user_fault(regs, SIGFPE, FPE_INTDIV, ip, what, ip);
		break;
	case 1:				/* #DB: a single step, or a breakpoint */
		user_fault(regs, SIGTRAP, regs->rflags & X86_EFLAGS_TF ?
			   TRAP_TRACE : TRAP_BRKPT, ip, what, ip);
		break;
	case 3:				/* #BP: int3 is SI_KERNEL on Linux */
	case 4:				/* #OF */
	case 5:				/* #BR */
		user_fault(regs, v == 3 ? SIGTRAP : SIGSEGV, SI_KERNEL, 0, what, ip);
		break;
	case 6:				/* #UD */
		user_fault(regs, SIGILL, ILL_ILLOPN, ip, what, ip);
		break;
	case 16:			/* #MF */
	case 19:			/* #XM */
		code = fpe_code(v);
		if (code)
			user_fault(regs, SIGFPE, code, ip, what, ip);
		break;
	case 17:			/* #AC */
		user_fault(regs, SIGBUS, BUS_ADRALN, 0, what, ip);
		break;
	case 11:			/* #NP */
	case 12:			/* #SS */
		user_fault(regs, SIGBUS, SI_KERNEL, 0, what, ip);
		break;
	default:			/* #GP, #TS... */
		user_fault(regs, SIGSEGV, SI_KERNEL, 0, what, ip);
		break;
	}
}

void interrupt_dispatch(struct pt_regs *regs)
{
	uint64_t v = regs->vector;

	if (v == SYSCALL_VECTOR && user_mode(regs)) {
		do_int80_syscall(regs);
	} else if (v == 14) {
		do_page_fault(regs);
	} else if (v >= NR_EXCEPTIONS) {
		struct pt_regs *old = this_cpu_read(irq_regs);

		this_cpu_write(irq_regs, regs);
		irq_handle_vector(regs);
		this_cpu_write(irq_regs, old);
		/* The kernel is preemptible: a tick or wakeup that asked for a
		 * switch gets it here, once the interrupt is acknowledged. */
		if (!user_mode(regs) && (regs->rflags & X86_EFLAGS_IF))
			preempt_schedule_irq();
	} else if (user_mode(regs) && v != 2 && v != 8 && v != 18) {
		do_user_exception(regs);
	} else if (!user_mode(regs) && v == 13 && fixup_exception(regs)) {
		return;		/* a uaccess #GP (non-canonical address) */
	} else {
		die(regs);
	}
	if (user_mode(regs))
		exit_to_user_mode(regs);
}
