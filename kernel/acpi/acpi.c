/*
 * ACPI in the running kernel: follows the RSDP the boot loader copied to the
 * tables, keeps every valid one mapped for later users (the MADT now; the
 * FADT and DSDT for power-off), and parses the MADT once for the APIC code.
 */
#include <stdio.h>
#include <string.h>
#include <breenix/acpi.h>
#include <breenix/bootinfo.h>
#include <breenix/cmdline.h>
#include <breenix/errno.h>
#include <breenix/init.h>
#include <breenix/printk.h>
#include <breenix/vmalloc.h>
#include <asm/page.h>

static struct acpi_tables tables;
static struct acpi_madt_info madt;
static bool madt_valid;

static bool mmap_is_ram(uint32_t type)
{
	return type == MMAP_AVAILABLE || type == MMAP_ACPI_RECLAIMABLE ||
	       type == MMAP_NVS;
}

/*
 * Whether every page of [phys, phys + len) lies in one RAM range of the
 * memory map, so the direct map (which maps whole RAM pages, ACPI data and
 * NVS included) covers it. Tables elsewhere (firmware often puts them in
 * "reserved" memory) are reached through ioremap instead.
 */
static bool in_direct_map(uint64_t phys, size_t len)
{
	uint64_t start = phys & ~(PAGE_SIZE - 1);
	uint64_t end = (phys + len + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1);
	struct mmap_range r;
	uint32_t i;

	for (i = 0; i < boot_info.mmap_count; i++) {
		bootinfo_mmap_entry(&boot_info, i, &r);
		if (!mmap_is_ram(r.type))
			continue;
		if (start >= ((r.base + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1)) &&
		    end <= ((r.base + r.length) & ~(PAGE_SIZE - 1)))
			return true;
	}
	return false;
}

static const void *acpi_map(void *ctx, uint64_t phys, size_t len)
{
	(void)ctx;
	if (phys + len < phys)
		return NULL;
	if (in_direct_map(phys, len))
		return phys_to_virt(phys);
	return ioremap(phys, len);
}

static void acpi_unmap(void *ctx, const void *virt, uint64_t phys, size_t len)
{
	(void)ctx;
	if (!in_direct_map(phys, len))
		iounmap((void *)virt);
}

static const struct acpi_mem kernel_mem = {
	.map = acpi_map,
	.unmap = acpi_unmap,
};

static void log_tables(void)
{
	char list[ACPI_MAX_TABLES * 5 + 1];
	size_t used = 0;
	unsigned int i;

	list[0] = '\0';
	for (i = 0; i < tables.count; i++)
		used += snprintf(list + used, sizeof(list) - used, " %s",
				 tables.table[i].signature);
	pr_info("ACPI: RSDP rev %u OEM %s, %s at %#llx, tables:%s\n",
		tables.root.revision, tables.root.oem_id,
		tables.xsdt ? "XSDT" : "RSDT",
		(unsigned long long)tables.root_phys, list);
}

static void log_madt(void)
{
	unsigned int i, enabled = 0;
	char hotplug[32] = "";

	for (i = 0; i < madt.nr_cpus; i++)
		enabled += madt.cpus[i].enabled;
	if (madt.nr_cpus > enabled)
		snprintf(hotplug, sizeof(hotplug), " (+%u hot-pluggable)",
			 madt.nr_cpus - enabled);
	pr_info("ACPI: MADT: LAPIC at %#llx, %u CPU%s%s, %u IOAPIC%s%s\n",
		(unsigned long long)madt.lapic_address, enabled,
		enabled == 1 ? "" : "s", hotplug,
		madt.nr_ioapics, madt.nr_ioapics == 1 ? "" : "s",
		madt.pcat_compat ? ", dual 8259 PICs" : "");
	for (i = 0; i < madt.nr_ioapics; i++)
		pr_info("ACPI: MADT: IOAPIC id %u at %#x, GSI base %u\n",
			madt.ioapics[i].id, madt.ioapics[i].address,
			madt.ioapics[i].gsi_base);
	for (i = 0; i < madt.nr_overrides; i++) {
		struct acpi_irq_route r;

		acpi_madt_route(&madt, madt.overrides[i].isa_irq, &r);
		pr_info("ACPI: MADT: ISA IRQ %u -> GSI %u, %s, active %s\n",
			madt.overrides[i].isa_irq, r.gsi,
			r.level ? "level" : "edge", r.active_low ? "low" : "high");
	}
	for (i = 0; i < madt.nr_nmi_sources; i++)
		pr_info("ACPI: MADT: NMI on GSI %u\n", madt.nmi_sources[i].gsi);
	for (i = 0; i < madt.nr_lapic_nmis; i++) {
		if (madt.lapic_nmis[i].uid == ACPI_UID_ALL)
			pr_info("ACPI: MADT: LAPIC NMI on LINT%u of every CPU\n",
				madt.lapic_nmis[i].lint);
		else
			pr_info("ACPI: MADT: LAPIC NMI on LINT%u of CPU UID %u\n",
				madt.lapic_nmis[i].lint, madt.lapic_nmis[i].uid);
	}
}

static void madt_init(void)
{
	const struct acpi_sdt_header *h = acpi_find_table("APIC");

	if (!h) {
		pr_info("ACPI: no MADT\n");
		return;
	}
	if (acpi_madt_parse(h, h->length, &madt))
		return;
	madt_valid = true;
	log_madt();
}

int acpi_init(void)
{
	const char *opt = cmdline_get("acpi");
	struct acpi_root_info root;

	if (opt && !strcmp(opt, "off")) {
		pr_info("ACPI: disabled by acpi=off\n");
		return -ENODEV;
	}
	if (!boot_info.rsdp) {
		pr_info("ACPI: the boot loader passed no RSDP: no ACPI tables\n");
		return -ENODEV;
	}
	if (acpi_rsdp_parse(boot_info.rsdp, boot_info.rsdp_size, &root))
		return -ENODEV;
	if (acpi_tables_load(&kernel_mem, &root, &tables)) {
		pr_warn("ACPI: no usable RSDT or XSDT: no ACPI tables\n");
		return -ENODEV;
	}
	log_tables();
	madt_init();
	return 0;
}

const struct acpi_sdt_header *acpi_find_table_n(const char *sig,
						unsigned int n)
{
	return acpi_tables_find(&tables, sig, n);
}

const struct acpi_sdt_header *acpi_find_table(const char *sig)
{
	return acpi_tables_find(&tables, sig, 0);
}

unsigned int acpi_table_count(void)
{
	return tables.count;
}

const struct acpi_table *acpi_table_get(unsigned int i)
{
	return i < tables.count ? &tables.table[i] : NULL;
}

const struct acpi_madt_info *acpi_madt(void)
{
	return madt_valid ? &madt : NULL;
}
