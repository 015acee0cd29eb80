/*
 * qsort against a stable reference sort over many sizes, shapes and element
 * sizes, with comparison counts held to O(n log n); bsearch found/not found.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "kc.h"
#include "unit.h"

static uint64_t rng_state;

static uint64_t rng(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return rng_state;
}

enum pattern {
	RANDOM, FEW_DISTINCT, SORTED, REVERSE, ALL_EQUAL, ORGAN_PIPE,
	SAWTOOTH, NEARLY_SORTED, NPATTERNS
};

static int64_t make_key(enum pattern p, size_t i, size_t n)
{
	switch (p) {
	case RANDOM:
		return (int64_t)rng();
	case FEW_DISTINCT:
		return (int64_t)(rng() % 4);
	case SORTED:
		return (int64_t)i;
	case REVERSE:
		return (int64_t)(n - i);
	case ALL_EQUAL:
		return 7;
	case ORGAN_PIPE:
		return (int64_t)(i < n / 2 ? i : n - i);
	case SAWTOOTH:
		return (int64_t)(i % 17);
	case NEARLY_SORTED:
		return (int64_t)(rng() % 16 ? i : rng() % n);
	default:
		ck_abort_msg("bad pattern");
		return 0;
	}
}

/* The 24-byte element: a key and a payload that proves it stayed whole. */
struct big {
	int32_t key;
	uint32_t idx;
	uint64_t check1;
	uint64_t check2;
};

static uint64_t check_of(uint32_t idx, int32_t key, unsigned int which)
{
	return ((uint64_t)idx * 0x9e3779b97f4a7c15ULL) ^ (uint64_t)key ^
	       (which ? 0xfeedfacecafebeefULL : 0);
}

/* What the comparators check every pointer against. */
static const char *cur_base;
static size_t cur_n, cur_size;
static unsigned long ncompares;

static void check_ptr(const void *p)
{
	const char *c = p;

	CHECK(c >= cur_base && c < cur_base + cur_n * cur_size &&
	      (size_t)(c - cur_base) % cur_size == 0,
	      "comparator got %p outside the array or between elements", p);
}

#define CMP(a, b) (((a) > (b)) - ((a) < (b)))

static int cmp_u8(const void *a, const void *b)
{
	check_ptr(a);
	check_ptr(b);
	ncompares++;
	return CMP(*(const uint8_t *)a, *(const uint8_t *)b);
}

static int cmp_i32(const void *a, const void *b)
{
	int32_t x, y;

	check_ptr(a);
	check_ptr(b);
	ncompares++;
	memcpy(&x, a, sizeof(x));
	memcpy(&y, b, sizeof(y));
	return CMP(x, y);
}

static int cmp_i64(const void *a, const void *b)
{
	int64_t x, y;

	check_ptr(a);
	check_ptr(b);
	ncompares++;
	memcpy(&x, a, sizeof(x));
	memcpy(&y, b, sizeof(y));
	return CMP(x, y);
}

static int cmp_big(const void *a, const void *b)
{
	check_ptr(a);
	check_ptr(b);
	ncompares++;
	return CMP(((const struct big *)a)->key, ((const struct big *)b)->key);
}

/* Reference: key, then original index, which makes any sort stable. */
struct ref {
	int64_t key;
	size_t idx;
};

static int cmp_ref(const void *a, const void *b)
{
	const struct ref *x = a, *y = b;

	return x->key != y->key ? CMP(x->key, y->key) : CMP(x->idx, y->idx);
}

/* Stores key k (already narrowed) as element i of an array of size-byte
 * elements, and returns the key as the element's comparator sees it. */
static int64_t store(char *arr, size_t size, size_t i, int64_t k)
{
	struct big b;
	uint8_t k8 = (uint8_t)k;
	int32_t k32 = (int32_t)k;

	switch (size) {
	case 1:
		memcpy(arr + i, &k8, 1);
		return k8;
	case 4:
		memcpy(arr + i * 4, &k32, 4);
		return k32;
	case 8:
		memcpy(arr + i * 8, &k, 8);
		return k;
	default:
		b.key = k32;
		b.idx = (uint32_t)i;
		b.check1 = check_of(b.idx, k32, 0);
		b.check2 = check_of(b.idx, k32, 1);
		memcpy(arr + i * sizeof(b), &b, sizeof(b));
		return k32;
	}
}

static int64_t load(const char *arr, size_t size, size_t i)
{
	uint8_t k8;
	int32_t k32;
	int64_t k;

	switch (size) {
	case 1:
		memcpy(&k8, arr + i, 1);
		return k8;
	case 4:
		memcpy(&k32, arr + i * 4, 4);
		return k32;
	default:
		memcpy(&k, arr + i * 8, 8);
		return k;
	}
}

static const size_t elem_sizes[] = { 1, 4, 8, sizeof(struct big) };

static int (*const comparators[])(const void *, const void *) = {
	cmp_u8, cmp_i32, cmp_i64, cmp_big,
};

static void sort_and_verify(enum pattern p, size_t esize,
			    int (*cmp)(const void *, const void *), size_t n)
{
	char *arr = malloc(n * esize + 1);
	struct ref *ref = malloc((n + 1) * sizeof(*ref));
	bool *seen = calloc(n + 1, sizeof(*seen));
	struct big b;
	size_t i;
	double bound;
	unsigned int lg = 0;

	ck_assert(arr && ref && seen);
	for (i = 0; i < n; i++) {
		ref[i].key = store(arr, esize, i, make_key(p, i, n));
		ref[i].idx = i;
	}
	qsort(ref, n, sizeof(*ref), cmp_ref);

	cur_base = arr;
	cur_n = n;
	cur_size = esize;
	ncompares = 0;
	kc_qsort(arr, n, esize, cmp);

	for (i = 0; i < n; i++) {
		if (esize != sizeof(struct big)) {
			CHECK(load(arr, esize, i) == ref[i].key,
			      "pattern %d size %zu n %zu: key %zu differs",
			      p, esize, n, i);
			continue;
		}
		memcpy(&b, arr + i * esize, sizeof(b));
		CHECK(b.key == ref[i].key && b.idx < n && !seen[b.idx] &&
		      b.check1 == check_of(b.idx, b.key, 0) &&
		      b.check2 == check_of(b.idx, b.key, 1),
		      "pattern %d n %zu: element %zu wrong or damaged",
		      p, n, i);
		seen[b.idx] = true;
	}
	for (i = n; i > 1; i >>= 1)
		lg++;
	bound = 4.0 * (double)n * lg + 16.0 * (double)n;
	CHECK((double)ncompares <= bound,
	      "pattern %d size %zu n %zu: %lu comparisons", p, esize, n,
	      ncompares);
	free(arr);
	free(ref);
	free(seen);
}

static const size_t big_sizes[] = {
	63, 64, 65, 100, 127, 128, 129, 255, 256, 500, 511, 512, 1000,
	1023, 1024, 1500, 1999, 2000,
};

/* One loop iteration per (pattern, element size). */
START_TEST(test_qsort_patterns)
{
	enum pattern p = (enum pattern)(_i / 4);
	size_t esize = elem_sizes[_i % 4];
	int (*cmp)(const void *, const void *) = comparators[_i % 4];
	size_t n, k;

	rng_state = 0x2545f4914f6cdd1dULL + (uint64_t)_i;
	for (n = 0; n <= 40; n++)
		sort_and_verify(p, esize, cmp, n);
	for (k = 0; k < sizeof(big_sizes) / sizeof(big_sizes[0]); k++)
		sort_and_verify(p, esize, cmp, big_sizes[k]);
}
END_TEST

/*
 * McIlroy, "A Killer Adversary for Quicksort" (1999): values are decided
 * lazily during the sort so as to make the pivot as bad as possible.
 */
static int *adv_val;
static int adv_gas, adv_nsolid, adv_candidate;

static int cmp_adversary(const void *px, const void *py)
{
	int x = *(const int *)px, y = *(const int *)py;

	ncompares++;
	if (adv_val[x] == adv_gas && adv_val[y] == adv_gas) {
		if (x == adv_candidate)
			adv_val[x] = adv_nsolid++;
		else
			adv_val[y] = adv_nsolid++;
	}
	if (adv_val[x] == adv_gas)
		adv_candidate = x;
	else if (adv_val[y] == adv_gas)
		adv_candidate = y;
	return CMP(adv_val[x], adv_val[y]);
}

static int cmp_int_counting(const void *a, const void *b)
{
	ncompares++;
	return CMP(*(const int *)a, *(const int *)b);
}

START_TEST(test_qsort_adversary)
{
	static const int sizes[] = { 100, 1000, 2000, 20000 };
	int *idx, *killer, n, i, lg;
	double bound;
	size_t k;

	for (k = 0; k < sizeof(sizes) / sizeof(sizes[0]); k++) {
		n = sizes[k];
		idx = malloc((size_t)n * sizeof(int));
		adv_val = malloc((size_t)n * sizeof(int));
		killer = malloc((size_t)n * sizeof(int));
		ck_assert(idx && adv_val && killer);
		adv_gas = n - 1;
		adv_nsolid = 0;
		adv_candidate = 0;
		for (i = 0; i < n; i++) {
			idx[i] = i;
			adv_val[i] = adv_gas;
		}
		for (lg = 0, i = n; i > 1; i >>= 1)
			lg++;
		bound = 4.0 * n * lg + 16.0 * n;

		ncompares = 0;
		kc_qsort(idx, (size_t)n, sizeof(int), cmp_adversary);
		ck_assert_msg(ncompares <= bound, "adversary n %d: %lu", n,
			      ncompares);

		/* Replaying the values it chose must be just as cheap. */
		memcpy(killer, adv_val, (size_t)n * sizeof(int));
		ncompares = 0;
		kc_qsort(killer, (size_t)n, sizeof(int), cmp_int_counting);
		ck_assert_msg(ncompares <= bound, "killer input n %d: %lu",
			      n, ncompares);
		for (i = 1; i < n; i++)
			ck_assert_int_le(killer[i - 1], killer[i]);
		free(idx);
		free(adv_val);
		free(killer);
	}
}
END_TEST

static int cmp_int(const void *a, const void *b)
{
	return CMP(*(const int *)a, *(const int *)b);
}

START_TEST(test_bsearch)
{
	int arr[101], key;
	int n, i;

	for (n = 0; n <= 101; n++) {
		for (i = 0; i < n; i++)
			arr[i] = 2 * i;
		for (key = -3; key <= 2 * n + 2; key++) {
			int *hit = kc_bsearch(&key, arr, (size_t)n,
					      sizeof(int), cmp_int);

			if (key >= 0 && key < 2 * n && key % 2 == 0)
				ck_assert_ptr_eq(hit, &arr[key / 2]);
			else
				ck_assert_ptr_null(hit);
		}
	}
}
END_TEST

static int cmp_big_key(const void *k, const void *e)
{
	return CMP(*(const int32_t *)k, ((const struct big *)e)->key);
}

START_TEST(test_bsearch_big)
{
	struct big arr[37];
	int32_t key;
	struct big *hit;
	size_t i;

	for (i = 0; i < 37; i++)
		arr[i] = (struct big){ .key = (int32_t)(i * i), .idx = 0 };
	for (key = -1; key <= 37 * 37; key++) {
		hit = kc_bsearch(&key, arr, 37, sizeof(arr[0]), cmp_big_key);
		if (hit)
			ck_assert_int_eq(hit->key, key);
		else
			for (i = 0; i < 37; i++)
				ck_assert_int_ne(arr[i].key, key);
	}
}
END_TEST

Suite *unit_suite(void)
{
	Suite *s = suite_create("libc_qsort");
	TCase *tc = tcase_create("qsort");

	tcase_set_timeout(tc, 60);
	tcase_add_loop_test(tc, test_qsort_patterns, 0, NPATTERNS * 4);
	tcase_add_test(tc, test_qsort_adversary);
	tcase_add_test(tc, test_bsearch);
	tcase_add_test(tc, test_bsearch_big);
	suite_add_tcase(s, tc);
	return s;
}
