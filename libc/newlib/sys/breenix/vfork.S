/*
 * vfork(2): the child borrows the parent's stack until it execs or exits,
 * so nothing may be stored there between the call and the return. The
 * return address is kept in a register across the system call, not on
 * the stack the child is about to overwrite (musl does the same).
 */
	.text
	.globl	vfork
	.type	vfork, @function
vfork:
	popq	%rdx			/* the return address, out of the shared stack */
	movl	$58, %eax		/* SYS_vfork */
	syscall
	pushq	%rdx
	movq	%rax, %rdi
	jmp	__syscall_ret		/* -errno into errno */
	.size	vfork, . - vfork

	.section .note.GNU-stack, "", @progbits
