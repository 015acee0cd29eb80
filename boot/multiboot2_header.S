/*
 * The Multiboot2 header: tells GRUB this is a Multiboot2 kernel, asks for a
 * linear framebuffer and for modules aligned on page boundaries.
 * Multiboot2 spec 3.1 (header layout and tags).
 */
#include <breenix/multiboot2.h>

	.section .multiboot2, "a"
	.balign 8
mb2_header:
	.long	MB2_HEADER_MAGIC
	.long	MB2_ARCH_I386
	.long	mb2_header_end - mb2_header
	.long	0x100000000 - (MB2_HEADER_MAGIC + MB2_ARCH_I386 + (mb2_header_end - mb2_header))

	/* A framebuffer is wanted but optional: the kernel runs without one. */
	.balign 8
	.short	MB2_HEADER_TAG_FRAMEBUFFER, MB2_HEADER_TAG_OPTIONAL
	.long	20
	.long	1024, 768, 32

	.balign 8
	.short	MB2_HEADER_TAG_MODULE_ALIGN, 0
	.long	8

	.balign 8
	.short	MB2_HEADER_TAG_END, 0
	.long	8
mb2_header_end:
