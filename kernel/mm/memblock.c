/*
 * memblock's range lists: insert, merge, split and a top-down search for
 * free space, on a struct memblock the caller owns. Pure policy (the host
 * unit tests build it too); the kernel's instance lives in memblock_boot.c.
 */
#include <stdint.h>
#include <string.h>
#include <breenix/elf.h>
#include <breenix/errno.h>
#include <breenix/memblock.h>
#include <breenix/mm.h>

/* System V gABI: the section occupies memory at run time. */
#define ELF_SHF_ALLOC	0x2

/* Grown tables start on a cache line. */
#define TABLE_ALIGN	64

static uint64_t region_end(const struct memblock_region *r)
{
	return r->base + r->size;
}

static uint64_t min_u64(uint64_t a, uint64_t b)
{
	return a < b ? a : b;
}

static uint64_t max_u64(uint64_t a, uint64_t b)
{
	return a > b ? a : b;
}

/* The end of [base, base + size), cut at the top of the address space. */
static uint64_t range_end(uint64_t base, uint64_t size)
{
	return size > UINT64_MAX - base ? UINT64_MAX : base + size;
}

void memblock_setup(struct memblock *mb, struct memblock_region *memory,
		    unsigned int memory_max, struct memblock_region *reserved,
		    unsigned int reserved_max)
{
	memset(mb, 0, sizeof(*mb));
	mb->memory.name = "memory";
	mb->memory.regions = memory;
	mb->memory.max = memory_max;
	mb->reserved.name = "reserved";
	mb->reserved.regions = reserved;
	mb->reserved.max = reserved_max;
}

static int type_add(struct memblock *mb, struct memblock_type *t,
		    uint64_t base, uint64_t end);
static int type_remove(struct memblock *mb, struct memblock_type *t,
		       uint64_t base, uint64_t end);

/* The highest aligned start of size bytes inside [lo, hi), or 0. */
static uint64_t fit_top(uint64_t lo, uint64_t hi, uint64_t size,
			uint64_t align)
{
	uint64_t cand;

	if (hi <= lo || hi - lo < size)
		return 0;
	cand = (hi - size) & ~(align - 1);
	return cand >= lo ? cand : 0;
}

/* As fit_top, outside [avoid_lo, avoid_hi) (an empty range avoids nothing). */
static uint64_t fit_gap(uint64_t lo, uint64_t hi, uint64_t size,
			uint64_t align, uint64_t avoid_lo, uint64_t avoid_hi)
{
	uint64_t cand;

	if (avoid_lo >= avoid_hi)
		return fit_top(lo, hi, size, align);
	cand = fit_top(max_u64(lo, avoid_hi), hi, size, align);
	if (!cand)
		cand = fit_top(lo, min_u64(hi, avoid_lo), size, align);
	return cand;
}

/*
 * The highest free address with room for size bytes below limit, outside
 * [avoid_lo, avoid_hi). Memory regions are walked from the top, and in each
 * the reserved regions that cut it, also from the top; both lists are
 * sorted, so one pass does it.
 */
static uint64_t find_top_down(const struct memblock *mb, uint64_t size,
			      uint64_t align, uint64_t limit,
			      uint64_t avoid_lo, uint64_t avoid_hi)
{
	const struct memblock_region *res = mb->reserved.regions;
	int j = (int)mb->reserved.cnt - 1;
	unsigned int i;

	for (i = mb->memory.cnt; i-- > 0;) {
		const struct memblock_region *m = &mb->memory.regions[i];
		uint64_t lo = m->base, hi = min_u64(region_end(m), limit);
		int k;

		while (j >= 0 && res[j].base >= hi)
			j--;
		/* res[k] is the highest reservation starting below hi. */
		for (k = j; hi > lo; k--) {
			bool cut = k >= 0 && region_end(&res[k]) > lo;
			uint64_t gap_lo = lo, cand;

			if (cut)
				gap_lo = max_u64(lo, region_end(&res[k]));
			cand = fit_gap(gap_lo, hi, size, align, avoid_lo,
				       avoid_hi);
			if (cand)
				return cand;
			if (!cut)
				break;
			hi = res[k].base;
		}
	}
	return 0;
}

/*
 * Double a full table into memory from memblock itself, away from the
 * range [avoid_lo, avoid_hi) the caller is about to add or remove. The new
 * table is recorded as reserved (and the old one, if memblock had allocated
 * it, released); reserved therefore needs room for two more entries first.
 */
static int grow(struct memblock *mb, struct memblock_type *t,
		uint64_t avoid_lo, uint64_t avoid_hi)
{
	size_t old_bytes = t->max * sizeof(struct memblock_region);
	uint64_t old_phys = t->phys, phys;
	struct memblock_region *regions;
	int err;

	if (!mb->map)
		return -ENOMEM;
	if (t != &mb->reserved && mb->reserved.cnt + 2 > mb->reserved.max) {
		err = grow(mb, &mb->reserved, avoid_lo, avoid_hi);
		if (err)
			return err;
	}
	phys = find_top_down(mb, 2 * old_bytes, TABLE_ALIGN, mb->grow_limit,
			     avoid_lo, avoid_hi);
	if (!phys)
		return -ENOMEM;
	regions = mb->map(phys);
	memcpy(regions, t->regions, old_bytes);
	t->regions = regions;
	t->max *= 2;
	t->phys = phys;
	/* Cannot fail: reserved has room for both (at least 4 entries before). */
	type_add(mb, &mb->reserved, phys, phys + 2 * old_bytes);
	if (old_phys)
		type_remove(mb, &mb->reserved, old_phys, old_phys + old_bytes);
	return 0;
}

/* Regions [*first, *last) overlap or touch [base, end). */
static void find_touching(const struct memblock_type *t, uint64_t base,
			  uint64_t end, unsigned int *first, unsigned int *last)
{
	const struct memblock_region *r = t->regions;
	unsigned int i, j;

	for (i = 0; i < t->cnt && region_end(&r[i]) < base; i++)
		;
	for (j = i; j < t->cnt && r[j].base <= end; j++)
		;
	*first = i;
	*last = j;
}

/* Insert [base, end), merging every region it overlaps or touches. */
static int type_add(struct memblock *mb, struct memblock_type *t,
		    uint64_t base, uint64_t end)
{
	struct memblock_region *r;
	unsigned int i, j;
	int err;

	if (base >= end)
		return 0;
	find_touching(t, base, end, &i, &j);
	if (i == j && t->cnt == t->max) {
		/* A new entry: growing may move (and add to) the table. */
		err = grow(mb, t, base, end);
		if (err)
			return err;
		find_touching(t, base, end, &i, &j);
	}
	r = t->regions;
	if (i == j) {
		memmove(&r[i + 1], &r[i], (t->cnt - i) * sizeof(*r));
		t->cnt++;
	} else {
		base = min_u64(base, r[i].base);
		end = max_u64(end, region_end(&r[j - 1]));
		memmove(&r[i + 1], &r[j], (t->cnt - j) * sizeof(*r));
		t->cnt -= j - i - 1;
	}
	r[i].base = base;
	r[i].size = end - base;
	return 0;
}

/* The first region ending after base. */
static unsigned int first_after(const struct memblock_type *t, uint64_t base)
{
	unsigned int i;

	for (i = 0; i < t->cnt && region_end(&t->regions[i]) <= base; i++)
		;
	return i;
}

/* Cut [base, end) out; a region around it splits in two. */
static int type_remove(struct memblock *mb, struct memblock_type *t,
		       uint64_t base, uint64_t end)
{
	struct memblock_region *r;
	unsigned int i;
	int err;

	if (base >= end)
		return 0;
	i = first_after(t, base);
	r = t->regions;
	if (i < t->cnt && r[i].base < base && region_end(&r[i]) > end &&
	    t->cnt == t->max) {
		err = grow(mb, t, base, end);
		if (err)
			return err;
		i = first_after(t, base);
		r = t->regions;
	}
	while (i < t->cnt && r[i].base < end) {
		uint64_t rend = region_end(&r[i]);

		if (r[i].base < base && rend > end) {
			memmove(&r[i + 2], &r[i + 1],
				(t->cnt - i - 1) * sizeof(*r));
			t->cnt++;
			r[i].size = base - r[i].base;
			r[i + 1].base = end;
			r[i + 1].size = rend - end;
			break;
		}
		if (r[i].base < base) {
			r[i].size = base - r[i].base;
			i++;
		} else if (rend > end) {
			r[i].base = end;
			r[i].size = rend - end;
			break;
		} else {
			memmove(&r[i], &r[i + 1], (t->cnt - i - 1) * sizeof(*r));
			t->cnt--;
		}
	}
	return 0;
}

int memblock_add_memory(struct memblock *mb, uint64_t base, uint64_t size)
{
	return type_add(mb, &mb->memory, base, range_end(base, size));
}

int memblock_remove_memory(struct memblock *mb, uint64_t base, uint64_t size)
{
	return type_remove(mb, &mb->memory, base, range_end(base, size));
}

int memblock_add_reserved(struct memblock *mb, uint64_t base, uint64_t size)
{
	return type_add(mb, &mb->reserved, base, range_end(base, size));
}

int memblock_remove_reserved(struct memblock *mb, uint64_t base,
			     uint64_t size)
{
	return type_remove(mb, &mb->reserved, base, range_end(base, size));
}

uint64_t memblock_alloc_from(struct memblock *mb, uint64_t size,
			     uint64_t align, uint64_t limit)
{
	uint64_t base;

	if (!size || !align || (align & (align - 1)))
		return 0;
	/* Grow first: a growing table must not take the space found here. */
	if (mb->reserved.cnt == mb->reserved.max &&
	    grow(mb, &mb->reserved, 0, 0))
		return 0;
	base = find_top_down(mb, size, align, limit, 0, 0);
	if (base)
		type_add(mb, &mb->reserved, base, base + size);
	return base;
}

void memblock_for_each_free(const struct memblock *mb,
			    void (*fn)(uint64_t start, uint64_t end, void *arg),
			    void *arg)
{
	const struct memblock_region *res = mb->reserved.regions;
	unsigned int i, j = 0;

	for (i = 0; i < mb->memory.cnt; i++) {
		const struct memblock_region *m = &mb->memory.regions[i];
		uint64_t start = m->base, end = region_end(m);
		unsigned int k;

		while (j < mb->reserved.cnt && region_end(&res[j]) <= start)
			j++;
		for (k = j; k < mb->reserved.cnt && res[k].base < end; k++) {
			if (res[k].base > start)
				fn(start, res[k].base, arg);
			start = max_u64(start, region_end(&res[k]));
		}
		if (start < end)
			fn(start, end, arg);
	}
}

bool memblock_contains(const struct memblock_type *type, uint64_t addr)
{
	unsigned int lo = 0, hi = type->cnt;

	while (lo < hi) {
		unsigned int mid = lo + (hi - lo) / 2;
		const struct memblock_region *r = &type->regions[mid];

		if (addr < r->base)
			hi = mid;
		else if (addr >= region_end(r))
			lo = mid + 1;
		else
			return true;
	}
	return false;
}

uint64_t memblock_type_total(const struct memblock_type *type)
{
	uint64_t total = 0;
	unsigned int i;

	for (i = 0; i < type->cnt; i++)
		total += type->regions[i].size;
	return total;
}

/*
 * GRUB's copies of non-allocated sections (.symtab, .strtab): ksyms reads
 * them for as long as the kernel runs. The rest lie inside the image.
 */
static int reserve_elf_sections(struct memblock *mb,
				const struct boot_info *bi)
{
	const char *shdrs = bi->elf_shdrs;
	Elf64_Shdr sh;
	uint32_t i;
	int err;

	if (!shdrs || bi->elf_shentsize < sizeof(sh))
		return 0;
	for (i = 0; i < bi->elf_shnum; i++) {
		/* The headers in the tag are only 4-byte aligned: copy. */
		memcpy(&sh, shdrs + (size_t)i * bi->elf_shentsize, sizeof(sh));
		if ((sh.sh_flags & ELF_SHF_ALLOC) || !sh.sh_addr || !sh.sh_size)
			continue;
		err = memblock_add_reserved(mb, sh.sh_addr, sh.sh_size);
		if (err)
			return err;
	}
	return 0;
}

static int reserve_boot_data(struct memblock *mb, const struct boot_info *bi,
			     const struct memblock_boot_extra *extra)
{
	struct boot_module mod;
	uint32_t i;
	int err;

	/* As Linux: the BIOS data area, EBDA and ROMs, and AP trampolines. */
	err = memblock_add_reserved(mb, 0, LOW_MEMORY);
	if (!err)
		err = memblock_add_reserved(mb, extra->image_start,
					    extra->image_end - extra->image_start);
	if (!err)
		err = memblock_add_reserved(mb, extra->mbi_phys, bi->mbi_size);
	for (i = 0; !err && i < bi->module_count; i++) {
		if (!bootinfo_module(bi, i, &mod))
			err = memblock_add_reserved(mb, mod.start,
						    mod.end - mod.start);
	}
	if (!err)
		err = reserve_elf_sections(mb, bi);
	if (!err && bi->fb_kind != FB_NONE)
		err = memblock_add_reserved(mb, bi->fb.phys,
					    (uint64_t)bi->fb.pitch * bi->fb.height);
	return err;
}

/* Whole pages of an available range below MEMBLOCK_PHYS_LIMIT. */
static int add_available(struct memblock *mb, const struct mmap_range *r)
{
	uint64_t start, end;

	if (!r->length || r->length > UINT64_MAX - r->base)
		return 0;
	if (r->base > UINT64_MAX - (PAGE_SIZE - 1))
		return 0;
	start = (r->base + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1);
	end = min_u64(r->base + r->length, MEMBLOCK_PHYS_LIMIT) &
	      ~(PAGE_SIZE - 1);
	if (start >= end)
		return 0;
	return memblock_add_memory(mb, start, end - start);
}

/*
 * Where the map contradicts itself, the range that is not RAM wins (as
 * Linux's e820 sanitizer decides), to whole pages.
 */
static int remove_unavailable(struct memblock *mb, const struct mmap_range *r)
{
	uint64_t start = r->base & ~(PAGE_SIZE - 1);
	uint64_t end = range_end(r->base, r->length);

	if (!r->length)
		return 0;
	if (end <= UINT64_MAX - (PAGE_SIZE - 1))
		end = (end + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1);
	return memblock_remove_memory(mb, start, end - start);
}

/*
 * Reservations go in first: a table that grows takes its room from memory,
 * which must by then exclude everything the boot left behind.
 */
int memblock_add_boot_info(struct memblock *mb, const struct boot_info *bi,
			   const struct memblock_boot_extra *extra)
{
	struct mmap_range r;
	uint32_t i;
	int err;

	err = reserve_boot_data(mb, bi, extra);
	for (i = 0; !err && i < bi->mmap_count; i++) {
		bootinfo_mmap_entry(bi, i, &r);
		if (r.type == MMAP_AVAILABLE)
			err = add_available(mb, &r);
	}
	for (i = 0; !err && i < bi->mmap_count; i++) {
		bootinfo_mmap_entry(bi, i, &r);
		if (r.type != MMAP_AVAILABLE)
			err = remove_unavailable(mb, &r);
	}
	return err;
}
