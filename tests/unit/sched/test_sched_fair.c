/*
 * The fair run-queue policy on a simulated CPU with a 1 ms tick: CPU shares
 * follow nice weights, equal tasks share equally, nobody starves, sleepers
 * and new tasks are placed fairly, vruntime and min_vruntime never go back
 * (also across the 64-bit wrap), and the queue's counts stay right.
 */
#include <check.h>
#include <stdint.h>
#include <string.h>
#include <breenix/sched_fair.h>
#include "unit.h"

#define TICK_NS		SCHED_NSEC_PER_MSEC
#define MAX_TASKS	32

struct sim {
	struct cfs_rq rq;
	struct sched_entity se[MAX_TASKS];
	unsigned int n;
	uint64_t now;
	uint64_t ran[MAX_TASKS];
	uint64_t ready_since[MAX_TASKS];	/* last ran or woke */
	uint64_t max_wait[MAX_TASKS];
	uint64_t last_vruntime[MAX_TASKS];
	uint64_t last_min;
	unsigned int switches;
};

static struct sim sim;

static int64_t vdiff(uint64_t a, uint64_t b)
{
	return (int64_t)(a - b);
}

static unsigned int idx(const struct sched_entity *se)
{
	return (unsigned int)(se - sim.se);
}

static void sim_init(const int *nices, unsigned int n, uint64_t base)
{
	unsigned int i;

	memset(&sim, 0, sizeof(sim));
	cfs_rq_init(&sim.rq);
	sim.rq.min_vruntime = base;
	sim.last_min = base;
	sim.n = n;
	for (i = 0; i < n; i++) {
		sched_entity_init(&sim.se[i], nices[i]);
		cfs_enqueue(&sim.rq, &sim.se[i], CFS_ENQUEUE_NEW);
		sim.last_vruntime[i] = sim.se[i].vruntime;
	}
}

/* Nothing may move a vruntime back, nor min_vruntime. */
static void check_monotonic(void)
{
	unsigned int i;

	CHECK(vdiff(sim.rq.min_vruntime, sim.last_min) >= 0,
	      "min_vruntime went back at %llu ns",
	      (unsigned long long)sim.now);
	sim.last_min = sim.rq.min_vruntime;
	for (i = 0; i < sim.n; i++) {
		CHECK(vdiff(sim.se[i].vruntime, sim.last_vruntime[i]) >= 0,
		      "task %u vruntime went back", i);
		sim.last_vruntime[i] = sim.se[i].vruntime;
	}
}

static void switch_to_next(void)
{
	struct sched_entity *next = cfs_pick_next(&sim.rq);
	unsigned int i;

	if (!next)
		return;
	i = idx(next);
	if (sim.now - sim.ready_since[i] > sim.max_wait[i])
		sim.max_wait[i] = sim.now - sim.ready_since[i];
	sim.switches++;
}

/* One timer tick: charge the running task and ask whether to preempt. */
static void sim_tick(void)
{
	struct sched_entity *curr = sim.rq.curr;
	unsigned int i;

	if (!curr) {
		switch_to_next();
		curr = sim.rq.curr;
	}
	sim.now += TICK_NS;
	if (curr) {
		i = idx(curr);
		cfs_update_curr(&sim.rq, curr, TICK_NS);
		sim.ran[i] += TICK_NS;
		sim.ready_since[i] = sim.now;
		if (cfs_should_preempt(&sim.rq, curr))
			switch_to_next();
	}
	check_monotonic();
}

static void sim_run(uint64_t ns)
{
	uint64_t end = sim.now + ns;

	while (sim.now < end)
		sim_tick();
}

/* Going to sleep: off the queue, and the CPU to the next if it was curr. */
static void sim_sleep(unsigned int i)
{
	cfs_dequeue(&sim.rq, &sim.se[i]);
	if (!sim.rq.curr)
		switch_to_next();
}

static void sim_wake(unsigned int i)
{
	cfs_enqueue(&sim.rq, &sim.se[i], CFS_ENQUEUE_WAKEUP);
	sim.ready_since[i] = sim.now;
	if (!sim.rq.curr || cfs_wakeup_preempt(sim.rq.curr, &sim.se[i]))
		switch_to_next();
}

/* Each task's CPU share within @pct percent (relative) of its weight's. */
static void assert_shares(unsigned int pct)
{
	uint64_t total_ran = 0, total_weight = 0;
	unsigned int i;

	for (i = 0; i < sim.n; i++) {
		total_ran += sim.ran[i];
		total_weight += sim.se[i].weight;
	}
	for (i = 0; i < sim.n; i++) {
		/* share = ran / total_ran, ideal = weight / total_weight */
		double share = (double)sim.ran[i] / (double)total_ran;
		double ideal = (double)sim.se[i].weight / (double)total_weight;

		ck_assert_msg(share >= ideal * (100 - pct) / 100 &&
			      share <= ideal * (100 + pct) / 100,
			      "task %u (weight %u): share %.4f, ideal %.4f", i,
			      sim.se[i].weight, share, ideal);
	}
}

START_TEST(nice_weights_follow_linux)
{
	int nice;

	ck_assert_uint_eq(sched_nice_to_weight(0), NICE_0_LOAD);
	ck_assert_uint_eq(sched_nice_to_weight(-20), 88761);
	ck_assert_uint_eq(sched_nice_to_weight(19), 15);
	ck_assert_uint_eq(sched_nice_to_weight(-100), 88761);
	ck_assert_uint_eq(sched_nice_to_weight(100), 15);
	for (nice = NICE_MIN; nice < NICE_MAX; nice++) {
		uint32_t hi = sched_nice_to_weight(nice);
		uint32_t lo = sched_nice_to_weight(nice + 1);

		/* About 1.25x a step: between 1.15x and 1.35x. */
		ck_assert_msg(100 * hi >= 115 * lo && 100 * hi <= 135 * lo,
			      "nice %d: %u vs %u", nice, hi, lo);
	}
}
END_TEST

START_TEST(delta_fair_scales_by_weight)
{
	struct sched_entity se;
	uint64_t v, want;

	sched_entity_init(&se, 0);
	ck_assert_uint_eq(cfs_calc_delta_fair(123456789, &se), 123456789);
	sched_entity_init(&se, 5);
	want = 1000000ULL * 1024 / 335;
	v = cfs_calc_delta_fair(1000000, &se);
	ck_assert_uint_le(v > want ? v - want : want - v, want / 10000);
	sched_entity_init(&se, -20);
	want = 1000000ULL * 1024 / 88761;
	v = cfs_calc_delta_fair(1000000, &se);
	ck_assert_uint_le(v > want ? v - want : want - v, 1);
	/* An hour at nice 19 overflows no 64-bit intermediate. */
	sched_entity_init(&se, 19);
	want = 3600ULL * 1000000000ULL / 15 * 1024;
	v = cfs_calc_delta_fair(3600ULL * 1000000000ULL, &se);
	ck_assert_uint_le(v > want ? v - want : want - v, want / 10000);
}
END_TEST

START_TEST(period_and_slices)
{
	static const int nices[] = { 0, 0, 5 };

	ck_assert_uint_eq(cfs_sched_period(1), SCHED_LATENCY_NS);
	ck_assert_uint_eq(cfs_sched_period(SCHED_NR_LATENCY), SCHED_LATENCY_NS);
	ck_assert_uint_eq(cfs_sched_period(20), 20 * SCHED_MIN_GRAN_NS);
	sim_init(nices, 3, 0);
	ck_assert_uint_eq(cfs_sched_slice(&sim.rq, &sim.se[0]),
			  SCHED_LATENCY_NS * 1024 / (1024 + 1024 + 335));
	ck_assert_uint_eq(cfs_sched_slice(&sim.rq, &sim.se[2]),
			  SCHED_LATENCY_NS * 335 / (1024 + 1024 + 335));
}
END_TEST

START_TEST(queue_bookkeeping)
{
	static const int nices[] = { -5, 0, 0, 5, 10 };
	uint64_t load = 3121 + 1024 + 1024 + 335 + 110;
	struct sched_entity *curr;

	sim_init(nices, 5, 0);
	ck_assert_uint_eq(sim.rq.nr_running, 5);
	ck_assert_uint_eq(sim.rq.load_weight, load);
	curr = cfs_pick_next(&sim.rq);
	ck_assert_ptr_nonnull(curr);
	ck_assert_ptr_eq(sim.rq.curr, curr);
	ck_assert_uint_eq(sim.rq.nr_running, 5);
	ck_assert(curr->on_rq);

	cfs_set_nice(&sim.rq, &sim.se[3], 0);
	load += 1024 - 335;
	ck_assert_uint_eq(sim.rq.load_weight, load);

	cfs_dequeue(&sim.rq, curr);
	load -= curr->weight;
	ck_assert_ptr_null(sim.rq.curr);
	ck_assert(!curr->on_rq);
	ck_assert_uint_eq(sim.rq.nr_running, 4);
	ck_assert_uint_eq(sim.rq.load_weight, load);

	cfs_set_nice(&sim.rq, curr, 19);
	ck_assert_uint_eq(sim.rq.load_weight, load);
	ck_assert_uint_eq(curr->weight, 15);

	while ((curr = cfs_pick_next(&sim.rq))) {
		cfs_dequeue(&sim.rq, curr);
		ck_assert(!curr->on_rq);
	}
	ck_assert_uint_eq(sim.rq.nr_running, 0);
	ck_assert_uint_eq(sim.rq.load_weight, 0);
	ck_assert_ptr_null(rb_first_cached(&sim.rq.tasks));
}
END_TEST

/* Picks go by vruntime; equal vruntimes round-robin. */
START_TEST(pick_takes_the_leftmost)
{
	static const uint64_t vr[] = { 50, 10, 40, 10, 30 };
	static const unsigned int order[] = { 1, 3, 4, 2, 0 };
	struct sched_entity *se;
	unsigned int i;

	memset(&sim, 0, sizeof(sim));
	cfs_rq_init(&sim.rq);
	for (i = 0; i < 5; i++) {
		sched_entity_init(&sim.se[i], 0);
		sim.se[i].vruntime = vr[i];
		cfs_enqueue(&sim.rq, &sim.se[i], CFS_ENQUEUE_REQUEUE);
	}
	/* The first enqueue set it; later, smaller ones do not pull it back. */
	ck_assert_uint_eq(sim.rq.min_vruntime, 50);
	for (i = 0; i < 5; i++) {
		se = cfs_pick_next(&sim.rq);
		ck_assert_uint_eq(idx(se), order[i]);
		/* Park it far right so the next pick is the next smallest. */
		cfs_update_curr(&sim.rq, se, 1000);
	}
	ck_assert_uint_eq(sim.rq.min_vruntime, 1010);
}
END_TEST

/*
 * The requirement: nice -5, 0, 0, 5 and 10 for 10 simulated seconds,
 * each share within 10% of weight / total weight; also from just before the
 * 64-bit vruntime wrap.
 */
START_TEST(shares_follow_weights)
{
	static const int nices[] = { -5, 0, 0, 5, 10 };
	uint64_t base = _i ? (uint64_t)-(50 * SCHED_NSEC_PER_MSEC) : 0;

	sim_init(nices, 5, base);
	sim_run(10000 * SCHED_NSEC_PER_MSEC);
	assert_shares(10);
	ck_assert_uint_gt(sim.switches, 1000);
}
END_TEST

START_TEST(equal_nice_share_equally)
{
	static const int nices[] = { 3, 3, 3, 3, 3, 3 };

	sim_init(nices, 6, 0);
	sim_run(3000 * SCHED_NSEC_PER_MSEC);
	assert_shares(2);
}
END_TEST

/*
 * With moderately mixed weights every task runs at least once per
 * latency * nr_running; with extreme ones a tick is many times a light task's
 * slice, and the bound is the time the others need to earn that tick back.
 */
START_TEST(nobody_starves)
{
	static const int mixed[] = { 0, 0, 1, 1, 2, 2, 3, 3 };
	static const int wide[] = { -20, -5, 0, 10, 19 };
	uint64_t bound;
	unsigned int i;

	sim_init(mixed, 8, 0);
	sim_run(2000 * SCHED_NSEC_PER_MSEC);
	for (i = 0; i < 8; i++)
		ck_assert_msg(sim.max_wait[i] <= SCHED_LATENCY_NS * 8,
			      "task %u waited %llu ns", i,
			      (unsigned long long)sim.max_wait[i]);
	assert_shares(10);

	sim_init(wide, 5, 0);
	sim_run(60000 * SCHED_NSEC_PER_MSEC);
	for (i = 0; i < 5; i++) {
		bound = TICK_NS * sim.rq.load_weight / sim.se[i].weight +
			SCHED_LATENCY_NS * 5;
		ck_assert_msg(sim.ran[i] > 0 && sim.max_wait[i] <= bound,
			      "task %u waited %llu ns, bound %llu", i,
			      (unsigned long long)sim.max_wait[i],
			      (unsigned long long)bound);
	}
}
END_TEST

/*
 * A task that sleeps for a long time wakes with at most the sleeper credit:
 * it runs within one latency period, and then takes its fair share, not the
 * CPU for the time it slept.
 */
START_TEST(sleeper_neither_starves_nor_monopolises)
{
	static const int nices[] = { 0, 0, 0, 0 };
	uint64_t before, woke, window = 300 * SCHED_NSEC_PER_MSEC;

	sim_init(nices, 4, 0);
	sim_run(100 * SCHED_NSEC_PER_MSEC);
	sim_sleep(3);
	sim_run(1000 * SCHED_NSEC_PER_MSEC);
	ck_assert(!sim.se[3].on_rq);

	sim.max_wait[3] = 0;
	before = sim.ran[3];
	woke = sim.now;
	sim_wake(3);
	ck_assert(vdiff(sim.se[3].vruntime, sim.rq.min_vruntime) >=
		  -(int64_t)SCHED_SLEEPER_CREDIT_NS);
	sim_run(window);
	ck_assert_uint_le(sim.max_wait[3], SCHED_LATENCY_NS);
	/* A quarter of the window, plus the credit and a tick of rounding. */
	ck_assert_uint_le(sim.ran[3] - before,
			  window / 4 + SCHED_SLEEPER_CREDIT_NS + 2 * TICK_NS);
	ck_assert_uint_ge(sim.ran[3] - before,
			  window / 4 - 2 * SCHED_LATENCY_NS);
	ck_assert_uint_eq(sim.now - woke, window);
}
END_TEST

/* A short nap earns no credit: the waker keeps the vruntime it had. */
START_TEST(short_sleep_keeps_vruntime)
{
	static const int nices[] = { 0, 0 };
	uint64_t vr;

	sim_init(nices, 2, 0);
	sim_run(50 * SCHED_NSEC_PER_MSEC);
	sim_sleep(0);
	vr = sim.se[0].vruntime;
	sim_run(1 * SCHED_NSEC_PER_MSEC);
	sim_wake(0);
	ck_assert_uint_eq(sim.se[0].vruntime, vr);
}
END_TEST

/*
 * A new task starts a virtual slice behind min_vruntime, so spawning children
 * buys no CPU time, yet it runs within one period.
 */
START_TEST(new_task_is_placed_after_the_others)
{
	static const int nices[] = { 0, 0, 0 };
	struct sched_entity *se = &sim.se[3];
	uint64_t min;

	sim_init(nices, 3, 0);
	sim_run(200 * SCHED_NSEC_PER_MSEC);
	min = sim.rq.min_vruntime;
	sched_entity_init(se, 0);
	sim.n = 4;
	cfs_enqueue(&sim.rq, se, CFS_ENQUEUE_NEW);
	sim.last_vruntime[3] = se->vruntime;
	sim.ready_since[3] = sim.now;
	ck_assert_uint_eq(se->vruntime, min + SCHED_LATENCY_NS / 4);
	ck_assert(!cfs_wakeup_preempt(sim.rq.curr, se));
	sim_run(SCHED_LATENCY_NS * 4);
	ck_assert_uint_gt(sim.ran[3], 0);
	ck_assert_uint_le(sim.max_wait[3], SCHED_LATENCY_NS * 2);
}
END_TEST

/* A lone task is never preempted; a second one gets a turn. */
START_TEST(single_task_keeps_the_cpu)
{
	static const int nices[] = { 0, 0 };

	sim_init(nices, 1, 0);
	sim_run(100 * SCHED_NSEC_PER_MSEC);
	ck_assert_uint_eq(sim.switches, 1);
	ck_assert_uint_eq(sim.ran[0], 100 * SCHED_NSEC_PER_MSEC);
	ck_assert(!cfs_should_preempt(&sim.rq, sim.rq.curr));

	sched_entity_init(&sim.se[1], 0);
	sim.n = 2;
	cfs_enqueue(&sim.rq, &sim.se[1], CFS_ENQUEUE_NEW);
	sim.last_vruntime[1] = sim.se[1].vruntime;
	sim.ready_since[1] = sim.now;
	sim_run(20 * SCHED_NSEC_PER_MSEC);
	ck_assert_uint_gt(sim.ran[1], 0);
}
END_TEST

Suite *unit_suite(void)
{
	Suite *s = suite_create("sched_fair");
	TCase *tc = tcase_create("core");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, nice_weights_follow_linux);
	tcase_add_test(tc, delta_fair_scales_by_weight);
	tcase_add_test(tc, period_and_slices);
	tcase_add_test(tc, queue_bookkeeping);
	tcase_add_test(tc, pick_takes_the_leftmost);
	tcase_add_loop_test(tc, shares_follow_weights, 0, 2);
	tcase_add_test(tc, equal_nice_share_equally);
	tcase_add_test(tc, nobody_starves);
	tcase_add_test(tc, sleeper_neither_starves_nor_monopolises);
	tcase_add_test(tc, short_sleep_keeps_vruntime);
	tcase_add_test(tc, new_task_is_placed_after_the_others);
	tcase_add_test(tc, single_task_keeps_the_cpu);
	suite_add_tcase(s, tc);
	return s;
}
