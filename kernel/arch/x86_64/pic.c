/*
 * The two cascaded 8259A PICs of the PC/AT. Always remapped away from the
 * CPU exception vectors (BIOS leaves the master on 0x08-0x0f), then either
 * fully masked for the I/O APIC or used as the interrupt controller.
 */
#include <stdint.h>
#include <asm/io.h>
#include <asm/irq_vectors.h>
#include <asm/pic.h>

#define PIC_MASTER_CMD	0x20
#define PIC_MASTER_DATA	0x21
#define PIC_SLAVE_CMD	0xa0
#define PIC_SLAVE_DATA	0xa1

/* 8259A datasheet: initialization and operation command words. */
#define ICW1_INIT	0x10
#define ICW1_ICW4	0x01	/* ICW4 follows; edge-triggered, cascaded */
#define ICW4_8086	0x01	/* 8086 mode, normal (not automatic) EOI */
#define OCW2_EOI	0x20	/* non-specific EOI */
#define OCW3_READ_IRR	0x0a
#define OCW3_READ_ISR	0x0b

/* All masked, slave lines in the high byte: the IMR contents. */
static uint16_t pic_masks = 0xffff;

/*
 * A write to port 0x80 (the POST code port, decoded by nothing that cares)
 * takes about a microsecond on the ISA bus: the delay the 8259A needs
 * between initialization words on old chipsets.
 */
static void io_wait(void)
{
	outb(0x80, 0);
}

static void write_masks(void)
{
	outb(PIC_MASTER_DATA, pic_masks & 0xff);
	outb(PIC_SLAVE_DATA, pic_masks >> 8);
}

/* As Linux's probe_8259A: a PIC reads back the mask it was given. */
static bool pic_present(void)
{
	const uint8_t probe = (uint8_t)~(1u << PIC_CASCADE_IRQ);

	outb(PIC_SLAVE_DATA, 0xff);
	outb(PIC_MASTER_DATA, probe);
	return inb(PIC_MASTER_DATA) == probe;
}

bool pic_init(void)
{
	if (!pic_present())
		return false;
	outb(PIC_MASTER_CMD, ICW1_INIT | ICW1_ICW4);
	io_wait();
	outb(PIC_SLAVE_CMD, ICW1_INIT | ICW1_ICW4);
	io_wait();
	outb(PIC_MASTER_DATA, IRQ_VECTOR_BASE);		/* ICW2: vector base */
	io_wait();
	outb(PIC_SLAVE_DATA, IRQ_VECTOR_BASE + 8);
	io_wait();
	outb(PIC_MASTER_DATA, 1u << PIC_CASCADE_IRQ);	/* ICW3: slave on IR2 */
	io_wait();
	outb(PIC_SLAVE_DATA, PIC_CASCADE_IRQ);		/* ICW3: cascade id */
	io_wait();
	outb(PIC_MASTER_DATA, ICW4_8086);
	io_wait();
	outb(PIC_SLAVE_DATA, ICW4_8086);
	io_wait();
	pic_masks = 0xffff;
	write_masks();
	return true;
}

void pic_mask(unsigned int irq)
{
	pic_masks |= 1u << irq;
	write_masks();
}

void pic_unmask(unsigned int irq)
{
	pic_masks &= ~(1u << irq);
	if (irq >= 8)
		pic_masks &= ~(1u << PIC_CASCADE_IRQ);
	write_masks();
}

void pic_eoi(unsigned int irq)
{
	if (irq >= 8)
		outb(PIC_SLAVE_CMD, OCW2_EOI);
	outb(PIC_MASTER_CMD, OCW2_EOI);
}

static unsigned int read_reg(uint8_t ocw3)
{
	outb(PIC_MASTER_CMD, ocw3);
	outb(PIC_SLAVE_CMD, ocw3);
	return inb(PIC_MASTER_CMD) | (unsigned int)inb(PIC_SLAVE_CMD) << 8;
}

unsigned int pic_read_isr(void)
{
	return read_reg(OCW3_READ_ISR);
}

unsigned int pic_read_irr(void)
{
	return read_reg(OCW3_READ_IRR);
}

/*
 * 8259A datasheet, "interrupt sequence": a request that goes away before
 * the CPU's acknowledge is answered with the lowest-priority line of the
 * chip (7) and no in-service bit. For a spurious 15 the master did see a
 * real request on the cascade line, so it alone gets the EOI.
 */
bool pic_spurious(unsigned int irq)
{
	if (irq != 7 && irq != 15)
		return false;
	if (pic_read_isr() & (1u << irq))
		return false;
	if (irq == 15)
		outb(PIC_MASTER_CMD, OCW2_EOI);
	return true;
}
