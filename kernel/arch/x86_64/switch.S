/*
 * The context switch proper: the callee-saved registers of the SysV ABI go
 * on the old task's stack, the stack pointer changes, and the new task's come
 * off its own. Everything else the C caller already saved or does not need.
 */

/*
 * struct task *__switch_to_asm(unsigned long *prev_sp, unsigned long next_sp,
 *				 struct task *prev)
 * Returns, on the next task's stack, the task switched away from.
 */
	.text
	.globl	__switch_to_asm
	.type	__switch_to_asm, @function
__switch_to_asm:
	pushq	%rbp
	pushq	%rbx
	pushq	%r12
	pushq	%r13
	pushq	%r14
	pushq	%r15
	movq	%rsp, (%rdi)
	movq	%rsi, %rsp
	popq	%r15
	popq	%r14
	popq	%r13
	popq	%r12
	popq	%rbx
	popq	%rbp
	movq	%rdx, %rax
	ret
	.size	__switch_to_asm, . - __switch_to_asm

/*
 * A new task's first return from __switch_to_asm lands here, with the
 * previous task in rax and its function and argument in r12 and r13 (put in
 * its first frame by task_create). The stack is 16-byte aligned here.
 */
	.globl	ret_from_kthread
	.type	ret_from_kthread, @function
ret_from_kthread:
	movq	%rax, %rdi
	call	schedule_tail
	movq	%r13, %rdi
	call	*%r12
	movl	%eax, %edi
	call	task_exit
	ud2
	.size	ret_from_kthread, . - ret_from_kthread
