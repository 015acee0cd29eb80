/*
 * Power-off and reset through ACPI: S5 by writing \_S5's sleep types with
 * SLP_EN to the PM1 control registers (ACPI 6.5 4.8.3.2.1, 7.4.2), reset
 * through the FADT's reset register (ACPI 6.5 4.8.3.6).
 */
#include <breenix/acpi.h>
#include <breenix/delay.h>
#include <breenix/errno.h>
#include <breenix/printk.h>
#include <breenix/vmalloc.h>
#include <asm/io.h>

#define ACPI_HEADER_SIZE	ACPI_SDT_HEADER_SIZE

/* ACPI 6.5 table 4.13: PM1 control register bits. */
#define PM1_SCI_EN		0x0001
#define PM1_SLP_TYP_SHIFT	10
#define PM1_SLP_TYP_MASK	(7u << PM1_SLP_TYP_SHIFT)
#define PM1_SLP_EN		0x2000

/* ACPI mode takes at most this long to come on after the SMI (ACPICA: 3 s). */
#define ACPI_ENABLE_WAIT_MS	3000

static int fadt_pm(struct acpi_pm_info *pm)
{
	const struct acpi_sdt_header *fadt = acpi_find_table("FACP");

	if (!fadt)
		return -ENODEV;
	return acpi_fadt_pm_parse(fadt, fadt->length, pm);
}

/* \_S5 is in the DSDT, or failing that in an SSDT. */
static int find_s5(uint8_t *a, uint8_t *b)
{
	const struct acpi_sdt_header *t = acpi_find_table("DSDT");
	unsigned int n = 0;

	for (;;) {
		if (t && !acpi_s5_parse((const uint8_t *)t + ACPI_HEADER_SIZE,
					t->length - ACPI_HEADER_SIZE, a, b))
			return 0;
		t = acpi_find_table_n("SSDT", n++);
		if (!t)
			return -ENOENT;
	}
}

/* Switches the chipset to ACPI mode through the SMI port if it is not. */
static void acpi_enable_mode(const struct acpi_pm_info *pm)
{
	unsigned int ms;

	/* The PM1 control port from the FADT: reading SCI_EN. */
	if (inw((uint16_t)pm->pm1a_cnt) & PM1_SCI_EN)
		return;
	if (!pm->smi_cmd || !pm->acpi_enable)
		return;
	/* The FADT's SMI command port takes ACPI_ENABLE. */
	outb((uint16_t)pm->smi_cmd, pm->acpi_enable);
	for (ms = 0; ms < ACPI_ENABLE_WAIT_MS; ms++) {
		if (inw((uint16_t)pm->pm1a_cnt) & PM1_SCI_EN)
			return;
		mdelay(1);
	}
}

/* Writes the sleep type, then the same with SLP_EN, as ACPICA does. */
static void pm1_sleep(uint32_t port, uint8_t typ)
{
	uint16_t v;

	if (!port)
		return;
	/* PM1x_CNT is a 16-bit I/O register (ACPI 6.5 4.8.3.2.1). */
	v = inw((uint16_t)port) & ~(PM1_SLP_TYP_MASK | PM1_SLP_EN);
	v |= (uint16_t)((typ & 7u) << PM1_SLP_TYP_SHIFT);
	outw((uint16_t)port, v);
	outw((uint16_t)port, v | PM1_SLP_EN);
}

int acpi_power_off(void)
{
	struct acpi_pm_info pm;
	uint8_t a, b;
	int err;

	err = fadt_pm(&pm);
	if (!err && !pm.pm1a_cnt)
		err = -ENODEV;
	if (!err)
		err = find_s5(&a, &b);
	if (err) {
		pr_warn("ACPI: cannot power off: no FADT PM1 block or \\_S5 (%d)\n",
			err);
		return err;
	}
	acpi_enable_mode(&pm);
	pm1_sleep(pm.pm1b_cnt, b);
	pm1_sleep(pm.pm1a_cnt, a);
	/* The machine goes off a little after the write; give it time. */
	mdelay(100);
	return -EIO;
}

int acpi_reset(void)
{
	struct acpi_pm_info pm;
	uint8_t *mmio;
	int err = fadt_pm(&pm);

	if (err || !pm.reset_supported)
		return err ? err : -ENODEV;
	switch (pm.reset_reg.space_id) {
	case ACPI_GAS_IO:
		/* The FADT's reset register, a byte port. */
		outb((uint16_t)pm.reset_reg.address, pm.reset_value);
		break;
	case ACPI_GAS_MEMORY:
		mmio = ioremap(pm.reset_reg.address, 1);
		if (!mmio)
			return -ENOMEM;
		/* The FADT's reset register, a byte of MMIO. */
		*(volatile uint8_t *)mmio = pm.reset_value;
		break;
	default:
		/* PCI configuration space reset registers are not handled. */
		return -EOPNOTSUPP;
	}
	mdelay(50);
	return -EIO;
}
