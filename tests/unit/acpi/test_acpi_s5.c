/*
 * The \_S5 AML parser and the FADT power-management fields
 * (kernel/acpi/sleep.c): the encodings QEMU's and real firmware's DSDTs
 * use, every truncation, bad PkgLength and non-integer element, and fuzz.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <breenix/acpi.h>
#include <breenix/errno.h>
#include "unit.h"

/* QEMU (hw/acpi/aml-build.c): Name (_S5, Package (0x04) { Zero, Zero, Zero, Zero }). */
static const uint8_t qemu_s5[] = {
	0x10, 0x05, 0x5c, 0x00,			/* some earlier Scope (\) */
	0x08, '_', 'S', '5', '_', 0x12, 0x06, 0x04, 0x00, 0x00, 0x00, 0x00,
};

START_TEST(qemu_encoding)
{
	uint8_t a = 9, b = 9;

	ck_assert_int_eq(acpi_s5_parse(qemu_s5, sizeof(qemu_s5), &a, &b), 0);
	ck_assert_uint_eq(a, 0);
	ck_assert_uint_eq(b, 0);
}
END_TEST

/* Many PCs: Name (\_S5, Package () { 0x07, 0x07 }) with BytePrefix. */
START_TEST(root_prefix_and_bytes)
{
	static const uint8_t aml[] = {
		0x08, 0x5c, '_', 'S', '5', '_', 0x12, 0x07, 0x03,
		0x0a, 0x07, 0x0a, 0x05, 0x00,
	};
	uint8_t a, b;

	ck_assert_int_eq(acpi_s5_parse(aml, sizeof(aml), &a, &b), 0);
	ck_assert_uint_eq(a, 7);
	ck_assert_uint_eq(b, 5);
}
END_TEST

START_TEST(word_dword_one_and_long_pkglength)
{
	/* PkgLength in two bytes: 0x40 | low nibble, then the next 8 bits. */
	static const uint8_t aml[] = {
		0x08, '_', 'S', '5', '_', 0x12, 0x4b, 0x00, 0x02,
		0x0b, 0x06, 0x00, 0x0c, 0x01, 0x00, 0x00, 0x00,
	};
	static const uint8_t one[] = {
		0x08, '_', 'S', '5', '_', 0x12, 0x04, 0x02, 0x01, 0x01,
	};
	uint8_t a, b;

	ck_assert_int_eq(acpi_s5_parse(aml, sizeof(aml), &a, &b), 0);
	ck_assert_uint_eq(a, 6);
	ck_assert_uint_eq(b, 1);
	ck_assert_int_eq(acpi_s5_parse(one, sizeof(one), &a, &b), 0);
	ck_assert_uint_eq(a, 1);
	ck_assert_uint_eq(b, 1);
}
END_TEST

/* A single integer carries SLP_TYPa and SLP_TYPb in its two low bytes. */
START_TEST(one_element_package)
{
	static const uint8_t aml[] = {
		0x08, '_', 'S', '5', '_', 0x12, 0x05, 0x01, 0x0b, 0x07, 0x05,
	};
	uint8_t a, b;

	ck_assert_int_eq(acpi_s5_parse(aml, sizeof(aml), &a, &b), 0);
	ck_assert_uint_eq(a, 7);
	ck_assert_uint_eq(b, 5);
}
END_TEST

START_TEST(absent_and_not_a_name)
{
	/* "_S5_" inside a string: not a Name. */
	static const uint8_t str[] = { 0x0d, 'x', '_', 'S', '5', '_', 0x00 };
	/*
	 * Method (_S5) whose PkgLength byte happens to equal NameOp: the byte
	 * scan cannot tell, but what follows is no package, so it fails.
	 */
	static const uint8_t method[] = {
		0x14, 0x08, '_', 'S', '5', '_', 0x00, 0xa4, 0x00,
	};
	uint8_t a, b;

	ck_assert_int_eq(acpi_s5_parse(str, sizeof(str), &a, &b), -ENOENT);
	ck_assert_int_eq(acpi_s5_parse(str, 0, &a, &b), -ENOENT);
	ck_assert_int_eq(acpi_s5_parse(method, sizeof(method), &a, &b), -EINVAL);
}
END_TEST

/* A false match before the real object does not hide it. */
START_TEST(false_match_then_real)
{
	static const uint8_t aml[] = {
		0x14, 0x08, '_', 'S', '5', '_', 0x00, 0xa4, 0x00,
		0x08, '_', 'S', '5', '_', 0x12, 0x06, 0x04, 0x0a, 0x05,
		0x00, 0x00, 0x00,
	};
	uint8_t a, b;

	ck_assert_int_eq(acpi_s5_parse(aml, sizeof(aml), &a, &b), 0);
	ck_assert_uint_eq(a, 5);
	ck_assert_uint_eq(b, 0);
}
END_TEST

START_TEST(malformed)
{
	static const uint8_t not_pkg[] = { 0x08, '_', 'S', '5', '_', 0x0a, 0x05 };
	static const uint8_t too_long[] = {
		0x08, '_', 'S', '5', '_', 0x12, 0x20, 0x02, 0x0a, 0x05, 0x0a, 0x05,
	};
	static const uint8_t empty[] = { 0x08, '_', 'S', '5', '_', 0x12, 0x02, 0x00 };
	static const uint8_t string_elem[] = {
		0x08, '_', 'S', '5', '_', 0x12, 0x06, 0x02, 0x0d, 'a', 0x00, 0x00,
	};
	static const uint8_t bad_pkglen[] = {
		0x08, '_', 'S', '5', '_', 0x12, 0x70, 0x00, 0x02, 0x00, 0x00,
	};
	uint8_t a, b;

	ck_assert_int_eq(acpi_s5_parse(not_pkg, sizeof(not_pkg), &a, &b), -EINVAL);
	ck_assert_int_eq(acpi_s5_parse(too_long, sizeof(too_long), &a, &b), -EINVAL);
	ck_assert_int_eq(acpi_s5_parse(empty, sizeof(empty), &a, &b), -EINVAL);
	ck_assert_int_eq(acpi_s5_parse(string_elem, sizeof(string_elem), &a, &b),
			 -EINVAL);
	ck_assert_int_eq(acpi_s5_parse(bad_pkglen, sizeof(bad_pkglen), &a, &b),
			 -EINVAL);
}
END_TEST

/* Every truncation of a good table fails cleanly, never reads past it. */
START_TEST(truncations)
{
	uint8_t a, b;
	size_t n;

	for (n = 0; n < sizeof(qemu_s5); n++) {
		uint8_t *copy = malloc(n ? n : 1);

		memcpy(copy, qemu_s5, n);
		CHECK(acpi_s5_parse(copy, n, &a, &b) != 0, "length %zu parsed", n);
		free(copy);
	}
}
END_TEST

/* Random bytes around a planted name: no crash, no read out of bounds. */
START_TEST(fuzz)
{
	uint8_t a, b;
	int i;

	srand(7);
	for (i = 0; i < 20000; i++) {
		size_t n = (size_t)rand() % 48, j;
		uint8_t *buf = malloc(n ? n : 1);

		for (j = 0; j < n; j++)
			buf[j] = (uint8_t)rand();
		if (n > 6 && rand() % 2) {
			size_t at = (size_t)rand() % (n - 6);

			memcpy(buf + at, "\x08_S5_\x12", 6);
		}
		acpi_s5_parse(buf, n, &a, &b);
		free(buf);
	}
}
END_TEST

/* A FADT of revision 6 as QEMU builds it (PIIX4: PM1a at 0x604, reset 0xcf9). */
START_TEST(fadt_fields)
{
	uint8_t fadt[276];
	struct acpi_pm_info pm;
	uint32_t v32;
	uint64_t v64;

	memset(fadt, 0, sizeof(fadt));
	v32 = 0xb2;
	memcpy(fadt + 48, &v32, 4);
	fadt[52] = 0xf1;
	v32 = 0x604;
	memcpy(fadt + 64, &v32, 4);
	v32 = 1u << 10;
	memcpy(fadt + 112, &v32, 4);
	fadt[116] = ACPI_GAS_IO;
	fadt[117] = 8;
	v64 = 0xcf9;
	memcpy(fadt + 120, &v64, 8);
	fadt[128] = 0x06;
	ck_assert_int_eq(acpi_fadt_pm_parse(fadt, sizeof(fadt), &pm), 0);
	ck_assert_uint_eq(pm.pm1a_cnt, 0x604);
	ck_assert_uint_eq(pm.pm1b_cnt, 0);
	ck_assert_uint_eq(pm.smi_cmd, 0xb2);
	ck_assert_uint_eq(pm.acpi_enable, 0xf1);
	ck_assert(pm.reset_supported);
	ck_assert_uint_eq(pm.reset_reg.space_id, ACPI_GAS_IO);
	ck_assert_uint_eq(pm.reset_reg.address, 0xcf9);
	ck_assert_uint_eq(pm.reset_value, 6);

	/* X_PM1a_CNT_BLK in system I/O wins over the 32-bit field. */
	fadt[172] = ACPI_GAS_IO;
	v64 = 0xb004;
	memcpy(fadt + 176, &v64, 8);
	ck_assert_int_eq(acpi_fadt_pm_parse(fadt, sizeof(fadt), &pm), 0);
	ck_assert_uint_eq(pm.pm1a_cnt, 0xb004);
	/* A memory-space one is not a port: the 32-bit field stays. */
	fadt[172] = ACPI_GAS_MEMORY;
	ck_assert_int_eq(acpi_fadt_pm_parse(fadt, sizeof(fadt), &pm), 0);
	ck_assert_uint_eq(pm.pm1a_cnt, 0x604);
	/* An ACPI 1.0 FADT (116 bytes) has no reset register. */
	ck_assert_int_eq(acpi_fadt_pm_parse(fadt, 116, &pm), 0);
	ck_assert(!pm.reset_supported);
	ck_assert_int_eq(acpi_fadt_pm_parse(fadt, 71, &pm), -EINVAL);
}
END_TEST

Suite *unit_suite(void)
{
	Suite *s = suite_create("acpi_s5");
	TCase *tc = tcase_create("acpi_s5");

	tcase_add_test(tc, qemu_encoding);
	tcase_add_test(tc, root_prefix_and_bytes);
	tcase_add_test(tc, word_dword_one_and_long_pkglength);
	tcase_add_test(tc, one_element_package);
	tcase_add_test(tc, absent_and_not_a_name);
	tcase_add_test(tc, false_match_then_real);
	tcase_add_test(tc, malformed);
	tcase_add_test(tc, truncations);
	tcase_add_test(tc, fuzz);
	tcase_add_test(tc, fadt_fields);
	suite_add_tcase(s, tc);
	return s;
}
