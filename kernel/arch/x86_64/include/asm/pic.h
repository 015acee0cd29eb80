/*
 * The legacy pair of 8259A PICs: remapped to vectors 0x20-0x2f and either
 * fully masked (the I/O APIC serves) or the interrupt controller itself.
 */
#ifndef ASM_PIC_H
#define ASM_PIC_H

#include <stdbool.h>

#define PIC_NR_IRQS	16
#define PIC_CASCADE_IRQ	2

/*
 * Probes for the PICs, remaps them to IRQ_VECTOR_BASE and masks every
 * line (the cascade too). Returns false if no PIC answered.
 */
bool pic_init(void);
void pic_mask(unsigned int irq);
void pic_unmask(unsigned int irq);	/* unmasks the cascade for 8-15 */
void pic_eoi(unsigned int irq);
/*
 * For IRQ 7 and 15: whether the PIC raised it without a line asserted (its
 * in-service bit is clear). A spurious 15 still needs the master's EOI,
 * which this sends.
 */
bool pic_spurious(unsigned int irq);
/* In-service and request registers, slave in the high byte. */
unsigned int pic_read_isr(void);
unsigned int pic_read_irr(void);

#endif
