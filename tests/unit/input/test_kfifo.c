/*
 * The SPSC byte ring: sizes, empty and full, wraparound of the buffer and of
 * the counters, against a model over random operations, and a producer and a
 * consumer thread running at once.
 */
#include <check.h>
#include <limits.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <breenix/errno.h>
#include <breenix/kfifo.h>
#include "unit.h"

START_TEST(init_takes_powers_of_two_only)
{
	static unsigned char buf[16];
	static const unsigned int bad[] = { 0, 1, 3, 6, 12, 1000, 0x80000001u,
					    0xffffffffu };
	static const unsigned int good[] = { 2, 4, 8, 1024, 0x80000000u };
	struct kfifo f;
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		ck_assert_int_eq(kfifo_init(&f, buf, bad[i]), -EINVAL);
	for (i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		ck_assert_int_eq(kfifo_init(&f, buf, good[i]), 0);
		ck_assert_uint_eq(kfifo_size(&f), good[i]);
		ck_assert_uint_eq(kfifo_len(&f), 0);
	}
}
END_TEST

START_TEST(static_init_is_empty)
{
	static unsigned char buf[64];
	struct kfifo f = KFIFO_INIT(buf);

	ck_assert_uint_eq(kfifo_size(&f), 64);
	ck_assert(kfifo_is_empty(&f));
	ck_assert_uint_eq(kfifo_avail(&f), 64);
}
END_TEST

START_TEST(empty_gives_nothing)
{
	unsigned char buf[8], out[8] = { 0 };
	struct kfifo f;

	kfifo_init(&f, buf, sizeof(buf));
	ck_assert(kfifo_is_empty(&f));
	ck_assert(!kfifo_is_full(&f));
	ck_assert_uint_eq(kfifo_get(&f, out, sizeof(out)), 0);
	ck_assert_uint_eq(kfifo_peek(&f, out, sizeof(out)), 0);
	ck_assert_uint_eq(kfifo_discard(&f), 0);
	ck_assert_uint_eq(kfifo_avail(&f), 8);
}
END_TEST

START_TEST(full_takes_no_more)
{
	unsigned char buf[8], out[16];
	struct kfifo f;

	kfifo_init(&f, buf, sizeof(buf));
	ck_assert_uint_eq(kfifo_put(&f, "0123456789", 10), 8);
	ck_assert(kfifo_is_full(&f));
	ck_assert_uint_eq(kfifo_avail(&f), 0);
	ck_assert_uint_eq(kfifo_put(&f, "x", 1), 0);
	ck_assert_uint_eq(kfifo_get(&f, out, sizeof(out)), 8);
	ck_assert_mem_eq(out, "01234567", 8);
	ck_assert(kfifo_is_empty(&f));
}
END_TEST

START_TEST(put_and_get_wrap_around_the_end)
{
	unsigned char buf[8], out[8];
	struct kfifo f;

	kfifo_init(&f, buf, sizeof(buf));
	ck_assert_uint_eq(kfifo_put(&f, "abcdef", 6), 6);
	ck_assert_uint_eq(kfifo_get(&f, out, 5), 5);
	/* in = 6, out = 5: the next put runs past the end of buf. */
	ck_assert_uint_eq(kfifo_put(&f, "ghijklm", 7), 7);
	ck_assert(kfifo_is_full(&f));
	ck_assert_uint_eq(kfifo_peek(&f, out, 8), 8);
	ck_assert_mem_eq(out, "fghijklm", 8);
	ck_assert_uint_eq(kfifo_get(&f, out, 3), 3);
	ck_assert_mem_eq(out, "fgh", 3);
	ck_assert_uint_eq(kfifo_get(&f, out, 8), 5);
	ck_assert_mem_eq(out, "ijklm", 5);
}
END_TEST

START_TEST(counters_wrap_past_uint_max)
{
	unsigned char buf[16], out[16];
	struct kfifo f;
	int i;

	kfifo_init(&f, buf, sizeof(buf));
	f.in = f.out = UINT_MAX - 5;
	for (i = 0; i < 4; i++) {
		ck_assert_uint_eq(kfifo_put(&f, "0123456789", 10), 10);
		ck_assert_uint_eq(kfifo_len(&f), 10);
		ck_assert_uint_eq(kfifo_avail(&f), 6);
		ck_assert_uint_eq(kfifo_put(&f, "ABCDEFGHIJ", 10), 6);
		ck_assert(kfifo_is_full(&f));
		ck_assert_uint_eq(kfifo_get(&f, out, sizeof(out)), 16);
		ck_assert_mem_eq(out, "0123456789ABCDEF", 16);
	}
	ck_assert_uint_lt(f.in, UINT_MAX - 5);
}
END_TEST

START_TEST(peek_keeps_and_discard_drops)
{
	unsigned char buf[8], out[8];
	struct kfifo f;

	kfifo_init(&f, buf, sizeof(buf));
	kfifo_put(&f, "hello", 5);
	ck_assert_uint_eq(kfifo_peek(&f, out, 3), 3);
	ck_assert_mem_eq(out, "hel", 3);
	ck_assert_uint_eq(kfifo_len(&f), 5);
	ck_assert_uint_eq(kfifo_discard(&f), 5);
	ck_assert(kfifo_is_empty(&f));
	ck_assert_uint_eq(kfifo_put(&f, "12345678", 8), 8);
	ck_assert_uint_eq(kfifo_get(&f, out, 8), 8);
	ck_assert_mem_eq(out, "12345678", 8);
}
END_TEST

/* Random puts and gets against a plain array model of the queue. */
START_TEST(random_operations_match_a_model)
{
	enum { SIZE = 64, STEPS = 100000 };
	unsigned char buf[SIZE], model[SIZE], data[SIZE + 8], out[SIZE + 8];
	unsigned int model_len = 0, n, want, i, step;
	unsigned char next = 0;
	struct kfifo f;

	srand(42);
	kfifo_init(&f, buf, SIZE);
	for (step = 0; step < STEPS; step++) {
		want = rand() % (SIZE + 8);
		if (rand() % 2) {
			for (i = 0; i < want; i++)
				data[i] = next + i;
			n = kfifo_put(&f, data, want);
			if (n != (want < SIZE - model_len ? want : SIZE - model_len))
				ck_abort_msg("step %u: put %u of %u with %u stored",
					     step, n, want, model_len);
			memcpy(model + model_len, data, n);
			model_len += n;
			next += n;
		} else {
			n = kfifo_get(&f, out, want);
			if (n != (want < model_len ? want : model_len) ||
			    memcmp(out, model, n))
				ck_abort_msg("step %u: get %u of %u wrong", step,
					     n, want);
			memmove(model, model + n, model_len - n);
			model_len -= n;
		}
		if (kfifo_len(&f) != model_len)
			ck_abort_msg("step %u: len %u, model %u", step,
				     kfifo_len(&f), model_len);
	}
}
END_TEST

/* A producer and a consumer thread: every byte arrives once, in order. */
enum { SPSC_BYTES = 4 << 20 };

static void *spsc_producer(void *arg)
{
	struct kfifo *f = arg;
	unsigned char chunk[37];
	unsigned int sent = 0, n, i;

	while (sent < SPSC_BYTES) {
		n = 1 + sent % sizeof(chunk);
		if (n > SPSC_BYTES - sent)
			n = SPSC_BYTES - sent;
		for (i = 0; i < n; i++)
			chunk[i] = (unsigned char)((sent + i) * 7);
		i = 0;
		while (i < n)
			i += kfifo_put(f, chunk + i, n - i);
		sent += n;
	}
	return NULL;
}

START_TEST(producer_and_consumer_threads)
{
	static unsigned char buf[64];
	unsigned char chunk[29];
	struct kfifo f;
	unsigned int got = 0, n, i;
	pthread_t producer;

	kfifo_init(&f, buf, sizeof(buf));
	ck_assert_int_eq(pthread_create(&producer, NULL, spsc_producer, &f), 0);
	while (got < SPSC_BYTES) {
		n = kfifo_get(&f, chunk, 1 + got % sizeof(chunk));
		for (i = 0; i < n; i++) {
			if (chunk[i] != (unsigned char)((got + i) * 7))
				ck_abort_msg("byte %u is %u", got + i, chunk[i]);
		}
		got += n;
	}
	pthread_join(producer, NULL);
	ck_assert(kfifo_is_empty(&f));
}
END_TEST

Suite *unit_suite(void)
{
	Suite *s = suite_create("kfifo");
	TCase *tc = tcase_create("core");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, init_takes_powers_of_two_only);
	tcase_add_test(tc, static_init_is_empty);
	tcase_add_test(tc, empty_gives_nothing);
	tcase_add_test(tc, full_takes_no_more);
	tcase_add_test(tc, put_and_get_wrap_around_the_end);
	tcase_add_test(tc, counters_wrap_past_uint_max);
	tcase_add_test(tc, peek_keeps_and_discard_drops);
	tcase_add_test(tc, random_operations_match_a_model);
	tcase_add_test(tc, producer_and_consumer_threads);
	suite_add_tcase(s, tc);
	return s;
}
