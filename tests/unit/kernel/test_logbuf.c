/*
 * The log ring against a model: after any sequence of stores, the ring
 * holds a suffix of everything stored, newest included, with intact texts.
 */
#include <check.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <breenix/logbuf.h>
#include "unit.h"

#define RING_SIZE	4096
#define STEPS		20000

static uint64_t ring_mem[RING_SIZE / 8];

static void make_text(char *buf, size_t len, uint64_t seq)
{
	size_t i;

	for (i = 0; i < len; i++)
		buf[i] = 'a' + (seq * 7 + i) % 26;
}

/* Check's assertions are slow in a hot loop: fail with a message instead. */
#define EXPECT(cond)							\
	do {								\
		if (!(cond))						\
			ck_abort_msg("seq %llu: %s", (unsigned long long)last_seq, #cond); \
	} while (0)

static size_t count_and_check(const struct logbuf *lb, const size_t *lens,
			      uint64_t last_seq)
{
	const struct log_rec *rec;
	char want[RING_SIZE];
	uint64_t expect_seq = 0;
	size_t n = 0;

	for (rec = logbuf_first(lb); rec; rec = logbuf_next(lb, rec)) {
		if (n > 0)
			EXPECT(rec->seq == expect_seq);
		expect_seq = rec->seq + 1;
		EXPECT(rec->text_len == lens[rec->seq]);
		make_text(want, rec->text_len, rec->seq);
		EXPECT(memcmp(log_rec_text(rec), want, rec->text_len) == 0);
		EXPECT(rec->level == rec->seq % 8);
		EXPECT((const char *)rec >= lb->buf);
		EXPECT((const char *)rec + rec->size <= lb->buf + lb->size);
		n++;
	}
	EXPECT(expect_seq == last_seq + 1);
	return n;
}

START_TEST(random_stores_keep_a_suffix)
{
	static size_t lens[STEPS];
	char text[RING_SIZE];
	struct logbuf lb;
	uint64_t seq;
	size_t max_kept = 0;

	srand(1234);
	logbuf_init(&lb, ring_mem, RING_SIZE);
	for (seq = 0; seq < STEPS; seq++) {
		size_t len = rand() % (seq % 100 == 0 ? 1200 : 120);

		if (len > RING_SIZE / 4 - sizeof(struct log_rec))
			len = RING_SIZE / 4 - sizeof(struct log_rec);
		lens[seq] = len;
		make_text(text, len, seq);
		logbuf_store(&lb, seq % 8, text, len);
		size_t kept = count_and_check(&lb, lens, seq);
		if (kept > max_kept)
			max_kept = kept;
	}
	/* Small records: a 4 KiB ring must hold dozens, not a handful. */
	ck_assert_uint_gt(max_kept, 30);
}
END_TEST

START_TEST(empty_ring_has_no_records)
{
	struct logbuf lb;

	logbuf_init(&lb, ring_mem, RING_SIZE);
	ck_assert_ptr_null(logbuf_first(&lb));
}
END_TEST

START_TEST(oversized_text_is_truncated)
{
	static char big[RING_SIZE * 2];
	const struct log_rec *rec;
	struct logbuf lb;

	memset(big, 'x', sizeof(big));
	logbuf_init(&lb, ring_mem, RING_SIZE);
	rec = logbuf_store(&lb, 3, big, sizeof(big));
	ck_assert_uint_eq(rec->text_len, RING_SIZE / 4 - sizeof(struct log_rec));
	ck_assert_ptr_eq(logbuf_first(&lb), rec);
	ck_assert_ptr_null(logbuf_next(&lb, rec));
}
END_TEST

START_TEST(records_before_a_wrap_stay_in_order)
{
	char text[300];
	struct logbuf lb;
	const struct log_rec *rec;
	int i, n = 0;
	uint64_t prev = 0;

	memset(text, 'q', sizeof(text));
	logbuf_init(&lb, ring_mem, RING_SIZE);
	for (i = 0; i < 40; i++)
		logbuf_store(&lb, 1, text, 250 + i);
	for (rec = logbuf_first(&lb); rec; rec = logbuf_next(&lb, rec)) {
		if (n++)
			ck_assert_uint_eq(rec->seq, prev + 1);
		prev = rec->seq;
	}
	ck_assert_uint_eq(prev, 39);
	ck_assert_int_gt(n, 5);
}
END_TEST

Suite *unit_suite(void)
{
	Suite *s = suite_create("logbuf");
	TCase *tc = tcase_create("core");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, empty_ring_has_no_records);
	tcase_add_test(tc, oversized_text_is_truncated);
	tcase_add_test(tc, records_before_a_wrap_stay_in_order);
	tcase_add_test(tc, random_stores_keep_a_suffix);
	suite_add_tcase(s, tc);
	return s;
}
