/*
 * The only instructions that touch user memory. Each access that can fault
 * is listed in the exception table, whose fixup ends the copy and reports
 * how far it got; with SMAP the accesses run between stac and clac.
 */
#include <asm/extable.h>
#include <asm/smap.h>

#define EFAULT	14	/* asm-generic/errno-base.h */

	.text
/* size_t __copy_user(void *dst, const void *src, size_t n): bytes not copied. */
	.globl	__copy_user
	.type	__copy_user, @function
__copy_user:
	UACCESS_BEGIN
	movq	%rdx, %rcx
1:	rep movsb
2:	UACCESS_END
	movq	%rcx, %rax		/* a fault leaves the count still to do */
	ret
	_ASM_EXTABLE 1b, 2b
	.size	__copy_user, . - __copy_user

/* size_t __clear_user(void *dst, size_t n): bytes not cleared. */
	.globl	__clear_user
	.type	__clear_user, @function
__clear_user:
	UACCESS_BEGIN
	movq	%rsi, %rcx
	xorl	%eax, %eax
1:	rep stosb
2:	UACCESS_END
	movq	%rcx, %rax
	ret
	_ASM_EXTABLE 1b, 2b
	.size	__clear_user, . - __clear_user

/*
 * long __strncpy_from_user(char *dst, const char *src, size_t n): the length
 * copied before a NUL (which is copied too), n if none in n bytes, -EFAULT.
 */
	.globl	__strncpy_from_user
	.type	__strncpy_from_user, @function
__strncpy_from_user:
	UACCESS_BEGIN
	xorl	%eax, %eax
2:	cmpq	%rdx, %rax
	jae	3f
1:	movb	(%rsi,%rax), %cl
	movb	%cl, (%rdi,%rax)
	testb	%cl, %cl
	jz	3f
	incq	%rax
	jmp	2b
3:	UACCESS_END
	ret
4:	UACCESS_END
	movq	$-EFAULT, %rax
	ret
	_ASM_EXTABLE 1b, 4b
	.size	__strncpy_from_user, . - __strncpy_from_user

/*
 * size_t __strnlen_user(const char *src, size_t n): the length with the NUL,
 * n + 1 if there is none in n bytes, 0 on a fault.
 */
	.globl	__strnlen_user
	.type	__strnlen_user, @function
__strnlen_user:
	UACCESS_BEGIN
	xorl	%eax, %eax
2:	cmpq	%rsi, %rax
	jae	3f
1:	cmpb	$0, (%rdi,%rax)
	je	3f
	incq	%rax
	jmp	2b
3:	incq	%rax
	UACCESS_END
	ret
4:	UACCESS_END
	xorl	%eax, %eax
	ret
	_ASM_EXTABLE 1b, 4b
	.size	__strnlen_user, . - __strnlen_user
