/*
 * The load average, computed as Linux does (kernel/sched/loadavg.c): every
 * 5 seconds each average moves towards the number of runnable tasks by a
 * factor of exp(-5 s / period). Linux also counts tasks in uninterruptible
 * sleep; here every blocking wait is uninterruptible until signals exist,
 * so an idle shell waiting for input would count as load: only runnable
 * tasks are counted.
 */
#include <breenix/init.h>
#include <breenix/loadavg.h>
#include <breenix/sched.h>
#include <breenix/time.h>

#define LOAD_FREQ	(5 * HZ + 1)	/* ticks between updates, as Linux */
/* FIXED_1 / exp(5 s / 1, 5, 15 min), Linux's constants. */
#define EXP_1		1884
#define EXP_5		2014
#define EXP_15		2037

static unsigned long avenrun[3];
static unsigned long ticks_left = LOAD_FREQ;

static unsigned long calc_load(unsigned long load, unsigned long exp,
			       unsigned long active)
{
	unsigned long newload = load * exp + active * (FIXED_1 - exp);

	/* Round up while rising, so a steady load of n reaches n. */
	if (active >= load)
		newload += FIXED_1 - 1;
	return newload / FIXED_1;
}

static void loadavg_tick(void *unused)
{
	unsigned long active;

	(void)unused;
	if (--ticks_left)
		return;
	ticks_left = LOAD_FREQ;
	active = (unsigned long)sched_nr_running() * FIXED_1;
	avenrun[0] = calc_load(avenrun[0], EXP_1, active);
	avenrun[1] = calc_load(avenrun[1], EXP_5, active);
	avenrun[2] = calc_load(avenrun[2], EXP_15, active);
}

static struct tick_hook loadavg_hook = { .fn = loadavg_tick };

static int loadavg_init(void)
{
	tick_hook_register(&loadavg_hook);
	return 0;
}
device_initcall(loadavg_init);

void get_avenrun(unsigned long loads[3], unsigned long offset, int shift)
{
	int i;

	for (i = 0; i < 3; i++)
		loads[i] = (__atomic_load_n(&avenrun[i], __ATOMIC_RELAXED) + offset) << shift;
}
