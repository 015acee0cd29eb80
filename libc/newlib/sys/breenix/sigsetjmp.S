/*
 * sigsetjmp(env, savemask): the signal mask into env when savemask is
 * non-zero, then setjmp's own work on env's jmp_buf, reached by a tail
 * jump so that it records the caller's frame. siglongjmp (sigjmp.c) puts
 * the mask back. Offsets and numbers: setjmp.h's sigjmp_buf, syscalls.tbl.
 */
#define SAVEMASK	64	/* sigjmp_buf's __savemask */
#define MASK		72	/* sigjmp_buf's __mask */
#define NR_rt_sigprocmask 14
#define SIG_BLOCK	0

	.text
	.globl	sigsetjmp
	.type	sigsetjmp, @function
sigsetjmp:
	movl	%esi, SAVEMASK(%rdi)
	testl	%esi, %esi
	jz	1f
	movq	%rdi, %r8		/* env: the syscall keeps r8 */
	leaq	MASK(%rdi), %rdx	/* the old mask into env */
	xorl	%esi, %esi		/* no new one: just read it */
	movl	$SIG_BLOCK, %edi
	movl	$8, %r10d		/* sizeof(sigset_t) */
	movl	$NR_rt_sigprocmask, %eax
	syscall
	movq	%r8, %rdi
1:	jmp	setjmp
	.size	sigsetjmp, . - sigsetjmp

	/* _setjmp leaves the mask alone, as setjmp does here. */
	.globl	_setjmp
	.type	_setjmp, @function
_setjmp:
	jmp	setjmp
	.size	_setjmp, . - _setjmp

	.section .note.GNU-stack, "", @progbits
