/*
 * The interrupt vector map, and handlers for vectors that are not device
 * lines (the local APIC timer, IPIs). Vectors 0-31 are CPU exceptions.
 *
 *   0x20-0x7f  device IRQs: 0x20 + GSI under the I/O APIC, 0x20 + ISA IRQ
 *              under the 8259 PIC (the PIC is remapped there in every mode,
 *              away from the exception vectors its BIOS setting uses)
 *   0x80       system calls (int $0x80)
 *   0x81-0xee  free for irq_register_vector() (MSI later)
 *   0xef       local APIC timer
 *   0xf0-0xfd  inter-processor interrupts (SMP, later)
 *   0xfe       local APIC error
 *   0xff       local APIC spurious interrupt: never acknowledged
 *
 * The local APIC ranks a vector by its top four bits (Intel SDM 3A 11.8.3),
 * so the timer and IPIs outrank every device line.
 */
#ifndef ASM_IRQ_VECTORS_H
#define ASM_IRQ_VECTORS_H

#include <stdint.h>
#include <breenix/irq.h>

#define IRQ_VECTOR_BASE		0x20
#define IRQ_VECTOR_LAST		0x7f
#define NR_IRQ_LINES		(IRQ_VECTOR_LAST - IRQ_VECTOR_BASE + 1)
#define SYSCALL_VECTOR		0x80
#define LOCAL_TIMER_VECTOR	0xef
#define FIRST_IPI_VECTOR	0xf0
#define ERROR_APIC_VECTOR	0xfe
#define SPURIOUS_APIC_VECTOR	0xff

/*
 * For local APIC sources (the timer on LOCAL_TIMER_VECTOR, IPIs): each
 * delivery of vector is acknowledged (local APIC EOI) and then handled by
 * handler(vector, data), interrupts disabled; acknowledging first lets a
 * handler switch tasks without holding back other interrupts. Vectors
 * 0x81-0xfe are accepted. Returns 0, -EINVAL for a vector outside that
 * range or a NULL handler, -EBUSY if it is taken, -ENODEV without a local
 * APIC.
 */
int irq_register_vector(unsigned int vector, irq_handler_t handler,
			void *data);
void irq_unregister_vector(unsigned int vector);

/* Deliveries of vector so far, handled or not (spurious ones excluded). */
uint64_t irq_vector_count(unsigned int vector);

#endif
