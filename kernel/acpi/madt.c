/*
 * The MADT (ACPI 6.5 5.2.12): local APIC address, CPUs, I/O APICs, ISA
 * interrupt source overrides and NMI wiring, and the routing of an IRQ
 * number to a GSI with its trigger and polarity. Pure policy; host-tested.
 *
 * Policy, pinned by tests/unit/acpi:
 * - A structural defect (bad header or checksum, an entry of length < 2, an
 *   entry running past the table, a known entry shorter than its type) or
 *   a missing local APIC address rejects the whole table: nothing is kept.
 * - Entries that are well-formed but unusable (a duplicate CPU or I/O APIC,
 *   an override for a non-ISA bus, a second one for the same IRQ or GSI,
 *   more entries than the fixed arrays hold) are logged and skipped.
 * - Unknown entry types are skipped by their length.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <breenix/acpi.h>
#include <breenix/errno.h>
#include <breenix/printk.h>

#define LOAD(dst, src)	__builtin_memcpy(&(dst), (src), sizeof(dst))

/* ACPI 6.5 table 5.19: the fixed part after the header. */
#define MADT_LAPIC_ADDR_OFF	36
#define MADT_FLAGS_OFF		40
#define MADT_ENTRIES_OFF	44
#define MADT_PCAT_COMPAT	(1u << 0)

/* ACPI 6.5 table 5.21: entry types, and the length each needs at least. */
enum {
	MADT_LAPIC = 0,
	MADT_IOAPIC = 1,
	MADT_OVERRIDE = 2,
	MADT_NMI_SOURCE = 3,
	MADT_LAPIC_NMI = 4,
	MADT_LAPIC_ADDR = 5,
	MADT_X2APIC = 9,
	MADT_X2APIC_NMI = 10,
};

static const uint8_t entry_min_len[] = {
	[MADT_LAPIC] = 8,
	[MADT_IOAPIC] = 12,
	[MADT_OVERRIDE] = 10,
	[MADT_NMI_SOURCE] = 8,
	[MADT_LAPIC_NMI] = 6,
	[MADT_LAPIC_ADDR] = 12,
	[MADT_X2APIC] = 16,
	[MADT_X2APIC_NMI] = 12,
};

/* ACPI 6.5 tables 5.23 and 5.37: local (x2)APIC flags. */
#define LAPIC_ENABLED		(1u << 0)
#define LAPIC_ONLINE_CAPABLE	(1u << 1)

struct madt_state {
	struct acpi_madt_info *m;
	bool lapic_override;
};

static void add_cpu(struct acpi_madt_info *m, uint32_t apic_id, uint32_t uid,
		    uint32_t flags)
{
	unsigned int i;

	if (!(flags & (LAPIC_ENABLED | LAPIC_ONLINE_CAPABLE)))
		return;
	for (i = 0; i < m->nr_cpus; i++) {
		if (m->cpus[i].apic_id == apic_id) {
			pr_warn("ACPI: MADT: APIC id %u listed twice\n", apic_id);
			return;
		}
	}
	if (m->nr_cpus == ACPI_MAX_CPUS) {
		pr_warn("ACPI: MADT: more than %d CPUs: APIC id %u ignored\n",
			ACPI_MAX_CPUS, apic_id);
		return;
	}
	m->cpus[m->nr_cpus].apic_id = apic_id;
	m->cpus[m->nr_cpus].uid = uid;
	m->cpus[m->nr_cpus].enabled = flags & LAPIC_ENABLED;
	m->nr_cpus++;
}

/* ACPI 6.5 5.2.12.2 and 5.2.12.12: processor local APIC and x2APIC. */
static void parse_lapic(struct acpi_madt_info *m, const uint8_t *e)
{
	uint32_t flags;

	LOAD(flags, e + 4);
	add_cpu(m, e[3], e[2], flags);
}

static void parse_x2apic(struct acpi_madt_info *m, const uint8_t *e)
{
	uint32_t id, flags, uid;

	LOAD(id, e + 4);
	LOAD(flags, e + 8);
	LOAD(uid, e + 12);
	add_cpu(m, id, uid, flags);
}

/* ACPI 6.5 5.2.12.3: I/O APIC. */
static void parse_ioapic(struct acpi_madt_info *m, const uint8_t *e)
{
	struct acpi_madt_ioapic io = { .id = e[2] };
	unsigned int i;

	LOAD(io.address, e + 4);
	LOAD(io.gsi_base, e + 8);
	if (!io.address) {
		pr_warn("ACPI: MADT: IOAPIC id %u at address 0 ignored\n", io.id);
		return;
	}
	for (i = 0; i < m->nr_ioapics; i++) {
		const struct acpi_madt_ioapic *o = &m->ioapics[i];

		if (o->id == io.id || o->address == io.address ||
		    o->gsi_base == io.gsi_base) {
			pr_warn("ACPI: MADT: IOAPIC id %u at %#x GSI base %u duplicates IOAPIC id %u: ignored\n",
				io.id, io.address, io.gsi_base, o->id);
			return;
		}
	}
	if (m->nr_ioapics == ACPI_MAX_IOAPICS) {
		pr_warn("ACPI: MADT: more than %d IOAPICs: id %u ignored\n",
			ACPI_MAX_IOAPICS, io.id);
		return;
	}
	m->ioapics[m->nr_ioapics++] = io;
}

/* ACPI 6.5 table 5.50: the encodings 2 of either field are reserved. */
static bool inti_flags_valid(uint16_t flags)
{
	return (flags & ACPI_INTI_POLARITY_MASK) != 2 &&
	       (flags & ACPI_INTI_TRIGGER_MASK) != 8;
}

/* ACPI 6.5 5.2.12.5: interrupt source override. */
static void parse_override(struct acpi_madt_info *m, const uint8_t *e)
{
	struct acpi_madt_override o = { .isa_irq = e[3] };
	unsigned int i;

	LOAD(o.gsi, e + 4);
	LOAD(o.flags, e + 8);
	if (e[2] != 0 || o.isa_irq >= ACPI_NR_ISA_IRQS) {
		pr_warn("ACPI: MADT: override of bus %u IRQ %u ignored (not ISA)\n",
			e[2], o.isa_irq);
		return;
	}
	if (!inti_flags_valid(o.flags)) {
		pr_warn("ACPI: MADT: ISA IRQ %u: reserved flags %#x, using ISA defaults\n",
			o.isa_irq, o.flags);
		o.flags = 0;
	}
	for (i = 0; i < m->nr_overrides; i++) {
		if (m->overrides[i].isa_irq == o.isa_irq) {
			pr_warn("ACPI: MADT: second override of ISA IRQ %u ignored\n",
				o.isa_irq);
			return;
		}
		if (m->overrides[i].gsi == o.gsi) {
			pr_warn("ACPI: MADT: ISA IRQ %u -> GSI %u ignored: ISA IRQ %u has it\n",
				o.isa_irq, o.gsi, m->overrides[i].isa_irq);
			return;
		}
	}
	/* One per ISA IRQ and 16 slots: the array cannot overflow. */
	m->overrides[m->nr_overrides++] = o;
}

/* ACPI 6.5 5.2.12.6: non-maskable interrupt source (an IOAPIC pin). */
static void parse_nmi_source(struct acpi_madt_info *m, const uint8_t *e)
{
	struct acpi_madt_nmi_source n;

	LOAD(n.flags, e + 2);
	LOAD(n.gsi, e + 4);
	if (m->nr_nmi_sources == ACPI_MAX_NMI_SOURCES) {
		pr_warn("ACPI: MADT: NMI source GSI %u ignored (too many)\n", n.gsi);
		return;
	}
	m->nmi_sources[m->nr_nmi_sources++] = n;
}

static void add_lapic_nmi(struct acpi_madt_info *m, uint32_t uid, uint8_t lint,
			  uint16_t flags)
{
	if (lint > 1) {
		pr_warn("ACPI: MADT: LAPIC NMI on LINT%u ignored (no such pin)\n",
			lint);
		return;
	}
	if (m->nr_lapic_nmis == ACPI_MAX_LAPIC_NMIS) {
		pr_warn("ACPI: MADT: LAPIC NMI for UID %u ignored (too many)\n", uid);
		return;
	}
	m->lapic_nmis[m->nr_lapic_nmis].uid = uid;
	m->lapic_nmis[m->nr_lapic_nmis].lint = lint;
	m->lapic_nmis[m->nr_lapic_nmis].flags = flags;
	m->nr_lapic_nmis++;
}

/* ACPI 6.5 5.2.12.7 and 5.2.12.13: local APIC and x2APIC NMI. */
static void parse_lapic_nmi(struct acpi_madt_info *m, const uint8_t *e)
{
	uint16_t flags;

	LOAD(flags, e + 3);
	add_lapic_nmi(m, e[2] == 0xff ? ACPI_UID_ALL : e[2], e[5], flags);
}

static void parse_x2apic_nmi(struct acpi_madt_info *m, const uint8_t *e)
{
	uint16_t flags;
	uint32_t uid;

	LOAD(flags, e + 2);
	LOAD(uid, e + 4);
	add_lapic_nmi(m, uid, e[8], flags);
}

/* ACPI 6.5 5.2.12.8: a 64-bit local APIC address replaces the 32-bit one. */
static void parse_lapic_addr(struct madt_state *s, const uint8_t *e)
{
	uint64_t addr;

	LOAD(addr, e + 4);
	if (s->lapic_override) {
		pr_warn("ACPI: MADT: second LAPIC address override ignored\n");
		return;
	}
	if (!addr) {
		pr_warn("ACPI: MADT: LAPIC address override to 0 ignored\n");
		return;
	}
	s->lapic_override = true;
	s->m->lapic_address = addr;
}

static void parse_entry(struct madt_state *s, const uint8_t *e)
{
	switch (e[0]) {
	case MADT_LAPIC:
		parse_lapic(s->m, e);
		break;
	case MADT_IOAPIC:
		parse_ioapic(s->m, e);
		break;
	case MADT_OVERRIDE:
		parse_override(s->m, e);
		break;
	case MADT_NMI_SOURCE:
		parse_nmi_source(s->m, e);
		break;
	case MADT_LAPIC_NMI:
		parse_lapic_nmi(s->m, e);
		break;
	case MADT_LAPIC_ADDR:
		parse_lapic_addr(s, e);
		break;
	case MADT_X2APIC:
		parse_x2apic(s->m, e);
		break;
	case MADT_X2APIC_NMI:
		parse_x2apic_nmi(s->m, e);
		break;
	default:
		break;
	}
}

/* Checks the entry at off of a table of len bytes; NULL if it is sound. */
static const char *entry_defect(const uint8_t *p, size_t off, size_t len)
{
	uint8_t type, elen;

	if (len - off < 2)
		return "entry header runs past the end";
	type = p[off];
	elen = p[off + 1];
	if (elen < 2)
		return "entry length below 2";
	if (elen > len - off)
		return "entry runs past the end";
	if (type < sizeof(entry_min_len) && elen < entry_min_len[type])
		return "entry too short for its type";
	return NULL;
}

int acpi_madt_parse(const void *madt, size_t len, struct acpi_madt_info *m)
{
	struct madt_state s = { .m = m };
	const uint8_t *p = madt;
	const char *why;
	uint32_t hlen, addr, flags;
	size_t off;

	memset(m, 0, sizeof(*m));
	if (acpi_sdt_check(madt, len, "APIC", &why))
		goto bad;
	LOAD(hlen, p + 4);
	if (hlen < MADT_ENTRIES_OFF) {
		why = "shorter than its fixed fields";
		goto bad;
	}
	LOAD(addr, p + MADT_LAPIC_ADDR_OFF);
	LOAD(flags, p + MADT_FLAGS_OFF);
	m->lapic_address = addr;
	m->pcat_compat = flags & MADT_PCAT_COMPAT;
	for (off = MADT_ENTRIES_OFF; off < hlen; off += p[off + 1]) {
		why = entry_defect(p, off, hlen);
		if (why) {
			pr_warn("ACPI: MADT: offset %zu: %s\n", off, why);
			goto bad;
		}
		parse_entry(&s, p + off);
	}
	if (!m->lapic_address) {
		why = "no local APIC address";
		goto bad;
	}
	return 0;
bad:
	memset(m, 0, sizeof(*m));
	pr_warn("ACPI: MADT rejected: %s\n", why);
	return -EINVAL;
}

static const struct acpi_madt_override *
override_by_irq(const struct acpi_madt_info *m, unsigned int irq)
{
	unsigned int i;

	for (i = 0; i < m->nr_overrides; i++) {
		if (m->overrides[i].isa_irq == irq)
			return &m->overrides[i];
	}
	return NULL;
}

static const struct acpi_madt_override *
override_by_gsi(const struct acpi_madt_info *m, uint32_t gsi)
{
	unsigned int i;

	for (i = 0; i < m->nr_overrides; i++) {
		if (m->overrides[i].gsi == gsi)
			return &m->overrides[i];
	}
	return NULL;
}

int acpi_madt_route(const struct acpi_madt_info *m, unsigned int irq,
		    struct acpi_irq_route *r)
{
	const struct acpi_madt_override *o;
	uint16_t pol, trig;
	bool isa;

	if (irq < ACPI_NR_ISA_IRQS) {
		o = override_by_irq(m, irq);
		if (!o && override_by_gsi(m, irq))
			return -ENOENT;
		isa = true;
	} else {
		o = override_by_gsi(m, irq);
		isa = o != NULL;
	}
	r->gsi = o ? o->gsi : irq;
	pol = o ? o->flags & ACPI_INTI_POLARITY_MASK : 0;
	trig = o ? o->flags & ACPI_INTI_TRIGGER_MASK : 0;
	/* "Conforms" means the bus's own convention: ISA edge/high, PCI level/low. */
	r->active_low = pol == ACPI_INTI_POLARITY_CONFORMS ? !isa :
			pol == ACPI_INTI_POLARITY_LOW;
	r->level = trig == ACPI_INTI_TRIGGER_CONFORMS ? !isa :
		   trig == ACPI_INTI_TRIGGER_LEVEL;
	return 0;
}
