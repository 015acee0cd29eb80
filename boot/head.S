/*
 * The 32-bit entry from GRUB: check that we were loaded by Multiboot2 and that
 * the CPU can run us (long mode, NX), build the early page tables, switch to
 * long mode and jump to the kernel in the higher half.
 */
#include <asm/boot.h>
#include <breenix/multiboot2.h>

/* Intel SDM 3A 2.5 and 4.5: control-register and paging-entry bits. */
#define CR0_PE		(1 << 0)
#define CR0_WP		(1 << 16)
#define CR0_PG		(1 << 31)
#define CR4_PAE		(1 << 5)
#define MSR_EFER	0xC0000080
#define EFER_LME	(1 << 8)
#define EFER_NXE	(1 << 11)
#define PTE_P		(1 << 0)
#define PTE_W		(1 << 1)
#define PTE_PS		(1 << 7)
/* Intel SDM 2A CPUID: extended leaf 0x80000001 EDX. */
#define CPUID_EXT_NX	(1 << 20)
#define CPUID_EXT_LM	(1 << 29)
#define EFLAGS_ID	(1 << 21)

/* Early paging: 4 GiB in 2 MiB pages, except the first 2 MiB in 4 KiB pages
 * so that page 0 stays unmapped and a NULL dereference faults. */
#define EARLY_PDS	4

/* Physical address of a symbol linked in the higher half. */
#define PHYS(sym)	((sym) - KERNEL_VMA)

	.section .boot.text, "ax"
	.code32
	.globl	boot_entry
boot_entry:
	cli
	cld
	movl	$PHYS(boot_stack_top), %esp
	movl	%eax, boot_mb_magic
	movl	%ebx, boot_mb_info
	call	early_serial_init

	cmpl	$MB2_BOOTLOADER_MAGIC, %eax
	jne	.Lno_multiboot
	call	check_cpu
	call	build_page_tables

	movl	%cr4, %eax
	orl	$CR4_PAE, %eax
	movl	%eax, %cr4
	movl	$PHYS(early_pml4), %eax
	movl	%eax, %cr3
	movl	$MSR_EFER, %ecx
	rdmsr
	orl	$(EFER_LME | EFER_NXE), %eax
	wrmsr
	movl	%cr0, %eax
	orl	$(CR0_PG | CR0_WP | CR0_PE), %eax
	movl	%eax, %cr0

	lgdt	boot_gdt_ptr
	ljmp	$BOOT_CS, $boot_entry64

.Lno_multiboot:
	/* The boot information cannot be trusted: report on serial only. */
	movl	$0, boot_mb_info
	movl	$msg_no_multiboot, %esi
	jmp	boot_fail

/* Halts with a message if CPUID, long mode or NX is missing. */
check_cpu:
	pushfl
	popl	%eax
	movl	%eax, %ecx
	xorl	$EFLAGS_ID, %eax
	pushl	%eax
	popfl
	pushfl
	popl	%eax
	pushl	%ecx
	popfl
	cmpl	%eax, %ecx
	je	.Lno_long_mode
	movl	$0x80000000, %eax
	cpuid
	cmpl	$0x80000001, %eax
	jb	.Lno_long_mode
	movl	$0x80000001, %eax
	cpuid
	testl	$CPUID_EXT_LM, %edx
	jz	.Lno_long_mode
	testl	$CPUID_EXT_NX, %edx
	jz	.Lno_nx
	ret
.Lno_long_mode:
	movl	$msg_no_long_mode, %esi
	jmp	boot_fail
.Lno_nx:
	movl	$msg_no_nx, %esi
	jmp	boot_fail

/*
 * PML4[0] (identity, for the switch) and PML4[256] (direct map) share one
 * PDPT covering 0-4 GiB; PML4[511]/PDPT[510] maps the kernel image window
 * 0xFFFFFFFF80000000 onto physical 0-1 GiB. The tables live in .bss, which
 * GRUB has zeroed.
 */
build_page_tables:
	movl	$(PHYS(early_pdpt) + PTE_P + PTE_W), %eax
	movl	%eax, PHYS(early_pml4)
	movl	%eax, PHYS(early_pml4) + 256 * 8
	movl	$(PHYS(early_pdpt_kernel) + PTE_P + PTE_W), %eax
	movl	%eax, PHYS(early_pml4) + 511 * 8

	/* PDPT entries 0-3 point at the four page directories. */
	movl	$PHYS(early_pdpt), %edi
	movl	$(PHYS(early_pd) + PTE_P + PTE_W), %eax
	movl	$EARLY_PDS, %ecx
1:	movl	%eax, (%edi)
	addl	$4096, %eax
	addl	$8, %edi
	loop	1b
	movl	$(PHYS(early_pd) + PTE_P + PTE_W), %eax
	movl	%eax, PHYS(early_pdpt_kernel) + 510 * 8

	/* 2048 directory entries of 2 MiB each: physical 0-4 GiB. */
	movl	$PHYS(early_pd), %edi
	xorl	%ebx, %ebx
	movl	$(PTE_P + PTE_W + PTE_PS), %eax
	movl	$(EARLY_PDS * 512), %ecx
2:	movl	%eax, (%edi)
	movl	%ebx, 4(%edi)
	addl	$0x200000, %eax
	adcl	$0, %ebx
	addl	$8, %edi
	loop	2b

	/* The first 2 MiB again, in 4 KiB pages, leaving page 0 out. */
	movl	$(PHYS(early_pt_low) + PTE_P + PTE_W), %eax
	movl	%eax, PHYS(early_pd)
	movl	$PHYS(early_pt_low) + 8, %edi
	movl	$(0x1000 + PTE_P + PTE_W), %eax
	movl	$511, %ecx
3:	movl	%eax, (%edi)
	addl	$0x1000, %eax
	addl	$8, %edi
	loop	3b
	ret

/* COM1, 115200 8N1, polled: enough to say why the boot failed. */
early_serial_init:
	pushl	%eax
	pushl	%edx
	movw	$0x3f9, %dx		/* IER: no interrupts */
	movb	$0x00, %al
	outb	%al, %dx
	movw	$0x3fb, %dx		/* LCR: DLAB on */
	movb	$0x80, %al
	outb	%al, %dx
	movw	$0x3f8, %dx		/* divisor 1 = 115200 baud */
	movb	$0x01, %al
	outb	%al, %dx
	movw	$0x3f9, %dx
	movb	$0x00, %al
	outb	%al, %dx
	movw	$0x3fb, %dx		/* LCR: 8 data bits, no parity, 1 stop */
	movb	$0x03, %al
	outb	%al, %dx
	movw	$0x3fa, %dx		/* FCR: FIFOs on and cleared */
	movb	$0xc7, %al
	outb	%al, %dx
	popl	%edx
	popl	%eax
	ret

/* Writes the NUL-terminated string at %esi to COM1. */
early_serial_puts:
	pushl	%esi
1:	movb	(%esi), %al
	testb	%al, %al
	jz	3f
	movb	%al, %ah
	movw	$0x3fd, %dx		/* LSR: wait for THR empty (bit 5) */
2:	inb	%dx, %al
	testb	$0x20, %al
	jz	2b
	movb	%ah, %al
	movw	$0x3f8, %dx
	outb	%al, %dx
	incl	%esi
	jmp	1b
3:	popl	%esi
	ret

/* Prints the message at %esi on serial and, where possible, the screen;
 * then halts forever. */
boot_fail:
	call	early_serial_puts
	call	early_screen_puts
	movl	$msg_halt, %esi
	call	early_serial_puts
1:	cli
	hlt
	jmp	1b

/*
 * Finds the framebuffer tag (Multiboot2 spec 3.6.12) in the boot information
 * and draws the message at %esi on it: EGA text cells, or pixels from the
 * console font (whose glyph index equals the ASCII code; a unit test holds the
 * font to that). Framebuffers above 4 GiB are out of reach without paging.
 */
early_screen_puts:
	movl	boot_mb_info, %ebx
	testl	%ebx, %ebx
	jz	9f
	movl	(%ebx), %ecx		/* total_size */
	cmpl	$16, %ecx
	jb	9f
	leal	(%ebx, %ecx), %edx	/* end of the information */
	addl	$8, %ebx		/* first tag */
1:	leal	8(%ebx), %eax
	cmpl	%edx, %eax
	ja	9f
	movl	(%ebx), %eax		/* tag type */
	testl	%eax, %eax
	jz	9f
	cmpl	$MB2_TAG_FRAMEBUFFER, %eax
	je	2f
	movl	4(%ebx), %eax		/* tag size, rounded up to 8 */
	cmpl	$8, %eax
	jb	9f
	addl	$7, %eax
	andl	$~7, %eax
	addl	%eax, %ebx
	jmp	1b
2:	cmpl	$31, 4(%ebx)		/* the common part is 31 bytes */
	jb	9f
	cmpl	$0, 12(%ebx)		/* framebuffer_addr high half */
	jne	9f
	movl	8(%ebx), %edi		/* framebuffer_addr */
	movl	16(%ebx), %eax		/* pitch */
	movl	%eax, fb_pitch
	movzbl	28(%ebx), %eax		/* bpp */
	addl	$7, %eax
	shrl	$3, %eax
	movl	%eax, fb_bytespp
	cmpb	$MB2_FB_TYPE_EGA_TEXT, 29(%ebx)
	je	ega_puts
	cmpb	$MB2_FB_TYPE_RGB, 29(%ebx)
	je	rgb_puts
9:	ret

/* EGA text: two bytes a cell, white on red on the first row. */
ega_puts:
1:	movb	(%esi), %al
	testb	%al, %al
	jz	2f
	movb	$0x4f, %ah
	movw	%ax, (%edi)
	addl	$2, %edi
	incl	%esi
	jmp	1b
2:	ret

/* RGB: draw each character of %esi at the top left in white on black. */
rgb_puts:
	movl	$PHYS(font_psf2_start), %ebx
	cmpl	$0x864ab572, (%ebx)	/* PSF2 magic */
	jne	9f
1:	movzbl	(%esi), %eax
	testb	%al, %al
	jz	9f
	call	rgb_putc
	incl	%esi
	jmp	1b
9:	ret

/* Draws glyph %eax at %edi and advances %edi one cell; %ebx is the font. */
rgb_putc:
	pushl	%esi
	movl	20(%ebx), %ecx		/* bytes per glyph */
	imull	%ecx, %eax
	addl	8(%ebx), %eax		/* + header size */
	leal	(%ebx, %eax), %esi	/* glyph bitmap */
	movl	%edi, glyph_row
	movl	24(%ebx), %ecx		/* height */
1:	pushl	%ecx
	movl	glyph_row, %edi
	xorl	%edx, %edx		/* pixel column */
2:	movl	%edx, %ecx
	shrl	$3, %ecx
	movzbl	(%esi, %ecx), %eax
	movl	%edx, %ecx
	andl	$7, %ecx
	shll	%cl, %eax
	testb	$0x80, %al
	setnz	%al
	negb	%al			/* 0x00 or 0xff for every byte */
	movl	fb_bytespp, %ecx
3:	movb	%al, (%edi)
	incl	%edi
	loop	3b
	incl	%edx
	cmpl	28(%ebx), %edx		/* width */
	jb	2b
	movl	28(%ebx), %eax		/* next bitmap row: (width + 7) / 8 */
	addl	$7, %eax
	shrl	$3, %eax
	addl	%eax, %esi
	movl	fb_pitch, %eax
	addl	%eax, glyph_row
	popl	%ecx
	loop	1b
	/* Next cell: back to the top row, one glyph width to the right. */
	movl	24(%ebx), %eax
	imull	fb_pitch, %eax
	movl	glyph_row, %edi
	subl	%eax, %edi
	movl	28(%ebx), %eax
	imull	fb_bytespp, %eax
	addl	%eax, %edi
	popl	%esi
	ret

	.code64
boot_entry64:
	movw	$BOOT_DS, %ax
	movw	%ax, %ds
	movw	%ax, %es
	movw	%ax, %ss
	xorl	%eax, %eax
	movw	%ax, %fs
	movw	%ax, %gs
	movabsq	$kernel_entry64, %rax
	jmp	*%rax

	.section .boot.data, "aw"
	.balign 8
	.globl	boot_mb_magic, boot_mb_info
boot_mb_magic:	.long 0
boot_mb_info:	.long 0
fb_pitch:	.long 0
fb_bytespp:	.long 0
glyph_row:	.long 0

/* Intel SDM 3A 3.4.5: flat 64-bit code and data descriptors. */
	.balign 8
	.globl	boot_gdt
boot_gdt:
	.quad	0
	.quad	0x00af9a000000ffff	/* 0x08: code, long mode, DPL 0 */
	.quad	0x00cf92000000ffff	/* 0x10: data, DPL 0 */
boot_gdt_end:
boot_gdt_ptr:
	.short	boot_gdt_end - boot_gdt - 1
	.long	boot_gdt

msg_no_multiboot:
	.asciz "Breenix: cannot boot: not loaded by a Multiboot2 boot loader."
msg_no_long_mode:
	.asciz "Breenix: cannot boot: this CPU does not support 64-bit long mode (x86_64)."
msg_no_nx:
	.asciz "Breenix: cannot boot: this CPU does not support the NX (no-execute) bit."
msg_halt:		.asciz "\r\nSystem halted.\r\n"

/* The kernel half: from here on we run at 0xFFFFFFFF80000000 + physical. */
	.text
	.globl	kernel_entry64
	.type	kernel_entry64, @function
kernel_entry64:
	movabsq	$boot_stack_top, %rsp
	lgdt	boot_gdt_ptr_high(%rip)
	xorl	%ebp, %ebp		/* terminates stack traces */
	movl	boot_mb_magic, %edi
	movl	boot_mb_info, %esi
	call	kmain
1:	cli
	hlt
	jmp	1b
	.size	kernel_entry64, . - kernel_entry64

	.data
	.balign 8
boot_gdt_ptr_high:
	.short	boot_gdt_end - boot_gdt - 1
	.quad	boot_gdt + KERNEL_VMA

	.bss
	.balign 4096
	.globl	early_pml4
early_pml4:		.skip 4096
early_pdpt:		.skip 4096
early_pdpt_kernel:	.skip 4096
early_pd:		.skip 4096 * EARLY_PDS
early_pt_low:		.skip 4096
	.balign 16
	.globl	boot_stack
boot_stack:		.skip BOOT_STACK_SIZE
	.globl	boot_stack_top
boot_stack_top:
