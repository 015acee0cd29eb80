/*
 * In-kernel tests of time: the tick runs at HZ measured on the TSC, its
 * hooks run once a tick, the monotonic clock never goes back, delays last
 * what they say (checked on the PIT too), the wall clock is plausible and
 * settable.
 */
#include <breenix/calendar.h>
#include <breenix/ktest.h>
#include <breenix/printk.h>
#include <breenix/time.h>
#include <asm/cpu.h>
#include <asm/pit.h>
#include <asm/tsc.h>

#define RATE_WINDOW_NS		(200 * NSEC_PER_MSEC)
#define RATE_TOLERANCE_PCT	2
#define RATE_ATTEMPTS		3
#define TICK_TIMEOUT_NS		(100 * NSEC_PER_MSEC)

/* The tick needs interrupts; kmain may run the tests before enabling them. */
static unsigned long irqs_on(void)
{
	unsigned long flags = local_irq_save();

	/* inline asm: sti, to let the tick in for the measurement. */
	__asm__ volatile("sti" : : : "memory");
	return flags;
}

static void irqs_restore(unsigned long flags)
{
	local_irq_disable();
	local_irq_restore(flags);
}

/* Waits for jiffies to move past j; false if no tick came in time. */
static bool wait_tick(uint64_t j, uint64_t *now)
{
	uint64_t start = ktime_get_ns();

	while (jiffies == j) {
		if (ktime_get_ns() - start > TICK_TIMEOUT_NS)
			return false;
		cpu_relax();
	}
	*now = ktime_get_ns();
	return true;
}

/*
 * Sleeps until an interrupt, with interrupts off before and after: sti
 * holds interrupts off for one more instruction (Intel SDM 2B STI), so hlt
 * starts before the interrupt that ends it can be taken.
 */
static void wait_for_interrupt(void)
{
	/* inline asm: sti; hlt; cli has no C equivalent. */
	__asm__ volatile("sti; hlt; cli" : : : "memory");
}

/* With interrupts off: sleeps to the next tick, returns its TSC time. */
static uint64_t next_tick_ns(void)
{
	uint64_t j = jiffies;

	while (jiffies == j)
		wait_for_interrupt();
	return ktime_get_ns();
}

#define RATE_MAX_EDGES	512

struct tick_rate {
	uint64_t count_mhz;	/* ticks counted over the window, in mHz */
	uint64_t median_mhz;	/* from the median tick-to-tick interval */
};

/*
 * Over a window of TSC time, from one tick to another, with interrupts off
 * except while halted. Each tick's time is taken as it wakes the CPU.
 */
static void measure_tick_rate(struct tick_rate *r)
{
	static uint64_t gaps[RATE_MAX_EDGES];
	uint64_t j0, t0, prev, now;
	unsigned int n = 0;

	t0 = next_tick_ns();
	j0 = jiffies;
	prev = t0;
	do {
		now = next_tick_ns();
		if (n < RATE_MAX_EDGES)
			gaps[n++] = now - prev;
		prev = now;
	} while (now - t0 < RATE_WINDOW_NS);
	r->count_mhz = (jiffies - j0) * NSEC_PER_SEC * 1000 / (now - t0);
	r->median_mhz = NSEC_PER_SEC * 1000 / median_u64(gaps, n);
}

/*
 * The tick rate on the TSC: the median tick interval within 2% of 1/HZ,
 * and no more ticks counted than HZ + 2%. An emulator starved by its host
 * only delays or drops ticks: that moves the count down and puts long and
 * short intervals on both sides of the median, not the median itself.
 */
KTEST(time_tick_rate)
{
	uint64_t lo = HZ * (100 - RATE_TOLERANCE_PCT) * 10;
	uint64_t hi = HZ * (100 + RATE_TOLERANCE_PCT) * 10;
	unsigned long flags = irqs_on();
	struct tick_rate r = { 0, 0 };
	int n = 0;
	bool ticking, ok = false;
	uint64_t now;

	ticking = wait_tick(jiffies, &now);
	local_irq_disable();
	while (ticking && !ok && n++ < RATE_ATTEMPTS) {
		measure_tick_rate(&r);
		ok = r.median_mhz >= lo && r.median_mhz <= hi &&
		     r.count_mhz <= hi;
		pr_info("ktest:   tick rate %llu.%03llu Hz by interval, %llu.%03llu Hz by count (HZ %u, tick %llu ns)\n",
			(unsigned long long)(r.median_mhz / 1000),
			(unsigned long long)(r.median_mhz % 1000),
			(unsigned long long)(r.count_mhz / 1000),
			(unsigned long long)(r.count_mhz % 1000), HZ,
			(unsigned long long)tick_nsec);
	}
	irqs_restore(flags);
	KT_ASSERT_MSG(ticking, "no tick within %llu ms with interrupts on",
		      (unsigned long long)(TICK_TIMEOUT_NS / NSEC_PER_MSEC));
	KT_ASSERT_MSG(ok, "tick rate off by more than %d%% of %u Hz",
		      RATE_TOLERANCE_PCT, HZ);
}

static void count_hook(void *data)
{
	(*(volatile uint64_t *)data)++;
}

/* Each registered hook runs exactly once a tick, and not after removal. */
KTEST(time_tick_hooks)
{
	volatile uint64_t a = 0, b = 0;
	struct tick_hook ha = { .fn = count_hook, .data = (void *)&a };
	struct tick_hook hb = { .fn = count_hook, .data = (void *)&b };
	unsigned long flags = local_irq_save();
	uint64_t j0, j1, after, now;
	bool ticked;

	tick_hook_register(&ha);
	tick_hook_register(&hb);
	j0 = jiffies;
	irqs_on();
	while (jiffies - j0 < 20 && wait_tick(jiffies, &now))
		;
	local_irq_disable();
	j1 = jiffies;
	tick_hook_unregister(&ha);
	after = a;
	irqs_on();
	ticked = wait_tick(jiffies, &now) && wait_tick(jiffies, &now);
	irqs_restore(flags);
	tick_hook_unregister(&hb);
	KT_ASSERT_MSG(j1 - j0 >= 20, "only %llu ticks",
		      (unsigned long long)(j1 - j0));
	KT_ASSERT_EQ(after, j1 - j0);
	KT_ASSERT(ticked);
	KT_ASSERT_EQ(a, after);
	KT_ASSERT_MSG(b >= after + 2, "hook b ran %llu times, a %llu",
		      (unsigned long long)b, (unsigned long long)after);
}

KTEST(time_monotonic)
{
	uint64_t first = ktime_get_ns(), prev = first, cur = first;
	int i;

	for (i = 0; i < 1000000; i++) {
		cur = ktime_get_ns();
		KT_ASSERT_MSG(cur >= prev, "read %d went back: %llu after %llu",
			      i, (unsigned long long)cur,
			      (unsigned long long)prev);
		prev = cur;
	}
	KT_ASSERT_MSG(cur > first, "the clock stood still at %llu ns",
		      (unsigned long long)cur);
	pr_info("ktest:   1000000 reads in %llu us\n",
		(unsigned long long)((cur - first) / NSEC_PER_USEC));
}

#define DELAY_ATTEMPTS	3

/*
 * mdelay(50) takes 50 ms +-10% of TSC time, and of PIT time, which does not
 * hang on the TSC calibration. Never less: a host that preempts the
 * emulator only makes a delay longer, so the upper bound gets a few tries.
 */
KTEST(time_mdelay)
{
	uint64_t t0, tsc_ns, pit_ns;
	bool ok = false;
	int n = 0;

	while (!ok && n++ < DELAY_ATTEMPTS) {
		pit_ch2_start(0xffff);
		t0 = ktime_get_ns();
		mdelay(50);
		tsc_ns = ktime_get_ns() - t0;
		pit_ns = pit_ch2_elapsed() * NSEC_PER_SEC / PIT_HZ;
		pr_info("ktest:   mdelay(50): %llu us of TSC time, %llu us of PIT time\n",
			(unsigned long long)(tsc_ns / NSEC_PER_USEC),
			(unsigned long long)(pit_ns / NSEC_PER_USEC));
		KT_ASSERT_MSG(tsc_ns >= 50 * NSEC_PER_MSEC, "short by the TSC");
		KT_ASSERT_MSG(pit_ns >= 45 * NSEC_PER_MSEC, "short by the PIT");
		ok = tsc_ns <= 55 * NSEC_PER_MSEC && pit_ns <= 55 * NSEC_PER_MSEC;
	}
	KT_ASSERT_MSG(ok, "over 55 ms in %d tries", DELAY_ATTEMPTS);
}

/* Reads the monotonic and the wall clock back to back, interrupts off. */
static void read_clock_pair(uint64_t *mono, uint64_t *real)
{
	unsigned long flags = local_irq_save();

	*mono = ktime_get_ns();
	*real = ktime_get_real_ns();
	local_irq_restore(flags);
}

/*
 * The wall clock is the RTC at boot plus the monotonic clock, so over any
 * interval the two must advance alike (a host pausing the guest stretches
 * the interval, never the difference).
 */
KTEST(time_rtc_plausible)
{
	uint64_t m0, r0, m1, r1, dm, dr;
	struct cal_time now;

	read_clock_pair(&m0, &r0);
	time64_to_cal((int64_t)(r0 / NSEC_PER_SEC), &now);
	pr_info("ktest:   wall clock %04d-%02d-%02d %02d:%02d:%02d UTC\n",
		now.year, now.mon, now.mday, now.hour, now.min, now.sec);
	KT_ASSERT_MSG(now.year >= 2024 && now.year < 2200, "year %d",
		      now.year);
	mdelay(10);
	read_clock_pair(&m1, &r1);
	dm = m1 - m0;
	dr = r1 - r0;
	KT_ASSERT_MSG(dr >= 10 * NSEC_PER_MSEC,
		      "wall clock moved %llu ns in 10 ms", (unsigned long long)dr);
	KT_ASSERT_MSG(dr - dm + NSEC_PER_MSEC <= 2 * NSEC_PER_MSEC,
		      "wall clock moved %llu ns while the monotonic clock moved %llu ns",
		      (unsigned long long)dr, (unsigned long long)dm);
}

/* settimeofday's path: the clock reads what was set, and keeps going. */
KTEST(time_set_real)
{
	const uint64_t y2100 = 4102444800ULL * NSEC_PER_SEC;
	uint64_t saved = ktime_get_real_ns(), m0 = ktime_get_ns(), got;

	ktime_set_real_ns(y2100);
	got = ktime_get_real_ns();
	mdelay(1);
	KT_ASSERT_MSG(ktime_get_real_ns() >= got + NSEC_PER_MSEC,
		      "the wall clock stopped after being set");
	ktime_set_real_ns(saved + (ktime_get_ns() - m0));
	KT_ASSERT_MSG(got >= y2100 && got - y2100 < NSEC_PER_MSEC,
		      "set 2100-01-01, read %llu ns", (unsigned long long)got);
	KT_ASSERT_MSG(ktime_get_real_ns() - saved < 100 * NSEC_PER_MSEC,
		      "not restored");
}
