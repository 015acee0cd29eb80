/*
 * The local APIC in xAPIC mode: enabled through IA32_APIC_BASE, its
 * registers mapped uncached with ioremap, every LVT entry masked but the
 * LINT pins the platform wires (NMI, and the 8259 in virtual-wire mode).
 */
#include <stdint.h>
#include <breenix/errno.h>
#include <breenix/printk.h>
#include <breenix/vmalloc.h>
#include <asm/apic.h>
#include <asm/irq_vectors.h>
#include <asm/msr.h>
#include <asm/page.h>

/* Intel SDM 3A 11.4.4, figure 11-5: IA32_APIC_BASE. */
#define APIC_BASE_EXTD		(1ULL << 10)	/* x2APIC mode */
#define APIC_BASE_ENABLE	(1ULL << 11)
#define APIC_BASE_ADDR_MASK	0x000ffffffffff000ULL

#define CPUID_1_EDX_APIC	(1u << 9)	/* Intel SDM 2A, CPUID leaf 1 */

/* Polls of the ICR delivery status: far beyond what hardware needs. */
#define ICR_IDLE_POLLS		1000000

#define ESR_REPORTS		8	/* APIC errors logged before going quiet */

static volatile uint32_t *lapic_regs;
static unsigned int esr_reports;

bool cpu_has_apic(void)
{
	uint32_t a, b, c, d;

	cpuid(1, &a, &b, &c, &d);
	return d & CPUID_1_EDX_APIC;
}

bool lapic_available(void)
{
	return lapic_regs != NULL;
}

/* MMIO: registers are 32 bits wide at 16-byte strides (SDM 3A 11.4.1). */
uint32_t lapic_read(uint32_t reg)
{
	return lapic_regs ? lapic_regs[reg / 4] : 0;
}

void lapic_write(uint32_t reg, uint32_t val)
{
	if (lapic_regs)
		lapic_regs[reg / 4] = val;
}

/* Intel SDM 3A 11.4.6: the xAPIC id sits in bits 31-24. */
uint32_t lapic_id(void)
{
	return lapic_read(APIC_ID) >> 24;
}

/* Intel SDM 3A 11.8.5: any write to the EOI register retires the ISR bit. */
void lapic_eoi(void)
{
	lapic_write(APIC_EOI, 0);
}

static bool vector_bit(uint32_t base, unsigned int vector)
{
	return lapic_read(base + (vector / 32) * 0x10) & (1u << (vector % 32));
}

bool lapic_in_service(unsigned int vector)
{
	return vector < 256 && vector_bit(APIC_ISR, vector);
}

bool lapic_pending(unsigned int vector)
{
	return vector < 256 && vector_bit(APIC_IRR, vector);
}

static bool wait_icr_idle(void)
{
	unsigned int i;

	for (i = 0; i < ICR_IDLE_POLLS; i++) {
		if (!(lapic_read(APIC_ICR_LOW) & APIC_ICR_BUSY))
			return true;
	}
	return false;
}

/* Intel SDM 3A 11.6.1: fixed delivery, destination shorthand "self". */
bool lapic_send_self_ipi(unsigned int vector)
{
	if (!lapic_regs || !wait_icr_idle())
		return false;
	lapic_write(APIC_ICR_LOW, (vector & APIC_LVT_VECTOR_MASK) |
		    APIC_DM_FIXED | APIC_ICR_ASSERT | APIC_ICR_DEST_SELF);
	return wait_icr_idle();
}

/* Intel SDM 3A 11.5.3: a write updates the ESR, then it can be read. */
static void lapic_error(unsigned int vector, void *data)
{
	uint32_t esr;

	(void)vector;
	(void)data;
	lapic_write(APIC_ESR, 0);
	esr = lapic_read(APIC_ESR);
	if (esr_reports < ESR_REPORTS) {
		esr_reports++;
		pr_warn("APIC: error interrupt, ESR %#x\n", esr);
	}
}

/*
 * Interrupts the firmware left in service would block every vector of
 * their priority class and below: retire them (at most one EOI per ISR bit).
 */
static void ack_stale_in_service(void)
{
	unsigned int n, reg;
	bool any;

	for (n = 0; n < 256; n++) {
		any = false;
		for (reg = 0; reg < 8; reg++)
			any |= lapic_read(APIC_ISR + reg * 0x10) != 0;
		if (!any)
			return;
		lapic_eoi();
	}
}

/* Intel SDM 3A 11.5.1: the version register's bits 23-16 = LVT entries - 1. */
static void mask_lvt(unsigned int maxlvt)
{
	lapic_write(APIC_LVT_TIMER, APIC_LVT_MASKED);
	lapic_write(APIC_LVT_LINT0, APIC_LVT_MASKED);
	lapic_write(APIC_LVT_LINT1, APIC_LVT_MASKED);
	lapic_write(APIC_LVT_ERROR, APIC_LVT_MASKED);
	if (maxlvt >= 4)
		lapic_write(APIC_LVT_PERF, APIC_LVT_MASKED);
	if (maxlvt >= 5)
		lapic_write(APIC_LVT_THERMAL, APIC_LVT_MASKED);
	if (maxlvt >= 6)
		lapic_write(APIC_LVT_CMCI, APIC_LVT_MASKED);
}

static bool madt_uid_of(const struct acpi_madt_info *madt, uint32_t apic_id,
			uint32_t *uid)
{
	unsigned int i;

	for (i = 0; i < madt->nr_cpus; i++) {
		if (madt->cpus[i].apic_id == apic_id) {
			*uid = madt->cpus[i].uid;
			return true;
		}
	}
	return false;
}

/*
 * LINT0 carries the 8259's INTR in virtual-wire mode; NMIs come in where
 * the MADT says, or on LINT1, the PC wiring (MP spec 1.4, 5.1), when it
 * names no pin for this CPU. Intel SDM 3A 11.5.1: NMI and ExtINT ignore the
 * trigger bit, NMI honours the polarity bit.
 */
static void program_lint(const struct acpi_madt_info *madt, bool extint)
{
	uint32_t lint[2] = {
		extint ? APIC_DM_EXTINT : APIC_LVT_MASKED, APIC_LVT_MASKED
	};
	bool nmi_wired = false;
	uint32_t uid = ACPI_UID_ALL;
	unsigned int i;

	if (madt) {
		bool known = madt_uid_of(madt, lapic_id(), &uid);

		for (i = 0; i < madt->nr_lapic_nmis; i++) {
			const struct acpi_madt_lapic_nmi *n = &madt->lapic_nmis[i];

			if (n->uid != ACPI_UID_ALL && (!known || n->uid != uid))
				continue;
			lint[n->lint] = APIC_DM_NMI;
			if ((n->flags & ACPI_INTI_POLARITY_MASK) ==
			    ACPI_INTI_POLARITY_LOW)
				lint[n->lint] |= APIC_LVT_ACTIVE_LOW;
			nmi_wired = true;
		}
	}
	if (!nmi_wired)
		lint[1] = APIC_DM_NMI;
	lapic_write(APIC_LVT_LINT0, lint[0]);
	lapic_write(APIC_LVT_LINT1, lint[1]);
}

/* Intel SDM 3A 11.4.3 and 11.12.5: enabled, xAPIC (never x2APIC -> xAPIC
 * directly: through disabled). */
static uint64_t enable_xapic(void)
{
	uint64_t base = rdmsr(MSR_IA32_APIC_BASE);

	if (base & APIC_BASE_EXTD) {
		wrmsr(MSR_IA32_APIC_BASE,
		      base & ~(APIC_BASE_EXTD | APIC_BASE_ENABLE));
		base &= ~(APIC_BASE_EXTD | APIC_BASE_ENABLE);
		pr_info("APIC: firmware left x2APIC mode on: switching to xAPIC\n");
	}
	if (!(base & APIC_BASE_ENABLE)) {
		base |= APIC_BASE_ENABLE;
		wrmsr(MSR_IA32_APIC_BASE, base);
	}
	return base & APIC_BASE_ADDR_MASK;
}

int lapic_init(const struct acpi_madt_info *madt, bool extint)
{
	uint64_t phys = enable_xapic();
	unsigned int version, maxlvt;
	volatile uint32_t *regs;

	if (madt && madt->lapic_address != phys)
		pr_warn("APIC: MADT says LAPIC at %#llx, IA32_APIC_BASE %#llx: using the MSR\n",
			(unsigned long long)madt->lapic_address,
			(unsigned long long)phys);
	regs = ioremap(phys, PAGE_SIZE);
	if (!regs) {
		pr_err("APIC: cannot map the local APIC at %#llx\n",
		       (unsigned long long)phys);
		return -ENOMEM;
	}
	lapic_regs = regs;
	version = lapic_read(APIC_VERSION);
	maxlvt = (version >> 16) & 0xff;
	mask_lvt(maxlvt);
	lapic_write(APIC_TPR, 0);
	lapic_write(APIC_SVR, SPURIOUS_APIC_VECTOR | APIC_SVR_ENABLE);
	ack_stale_in_service();
	program_lint(madt, extint);
	/* Intel SDM 3A 11.5.3: a write to the ESR clears errors logged so far. */
	lapic_write(APIC_ESR, 0);
	irq_register_vector(ERROR_APIC_VECTOR, lapic_error, NULL);
	lapic_write(APIC_LVT_ERROR, ERROR_APIC_VECTOR);
	pr_info("APIC: local APIC id %u at %#llx, version %#x, %u LVT entries, LINT0 %s\n",
		lapic_id(), (unsigned long long)phys, version & 0xff,
		maxlvt + 1, extint ? "ExtINT (8259 virtual wire)" : "masked");
	return 0;
}

void lapic_hw_disable(void)
{
	uint64_t base = rdmsr(MSR_IA32_APIC_BASE);

	/* Intel SDM 3A 11.4.3: the CPU then acts as one without an APIC, the
	 * 8259 driving its INTR pin directly. */
	wrmsr(MSR_IA32_APIC_BASE, base & ~(APIC_BASE_EXTD | APIC_BASE_ENABLE));
	lapic_regs = NULL;
}
