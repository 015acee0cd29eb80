/*
 * crt0: the entry point of every Breenix program. execve leaves argc,
 * argv[], NULL, envp[], NULL and the auxiliary vector on the stack (the
 * System V x86_64 ABI, section 3.4.1); __libc_start reads them in C.
 */
	.text
	.globl	_start
	.type	_start, @function
_start:
	xorl	%ebp, %ebp		/* the outermost frame, for backtraces */
	movq	%rsp, %rdi		/* argument: the initial stack */
	andq	$-16, %rsp		/* the ABI's call alignment */
	call	__libc_start
	hlt				/* __libc_start does not return */
	.size	_start, . - _start

	.section .note.GNU-stack, "", @progbits
