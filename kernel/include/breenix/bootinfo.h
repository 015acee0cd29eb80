/*
 * What the boot loader told us, parsed and bounds-checked from the Multiboot2
 * information structure. Nothing here points outside the structure except
 * the physical addresses it reports (modules, framebuffer, memory ranges).
 */
#ifndef BREENIX_BOOTINFO_H
#define BREENIX_BOOTINFO_H

#include <stddef.h>
#include <stdint.h>
#include <breenix/fb.h>

/* Multiboot2 spec 3.6.8: memory map entry types. */
enum mmap_type {
	MMAP_AVAILABLE = 1,
	MMAP_RESERVED = 2,
	MMAP_ACPI_RECLAIMABLE = 3,
	MMAP_NVS = 4,
	MMAP_BADRAM = 5,
};

struct mmap_range {
	uint64_t base;
	uint64_t length;
	uint32_t type;		/* enum mmap_type; unknown values mean reserved */
};

struct boot_module {
	uint64_t start;		/* physical, first byte */
	uint64_t end;		/* physical, one past the last byte */
	const char *cmdline;	/* NUL-terminated, inside the info structure */
};

enum fb_kind {
	FB_NONE = 0,
	FB_RGB,			/* direct colour, described by fb_info */
	FB_EGA_TEXT,		/* 80x25-style text buffer: 2 bytes a cell;
				 * width and height count characters */
	FB_INDEXED,		/* palette modes: not drawn on */
};

struct boot_info {
	const void *mbi;	/* the structure itself (kernel-reachable) */
	uint32_t mbi_size;

	const char *cmdline;		/* "" when absent */
	const char *loader_name;	/* "" when absent */

	/* Memory map tag, entries read through bootinfo_mmap_entry(). */
	const uint8_t *mmap_entries;
	uint32_t mmap_entry_size;
	uint32_t mmap_count;
	/* Basic memory info tag (KiB below 1 MiB / above 1 MiB), 0 if absent. */
	uint32_t mem_lower_kib, mem_upper_kib;

	/* Module tags, read through bootinfo_module(). */
	uint32_t module_count;

	enum fb_kind fb_kind;
	struct fb_info fb;	/* fb.base is left NULL for the caller to map */

	/* ACPI RSDP copied by the loader (new tag preferred over old). */
	const void *rsdp;
	uint32_t rsdp_size;
	uint8_t rsdp_revision;	/* 0: ACPI 1.0 RSDP, 2: XSDP */

	/* ELF section headers of the kernel image, as loaded by the loader. */
	const void *elf_shdrs;
	uint32_t elf_shnum;
	uint32_t elf_shentsize;
	uint32_t elf_shstrndx;
};

/*
 * Parse the structure at mbi (whose first word is its total size). limit is
 * the largest size the caller is prepared to trust. Returns -EINVAL with *why
 * set to a short description of the first defect found; or 0, with *why NULL,
 * or naming a part that was dropped (a bad framebuffer tag) as a warning.
 */
int bootinfo_parse(const void *mbi, size_t limit, struct boot_info *bi,
		   const char **why);

/* Fetch memory map entry i (0 <= i < mmap_count). */
void bootinfo_mmap_entry(const struct boot_info *bi, uint32_t i,
			 struct mmap_range *out);

/* Fetch module i (0 <= i < module_count); returns 0 or -EINVAL. */
int bootinfo_module(const struct boot_info *bi, uint32_t i,
		    struct boot_module *out);

/* The first module whose command line is @cmdline ("initrd"); 0 or -ENOENT. */
int bootinfo_find_module(const struct boot_info *bi, const char *cmdline,
			 struct boot_module *out);

#endif
