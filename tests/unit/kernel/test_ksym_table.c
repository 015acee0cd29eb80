/* Naming addresses from an ELF symbol table: lookup rules and validation. */
#include <check.h>
#include <stdlib.h>
#include <string.h>
#include <breenix/elf.h>
#include <breenix/errno.h>
#include <breenix/ksyms.h>
#include "unit.h"

static const char strtab[] = "\0alpha\0beta\0label\0data_obj\0undef\0late";
#define NAME_ALPHA	1
#define NAME_BETA	7
#define NAME_LABEL	12
#define NAME_DATA	18
#define NAME_UNDEF	27
#define NAME_LATE	33

#define TEXT_START	0x1000
#define TEXT_END	0x9000

static Elf64_Sym syms[] = {
	{ 0 },
	{ NAME_ALPHA, STT_FUNC, 0, 1, 0x1000, 0x100 },
	{ NAME_BETA, STT_FUNC, 0, 1, 0x1100, 0x80 },
	{ NAME_LABEL, STT_NOTYPE, 0, 1, 0x2000, 0 },
	{ NAME_DATA, 1 /* STT_OBJECT */, 0, 2, 0x3000, 0x10 },
	{ NAME_UNDEF, STT_FUNC, 0, SHN_UNDEF, 0x4000, 0x10 },
	{ NAME_LATE, STT_FUNC, 0, 1, 0x9000, 0x10 },
};

static struct ksym_table table(void)
{
	struct ksym_table t;

	ck_assert_int_eq(ksym_table_init(&t, syms, sizeof(syms), strtab,
					 sizeof(strtab), TEXT_START, TEXT_END), 0);
	return t;
}

START_TEST(names_function_and_offset)
{
	struct ksym_table t = table();
	struct ksym k;

	ck_assert_int_eq(ksym_table_lookup(&t, 0x1010, &k), 0);
	ck_assert_str_eq(k.name, "alpha");
	ck_assert_uint_eq(k.offset, 0x10);
	ck_assert_uint_eq(k.size, 0x100);
	ck_assert_int_eq(ksym_table_lookup(&t, 0x1100, &k), 0);
	ck_assert_str_eq(k.name, "beta");
	ck_assert_uint_eq(k.offset, 0);
}
END_TEST

START_TEST(labels_count_data_and_undefined_do_not)
{
	struct ksym_table t = table();
	struct ksym k;

	ck_assert_int_eq(ksym_table_lookup(&t, 0x2004, &k), 0);
	ck_assert_str_eq(k.name, "label");
	/* 0x3008: the data object is skipped, the nearest code is the label. */
	ck_assert_int_eq(ksym_table_lookup(&t, 0x3008, &k), 0);
	ck_assert_str_eq(k.name, "label");
	ck_assert_int_eq(ksym_table_lookup(&t, 0x4004, &k), 0);
	ck_assert_str_eq(k.name, "label");
}
END_TEST

START_TEST(outside_text_is_not_named)
{
	struct ksym_table t = table();
	struct ksym k;

	ck_assert_int_eq(ksym_table_lookup(&t, 0xfff, &k), -ENOENT);
	ck_assert_int_eq(ksym_table_lookup(&t, TEXT_END, &k), -ENOENT);
	ck_assert_int_eq(ksym_table_lookup(&t, 0x9004, &k), -ENOENT);
}
END_TEST

START_TEST(bad_tables_are_rejected)
{
	struct ksym_table t;
	char unterminated[4] = { 'a', 'b', 'c', 'd' };

	ck_assert_int_eq(ksym_table_init(&t, syms, sizeof(syms) - 1, strtab,
					 sizeof(strtab), 0, 1), -EINVAL);
	ck_assert_int_eq(ksym_table_init(&t, syms, sizeof(syms), unterminated,
					 sizeof(unterminated), 0, 1), -EINVAL);
	ck_assert_int_eq(ksym_table_init(&t, NULL, 0, strtab, sizeof(strtab),
					 0, 1), -EINVAL);
	ck_assert_int_eq(ksym_table_init(&t, syms, sizeof(syms), strtab, 0, 0, 1),
			 -EINVAL);
	ck_assert_int_eq(ksym_table_init(&t, syms, sizeof(syms), strtab,
					 sizeof(strtab), 5, 5), -EINVAL);
}
END_TEST

START_TEST(name_offsets_past_strtab_are_ignored)
{
	Elf64_Sym bad[] = {
		{ 0 },
		{ 9999, STT_FUNC, 0, 1, 0x1000, 0x10 },
	};
	struct ksym_table t;
	struct ksym k;

	ck_assert_int_eq(ksym_table_init(&t, bad, sizeof(bad), strtab,
					 sizeof(strtab), TEXT_START, TEXT_END), 0);
	ck_assert_int_eq(ksym_table_lookup(&t, 0x1000, &k), -ENOENT);
}
END_TEST

Suite *unit_suite(void)
{
	Suite *s = suite_create("ksym_table");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, names_function_and_offset);
	tcase_add_test(tc, labels_count_data_and_undefined_do_not);
	tcase_add_test(tc, outside_text_is_not_named);
	tcase_add_test(tc, bad_tables_are_rejected);
	tcase_add_test(tc, name_offsets_past_strtab_are_ignored);
	suite_add_tcase(s, tc);
	return s;
}
