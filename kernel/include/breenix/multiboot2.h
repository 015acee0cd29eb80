/*
 * Multiboot2 wire format: the boot information structure a Multiboot2 loader
 * (GRUB 2) leaves in memory, as the Multiboot2 specification 2.0 section 3.6
 * describes it and GRUB's multiboot_mbi2.c actually writes it.
 */
#ifndef BREENIX_MULTIBOOT2_H
#define BREENIX_MULTIBOOT2_H

/* Spec 3.1.2 and 3.3: header magic in the image, and the value in %eax. */
#define MB2_HEADER_MAGIC		0xE85250D6
#define MB2_BOOTLOADER_MAGIC		0x36D76289
#define MB2_ARCH_I386			0	/* protected mode */

/* Spec 3.1.3: header tag types (the request list in the image). */
#define MB2_HEADER_TAG_END		0
#define MB2_HEADER_TAG_INFO_REQUEST	1
#define MB2_HEADER_TAG_ADDRESS		2
#define MB2_HEADER_TAG_ENTRY_ADDRESS	3
#define MB2_HEADER_TAG_CONSOLE_FLAGS	4
#define MB2_HEADER_TAG_FRAMEBUFFER	5
#define MB2_HEADER_TAG_MODULE_ALIGN	6
#define MB2_HEADER_TAG_EFI_BS		7
#define MB2_HEADER_TAG_ENTRY_EFI32	8
#define MB2_HEADER_TAG_ENTRY_EFI64	9
#define MB2_HEADER_TAG_RELOCATABLE	10
#define MB2_HEADER_TAG_OPTIONAL		1	/* flags bit 0 */

/*
 * Spec 3.6.2: the information structure and every tag in it start 8-byte
 * aligned; a tag's size excludes the padding to the next tag.
 */
#define MB2_TAG_ALIGN			8

/* Spec 3.6.3 - 3.6.23: information tag types. */
#define MB2_TAG_END			0
#define MB2_TAG_CMDLINE			1
#define MB2_TAG_BOOT_LOADER_NAME	2
#define MB2_TAG_MODULE			3
#define MB2_TAG_BASIC_MEMINFO		4
#define MB2_TAG_BOOTDEV			5
#define MB2_TAG_MMAP			6
#define MB2_TAG_VBE			7
#define MB2_TAG_FRAMEBUFFER		8
#define MB2_TAG_ELF_SECTIONS		9
#define MB2_TAG_APM			10
#define MB2_TAG_EFI32			11
#define MB2_TAG_EFI64			12
#define MB2_TAG_SMBIOS			13
#define MB2_TAG_ACPI_OLD		14
#define MB2_TAG_ACPI_NEW		15
#define MB2_TAG_NETWORK			16
#define MB2_TAG_EFI_MMAP		17
#define MB2_TAG_EFI_BS			18
#define MB2_TAG_EFI32_IH		19
#define MB2_TAG_EFI64_IH		20
#define MB2_TAG_LOAD_BASE_ADDR		21

/* Spec 3.6.12: framebuffer_type values. */
#define MB2_FB_TYPE_INDEXED		0
#define MB2_FB_TYPE_RGB			1
#define MB2_FB_TYPE_EGA_TEXT		2

/* ACPI 6.5 section 5.2.5.3: RSDP is 20 bytes in ACPI 1.0, 36 from 2.0 on. */
#define MB2_RSDP_V1_SIZE		20
#define MB2_RSDP_V2_SIZE		36
#define MB2_RSDP_REVISION_OFFSET	15

#ifndef __ASSEMBLER__

#include <stdint.h>

/*
 * All of these are byte-exact images of loader memory. They are packed so
 * that sizeof is the wire size; the parser copies them out of the structure
 * rather than pointing into it, and never takes a member's address.
 */
#define MB2_PACKED __attribute__((packed))

/* Spec 3.6.2: fixed part at the start of the information structure. */
struct mb2_info {
	uint32_t total_size;	/* includes this header and the end tag */
	uint32_t reserved;
} MB2_PACKED;

/* Spec 3.6.2: every tag starts with this. */
struct mb2_tag {
	uint32_t type;
	uint32_t size;		/* header + payload, without padding */
} MB2_PACKED;

/* Spec 3.6.5, 3.6.9: command line and boot loader name; NUL-terminated. */
struct mb2_tag_string {
	struct mb2_tag hdr;
	char string[];
} MB2_PACKED;

/*
 * Spec 3.6.6: a module. mod_end is one past the last byte (GRUB writes
 * mod_start + size); both are 32-bit, so modules lie below 4 GiB.
 */
struct mb2_tag_module {
	struct mb2_tag hdr;
	uint32_t mod_start;
	uint32_t mod_end;
	char cmdline[];
} MB2_PACKED;

/* Spec 3.6.3: basic memory information, in KiB. */
struct mb2_tag_basic_meminfo {
	struct mb2_tag hdr;
	uint32_t mem_lower;
	uint32_t mem_upper;
} MB2_PACKED;

/*
 * Spec 3.6.8: memory map. entry_size is a multiple of 8 and at least the
 * size of struct mb2_mmap_entry; later versions only append fields.
 */
struct mb2_tag_mmap {
	struct mb2_tag hdr;
	uint32_t entry_size;
	uint32_t entry_version;	/* 0 */
} MB2_PACKED;

struct mb2_mmap_entry {
	uint64_t base_addr;
	uint64_t length;
	uint32_t type;		/* enum mmap_type, <breenix/bootinfo.h> */
	uint32_t reserved;
} MB2_PACKED;

/*
 * Spec 3.6.12: framebuffer info, the part common to all types. The spec's
 * table shows an 8-bit reserved field; GRUB's multiboot2.h and the code that
 * fills the tag use 16 bits, so colour info starts at offset 32. GRUB is
 * what boots us, so its layout is the one described here.
 */
struct mb2_tag_framebuffer {
	struct mb2_tag hdr;
	uint64_t addr;		/* physical */
	uint32_t pitch;		/* bytes per line */
	uint32_t width;		/* pixels, or characters for EGA text */
	uint32_t height;
	uint8_t bpp;
	uint8_t type;		/* MB2_FB_TYPE_* */
	uint16_t reserved;
} MB2_PACKED;

/* Colour info for MB2_FB_TYPE_INDEXED: a palette of RGB triples. */
struct mb2_fb_palette {
	uint16_t num_colors;
	struct {
		uint8_t red, green, blue;
	} MB2_PACKED colors[];
} MB2_PACKED;

/* Colour info for MB2_FB_TYPE_RGB: bit position and width of each channel. */
struct mb2_fb_rgb {
	uint8_t red_pos, red_size;
	uint8_t green_pos, green_size;
	uint8_t blue_pos, blue_size;
} MB2_PACKED;

/*
 * Spec 3.6.7: ELF section headers of the image. The spec's table once gave
 * num, entsize and shndx as u16 followed by u16 reserved; GRUB 2 (and the
 * spec's own multiboot2.h) use three u32s, which is what is here. The
 * headers follow at offset 20, so they are only 4-byte aligned.
 */
struct mb2_tag_elf_sections {
	struct mb2_tag hdr;
	uint32_t num;
	uint32_t entsize;
	uint32_t shndx;
	uint8_t sections[];
} MB2_PACKED;

/* Spec 3.6.16, 3.6.17: copies of the ACPI RSDP (old) or XSDP (new). */
struct mb2_tag_rsdp {
	struct mb2_tag hdr;
	uint8_t rsdp[];
} MB2_PACKED;

_Static_assert(sizeof(struct mb2_info) == 8, "mb2_info");
_Static_assert(sizeof(struct mb2_tag) == 8, "mb2_tag");
_Static_assert(sizeof(struct mb2_tag_module) == 16, "mb2_tag_module");
_Static_assert(sizeof(struct mb2_tag_basic_meminfo) == 16, "basic_meminfo");
_Static_assert(sizeof(struct mb2_tag_mmap) == 16, "mb2_tag_mmap");
_Static_assert(sizeof(struct mb2_mmap_entry) == 24, "mb2_mmap_entry");
_Static_assert(sizeof(struct mb2_tag_framebuffer) == 32, "framebuffer");
_Static_assert(sizeof(struct mb2_fb_palette) == 2, "mb2_fb_palette");
_Static_assert(sizeof(struct mb2_fb_rgb) == 6, "mb2_fb_rgb");
_Static_assert(sizeof(struct mb2_tag_elf_sections) == 20, "elf_sections");

#endif /* __ASSEMBLER__ */

#endif
