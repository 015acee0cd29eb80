/*
 * In-kernel tests of the ACPI tables as the firmware really left them: the
 * lookups agree with the boot loader's RSDP, every table kept is sound, and
 * the MADT describes this machine's boot CPU.
 */
#include <string.h>
#include <breenix/acpi.h>
#include <breenix/cmdline.h>
#include <breenix/init.h>
#include <breenix/ktest.h>

static bool acpi_expected(void)
{
	const char *opt = cmdline_get("acpi");

	return boot_info.rsdp && !(opt && !strcmp(opt, "off"));
}

KTEST(acpi_tables_sound)
{
	const struct acpi_table *tab;
	const char *why;
	unsigned int i, j, n;

	if (!acpi_expected()) {
		KT_ASSERT_EQ(acpi_table_count(), 0);
		KT_ASSERT(acpi_find_table("APIC") == NULL);
		return;
	}
	KT_ASSERT(acpi_find_table("FACP") != NULL);
	KT_ASSERT(acpi_find_table("DSDT") != NULL);
	KT_ASSERT(acpi_find_table("NONE") == NULL);
	KT_ASSERT(acpi_table_get(acpi_table_count()) == NULL);
	for (i = 0; i < acpi_table_count(); i++) {
		tab = acpi_table_get(i);
		/* The n-th table of its name is found as instance n. */
		for (j = 0, n = 0; j < i; j++)
			n += !strcmp(acpi_table_get(j)->signature,
				     tab->signature);
		KT_ASSERT(acpi_find_table_n(tab->signature, n) == tab->hdr);
		KT_ASSERT_MSG(!acpi_sdt_check(tab->hdr, tab->length,
					      tab->signature, &why),
			      "%s at %#llx: %s", tab->signature,
			      (unsigned long long)tab->phys, why);
	}
}

KTEST(acpi_madt_found)
{
	const struct acpi_madt_info *m = acpi_madt();
	unsigned int i, enabled = 0;

	if (!acpi_expected()) {
		KT_ASSERT(m == NULL);
		return;
	}
	KT_ASSERT(acpi_find_table("APIC") != NULL);
	KT_ASSERT(m != NULL);
	KT_ASSERT(m->lapic_address != 0);
	KT_ASSERT(m->nr_ioapics >= 1);
	for (i = 0; i < m->nr_cpus; i++)
		enabled += m->cpus[i].enabled;
	KT_ASSERT(enabled >= 1);
}
