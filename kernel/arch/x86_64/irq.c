/*
 * Interrupt controller bring-up and the dispatch of vectors 32-255: picks
 * the I/O APIC when the CPU and the MADT offer one, else the 8259 PIC,
 * routes the lines drivers register and acknowledges each interrupt at the
 * controller it came from.
 */
#include <stddef.h>
#include <breenix/acpi.h>
#include <breenix/cmdline.h>
#include <breenix/errno.h>
#include <breenix/irq.h>
#include <breenix/printk.h>
#include <breenix/random.h>
#include <breenix/spinlock.h>
#include <asm/apic.h>
#include <asm/irq_vectors.h>
#include <asm/pic.h>
#include <asm/traps.h>

enum irq_mode {
	IRQ_MODE_NONE,		/* before interrupts_init, or no controller */
	IRQ_MODE_PIC,		/* 8259, maybe through the LAPIC's LINT0 */
	IRQ_MODE_IOAPIC,
};

struct vector_desc {
	irq_handler_t handler;
	void *data;
	unsigned int irq;	/* handed to the handler */
	bool line;		/* from irq_register, else irq_register_vector */
	uint64_t count;
};

static struct vector_desc vectors[NR_VECTORS];
static spinlock_t irq_lock = SPINLOCK_INIT;
static enum irq_mode mode;
static const struct acpi_madt_info *madt;
static uint64_t spurious_count, unexpected_count;

/* ---- bring-up ---------------------------------------------------------- */

static void use_pic(bool have_pic, const char *why)
{
	if (!have_pic) {
		pr_err("IRQ: no 8259 PIC and no usable APIC (%s): no device interrupts\n",
		       why);
		return;
	}
	/* The slave's lines reach the CPU through the master's IR2. */
	pic_unmask(PIC_CASCADE_IRQ);
	mode = IRQ_MODE_PIC;
	pr_info("IRQ: using the 8259 PIC%s: %s\n",
		lapic_available() ? " through the local APIC (virtual wire)" : "",
		why);
}

/*
 * Brings up the local APIC, and the I/O APICs when the MADT has some.
 * Returns NULL, or why the 8259 serves instead.
 */
static const char *apic_setup(const struct acpi_madt_info *m)
{
	if (!cpu_has_apic())
		return "the CPU has no local APIC";
	if (cmdline_get("nolapic")) {
		lapic_hw_disable();
		return "nolapic";
	}
	if (!m || !m->nr_ioapics || cmdline_get("noapic")) {
		if (lapic_init(m, true))
			lapic_hw_disable();
		return !m ? "no MADT" : !m->nr_ioapics ?
		       "no IOAPIC in the MADT" : "noapic";
	}
	if (lapic_init(m, false)) {
		lapic_hw_disable();
		return "the local APIC cannot be mapped";
	}
	if (ioapic_init(m, lapic_id())) {
		lapic_write(APIC_LVT_LINT0, APIC_DM_EXTINT);
		return "no usable IOAPIC";
	}
	return NULL;
}

void interrupts_init(void)
{
	const struct acpi_madt_info *m = acpi_madt();
	bool have_pic = pic_init();
	const char *why;

	if (!have_pic)
		pr_info("IRQ: no 8259 PIC answers\n");
	why = apic_setup(m);
	if (why) {
		use_pic(have_pic, why);
		return;
	}
	madt = m;
	mode = IRQ_MODE_IOAPIC;
	pr_info("IRQ: using the I/O APIC%s\n",
		have_pic ? ", 8259 PIC masked" : "");
}

/* ---- registration ------------------------------------------------------ */

/* The vector of a line, with its wiring filled in under the I/O APIC. */
static int line_vector(unsigned int irq, struct acpi_irq_route *r)
{
	switch (mode) {
	case IRQ_MODE_IOAPIC:
		if (acpi_madt_route(madt, irq, r))
			return -EINVAL;
		if (r->gsi >= NR_IRQ_LINES || !ioapic_has_gsi(r->gsi))
			return -EINVAL;
		return IRQ_VECTOR_BASE + r->gsi;
	case IRQ_MODE_PIC:
		if (irq >= PIC_NR_IRQS || irq == PIC_CASCADE_IRQ)
			return -EINVAL;
		return IRQ_VECTOR_BASE + irq;
	default:
		return -ENODEV;
	}
}

static void set_desc(unsigned int vector, irq_handler_t handler, void *data,
		     unsigned int irq, bool line)
{
	vectors[vector].handler = handler;
	vectors[vector].data = data;
	vectors[vector].irq = irq;
	vectors[vector].line = line;
}

int irq_register(unsigned int irq, irq_handler_t handler, void *data)
{
	struct acpi_irq_route r;
	unsigned long flags;
	int v, ret = 0;

	if (!handler)
		return -EINVAL;
	flags = spin_lock_irqsave(&irq_lock);
	v = line_vector(irq, &r);
	if (v < 0) {
		ret = v;
		goto out;
	}
	if (vectors[v].handler) {
		ret = -EBUSY;
		goto out;
	}
	set_desc(v, handler, data, irq, true);
	if (mode == IRQ_MODE_IOAPIC)
		ioapic_route(r.gsi, v, r.level, r.active_low);
	else
		pic_unmask(irq);
out:
	spin_unlock_irqrestore(&irq_lock, flags);
	return ret;
}

void irq_unregister(unsigned int irq)
{
	struct acpi_irq_route r;
	unsigned long flags;
	int v;

	flags = spin_lock_irqsave(&irq_lock);
	v = line_vector(irq, &r);
	if (v < 0 || !vectors[v].handler || !vectors[v].line ||
	    vectors[v].irq != irq) {
		pr_warn("irq: unregistering IRQ %u, which has no handler\n", irq);
		goto out;
	}
	if (mode == IRQ_MODE_IOAPIC)
		ioapic_mask(r.gsi);
	else
		pic_mask(irq);
	set_desc(v, NULL, NULL, 0, false);
out:
	spin_unlock_irqrestore(&irq_lock, flags);
}

int irq_register_vector(unsigned int vector, irq_handler_t handler,
			void *data)
{
	unsigned long flags;
	int ret = 0;

	if (!handler || vector <= SYSCALL_VECTOR ||
	    vector >= SPURIOUS_APIC_VECTOR)
		return -EINVAL;
	if (!lapic_available())
		return -ENODEV;
	flags = spin_lock_irqsave(&irq_lock);
	if (vectors[vector].handler)
		ret = -EBUSY;
	else
		set_desc(vector, handler, data, vector, false);
	spin_unlock_irqrestore(&irq_lock, flags);
	return ret;
}

void irq_unregister_vector(unsigned int vector)
{
	unsigned long flags;

	flags = spin_lock_irqsave(&irq_lock);
	if (vector < NR_VECTORS && vectors[vector].handler &&
	    !vectors[vector].line)
		set_desc(vector, NULL, NULL, 0, false);
	else
		pr_warn("irq: unregistering vector %#x, which has no handler\n",
			vector);
	spin_unlock_irqrestore(&irq_lock, flags);
}

/* ---- dispatch ---------------------------------------------------------- */

static bool is_pic_vector(unsigned int vector)
{
	return mode == IRQ_MODE_PIC && vector >= IRQ_VECTOR_BASE &&
	       vector < IRQ_VECTOR_BASE + PIC_NR_IRQS;
}

/* Logged on the 1st, 2nd, 4th, 8th... time: a stuck line cannot flood. */
static void report_unexpected(unsigned int vector, uint64_t count)
{
	unexpected_count++;
	if (!(count & (count - 1)))
		pr_warn("irq: unexpected interrupt on vector %#x (%llu so far)\n",
			vector, (unsigned long long)count);
}

/*
 * An interrupt with no handler gets an EOI only where the controller has
 * it in service: a software "int" has no in-service bit to retire.
 */
static void ack_unexpected(unsigned int vector)
{
	if (is_pic_vector(vector)) {
		if (pic_read_isr() & (1u << (vector - IRQ_VECTOR_BASE)))
			pic_eoi(vector - IRQ_VECTOR_BASE);
	} else if (lapic_in_service(vector)) {
		lapic_eoi();
	}
}

void irq_handle_vector(struct pt_regs *regs)
{
	unsigned int vector = regs->vector;
	struct vector_desc *d = &vectors[vector];
	irq_handler_t handler = d->handler;

	/* Intel SDM 3A 11.9: a spurious APIC interrupt is never acknowledged. */
	if (vector == SPURIOUS_APIC_VECTOR ||
	    (is_pic_vector(vector) &&
	     pic_spurious(vector - IRQ_VECTOR_BASE))) {
		spurious_count++;
		return;
	}
	d->count++;
	add_interrupt_randomness(vector);
	if (!handler) {
		report_unexpected(vector, d->count);
		ack_unexpected(vector);
		return;
	}
	if (!d->line) {
		/* Timer and IPIs: edge-triggered local sources, acknowledged
		 * first so a handler that switches tasks blocks nothing. */
		lapic_eoi();
		handler(d->irq, d->data);
		return;
	}
	/* Device lines only after the handler quietened the device: a
	 * level-triggered line acknowledged earlier would fire again. */
	handler(d->irq, d->data);
	if (is_pic_vector(vector))
		pic_eoi(vector - IRQ_VECTOR_BASE);
	else
		lapic_eoi();
}

/* ---- statistics -------------------------------------------------------- */

unsigned int irq_stats(struct irq_stat *out, unsigned int max)
{
	unsigned int v, n = 0;
	unsigned long flags;

	flags = spin_lock_irqsave(&irq_lock);
	for (v = NR_EXCEPTIONS; v < NR_VECTORS; v++) {
		const struct vector_desc *d = &vectors[v];

		if (!d->handler && !d->count)
			continue;
		if (n < max) {
			out[n].vector = v;
			out[n].irq = d->handler ? (int)d->irq : -1;
			out[n].line = d->line;
			out[n].count = d->count;
		}
		n++;
	}
	spin_unlock_irqrestore(&irq_lock, flags);
	return n;
}

uint64_t irq_vector_count(unsigned int vector)
{
	return vector < NR_VECTORS ? vectors[vector].count : 0;
}

uint64_t irq_spurious_count(void)
{
	return spurious_count;
}

uint64_t irq_unexpected_count(void)
{
	return unexpected_count;
}

const char *irq_chip_name(void)
{
	switch (mode) {
	case IRQ_MODE_IOAPIC:
		return "IO-APIC";
	case IRQ_MODE_PIC:
		return "XT-PIC";
	default:
		return "none";
	}
}
