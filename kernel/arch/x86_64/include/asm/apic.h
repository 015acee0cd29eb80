/*
 * The local APIC (xAPIC mode, memory-mapped) and the I/O APICs. The local
 * APIC accessors are for the timer code too: it programs the LVT timer and
 * its counters through lapic_read()/lapic_write() with the offsets below.
 */
#ifndef ASM_APIC_H
#define ASM_APIC_H

#include <stdbool.h>
#include <stdint.h>
#include <breenix/acpi.h>

/* Intel SDM 3A 11.4.1, table 11-1: local APIC register offsets. */
#define APIC_ID			0x020
#define APIC_VERSION		0x030
#define APIC_TPR		0x080
#define APIC_EOI		0x0b0
#define APIC_SVR		0x0f0
#define APIC_ISR		0x100	/* 8 registers, 0x10 apart */
#define APIC_TMR		0x180
#define APIC_IRR		0x200
#define APIC_ESR		0x280
#define APIC_LVT_CMCI		0x2f0
#define APIC_ICR_LOW		0x300
#define APIC_ICR_HIGH		0x310
#define APIC_LVT_TIMER		0x320
#define APIC_LVT_THERMAL	0x330
#define APIC_LVT_PERF		0x340
#define APIC_LVT_LINT0		0x350
#define APIC_LVT_LINT1		0x360
#define APIC_LVT_ERROR		0x370
#define APIC_TIMER_INIT_COUNT	0x380
#define APIC_TIMER_CUR_COUNT	0x390
#define APIC_TIMER_DIVIDE	0x3e0

/* Intel SDM 3A 11.9: spurious-interrupt vector register. */
#define APIC_SVR_ENABLE		(1u << 8)

/* Intel SDM 3A 11.5.1, figure 11-8: local vector table entries. */
#define APIC_LVT_VECTOR_MASK	0xffu
#define APIC_DM_FIXED		(0u << 8)
#define APIC_DM_NMI		(4u << 8)
#define APIC_DM_EXTINT		(7u << 8)
#define APIC_LVT_ACTIVE_LOW	(1u << 13)
#define APIC_LVT_LEVEL		(1u << 15)
#define APIC_LVT_MASKED		(1u << 16)
#define APIC_LVT_TIMER_ONESHOT	(0u << 17)
#define APIC_LVT_TIMER_PERIODIC	(1u << 17)
#define APIC_LVT_TIMER_TSC_DEADLINE (2u << 17)

/* Intel SDM 3A 11.5.4, figure 11-10: divide configuration values. */
#define APIC_TIMER_DIV_1	0xb
#define APIC_TIMER_DIV_2	0x0
#define APIC_TIMER_DIV_4	0x1
#define APIC_TIMER_DIV_8	0x2
#define APIC_TIMER_DIV_16	0x3
#define APIC_TIMER_DIV_32	0x8
#define APIC_TIMER_DIV_64	0x9
#define APIC_TIMER_DIV_128	0xa

/* Intel SDM 3A 11.6.1, figure 11-12: interrupt command register. */
#define APIC_ICR_BUSY		(1u << 12)
#define APIC_ICR_ASSERT		(1u << 14)
#define APIC_ICR_DEST_SELF	(1u << 18)

/* CPUID.1:EDX.APIC: the CPU has a local APIC at all. */
bool cpu_has_apic(void);

/*
 * Whether the local APIC is mapped and enabled (interrupts_init() ran and
 * found one). Without it lapic_read() returns 0 and lapic_write() and
 * lapic_eoi() do nothing: the timer code checks this first.
 */
bool lapic_available(void);
uint32_t lapic_read(uint32_t reg);
void lapic_write(uint32_t reg, uint32_t val);
uint32_t lapic_id(void);		/* this CPU's APIC id */
void lapic_eoi(void);
/* Whether vector is in service (ISR bit set), i.e. awaits an EOI. */
bool lapic_in_service(unsigned int vector);
bool lapic_pending(unsigned int vector);	/* IRR bit set */
/* A fixed interrupt with vector to this CPU; false if the ICR stays busy. */
bool lapic_send_self_ipi(unsigned int vector);

/*
 * Enables and programs this CPU's local APIC: spurious vector 0xff, TPR 0,
 * every LVT entry masked except LINT0/1: ExtINT on LINT0 when extint (the
 * 8259 wired through, "virtual wire"), NMIs as the MADT says (LINT1 by
 * default). madt may be NULL. Returns 0 or -errno.
 */
int lapic_init(const struct acpi_madt_info *madt, bool extint);
/* Turns the local APIC off in IA32_APIC_BASE (the 8259 then drives INTR). */
void lapic_hw_disable(void);

/* Maps every I/O APIC of the MADT and masks all its pins; 0 or -errno. */
int ioapic_init(const struct acpi_madt_info *madt, uint32_t dest_apic_id);
bool ioapic_has_gsi(uint32_t gsi);
/* Routes gsi to vector on the CPU given to ioapic_init, unmasked. */
void ioapic_route(uint32_t gsi, unsigned int vector, bool level,
		  bool active_low);
void ioapic_mask(uint32_t gsi);
/* The raw 64-bit redirection entry of gsi (82093AA datasheet 3.2.4). */
uint64_t ioapic_read_entry(uint32_t gsi);

/* 82093AA datasheet 3.2.4: redirection table entry bits. */
#define IOAPIC_RTE_ACTIVE_LOW	(1u << 13)
#define IOAPIC_RTE_LEVEL	(1u << 15)
#define IOAPIC_RTE_MASKED	(1u << 16)

#endif
