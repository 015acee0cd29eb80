/*
 * Multiboot2 information parser: turns the tag list the boot loader left in
 * memory into struct boot_info, checking every length against the structure's
 * own bounds before using it. Pure policy; the host unit tests build it too.
 *
 * Policy, pinned by tests/unit/bootinfo:
 * - A defect in the tag list, or in any tag but the framebuffer, fails the
 *   whole parse with -EINVAL and *why naming the first defect found. Nothing
 *   from a rejected structure is kept.
 * - A bad framebuffer tag only costs the framebuffer: fb_kind stays FB_NONE,
 *   the parse returns 0 and *why says why the tag was ignored (the caller
 *   prints it as a warning). On a clean parse *why is NULL.
 * - Tags that describe one thing (command line, loader name, basic meminfo,
 *   memory map, framebuffer, ELF sections, each RSDP) may appear once; a
 *   second copy fails the parse, since nothing says which one is true.
 * - Unknown tag types are skipped: the spec lets loaders add new ones.
 * - Module addresses are 32-bit fields, so modules lie below 4 GiB by
 *   construction; end is exclusive, start > end is rejected, start == end
 *   (an empty file) is accepted.
 * - Memory map entries whose base + length wraps past 2^64 are rejected;
 *   clipping to the CPU's physical address width is the allocator's job.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <breenix/bootinfo.h>
#include <breenix/errno.h>
#include <breenix/multiboot2.h>

/* System V gABI: sizeof(Elf64_Shdr); the kernel image is ELF64. */
#define ELF64_SHDR_SIZE		64

#define TAG_BIT(type)		(1u << (type))
#define UNIQUE_TAGS	(TAG_BIT(MB2_TAG_CMDLINE) |			\
			 TAG_BIT(MB2_TAG_BOOT_LOADER_NAME) |		\
			 TAG_BIT(MB2_TAG_BASIC_MEMINFO) |		\
			 TAG_BIT(MB2_TAG_MMAP) |			\
			 TAG_BIT(MB2_TAG_FRAMEBUFFER) |			\
			 TAG_BIT(MB2_TAG_ELF_SECTIONS) |		\
			 TAG_BIT(MB2_TAG_ACPI_OLD) |			\
			 TAG_BIT(MB2_TAG_ACPI_NEW))

/*
 * Fields are copied out rather than dereferenced in place: that keeps the
 * reads well-defined whatever the alignment, and the builtin is expanded
 * inline even in a freestanding build.
 */
#define LOAD(dst, src)	__builtin_memcpy(&(dst), (src), sizeof(dst))

struct tag_ref {
	const uint8_t *p;	/* first byte of the tag header */
	uint32_t type;
	uint32_t size;		/* checked: 8 <= size <= bytes left */
};

struct tag_walk {
	const uint8_t *base;
	size_t total;		/* a multiple of 8, >= 16 */
	size_t off;		/* next tag; always a multiple of 8 */
};

struct parse_state {
	struct boot_info *bi;
	uint32_t seen;		/* TAG_BIT(type) of each type < 32 met */
	const char *warning;	/* why the framebuffer tag was ignored */
};

static const char *const dup_why[] = {
	[MB2_TAG_CMDLINE] = "duplicate command line tag",
	[MB2_TAG_BOOT_LOADER_NAME] = "duplicate boot loader name tag",
	[MB2_TAG_BASIC_MEMINFO] = "duplicate basic meminfo tag",
	[MB2_TAG_MMAP] = "duplicate memory map tag",
	[MB2_TAG_FRAMEBUFFER] = "duplicate framebuffer tag",
	[MB2_TAG_ELF_SECTIONS] = "duplicate ELF sections tag",
	[MB2_TAG_ACPI_OLD] = "duplicate ACPI old RSDP tag",
	[MB2_TAG_ACPI_NEW] = "duplicate ACPI new RSDP tag",
};

static int fail(const char **why, const char *msg)
{
	*why = msg;
	return -EINVAL;
}

static size_t tag_align(size_t x)
{
	return (x + MB2_TAG_ALIGN - 1) & ~(size_t)(MB2_TAG_ALIGN - 1);
}

/*
 * Step to the next tag. Returns 1 with *t filled, 0 at a well-formed end
 * tag, or -EINVAL. Because total and off are multiples of 8, off < total
 * leaves at least a whole tag header to read.
 */
static int tag_next(struct tag_walk *w, struct tag_ref *t, const char **why)
{
	struct mb2_tag hdr;

	if (w->off >= w->total)
		return fail(why, "missing end tag");
	LOAD(hdr, w->base + w->off);
	if (hdr.size < sizeof(hdr))
		return fail(why, "tag smaller than its header");
	if (hdr.size > w->total - w->off)
		return fail(why, "tag runs past end of info");

	t->p = w->base + w->off;
	t->type = hdr.type;
	t->size = hdr.size;
	if (hdr.type == MB2_TAG_END) {
		if (hdr.size != sizeof(hdr))
			return fail(why, "end tag size is not 8");
		if (w->off + sizeof(hdr) != w->total)
			return fail(why, "data after end tag");
		return 0;
	}
	/* off + size <= total, and total is a multiple of 8: no overflow. */
	w->off = tag_align(w->off + hdr.size);
	return 1;
}

/* The NUL-terminated string at offset hdr in the tag, or NULL. */
static const char *tag_string(const struct tag_ref *t, size_t hdr)
{
	if (t->size <= hdr || !memchr(t->p + hdr, 0, t->size - hdr))
		return NULL;
	return (const char *)(t->p + hdr);
}

static int parse_string(struct parse_state *ps, const struct tag_ref *t,
			const char **why)
{
	const char *s = tag_string(t, sizeof(struct mb2_tag));

	if (t->type == MB2_TAG_CMDLINE) {
		if (!s)
			return fail(why, "command line not NUL-terminated");
		ps->bi->cmdline = s;
	} else {
		if (!s)
			return fail(why, "boot loader name not NUL-terminated");
		ps->bi->loader_name = s;
	}
	return 0;
}

static int parse_module(struct parse_state *ps, const struct tag_ref *t,
			const char **why)
{
	struct mb2_tag_module m;

	if (t->size < sizeof(m))
		return fail(why, "module tag too short");
	LOAD(m, t->p);
	if (m.mod_start > m.mod_end)
		return fail(why, "module starts after its end");
	if (!tag_string(t, sizeof(m)))
		return fail(why, "module command line not NUL-terminated");
	ps->bi->module_count++;
	return 0;
}

static int parse_meminfo(struct parse_state *ps, const struct tag_ref *t,
			 const char **why)
{
	struct mb2_tag_basic_meminfo m;

	if (t->size < sizeof(m))
		return fail(why, "basic meminfo tag too short");
	LOAD(m, t->p);
	ps->bi->mem_lower_kib = m.mem_lower;
	ps->bi->mem_upper_kib = m.mem_upper;
	return 0;
}

static int parse_mmap(struct parse_state *ps, const struct tag_ref *t,
		      const char **why)
{
	struct mb2_tag_mmap m;
	struct mb2_mmap_entry e;
	size_t bytes, n, i;

	if (t->size < sizeof(m))
		return fail(why, "memory map tag too short");
	LOAD(m, t->p);
	if (m.entry_size < sizeof(e))
		return fail(why, "memory map entry_size below 24");
	if (m.entry_size % 8)
		return fail(why, "memory map entry_size not a multiple of 8");
	bytes = t->size - sizeof(m);
	if (bytes % m.entry_size)
		return fail(why, "memory map entries do not fill the tag");
	n = bytes / m.entry_size;
	for (i = 0; i < n; i++) {
		LOAD(e, t->p + sizeof(m) + i * m.entry_size);
		if (e.length > UINT64_MAX - e.base_addr)
			return fail(why, "memory map entry wraps past 2^64");
	}
	ps->bi->mmap_entries = t->p + sizeof(m);
	ps->bi->mmap_entry_size = m.entry_size;
	ps->bi->mmap_count = (uint32_t)n;
	return 0;
}

static const char *fb_palette(const struct tag_ref *t)
{
	size_t off = sizeof(struct mb2_tag_framebuffer);
	struct mb2_fb_palette pal;

	if (t->size < off + sizeof(pal))
		return "framebuffer palette missing";
	LOAD(pal, t->p + off);
	if ((size_t)pal.num_colors * 3 > t->size - off - sizeof(pal))
		return "framebuffer palette runs past tag";
	return NULL;
}

static int rgb_field_ok(uint8_t pos, uint8_t size, uint8_t bpp)
{
	return (unsigned int)pos + size <= bpp;
}

static const char *fb_rgb(const struct tag_ref *t, struct fb_info *fb)
{
	size_t off = sizeof(struct mb2_tag_framebuffer);
	struct mb2_fb_rgb c;

	if (t->size < off + sizeof(c))
		return "framebuffer colour info missing";
	LOAD(c, t->p + off);
	/* The pixel writers in drivers/ handle these depths only (fb.h). */
	if (fb->bpp != 15 && fb->bpp != 16 && fb->bpp != 24 && fb->bpp != 32)
		return "RGB framebuffer bpp not 15, 16, 24 or 32";
	if (!rgb_field_ok(c.red_pos, c.red_size, fb->bpp) ||
	    !rgb_field_ok(c.green_pos, c.green_size, fb->bpp) ||
	    !rgb_field_ok(c.blue_pos, c.blue_size, fb->bpp))
		return "framebuffer colour field beyond bpp";
	fb->red_pos = c.red_pos;
	fb->red_size = c.red_size;
	fb->green_pos = c.green_pos;
	fb->green_size = c.green_size;
	fb->blue_pos = c.blue_pos;
	fb->blue_size = c.blue_size;
	return NULL;
}

/* Fills bi->fb and bi->fb_kind, or returns why the tag is unusable. */
static const char *parse_fb(struct boot_info *bi, const struct tag_ref *t)
{
	struct mb2_tag_framebuffer f;
	struct fb_info fb = { 0 };
	enum fb_kind kind;
	const char *bad;
	uint64_t bytes;

	if (t->size < sizeof(f))
		return "framebuffer tag too short";
	LOAD(f, t->p);
	if (f.bpp == 0 || f.bpp > 32)
		return "framebuffer bpp out of range";
	if (f.width == 0 || f.height == 0)
		return "framebuffer width or height is 0";
	/* In bits: packed modes (1, 2, 4 bpp) fit several pixels in a byte. */
	if ((uint64_t)f.pitch * 8 < (uint64_t)f.width * f.bpp)
		return "framebuffer pitch below width";
	bytes = (uint64_t)f.pitch * f.height;
	if (bytes > UINT32_MAX)
		return "framebuffer larger than 4 GiB";
	if (f.addr == 0 || f.addr > UINT64_MAX - bytes)
		return "framebuffer address invalid";

	fb.phys = f.addr;
	fb.width = f.width;
	fb.height = f.height;
	fb.pitch = f.pitch;
	fb.bpp = f.bpp;
	switch (f.type) {
	case MB2_FB_TYPE_INDEXED:
		kind = FB_INDEXED;
		bad = fb_palette(t);
		break;
	case MB2_FB_TYPE_RGB:
		kind = FB_RGB;
		bad = fb_rgb(t, &fb);
		break;
	case MB2_FB_TYPE_EGA_TEXT:
		kind = FB_EGA_TEXT;
		bad = f.bpp == 16 ? NULL : "EGA text framebuffer bpp not 16";
		break;
	default:
		return "unknown framebuffer type";
	}
	if (bad)
		return bad;
	bi->fb = fb;
	bi->fb_kind = kind;
	return NULL;
}

static int parse_elf(struct parse_state *ps, const struct tag_ref *t,
		     const char **why)
{
	struct mb2_tag_elf_sections e;

	if (t->size < sizeof(e))
		return fail(why, "ELF sections tag too short");
	LOAD(e, t->p);
	/* GRUB always emits the tag; num is 0 when it found no sections. */
	if (e.num == 0)
		return 0;
	if (e.entsize < ELF64_SHDR_SIZE)
		return fail(why, "ELF section entsize below 64");
	if ((uint64_t)e.num * e.entsize > t->size - sizeof(e))
		return fail(why, "ELF section headers run past tag");
	if (e.shndx >= e.num)
		return fail(why, "ELF string table index out of range");
	ps->bi->elf_shdrs = t->p + sizeof(e);
	ps->bi->elf_shnum = e.num;
	ps->bi->elf_shentsize = e.entsize;
	ps->bi->elf_shstrndx = e.shndx;
	return 0;
}

/* Checksums are the ACPI code's to verify; here only the length. */
static int parse_rsdp(struct parse_state *ps, const struct tag_ref *t,
		      const char **why)
{
	size_t len = t->size - sizeof(struct mb2_tag);
	const uint8_t *rsdp = t->p + sizeof(struct mb2_tag);

	if (t->type == MB2_TAG_ACPI_NEW) {
		if (len < MB2_RSDP_V2_SIZE)
			return fail(why, "ACPI new RSDP tag too short");
	} else {
		if (len < MB2_RSDP_V1_SIZE)
			return fail(why, "ACPI old RSDP tag too short");
		if (ps->seen & TAG_BIT(MB2_TAG_ACPI_NEW))
			return 0;	/* the XSDP wins whatever the order */
	}
	ps->bi->rsdp = rsdp;
	ps->bi->rsdp_size = (uint32_t)len;
	ps->bi->rsdp_revision = rsdp[MB2_RSDP_REVISION_OFFSET];
	return 0;
}

static int parse_tag(struct parse_state *ps, const struct tag_ref *t,
		     const char **why)
{
	if (t->type < 32 && (UNIQUE_TAGS & TAG_BIT(t->type))) {
		if (ps->seen & TAG_BIT(t->type))
			return fail(why, dup_why[t->type]);
		ps->seen |= TAG_BIT(t->type);
	}

	switch (t->type) {
	case MB2_TAG_CMDLINE:
	case MB2_TAG_BOOT_LOADER_NAME:
		return parse_string(ps, t, why);
	case MB2_TAG_MODULE:
		return parse_module(ps, t, why);
	case MB2_TAG_BASIC_MEMINFO:
		return parse_meminfo(ps, t, why);
	case MB2_TAG_MMAP:
		return parse_mmap(ps, t, why);
	case MB2_TAG_FRAMEBUFFER:
		ps->warning = parse_fb(ps->bi, t);
		return 0;
	case MB2_TAG_ELF_SECTIONS:
		return parse_elf(ps, t, why);
	case MB2_TAG_ACPI_OLD:
	case MB2_TAG_ACPI_NEW:
		return parse_rsdp(ps, t, why);
	default:
		return 0;
	}
}

/* Spec 3.6.2: 8-byte aligned start, and the end tag closes total_size. */
static int check_header(const void *mbi, size_t limit, struct tag_walk *w,
			const char **why)
{
	struct mb2_info info;

	if (!mbi)
		return fail(why, "no info structure");
	if ((uintptr_t)mbi % MB2_TAG_ALIGN)
		return fail(why, "info structure not 8-byte aligned");
	if (limit < sizeof(info))
		return fail(why, "limit smaller than info header");
	LOAD(info, mbi);
	if (info.total_size < sizeof(info) + sizeof(struct mb2_tag))
		return fail(why, "total_size below 16");
	if (info.total_size > limit)
		return fail(why, "total_size beyond limit");
	if (info.total_size % MB2_TAG_ALIGN)
		return fail(why, "total_size not a multiple of 8");
	w->base = mbi;
	w->total = info.total_size;
	w->off = sizeof(info);
	return 0;
}

static void bootinfo_clear(struct boot_info *bi)
{
	*bi = (struct boot_info){ .cmdline = "", .loader_name = "" };
}

int bootinfo_parse(const void *mbi, size_t limit, struct boot_info *bi,
		   const char **why)
{
	struct parse_state ps = { .bi = bi };
	const char *unused;
	struct tag_walk w = { 0 };
	struct tag_ref t;
	int ret;

	if (!why)
		why = &unused;
	*why = NULL;
	bootinfo_clear(bi);

	ret = check_header(mbi, limit, &w, why);
	while (ret == 0 && (ret = tag_next(&w, &t, why)) > 0)
		ret = parse_tag(&ps, &t, why);
	if (ret < 0) {
		bootinfo_clear(bi);
		return ret;
	}
	bi->mbi = mbi;
	bi->mbi_size = (uint32_t)w.total;
	*why = ps.warning;
	return 0;
}

void bootinfo_mmap_entry(const struct boot_info *bi, uint32_t i,
			 struct mmap_range *out)
{
	struct mb2_mmap_entry e;

	if (i >= bi->mmap_count) {
		*out = (struct mmap_range){ .type = MMAP_RESERVED };
		return;
	}
	LOAD(e, bi->mmap_entries + (size_t)i * bi->mmap_entry_size);
	out->base = e.base_addr;
	out->length = e.length;
	out->type = e.type;
}

int bootinfo_module(const struct boot_info *bi, uint32_t i,
		    struct boot_module *out)
{
	struct tag_walk w = {
		.base = bi->mbi, .total = bi->mbi_size,
		.off = sizeof(struct mb2_info),
	};
	struct mb2_tag_module m;
	const char *why;
	struct tag_ref t;

	if (!bi->mbi || i >= bi->module_count)
		return -EINVAL;
	while (tag_next(&w, &t, &why) > 0) {
		if (t.type != MB2_TAG_MODULE)
			continue;
		if (i-- > 0)
			continue;
		LOAD(m, t.p);
		out->start = m.mod_start;
		out->end = m.mod_end;
		out->cmdline = (const char *)t.p + sizeof(m);
		return 0;
	}
	return -EINVAL;
}

int bootinfo_find_module(const struct boot_info *bi, const char *cmdline,
			 struct boot_module *out)
{
	uint32_t i;

	for (i = 0; i < bi->module_count; i++)
		if (!bootinfo_module(bi, i, out) && !strcmp(out->cmdline, cmdline))
			return 0;
	return -ENOENT;
}
