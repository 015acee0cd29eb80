/*
 * Heap corruption is reported, never silent: double frees, foreign and
 * interior pointers, writes after free, red-zone overruns, a corrupted free
 * list; with no hook installed a report panics.
 */
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "fake_kernel.h"
#include "fake_mm.h"
#include "test_slab.h"

static char addr[32];

/* The text "%p" makes of p, as a report shows it. */
static const char *ptr_text(const void *p)
{
	snprintf(addr, sizeof(addr), "%p", p);
	return addr;
}

/* Even without debugging, freeing the object freed last is caught. */
START_TEST(test_double_free_of_last_freed)
{
	char want[96];
	void *p, *q;

	slab_start(_i);
	p = kmalloc(64, GFP_KERNEL);
	q = kmalloc(64, GFP_KERNEL);
	kfree(p);
	kfree(p);
	snprintf(want, sizeof(want), "slab: double free of %p in cache kmalloc-64", p);
	expect_report(want, NULL);
	ck_assert_ptr_eq(kmalloc(64, GFP_KERNEL), p);
	ck_assert_ptr_ne(kmalloc(64, GFP_KERNEL), p);
	kfree(q);
}
END_TEST

START_TEST(test_double_free_into_empty_slab)
{
	struct kmem_cache *c;
	void *p, *q;

	slab_start(_i);
	c = kmem_cache_create("twice", 48, 0, NULL);
	p = kmem_cache_alloc(c, GFP_KERNEL);
	q = kmem_cache_alloc(c, GFP_KERNEL);
	kmem_cache_free(c, p);
	kmem_cache_free(c, q);
	kmem_cache_free(c, p);
	expect_report("double free", ptr_text(p));
	ck_assert_ptr_eq(kmem_cache_alloc(c, GFP_KERNEL), q);
	ck_assert_ptr_eq(kmem_cache_alloc(c, GFP_KERNEL), p);
}
END_TEST

/* Deep in the free list only the debug walk can see it. */
START_TEST(test_double_free_anywhere_with_debug)
{
	void *p[6];
	int i;

	slab_start(true);
	for (i = 0; i < 6; i++)
		p[i] = kmalloc(100, GFP_KERNEL);
	for (i = 0; i < 5; i++)
		kfree(p[i]);
	for (i = 0; i < 4; i++) {
		kfree(p[i]);
		expect_report("double free", "kmalloc-128");
	}
	kfree(p[5]);
	expect_no_report();
}
END_TEST

static void ctor_zero(void *obj)
{
	memset(obj, 0, 30);
}

/* A ctor cache is not poisoned, yet its double frees are still caught. */
START_TEST(test_double_free_in_ctor_cache_with_debug)
{
	struct kmem_cache *c;
	void *p, *q;

	slab_start(true);
	c = kmem_cache_create("ctor-df", 30, 0, ctor_zero);
	p = kmem_cache_alloc(c, GFP_KERNEL);
	q = kmem_cache_alloc(c, GFP_KERNEL);
	kmem_cache_free(c, p);
	kmem_cache_free(c, q);
	kmem_cache_free(c, p);
	expect_report("double free", "ctor-df");
}
END_TEST

START_TEST(test_double_free_of_large)
{
	void *p;

	slab_start(_i);
	p = kmalloc(50000, GFP_KERNEL);
	kfree(p);
	kfree(p);
	expect_report("not from kmalloc", ptr_text(p));
}
END_TEST

START_TEST(test_foreign_pointers)
{
	char *heap = malloc(64);
	int on_stack;

	slab_start(_i);
	kfree(heap);
	expect_report("kfree of", ptr_text(heap));
	kfree(&on_stack);
	expect_report("not from kmalloc", ptr_text(&on_stack));
	ck_assert_uint_eq(ksize(heap), 0);
	expect_report("ksize of", "not an allocated object");
	free(heap);
}
END_TEST

START_TEST(test_interior_pointers)
{
	char *p, *big;

	slab_start(_i);
	p = kmalloc(64, GFP_KERNEL);
	kfree(p + 1);
	expect_report("not the start of an object", "kmalloc-64");
	kfree(p + 32);
	expect_report("not the start of an object", "kmalloc-64");
	ck_assert_uint_eq(ksize(p + 8), 0);
	expect_report("ksize of", ptr_text(p + 8));
	kfree(p);
	expect_no_report();

	big = kmalloc(20000, GFP_KERNEL);
	kfree(big + 8);
	expect_report("not from kmalloc", ptr_text(big + 8));
	kfree(big + PAGE_SIZE);
	expect_report("not from kmalloc", ptr_text(big + PAGE_SIZE));
	kfree(big);
	expect_no_report();
}
END_TEST

START_TEST(test_free_to_wrong_cache)
{
	struct kmem_cache *a, *b;
	void *p, *big;

	slab_start(_i);
	a = kmem_cache_create("cache-a", 40, 0, NULL);
	b = kmem_cache_create("cache-b", 40, 0, NULL);
	p = kmem_cache_alloc(a, GFP_KERNEL);
	kmem_cache_free(b, p);
	expect_report("to cache cache-b, but it belongs to cache cache-a", NULL);
	big = kmalloc(20000, GFP_KERNEL);
	kmem_cache_free(a, big);
	expect_report("not a slab object", "cache-a");
	kmem_cache_free(a, p);
	kfree(big);
	expect_no_report();
}
END_TEST

START_TEST(test_write_after_free)
{
	unsigned char *p, *q;

	slab_start(true);
	p = kmalloc(64, GFP_KERNEL);
	kfree(p);
	p[10] = 1;
	q = kmalloc(64, GFP_KERNEL);
	ck_assert_ptr_eq(q, p);
	expect_report("write after free of", "in cache kmalloc-64: byte 10 is 0x01");
	ck_assert_msg(strstr(last_report, ptr_text(p)), "%s", last_report);
	kfree(q);
	expect_no_report();

	/* The last byte of the poison is different (0xa5). */
	p = kmalloc(200, GFP_KERNEL);
	kfree(p);
	p[255] = 0x6b;
	ck_assert_ptr_eq(kmalloc(200, GFP_KERNEL), p);
	expect_report("byte 255 is 0x6b, not poison 0xa5", "kmalloc-256");
}
END_TEST

START_TEST(test_freed_object_is_poisoned)
{
	unsigned char *p;
	struct kmem_cache *c;

	slab_start(true);
	c = kmem_cache_create("poison", 13, 0, NULL);
	p = kmem_cache_alloc(c, GFP_KERNEL);
	memset(p, 0, 13);
	kmem_cache_free(c, p);
	ck_assert_int_eq(p[0], 0x6b);
	ck_assert_int_eq(p[11], 0x6b);
	ck_assert_int_eq(p[12], 0xa5);
	ck_assert_int_eq(p[13], 0xbb);
	ck_assert_int_eq(p[-1], 0xbb);
	p = kmem_cache_alloc(c, GFP_KERNEL);
	ck_assert_int_eq(p[13], 0xcc);
	ck_assert_int_eq(p[-1], 0xcc);
	kmem_cache_free(c, p);
	expect_no_report();
}
END_TEST

START_TEST(test_red_zone_overrun)
{
	unsigned char *p;
	struct kmem_cache *c;

	slab_start(true);
	p = kmalloc(64, GFP_KERNEL);
	p[64] = 'x';
	kfree(p);
	expect_report("red zone after",
		      "kmalloc-64 overwritten (buffer overrun): byte 0 past the end is 0x78");
	ck_assert_msg(strstr(last_report, ptr_text(p)), "%s", last_report);

	/* An odd-sized object's red zone starts right after it. */
	c = kmem_cache_create("odd", 13, 0, NULL);
	p = kmem_cache_alloc(c, GFP_KERNEL);
	memset(p, 0, 13);
	p[14] = 0;
	kmem_cache_free(c, p);
	expect_report("red zone after", "odd overwritten (buffer overrun): byte 1 past");

	/* The report leaves the zone repaired: the object lives on. */
	p = kmem_cache_alloc(c, GFP_KERNEL);
	kmem_cache_free(c, p);
	expect_no_report();
}
END_TEST

START_TEST(test_red_zone_underrun)
{
	unsigned char *p;

	slab_start(true);
	p = kmalloc(32, GFP_KERNEL);
	p[-3] = 0;
	kfree(p);
	expect_report("red zone before", "(buffer underrun): byte -3 is 0x00");
}
END_TEST

/* Without debugging the free pointer sits in the object: a range check. */
START_TEST(test_corrupt_free_pointer)
{
	void **p, *q;

	slab_start(false);
	p = kmalloc(64, GFP_KERNEL);
	kfree(p);
	*p = (void *)0x1234;
	ck_assert_ptr_eq(kmalloc(64, GFP_KERNEL), p);
	expect_report("free list of cache kmalloc-64 corrupted", "0x1234");
	q = kmalloc(64, GFP_KERNEL);
	ck_assert_ptr_nonnull(q);
	kfree(q);
	kfree(p);
	expect_no_report();
}
END_TEST

/* The switch covers caches made after it, not before. */
START_TEST(test_debug_switch_for_new_caches)
{
	struct kmem_cache *c;
	unsigned char *p;

	slab_start(false);
	slab_set_debug(true);
	c = kmem_cache_create("late", 64, 0, NULL);
	p = kmem_cache_alloc(c, GFP_KERNEL);
	p[64] = 0;
	kmem_cache_free(c, p);
	expect_report("red zone after", "late");
	slab_set_debug(false);
	ck_assert(!slab_debug_enabled());
}
END_TEST

START_TEST(test_report_without_hook_panics)
{
	void *p;

	slab_start(_i);
	slab_set_report_hook(NULL);
	p = kmalloc(64, GFP_KERNEL);
	kfree(p);
	kfree(p);
}
END_TEST

Suite *slab_debug_suite(void)
{
	Suite *s = suite_create("slab_debug");
	TCase *tc = tcase_create("reports");

	tcase_add_loop_test(tc, test_double_free_of_last_freed, 0, 2);
	tcase_add_loop_test(tc, test_double_free_into_empty_slab, 0, 2);
	tcase_add_test(tc, test_double_free_anywhere_with_debug);
	tcase_add_test(tc, test_double_free_in_ctor_cache_with_debug);
	tcase_add_loop_test(tc, test_double_free_of_large, 0, 2);
	tcase_add_loop_test(tc, test_foreign_pointers, 0, 2);
	tcase_add_loop_test(tc, test_interior_pointers, 0, 2);
	tcase_add_loop_test(tc, test_free_to_wrong_cache, 0, 2);
	tcase_add_test(tc, test_write_after_free);
	tcase_add_test(tc, test_freed_object_is_poisoned);
	tcase_add_test(tc, test_red_zone_overrun);
	tcase_add_test(tc, test_red_zone_underrun);
	tcase_add_test(tc, test_corrupt_free_pointer);
	tcase_add_test(tc, test_debug_switch_for_new_caches);
	tcase_add_loop_test_raise_signal(tc, test_report_without_hook_panics,
					 SIGABRT, 0, 2);
	suite_add_tcase(s, tc);
	return s;
}
