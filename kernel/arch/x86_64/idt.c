/*
 * The interrupt descriptor table: 256 interrupt gates (handlers run with IF
 * clear) into the stubs of entry.S; 0-31 are CPU exceptions, 0x80 the
 * int $0x80 system call, the rest IRQs.
 */
#include <stdint.h>
#include <asm/irq_vectors.h>
#include <asm/segment.h>
#include <asm/traps.h>

/* Intel SDM 3A 6.14.1: 64-bit IDT gate descriptor. */
struct idt_gate {
	uint16_t offset_low;
	uint16_t selector;
	uint8_t ist;
	uint8_t type_attr;
	uint16_t offset_mid;
	uint32_t offset_high;
	uint32_t reserved;
} __attribute__((packed));

struct idt_ptr {
	uint16_t limit;
	uint64_t base;
} __attribute__((packed));

#define GATE_INTERRUPT	0x8e	/* present, DPL 0, 64-bit interrupt gate */
#define GATE_DPL3	0x60	/* user code may raise it with int n */

extern const uint64_t vector_stubs[NR_VECTORS];

static struct idt_gate idt[NR_VECTORS] __attribute__((aligned(16)));

static void idt_set_gate(int vector, uint64_t handler)
{
	struct idt_gate *g = &idt[vector];

	g->offset_low = handler & 0xffff;
	g->selector = KERNEL_CS;
	g->ist = 0;
	g->type_attr = GATE_INTERRUPT;
	g->offset_mid = (handler >> 16) & 0xffff;
	g->offset_high = handler >> 32;
	g->reserved = 0;
}

void idt_init(void)
{
	struct idt_ptr ptr = { sizeof(idt) - 1, (uint64_t)idt };
	int v;

	for (v = 0; v < NR_VECTORS; v++)
		idt_set_gate(v, vector_stubs[v]);
	idt[2].ist = IST_NMI;
	idt[8].ist = IST_DOUBLE_FAULT;
	idt[18].ist = IST_MACHINE_CHECK;
	/* int3, into and int $0x80 are for user code; every other vector
	 * raised with int n from ring 3 is a #GP (Intel SDM 3A 6.12.1.1). */
	idt[3].type_attr |= GATE_DPL3;
	idt[4].type_attr |= GATE_DPL3;
	idt[SYSCALL_VECTOR].type_attr |= GATE_DPL3;
	/* inline asm: lidt has no C equivalent. */
	__asm__ volatile("lidt %0" : : "m"(ptr));
}
