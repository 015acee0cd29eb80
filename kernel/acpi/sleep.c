/*
 * The table side of power-off and reset: the FADT's PM1 control blocks and
 * reset register, and \_S5's sleep type values from the DSDT's AML. Only
 * the encodings of Name and Package with integer constants are decoded,
 * every length checked against the table; \_S5 defined any other way (a
 * Method) is not supported. Pure; host-tested in tests/unit/acpi.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <breenix/acpi.h>
#include <breenix/errno.h>

#define LOAD(dst, src)	__builtin_memcpy(&(dst), (src), sizeof(dst))

/* ACPI 6.5 table 5.9: FADT field offsets. */
#define FADT_SMI_CMD		48
#define FADT_ACPI_ENABLE	52
#define FADT_PM1A_CNT_BLK	64
#define FADT_PM1B_CNT_BLK	68
#define FADT_FLAGS		112
#define FADT_RESET_REG		116
#define FADT_RESET_VALUE	128
#define FADT_X_PM1A_CNT_BLK	172
#define FADT_X_PM1B_CNT_BLK	184
#define FADT_RESET_REG_SUP	(1u << 10)
#define GAS_SIZE		12

/* ACPI 6.5 20.2: AML opcodes and prefixes used here. */
#define AML_ZERO_OP		0x00
#define AML_ONE_OP		0x01
#define AML_NAME_OP		0x08
#define AML_BYTE_PREFIX		0x0a
#define AML_WORD_PREFIX		0x0b
#define AML_DWORD_PREFIX	0x0c
#define AML_QWORD_PREFIX	0x0e
#define AML_PACKAGE_OP		0x12
#define AML_ROOT_CHAR		0x5c
#define AML_ONES_OP		0xff

static void load_gas(const uint8_t *p, struct acpi_gas *g)
{
	g->space_id = p[0];
	g->bit_width = p[1];
	g->bit_offset = p[2];
	g->access_size = p[3];
	LOAD(g->address, p + 4);
}

/* An X_PM1x_CNT_BLK that is usable: system I/O at a 16-bit port. */
static uint32_t x_pm1_port(const uint8_t *p, size_t len, size_t off)
{
	struct acpi_gas g;

	if (len < off + GAS_SIZE)
		return 0;
	load_gas(p + off, &g);
	if (g.space_id != ACPI_GAS_IO || !g.address || g.address > 0xffff)
		return 0;
	return (uint32_t)g.address;
}

int acpi_fadt_pm_parse(const void *fadt, size_t len, struct acpi_pm_info *pm)
{
	const uint8_t *p = fadt;
	uint32_t flags, port;

	memset(pm, 0, sizeof(*pm));
	if (len < FADT_PM1B_CNT_BLK + 4)
		return -EINVAL;
	LOAD(pm->smi_cmd, p + FADT_SMI_CMD);
	pm->acpi_enable = p[FADT_ACPI_ENABLE];
	LOAD(pm->pm1a_cnt, p + FADT_PM1A_CNT_BLK);
	LOAD(pm->pm1b_cnt, p + FADT_PM1B_CNT_BLK);
	port = x_pm1_port(p, len, FADT_X_PM1A_CNT_BLK);
	if (port)
		pm->pm1a_cnt = port;
	port = x_pm1_port(p, len, FADT_X_PM1B_CNT_BLK);
	if (port)
		pm->pm1b_cnt = port;
	if (len >= FADT_RESET_VALUE + 1) {
		LOAD(flags, p + FADT_FLAGS);
		load_gas(p + FADT_RESET_REG, &pm->reset_reg);
		pm->reset_value = p[FADT_RESET_VALUE];
		pm->reset_supported = (flags & FADT_RESET_REG_SUP) &&
				      pm->reset_reg.address;
	}
	return 0;
}

/*
 * ACPI 6.5 20.2.4: PkgLength. The lead byte's top two bits count the bytes
 * that follow; with none, its low six bits are the length, else its low
 * four bits are the lowest nibble. The length counts its own bytes.
 */
static int pkg_length(const uint8_t *p, size_t avail, size_t *len,
		      size_t *used)
{
	unsigned int follow, i;
	size_t n;

	if (!avail)
		return -EINVAL;
	follow = p[0] >> 6;
	if (avail < 1 + follow)
		return -EINVAL;
	if (!follow) {
		n = p[0] & 0x3f;
	} else {
		/* Bits 4-5 must be zero when bytes follow. */
		if (p[0] & 0x30)
			return -EINVAL;
		n = p[0] & 0x0f;
		for (i = 0; i < follow; i++)
			n |= (size_t)p[1 + i] << (4 + 8 * i);
	}
	*len = n;
	*used = 1 + follow;
	return 0;
}

/* ACPI 6.5 20.2.3: an integer data object; its byte count in *used. */
static int aml_integer(const uint8_t *p, size_t avail, uint64_t *v,
		       size_t *used)
{
	static const uint8_t sizes[] = {
		[AML_BYTE_PREFIX] = 1, [AML_WORD_PREFIX] = 2,
		[AML_DWORD_PREFIX] = 4, [AML_QWORD_PREFIX] = 8,
	};
	size_t n;

	if (!avail)
		return -EINVAL;
	switch (p[0]) {
	case AML_ZERO_OP:
	case AML_ONE_OP:
		*v = p[0];
		*used = 1;
		return 0;
	case AML_ONES_OP:
		*v = ~0ULL;
		*used = 1;
		return 0;
	case AML_BYTE_PREFIX:
	case AML_WORD_PREFIX:
	case AML_DWORD_PREFIX:
	case AML_QWORD_PREFIX:
		n = sizes[p[0]];
		if (avail < 1 + n)
			return -EINVAL;
		*v = 0;
		memcpy(v, p + 1, n);	/* AML integers are little-endian */
		*used = 1 + n;
		return 0;
	default:
		return -EINVAL;
	}
}

/* The package that follows "_S5_" at @p (PackageOp first). */
static int parse_s5_package(const uint8_t *p, size_t avail, uint8_t *a,
			    uint8_t *b)
{
	size_t plen, used, off, end;
	uint64_t v[2];
	unsigned int count, i;

	if (!avail || p[0] != AML_PACKAGE_OP)
		return -EINVAL;
	if (pkg_length(p + 1, avail - 1, &plen, &used))
		return -EINVAL;
	/* The package spans PkgLength bytes from the PkgLength itself. */
	if (plen < used + 1 || plen > avail - 1)
		return -EINVAL;
	end = 1 + plen;
	off = 1 + used;
	count = p[off++];
	if (count < 1)
		return -EINVAL;
	for (i = 0; i < 2 && i < count; i++) {
		if (off >= end || aml_integer(p + off, end - off, &v[i], &used))
			return -EINVAL;
		off += used;
	}
	*a = (uint8_t)v[0];
	*b = (uint8_t)(count == 1 ? v[0] >> 8 : v[1]);
	return 0;
}

int acpi_s5_parse(const void *aml, size_t len, uint8_t *slp_typa,
		  uint8_t *slp_typb)
{
	const uint8_t *p = aml;
	bool found = false;
	size_t i;

	for (i = 1; i + 4 <= len; i++) {
		if (memcmp(p + i, "_S5_", 4))
			continue;
		/* Name (_S5, ...) or Name (\_S5, ...): NameOp right before. */
		if (!(p[i - 1] == AML_NAME_OP ||
		      (p[i - 1] == AML_ROOT_CHAR && i >= 2 &&
		       p[i - 2] == AML_NAME_OP)))
			continue;
		found = true;
		if (!parse_s5_package(p + i + 4, len - i - 4, slp_typa,
				      slp_typb))
			return 0;
	}
	return found ? -EINVAL : -ENOENT;
}
