/*
 * Device interrupts. Drivers register a handler for an IRQ line (an ISA IRQ
 * number 0-15, or a GSI above that); the arch code routes it through the
 * I/O APIC (or the 8259 PIC where there is no APIC), unmasks it and sends
 * the EOI to the right controller after the handler runs.
 */
#ifndef BREENIX_IRQ_H
#define BREENIX_IRQ_H

#include <stdbool.h>
#include <stdint.h>

/* Called with interrupts disabled; irq is the number it was registered for. */
typedef void (*irq_handler_t)(unsigned int irq, void *data);

/*
 * Brings up the interrupt controllers: the I/O APIC and local APIC when the
 * CPU has an APIC and the MADT an I/O APIC, else the 8259 PIC (through the
 * local APIC in virtual-wire mode when there is one). Call once, after
 * acpi_init() and the page tables (it uses ioremap), before any driver
 * registers a line. Interrupts stay disabled. Command-line switches:
 * noapic (leave the I/O APIC unused), nolapic (leave the local APIC off).
 */
void interrupts_init(void);

/*
 * Returns 0, -EINVAL for a bad line (none such, the PIC cascade, an ISA
 * IRQ another has taken over, NULL handler), -EBUSY if the line is taken,
 * -ENODEV before interrupts_init() or without any interrupt controller.
 */
int irq_register(unsigned int irq, irq_handler_t handler, void *data);
/* Masks the line and forgets its handler. */
void irq_unregister(unsigned int irq);

/* Interrupt counts, for /proc/interrupts. */
struct irq_stat {
	unsigned int vector;
	int irq;		/* the number registered for; -1 if none */
	bool line;		/* a device line (irq_register), not a vector */
	uint64_t count;		/* deliveries, handled or not */
};

/*
 * Fills out (up to max entries) with every vector that has a handler or
 * has fired, in vector order; returns how many there are.
 */
unsigned int irq_stats(struct irq_stat *out, unsigned int max);
uint64_t irq_spurious_count(void);	/* spurious APIC and PIC interrupts */
uint64_t irq_unexpected_count(void);	/* vectors with no handler */
/* The device interrupt controller in use: "IO-APIC", "XT-PIC" or "none". */
const char *irq_chip_name(void);

#endif
