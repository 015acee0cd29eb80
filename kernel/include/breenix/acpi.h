/*
 * ACPI tables: the RSDP the boot loader copied, the RSDT/XSDT and every
 * table they list (checksums verified, lengths bounded), and the interrupt
 * model the MADT describes. The parsers work on byte buffers, so the host
 * unit tests (tests/unit/acpi) feed them crafted and malformed tables.
 */
#ifndef BREENIX_ACPI_H
#define BREENIX_ACPI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ACPI 6.5 5.2.5.3: Root System Description Pointer. */
struct acpi_rsdp {
	char signature[8];		/* "RSD PTR " */
	uint8_t checksum;		/* bytes 0-19 sum to zero */
	char oem_id[6];
	uint8_t revision;		/* 0: ACPI 1.0; 2: ACPI 2.0 and later */
	uint32_t rsdt_address;
	/* From here on only when revision >= 2. */
	uint32_t length;		/* of the whole structure */
	uint64_t xsdt_address;
	uint8_t extended_checksum;	/* all length bytes sum to zero */
	uint8_t reserved[3];
} __attribute__((packed));

#define ACPI_RSDP_V1_SIZE	20
#define ACPI_RSDP_V2_SIZE	36

/* ACPI 6.5 5.2.6: the header every system description table starts with. */
struct acpi_sdt_header {
	char signature[4];
	uint32_t length;		/* of the table, header included */
	uint8_t revision;
	uint8_t checksum;		/* all length bytes sum to zero */
	char oem_id[6];
	char oem_table_id[8];
	uint32_t oem_revision;
	uint32_t creator_id;
	uint32_t creator_revision;
} __attribute__((packed));

#define ACPI_SDT_HEADER_SIZE	36

/*
 * A table is never trusted past this length: the largest real tables
 * (DSDTs of big servers) stay well below it.
 */
#define ACPI_MAX_TABLE_LEN	(16u << 20)
#define ACPI_MAX_TABLES		64

/* What a valid RSDP points at. */
struct acpi_root_info {
	uint8_t revision;
	char oem_id[7];			/* NUL-terminated */
	uint64_t rsdt;			/* physical; 0 if absent */
	uint64_t xsdt;			/* physical; 0 if absent or revision < 2 */
};

/*
 * Physical memory as the table walk sees it: map returns a pointer to
 * [phys, phys + len) or NULL; unmap releases what map returned for the same
 * phys and len. The kernel maps through the direct map or ioremap, the host
 * tests an exact-size copy of a fake memory.
 */
struct acpi_mem {
	const void *(*map)(void *ctx, uint64_t phys, size_t len);
	void (*unmap)(void *ctx, const void *virt, uint64_t phys, size_t len);
	void *ctx;
};

struct acpi_table {
	char signature[5];		/* NUL-terminated */
	uint64_t phys;
	uint32_t length;
	const struct acpi_sdt_header *hdr;	/* stays mapped */
};

struct acpi_tables {
	struct acpi_root_info root;
	uint64_t root_phys;		/* the XSDT or RSDT in use */
	bool xsdt;			/* whether root_phys is an XSDT */
	unsigned int count;
	struct acpi_table table[ACPI_MAX_TABLES];
};

/* Validates an RSDP copy of size bytes; 0 or -EINVAL (with a log line). */
int acpi_rsdp_parse(const void *buf, size_t size, struct acpi_root_info *out);

/*
 * Checks a table of avail bytes at buf: header present, length within
 * [36, avail], checksum zero, signature sig (if not NULL). Returns 0, or
 * -EINVAL with *why set to the defect.
 */
int acpi_sdt_check(const void *buf, size_t avail, const char *sig,
		   const char **why);

/*
 * Walks the root table (the XSDT when the RSDP has one, else the RSDT; a bad
 * XSDT falls back to the RSDT) and maps every table it lists whose header
 * and checksum are sound, plus the DSDT the FADT names. Bad tables are
 * logged and skipped. Returns 0, or -EINVAL when no root table is usable.
 */
int acpi_tables_load(const struct acpi_mem *mem,
		     const struct acpi_root_info *root, struct acpi_tables *t);

/* The n-th (from 0) loaded table with signature sig, or NULL. */
const struct acpi_sdt_header *acpi_tables_find(const struct acpi_tables *t,
					       const char *sig, unsigned int n);

/* ---- MADT (ACPI 6.5 5.2.12) -------------------------------------------- */

#define ACPI_MAX_CPUS		256
#define ACPI_MAX_IOAPICS	16
#define ACPI_MAX_OVERRIDES	16	/* at most one per ISA IRQ */
#define ACPI_MAX_NMI_SOURCES	16
#define ACPI_MAX_LAPIC_NMIS	16
#define ACPI_NR_ISA_IRQS	16

#define ACPI_UID_ALL		0xffffffffu	/* a LAPIC NMI for every CPU */

/* ACPI 6.5 table 5.50: MPS INTI flags of overrides and NMI entries. */
#define ACPI_INTI_POLARITY_MASK		0x3
#define ACPI_INTI_POLARITY_CONFORMS	0x0
#define ACPI_INTI_POLARITY_HIGH		0x1
#define ACPI_INTI_POLARITY_LOW		0x3
#define ACPI_INTI_TRIGGER_MASK		0xc
#define ACPI_INTI_TRIGGER_CONFORMS	0x0
#define ACPI_INTI_TRIGGER_EDGE		0x4
#define ACPI_INTI_TRIGGER_LEVEL		0xc

struct acpi_madt_cpu {
	uint32_t apic_id;
	uint32_t uid;			/* ACPI processor UID */
	bool enabled;			/* else only online-capable */
};

struct acpi_madt_ioapic {
	uint8_t id;
	uint32_t address;		/* physical */
	uint32_t gsi_base;
};

struct acpi_madt_override {
	uint8_t isa_irq;
	uint32_t gsi;
	uint16_t flags;			/* ACPI_INTI_* */
};

struct acpi_madt_nmi_source {
	uint32_t gsi;
	uint16_t flags;
};

struct acpi_madt_lapic_nmi {
	uint32_t uid;			/* or ACPI_UID_ALL */
	uint8_t lint;			/* 0 or 1 */
	uint16_t flags;
};

struct acpi_madt_info {
	uint64_t lapic_address;		/* after any type 5 override */
	bool pcat_compat;		/* dual 8259s present */
	unsigned int nr_cpus;		/* usable: enabled or online-capable */
	struct acpi_madt_cpu cpus[ACPI_MAX_CPUS];
	unsigned int nr_ioapics;
	struct acpi_madt_ioapic ioapics[ACPI_MAX_IOAPICS];
	unsigned int nr_overrides;
	struct acpi_madt_override overrides[ACPI_MAX_OVERRIDES];
	unsigned int nr_nmi_sources;
	struct acpi_madt_nmi_source nmi_sources[ACPI_MAX_NMI_SOURCES];
	unsigned int nr_lapic_nmis;
	struct acpi_madt_lapic_nmi lapic_nmis[ACPI_MAX_LAPIC_NMIS];
};

/*
 * Parses a MADT whose header acpi_sdt_check() accepted (len is the bytes
 * available at madt). A malformed table (an entry shorter than its type
 * needs, of length < 2, or running past the end) fails with -EINVAL and a
 * log line; duplicate or excess entries are logged and skipped.
 */
int acpi_madt_parse(const void *madt, size_t len, struct acpi_madt_info *m);

/* How an interrupt line is wired, resolved from the overrides. */
struct acpi_irq_route {
	uint32_t gsi;
	bool level;			/* else edge-triggered */
	bool active_low;		/* else active high */
};

/*
 * Routes an IRQ number as <breenix/irq.h> uses them: 0-15 are ISA IRQs
 * (through the overrides; ISA lines default to edge, active high), 16 and up
 * are GSIs (PCI lines: level, active low, unless an ISA IRQ is routed there).
 * -ENOENT for an ISA IRQ whose GSI another ISA IRQ has taken over.
 */
int acpi_madt_route(const struct acpi_madt_info *m, unsigned int irq,
		    struct acpi_irq_route *r);

/* ---- sleep states and reset (ACPI 6.5 4.8, 5.2.9, 7.4.2) -------------- */

/* ACPI 6.5 5.2.3.2: Generic Address Structure address spaces. */
#define ACPI_GAS_MEMORY		0
#define ACPI_GAS_IO		1

struct acpi_gas {
	uint8_t space_id;
	uint8_t bit_width;
	uint8_t bit_offset;
	uint8_t access_size;
	uint64_t address;
};

/* What power-off and reset need from the FADT. */
struct acpi_pm_info {
	uint32_t pm1a_cnt;		/* I/O port; 0 if absent */
	uint32_t pm1b_cnt;
	uint32_t smi_cmd;		/* where ACPI mode is switched on, or 0 */
	uint8_t acpi_enable;		/* the value to write there */
	bool reset_supported;		/* FADT flag RESET_REG_SUP */
	struct acpi_gas reset_reg;
	uint8_t reset_value;
};

/*
 * Reads the FADT (len bytes, checked by acpi_sdt_check) into @pm: the
 * X_PM1x_CNT_BLK blocks when they are system I/O, else the 32-bit ones.
 * 0, or -EINVAL when the table is too short to have PM1a_CNT_BLK.
 */
int acpi_fadt_pm_parse(const void *fadt, size_t len, struct acpi_pm_info *pm);

/*
 * Finds the root-scope object \_S5 in DSDT or SSDT AML (the body after
 * the header, @len bytes): Name (_S5, Package () { SLP_TYPa, SLP_TYPb,
 * ... }), encoded as NameOp, the name, PackageOp, PkgLength, NumElements
 * and integer data objects (ACPI 6.5 20.2.5). A one-element package holds
 * both values in its low two bytes, as ACPICA reads it. Returns 0,
 * -ENOENT when there is no such Name, -EINVAL when it is malformed.
 */
int acpi_s5_parse(const void *aml, size_t len, uint8_t *slp_typa,
		  uint8_t *slp_typb);

/* Enters S5 (soft off) if the tables allow; returns only on failure. */
int acpi_power_off(void);
/* Writes the FADT reset register if there is one; returns on failure. */
int acpi_reset(void);

/* ---- the kernel's tables ----------------------------------------------- */

/*
 * Finds and validates the tables from boot_info.rsdp and parses the MADT,
 * logging what it found. acpi=off on the command line skips it all.
 * Returns 0, or -ENODEV when there are no usable tables.
 */
int acpi_init(void);

/* A loaded table by signature ("APIC", "FACP", "DSDT", ...), or NULL. */
const struct acpi_sdt_header *acpi_find_table(const char *sig);
const struct acpi_sdt_header *acpi_find_table_n(const char *sig,
						unsigned int n);

/* Every loaded table, in the order found: i < acpi_table_count(). */
unsigned int acpi_table_count(void);
const struct acpi_table *acpi_table_get(unsigned int i);

/* The parsed MADT, or NULL when there is none (or it was rejected). */
const struct acpi_madt_info *acpi_madt(void);

#endif
