/*
 * The ACPI table walk: RSDP, then the XSDT or RSDT, then each table they
 * list. Nothing firmware wrote is trusted: every length is bounded by what
 * was mapped and every checksum verified. Pure policy; host-tested.
 *
 * Policy, pinned by tests/unit/acpi:
 * - An RSDP with a bad signature or checksum, or (revision >= 2) a bad
 *   length or extended checksum, is rejected whole. A revision 2 RSDP of
 *   which the loader copied only the 20-byte ACPI 1.0 part uses the RSDT.
 * - The XSDT is preferred; if it is unusable the RSDT is tried instead.
 *   A root table whose entries do not fill it exactly is unusable.
 * - A listed table whose header, length or checksum is bad, a null entry,
 *   a repeated address: each is logged and skipped, the rest still load.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <breenix/acpi.h>
#include <breenix/errno.h>
#include <breenix/printk.h>

/* Unaligned reads made well-defined (tables sit at any byte address). */
#define LOAD(dst, src)	__builtin_memcpy(&(dst), (src), sizeof(dst))

/* ACPI 6.5 5.2.9: FADT offsets of the DSDT pointers. */
#define FADT_DSDT_OFF		40
#define FADT_X_DSDT_OFF		140

static uint8_t sum_bytes(const void *buf, size_t len)
{
	const uint8_t *p = buf;
	uint8_t sum = 0;

	while (len--)
		sum += *p++;
	return sum;
}

/* A printable copy of n firmware bytes, for log lines. */
static void name_copy(char *out, const void *src, size_t n)
{
	const char *s = src;
	size_t i;

	for (i = 0; i < n; i++)
		out[i] = s[i] >= 0x20 && s[i] < 0x7f ? s[i] : '?';
	out[n] = '\0';
}

/* OEM ids are padded with spaces (ACPI 6.5 5.2.5.3): drop the padding. */
static void oem_copy(char *out, const void *src, size_t n)
{
	name_copy(out, src, n);
	while (n && out[n - 1] == ' ')
		out[--n] = '\0';
}

int acpi_rsdp_parse(const void *buf, size_t size, struct acpi_root_info *out)
{
	struct acpi_rsdp r;
	const char *why;

	memset(out, 0, sizeof(*out));
	memset(&r, 0, sizeof(r));
	if (!buf || size < ACPI_RSDP_V1_SIZE) {
		why = "shorter than 20 bytes";
		goto bad;
	}
	memcpy(&r, buf, size < sizeof(r) ? size : sizeof(r));
	if (memcmp(r.signature, "RSD PTR ", 8)) {
		why = "bad signature";
		goto bad;
	}
	if (sum_bytes(buf, ACPI_RSDP_V1_SIZE)) {
		why = "bad checksum";
		goto bad;
	}
	if (r.revision >= 2 && size >= ACPI_RSDP_V2_SIZE) {
		if (r.length < ACPI_RSDP_V2_SIZE || r.length > size) {
			why = "bad length";
			goto bad;
		}
		if (sum_bytes(buf, r.length)) {
			why = "bad extended checksum";
			goto bad;
		}
		out->xsdt = r.xsdt_address;
	}
	out->revision = r.revision;
	oem_copy(out->oem_id, r.oem_id, sizeof(r.oem_id));
	out->rsdt = r.rsdt_address;
	if (!out->rsdt && !out->xsdt) {
		why = "no RSDT or XSDT address";
		goto bad;
	}
	return 0;
bad:
	memset(out, 0, sizeof(*out));
	pr_warn("ACPI: RSDP rejected: %s\n", why);
	return -EINVAL;
}

int acpi_sdt_check(const void *buf, size_t avail, const char *sig,
		   const char **why)
{
	struct acpi_sdt_header h;

	if (avail < ACPI_SDT_HEADER_SIZE) {
		*why = "shorter than its header";
		return -EINVAL;
	}
	LOAD(h, buf);
	if (sig && memcmp(h.signature, sig, 4)) {
		*why = "wrong signature";
		return -EINVAL;
	}
	if (h.length < ACPI_SDT_HEADER_SIZE) {
		*why = "length shorter than the header";
		return -EINVAL;
	}
	if (h.length > avail) {
		*why = "length runs past the end";
		return -EINVAL;
	}
	if (sum_bytes(buf, h.length)) {
		*why = "bad checksum";
		return -EINVAL;
	}
	*why = NULL;
	return 0;
}

/*
 * Maps the table at phys in two steps (the header, to learn its length;
 * then all of it) and checks it. Returns the mapping, or NULL after a log
 * line saying why the table is unusable.
 */
static const struct acpi_sdt_header *map_table(const struct acpi_mem *mem,
					       uint64_t phys, const char *sig,
					       uint32_t *lenp)
{
	struct acpi_sdt_header h;
	const void *p;
	const char *why;
	char name[5];

	p = mem->map(mem->ctx, phys, ACPI_SDT_HEADER_SIZE);
	if (!p) {
		pr_warn("ACPI: cannot map the table at %#llx\n",
			(unsigned long long)phys);
		return NULL;
	}
	LOAD(h, p);
	mem->unmap(mem->ctx, p, phys, ACPI_SDT_HEADER_SIZE);
	name_copy(name, h.signature, 4);
	if (h.length < ACPI_SDT_HEADER_SIZE || h.length > ACPI_MAX_TABLE_LEN ||
	    phys + h.length < phys) {
		pr_warn("ACPI: %s at %#llx rejected: implausible length %u\n",
			name, (unsigned long long)phys, h.length);
		return NULL;
	}
	p = mem->map(mem->ctx, phys, h.length);
	if (!p) {
		pr_warn("ACPI: %s at %#llx rejected: cannot map %u bytes\n",
			name, (unsigned long long)phys, h.length);
		return NULL;
	}
	if (acpi_sdt_check(p, h.length, sig, &why)) {
		pr_warn("ACPI: %s at %#llx rejected: %s\n", name,
			(unsigned long long)phys, why);
		mem->unmap(mem->ctx, p, phys, h.length);
		return NULL;
	}
	*lenp = h.length;
	return p;
}

/* Loads the table at phys into t unless it is null, known or unusable. */
static void add_table(const struct acpi_mem *mem, struct acpi_tables *t,
		      uint64_t phys, const char *sig)
{
	const struct acpi_sdt_header *h;
	struct acpi_table *e;
	uint32_t len;
	unsigned int i;

	if (!phys) {
		pr_warn("ACPI: null table address skipped\n");
		return;
	}
	for (i = 0; i < t->count; i++) {
		if (t->table[i].phys == phys) {
			pr_warn("ACPI: table at %#llx listed twice\n",
				(unsigned long long)phys);
			return;
		}
	}
	if (t->count == ACPI_MAX_TABLES) {
		pr_warn("ACPI: more than %d tables: %#llx ignored\n",
			ACPI_MAX_TABLES, (unsigned long long)phys);
		return;
	}
	h = map_table(mem, phys, sig, &len);
	if (!h)
		return;
	e = &t->table[t->count++];
	name_copy(e->signature, h->signature, 4);
	e->phys = phys;
	e->length = len;
	e->hdr = h;
}

/* ACPI 6.5 5.2.7/5.2.8: RSDT entries are 32-bit, XSDT entries 64-bit. */
static int load_root(const struct acpi_mem *mem, struct acpi_tables *t,
		     uint64_t phys, bool xsdt)
{
	const char *sig = xsdt ? "XSDT" : "RSDT";
	size_t esize = xsdt ? 8 : 4;
	const struct acpi_sdt_header *root;
	const uint8_t *entries;
	size_t i, n;
	uint32_t len;

	root = map_table(mem, phys, sig, &len);
	if (!root)
		return -EINVAL;
	if ((len - ACPI_SDT_HEADER_SIZE) % esize) {
		pr_warn("ACPI: %s at %#llx rejected: length %u is not a whole number of entries\n",
			sig, (unsigned long long)phys, len);
		mem->unmap(mem->ctx, root, phys, len);
		return -EINVAL;
	}
	t->root_phys = phys;
	t->xsdt = xsdt;
	entries = (const uint8_t *)root + ACPI_SDT_HEADER_SIZE;
	n = (len - ACPI_SDT_HEADER_SIZE) / esize;
	for (i = 0; i < n; i++) {
		uint64_t addr = 0;

		if (xsdt) {
			LOAD(addr, entries + i * esize);
		} else {
			uint32_t a32;

			LOAD(a32, entries + i * esize);
			addr = a32;
		}
		add_table(mem, t, addr, NULL);
	}
	mem->unmap(mem->ctx, root, phys, len);
	return 0;
}

/* ACPI 6.5 5.2.9: the DSDT is named by the FADT, not by the root table. */
static void add_dsdt(const struct acpi_mem *mem, struct acpi_tables *t)
{
	const struct acpi_sdt_header *fadt = acpi_tables_find(t, "FACP", 0);
	const uint8_t *p = (const uint8_t *)fadt;
	uint64_t dsdt = 0;
	uint32_t d32;

	if (!fadt)
		return;
	if (fadt->length >= FADT_X_DSDT_OFF + 8)
		LOAD(dsdt, p + FADT_X_DSDT_OFF);
	if (!dsdt && fadt->length >= FADT_DSDT_OFF + 4) {
		LOAD(d32, p + FADT_DSDT_OFF);
		dsdt = d32;
	}
	if (dsdt)
		add_table(mem, t, dsdt, "DSDT");
}

int acpi_tables_load(const struct acpi_mem *mem,
		     const struct acpi_root_info *root, struct acpi_tables *t)
{
	int ret = -EINVAL;

	memset(t, 0, sizeof(*t));
	t->root = *root;
	if (root->xsdt) {
		ret = load_root(mem, t, root->xsdt, true);
		if (ret && root->rsdt)
			pr_warn("ACPI: falling back to the RSDT\n");
	}
	if (ret && root->rsdt)
		ret = load_root(mem, t, root->rsdt, false);
	if (ret)
		return ret;
	add_dsdt(mem, t);
	return 0;
}

const struct acpi_sdt_header *acpi_tables_find(const struct acpi_tables *t,
					       const char *sig, unsigned int n)
{
	unsigned int i;

	for (i = 0; i < t->count; i++) {
		if (strcmp(t->table[i].signature, sig))
			continue;
		if (n-- == 0)
			return t->table[i].hdr;
	}
	return NULL;
}
