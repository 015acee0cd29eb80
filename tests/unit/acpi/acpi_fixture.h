/*
 * Shared by the ACPI host tests: a printk that keeps the log for checks, a
 * builder of tables with correct checksums, and a fake physical memory
 * whose every mapping is an exact-size heap copy, so ASan sees any read
 * past what the parser asked to map.
 */
#ifndef ACPI_FIXTURE_H
#define ACPI_FIXTURE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <breenix/acpi.h>

/* ---- the log ---- */
void log_reset(void);
bool log_has(const char *needle);
unsigned int log_count(void);

/* ---- building tables ---- */
struct tbl {
	uint8_t b[8192];
	size_t len;
};

void tbl_init(struct tbl *t, const char *sig, uint8_t revision);
void tbl_bytes(struct tbl *t, const void *p, size_t n);
void tbl_u8(struct tbl *t, uint8_t v);
void tbl_u16(struct tbl *t, uint16_t v);
void tbl_u32(struct tbl *t, uint32_t v);
void tbl_u64(struct tbl *t, uint64_t v);
/* Sets the length field to what was written and fixes the checksum. */
void tbl_finish(struct tbl *t);
/* Makes the len bytes at p (a table) sum to zero again. */
void fix_checksum(uint8_t *p, size_t len);
void put32(uint8_t *p, uint32_t v);

/* The MADT QEMU's pc machine gives (SeaBIOS and OVMF alike), for ncpus. */
void build_qemu_madt(struct tbl *t, unsigned int ncpus);

/* An RSDP: revision 0 (20 bytes) or 2 (36 bytes), checksums correct. */
void build_rsdp(uint8_t out[ACPI_RSDP_V2_SIZE], uint8_t revision,
		uint32_t rsdt, uint64_t xsdt);

/* ---- fake physical memory ---- */
#define FAKE_BASE	0x7fe0000ULL
#define FAKE_SIZE	(1u << 20)

extern const struct acpi_mem fake_mem;
void fake_reset(void);
void fake_place(uint64_t phys, const void *p, size_t n);
uint8_t *fake_at(uint64_t phys);
unsigned int fake_live_mappings(void);
unsigned int fake_maps_made(void);
/* Frees every mapping still live (the tables a load kept). */
void fake_release_all(void);

/* A copy of n bytes on the heap, exactly n long (NULL for 0 is avoided). */
uint8_t *exact_copy(const void *p, size_t n);

#endif
