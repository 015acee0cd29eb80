/*
 * SMAP brackets for assembly: stac opens user memory to the kernel, clac
 * closes it (Intel SDM 3A 4.6.1). They run only where the CPU has SMAP
 * (uaccess_smap, set by uaccess_init), so older CPUs never see them.
 */
#ifndef ASM_SMAP_H
#define ASM_SMAP_H

#ifdef __ASSEMBLER__
	.macro	UACCESS_BEGIN
	testb	$1, uaccess_smap(%rip)
	jz	.Lno_stac\@
	stac
.Lno_stac\@:
	.endm

	.macro	UACCESS_END
	testb	$1, uaccess_smap(%rip)
	jz	.Lno_clac\@
	clac
.Lno_clac\@:
	.endm
#else
/* Non-zero once SMAP is on. */
extern unsigned char uaccess_smap;
#endif

#endif
