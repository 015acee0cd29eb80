/*
 * Device interrupts. Drivers register a handler for an IRQ line (an ISA IRQ
 * number 0-15, or a GSI above that); the arch code routes it through the
 * I/O APIC (or the 8259 PIC where there is no APIC), unmasks it and sends
 * the EOI to the right controller after the handler runs.
 */
#ifndef BREENIX_IRQ_H
#define BREENIX_IRQ_H

typedef void (*irq_handler_t)(unsigned int irq, void *data);

/* Returns 0, -EINVAL for a bad line, -EBUSY if the line is taken. */
int irq_register(unsigned int irq, irq_handler_t handler, void *data);
void irq_unregister(unsigned int irq);

#endif
