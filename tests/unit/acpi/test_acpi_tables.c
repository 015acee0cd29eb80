/*
 * Host tests for the ACPI table walk (kernel/acpi/tables.c): the RSDP and
 * root-table layouts SeaBIOS and OVMF produce under QEMU, one test per
 * defect the walk must reject or skip, and a fixed-seed fuzz run.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>
#include <breenix/acpi.h>
#include <breenix/errno.h>
#include "acpi_fixture.h"
#include "unit.h"

#define P_RSDT	(FAKE_BASE + 0x1000)
#define P_XSDT	(FAKE_BASE + 0x2000)
#define P_FACP	(FAKE_BASE + 0x3000)
#define P_APIC	(FAKE_BASE + 0x4000)
#define P_HPET	(FAKE_BASE + 0x5000)
#define P_WAET	(FAKE_BASE + 0x6000)
#define P_DSDT	(FAKE_BASE + 0x8000)
#define P_MANY	(FAKE_BASE + 0x10000)
#define LAYOUT_SIZE	0x9000

/* ACPI 6.5 table 5.9: FADT sizes of ACPI 1.0 and of 2.0 on. */
#define FADT_V1_LEN	116
#define FADT_V2_LEN	244

static struct acpi_tables T;
static struct acpi_root_info root;

static void setup(void)
{
	fake_reset();
	memset(&T, 0, sizeof(T));
	memset(&root, 0, sizeof(root));
}

static void teardown(void)
{
	fake_release_all();
}

static void place(uint64_t phys, const struct tbl *t)
{
	fake_place(phys, t->b, t->len);
}

static void build_plain(uint64_t phys, const char *sig, size_t body)
{
	struct tbl t;
	size_t i;

	tbl_init(&t, sig, 1);
	for (i = 0; i < body; i++)
		tbl_u8(&t, (uint8_t)(i * 7));
	tbl_finish(&t);
	place(phys, &t);
}

/* The FADT: DSDT in the 32-bit field (ACPI 1.0) or in X_DSDT (2.0+). */
static void build_facp(uint64_t dsdt, bool x_dsdt)
{
	struct tbl t;

	tbl_init(&t, "FACP", x_dsdt ? 5 : 1);
	tbl_u32(&t, 0);				/* FIRMWARE_CTRL */
	tbl_u32(&t, x_dsdt ? 0 : (uint32_t)dsdt);
	while (t.len < 140)
		tbl_u8(&t, 0);
	if (x_dsdt) {
		tbl_u64(&t, dsdt);
		while (t.len < FADT_V2_LEN)
			tbl_u8(&t, 0);
	} else {
		t.len = FADT_V1_LEN;
	}
	tbl_finish(&t);
	place(P_FACP, &t);
}

static void build_root(uint64_t phys, bool xsdt, const uint64_t *e,
		       unsigned int n)
{
	struct tbl t;
	unsigned int i;

	tbl_init(&t, xsdt ? "XSDT" : "RSDT", 1);
	for (i = 0; i < n; i++) {
		if (xsdt)
			tbl_u64(&t, e[i]);
		else
			tbl_u32(&t, (uint32_t)e[i]);
	}
	tbl_finish(&t);
	place(phys, &t);
}

static const uint64_t std_entries[] = { P_FACP, P_APIC, P_HPET, P_WAET };

static void build_tables(bool x_dsdt)
{
	struct tbl madt;

	build_plain(P_DSDT, "DSDT", 300);
	build_facp(P_DSDT, x_dsdt);
	build_qemu_madt(&madt, 1);
	place(P_APIC, &madt);
	build_plain(P_HPET, "HPET", 20);
	build_plain(P_WAET, "WAET", 4);
}

/* SeaBIOS: an ACPI 1.0 RSDP and an RSDT. */
static void layout_bios(void)
{
	build_tables(false);
	build_root(P_RSDT, false, std_entries, 4);
	root.revision = 0;
	root.rsdt = P_RSDT;
}

/* OVMF: an ACPI 2.0 RSDP with both; the RSDT lists less, to tell them apart. */
static void layout_uefi(void)
{
	build_tables(true);
	build_root(P_XSDT, true, std_entries, 4);
	build_root(P_RSDT, false, std_entries, 1);
	root.revision = 2;
	root.rsdt = P_RSDT;
	root.xsdt = P_XSDT;
}

static int load(void)
{
	return acpi_tables_load(&fake_mem, &root, &T);
}

static void assert_names(const char *const *names, unsigned int n)
{
	unsigned int i;

	ck_assert_uint_eq(T.count, n);
	for (i = 0; i < n; i++)
		ck_assert_str_eq(T.table[i].signature, names[i]);
	/* Only the tables kept stay mapped: headers and root were released. */
	ck_assert_uint_eq(fake_live_mappings(), T.count);
}

static const char *const all5[] = { "FACP", "APIC", "HPET", "WAET", "DSDT" };

/* ---- RSDP -------------------------------------------------------------- */

START_TEST(rsdp_v1_as_seabios)
{
	uint8_t r[ACPI_RSDP_V2_SIZE];
	uint8_t *copy;

	build_rsdp(r, 0, 0x7fe1ad8, 0);
	copy = exact_copy(r, ACPI_RSDP_V1_SIZE);
	ck_assert_int_eq(acpi_rsdp_parse(copy, ACPI_RSDP_V1_SIZE, &root), 0);
	free(copy);
	ck_assert_uint_eq(root.revision, 0);
	ck_assert_uint_eq(root.rsdt, 0x7fe1ad8);
	ck_assert_uint_eq(root.xsdt, 0);
	ck_assert_str_eq(root.oem_id, "BOCHS");
}
END_TEST

START_TEST(rsdp_v2_as_ovmf)
{
	uint8_t r[ACPI_RSDP_V2_SIZE];
	uint8_t *copy;

	build_rsdp(r, 2, 0xf77d0e8, 0xf77c0e8);
	copy = exact_copy(r, sizeof(r));
	ck_assert_int_eq(acpi_rsdp_parse(copy, sizeof(r), &root), 0);
	free(copy);
	ck_assert_uint_eq(root.revision, 2);
	ck_assert_uint_eq(root.rsdt, 0xf77d0e8);
	ck_assert_uint_eq(root.xsdt, 0xf77c0e8);
}
END_TEST

/* GRUB's old ACPI tag holds only the 20-byte part, even of a 2.0 RSDP. */
START_TEST(rsdp_v2_with_only_v1_part_uses_rsdt)
{
	uint8_t r[ACPI_RSDP_V2_SIZE];
	uint8_t *copy;

	build_rsdp(r, 2, 0x1000, 0x2000);
	copy = exact_copy(r, ACPI_RSDP_V1_SIZE);
	ck_assert_int_eq(acpi_rsdp_parse(copy, ACPI_RSDP_V1_SIZE, &root), 0);
	free(copy);
	ck_assert_uint_eq(root.rsdt, 0x1000);
	ck_assert_uint_eq(root.xsdt, 0);
}
END_TEST

static void expect_rsdp_rejected(const uint8_t *r, size_t n, const char *why)
{
	uint8_t *copy = exact_copy(r, n);

	log_reset();
	root.rsdt = 1;
	ck_assert_int_eq(acpi_rsdp_parse(copy, n, &root), -EINVAL);
	free(copy);
	ck_assert_uint_eq(root.rsdt, 0);
	ck_assert_uint_eq(root.xsdt, 0);
	ck_assert_msg(log_has(why), "log lacks \"%s\"", why);
}

START_TEST(rsdp_bad_signature)
{
	uint8_t r[ACPI_RSDP_V2_SIZE];

	build_rsdp(r, 0, 0x1000, 0);
	r[0] = 'r';
	r[8] -= 'r' - 'R';	/* checksum still right: only the name is bad */
	expect_rsdp_rejected(r, ACPI_RSDP_V1_SIZE, "bad signature");
}
END_TEST

START_TEST(rsdp_bad_checksum)
{
	uint8_t r[ACPI_RSDP_V2_SIZE];

	build_rsdp(r, 0, 0x1000, 0);
	r[8]++;
	expect_rsdp_rejected(r, ACPI_RSDP_V1_SIZE, "bad checksum");
}
END_TEST

START_TEST(rsdp_v2_bad_extended_checksum)
{
	uint8_t r[ACPI_RSDP_V2_SIZE];

	build_rsdp(r, 2, 0x1000, 0x2000);
	r[32]++;
	expect_rsdp_rejected(r, sizeof(r), "bad extended checksum");
}
END_TEST

/* A changed XSDT address with the v1 checksum intact is still caught. */
START_TEST(rsdp_v2_corrupt_xsdt_address)
{
	uint8_t r[ACPI_RSDP_V2_SIZE];

	build_rsdp(r, 2, 0x1000, 0x2000);
	r[24] ^= 0x40;
	expect_rsdp_rejected(r, sizeof(r), "bad extended checksum");
}
END_TEST

static void set_rsdp_length(uint8_t *r, uint32_t len)
{
	uint8_t sum = 0;
	size_t i;

	put32(r + 20, len);
	r[32] = 0;
	for (i = 0; i < ACPI_RSDP_V2_SIZE; i++)
		sum += r[i];
	r[32] = (uint8_t)-sum;
}

START_TEST(rsdp_v2_length_below_36)
{
	uint8_t r[ACPI_RSDP_V2_SIZE];

	build_rsdp(r, 2, 0x1000, 0x2000);
	set_rsdp_length(r, 20);
	expect_rsdp_rejected(r, sizeof(r), "bad length");
}
END_TEST

START_TEST(rsdp_v2_length_past_the_copy)
{
	uint8_t r[ACPI_RSDP_V2_SIZE];

	build_rsdp(r, 2, 0x1000, 0x2000);
	set_rsdp_length(r, 37);
	expect_rsdp_rejected(r, sizeof(r), "bad length");
}
END_TEST

START_TEST(rsdp_too_short)
{
	uint8_t r[ACPI_RSDP_V2_SIZE];

	build_rsdp(r, 0, 0x1000, 0);
	expect_rsdp_rejected(r, (size_t)_i, "shorter than 20 bytes");
}
END_TEST

START_TEST(rsdp_null)
{
	ck_assert_int_eq(acpi_rsdp_parse(NULL, 36, &root), -EINVAL);
}
END_TEST

START_TEST(rsdp_without_any_root)
{
	uint8_t r[ACPI_RSDP_V2_SIZE];

	build_rsdp(r, 2, 0, 0);
	expect_rsdp_rejected(r, sizeof(r), "no RSDT or XSDT");
}
END_TEST

/* ---- one table's header ------------------------------------------------ */

static const char *why;

START_TEST(sdt_check_good)
{
	struct tbl t;
	uint8_t *copy;

	build_qemu_madt(&t, 2);
	copy = exact_copy(t.b, t.len);
	ck_assert_int_eq(acpi_sdt_check(copy, t.len, "APIC", &why), 0);
	ck_assert_int_eq(acpi_sdt_check(copy, t.len, NULL, &why), 0);
	ck_assert_ptr_null(why);
	free(copy);
}
END_TEST

static void expect_sdt_bad(const struct tbl *t, size_t avail, const char *sig,
			   const char *what)
{
	uint8_t *copy = exact_copy(t->b, avail);

	ck_assert_int_eq(acpi_sdt_check(copy, avail, sig, &why), -EINVAL);
	ck_assert_str_eq(why, what);
	free(copy);
}

START_TEST(sdt_check_defects)
{
	struct tbl t;

	build_plain(P_HPET, "HPET", 20);
	memcpy(t.b, fake_at(P_HPET), 56);
	t.len = 56;
	expect_sdt_bad(&t, 35, NULL, "shorter than its header");
	expect_sdt_bad(&t, 55, NULL, "length runs past the end");
	expect_sdt_bad(&t, 56, "APIC", "wrong signature");
	t.b[40]++;
	expect_sdt_bad(&t, 56, NULL, "bad checksum");
	put32(t.b + 4, 35);
	fix_checksum(t.b, 35);
	expect_sdt_bad(&t, 56, NULL, "length shorter than the header");
}
END_TEST

/* ---- the walk ---------------------------------------------------------- */

START_TEST(load_seabios_layout)
{
	layout_bios();
	ck_assert_int_eq(load(), 0);
	assert_names(all5, 5);
	ck_assert(!T.xsdt);
	ck_assert_uint_eq(T.root_phys, P_RSDT);
	ck_assert_uint_eq(T.table[1].phys, P_APIC);
	ck_assert_ptr_eq(acpi_tables_find(&T, "APIC", 0), T.table[1].hdr);
	ck_assert_ptr_null(acpi_tables_find(&T, "APIC", 1));
	ck_assert_ptr_null(acpi_tables_find(&T, "SSDT", 0));
	ck_assert_ptr_null(acpi_tables_find(&T, "AP", 0));
	ck_assert_uint_eq(acpi_tables_find(&T, "DSDT", 0)->length, 336);
}
END_TEST

START_TEST(load_ovmf_layout_prefers_xsdt)
{
	layout_uefi();
	ck_assert_int_eq(load(), 0);
	assert_names(all5, 5);
	ck_assert(T.xsdt);
	ck_assert_uint_eq(T.root_phys, P_XSDT);
	ck_assert_uint_eq(log_count(), 0);
}
END_TEST

START_TEST(load_finds_every_instance)
{
	static const uint64_t e[] = { P_FACP, P_HPET, P_WAET, P_APIC };

	build_tables(false);
	build_plain(P_HPET, "SSDT", 20);
	build_plain(P_WAET, "SSDT", 40);
	build_root(P_RSDT, false, e, 4);
	root.rsdt = P_RSDT;
	ck_assert_int_eq(load(), 0);
	ck_assert_uint_eq(acpi_tables_find(&T, "SSDT", 0)->length, 56);
	ck_assert_uint_eq(acpi_tables_find(&T, "SSDT", 1)->length, 76);
	ck_assert_ptr_null(acpi_tables_find(&T, "SSDT", 2));
}
END_TEST

START_TEST(load_xsdt_bad_checksum_falls_back_to_rsdt)
{
	layout_uefi();
	fake_at(P_XSDT)[40] ^= 1;
	ck_assert_int_eq(load(), 0);
	ck_assert(!T.xsdt);
	ck_assert_uint_eq(T.root_phys, P_RSDT);
	ck_assert_uint_eq(T.count, 2);	/* the RSDT lists only the FADT */
	ck_assert(log_has("XSDT at 0x7fe2000 rejected: bad checksum"));
	ck_assert(log_has("falling back to the RSDT"));
	ck_assert_uint_eq(fake_live_mappings(), T.count);
}
END_TEST

/* 36 + 12 bytes: one and a half 8-byte entries. */
START_TEST(load_xsdt_odd_length_falls_back)
{
	struct tbl t;

	layout_uefi();
	tbl_init(&t, "XSDT", 1);
	tbl_u64(&t, P_FACP);
	tbl_u32(&t, (uint32_t)P_APIC);
	tbl_finish(&t);
	place(P_XSDT, &t);
	ck_assert_int_eq(load(), 0);
	ck_assert(!T.xsdt);
	ck_assert(log_has("not a whole number of entries"));
	ck_assert_uint_eq(fake_live_mappings(), T.count);
}
END_TEST

START_TEST(load_rsdt_odd_length_rejected)
{
	struct tbl t;

	layout_bios();
	tbl_init(&t, "RSDT", 1);
	tbl_u32(&t, (uint32_t)P_FACP);
	tbl_u16(&t, 0);
	tbl_finish(&t);
	place(P_RSDT, &t);
	ck_assert_int_eq(load(), -EINVAL);
	ck_assert_uint_eq(T.count, 0);
	ck_assert_uint_eq(fake_live_mappings(), 0);
}
END_TEST

START_TEST(load_both_roots_bad)
{
	layout_uefi();
	fake_at(P_XSDT)[40] ^= 1;
	fake_at(P_RSDT)[36] ^= 1;
	ck_assert_int_eq(load(), -EINVAL);
	ck_assert_uint_eq(fake_live_mappings(), 0);
	ck_assert(log_has("RSDT at 0x7fe1000 rejected: bad checksum"));
}
END_TEST

START_TEST(load_root_outside_memory)
{
	root.rsdt = FAKE_BASE + FAKE_SIZE - 10;
	ck_assert_int_eq(load(), -EINVAL);
	ck_assert(log_has("cannot map"));
}
END_TEST

START_TEST(load_root_with_wrong_signature)
{
	layout_bios();
	root.rsdt = P_HPET;
	ck_assert_int_eq(load(), -EINVAL);
	ck_assert(log_has("HPET at 0x7fe5000 rejected: wrong signature"));
}
END_TEST

START_TEST(load_empty_rsdt)
{
	build_root(P_RSDT, false, NULL, 0);
	root.rsdt = P_RSDT;
	ck_assert_int_eq(load(), 0);
	ck_assert_uint_eq(T.count, 0);
}
END_TEST

START_TEST(load_skips_table_with_bad_checksum)
{
	static const char *const names[] = { "FACP", "APIC", "WAET", "DSDT" };

	layout_bios();
	fake_at(P_HPET)[50] ^= 0x80;
	ck_assert_int_eq(load(), 0);
	assert_names(names, 4);
	ck_assert(log_has("HPET at 0x7fe5000 rejected: bad checksum"));
}
END_TEST

/* A length that leaves memory: the full mapping fails, nothing is read. */
START_TEST(load_skips_table_past_the_end)
{
	static const char *const names[] = { "FACP", "APIC", "HPET", "DSDT" };
	uint64_t end_table = FAKE_BASE + FAKE_SIZE - 64;
	uint64_t e[] = { P_FACP, P_APIC, P_HPET, end_table };

	layout_bios();
	build_plain(end_table, "WAET", 28);
	put32(fake_at(end_table) + 4, 65);
	build_root(P_RSDT, false, e, 4);
	ck_assert_int_eq(load(), 0);
	assert_names(names, 4);
	ck_assert(log_has("WAET at 0x80dffc0 rejected: cannot map 65 bytes"));
}
END_TEST

START_TEST(load_skips_implausible_lengths)
{
	static const char *const names[] = { "FACP", "APIC", "DSDT" };

	layout_bios();
	put32(fake_at(P_HPET) + 4, 0xffffffff);
	put32(fake_at(P_WAET) + 4, 35);
	ck_assert_int_eq(load(), 0);
	assert_names(names, 3);
	ck_assert(log_has("HPET at 0x7fe5000 rejected: implausible length 4294967295"));
	ck_assert(log_has("WAET at 0x7fe6000 rejected: implausible length 35"));
}
END_TEST

START_TEST(load_skips_null_and_repeated_entries)
{
	static const char *const names[] = { "FACP", "APIC", "DSDT" };
	static const uint64_t e[] = { P_FACP, 0, P_APIC, P_APIC };

	build_tables(true);
	build_root(P_XSDT, true, e, 4);
	root.xsdt = P_XSDT;
	ck_assert_int_eq(load(), 0);
	assert_names(names, 3);
	ck_assert(log_has("null table address skipped"));
	ck_assert(log_has("table at 0x7fe4000 listed twice"));
}
END_TEST

START_TEST(load_entry_address_wraps)
{
	static const uint64_t e[] = { 0xfffffffffffffff0ULL, P_APIC };

	build_tables(true);
	build_root(P_XSDT, true, e, 2);
	root.xsdt = P_XSDT;
	ck_assert_int_eq(load(), 0);
	ck_assert_uint_eq(T.count, 1);
	ck_assert(log_has("cannot map the table at 0xfffffffffffffff0"));
}
END_TEST

START_TEST(load_caps_the_number_of_tables)
{
	uint64_t e[ACPI_MAX_TABLES + 6];
	unsigned int i;

	for (i = 0; i < ACPI_MAX_TABLES + 6; i++) {
		e[i] = P_MANY + i * 64;
		build_plain(e[i], "SSDT", 8);
	}
	build_root(P_XSDT, true, e, ACPI_MAX_TABLES + 6);
	root.xsdt = P_XSDT;
	ck_assert_int_eq(load(), 0);
	ck_assert_uint_eq(T.count, ACPI_MAX_TABLES);
	ck_assert(log_has("more than 64 tables"));
	ck_assert_uint_eq(fake_live_mappings(), ACPI_MAX_TABLES);
	ck_assert_ptr_nonnull(acpi_tables_find(&T, "SSDT", ACPI_MAX_TABLES - 1));
}
END_TEST

START_TEST(load_dsdt_absent_or_bad)
{
	static const char *const four[] = { "FACP", "APIC", "HPET", "WAET" };

	layout_bios();
	fake_at(P_DSDT)[100] ^= 1;
	ck_assert_int_eq(load(), 0);
	assert_names(four, 4);
	ck_assert(log_has("DSDT at 0x7fe8000 rejected: bad checksum"));

	fake_release_all();
	build_facp(0, false);
	ck_assert_int_eq(load(), 0);
	assert_names(four, 4);

	/* The FADT's DSDT field must lead to a DSDT, not to any table. */
	fake_release_all();
	build_plain(P_MANY, "SSDT", 10);
	build_facp(P_MANY, true);
	ck_assert_int_eq(load(), 0);
	assert_names(four, 4);
	ck_assert(log_has("SSDT at 0x7ff0000 rejected: wrong signature"));
}
END_TEST

/* A FADT too short to hold a DSDT field: nothing is read past its end. */
START_TEST(load_short_fadt)
{
	layout_bios();
	build_plain(P_FACP, "FACP", 2);
	ck_assert_int_eq(load(), 0);
	ck_assert_uint_eq(T.count, 4);
	ck_assert_ptr_null(acpi_tables_find(&T, "DSDT", 0));
}
END_TEST

/* ---- fuzz -------------------------------------------------------------- */

static const uint64_t fuzz_tables[] = {
	P_RSDT, P_XSDT, P_FACP, P_APIC, P_HPET, P_WAET, P_DSDT
};

/* Refresh checksums after a mutation so the structural checks are reached. */
static void refix_checksums(void)
{
	unsigned int i;

	for (i = 0; i < sizeof(fuzz_tables) / sizeof(fuzz_tables[0]); i++) {
		uint32_t len;

		memcpy(&len, fake_at(fuzz_tables[i]) + 4, 4);
		if (len >= 10 && len <= FAKE_BASE + LAYOUT_SIZE - fuzz_tables[i])
			fix_checksum(fake_at(fuzz_tables[i]), len);
	}
}

START_TEST(fuzz_table_walk)
{
	unsigned int iter, i;

	srand(1234 + _i);
	for (iter = 0; iter < 1500; iter++) {
		unsigned int flips = 1 + rand() % 8;

		fake_release_all();
		memset(fake_at(FAKE_BASE), 0, LAYOUT_SIZE);
		memset(&root, 0, sizeof(root));
		if (rand() & 1)
			layout_bios();
		else
			layout_uefi();
		for (i = 0; i < flips; i++) {
			uint64_t at = fuzz_tables[rand() % 7] + rand() % 64;

			fake_at(at)[0] = (uint8_t)rand();
		}
		if (rand() & 1)
			refix_checksums();
		log_reset();
		if (load())
			continue;
		ck_assert_uint_le(T.count, ACPI_MAX_TABLES);
		ck_assert_uint_eq(fake_live_mappings(), T.count);
		for (i = 0; i < T.count; i++)
			ck_assert_int_eq(acpi_sdt_check(T.table[i].hdr,
							T.table[i].length,
							NULL, &why), 0);
	}
}
END_TEST

Suite *unit_suite(void)
{
	Suite *s = suite_create("acpi_tables");
	TCase *tc;

	tc = tcase_create("rsdp");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, rsdp_v1_as_seabios);
	tcase_add_test(tc, rsdp_v2_as_ovmf);
	tcase_add_test(tc, rsdp_v2_with_only_v1_part_uses_rsdt);
	tcase_add_test(tc, rsdp_bad_signature);
	tcase_add_test(tc, rsdp_bad_checksum);
	tcase_add_test(tc, rsdp_v2_bad_extended_checksum);
	tcase_add_test(tc, rsdp_v2_corrupt_xsdt_address);
	tcase_add_test(tc, rsdp_v2_length_below_36);
	tcase_add_test(tc, rsdp_v2_length_past_the_copy);
	tcase_add_loop_test(tc, rsdp_too_short, 0, ACPI_RSDP_V1_SIZE);
	tcase_add_test(tc, rsdp_null);
	tcase_add_test(tc, rsdp_without_any_root);
	suite_add_tcase(s, tc);

	tc = tcase_create("sdt");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, sdt_check_good);
	tcase_add_test(tc, sdt_check_defects);
	suite_add_tcase(s, tc);

	tc = tcase_create("walk");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, load_seabios_layout);
	tcase_add_test(tc, load_ovmf_layout_prefers_xsdt);
	tcase_add_test(tc, load_finds_every_instance);
	tcase_add_test(tc, load_xsdt_bad_checksum_falls_back_to_rsdt);
	tcase_add_test(tc, load_xsdt_odd_length_falls_back);
	tcase_add_test(tc, load_rsdt_odd_length_rejected);
	tcase_add_test(tc, load_both_roots_bad);
	tcase_add_test(tc, load_root_outside_memory);
	tcase_add_test(tc, load_root_with_wrong_signature);
	tcase_add_test(tc, load_empty_rsdt);
	tcase_add_test(tc, load_skips_table_with_bad_checksum);
	tcase_add_test(tc, load_skips_table_past_the_end);
	tcase_add_test(tc, load_skips_implausible_lengths);
	tcase_add_test(tc, load_skips_null_and_repeated_entries);
	tcase_add_test(tc, load_entry_address_wraps);
	tcase_add_test(tc, load_caps_the_number_of_tables);
	tcase_add_test(tc, load_dsdt_absent_or_bad);
	tcase_add_test(tc, load_short_fadt);
	suite_add_tcase(s, tc);

	tc = tcase_create("fuzz");
	tcase_set_timeout(tc, 100);
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_loop_test(tc, fuzz_table_walk, 0, 2);
	suite_add_tcase(s, tc);
	return s;
}
