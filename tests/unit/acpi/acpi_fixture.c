/*
 * The ACPI host tests' shared fixture: printk capture, table builders and a
 * fake physical memory that hands out exact-size copies (see the header).
 */
#include <check.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <breenix/printk.h>
#include "acpi_fixture.h"

/* ---- the log ----------------------------------------------------------- */

static char log_text[65536];
static size_t log_len;
static unsigned int log_lines;

int printk(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(log_text + log_len, sizeof(log_text) - log_len, fmt, ap);
	va_end(ap);
	if (n > 0)
		log_len += (size_t)n < sizeof(log_text) - log_len ?
			   (size_t)n : sizeof(log_text) - log_len - 1;
	log_lines++;
	return n;
}

void log_reset(void)
{
	log_text[0] = '\0';
	log_len = 0;
	log_lines = 0;
}

bool log_has(const char *needle)
{
	return strstr(log_text, needle) != NULL;
}

unsigned int log_count(void)
{
	return log_lines;
}

/* ---- building tables --------------------------------------------------- */

void tbl_bytes(struct tbl *t, const void *p, size_t n)
{
	ck_assert_uint_le(t->len + n, sizeof(t->b));
	memcpy(t->b + t->len, p, n);
	t->len += n;
}

void tbl_u8(struct tbl *t, uint8_t v)
{
	tbl_bytes(t, &v, 1);
}

void tbl_u16(struct tbl *t, uint16_t v)
{
	tbl_bytes(t, &v, 2);
}

void tbl_u32(struct tbl *t, uint32_t v)
{
	tbl_bytes(t, &v, 4);
}

void tbl_u64(struct tbl *t, uint64_t v)
{
	tbl_bytes(t, &v, 8);
}

void put32(uint8_t *p, uint32_t v)
{
	memcpy(p, &v, 4);
}

/* As QEMU writes them: OEM "BOCHS ", table id "BXPC" + signature. */
void tbl_init(struct tbl *t, const char *sig, uint8_t revision)
{
	memset(t, 0, sizeof(*t));
	tbl_bytes(t, sig, 4);
	tbl_u32(t, 0);			/* length, set by tbl_finish */
	tbl_u8(t, revision);
	tbl_u8(t, 0);			/* checksum, set by tbl_finish */
	tbl_bytes(t, "BOCHS ", 6);
	tbl_bytes(t, "BXPC", 4);
	tbl_bytes(t, sig, 4);
	tbl_u32(t, 1);
	tbl_bytes(t, "BXPC", 4);
	tbl_u32(t, 1);
}

void fix_checksum(uint8_t *p, size_t len)
{
	uint8_t sum = 0;
	size_t i;

	p[9] = 0;
	for (i = 0; i < len; i++)
		sum += p[i];
	p[9] = (uint8_t)-sum;
}

void tbl_finish(struct tbl *t)
{
	put32(t->b + 4, (uint32_t)t->len);
	fix_checksum(t->b, t->len);
}

/* QEMU hw/i386/acpi-common.c build_madt() for the pc machine. */
void build_qemu_madt(struct tbl *t, unsigned int ncpus)
{
	static const uint8_t pci_isa_irqs[] = { 5, 9, 10, 11 };
	unsigned int i;

	tbl_init(t, "APIC", 1);
	tbl_u32(t, 0xfee00000);		/* local APIC address */
	tbl_u32(t, 1);			/* PCAT_COMPAT */
	for (i = 0; i < ncpus; i++) {
		tbl_u8(t, 0);		/* processor local APIC */
		tbl_u8(t, 8);
		tbl_u8(t, i);		/* UID */
		tbl_u8(t, i);		/* APIC id */
		tbl_u32(t, 1);		/* enabled */
	}
	tbl_u8(t, 1);			/* I/O APIC */
	tbl_u8(t, 12);
	tbl_u8(t, 0);
	tbl_u8(t, 0);
	tbl_u32(t, 0xfec00000);
	tbl_u32(t, 0);
	tbl_u8(t, 2);			/* ISA IRQ 0 -> GSI 2, conforming */
	tbl_u8(t, 10);
	tbl_u8(t, 0);
	tbl_u8(t, 0);
	tbl_u32(t, 2);
	tbl_u16(t, 0);
	for (i = 0; i < sizeof(pci_isa_irqs); i++) {
		tbl_u8(t, 2);		/* PCI-routed ISA IRQs: level, high */
		tbl_u8(t, 10);
		tbl_u8(t, 0);
		tbl_u8(t, pci_isa_irqs[i]);
		tbl_u32(t, pci_isa_irqs[i]);
		tbl_u16(t, ACPI_INTI_TRIGGER_LEVEL | ACPI_INTI_POLARITY_HIGH);
	}
	tbl_u8(t, 4);			/* LAPIC NMI: every CPU, LINT1 */
	tbl_u8(t, 6);
	tbl_u8(t, 0xff);
	tbl_u16(t, 0);
	tbl_u8(t, 1);
	tbl_finish(t);
}

void build_rsdp(uint8_t out[ACPI_RSDP_V2_SIZE], uint8_t revision,
		uint32_t rsdt, uint64_t xsdt)
{
	struct acpi_rsdp r;
	uint8_t sum = 0;
	size_t i;

	memset(&r, 0, sizeof(r));
	memcpy(r.signature, "RSD PTR ", 8);
	memcpy(r.oem_id, "BOCHS ", 6);
	r.revision = revision;
	r.rsdt_address = rsdt;
	r.length = ACPI_RSDP_V2_SIZE;
	r.xsdt_address = xsdt;
	memcpy(out, &r, sizeof(r));
	for (i = 0; i < ACPI_RSDP_V1_SIZE; i++)
		sum += out[i];
	out[8] = (uint8_t)-sum;
	sum = 0;
	for (i = 0; i < ACPI_RSDP_V2_SIZE; i++)
		sum += out[i];
	out[32] = (uint8_t)-sum;
}

uint8_t *exact_copy(const void *p, size_t n)
{
	uint8_t *q = malloc(n ? n : 1);

	ck_assert_ptr_nonnull(q);
	memcpy(q, p, n);
	return q;
}

/* ---- fake physical memory ---------------------------------------------- */

#define MAX_MAPPINGS	256

struct mapping {
	uint8_t *virt;
	uint64_t phys;
	size_t len;
};

static uint8_t memory[FAKE_SIZE];
static struct mapping live[MAX_MAPPINGS];
static unsigned int nr_live, maps_made;

static const void *fake_map(void *ctx, uint64_t phys, size_t len)
{
	struct mapping *m;

	ck_assert_ptr_eq(ctx, memory);
	if (phys < FAKE_BASE || len > FAKE_SIZE ||
	    phys - FAKE_BASE > FAKE_SIZE - len)
		return NULL;
	ck_assert_uint_lt(nr_live, MAX_MAPPINGS);
	m = &live[nr_live++];
	m->virt = exact_copy(memory + (phys - FAKE_BASE), len);
	m->phys = phys;
	m->len = len;
	maps_made++;
	return m->virt;
}

/* Unmapping must name a live mapping exactly as it was made. */
static void fake_unmap(void *ctx, const void *virt, uint64_t phys, size_t len)
{
	unsigned int i;

	ck_assert_ptr_eq(ctx, memory);
	for (i = 0; i < nr_live; i++) {
		if (live[i].virt != virt)
			continue;
		ck_assert_uint_eq(live[i].phys, phys);
		ck_assert_uint_eq(live[i].len, len);
		free(live[i].virt);
		live[i] = live[--nr_live];
		return;
	}
	ck_abort_msg("unmap of %p (phys %#llx), which is not mapped", virt,
		     (unsigned long long)phys);
}

const struct acpi_mem fake_mem = {
	.map = fake_map,
	.unmap = fake_unmap,
	.ctx = memory,
};

void fake_release_all(void)
{
	while (nr_live)
		free(live[--nr_live].virt);
}

void fake_reset(void)
{
	fake_release_all();
	memset(memory, 0, sizeof(memory));
	maps_made = 0;
	log_reset();
}

void fake_place(uint64_t phys, const void *p, size_t n)
{
	ck_assert_uint_ge(phys, FAKE_BASE);
	ck_assert_uint_le(phys - FAKE_BASE + n, FAKE_SIZE);
	memcpy(memory + (phys - FAKE_BASE), p, n);
}

uint8_t *fake_at(uint64_t phys)
{
	return memory + (phys - FAKE_BASE);
}

unsigned int fake_live_mappings(void)
{
	return nr_live;
}

unsigned int fake_maps_made(void)
{
	return maps_made;
}
