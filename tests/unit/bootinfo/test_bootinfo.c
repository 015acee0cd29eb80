/*
 * Host tests for the Multiboot2 information parser (kernel/core/bootinfo.c):
 * structures like GRUB's on BIOS and UEFI, one test per malformation the
 * parser must reject, and a fixed-seed fuzz run over exact-size buffers.
 */
#include <check.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <breenix/bootinfo.h>
#include <breenix/errno.h>
#include <breenix/multiboot2.h>
#include "unit.h"

/* ---- building information structures ---------------------------------- */

struct mb {
	uint8_t buf[16384];
	size_t len;
};

static void mb_init(struct mb *b)
{
	memset(b->buf, 0, sizeof(b->buf));
	b->len = 8;	/* total_size and reserved, set by mb_finish() */
}

static void mb_bytes(struct mb *b, const void *p, size_t n)
{
	ck_assert_uint_le(b->len + n, sizeof(b->buf));
	memcpy(b->buf + b->len, p, n);
	b->len += n;
}

static void mb_u8(struct mb *b, uint8_t v)
{
	mb_bytes(b, &v, 1);
}

static void mb_u16(struct mb *b, uint16_t v)
{
	mb_bytes(b, &v, 2);
}

static void mb_u32(struct mb *b, uint32_t v)
{
	mb_bytes(b, &v, 4);
}

static void mb_u64(struct mb *b, uint64_t v)
{
	mb_bytes(b, &v, 8);
}

static void mb_str(struct mb *b, const char *s)
{
	mb_bytes(b, s, strlen(s) + 1);
}

static void mb_fill(struct mb *b, uint8_t v, size_t n)
{
	while (n--)
		mb_u8(b, v);
}

static void mb_set32(struct mb *b, size_t off, uint32_t v)
{
	memcpy(b->buf + off, &v, 4);
}

static uint32_t mb_get32(const struct mb *b, size_t off)
{
	uint32_t v;

	memcpy(&v, b->buf + off, 4);
	return v;
}

/* Start a tag; returns its offset for mb_close() and later patching. */
static size_t mb_open(struct mb *b, uint32_t type)
{
	size_t off = b->len;

	mb_u32(b, type);
	mb_u32(b, 0);
	return off;
}

/* Set the size field to what was written, then pad to 8 with zeros. */
static void mb_close(struct mb *b, size_t off)
{
	mb_set32(b, off + 4, (uint32_t)(b->len - off));
	while (b->len % 8)
		mb_u8(b, 0);
}

static void mb_end(struct mb *b)
{
	mb_close(b, mb_open(b, MB2_TAG_END));
}

/* The buffer under test: exactly as long as the structure, so ASan sees
 * any read past its end. Freed by the fixture. */
static uint8_t *g_mbi;
static size_t g_len;

static void free_mbi(void)
{
	free(g_mbi);
	g_mbi = NULL;
	g_len = 0;
}

static uint8_t *exact_copy(const void *p, size_t n)
{
	uint8_t *q = malloc(n ? n : 1);

	ck_assert_ptr_nonnull(q);
	memcpy(q, p, n);
	return q;
}

/* Write total_size = len and copy into g_mbi. */
static void mb_finish(struct mb *b)
{
	mb_set32(b, 0, (uint32_t)b->len);
	free_mbi();
	g_mbi = exact_copy(b->buf, b->len);
	g_len = b->len;
}

static int parse(struct boot_info *bi, const char **why)
{
	return bootinfo_parse(g_mbi, g_len, bi, why);
}

/* Finish b, parse it, and insist on rejection for the stated reason. */
static void expect_reject(struct mb *b, const char *reason)
{
	struct boot_info bi;
	const char *why = NULL;

	mb_finish(b);
	ck_assert_int_eq(parse(&bi, &why), -EINVAL);
	ck_assert_ptr_nonnull(why);
	ck_assert_str_eq(why, reason);
	/* Nothing of a rejected structure survives. */
	ck_assert_ptr_null(bi.mbi);
	ck_assert_str_eq(bi.cmdline, "");
	ck_assert_uint_eq(bi.mmap_count, 0);
	ck_assert_uint_eq(bi.module_count, 0);
	ck_assert_ptr_null(bi.rsdp);
}

static void expect_accept(struct mb *b, struct boot_info *bi)
{
	const char *why = "unset";

	mb_finish(b);
	ck_assert_int_eq(parse(bi, &why), 0);
	ck_assert_ptr_null(why);
}

/* ---- realistic tags, as GRUB 2.06 writes them ---------------------------- */

#define CMDLINE		"init=/sbin/init console=ttyS0 loglevel=7"
#define LOADER		"GRUB 2.06-13+deb12u1"

struct range {
	uint64_t base, len;
	uint32_t type;
};

static const struct range bios_map[6] = {
	{ 0x0, 0x9fc00, 1 },
	{ 0x9fc00, 0x400, 2 },
	{ 0xf0000, 0x10000, 2 },
	{ 0x100000, 0x7ee0000, 1 },
	{ 0x7fe0000, 0x20000, 2 },
	{ 0xfffc0000, 0x40000, 2 },
};

static const struct range uefi_map[6] = {
	{ 0x0, 0xa0000, 1 },
	{ 0x100000, 0x700000, 1 },
	{ 0x800000, 0x8000, 4 },
	{ 0x808000, 0x7b5f000, 1 },
	{ 0x7f767000, 0x20000, 3 },
	{ 0xffc00000, 0x400000, 2 },
};

static void add_string(struct mb *b, uint32_t type, const char *s)
{
	size_t t = mb_open(b, type);

	mb_str(b, s);
	mb_close(b, t);
}

static void add_module(struct mb *b, uint32_t start, uint32_t end,
		       const char *cmdline)
{
	size_t t = mb_open(b, MB2_TAG_MODULE);

	mb_u32(b, start);
	mb_u32(b, end);
	mb_str(b, cmdline);
	mb_close(b, t);
}

static void add_meminfo(struct mb *b, uint32_t lower, uint32_t upper)
{
	size_t t = mb_open(b, MB2_TAG_BASIC_MEMINFO);

	mb_u32(b, lower);
	mb_u32(b, upper);
	mb_close(b, t);
}

static void add_mmap(struct mb *b, const struct range *r, size_t n,
		     uint32_t entry_size)
{
	size_t t = mb_open(b, MB2_TAG_MMAP);
	size_t i;

	mb_u32(b, entry_size);
	mb_u32(b, 0);
	for (i = 0; i < n; i++) {
		mb_u64(b, r[i].base);
		mb_u64(b, r[i].len);
		mb_u32(b, r[i].type);
		mb_u32(b, 0);
		mb_fill(b, 0xee, entry_size - 24);	/* future fields */
	}
	mb_close(b, t);
}

static size_t add_fb_common(struct mb *b, uint64_t addr, uint32_t pitch,
			    uint32_t width, uint32_t height, uint8_t bpp,
			    uint8_t type)
{
	size_t t = mb_open(b, MB2_TAG_FRAMEBUFFER);

	mb_u64(b, addr);
	mb_u32(b, pitch);
	mb_u32(b, width);
	mb_u32(b, height);
	mb_u8(b, bpp);
	mb_u8(b, type);
	mb_u16(b, 0);
	return t;
}

struct fb_spec {
	uint64_t addr;
	uint32_t pitch, width, height;
	uint8_t bpp, type;
	uint8_t rgb[6];
};

static const struct fb_spec fb_good = {
	0xfd000000, 4096, 1024, 768, 32, MB2_FB_TYPE_RGB, { 16, 8, 8, 8, 0, 8 },
};

static void add_fb(struct mb *b, const struct fb_spec *f)
{
	size_t t = add_fb_common(b, f->addr, f->pitch, f->width, f->height,
				 f->bpp, f->type);

	mb_bytes(b, f->rgb, 6);
	mb_close(b, t);
}

static void add_elf(struct mb *b, uint32_t num, uint32_t entsize,
		    uint32_t shndx, size_t bytes)
{
	size_t t = mb_open(b, MB2_TAG_ELF_SECTIONS);
	size_t i;

	mb_u32(b, num);
	mb_u32(b, entsize);
	mb_u32(b, shndx);
	for (i = 0; i < bytes; i++)
		mb_u8(b, (uint8_t)i);
	mb_close(b, t);
}

/* An RSDP image of len bytes with the given revision byte. */
static void add_rsdp(struct mb *b, uint32_t type, uint8_t revision,
		     size_t len)
{
	uint8_t r[64] = "RSD PTR \x42" "BOCHS ";
	size_t t = mb_open(b, type);

	r[15] = revision;
	mb_bytes(b, r, len);
	mb_close(b, t);
}

static void add_load_base(struct mb *b)
{
	size_t t = mb_open(b, MB2_TAG_LOAD_BASE_ADDR);

	mb_u32(b, 0x100000);
	mb_close(b, t);
}

static void add_opaque(struct mb *b, uint32_t type, size_t payload)
{
	size_t t = mb_open(b, type);

	mb_fill(b, 0x5a, payload);
	mb_close(b, t);
}

/* The tag order of grub_multiboot2_make_mbi() on PC BIOS. */
static void build_bios(struct mb *b)
{
	mb_init(b);
	add_load_base(b);
	add_string(b, MB2_TAG_CMDLINE, CMDLINE);
	add_string(b, MB2_TAG_BOOT_LOADER_NAME, LOADER);
	add_opaque(b, MB2_TAG_APM, 20);
	add_module(b, 0x1a5000, 0x2f4c00, "initrd");
	add_mmap(b, bios_map, 6, 24);
	add_elf(b, 12, 64, 11, 12 * 64);
	add_meminfo(b, 639, 130944);
	add_opaque(b, MB2_TAG_BOOTDEV, 12);
	add_opaque(b, MB2_TAG_VBE, 776);
	add_fb(b, &fb_good);
	add_rsdp(b, MB2_TAG_ACPI_OLD, 0, 20);
	add_rsdp(b, MB2_TAG_ACPI_NEW, 2, 36);
	mb_end(b);
}

/* The same on x86_64 EFI: no APM/bootdev/VBE, EFI64 and EFI mmap tags. */
static void build_uefi(struct mb *b)
{
	mb_init(b);
	add_load_base(b);
	add_string(b, MB2_TAG_CMDLINE, CMDLINE);
	add_string(b, MB2_TAG_BOOT_LOADER_NAME, LOADER);
	add_module(b, 0x7e5a000, 0x7fa9c00, "initrd");
	add_mmap(b, uefi_map, 6, 24);
	add_elf(b, 12, 64, 11, 12 * 64);
	add_meminfo(b, 640, 2063360);
	add_fb(b, &(struct fb_spec){ 0x80000000, 4096, 1024, 768, 32,
		  MB2_FB_TYPE_RGB, { 16, 8, 8, 8, 0, 8 } });
	add_opaque(b, MB2_TAG_EFI64, 8);
	add_rsdp(b, MB2_TAG_ACPI_OLD, 0, 20);
	add_rsdp(b, MB2_TAG_ACPI_NEW, 2, 36);
	add_opaque(b, MB2_TAG_EFI_MMAP, 8 + 48 * 3);
	mb_end(b);
}

/* A structure with only a command line, to which a test adds one tag. */
static void build_min(struct mb *b)
{
	mb_init(b);
	add_string(b, MB2_TAG_CMDLINE, "quiet");
}

static int inside(const void *p, size_t n)
{
	const uint8_t *q = p;

	return q >= g_mbi && q <= g_mbi + g_len &&
	       n <= (size_t)(g_mbi + g_len - q);
}

static void check_map(const struct boot_info *bi, const struct range *r)
{
	struct mmap_range m;
	uint32_t i;

	ck_assert_uint_eq(bi->mmap_count, 6);
	for (i = 0; i < 6; i++) {
		bootinfo_mmap_entry(bi, i, &m);
		ck_assert_uint_eq(m.base, r[i].base);
		ck_assert_uint_eq(m.length, r[i].len);
		ck_assert_uint_eq(m.type, r[i].type);
	}
}

/* Everything the two GRUB structures have in common. */
static void check_grub(const struct boot_info *bi, uint64_t fb_phys)
{
	const uint8_t *sh;

	ck_assert_ptr_eq(bi->mbi, g_mbi);
	ck_assert_uint_eq(bi->mbi_size, g_len);
	ck_assert_str_eq(bi->cmdline, CMDLINE);
	ck_assert_str_eq(bi->loader_name, LOADER);
	ck_assert(inside(bi->cmdline, sizeof(CMDLINE)));

	ck_assert_int_eq(bi->fb_kind, FB_RGB);
	ck_assert_uint_eq(bi->fb.phys, fb_phys);
	ck_assert_ptr_null(bi->fb.base);
	ck_assert_uint_eq(bi->fb.width, 1024);
	ck_assert_uint_eq(bi->fb.height, 768);
	ck_assert_uint_eq(bi->fb.pitch, 4096);
	ck_assert_uint_eq(bi->fb.bpp, 32);
	ck_assert_uint_eq(bi->fb.red_pos, 16);
	ck_assert_uint_eq(bi->fb.red_size, 8);
	ck_assert_uint_eq(bi->fb.green_pos, 8);
	ck_assert_uint_eq(bi->fb.green_size, 8);
	ck_assert_uint_eq(bi->fb.blue_pos, 0);
	ck_assert_uint_eq(bi->fb.blue_size, 8);

	/* The new RSDP is preferred; its revision comes from its own byte. */
	ck_assert_ptr_nonnull(bi->rsdp);
	ck_assert(inside(bi->rsdp, bi->rsdp_size));
	ck_assert_uint_eq(bi->rsdp_size, 36);
	ck_assert_uint_eq(bi->rsdp_revision, 2);
	ck_assert_int_eq(memcmp(bi->rsdp, "RSD PTR ", 8), 0);

	ck_assert_uint_eq(bi->elf_shnum, 12);
	ck_assert_uint_eq(bi->elf_shentsize, 64);
	ck_assert_uint_eq(bi->elf_shstrndx, 11);
	sh = bi->elf_shdrs;
	ck_assert(inside(sh, 12 * 64));
	ck_assert_uint_eq(sh[0], 0);
	ck_assert_uint_eq(sh[767], 767 & 0xff);
	ck_assert_uint_eq(bi->module_count, 1);
	ck_assert_uint_eq(bi->mmap_entry_size, 24);
}

static void check_module(const struct boot_info *bi, uint32_t i,
			 uint64_t start, uint64_t end, const char *cmdline)
{
	struct boot_module m;

	ck_assert_int_eq(bootinfo_module(bi, i, &m), 0);
	ck_assert_uint_eq(m.start, start);
	ck_assert_uint_eq(m.end, end);
	ck_assert_str_eq(m.cmdline, cmdline);
	ck_assert(inside(m.cmdline, strlen(cmdline) + 1));
}

/* ---- well-formed structures ------------------------------------------ */

START_TEST(grub_bios_structure)
{
	struct boot_info bi;
	struct mb b;

	build_bios(&b);
	expect_accept(&b, &bi);
	check_grub(&bi, 0xfd000000);
	check_map(&bi, bios_map);
	check_module(&bi, 0, 0x1a5000, 0x2f4c00, "initrd");
	ck_assert_uint_eq(bi.mem_lower_kib, 639);
	ck_assert_uint_eq(bi.mem_upper_kib, 130944);
}
END_TEST

START_TEST(grub_uefi_structure)
{
	struct boot_info bi;
	struct mb b;

	build_uefi(&b);
	expect_accept(&b, &bi);
	check_grub(&bi, 0x80000000);
	check_map(&bi, uefi_map);
	check_module(&bi, 0, 0x7e5a000, 0x7fa9c00, "initrd");
	ck_assert_uint_eq(bi.mem_lower_kib, 640);
	ck_assert_uint_eq(bi.mem_upper_kib, 2063360);
}
END_TEST

START_TEST(minimal_structure_defaults)
{
	struct boot_info bi;
	struct mb b;

	mb_init(&b);
	mb_end(&b);
	expect_accept(&b, &bi);
	ck_assert_uint_eq(g_len, 16);
	ck_assert_ptr_eq(bi.mbi, g_mbi);
	ck_assert_uint_eq(bi.mbi_size, 16);
	ck_assert_str_eq(bi.cmdline, "");
	ck_assert_str_eq(bi.loader_name, "");
	ck_assert_uint_eq(bi.mmap_count, 0);
	ck_assert_uint_eq(bi.module_count, 0);
	ck_assert_uint_eq(bi.mem_lower_kib, 0);
	ck_assert_int_eq(bi.fb_kind, FB_NONE);
	ck_assert_ptr_null(bi.rsdp);
	ck_assert_ptr_null(bi.elf_shdrs);
	ck_assert_uint_eq(bi.elf_shnum, 0);
}
END_TEST

START_TEST(null_why_is_allowed)
{
	struct boot_info bi;
	struct mb b;

	build_bios(&b);
	mb_finish(&b);
	ck_assert_int_eq(bootinfo_parse(g_mbi, g_len, &bi, NULL), 0);
	ck_assert_int_eq(bootinfo_parse(g_mbi, g_len - 8, &bi, NULL), -EINVAL);
}
END_TEST

START_TEST(limit_larger_than_structure)
{
	struct boot_info bi;
	const char *why;
	struct mb b;

	build_bios(&b);
	mb_finish(&b);
	/* Only total_size bytes are read, however generous the limit. */
	ck_assert_int_eq(bootinfo_parse(g_mbi, SIZE_MAX, &bi, &why), 0);
	ck_assert_uint_eq(bi.mbi_size, g_len);
}
END_TEST

START_TEST(unknown_tags_skipped)
{
	struct boot_info bi;
	struct mb b;
	size_t t;

	build_min(&b);
	add_opaque(&b, 22, 3);
	add_opaque(&b, 0x1234, 0);
	add_opaque(&b, 0xffffffff, 17);
	t = mb_open(&b, 1000);	/* unknown, shaped like nothing known */
	mb_u8(&b, 0);
	mb_close(&b, t);
	add_opaque(&b, MB2_TAG_NETWORK, 300);
	add_opaque(&b, MB2_TAG_SMBIOS, 40);
	mb_end(&b);
	expect_accept(&b, &bi);
	ck_assert_str_eq(bi.cmdline, "quiet");
}
END_TEST

START_TEST(modules_in_order)
{
	struct boot_module m;
	struct boot_info bi;
	struct mb b;

	build_min(&b);
	add_module(&b, 0x200000, 0x300000, "initrd");
	add_meminfo(&b, 1, 2);
	add_module(&b, 0x400000, 0x400000, "");		/* empty file */
	add_module(&b, 0x500000, 0xffffffff, "/boot/data.bin x=1");
	mb_end(&b);
	expect_accept(&b, &bi);
	ck_assert_uint_eq(bi.module_count, 3);
	check_module(&bi, 0, 0x200000, 0x300000, "initrd");
	check_module(&bi, 1, 0x400000, 0x400000, "");
	check_module(&bi, 2, 0x500000, 0xffffffff, "/boot/data.bin x=1");
	ck_assert_int_eq(bootinfo_module(&bi, 3, &m), -EINVAL);
	ck_assert_int_eq(bootinfo_module(&bi, UINT32_MAX, &m), -EINVAL);
	ck_assert_int_eq(bootinfo_find_module(&bi, "/boot/data.bin x=1", &m), 0);
	ck_assert_uint_eq(m.start, 0x500000);
	ck_assert_int_eq(bootinfo_find_module(&bi, "initr", &m), -ENOENT);
}
END_TEST

START_TEST(module_lookup_after_failed_parse)
{
	struct boot_module m;
	struct boot_info bi;
	struct mb b;

	build_min(&b);
	add_module(&b, 0x200000, 0x300000, "initrd");
	mb_finish(&b);		/* no end tag */
	ck_assert_int_eq(parse(&bi, NULL), -EINVAL);
	ck_assert_int_eq(bootinfo_module(&bi, 0, &m), -EINVAL);
}
END_TEST

START_TEST(mmap_future_entry_size)
{
	struct boot_info bi;
	struct mb b;

	build_min(&b);
	add_mmap(&b, bios_map, 6, 40);
	mb_end(&b);
	expect_accept(&b, &bi);
	ck_assert_uint_eq(bi.mmap_entry_size, 40);
	ck_assert_uint_eq(bi.mmap_count, 6);
	check_map(&bi, bios_map);
}
END_TEST

START_TEST(mmap_entry_out_of_range)
{
	struct mmap_range m = { 1, 1, MMAP_AVAILABLE };
	struct boot_info bi;
	struct mb b;

	build_min(&b);
	add_mmap(&b, bios_map, 6, 24);
	mb_end(&b);
	expect_accept(&b, &bi);
	bootinfo_mmap_entry(&bi, 6, &m);
	ck_assert_uint_eq(m.base, 0);
	ck_assert_uint_eq(m.length, 0);
	ck_assert_uint_eq(m.type, MMAP_RESERVED);
}
END_TEST

START_TEST(mmap_empty_tag)
{
	struct boot_info bi;
	struct mb b;

	build_min(&b);
	add_mmap(&b, NULL, 0, 24);
	mb_end(&b);
	expect_accept(&b, &bi);
	ck_assert_uint_eq(bi.mmap_count, 0);
}
END_TEST

START_TEST(mmap_entry_up_to_top_of_space)
{
	static const struct range top = { 0xfffffffffffff000, 0xfff, 2 };
	struct mmap_range m;
	struct boot_info bi;
	struct mb b;

	build_min(&b);
	add_mmap(&b, &top, 1, 24);
	mb_end(&b);
	expect_accept(&b, &bi);
	bootinfo_mmap_entry(&bi, 0, &m);
	ck_assert_uint_eq(m.base + m.length, UINT64_MAX);
}
END_TEST

START_TEST(fb_ega_text_accepted)
{
	struct boot_info bi;
	struct mb b;

	build_min(&b);
	mb_close(&b, add_fb_common(&b, 0xb8000, 160, 80, 25, 16,
				   MB2_FB_TYPE_EGA_TEXT));
	mb_end(&b);
	expect_accept(&b, &bi);
	ck_assert_int_eq(bi.fb_kind, FB_EGA_TEXT);
	ck_assert_uint_eq(bi.fb.phys, 0xb8000);
	ck_assert_uint_eq(bi.fb.width, 80);
	ck_assert_uint_eq(bi.fb.height, 25);
	ck_assert_uint_eq(bi.fb.pitch, 160);
	ck_assert_uint_eq(bi.fb.bpp, 16);
}
END_TEST

START_TEST(fb_indexed_recorded)
{
	struct boot_info bi;
	struct mb b;
	size_t t;

	build_min(&b);
	t = add_fb_common(&b, 0xa0000, 320, 320, 200, 8,
			  MB2_FB_TYPE_INDEXED);
	mb_u16(&b, 256);
	mb_fill(&b, 0x3f, 256 * 3);
	mb_close(&b, t);
	mb_end(&b);
	expect_accept(&b, &bi);
	ck_assert_int_eq(bi.fb_kind, FB_INDEXED);
	ck_assert_uint_eq(bi.fb.bpp, 8);
	ck_assert_uint_eq(bi.fb.width, 320);
}
END_TEST

START_TEST(fb_rgb_15bpp)
{
	struct boot_info bi;
	struct mb b;

	build_min(&b);
	add_fb(&b, &(struct fb_spec){ 0xe0000000, 1600, 800, 600, 15,
		  MB2_FB_TYPE_RGB, { 10, 5, 5, 5, 0, 5 } });
	mb_end(&b);
	expect_accept(&b, &bi);
	ck_assert_int_eq(bi.fb_kind, FB_RGB);
	ck_assert_uint_eq(bi.fb.red_pos, 10);
}
END_TEST

START_TEST(rsdp_old_only)
{
	struct boot_info bi;
	struct mb b;

	build_min(&b);
	add_rsdp(&b, MB2_TAG_ACPI_OLD, 0, 20);
	mb_end(&b);
	expect_accept(&b, &bi);
	ck_assert_ptr_nonnull(bi.rsdp);
	ck_assert_uint_eq(bi.rsdp_size, 20);
	ck_assert_uint_eq(bi.rsdp_revision, 0);
	ck_assert_int_eq(memcmp(bi.rsdp, "RSD PTR ", 8), 0);
}
END_TEST

START_TEST(rsdp_new_preferred_in_either_order)
{
	struct boot_info bi;
	struct mb b;

	build_min(&b);
	add_rsdp(&b, MB2_TAG_ACPI_NEW, 2, 36);
	add_rsdp(&b, MB2_TAG_ACPI_OLD, 0, 20);
	mb_end(&b);
	expect_accept(&b, &bi);
	ck_assert_uint_eq(bi.rsdp_size, 36);
	ck_assert_uint_eq(bi.rsdp_revision, 2);
	/* The pointer is the new tag's payload, right after the cmdline tag. */
	ck_assert_ptr_eq(bi.rsdp, g_mbi + 8 + 16 + 8);
}
END_TEST

START_TEST(rsdp_revision_from_its_own_byte)
{
	struct boot_info bi;
	struct mb b;

	build_min(&b);
	add_rsdp(&b, MB2_TAG_ACPI_NEW, 6, 40);	/* a longer, newer XSDP */
	mb_end(&b);
	expect_accept(&b, &bi);
	ck_assert_uint_eq(bi.rsdp_size, 40);
	ck_assert_uint_eq(bi.rsdp_revision, 6);
}
END_TEST

START_TEST(elf_no_sections)
{
	struct boot_info bi;
	struct mb b;

	build_min(&b);
	add_elf(&b, 0, 0, 0, 0);	/* what GRUB writes with no sections */
	mb_end(&b);
	expect_accept(&b, &bi);
	ck_assert_ptr_null(bi.elf_shdrs);
	ck_assert_uint_eq(bi.elf_shnum, 0);
}
END_TEST

START_TEST(cmdline_nul_inside_tag)
{
	static const char s[] = "ab\0cd";
	struct boot_info bi;
	struct mb b;
	size_t t;

	mb_init(&b);
	t = mb_open(&b, MB2_TAG_CMDLINE);
	mb_bytes(&b, s, sizeof(s) - 1);	/* ends in 'd', NUL at [2] */
	mb_close(&b, t);
	mb_end(&b);
	expect_accept(&b, &bi);
	ck_assert_str_eq(bi.cmdline, "ab");
}
END_TEST

/* ---- malformed: the structure itself ---------------------------------- */

START_TEST(reject_null)
{
	struct boot_info bi;
	const char *why;

	ck_assert_int_eq(bootinfo_parse(NULL, 4096, &bi, &why), -EINVAL);
	ck_assert_str_eq(why, "no info structure");
	ck_assert_str_eq(bi.cmdline, "");
}
END_TEST

START_TEST(reject_misaligned)
{
	struct boot_info bi;
	const char *why;
	uint8_t *raw;
	struct mb b;

	mb_init(&b);
	mb_end(&b);
	mb_set32(&b, 0, (uint32_t)b.len);
	raw = malloc(b.len + 4);
	ck_assert_ptr_nonnull(raw);
	memcpy(raw + 4, b.buf, b.len);
	ck_assert_int_eq(bootinfo_parse(raw + 4, b.len, &bi, &why), -EINVAL);
	ck_assert_str_eq(why, "info structure not 8-byte aligned");
	free(raw);
}
END_TEST

START_TEST(reject_limit_below_header)
{
	struct boot_info bi;
	const char *why;

	g_mbi = exact_copy("\x10\0\0\0\0\0\0", 7);
	ck_assert_int_eq(bootinfo_parse(g_mbi, 7, &bi, &why), -EINVAL);
	ck_assert_str_eq(why, "limit smaller than info header");
	ck_assert_int_eq(bootinfo_parse(g_mbi, 0, &bi, &why), -EINVAL);
}
END_TEST

START_TEST(reject_total_below_16)
{
	struct mb b;

	mb_init(&b);
	expect_reject(&b, "total_size below 16");
}
END_TEST

START_TEST(reject_total_beyond_limit)
{
	struct boot_info bi;
	const char *why;
	struct mb b;

	build_bios(&b);
	mb_finish(&b);
	ck_assert_int_eq(bootinfo_parse(g_mbi, g_len - 8, &bi, &why), -EINVAL);
	ck_assert_str_eq(why, "total_size beyond limit");
	ck_assert_int_eq(bootinfo_parse(g_mbi, g_len - 1, &bi, &why), -EINVAL);
	ck_assert_str_eq(why, "total_size beyond limit");
}
END_TEST

START_TEST(reject_total_not_multiple_of_8)
{
	struct mb b;

	mb_init(&b);
	mb_end(&b);
	mb_fill(&b, 0, 4);		/* total 20, end tag not last */
	expect_reject(&b, "total_size not a multiple of 8");
}
END_TEST

START_TEST(reject_tag_size_below_8)
{
	struct mb b;

	build_min(&b);
	mb_set32(&b, b.len, 99);
	mb_set32(&b, b.len + 4, 4);
	b.len += 8;
	mb_end(&b);
	expect_reject(&b, "tag smaller than its header");
}
END_TEST

START_TEST(reject_tag_size_zero)
{
	struct mb b;

	mb_init(&b);
	mb_u32(&b, MB2_TAG_CMDLINE);
	mb_u32(&b, 0);		/* would loop forever if trusted */
	mb_end(&b);
	expect_reject(&b, "tag smaller than its header");
}
END_TEST

START_TEST(reject_tag_past_end)
{
	struct mb b;
	size_t t;

	build_min(&b);
	t = mb_open(&b, MB2_TAG_BOOT_LOADER_NAME);
	mb_str(&b, LOADER);
	mb_close(&b, t);
	mb_end(&b);
	/* Claim 9 bytes beyond the end of the structure. */
	mb_set32(&b, t + 4, (uint32_t)(b.len - t + 9));
	expect_reject(&b, "tag runs past end of info");
}
END_TEST

START_TEST(reject_tag_size_huge)
{
	struct mb b;
	size_t t;

	build_min(&b);
	t = mb_open(&b, MB2_TAG_MMAP);
	mb_u32(&b, 24);
	mb_u32(&b, 0);
	mb_close(&b, t);
	mb_end(&b);
	mb_set32(&b, t + 4, 0xfffffff8);
	expect_reject(&b, "tag runs past end of info");
}
END_TEST

START_TEST(reject_missing_end_tag)
{
	struct mb b;

	build_min(&b);
	add_meminfo(&b, 639, 1024);
	expect_reject(&b, "missing end tag");
}
END_TEST

START_TEST(reject_end_tag_wrong_size)
{
	struct mb b;
	size_t t;

	build_min(&b);
	t = mb_open(&b, MB2_TAG_END);
	mb_u64(&b, 0);
	mb_close(&b, t);		/* type 0, size 16 */
	expect_reject(&b, "end tag size is not 8");
}
END_TEST

START_TEST(reject_tag_after_end)
{
	struct mb b;

	build_min(&b);
	mb_end(&b);
	add_meminfo(&b, 639, 1024);
	mb_end(&b);
	expect_reject(&b, "data after end tag");
}
END_TEST

START_TEST(reject_padding_after_end)
{
	struct mb b;

	build_min(&b);
	mb_end(&b);
	mb_u64(&b, 0);
	expect_reject(&b, "data after end tag");
}
END_TEST

START_TEST(reject_failure_clears_earlier_fields)
{
	struct boot_info bi;
	const char *why;
	struct mb b;

	build_bios(&b);
	b.len -= 8;			/* drop the end tag */
	mb_finish(&b);
	ck_assert_int_eq(parse(&bi, &why), -EINVAL);
	ck_assert_str_eq(why, "missing end tag");
	ck_assert_str_eq(bi.cmdline, "");
	ck_assert_str_eq(bi.loader_name, "");
	ck_assert_int_eq(bi.fb_kind, FB_NONE);
	ck_assert_ptr_null(bi.elf_shdrs);
	ck_assert_uint_eq(bi.mem_upper_kib, 0);
}
END_TEST

/* ---- malformed: strings ------------------------------------------------ */

START_TEST(reject_cmdline_unterminated)
{
	struct mb b;
	size_t t;

	mb_init(&b);
	t = mb_open(&b, MB2_TAG_CMDLINE);
	mb_bytes(&b, "hello", 5);	/* the zero padding must not count */
	mb_close(&b, t);
	mb_end(&b);
	expect_reject(&b, "command line not NUL-terminated");
}
END_TEST

START_TEST(reject_cmdline_empty_tag)
{
	struct mb b;

	mb_init(&b);
	mb_close(&b, mb_open(&b, MB2_TAG_CMDLINE));
	mb_end(&b);
	expect_reject(&b, "command line not NUL-terminated");
}
END_TEST

START_TEST(reject_loader_name_unterminated)
{
	struct mb b;
	size_t t;

	build_min(&b);
	t = mb_open(&b, MB2_TAG_BOOT_LOADER_NAME);
	mb_bytes(&b, "GRUB 2.06", 9);
	mb_close(&b, t);
	mb_end(&b);
	expect_reject(&b, "boot loader name not NUL-terminated");
}
END_TEST

START_TEST(reject_module_cmdline_unterminated)
{
	struct mb b;
	size_t t;

	build_min(&b);
	t = mb_open(&b, MB2_TAG_MODULE);
	mb_u32(&b, 0x200000);
	mb_u32(&b, 0x300000);
	mb_bytes(&b, "initrd", 6);
	mb_close(&b, t);
	mb_end(&b);
	expect_reject(&b, "module command line not NUL-terminated");
}
END_TEST

START_TEST(reject_module_no_cmdline_room)
{
	struct mb b;
	size_t t;

	build_min(&b);
	t = mb_open(&b, MB2_TAG_MODULE);
	mb_u32(&b, 0x200000);
	mb_u32(&b, 0x300000);
	mb_close(&b, t);		/* size 16: no room for the NUL */
	mb_end(&b);
	expect_reject(&b, "module command line not NUL-terminated");
}
END_TEST

/* ---- malformed: modules, meminfo --------------------------------------- */

START_TEST(reject_module_start_after_end)
{
	struct mb b;

	build_min(&b);
	add_module(&b, 0x300000, 0x2fffff, "initrd");
	mb_end(&b);
	expect_reject(&b, "module starts after its end");
}
END_TEST

START_TEST(reject_module_too_short)
{
	struct mb b;
	size_t t;

	build_min(&b);
	t = mb_open(&b, MB2_TAG_MODULE);
	mb_u32(&b, 0x200000);
	mb_close(&b, t);
	mb_end(&b);
	expect_reject(&b, "module tag too short");
}
END_TEST

START_TEST(reject_meminfo_too_short)
{
	struct mb b;
	size_t t;

	build_min(&b);
	t = mb_open(&b, MB2_TAG_BASIC_MEMINFO);
	mb_u32(&b, 639);
	mb_close(&b, t);
	mb_end(&b);
	expect_reject(&b, "basic meminfo tag too short");
}
END_TEST

/* ---- malformed: memory map --------------------------------------------- */

START_TEST(reject_mmap_too_short)
{
	struct mb b;
	size_t t;

	build_min(&b);
	t = mb_open(&b, MB2_TAG_MMAP);
	mb_u32(&b, 24);
	mb_close(&b, t);
	mb_end(&b);
	expect_reject(&b, "memory map tag too short");
}
END_TEST

static void mmap_with_entry_size(struct mb *b, uint32_t entry_size,
				 size_t bytes)
{
	size_t t;

	build_min(b);
	t = mb_open(b, MB2_TAG_MMAP);
	mb_u32(b, entry_size);
	mb_u32(b, 0);
	mb_fill(b, 0, bytes);
	mb_close(b, t);
	mb_end(b);
}

START_TEST(reject_mmap_entry_size_small)
{
	struct mb b;

	mmap_with_entry_size(&b, 16, 48);
	expect_reject(&b, "memory map entry_size below 24");
}
END_TEST

START_TEST(reject_mmap_entry_size_zero)
{
	struct mb b;

	mmap_with_entry_size(&b, 0, 48);
	expect_reject(&b, "memory map entry_size below 24");
}
END_TEST

START_TEST(reject_mmap_entry_size_unaligned)
{
	struct mb b;

	mmap_with_entry_size(&b, 28, 56);
	expect_reject(&b, "memory map entry_size not a multiple of 8");
}
END_TEST

START_TEST(reject_mmap_partial_entry)
{
	struct mb b;

	mmap_with_entry_size(&b, 24, 2 * 24 + 8);
	expect_reject(&b, "memory map entries do not fill the tag");
}
END_TEST

START_TEST(reject_mmap_entry_wraps)
{
	static const struct range r[2] = {
		{ 0x100000, 0x1000, 1 },
		{ 0xfffffffffffff000, 0x1000, 2 },
	};
	struct mb b;

	build_min(&b);
	add_mmap(&b, r, 2, 24);
	mb_end(&b);
	expect_reject(&b, "memory map entry wraps past 2^64");
}
END_TEST

/* ---- malformed framebuffer: dropped with a warning, boot goes on -------- */

struct fb_case {
	const char *name;
	struct fb_spec fb;
	const char *why;
};

static const struct fb_case fb_cases[] = {
	{ "bpp 0", { 0xfd000000, 4096, 1024, 768, 0, 1, { 16, 8, 8, 8, 0, 8 } },
	  "framebuffer bpp out of range" },
	{ "bpp 33", { 0xfd000000, 8192, 1024, 768, 33, 1,
	  { 16, 8, 8, 8, 0, 8 } },
	  "framebuffer bpp out of range" },
	{ "width 0", { 0xfd000000, 4096, 0, 768, 32, 1, { 16, 8, 8, 8, 0, 8 } },
	  "framebuffer width or height is 0" },
	{ "height 0", { 0xfd000000, 4096, 1024, 0, 32, 1,
	  { 16, 8, 8, 8, 0, 8 } },
	  "framebuffer width or height is 0" },
	{ "pitch short", { 0xfd000000, 4092, 1024, 768, 32, 1,
	  { 16, 8, 8, 8, 0, 8 } }, "framebuffer pitch below width" },
	{ "pitch short 24bpp", { 0xfd000000, 3070, 1024, 768, 24, 1,
	  { 16, 8, 8, 8, 0, 8 } }, "framebuffer pitch below width" },
	{ "pitch*width wraps in 32 bits", { 0xfd000000, 0, 0x40000000, 1, 32, 1,
	  { 16, 8, 8, 8, 0, 8 } }, "framebuffer pitch below width" },
	{ "pitch*height over 4 GiB", { 0xfd000000, 0x10000, 0x4000, 0x10000, 32,
	  1, { 16, 8, 8, 8, 0, 8 } }, "framebuffer larger than 4 GiB" },
	{ "address 0", { 0, 4096, 1024, 768, 32, 1, { 16, 8, 8, 8, 0, 8 } },
	  "framebuffer address invalid" },
	{ "address wraps", { 0xfffffffffff00000, 4096, 1024, 768, 32, 1,
	  { 16, 8, 8, 8, 0, 8 } }, "framebuffer address invalid" },
	{ "red beyond bpp", { 0xfd000000, 4096, 1024, 768, 32, 1,
	  { 28, 8, 8, 8, 0, 8 } }, "framebuffer colour field beyond bpp" },
	{ "green beyond bpp", { 0xfd000000, 2048, 1024, 768, 16, 1,
	  { 11, 5, 5, 12, 0, 5 } }, "framebuffer colour field beyond bpp" },
	{ "blue beyond bpp", { 0xfd000000, 4096, 1024, 768, 32, 1,
	  { 16, 8, 8, 8, 255, 8 } }, "framebuffer colour field beyond bpp" },
	{ "RGB 8 bpp", { 0xfd000000, 1024, 1024, 768, 8, 1,
	  { 5, 3, 2, 3, 0, 2 } }, "RGB framebuffer bpp not 15, 16, 24 or 32" },
	{ "EGA text 8 bpp", { 0xb8000, 160, 80, 25, 8, 2, { 0 } },
	  "EGA text framebuffer bpp not 16" },
	{ "unknown type", { 0xfd000000, 4096, 1024, 768, 32, 3,
	  { 16, 8, 8, 8, 0, 8 } }, "unknown framebuffer type" },
};

/* A structure whose only defect is the framebuffer tag. */
static void expect_fb_dropped(struct mb *b, const char *reason)
{
	struct boot_info bi;
	const char *why = NULL;

	add_meminfo(b, 639, 4096);
	mb_end(b);
	mb_finish(b);
	ck_assert_int_eq(parse(&bi, &why), 0);
	ck_assert_ptr_nonnull(why);
	ck_assert_str_eq(why, reason);
	ck_assert_int_eq(bi.fb_kind, FB_NONE);
	ck_assert_uint_eq(bi.fb.phys, 0);
	ck_assert_uint_eq(bi.fb.width, 0);
	/* The rest of the structure still counts. */
	ck_assert_str_eq(bi.cmdline, "quiet");
	ck_assert_uint_eq(bi.mem_upper_kib, 4096);
}

START_TEST(fb_bad_field)
{
	const struct fb_case *c = &fb_cases[_i];
	struct mb b;

	build_min(&b);
	add_fb(&b, &c->fb);
	expect_fb_dropped(&b, c->why);
}
END_TEST

START_TEST(fb_tag_too_short)
{
	struct mb b;
	size_t t;

	build_min(&b);
	t = mb_open(&b, MB2_TAG_FRAMEBUFFER);
	mb_u64(&b, 0xfd000000);
	mb_u32(&b, 4096);
	mb_u32(&b, 1024);		/* no height, bpp, type */
	mb_close(&b, t);
	expect_fb_dropped(&b, "framebuffer tag too short");
}
END_TEST

START_TEST(fb_rgb_colour_info_missing)
{
	struct mb b;

	build_min(&b);
	mb_close(&b, add_fb_common(&b, 0xfd000000, 4096, 1024, 768, 32,
				   MB2_FB_TYPE_RGB));
	expect_fb_dropped(&b, "framebuffer colour info missing");
}
END_TEST

START_TEST(fb_palette_missing)
{
	struct mb b;

	build_min(&b);
	mb_close(&b, add_fb_common(&b, 0xa0000, 320, 320, 200, 8,
				   MB2_FB_TYPE_INDEXED));
	expect_fb_dropped(&b, "framebuffer palette missing");
}
END_TEST

START_TEST(fb_palette_past_tag)
{
	struct mb b;
	size_t t;

	build_min(&b);
	t = add_fb_common(&b, 0xa0000, 320, 320, 200, 8, MB2_FB_TYPE_INDEXED);
	mb_u16(&b, 256);
	mb_fill(&b, 0, 255 * 3 + 2);	/* one byte short of 256 colours */
	mb_close(&b, t);
	expect_fb_dropped(&b, "framebuffer palette runs past tag");
}
END_TEST

START_TEST(fb_warning_then_hard_error)
{
	struct boot_info bi;
	const char *why;
	struct mb b;

	build_min(&b);
	add_fb(&b, &fb_cases[0].fb);
	mb_finish(&b);			/* and no end tag */
	ck_assert_int_eq(parse(&bi, &why), -EINVAL);
	ck_assert_str_eq(why, "missing end tag");
}
END_TEST

/* ---- malformed: RSDP, ELF sections ------------------------------------ */

START_TEST(reject_rsdp_old_short)
{
	struct mb b;

	build_min(&b);
	add_rsdp(&b, MB2_TAG_ACPI_OLD, 0, 19);
	mb_end(&b);
	expect_reject(&b, "ACPI old RSDP tag too short");
}
END_TEST

START_TEST(reject_rsdp_new_short)
{
	struct mb b;

	build_min(&b);
	add_rsdp(&b, MB2_TAG_ACPI_OLD, 0, 20);
	add_rsdp(&b, MB2_TAG_ACPI_NEW, 2, 35);
	mb_end(&b);
	expect_reject(&b, "ACPI new RSDP tag too short");
}
END_TEST

START_TEST(reject_rsdp_new_v1_sized)
{
	struct mb b;

	build_min(&b);
	add_rsdp(&b, MB2_TAG_ACPI_NEW, 2, 20);
	mb_end(&b);
	expect_reject(&b, "ACPI new RSDP tag too short");
}
END_TEST

START_TEST(reject_elf_too_short)
{
	struct mb b;
	size_t t;

	build_min(&b);
	t = mb_open(&b, MB2_TAG_ELF_SECTIONS);
	mb_u32(&b, 1);
	mb_u32(&b, 64);
	mb_close(&b, t);
	mb_end(&b);
	expect_reject(&b, "ELF sections tag too short");
}
END_TEST

START_TEST(reject_elf_entsize_small)
{
	struct mb b;

	build_min(&b);
	add_elf(&b, 12, 40, 11, 12 * 40);	/* Elf32_Shdr */
	mb_end(&b);
	expect_reject(&b, "ELF section entsize below 64");
}
END_TEST

START_TEST(reject_elf_past_tag)
{
	struct mb b;

	build_min(&b);
	add_elf(&b, 12, 64, 11, 11 * 64 + 63);
	mb_end(&b);
	expect_reject(&b, "ELF section headers run past tag");
}
END_TEST

START_TEST(reject_elf_count_wraps_32_bits)
{
	struct mb b;

	build_min(&b);
	add_elf(&b, 0x04000000, 64, 1, 64);	/* num * entsize == 2^32 */
	mb_end(&b);
	expect_reject(&b, "ELF section headers run past tag");
}
END_TEST

START_TEST(reject_elf_shndx_out_of_range)
{
	struct mb b;

	build_min(&b);
	add_elf(&b, 12, 64, 12, 12 * 64);
	mb_end(&b);
	expect_reject(&b, "ELF string table index out of range");
}
END_TEST

/* ---- duplicates of one-of-a-kind tags ---------------------------------- */

struct dup_case {
	void (*add)(struct mb *b);
	const char *why;
};

static void dup_cmdline(struct mb *b)
{
	add_string(b, MB2_TAG_CMDLINE, "again");
}

static void dup_loader(struct mb *b)
{
	add_string(b, MB2_TAG_BOOT_LOADER_NAME, LOADER);
}

static void dup_meminfo(struct mb *b)
{
	add_meminfo(b, 639, 1024);
}

static void dup_mmap(struct mb *b)
{
	add_mmap(b, bios_map, 6, 24);
}

static void dup_fb(struct mb *b)
{
	add_fb(b, &fb_good);
}

static void dup_elf(struct mb *b)
{
	add_elf(b, 12, 64, 11, 12 * 64);
}

static void dup_rsdp_old(struct mb *b)
{
	add_rsdp(b, MB2_TAG_ACPI_OLD, 0, 20);
}

static void dup_rsdp_new(struct mb *b)
{
	add_rsdp(b, MB2_TAG_ACPI_NEW, 2, 36);
}

static const struct dup_case dup_cases[] = {
	{ dup_cmdline, "duplicate command line tag" },
	{ dup_loader, "duplicate boot loader name tag" },
	{ dup_meminfo, "duplicate basic meminfo tag" },
	{ dup_mmap, "duplicate memory map tag" },
	{ dup_fb, "duplicate framebuffer tag" },
	{ dup_elf, "duplicate ELF sections tag" },
	{ dup_rsdp_old, "duplicate ACPI old RSDP tag" },
	{ dup_rsdp_new, "duplicate ACPI new RSDP tag" },
};

START_TEST(reject_duplicate)
{
	struct mb b;

	build_bios(&b);
	b.len -= 8;			/* reopen before the end tag */
	dup_cases[_i].add(&b);
	mb_end(&b);
	expect_reject(&b, dup_cases[_i].why);
}
END_TEST

/* ---- fuzzing ------------------------------------------------------------ */

static uint64_t rng_state;

static uint64_t rng(void)
{
	/* xorshift64*: fixed seed, so a failure replays exactly. */
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 0x2545f4914f6cdd1dull;
}

/* Whatever was accepted must stay inside the buffer when used. */
static void use_everything(const struct boot_info *bi)
{
	struct boot_module m;
	struct mmap_range r;
	uint32_t i;

	ck_assert_ptr_eq(bi->mbi, g_mbi);
	ck_assert(inside(bi->cmdline, strlen(bi->cmdline) + 1) ||
		  !*bi->cmdline);
	ck_assert(inside(bi->loader_name, strlen(bi->loader_name) + 1) ||
		  !*bi->loader_name);
	if (bi->mmap_count)
		ck_assert(inside(bi->mmap_entries,
				 (size_t)bi->mmap_count * bi->mmap_entry_size));
	for (i = 0; i < bi->mmap_count; i++) {
		bootinfo_mmap_entry(bi, i, &r);
		ck_assert_uint_ge(UINT64_MAX - r.base, r.length);
	}
	for (i = 0; i < bi->module_count; i++) {
		ck_assert_int_eq(bootinfo_module(bi, i, &m), 0);
		ck_assert_uint_le(m.start, m.end);
		ck_assert(inside(m.cmdline, strlen(m.cmdline) + 1));
	}
	ck_assert_int_eq(bootinfo_module(bi, i, &m), -EINVAL);
	if (bi->rsdp)
		ck_assert(inside(bi->rsdp, bi->rsdp_size) &&
			  bi->rsdp_size >= 20);
	if (bi->elf_shdrs) {
		ck_assert(inside(bi->elf_shdrs,
				 (size_t)bi->elf_shnum * bi->elf_shentsize));
		ck_assert_uint_lt(bi->elf_shstrndx, bi->elf_shnum);
	}
	if (bi->fb_kind != FB_NONE) {
		ck_assert(bi->fb.bpp >= 1 && bi->fb.bpp <= 32);
		ck_assert(bi->fb.width && bi->fb.height);
		ck_assert_uint_ge(bi->fb.pitch, (uint64_t)bi->fb.width *
				  ((bi->fb.bpp + 7) / 8));
	}
}

/* Parse len bytes of p from an exact-size heap copy. */
static void parse_exact(const uint8_t *p, size_t len)
{
	struct boot_info bi;
	const char *why = NULL;
	int ret;

	free_mbi();
	g_mbi = exact_copy(p, len);
	g_len = len;
	ret = bootinfo_parse(g_mbi, g_len, &bi, &why);
	if (ret == 0)
		use_everything(&bi);
	else
		ck_assert(ret == -EINVAL && why && *why);
}

static void build_either(struct mb *b, int which)
{
	if (which)
		build_uefi(b);
	else
		build_bios(b);
	mb_set32(b, 0, (uint32_t)b->len);
}

START_TEST(fuzz_byte_mutations)
{
	static struct mb good, work;
	int iter, k, n;

	rng_state = 0x9e3779b97f4a7c15ull + (uint64_t)_i;
	build_either(&good, _i);
	for (iter = 0; iter < 6000; iter++) {
		work = good;
		n = 1 + (int)(rng() % 4);
		for (k = 0; k < n; k++) {
			size_t at = rng() % good.len;

			if (rng() % 3 == 0 && at + 4 <= good.len)
				mb_set32(&work, at & ~(size_t)3,
					 (uint32_t)rng());
			else
				work.buf[at] = (uint8_t)rng();
		}
		parse_exact(work.buf, good.len);
	}
}
END_TEST

/* Offsets of the tag headers in a well-formed structure. */
static size_t tag_offsets(const struct mb *b, size_t *offs, size_t max)
{
	size_t off = 8, n = 0;
	uint32_t type;

	do {
		type = mb_get32(b, off);
		ck_assert_uint_lt(n, max);
		offs[n++] = off;
		off = (off + mb_get32(b, off + 4) + 7) & ~(size_t)7;
	} while (type != MB2_TAG_END);
	return n;
}

/* Give the tag at off a range of wrong sizes, and wrong types too. */
static void fuzz_one_tag(const struct mb *good, size_t off)
{
	static struct mb work;
	uint32_t size = mb_get32(good, off + 4);
	uint32_t left = (uint32_t)(good->len - off);
	const uint32_t vals[] = {
		0, 1, 7, 8, 9, 15, 16, size - 1, size + 1, size + 8, size - 8,
		left, left + 1, left - 1, left + 8, 0x80000000, 0xffffffff,
	};
	size_t nvals = sizeof(vals) / sizeof(vals[0]), j;

	for (j = 0; j < nvals + 200; j++) {
		work = *good;
		mb_set32(&work, off + 4, j < nvals ? vals[j] :
			 (uint32_t)(rng() % 4096));
		parse_exact(work.buf, good->len);
		/* Also retype the tag, so each body meets each parser. */
		mb_set32(&work, off, (uint32_t)(rng() % 24));
		parse_exact(work.buf, good->len);
	}
}

START_TEST(fuzz_size_fields)
{
	static struct mb good, work;
	size_t offs[64], n, i, j;

	rng_state = 0x0123456789abcdefull + (uint64_t)_i;
	build_either(&good, _i);
	n = tag_offsets(&good, offs, 64);
	for (i = 0; i < n; i++)
		fuzz_one_tag(&good, offs[i]);
	/* And the total_size field itself. */
	for (j = 0; j < 2000; j++) {
		work = good;
		mb_set32(&work, 0, j < 1000 ? (uint32_t)j : (uint32_t)rng());
		parse_exact(work.buf, good.len);
	}
}
END_TEST

START_TEST(fuzz_truncations)
{
	static struct mb good, work;
	size_t len;

	build_either(&good, _i);
	for (len = 0; len <= good.len; len++) {
		/* total_size still claims the whole structure ... */
		parse_exact(good.buf, len);
		/* ... or has been cut to match. */
		work = good;
		if (len >= 4) {
			mb_set32(&work, 0, (uint32_t)len);
			parse_exact(work.buf, len);
		}
	}
}
END_TEST

/* ---- suite --------------------------------------------------------------- */

Suite *unit_suite(void)
{
	Suite *s = suite_create("bootinfo");
	TCase *tc;

	tc = tcase_create("good");
	tcase_add_checked_fixture(tc, NULL, free_mbi);
	tcase_add_test(tc, grub_bios_structure);
	tcase_add_test(tc, grub_uefi_structure);
	tcase_add_test(tc, minimal_structure_defaults);
	tcase_add_test(tc, null_why_is_allowed);
	tcase_add_test(tc, limit_larger_than_structure);
	tcase_add_test(tc, unknown_tags_skipped);
	tcase_add_test(tc, modules_in_order);
	tcase_add_test(tc, module_lookup_after_failed_parse);
	tcase_add_test(tc, mmap_future_entry_size);
	tcase_add_test(tc, mmap_entry_out_of_range);
	tcase_add_test(tc, mmap_empty_tag);
	tcase_add_test(tc, mmap_entry_up_to_top_of_space);
	tcase_add_test(tc, fb_ega_text_accepted);
	tcase_add_test(tc, fb_indexed_recorded);
	tcase_add_test(tc, fb_rgb_15bpp);
	tcase_add_test(tc, rsdp_old_only);
	tcase_add_test(tc, rsdp_new_preferred_in_either_order);
	tcase_add_test(tc, rsdp_revision_from_its_own_byte);
	tcase_add_test(tc, elf_no_sections);
	tcase_add_test(tc, cmdline_nul_inside_tag);
	suite_add_tcase(s, tc);

	tc = tcase_create("structure");
	tcase_add_checked_fixture(tc, NULL, free_mbi);
	tcase_add_test(tc, reject_null);
	tcase_add_test(tc, reject_misaligned);
	tcase_add_test(tc, reject_limit_below_header);
	tcase_add_test(tc, reject_total_below_16);
	tcase_add_test(tc, reject_total_beyond_limit);
	tcase_add_test(tc, reject_total_not_multiple_of_8);
	tcase_add_test(tc, reject_tag_size_below_8);
	tcase_add_test(tc, reject_tag_size_zero);
	tcase_add_test(tc, reject_tag_past_end);
	tcase_add_test(tc, reject_tag_size_huge);
	tcase_add_test(tc, reject_missing_end_tag);
	tcase_add_test(tc, reject_end_tag_wrong_size);
	tcase_add_test(tc, reject_tag_after_end);
	tcase_add_test(tc, reject_padding_after_end);
	tcase_add_test(tc, reject_failure_clears_earlier_fields);
	suite_add_tcase(s, tc);

	tc = tcase_create("tags");
	tcase_add_checked_fixture(tc, NULL, free_mbi);
	tcase_add_test(tc, reject_cmdline_unterminated);
	tcase_add_test(tc, reject_cmdline_empty_tag);
	tcase_add_test(tc, reject_loader_name_unterminated);
	tcase_add_test(tc, reject_module_cmdline_unterminated);
	tcase_add_test(tc, reject_module_no_cmdline_room);
	tcase_add_test(tc, reject_module_start_after_end);
	tcase_add_test(tc, reject_module_too_short);
	tcase_add_test(tc, reject_meminfo_too_short);
	tcase_add_test(tc, reject_mmap_too_short);
	tcase_add_test(tc, reject_mmap_entry_size_small);
	tcase_add_test(tc, reject_mmap_entry_size_zero);
	tcase_add_test(tc, reject_mmap_entry_size_unaligned);
	tcase_add_test(tc, reject_mmap_partial_entry);
	tcase_add_test(tc, reject_mmap_entry_wraps);
	tcase_add_test(tc, reject_rsdp_old_short);
	tcase_add_test(tc, reject_rsdp_new_short);
	tcase_add_test(tc, reject_rsdp_new_v1_sized);
	tcase_add_test(tc, reject_elf_too_short);
	tcase_add_test(tc, reject_elf_entsize_small);
	tcase_add_test(tc, reject_elf_past_tag);
	tcase_add_test(tc, reject_elf_count_wraps_32_bits);
	tcase_add_test(tc, reject_elf_shndx_out_of_range);
	tcase_add_loop_test(tc, reject_duplicate, 0,
			    sizeof(dup_cases) / sizeof(dup_cases[0]));
	suite_add_tcase(s, tc);

	tc = tcase_create("framebuffer");
	tcase_add_checked_fixture(tc, NULL, free_mbi);
	tcase_add_loop_test(tc, fb_bad_field, 0,
			    sizeof(fb_cases) / sizeof(fb_cases[0]));
	tcase_add_test(tc, fb_tag_too_short);
	tcase_add_test(tc, fb_rgb_colour_info_missing);
	tcase_add_test(tc, fb_palette_missing);
	tcase_add_test(tc, fb_palette_past_tag);
	tcase_add_test(tc, fb_warning_then_hard_error);
	suite_add_tcase(s, tc);

	tc = tcase_create("fuzz");
	tcase_set_timeout(tc, 100);
	tcase_add_checked_fixture(tc, NULL, free_mbi);
	tcase_add_loop_test(tc, fuzz_byte_mutations, 0, 2);
	tcase_add_loop_test(tc, fuzz_size_fields, 0, 2);
	tcase_add_loop_test(tc, fuzz_truncations, 0, 2);
	suite_add_tcase(s, tc);

	return s;
}
