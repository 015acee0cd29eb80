/*
 * Host tests for the MADT parser and IRQ routing (kernel/acpi/madt.c): the
 * tables QEMU gives, every entry type, each malformation that must reject
 * the table (a zero entry length above all: it would loop forever), the
 * entries that must be skipped, and a fixed-seed fuzz run.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>
#include <breenix/acpi.h>
#include <breenix/errno.h>
#include "acpi_fixture.h"
#include "unit.h"

static struct acpi_madt_info M;
static struct tbl T;

static void setup(void)
{
	log_reset();
	memset(&M, 0, sizeof(M));
}

/* Parses T from an exact-size copy of its first len bytes. */
static int parse_len(size_t len)
{
	uint8_t *copy = exact_copy(T.b, len);
	int ret = acpi_madt_parse(copy, len, &M);

	free(copy);
	return ret;
}

static int parse(void)
{
	return parse_len(T.len);
}

/* For tables built here: length and checksum set, then parsed. */
static int parse_built(void)
{
	tbl_finish(&T);
	return parse();
}

static void madt_begin(uint32_t lapic, uint32_t flags)
{
	tbl_init(&T, "APIC", 3);
	tbl_u32(&T, lapic);
	tbl_u32(&T, flags);
}

static void e_lapic(uint8_t uid, uint8_t id, uint32_t flags)
{
	tbl_u8(&T, 0);
	tbl_u8(&T, 8);
	tbl_u8(&T, uid);
	tbl_u8(&T, id);
	tbl_u32(&T, flags);
}

static void e_ioapic(uint8_t id, uint32_t addr, uint32_t gsi_base)
{
	tbl_u8(&T, 1);
	tbl_u8(&T, 12);
	tbl_u8(&T, id);
	tbl_u8(&T, 0);
	tbl_u32(&T, addr);
	tbl_u32(&T, gsi_base);
}

static void e_override(uint8_t bus, uint8_t irq, uint32_t gsi, uint16_t flags)
{
	tbl_u8(&T, 2);
	tbl_u8(&T, 10);
	tbl_u8(&T, bus);
	tbl_u8(&T, irq);
	tbl_u32(&T, gsi);
	tbl_u16(&T, flags);
}

static void e_nmi_source(uint16_t flags, uint32_t gsi)
{
	tbl_u8(&T, 3);
	tbl_u8(&T, 8);
	tbl_u16(&T, flags);
	tbl_u32(&T, gsi);
}

static void e_lapic_nmi(uint8_t uid, uint16_t flags, uint8_t lint)
{
	tbl_u8(&T, 4);
	tbl_u8(&T, 6);
	tbl_u8(&T, uid);
	tbl_u16(&T, flags);
	tbl_u8(&T, lint);
}

static void e_lapic_addr(uint64_t addr)
{
	tbl_u8(&T, 5);
	tbl_u8(&T, 12);
	tbl_u16(&T, 0);
	tbl_u64(&T, addr);
}

static void e_x2apic(uint32_t id, uint32_t flags, uint32_t uid)
{
	tbl_u8(&T, 9);
	tbl_u8(&T, 16);
	tbl_u16(&T, 0);
	tbl_u32(&T, id);
	tbl_u32(&T, flags);
	tbl_u32(&T, uid);
}

static void e_x2apic_nmi(uint16_t flags, uint32_t uid, uint8_t lint)
{
	tbl_u8(&T, 10);
	tbl_u8(&T, 12);
	tbl_u16(&T, flags);
	tbl_u32(&T, uid);
	tbl_u8(&T, lint);
	tbl_u8(&T, 0);
	tbl_u16(&T, 0);
}

/* An entry of any type and length, filled with fill. */
static void e_raw(uint8_t type, uint8_t len, uint8_t fill)
{
	unsigned int i;

	tbl_u8(&T, type);
	tbl_u8(&T, len);
	for (i = 2; i < len; i++)
		tbl_u8(&T, fill);
}

static void assert_rejected(const char *why)
{
	ck_assert_int_eq(parse(), -EINVAL);
	ck_assert_msg(log_has(why), "log lacks \"%s\"", why);
	ck_assert(log_has("MADT rejected"));
	/* Nothing of a rejected table is kept. */
	ck_assert_uint_eq(M.nr_cpus, 0);
	ck_assert_uint_eq(M.nr_ioapics, 0);
	ck_assert_uint_eq(M.nr_overrides, 0);
	ck_assert_uint_eq(M.lapic_address, 0);
}

/* ---- good tables ------------------------------------------------------- */

START_TEST(qemu_madt_one_cpu)
{
	build_qemu_madt(&T, 1);
	ck_assert_int_eq(parse_built(), 0);
	ck_assert_uint_eq(M.lapic_address, 0xfee00000);
	ck_assert(M.pcat_compat);
	ck_assert_uint_eq(M.nr_cpus, 1);
	ck_assert_uint_eq(M.cpus[0].apic_id, 0);
	ck_assert_uint_eq(M.cpus[0].uid, 0);
	ck_assert(M.cpus[0].enabled);
	ck_assert_uint_eq(M.nr_ioapics, 1);
	ck_assert_uint_eq(M.ioapics[0].id, 0);
	ck_assert_uint_eq(M.ioapics[0].address, 0xfec00000);
	ck_assert_uint_eq(M.ioapics[0].gsi_base, 0);
	ck_assert_uint_eq(M.nr_overrides, 5);
	ck_assert_uint_eq(M.overrides[0].isa_irq, 0);
	ck_assert_uint_eq(M.overrides[0].gsi, 2);
	ck_assert_uint_eq(M.overrides[0].flags, 0);
	ck_assert_uint_eq(M.overrides[2].isa_irq, 9);
	ck_assert_uint_eq(M.overrides[2].flags, 0xd);
	ck_assert_uint_eq(M.nr_nmi_sources, 0);
	ck_assert_uint_eq(M.nr_lapic_nmis, 1);
	ck_assert_uint_eq(M.lapic_nmis[0].uid, ACPI_UID_ALL);
	ck_assert_uint_eq(M.lapic_nmis[0].lint, 1);
	ck_assert_uint_eq(log_count(), 0);
}
END_TEST

START_TEST(qemu_madt_smp)
{
	unsigned int i;

	build_qemu_madt(&T, 8);
	ck_assert_int_eq(parse_built(), 0);
	ck_assert_uint_eq(M.nr_cpus, 8);
	for (i = 0; i < 8; i++) {
		ck_assert_uint_eq(M.cpus[i].apic_id, i);
		ck_assert(M.cpus[i].enabled);
	}
}
END_TEST

/* ACPI 6.5 table 5.23: neither enabled nor online-capable: unusable. */
START_TEST(cpu_flags)
{
	madt_begin(0xfee00000, 0);
	e_lapic(0, 0, 1);
	e_lapic(1, 1, 0);
	e_lapic(2, 2, 2);
	e_lapic(3, 3, 1);
	ck_assert_int_eq(parse_built(), 0);
	ck_assert(!M.pcat_compat);
	ck_assert_uint_eq(M.nr_cpus, 3);
	ck_assert_uint_eq(M.cpus[1].apic_id, 2);
	ck_assert(!M.cpus[1].enabled);
	ck_assert_uint_eq(M.cpus[2].apic_id, 3);
}
END_TEST

START_TEST(x2apic_entries)
{
	madt_begin(0xfee00000, 1);
	e_lapic(0, 0, 1);
	e_x2apic(300, 1, 7);
	e_x2apic_nmi(ACPI_INTI_POLARITY_LOW, 7, 0);
	e_x2apic_nmi(0, 0xffffffff, 1);
	ck_assert_int_eq(parse_built(), 0);
	ck_assert_uint_eq(M.nr_cpus, 2);
	ck_assert_uint_eq(M.cpus[1].apic_id, 300);
	ck_assert_uint_eq(M.cpus[1].uid, 7);
	ck_assert_uint_eq(M.nr_lapic_nmis, 2);
	ck_assert_uint_eq(M.lapic_nmis[0].uid, 7);
	ck_assert_uint_eq(M.lapic_nmis[0].lint, 0);
	ck_assert_uint_eq(M.lapic_nmis[0].flags, ACPI_INTI_POLARITY_LOW);
	ck_assert_uint_eq(M.lapic_nmis[1].uid, ACPI_UID_ALL);
}
END_TEST

START_TEST(lapic_address_override)
{
	madt_begin(0xfee00000, 1);
	e_lapic_addr(0x1234fee00000ULL);
	e_lapic_addr(0xdead0000ULL);
	ck_assert_int_eq(parse_built(), 0);
	ck_assert_uint_eq(M.lapic_address, 0x1234fee00000ULL);
	ck_assert(log_has("second LAPIC address override ignored"));
}
END_TEST

START_TEST(lapic_address_only_in_override)
{
	madt_begin(0, 1);
	e_lapic_addr(0);
	e_lapic_addr(0xfee00000);
	ck_assert_int_eq(parse_built(), 0);
	ck_assert_uint_eq(M.lapic_address, 0xfee00000);
	ck_assert(log_has("override to 0 ignored"));
}
END_TEST

START_TEST(no_entries_at_all)
{
	madt_begin(0xfee00000, 0);
	ck_assert_int_eq(parse_built(), 0);
	ck_assert_uint_eq(M.nr_cpus, 0);
	ck_assert_uint_eq(M.nr_ioapics, 0);
}
END_TEST

START_TEST(unknown_types_skipped)
{
	madt_begin(0xfee00000, 0);
	e_raw(0x7f, 5, 0xaa);
	e_raw(11, 80, 0);	/* GICC, an ARM entry */
	e_raw(6, 16, 0);	/* I/O SAPIC */
	e_lapic(0, 0, 1);
	e_raw(0xff, 2, 0);
	ck_assert_int_eq(parse_built(), 0);
	ck_assert_uint_eq(M.nr_cpus, 1);
}
END_TEST

/* Entries longer than their type needs (later ACPI revisions) are read. */
START_TEST(longer_entries_accepted)
{
	madt_begin(0xfee00000, 0);
	tbl_u8(&T, 1);
	tbl_u8(&T, 16);
	tbl_u8(&T, 3);
	tbl_u8(&T, 0);
	tbl_u32(&T, 0xfec01000);
	tbl_u32(&T, 24);
	tbl_u32(&T, 0xffffffff);
	ck_assert_int_eq(parse_built(), 0);
	ck_assert_uint_eq(M.nr_ioapics, 1);
	ck_assert_uint_eq(M.ioapics[0].gsi_base, 24);
}
END_TEST

/* ---- malformed tables -------------------------------------------------- */

START_TEST(reject_entry_length_zero)
{
	build_qemu_madt(&T, 2);
	T.len -= 6;		/* drop the LAPIC NMI entry */
	e_raw(4, 0, 0);
	T.len += 4;		/* what a zero-length entry may be followed by */
	tbl_finish(&T);
	assert_rejected("entry length below 2");
}
END_TEST

START_TEST(reject_entry_length_one)
{
	madt_begin(0xfee00000, 0);
	e_lapic(0, 0, 1);
	tbl_u8(&T, 0);
	tbl_u8(&T, 1);
	tbl_u16(&T, 0);
	tbl_finish(&T);
	assert_rejected("entry length below 2");
}
END_TEST

START_TEST(reject_entry_past_the_end)
{
	madt_begin(0xfee00000, 0);
	e_lapic(0, 0, 1);
	e_ioapic(0, 0xfec00000, 0);
	T.len -= 2;		/* the IOAPIC entry now overhangs by two */
	tbl_finish(&T);
	assert_rejected("entry runs past the end");
}
END_TEST

START_TEST(reject_entry_header_cut)
{
	madt_begin(0xfee00000, 0);
	e_lapic(0, 0, 1);
	tbl_u8(&T, 1);		/* a lone type byte, no length */
	tbl_finish(&T);
	assert_rejected("entry header runs past the end");
}
END_TEST

/* Each known type with one byte less than it needs. */
static const uint8_t short_types[][2] = {
	{ 0, 8 }, { 1, 12 }, { 2, 10 }, { 3, 8 }, { 4, 6 }, { 5, 12 },
	{ 9, 16 }, { 10, 12 },
};

START_TEST(reject_short_known_entry)
{
	madt_begin(0xfee00000, 0);
	e_lapic(0, 0, 1);
	e_raw(short_types[_i][0], short_types[_i][1] - 1, 0);
	tbl_finish(&T);
	assert_rejected("entry too short for its type");
}
END_TEST

START_TEST(reject_no_lapic_address)
{
	madt_begin(0, 1);
	e_lapic(0, 0, 1);
	tbl_finish(&T);
	assert_rejected("no local APIC address");
}
END_TEST

START_TEST(reject_header_defects)
{
	madt_begin(0xfee00000, 0);
	T.len = 40;		/* no flags field */
	tbl_finish(&T);
	assert_rejected("shorter than its fixed fields");

	build_qemu_madt(&T, 1);
	T.b[50] ^= 1;
	assert_rejected("bad checksum");

	build_qemu_madt(&T, 1);
	T.b[3] = 'X';
	fix_checksum(T.b, T.len);
	assert_rejected("wrong signature");

	/* The buffer handed over is shorter than the table says. */
	build_qemu_madt(&T, 1);
	ck_assert_int_eq(parse_len(T.len - 1), -EINVAL);
	ck_assert(log_has("length runs past the end"));
	ck_assert_int_eq(parse_len(20), -EINVAL);
}
END_TEST

/* ---- entries skipped --------------------------------------------------- */

START_TEST(duplicate_ioapics_ignored)
{
	madt_begin(0xfee00000, 1);
	e_ioapic(0, 0xfec00000, 0);
	e_ioapic(0, 0xfec01000, 24);	/* same id */
	e_ioapic(1, 0xfec00000, 24);	/* same address */
	e_ioapic(2, 0xfec02000, 0);	/* same GSI base */
	e_ioapic(3, 0, 48);		/* no address */
	e_ioapic(4, 0xfec04000, 24);
	ck_assert_int_eq(parse_built(), 0);
	ck_assert_uint_eq(M.nr_ioapics, 2);
	ck_assert_uint_eq(M.ioapics[1].id, 4);
	ck_assert(log_has("IOAPIC id 0 at 0xfec01000 GSI base 24 duplicates IOAPIC id 0"));
	ck_assert(log_has("IOAPIC id 1 at 0xfec00000 GSI base 24 duplicates IOAPIC id 0"));
	ck_assert(log_has("IOAPIC id 2 at 0xfec02000 GSI base 0 duplicates IOAPIC id 0"));
	ck_assert(log_has("IOAPIC id 3 at address 0 ignored"));
}
END_TEST

START_TEST(too_many_ioapics)
{
	unsigned int i;

	madt_begin(0xfee00000, 1);
	for (i = 0; i < ACPI_MAX_IOAPICS + 2; i++)
		e_ioapic(i, 0xfec00000 + i * 0x1000, i * 24);
	ck_assert_int_eq(parse_built(), 0);
	ck_assert_uint_eq(M.nr_ioapics, ACPI_MAX_IOAPICS);
	ck_assert(log_has("more than 16 IOAPICs: id 16 ignored"));
}
END_TEST

START_TEST(bad_overrides_ignored)
{
	madt_begin(0xfee00000, 1);
	e_override(0, 0, 2, 0);
	e_override(1, 3, 3, 0);		/* not the ISA bus */
	e_override(0, 16, 16, 0);	/* no ISA IRQ 16 */
	e_override(0, 0, 5, 0);		/* IRQ 0 again */
	e_override(0, 4, 2, 0);		/* GSI 2 again */
	e_override(0, 9, 9, 0xa);	/* reserved polarity and trigger */
	ck_assert_int_eq(parse_built(), 0);
	ck_assert_uint_eq(M.nr_overrides, 2);
	ck_assert_uint_eq(M.overrides[1].isa_irq, 9);
	ck_assert_uint_eq(M.overrides[1].flags, 0);
	ck_assert(log_has("override of bus 1 IRQ 3 ignored"));
	ck_assert(log_has("override of bus 0 IRQ 16 ignored"));
	ck_assert(log_has("second override of ISA IRQ 0 ignored"));
	ck_assert(log_has("ISA IRQ 4 -> GSI 2 ignored: ISA IRQ 0 has it"));
	ck_assert(log_has("ISA IRQ 9: reserved flags 0xa"));
}
END_TEST

START_TEST(duplicate_and_excess_cpus)
{
	unsigned int i;

	madt_begin(0xfee00000, 1);
	e_lapic(0, 0, 1);
	e_lapic(1, 0, 1);
	e_x2apic(0, 1, 2);
	ck_assert_int_eq(parse_built(), 0);
	ck_assert_uint_eq(M.nr_cpus, 1);
	ck_assert(log_has("APIC id 0 listed twice"));

	madt_begin(0xfee00000, 1);
	for (i = 0; i < ACPI_MAX_CPUS + 3; i++)
		e_x2apic(i, 1, i);
	ck_assert_int_eq(parse_built(), 0);
	ck_assert_uint_eq(M.nr_cpus, ACPI_MAX_CPUS);
	ck_assert_uint_eq(M.cpus[ACPI_MAX_CPUS - 1].apic_id, ACPI_MAX_CPUS - 1);
	ck_assert(log_has("more than 256 CPUs: APIC id 256 ignored"));
}
END_TEST

START_TEST(nmi_entries)
{
	unsigned int i;

	madt_begin(0xfee00000, 1);
	e_nmi_source(ACPI_INTI_TRIGGER_LEVEL, 23);
	e_lapic_nmi(0, 0, 2);		/* no LINT2 */
	for (i = 0; i < ACPI_MAX_LAPIC_NMIS + 1; i++)
		e_lapic_nmi(i, 0, 1);
	for (i = 0; i < ACPI_MAX_NMI_SOURCES; i++)
		e_nmi_source(0, 30 + i);
	ck_assert_int_eq(parse_built(), 0);
	ck_assert_uint_eq(M.nr_nmi_sources, ACPI_MAX_NMI_SOURCES);
	ck_assert_uint_eq(M.nmi_sources[0].gsi, 23);
	ck_assert_uint_eq(M.nmi_sources[0].flags, ACPI_INTI_TRIGGER_LEVEL);
	ck_assert_uint_eq(M.nr_lapic_nmis, ACPI_MAX_LAPIC_NMIS);
	ck_assert_uint_eq(M.lapic_nmis[0].uid, 0);
	ck_assert(log_has("LAPIC NMI on LINT2 ignored"));
	ck_assert(log_has("NMI source GSI 45 ignored"));
	ck_assert(log_has("LAPIC NMI for UID 16 ignored"));
}
END_TEST

/* ---- routing ----------------------------------------------------------- */

static struct acpi_irq_route R;

static void assert_route(unsigned int irq, uint32_t gsi, bool level,
			 bool active_low)
{
	ck_assert_int_eq(acpi_madt_route(&M, irq, &R), 0);
	ck_assert_uint_eq(R.gsi, gsi);
	ck_assert_int_eq(R.level, level);
	ck_assert_int_eq(R.active_low, active_low);
}

START_TEST(route_qemu)
{
	build_qemu_madt(&T, 1);
	ck_assert_int_eq(parse_built(), 0);
	assert_route(0, 2, false, false);	/* the PIT */
	assert_route(1, 1, false, false);	/* the keyboard */
	assert_route(4, 4, false, false);	/* COM1 */
	assert_route(9, 9, true, false);	/* the SCI */
	assert_route(16, 16, true, true);	/* PCI */
	assert_route(23, 23, true, true);
	/* GSI 2 belongs to IRQ 0, so ISA IRQ 2 has no line. */
	ck_assert_int_eq(acpi_madt_route(&M, 2, &R), -ENOENT);
}
END_TEST

START_TEST(route_explicit_flags)
{
	madt_begin(0xfee00000, 1);
	e_override(0, 9, 20, 0);
	e_override(0, 3, 3, ACPI_INTI_POLARITY_LOW | ACPI_INTI_TRIGGER_LEVEL);
	e_override(0, 5, 21, ACPI_INTI_POLARITY_HIGH | ACPI_INTI_TRIGGER_EDGE);
	e_override(0, 6, 6, ACPI_INTI_POLARITY_LOW);
	ck_assert_int_eq(parse_built(), 0);
	assert_route(9, 20, false, false);
	assert_route(20, 20, false, false);	/* an ISA line, by either name */
	assert_route(3, 3, true, true);
	assert_route(21, 21, false, false);
	assert_route(6, 6, false, true);
	assert_route(22, 22, true, true);
	assert_route(0, 0, false, false);
}
END_TEST

/* ---- fuzz -------------------------------------------------------------- */

#define FUZZ_ROUNDS	6000

static void check_invariants(void)
{
	unsigned int i, j;

	ck_assert_uint_ne(M.lapic_address, 0);
	ck_assert_uint_le(M.nr_cpus, ACPI_MAX_CPUS);
	ck_assert_uint_le(M.nr_ioapics, ACPI_MAX_IOAPICS);
	ck_assert_uint_le(M.nr_overrides, ACPI_MAX_OVERRIDES);
	ck_assert_uint_le(M.nr_nmi_sources, ACPI_MAX_NMI_SOURCES);
	ck_assert_uint_le(M.nr_lapic_nmis, ACPI_MAX_LAPIC_NMIS);
	for (i = 0; i < M.nr_lapic_nmis; i++)
		ck_assert_uint_le(M.lapic_nmis[i].lint, 1);
	for (i = 0; i < M.nr_overrides; i++) {
		ck_assert_uint_lt(M.overrides[i].isa_irq, ACPI_NR_ISA_IRQS);
		for (j = 0; j < i; j++) {
			ck_assert_uint_ne(M.overrides[i].isa_irq,
					  M.overrides[j].isa_irq);
			ck_assert_uint_ne(M.overrides[i].gsi,
					  M.overrides[j].gsi);
		}
	}
	for (i = 0; i < M.nr_ioapics; i++)
		for (j = 0; j < i; j++)
			ck_assert_uint_ne(M.ioapics[i].id, M.ioapics[j].id);
	for (i = 0; i < 64; i++)
		acpi_madt_route(&M, i, &R);
}

START_TEST(fuzz_madt)
{
	unsigned int iter, i, accepted = 0;

	srand(4321 + _i);
	for (iter = 0; iter < FUZZ_ROUNDS; iter++) {
		size_t len;

		build_qemu_madt(&T, 1 + rand() % 4);
		for (i = rand() % 6; i > 0; i--)
			T.b[rand() % T.len] = (uint8_t)rand();
		len = T.len;
		if (rand() % 4 == 0)
			len = rand() % (T.len + 1);
		if (rand() & 1)
			fix_checksum(T.b, T.len);
		log_reset();
		if (parse_len(len))
			continue;
		accepted++;
		check_invariants();
	}
	/* The fuzz must reach the entry parser, not only the checksum. */
	ck_assert_uint_gt(accepted, FUZZ_ROUNDS / 20);
}
END_TEST

Suite *unit_suite(void)
{
	Suite *s = suite_create("acpi_madt");
	TCase *tc;

	tc = tcase_create("good");
	tcase_add_checked_fixture(tc, setup, NULL);
	tcase_add_test(tc, qemu_madt_one_cpu);
	tcase_add_test(tc, qemu_madt_smp);
	tcase_add_test(tc, cpu_flags);
	tcase_add_test(tc, x2apic_entries);
	tcase_add_test(tc, lapic_address_override);
	tcase_add_test(tc, lapic_address_only_in_override);
	tcase_add_test(tc, no_entries_at_all);
	tcase_add_test(tc, unknown_types_skipped);
	tcase_add_test(tc, longer_entries_accepted);
	suite_add_tcase(s, tc);

	tc = tcase_create("malformed");
	tcase_add_checked_fixture(tc, setup, NULL);
	tcase_add_test(tc, reject_entry_length_zero);
	tcase_add_test(tc, reject_entry_length_one);
	tcase_add_test(tc, reject_entry_past_the_end);
	tcase_add_test(tc, reject_entry_header_cut);
	tcase_add_loop_test(tc, reject_short_known_entry, 0,
			    sizeof(short_types) / sizeof(short_types[0]));
	tcase_add_test(tc, reject_no_lapic_address);
	tcase_add_test(tc, reject_header_defects);
	suite_add_tcase(s, tc);

	tc = tcase_create("skipped");
	tcase_add_checked_fixture(tc, setup, NULL);
	tcase_add_test(tc, duplicate_ioapics_ignored);
	tcase_add_test(tc, too_many_ioapics);
	tcase_add_test(tc, bad_overrides_ignored);
	tcase_add_test(tc, duplicate_and_excess_cpus);
	tcase_add_test(tc, nmi_entries);
	suite_add_tcase(s, tc);

	tc = tcase_create("route");
	tcase_add_checked_fixture(tc, setup, NULL);
	tcase_add_test(tc, route_qemu);
	tcase_add_test(tc, route_explicit_flags);
	suite_add_tcase(s, tc);

	tc = tcase_create("fuzz");
	tcase_set_timeout(tc, 100);
	tcase_add_checked_fixture(tc, setup, NULL);
	tcase_add_loop_test(tc, fuzz_madt, 0, 2);
	suite_add_tcase(s, tc);
	return s;
}
