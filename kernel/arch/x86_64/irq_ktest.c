/*
 * In-kernel tests of the interrupt controllers: the mode chosen fits the
 * hardware, and interrupts really arrive end to end (a local APIC self-IPI,
 * the PIT on ISA IRQ 0 through the I/O APIC or the 8259) and are
 * acknowledged, so a second one arrives too.
 */
#include <string.h>
#include <breenix/acpi.h>
#include <breenix/cmdline.h>
#include <breenix/errno.h>
#include <breenix/irq.h>
#include <breenix/ktest.h>
#include <breenix/printk.h>
#include <asm/apic.h>
#include <asm/cpu.h>
#include <asm/io.h>
#include <asm/irq_vectors.h>
#include <asm/pic.h>
#include <asm/traps.h>

/*
 * How long to wait with interrupts open, in TSC cycles (the TSC runs at
 * 1-5 GHz): seconds, far beyond any delivery, yet a lost interrupt fails
 * the test rather than hanging it.
 */
#define WAIT_TSC_BUDGET	(4ULL << 30)

/* Intel 8254 datasheet: channel 0, low then high byte, mode 0 (interrupt
 * on terminal count), binary; OUT rises (IRQ 0) when the count runs out. */
#define PIT_CH0		0x40
#define PIT_CMD		0x43
#define PIT_CH0_MODE0	0x30
#define PIT_TEST_COUNT	0x2000	/* about 7 ms at 1.193182 MHz */

static volatile unsigned int hits;
static volatile unsigned int last_irq;

static void count_handler(unsigned int irq, void *data)
{
	(void)data;
	last_irq = irq;
	hits++;
}

/*
 * Opens interrupts one instruction at a time until the handler has run
 * target times, or vector (if not 0) has been delivered target times.
 */
static bool wait_for(uint64_t target, unsigned int vector)
{
	uint64_t start = __builtin_ia32_rdtsc();

	while (__builtin_ia32_rdtsc() - start < WAIT_TSC_BUDGET) {
		if (vector ? irq_vector_count(vector) >= target : hits >= target)
			return true;
		/* inline asm: sti takes effect after the next instruction, so
		 * a pending interrupt is taken between nop and cli. */
		__asm__ volatile("sti; nop; cli" : : : "memory");
	}
	return false;
}

static bool ioapic_expected(void)
{
	const struct acpi_madt_info *m = acpi_madt();

	return cpu_has_apic() && m && m->nr_ioapics &&
	       !cmdline_get("noapic") && !cmdline_get("nolapic");
}

KTEST(irq_mode_fits_hardware)
{
	uint32_t svr;

	if (!cpu_has_apic() || cmdline_get("nolapic")) {
		KT_ASSERT(!lapic_available());
		KT_ASSERT(!strcmp(irq_chip_name(), "XT-PIC"));
		KT_ASSERT_EQ(irq_register_vector(0xe0, count_handler, NULL),
			     -ENODEV);
		return;
	}
	KT_ASSERT(lapic_available());
	svr = lapic_read(APIC_SVR);
	KT_ASSERT(svr & APIC_SVR_ENABLE);
	KT_ASSERT_EQ(svr & APIC_LVT_VECTOR_MASK, SPURIOUS_APIC_VECTOR);
	KT_ASSERT_EQ(lapic_read(APIC_TPR), 0);
	KT_ASSERT_EQ(lapic_read(APIC_LVT_ERROR), ERROR_APIC_VECTOR);
	if (!ioapic_expected()) {
		KT_ASSERT(!strcmp(irq_chip_name(), "XT-PIC"));
		KT_ASSERT_EQ(lapic_read(APIC_LVT_LINT0) & (7u << 8),
			     APIC_DM_EXTINT);
		return;
	}
	KT_ASSERT(!strcmp(irq_chip_name(), "IO-APIC"));
	KT_ASSERT(lapic_read(APIC_LVT_LINT0) & APIC_LVT_MASKED);
	/* The legacy PICs are masked: the I/O APIC is the only path. */
	outb(0x21, 0xff);
	KT_ASSERT_EQ(inb(0x21), 0xff);
	KT_ASSERT_EQ(inb(0xa1), 0xff);
}

/* A vector outside the ranges anyone else registers in. */
static int claim_test_vector(void)
{
	unsigned int v;

	for (v = FIRST_IPI_VECTOR - 2; v > SYSCALL_VECTOR; v--) {
		if (!irq_register_vector(v, count_handler, NULL))
			return v;
	}
	return -EBUSY;
}

/* Two self-IPIs on vector v; NULL, or what went wrong. */
static const char *self_ipi_rounds(unsigned int v)
{
	hits = 0;
	if (!lapic_send_self_ipi(v))
		return "the ICR stays busy";
	/* Held in the IRR while interrupts are off. */
	if (!lapic_pending(v) || hits)
		return "the IPI is not pending in the IRR";
	if (!wait_for(1, 0))
		return "the first IPI never arrived";
	if (last_irq != v || lapic_in_service(v))
		return "the first IPI went to the wrong handler or lacks its EOI";
	/* A second one on the same vector waits for the first one's EOI. */
	if (!lapic_send_self_ipi(v) || !wait_for(2, 0))
		return "the second IPI never arrived";
	if (lapic_in_service(v) || lapic_pending(v))
		return "the second IPI lacks its EOI";
	return NULL;
}

KTEST(irq_self_ipi_delivered_and_acked)
{
	unsigned long flags;
	const char *why;
	int v;

	if (!lapic_available()) {
		KT_ASSERT(!cpu_has_apic() || cmdline_get("nolapic"));
		return;
	}
	v = claim_test_vector();
	KT_ASSERT(v > 0);
	flags = local_irq_save();
	why = self_ipi_rounds(v);
	local_irq_restore(flags);
	irq_unregister_vector(v);
	KT_ASSERT_MSG(!why, "vector %#x: %s", v, why);
	KT_ASSERT_EQ(irq_vector_count(v), 2);
	KT_ASSERT_EQ(irq_register_vector(v, count_handler, NULL), 0);
	KT_ASSERT_EQ(irq_register_vector(v, count_handler, NULL), -EBUSY);
	irq_unregister_vector(v);
}

static void pit_one_shot(void)
{
	/* Port 0x43 then 0x40 twice: mode 0, count low then high byte. */
	outb(PIT_CMD, PIT_CH0_MODE0);
	outb(PIT_CH0, PIT_TEST_COUNT & 0xff);
	outb(PIT_CH0, PIT_TEST_COUNT >> 8);
}

static unsigned int irq0_vector(bool ioapic)
{
	struct acpi_irq_route r;

	if (ioapic && !acpi_madt_route(acpi_madt(), 0, &r))
		return IRQ_VECTOR_BASE + r.gsi;
	return IRQ_VECTOR_BASE;
}

/* Under the I/O APIC: IRQ 0's pin carries its vector, edge, active high. */
static bool irq0_routed(void)
{
	struct acpi_irq_route r;
	uint64_t rte;

	if (acpi_madt_route(acpi_madt(), 0, &r))
		return false;
	rte = ioapic_read_entry(r.gsi);
	return (rte & 0xff) == irq0_vector(true) &&
	       !(rte & (IOAPIC_RTE_MASKED | IOAPIC_RTE_LEVEL |
			IOAPIC_RTE_ACTIVE_LOW)) &&
	       (rte >> 56) == lapic_id();
}

static bool irq0_masked(bool ioapic)
{
	struct acpi_irq_route r;

	if (!ioapic)
		return inb(0x21) & 1;	/* port read: the master PIC's IMR */
	return !acpi_madt_route(acpi_madt(), 0, &r) &&
	       (ioapic_read_entry(r.gsi) & IOAPIC_RTE_MASKED);
}

/* Two PIT interrupts through the controller; NULL, or what went wrong. */
static const char *pit_rounds(void)
{
	hits = 0;
	pit_one_shot();
	if (!wait_for(1, 0))
		return "the first PIT interrupt never arrived";
	if (last_irq != 0)
		return "the handler was told the wrong IRQ";
	/* The 8259 or the local APIC was acknowledged: a second one comes. */
	pit_one_shot();
	if (!wait_for(2, 0))
		return "the second PIT interrupt never arrived";
	return NULL;
}

KTEST(irq_isa_line_pit)
{
	bool ioapic = !strcmp(irq_chip_name(), "IO-APIC");
	unsigned int v = irq0_vector(ioapic);
	uint64_t before = irq_vector_count(v);
	unsigned long flags;
	const char *why;
	int ret;

	ret = irq_register(0, count_handler, NULL);
	flags = local_irq_save();
	if (ret == -EBUSY) {
		/* The PIT tick owns IRQ 0 (no LAPIC timer): it must tick. */
		why = wait_for(before + 2, v) ? NULL :
		      "IRQ 0 has a handler but does not fire";
		local_irq_restore(flags);
		KT_ASSERT_MSG(!why, "%s", why);
		return;
	}
	why = ret ? "irq_register(0) failed" :
	      irq_register(0, count_handler, NULL) != -EBUSY ?
	      "a second irq_register(0) did not fail" :
	      ioapic && !irq0_routed() ? "IRQ 0's IOAPIC entry is wrong" :
	      pit_rounds();
	local_irq_restore(flags);
	if (!ret)
		irq_unregister(0);
	KT_ASSERT_MSG(!why, "%s", why);
	KT_ASSERT(irq_vector_count(v) >= before + 2);
	KT_ASSERT(irq0_masked(ioapic));
}

KTEST(irq_unexpected_and_spurious_survive)
{
	uint64_t unexpected = irq_unexpected_count();
	uint64_t spurious = irq_spurious_count();

	/* inline asm: software interrupts reach the dispatcher as a stray
	 * device vector and a spurious APIC vector would. */
	__asm__ volatile("int $0x7e" : : : "memory");
	__asm__ volatile("int $0xff" : : : "memory");
	KT_ASSERT_EQ(irq_unexpected_count(), unexpected + 1);
	KT_ASSERT_EQ(irq_spurious_count(), spurious + 1);
	if (lapic_available()) {
		KT_ASSERT(!lapic_in_service(0x7e));
		KT_ASSERT(!lapic_in_service(SPURIOUS_APIC_VECTOR));
	}
	KT_ASSERT_EQ(irq_register(PIC_NR_IRQS + NR_IRQ_LINES, count_handler,
				  NULL), -EINVAL);
	KT_ASSERT_EQ(irq_register(3, NULL, NULL), -EINVAL);
	KT_ASSERT_EQ(irq_register_vector(SYSCALL_VECTOR, count_handler, NULL),
		     -EINVAL);
	KT_ASSERT_EQ(irq_register_vector(SPURIOUS_APIC_VECTOR, count_handler,
					 NULL), -EINVAL);
}
