/*
 * In-kernel tests of tasks, the scheduler, wait queues, mutexes and timers:
 * they need real context switches, the tick and interrupts, which the host
 * tests of the policy (tests/unit/sched) cannot give.
 */
#include <stdint.h>
#include <breenix/kthread.h>
#include <breenix/ktest.h>
#include <breenix/mm.h>
#include <breenix/mutex.h>
#include <breenix/slab.h>
#include <breenix/time.h>
#include <breenix/timer.h>
#include <breenix/wait.h>

#define NR_SLEEPERS	100

static DECLARE_WAIT_QUEUE_HEAD(sleepers_wq);
static volatile int sleepers_go;

/* Sleeps on a timer, then on a wait queue until the test says go. */
static int sleeper_fn(void *arg)
{
	int i = (int)(uintptr_t)arg;

	msleep(1 + i % 3);
	wait_event(sleepers_wq, sleepers_go);
	return i;
}

static int run_sleepers(void)
{
	struct task *th[NR_SLEEPERS];
	int i, bad = 0;

	sleepers_go = 0;
	for (i = 0; i < NR_SLEEPERS; i++) {
		th[i] = kthread_run(sleeper_fn, (void *)(uintptr_t)i, "sleeper/%d", i);
		if (!th[i])
			return -1;
	}
	msleep(5);
	sleepers_go = 1;
	wake_up_all(&sleepers_wq);
	for (i = 0; i < NR_SLEEPERS; i++)
		bad += kthread_join(th[i]) != i;
	return bad;
}

static uint64_t free_pages_now(void)
{
	struct mem_stats s;

	kmem_cache_shrink_all();
	mm_get_stats(&s);
	return s.free_pages;
}

/* A round first fills the slab caches and vmalloc's page tables. */
KTEST(sched_kthreads_no_leak)
{
	uint64_t before, after;

	KT_ASSERT_EQ(run_sleepers(), 0);
	before = free_pages_now();
	KT_ASSERT_EQ(run_sleepers(), 0);
	after = free_pages_now();
	KT_ASSERT_EQ(before, after);
}

#define PC_ITEMS	1000000U
#define PC_RING		64U

struct pc_ring {
	spinlock_t lock;
	wait_queue_head_t not_full, not_empty;
	uint32_t buf[PC_RING];
	unsigned int head, tail;	/* free-running; count = head - tail */
	uint64_t sum, xsum;		/* what the consumer saw */
	uint32_t received;
};

static unsigned int ring_count(struct pc_ring *r)
{
	unsigned long flags = spin_lock_irqsave(&r->lock);
	unsigned int n = r->head - r->tail;

	spin_unlock_irqrestore(&r->lock, flags);
	return n;
}

static int producer_fn(void *arg)
{
	struct pc_ring *r = arg;
	uint32_t i;

	for (i = 1; i <= PC_ITEMS; i++) {
		unsigned long flags;

		wait_event(r->not_full, ring_count(r) < PC_RING);
		flags = spin_lock_irqsave(&r->lock);
		r->buf[r->head++ % PC_RING] = i;
		spin_unlock_irqrestore(&r->lock, flags);
		wake_up(&r->not_empty);
	}
	return 0;
}

static int consumer_fn(void *arg)
{
	struct pc_ring *r = arg;

	while (r->received < PC_ITEMS) {
		unsigned long flags;
		uint32_t v;

		wait_event(r->not_empty, ring_count(r) > 0);
		flags = spin_lock_irqsave(&r->lock);
		v = r->buf[r->tail++ % PC_RING];
		spin_unlock_irqrestore(&r->lock, flags);
		wake_up(&r->not_full);
		r->sum += v;
		r->xsum += (uint64_t)v * v;
		r->received++;
	}
	return 0;
}

/* Sums of i and i^2 over 1..n catch a lost, repeated or swapped item. */
KTEST(sched_producer_consumer)
{
	static struct pc_ring r;
	uint64_t n = PC_ITEMS;
	struct task *p, *c;

	r = (struct pc_ring){ .lock = SPINLOCK_INIT };
	init_waitqueue_head(&r.not_full);
	init_waitqueue_head(&r.not_empty);
	c = kthread_run(consumer_fn, &r, "consumer");
	p = kthread_run(producer_fn, &r, "producer");
	KT_ASSERT(c && p);
	KT_ASSERT_EQ(kthread_join(p), 0);
	KT_ASSERT_EQ(kthread_join(c), 0);
	KT_ASSERT_EQ(r.received, PC_ITEMS);
	KT_ASSERT_EQ(r.sum, n * (n + 1) / 2);
	KT_ASSERT_EQ(r.xsum, n * (n + 1) * (2 * n + 1) / 6);
}

static volatile int spin_stop;

/* Never sleeps or yields: only the tick can take the CPU from it. */
static int spinner_fn(void *arg)
{
	volatile uint64_t *count = arg;

	while (!spin_stop)
		(*count)++;
	return 0;
}

/*
 * Two spinners and this test, which sleeps: each spinner must get CPU time
 * while the other spins, and this task must wake on time between them.
 */
KTEST(sched_preemption)
{
	static volatile uint64_t a, b;
	uint64_t a1, b1, start;
	struct task *ta, *tb;

	a = b = 0;
	spin_stop = 0;
	ta = kthread_run(spinner_fn, (void *)&a, "spin/a");
	tb = kthread_run(spinner_fn, (void *)&b, "spin/b");
	KT_ASSERT(ta && tb);
	start = jiffies;
	msleep(50);
	KT_ASSERT_MSG(jiffies - start < 50 + 20, "slept %llu ticks",
		      (unsigned long long)(jiffies - start));
	a1 = a;
	b1 = b;
	msleep(50);
	spin_stop = 1;
	kthread_join(ta);
	kthread_join(tb);
	KT_ASSERT(a1 > 0 && b1 > 0);
	KT_ASSERT_MSG(a > a1 && b > b1, "a %llu->%llu b %llu->%llu",
		      (unsigned long long)a1, (unsigned long long)a,
		      (unsigned long long)b1, (unsigned long long)b);
}

#define NR_TIMERS	8

struct test_timer {
	struct timer_list timer;
	int id;
	uint64_t fired_at;
};

static struct test_timer ttimers[NR_TIMERS];
static int fire_order[NR_TIMERS];
static volatile int nr_fired;
static DECLARE_WAIT_QUEUE_HEAD(timers_wq);

static void test_timer_fn(struct timer_list *t)
{
	struct test_timer *tt = container_of(t, struct test_timer, timer);

	tt->fired_at = jiffies;
	fire_order[nr_fired++] = tt->id;
	wake_up(&timers_wq);
}

/* Fired by expiry, equal expiries as armed, each within a tick of due. */
KTEST(sched_timers_order)
{
	static const int delay[NR_TIMERS] = { 9, 2, 5, 5, 1, 12, 3, 7 };
	uint64_t now = jiffies;
	int i;

	nr_fired = 0;
	for (i = 0; i < NR_TIMERS; i++) {
		ttimers[i].id = i;
		timer_setup(&ttimers[i].timer, test_timer_fn);
		mod_timer(&ttimers[i].timer, now + 10 + delay[i]);
	}
	KT_ASSERT(wait_event_timeout(timers_wq, nr_fired == NR_TIMERS, HZ));
	for (i = 1; i < NR_TIMERS; i++) {
		struct test_timer *p = &ttimers[fire_order[i - 1]];
		struct test_timer *c = &ttimers[fire_order[i]];

		KT_ASSERT(p->timer.expires < c->timer.expires ||
			  (p->timer.expires == c->timer.expires && p->id < c->id));
	}
	for (i = 0; i < NR_TIMERS; i++) {
		KT_ASSERT(!timer_pending(&ttimers[i].timer));
		KT_ASSERT(ttimers[i].fired_at >= ttimers[i].timer.expires);
		KT_ASSERT_MSG(ttimers[i].fired_at <= ttimers[i].timer.expires + 1,
			      "timer %d late by %llu ticks", i,
			      (unsigned long long)(ttimers[i].fired_at -
						   ttimers[i].timer.expires));
	}
}

/* A deleted timer never fires; schedule_timeout wakes after its time. */
KTEST(sched_timer_del_and_timeout)
{
	uint64_t start;
	long left;

	nr_fired = 0;
	timer_setup(&ttimers[0].timer, test_timer_fn);
	mod_timer(&ttimers[0].timer, jiffies + 3);
	KT_ASSERT(del_timer_sync(&ttimers[0].timer));
	start = jiffies;
	set_current_state(TASK_UNINTERRUPTIBLE);
	left = schedule_timeout(10);
	KT_ASSERT_EQ(left, 0);
	KT_ASSERT(jiffies - start >= 10);
	KT_ASSERT_EQ(nr_fired, 0);
	KT_ASSERT(!wait_event_timeout(timers_wq, nr_fired, 5));
}

#define MUTEX_THREADS	4
#define MUTEX_ROUNDS	3000

static DEFINE_MUTEX(test_mutex);
static volatile uint64_t mutex_counter;
static volatile int mutex_inside, mutex_overlaps;

/*
 * A read-modify-write stretched by a busy loop so that ticks land inside
 * the critical section and preempt its owner while the others contend.
 */
static int mutex_fn(void *arg)
{
	int i, j;

	(void)arg;
	for (i = 0; i < MUTEX_ROUNDS; i++) {
		uint64_t v;

		mutex_lock(&test_mutex);
		if (__atomic_add_fetch(&mutex_inside, 1, __ATOMIC_SEQ_CST) != 1)
			mutex_overlaps++;
		v = mutex_counter;
		for (j = 0; j < 200; j++)
			cpu_relax();
		mutex_counter = v + 1;
		__atomic_sub_fetch(&mutex_inside, 1, __ATOMIC_SEQ_CST);
		mutex_unlock(&test_mutex);
	}
	return 0;
}

KTEST(sched_mutex_contention)
{
	struct task *th[MUTEX_THREADS];
	uint64_t switches = sched_nr_switches();
	int i;

	mutex_counter = 0;
	mutex_overlaps = 0;
	for (i = 0; i < MUTEX_THREADS; i++) {
		th[i] = kthread_run(mutex_fn, NULL, "mutex/%d", i);
		KT_ASSERT(th[i]);
	}
	for (i = 0; i < MUTEX_THREADS; i++)
		kthread_join(th[i]);
	KT_ASSERT_EQ(mutex_overlaps, 0);
	KT_ASSERT_EQ(mutex_counter, (uint64_t)MUTEX_THREADS * MUTEX_ROUNDS);
	KT_ASSERT(!mutex_is_locked(&test_mutex));
	KT_ASSERT(mutex_trylock(&test_mutex));
	mutex_unlock(&test_mutex);
	KT_ASSERT(sched_nr_switches() - switches > MUTEX_THREADS);
}

/*
 * The kernel is built without SSE, so only inline asm touches xmm0 here,
 * and nothing but the task switch can change it between the asm
 * statements: each thread's value must come back after every switch.
 */
static int fpu_fn(void *arg)
{
	uint64_t mine = (uint64_t)(uintptr_t)arg, seen;
	int i, bad = 0;

	for (i = 0; i < 2000; i++) {
		/* inline asm: the only way to reach xmm0 in this kernel. */
		__asm__ volatile("movq %0, %%xmm0" : : "r"(mine ^ (uint64_t)i));
		yield();
		__asm__ volatile("movq %%xmm0, %0" : "=r"(seen));
		bad += seen != (mine ^ (uint64_t)i);
	}
	return bad;
}

KTEST(sched_fpu_state_switched)
{
	struct task *a = kthread_run(fpu_fn, (void *)0x1111222233334444UL, "fpu/a");
	struct task *b = kthread_run(fpu_fn, (void *)0x5555666677778888UL, "fpu/b");

	KT_ASSERT(a && b);
	KT_ASSERT_EQ(kthread_join(a), 0);
	KT_ASSERT_EQ(kthread_join(b), 0);
}

/*
 * The nice weights decide the CPU shares of two spinners: 1024 : 335 for
 * nice 0 and 5, about 3 : 1. Measured as the CPU time the scheduler gave
 * each, which a stalled host cannot skew the way it skews loop counts; the
 * bounds leave room for a stall charged to one of them near the end.
 */
KTEST(sched_nice_share)
{
	static volatile uint64_t a, b;
	uint64_t ra, rb;
	struct task *ta, *tb;

	spin_stop = 0;
	ta = kthread_create(spinner_fn, (void *)&a, "nice/0");
	tb = kthread_create(spinner_fn, (void *)&b, "nice/5");
	KT_ASSERT(ta && tb);
	sched_set_nice(tb, 5);
	wake_up_process(ta);
	wake_up_process(tb);
	msleep(400);
	ra = __atomic_load_n(&ta->se.sum_exec_runtime, __ATOMIC_RELAXED);
	rb = __atomic_load_n(&tb->se.sum_exec_runtime, __ATOMIC_RELAXED);
	spin_stop = 1;
	kthread_join(ta);
	kthread_join(tb);
	KT_ASSERT_MSG(2 * ra > 3 * rb && ra < 6 * rb,
		      "nice 0: %llu ns, nice 5: %llu ns",
		      (unsigned long long)ra, (unsigned long long)rb);
}
