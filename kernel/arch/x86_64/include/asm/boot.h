/*
 * Constants shared by the boot stub (assembly) and the kernel: where the
 * image sits in physical and virtual memory. Included from .S files too.
 */
#ifndef ASM_BOOT_H
#define ASM_BOOT_H

/* The kernel half starts here; the image is linked 2 GiB below the top. */
#define KERNEL_VMA		0xFFFFFFFF80000000
/* Direct map of physical memory (Linux's page_offset_base). */
#define DIRECT_MAP_BASE		0xFFFF800000000000
/* Physical load address: 2 MiB keeps the image clear of firmware areas. */
#define KERNEL_PHYS		0x200000

#define BOOT_STACK_SIZE		16384

/* Selectors of the boot GDT (boot/head.S). */
#define BOOT_CS			0x08
#define BOOT_DS			0x10

#endif
