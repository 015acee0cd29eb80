/*
 * Interrupt and exception entry: one stub for each of the 256 vectors pushes
 * a uniform frame (struct pt_regs in asm/ptrace.h) and calls the C dispatcher.
 */

#include <breenix/percpu.h>
#include <asm/segment.h>
#include <asm/smap.h>

/* Intel SDM 3A 6.15: the exceptions for which the CPU pushes an error code. */
#define HAS_ERROR_CODE(v) ((v) == 8 || ((v) >= 10 && (v) <= 14) || \
			   (v) == 17 || (v) == 21 || (v) == 29 || (v) == 30)
/* The vectors on IST stacks, which can arrive with either GS base. */
#define IS_PARANOID(v) ((v) == 2 || (v) == 8 || (v) == 18)

#define MSR_GS_BASE	0xc0000101	/* Intel SDM 4 table 2-2 */
#define SYSCALL_VECTOR	0x80		/* asm/irq_vectors.h */

/* struct pt_regs (asm/ptrace.h): offsets from its start. */
#define PT_CS		144
#define PT_RSP		160
#define PT_REGS_SIZE	176

	.macro	PUSH_REGS
	pushq	%rax
	pushq	%rbx
	pushq	%rcx
	pushq	%rdx
	pushq	%rsi
	pushq	%rdi
	pushq	%rbp
	pushq	%r8
	pushq	%r9
	pushq	%r10
	pushq	%r11
	pushq	%r12
	pushq	%r13
	pushq	%r14
	pushq	%r15
	.endm

	.macro	POP_REGS
	popq	%r15
	popq	%r14
	popq	%r13
	popq	%r12
	popq	%r11
	popq	%r10
	popq	%r9
	popq	%r8
	popq	%rbp
	popq	%rdi
	popq	%rsi
	popq	%rdx
	popq	%rcx
	popq	%rbx
	popq	%rax
	.endm

	.macro	vector_stub v
	.balign	16
vector_\v:
	.if HAS_ERROR_CODE(\v) == 0
	pushq	$0
	.endif
	pushq	$\v
	.if IS_PARANOID(\v)
	jmp	paranoid_common
	.else
	jmp	interrupt_common
	.endif
	.endm

/*
 * Interrupts and exceptions. From user mode (CPL 3 in the saved CS) GS
 * still holds the user's base: swapgs to reach the per-CPU data, and back
 * on the way out, after the C side has done the work due before user mode.
 */
	.text
	.globl	interrupt_common
	.type	interrupt_common, @function
interrupt_common:
	testb	$3, 24(%rsp)		/* saved CS, above vector and error code */
	jz	1f
	swapgs
1:	PUSH_REGS
	cld
	UACCESS_END			/* an interrupted copy's stac ends here */
	movq	%rsp, %rdi
	call	interrupt_dispatch
	testb	$3, PT_CS(%rsp)
	jnz	restore_user_regs
	POP_REGS
	addq	$16, %rsp		/* vector and error code */
	iretq
	.size	interrupt_common, . - interrupt_common

/*
 * NMI, double fault and machine check can interrupt the few instructions
 * between a syscall or iret and its swapgs, so the CPL does not say which
 * GS base is loaded: the MSR does (kernel bases have the top bit set).
 */
	.type	paranoid_common, @function
paranoid_common:
	PUSH_REGS
	cld
	xorl	%ebx, %ebx
	movl	$MSR_GS_BASE, %ecx
	rdmsr
	testl	%edx, %edx
	js	1f
	swapgs
	movl	$1, %ebx		/* callee-saved: swap back on the way out */
1:	movq	%rsp, %rdi
	call	interrupt_dispatch
	testl	%ebx, %ebx
	jz	2f
	swapgs
2:	POP_REGS
	addq	$16, %rsp
	iretq
	.size	paranoid_common, . - paranoid_common

/*
 * The syscall instruction (Intel SDM 2B SYSCALL): RIP in rcx, RFLAGS in
 * r11, CS/SS from STAR, RFLAGS masked by SFMASK (interrupts off), and the
 * stack still the user's. Build a struct pt_regs at the top of the kernel
 * stack, as an interrupt from user mode would, and call the C side.
 */
	.globl	entry_syscall_64
	.type	entry_syscall_64, @function
entry_syscall_64:
	swapgs
	movq	%rsp, %gs:PERCPU_USER_RSP
	movq	%gs:PERCPU_TOP_OF_STACK, %rsp
	pushq	$USER_DS		/* ss */
	pushq	%gs:PERCPU_USER_RSP	/* rsp */
	pushq	%r11			/* rflags */
	pushq	$USER_CS		/* cs */
	pushq	%rcx			/* rip */
	pushq	%rax			/* orig_rax */
	pushq	$SYSCALL_VECTOR
	PUSH_REGS
	cld
	movq	%rsp, %rdi
	call	do_syscall_64
	testb	%al, %al
	jz	restore_user_regs
	/* sysret: do_syscall_64 checked that rcx = rip, r11 = rflags and
	 * that rip is canonical, so sysret cannot fault in ring 0. */
	POP_REGS
	movq	40(%rsp), %rsp		/* the user rsp, above vector..rflags */
	swapgs
	sysretq
	.size	entry_syscall_64, . - entry_syscall_64

/* Back to user mode through iret, with rsp at a struct pt_regs. */
	.type	restore_user_regs, @function
restore_user_regs:
	POP_REGS
	addq	$16, %rsp
	swapgs
	iretq
	.size	restore_user_regs, . - restore_user_regs

/*
 * void ret_to_user(void): leave for user mode with task_pt_regs(current),
 * the frame at the top of the kernel stack (exec of PID 1 from a kthread).
 */
	.globl	ret_to_user
	.type	ret_to_user, @function
ret_to_user:
	cli
	movq	%gs:PERCPU_TOP_OF_STACK, %rsp
	subq	$PT_REGS_SIZE, %rsp
	jmp	return_to_user
	.size	ret_to_user, . - ret_to_user

/*
 * A forked task's first return from __switch_to_asm lands here with the
 * task switched away from in rax and rsp at its struct pt_regs, which
 * arch_copy_thread filled in.
 */
	.globl	ret_from_fork
	.type	ret_from_fork, @function
ret_from_fork:
	movq	%rax, %rdi
	call	schedule_tail
	.size	ret_from_fork, . - ret_from_fork
	/* fall through */
	.type	return_to_user, @function
return_to_user:
	movq	%rsp, %rdi
	call	exit_to_user_mode
	jmp	restore_user_regs
	.size	return_to_user, . - return_to_user

	.irp	v, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47,48,49,50,51,52,53,54,55,56,57,58,59,60,61,62,63,64,65,66,67,68,69,70,71,72,73,74,75,76,77,78,79,80,81,82,83,84,85,86,87,88,89,90,91,92,93,94,95,96,97,98,99,100,101,102,103,104,105,106,107,108,109,110,111,112,113,114,115,116,117,118,119,120,121,122,123,124,125,126,127,128,129,130,131,132,133,134,135,136,137,138,139,140,141,142,143,144,145,146,147,148,149,150,151,152,153,154,155,156,157,158,159,160,161,162,163,164,165,166,167,168,169,170,171,172,173,174,175,176,177,178,179,180,181,182,183,184,185,186,187,188,189,190,191,192,193,194,195,196,197,198,199,200,201,202,203,204,205,206,207,208,209,210,211,212,213,214,215,216,217,218,219,220,221,222,223,224,225,226,227,228,229,230,231,232,233,234,235,236,237,238,239,240,241,242,243,244,245,246,247,248,249,250,251,252,253,254,255
	vector_stub \v
	.endr

	.section .rodata
	.balign	8
	.globl	vector_stubs
vector_stubs:
	.irp	v, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47,48,49,50,51,52,53,54,55,56,57,58,59,60,61,62,63,64,65,66,67,68,69,70,71,72,73,74,75,76,77,78,79,80,81,82,83,84,85,86,87,88,89,90,91,92,93,94,95,96,97,98,99,100,101,102,103,104,105,106,107,108,109,110,111,112,113,114,115,116,117,118,119,120,121,122,123,124,125,126,127,128,129,130,131,132,133,134,135,136,137,138,139,140,141,142,143,144,145,146,147,148,149,150,151,152,153,154,155,156,157,158,159,160,161,162,163,164,165,166,167,168,169,170,171,172,173,174,175,176,177,178,179,180,181,182,183,184,185,186,187,188,189,190,191,192,193,194,195,196,197,198,199,200,201,202,203,204,205,206,207,208,209,210,211,212,213,214,215,216,217,218,219,220,221,222,223,224,225,226,227,228,229,230,231,232,233,234,235,236,237,238,239,240,241,242,243,244,245,246,247,248,249,250,251,252,253,254,255
	.quad	vector_\v
	.endr

/*
 * void arch_capture_regs(struct pt_regs *regs): fills regs with the caller's
 * registers as they are at the call, for panic reports outside exceptions.
 */
	.text
	.globl	arch_capture_regs
	.type	arch_capture_regs, @function
arch_capture_regs:
	movq	%r15, 0(%rdi)
	movq	%r14, 8(%rdi)
	movq	%r13, 16(%rdi)
	movq	%r12, 24(%rdi)
	movq	%r11, 32(%rdi)
	movq	%r10, 40(%rdi)
	movq	%r9, 48(%rdi)
	movq	%r8, 56(%rdi)
	movq	%rbp, 64(%rdi)
	movq	%rdi, 72(%rdi)
	movq	%rsi, 80(%rdi)
	movq	%rdx, 88(%rdi)
	movq	%rcx, 96(%rdi)
	movq	%rbx, 104(%rdi)
	movq	%rax, 112(%rdi)
	movq	$-1, 120(%rdi)		/* vector: none, not an exception */
	movq	$0, 128(%rdi)		/* error code */
	movq	(%rsp), %rax		/* rip: the return address */
	movq	%rax, 136(%rdi)
	movq	%cs, %rax
	movq	%rax, 144(%rdi)
	pushfq
	popq	152(%rdi)
	leaq	8(%rsp), %rax		/* rsp as the caller sees it */
	movq	%rax, 160(%rdi)
	movq	%ss, %rax
	movq	%rax, 168(%rdi)
	movq	112(%rdi), %rax
	ret
	.size	arch_capture_regs, . - arch_capture_regs
