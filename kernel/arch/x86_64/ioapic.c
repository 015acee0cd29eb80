/*
 * The I/O APICs the MADT names: each turns a range of GSIs into messages to
 * a local APIC. Every pin starts masked; irq.c routes and unmasks lines as
 * drivers register them. Callers serialize (irq.c holds its lock).
 */
#include <stdint.h>
#include <breenix/errno.h>
#include <breenix/printk.h>
#include <breenix/vmalloc.h>
#include <asm/apic.h>
#include <asm/irq_vectors.h>

/* 82093AA datasheet 3.0: an index register and a data window. */
#define IOREGSEL		0x00
#define IOWIN			0x10
#define IOAPIC_MMIO_SIZE	0x20

/* 82093AA datasheet 3.2: indirect registers. */
#define IOAPIC_REG_VERSION	0x01
#define IOAPIC_REDTBL(pin)	(0x10 + 2 * (pin))

struct ioapic {
	volatile uint32_t *regs;
	uint32_t phys;
	uint8_t id;
	uint32_t gsi_base;
	unsigned int nr_pins;
};

static struct ioapic ioapics[ACPI_MAX_IOAPICS];
static unsigned int nr_ioapics;
static uint32_t dest_apic;

/* MMIO: select a register through IOREGSEL, then access it in IOWIN. */
static uint32_t io_read(struct ioapic *io, uint32_t reg)
{
	io->regs[IOREGSEL / 4] = reg;
	return io->regs[IOWIN / 4];
}

static void io_write(struct ioapic *io, uint32_t reg, uint32_t val)
{
	io->regs[IOREGSEL / 4] = reg;
	io->regs[IOWIN / 4] = val;
}

/*
 * 82093AA datasheet 3.2.4: bits 63-56 of an entry are the destination APIC
 * id (physical mode). Masked first, so no half-written entry can fire.
 */
static void write_entry(struct ioapic *io, unsigned int pin, uint32_t low)
{
	io_write(io, IOAPIC_REDTBL(pin), IOAPIC_RTE_MASKED);
	io_write(io, IOAPIC_REDTBL(pin) + 1, dest_apic << 24);
	io_write(io, IOAPIC_REDTBL(pin), low);
}

static struct ioapic *ioapic_of(uint32_t gsi, unsigned int *pin)
{
	unsigned int i;

	for (i = 0; i < nr_ioapics; i++) {
		struct ioapic *io = &ioapics[i];

		if (gsi >= io->gsi_base && gsi - io->gsi_base < io->nr_pins) {
			*pin = gsi - io->gsi_base;
			return io;
		}
	}
	return NULL;
}

static bool overlaps(uint32_t base, unsigned int n)
{
	unsigned int i;

	for (i = 0; i < nr_ioapics; i++) {
		const struct ioapic *io = &ioapics[i];

		if (base < io->gsi_base + io->nr_pins &&
		    io->gsi_base < base + n)
			return true;
	}
	return false;
}

static void ioapic_add(const struct acpi_madt_ioapic *m)
{
	struct ioapic *io = &ioapics[nr_ioapics];
	uint32_t version;
	unsigned int pin;

	io->regs = ioremap(m->address, IOAPIC_MMIO_SIZE);
	if (!io->regs) {
		pr_err("IOAPIC: cannot map id %u at %#x\n", m->id, m->address);
		return;
	}
	version = io_read(io, IOAPIC_REG_VERSION);
	/* 82093AA datasheet 3.2.2: bits 23-16 hold the highest pin number. */
	io->nr_pins = ((version >> 16) & 0xff) + 1;
	if (version == 0xffffffff || overlaps(m->gsi_base, io->nr_pins)) {
		pr_warn("IOAPIC: id %u at %#x ignored: %s\n", m->id, m->address,
			version == 0xffffffff ? "nothing answers there" :
			"its GSIs overlap another IOAPIC's");
		iounmap((void *)io->regs);
		io->regs = NULL;
		return;
	}
	io->phys = m->address;
	io->id = m->id;
	io->gsi_base = m->gsi_base;
	for (pin = 0; pin < io->nr_pins; pin++)
		write_entry(io, pin, IOAPIC_RTE_MASKED);
	pr_info("IOAPIC: id %u at %#x, version %#x, GSI %u-%u\n", io->id,
		io->phys, version & 0xff, io->gsi_base,
		io->gsi_base + io->nr_pins - 1);
	if (io->gsi_base + io->nr_pins > NR_IRQ_LINES)
		pr_warn("IOAPIC: GSIs from %u on have no vector: unusable\n",
			NR_IRQ_LINES);
	nr_ioapics++;
}

int ioapic_init(const struct acpi_madt_info *madt, uint32_t dest_apic_id)
{
	unsigned int i;

	dest_apic = dest_apic_id;
	for (i = 0; i < madt->nr_ioapics; i++)
		ioapic_add(&madt->ioapics[i]);
	return nr_ioapics ? 0 : -ENODEV;
}

bool ioapic_has_gsi(uint32_t gsi)
{
	unsigned int pin;

	return ioapic_of(gsi, &pin) != NULL;
}

/* 82093AA datasheet 3.2.4: fixed delivery, physical destination. */
void ioapic_route(uint32_t gsi, unsigned int vector, bool level,
		  bool active_low)
{
	unsigned int pin;
	struct ioapic *io = ioapic_of(gsi, &pin);
	uint32_t low = vector & 0xff;

	if (!io)
		return;
	if (level)
		low |= IOAPIC_RTE_LEVEL;
	if (active_low)
		low |= IOAPIC_RTE_ACTIVE_LOW;
	write_entry(io, pin, low);
}

void ioapic_mask(uint32_t gsi)
{
	unsigned int pin;
	struct ioapic *io = ioapic_of(gsi, &pin);

	if (io)
		io_write(io, IOAPIC_REDTBL(pin),
			 io_read(io, IOAPIC_REDTBL(pin)) | IOAPIC_RTE_MASKED);
}

uint64_t ioapic_read_entry(uint32_t gsi)
{
	unsigned int pin;
	struct ioapic *io = ioapic_of(gsi, &pin);

	if (!io)
		return 0;
	return io_read(io, IOAPIC_REDTBL(pin)) |
	       (uint64_t)io_read(io, IOAPIC_REDTBL(pin) + 1) << 32;
}
