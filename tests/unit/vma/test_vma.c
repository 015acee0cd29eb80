/*
 * The VMA set (kernel/mm/vma.c) against a model that records, page by page,
 * what is mapped with which flags, object and offset. Random inserts with
 * replacement, removals, flag changes, free-area searches and stack growth,
 * with clone failures injected, check after every step that the tree and
 * list agree, are sorted, non-overlapping, fully merged, hold exactly the
 * model's contents, and that nothing leaked.
 */
#include <check.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <breenix/errno.h>
#include <breenix/vma.h>
#include "unit.h"

#define PG		4096ULL
#define NPAGES		1024		/* the model's address space */
#define BASE		0x10000000ULL
#define GAP_PAGES	(STACK_GUARD_GAP / PG)
#define STEPS		40000

struct shmem_object {
	int refs;
};

struct model_page {
	bool mapped;
	unsigned long flags;
	struct shmem_object *shm;
	uint64_t pgoff;
};

static struct model_page model[NPAGES];
static struct mm_struct mm;
static struct shmem_object shms[2];
static long live_vmas;
static int fail_one_in;		/* clones fail one time in this many; 0: never */
static uint64_t rng_state;

static uint32_t rng(void)
{
	/* xorshift64*: a fixed sequence, so a failure reproduces. */
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return (uint32_t)((rng_state * 2685821657736338717ULL) >> 32);
}

static uint32_t rnd(uint32_t n)
{
	return rng() % n;
}

struct vm_area_struct *vma_clone(const struct vm_area_struct *vma)
{
	struct vm_area_struct *copy;

	if (fail_one_in && rnd(fail_one_in) == 0)
		return NULL;
	copy = malloc(sizeof(*copy));
	ck_assert_ptr_nonnull(copy);
	*copy = *vma;
	if (copy->vm_shm)
		copy->vm_shm->refs++;
	live_vmas++;
	return copy;
}

void vma_destroy(struct vm_area_struct *vma)
{
	if (vma->vm_shm)
		vma->vm_shm->refs--;
	live_vmas--;
	free(vma);
}

static struct vm_area_struct *new_vma(uint64_t start, uint64_t end,
				      unsigned long flags,
				      struct shmem_object *shm, uint64_t pgoff)
{
	struct vm_area_struct *v = calloc(1, sizeof(*v));

	ck_assert_ptr_nonnull(v);
	v->vm_start = start;
	v->vm_end = end;
	v->vm_flags = flags;
	v->vm_shm = shm;
	v->vm_pgoff = pgoff;
	if (shm)
		shm->refs++;
	live_vmas++;
	return v;
}

static uint64_t addr_of(unsigned int page)
{
	return BASE + page * PG;
}

static const unsigned long flag_choices[] = {
	VMA_READ, VMA_READ | VMA_WRITE, VMA_READ | VMA_EXEC, 0,
	VMA_READ | VMA_WRITE | VMA_GROWSDOWN, VMA_READ | VMA_WRITE | VMA_SHARED,
};

static unsigned long random_flags(void)
{
	return flag_choices[rnd(sizeof(flag_choices) / sizeof(flag_choices[0]))];
}

/* The invariants, and the contents against the model. */
static void check_all(void)
{
	struct vm_area_struct *v, *prev = NULL;
	struct rb_node *n = rb_first(&mm.mm_rb);
	unsigned long count = 0;
	unsigned int page = 0;
	int refs[2] = { 1, 1 };

	list_for_each_entry(v, &mm.mmap, vm_list) {
		CHECK(n && rb_entry(n, struct vm_area_struct, vm_rb) == v,
		      "tree and list disagree at VMA %lu", count);
		n = rb_next(n);
		CHECK(v->vm_start < v->vm_end, "empty VMA");
		CHECK(!(v->vm_start % PG) && !(v->vm_end % PG), "unaligned VMA");
		CHECK(v->vm_start >= BASE && v->vm_end <= addr_of(NPAGES),
		      "VMA outside the space");
		CHECK(v->vm_mm == &mm, "vm_mm");
		if (prev) {
			CHECK(prev->vm_end <= v->vm_start, "overlap or disorder");
			CHECK(!vma_can_merge(prev, v),
			      "mergeable neighbours at %#llx",
			      (unsigned long long)v->vm_start);
		}
		for (; addr_of(page) < v->vm_start; page++)
			CHECK(!model[page].mapped, "page %u lost", page);
		for (; addr_of(page) < v->vm_end; page++) {
			const struct model_page *m = &model[page];

			CHECK(m->mapped, "page %u mapped but not in model", page);
			CHECK(m->flags == v->vm_flags, "page %u flags %#lx != %#lx",
			      page, v->vm_flags, m->flags);
			CHECK(m->shm == v->vm_shm, "page %u object", page);
			CHECK(m->pgoff == v->vm_pgoff +
			      (addr_of(page) - v->vm_start) / PG,
			      "page %u offset", page);
		}
		if (v->vm_shm)
			refs[v->vm_shm - shms]++;
		prev = v;
		count++;
	}
	for (; page < NPAGES; page++)
		CHECK(!model[page].mapped, "page %u lost at the end", page);
	CHECK(!n, "tree has more nodes than the list");
	CHECK(count == mm.map_count, "map_count %lu, %lu VMAs", mm.map_count,
	      count);
	CHECK((long)count == live_vmas, "%ld VMAs allocated, %lu linked",
	      live_vmas, count);
	CHECK(shms[0].refs == refs[0] && shms[1].refs == refs[1],
	      "object references");
}

static void check_lookups(void)
{
	unsigned int i;

	for (i = 0; i < 8; i++) {
		unsigned int page = rnd(NPAGES);
		struct vm_area_struct *v = vma_find(&mm, addr_of(page));
		unsigned int next = page;

		while (next < NPAGES && !model[next].mapped)
			next++;
		if (next == NPAGES) {
			CHECK(!v, "vma_find past the last VMA");
			continue;
		}
		CHECK(v && v->vm_start <= addr_of(next) && v->vm_end > addr_of(next),
		      "vma_find(%#llx)", (unsigned long long)addr_of(page));
	}
}

static void model_set(unsigned int first, unsigned int last,
		      unsigned long flags, struct shmem_object *shm,
		      uint64_t pgoff)
{
	unsigned int p;

	for (p = first; p < last; p++) {
		model[p].mapped = true;
		model[p].flags = flags;
		model[p].shm = shm;
		model[p].pgoff = shm ? pgoff + (p - first) : addr_of(p) / PG;
	}
}

static void model_clear(unsigned int first, unsigned int last)
{
	memset(&model[first], 0, (last - first) * sizeof(model[0]));
}

static void random_range(unsigned int *first, unsigned int *last,
			 unsigned int max_len)
{
	*first = rnd(NPAGES);
	*last = *first + 1 + rnd(max_len);
	if (*last > NPAGES)
		*last = NPAGES;
}

/* mmap(MAP_FIXED): whatever was there goes, then the new VMA goes in. */
static void op_map(void)
{
	unsigned int first, last;
	unsigned long flags = random_flags();
	struct shmem_object *shm = NULL;
	uint64_t pgoff;
	struct vm_area_struct *v;

	random_range(&first, &last, 48);
	if (flags & VMA_SHARED)
		shm = &shms[rnd(2)];
	/* Offsets that line up with neighbours often, so merges happen. */
	pgoff = shm ? (rnd(2) ? first : rnd(4096)) : addr_of(first) / PG;
	if (vma_carve(&mm, addr_of(first), addr_of(last)))
		return;
	vma_remove_range(&mm, addr_of(first), addr_of(last));
	model_clear(first, last);
	v = new_vma(addr_of(first), addr_of(last), flags, shm, pgoff);
	v = vma_insert(&mm, v);
	CHECK(v->vm_start <= addr_of(first) && v->vm_end >= addr_of(last),
	      "vma_insert's result does not cover the range");
	model_set(first, last, flags, shm, pgoff);
}

static void op_unmap(void)
{
	unsigned int first, last, p;
	uint64_t expect = 0, got;

	random_range(&first, &last, 96);
	if (vma_carve(&mm, addr_of(first), addr_of(last)))
		return;
	for (p = first; p < last; p++)
		expect += model[p].mapped;
	CHECK(vma_pages_in(&mm, addr_of(first), addr_of(last)) == expect,
	      "vma_pages_in");
	got = vma_remove_range(&mm, addr_of(first), addr_of(last));
	CHECK(got == expect, "removed %llu pages, expected %llu",
	      (unsigned long long)got, (unsigned long long)expect);
	model_clear(first, last);
}

/* mprotect's walk: VMA by VMA, stopping at a failure with the rest as it was. */
static void op_protect(void)
{
	unsigned int first, last, p;
	unsigned long keep = VMA_SHARED, flags = random_flags() & ~keep;
	uint64_t tmp, end;
	struct vm_area_struct *v;

	random_range(&first, &last, 96);
	end = addr_of(last);
	for (tmp = addr_of(first); tmp < end;) {
		struct vm_area_struct *out;
		uint64_t s, e;

		v = vma_find(&mm, tmp);
		if (!v || v->vm_start >= end)
			break;
		s = v->vm_start > tmp ? v->vm_start : tmp;
		e = v->vm_end < end ? v->vm_end : end;
		if (vma_modify_flags(&mm, v, s, e, flags | (v->vm_flags & keep),
				     &out))
			break;
		CHECK(out->vm_start <= s && out->vm_end >= e,
		      "vma_modify_flags' result does not cover the range");
		for (p = (s - BASE) / PG; p < (e - BASE) / PG; p++)
			model[p].flags = flags | (model[p].flags & keep);
		tmp = e;
	}
}

/* Whether the model has [page, page + len) free with the guard gap kept. */
static bool model_free(unsigned int page, unsigned int len)
{
	unsigned int p;

	for (p = page; p < page + len; p++) {
		if (model[p].mapped)
			return false;
	}
	while (p < NPAGES && !model[p].mapped)
		p++;
	if (p == NPAGES || !(model[p].flags & VMA_GROWSDOWN))
		return true;
	return page + len + GAP_PAGES <= p;
}

static void op_search(void)
{
	unsigned int len = 1 + rnd(rnd(4) ? 16 : 400);
	unsigned int low = rnd(NPAGES), high = low + rnd(NPAGES - low + 1);
	uint64_t top, bottom, want_top = 0, want_bottom = 0;
	int p;

	top = vma_search_topdown(&mm, len * PG, addr_of(low), addr_of(high));
	bottom = vma_search_bottomup(&mm, len * PG, addr_of(low), addr_of(high));
	for (p = (int)high - (int)len; p >= (int)low; p--) {
		if (model_free(p, len)) {
			want_top = addr_of(p);
			break;
		}
	}
	for (p = low; p + len <= high; p++) {
		if (model_free(p, len)) {
			want_bottom = addr_of(p);
			break;
		}
	}
	CHECK(top == want_top, "topdown len %u in [%u, %u): %#llx, want %#llx",
	      len, low, high, (unsigned long long)top,
	      (unsigned long long)want_top);
	CHECK(bottom == want_bottom,
	      "bottomup len %u in [%u, %u): %#llx, want %#llx", len, low, high,
	      (unsigned long long)bottom, (unsigned long long)want_bottom);
	if (top)
		CHECK(vma_range_free(&mm, top, len * PG), "range_free(top)");
}

/* Stack growth of a random growsdown VMA, against the rules by hand. */
static void op_grow(void)
{
	struct vm_area_struct *v, *stack = NULL;
	unsigned int start, want, limit, below;
	int p;
	bool ok;
	int err;

	list_for_each_entry(v, &mm.mmap, vm_list) {
		if ((v->vm_flags & VMA_GROWSDOWN) && (!stack || rnd(2)))
			stack = v;
	}
	if (!stack)
		return;
	start = (stack->vm_start - BASE) / PG;
	below = 1 + rnd(GAP_PAGES + 64);
	if (below > start)
		return;
	want = start - below;
	limit = (stack->vm_end - stack->vm_start) / PG + rnd(2 * below + 1);
	ok = (stack->vm_end - addr_of(want)) / PG <= limit;
	for (p = start - 1; p >= 0 && !model[p].mapped; p--)
		;
	if (p >= 0) {
		const struct model_page *m = &model[p];

		if ((unsigned int)p >= want)
			ok = false;
		else if (!(m->flags & VMA_GROWSDOWN) &&
			 (m->flags & (VMA_READ | VMA_WRITE | VMA_EXEC)) &&
			 want - (p + 1) < GAP_PAGES)
			ok = false;
	}
	err = vma_expand_down(&mm, &stack, addr_of(want), limit * PG);
	CHECK(ok ? !err : err == -ENOMEM, "grow to %u (limit %u): %d", want,
	      limit, err);
	if (!err) {
		CHECK(stack->vm_start <= addr_of(want), "grown VMA start");
		model_set(want, start, model[start].flags, model[start].shm,
			  model[start].pgoff - below);
	}
}

static void reset(void)
{
	memset(model, 0, sizeof(model));
	memset(&mm, 0, sizeof(mm));
	vma_tree_init(&mm);
	shms[0].refs = shms[1].refs = 1;
	live_vmas = 0;
}

static void teardown(void)
{
	fail_one_in = 0;
	vma_remove_range(&mm, 0, UINT64_MAX);
	ck_assert_int_eq(live_vmas, 0);
	ck_assert_int_eq(mm.map_count, 0);
	ck_assert_int_eq(shms[0].refs, 1);
	ck_assert_int_eq(shms[1].refs, 1);
}

static void run(uint64_t seed, int fail_rate)
{
	unsigned int step;

	reset();
	rng_state = seed;
	for (step = 0; step < STEPS; step++) {
		unsigned int op = rnd(100);

		fail_one_in = fail_rate;
		if (op < 35)
			op_map();
		else if (op < 55)
			op_unmap();
		else if (op < 75)
			op_protect();
		else if (op < 90)
			op_search();
		else
			op_grow();
		fail_one_in = 0;
		check_all();
		check_lookups();
	}
	teardown();
}

START_TEST(random_operations_match_the_model)
{
	run(0x9e3779b97f4a7c15ULL + (uint64_t)_i, 0);
}
END_TEST

START_TEST(random_operations_with_clone_failures)
{
	run(0x2545f4914f6cdd1dULL + (uint64_t)_i, 6);
}
END_TEST

START_TEST(split_and_merge_by_hand)
{
	struct vm_area_struct *v, *out;

	reset();
	v = vma_insert(&mm, new_vma(BASE, BASE + 10 * PG, VMA_READ, NULL,
				    BASE / PG));
	ck_assert_int_eq(vma_modify_flags(&mm, v, BASE + 2 * PG, BASE + 4 * PG,
					  VMA_READ | VMA_WRITE, &out), 0);
	ck_assert_int_eq(mm.map_count, 3);
	ck_assert_uint_eq(out->vm_start, BASE + 2 * PG);
	ck_assert_uint_eq(out->vm_pgoff, BASE / PG + 2);
	ck_assert_int_eq(vma_modify_flags(&mm, out, out->vm_start, out->vm_end,
					  VMA_READ, &out), 0);
	ck_assert_int_eq(mm.map_count, 1);
	ck_assert_uint_eq(out->vm_start, BASE);
	ck_assert_uint_eq(out->vm_end, BASE + 10 * PG);
	/* Shared objects merge only with contiguous offsets. */
	vma_insert(&mm, new_vma(BASE + 20 * PG, BASE + 22 * PG, VMA_SHARED,
				&shms[0], 5));
	vma_insert(&mm, new_vma(BASE + 22 * PG, BASE + 23 * PG, VMA_SHARED,
				&shms[0], 9));
	ck_assert_int_eq(mm.map_count, 3);
	vma_insert(&mm, new_vma(BASE + 23 * PG, BASE + 24 * PG, VMA_SHARED,
				&shms[0], 10));
	ck_assert_int_eq(mm.map_count, 3);
	vma_insert(&mm, new_vma(BASE + 19 * PG, BASE + 20 * PG, VMA_SHARED,
				&shms[0], 4));
	ck_assert_int_eq(mm.map_count, 3);
	ck_assert_int_eq(shms[0].refs, 3);
	teardown();
}
END_TEST

START_TEST(failed_carve_changes_nothing)
{
	struct vm_area_struct *v;

	reset();
	v = vma_insert(&mm, new_vma(BASE, BASE + 10 * PG, VMA_READ, NULL,
				    BASE / PG));
	fail_one_in = 1;
	ck_assert_int_eq(vma_carve(&mm, BASE + PG, BASE + 2 * PG), -ENOMEM);
	ck_assert_int_eq(mm.map_count, 1);
	ck_assert_uint_eq(v->vm_end, BASE + 10 * PG);
	teardown();
}
END_TEST

Suite *unit_suite(void)
{
	Suite *s = suite_create("vma");
	TCase *tc = tcase_create("core");

	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, split_and_merge_by_hand);
	tcase_add_test(tc, failed_carve_changes_nothing);
	tcase_add_loop_test(tc, random_operations_match_the_model, 0, 3);
	tcase_add_loop_test(tc, random_operations_with_clone_failures, 0, 3);
	suite_add_tcase(s, tc);
	return s;
}
