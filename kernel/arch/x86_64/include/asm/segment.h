/*
 * The GDT layout. The order of the user selectors is fixed by SYSRET
 * (Intel SDM 2B SYSRET: CS = STAR[63:48] + 16, SS = STAR[63:48] + 8).
 */
#ifndef ASM_SEGMENT_H
#define ASM_SEGMENT_H

#define GDT_KERNEL_CS	0x08
#define GDT_KERNEL_DS	0x10
#define GDT_USER_DS	0x18
#define GDT_USER_CS	0x20
#define GDT_TSS		0x28	/* 16-byte system descriptor */
#define GDT_ENTRIES	7

#define USER_RPL	3
#define KERNEL_CS	GDT_KERNEL_CS
#define KERNEL_DS	GDT_KERNEL_DS
#define USER_CS		(GDT_USER_CS | USER_RPL)
#define USER_DS		(GDT_USER_DS | USER_RPL)

/* Interrupt stack table slots (1-based, as the IDT gate's IST field). */
#define IST_DOUBLE_FAULT	1
#define IST_NMI			2
#define IST_MACHINE_CHECK	3
#define IST_STACKS		3
#define IST_STACK_SIZE		16384

#ifndef __ASSEMBLER__
void gdt_init(void);
/* The stack the CPU switches to on entry from user mode. */
void tss_set_rsp0(unsigned long rsp0);
#endif

#endif
