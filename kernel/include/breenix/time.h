/*
 * Kernel time: a monotonic clock and the wall clock in nanoseconds, the
 * periodic tick (jiffies, HZ a second) with the hooks it runs, and delays.
 * time_init() brings it all up; before it both clocks read 0.
 */
#ifndef BREENIX_TIME_H
#define BREENIX_TIME_H

#include <stdint.h>
#include <breenix/clockcalc.h>
#include <breenix/delay.h>
#include <breenix/list.h>

#define HZ	1000

/* Ticks since the tick started; 64 bits never wrap (584 million years). */
extern volatile uint64_t jiffies;

/* How long a tick really lasts: 1/HZ as near as the tick device divides. */
extern uint64_t tick_nsec;

/* Nanoseconds since time_init(); never goes backwards. */
uint64_t ktime_get_ns(void);

/* Nanoseconds since 1970-01-01 00:00:00 UTC: the RTC at boot plus since. */
uint64_t ktime_get_real_ns(void);

/* Sets the wall clock (settimeofday): ns since the epoch. */
void ktime_set_real_ns(uint64_t ns);

/*
 * A function the tick runs on every tick, in interrupt context with
 * interrupts off (the scheduler's time slices, the timer queue). fn must not
 * sleep and must not register or unregister hooks. The caller owns the
 * struct until it unregisters it.
 */
struct tick_hook {
	struct list_head node;
	void (*fn)(void *data);
	void *data;
};

void tick_hook_register(struct tick_hook *hook);
void tick_hook_unregister(struct tick_hook *hook);

/*
 * Calibrates the TSC (and the local APIC timer) against the PIT, starts the
 * monotonic clock and the HZ tick, and reads the RTC. Called once from kmain
 * after interrupts_init(), with interrupts still disabled: it polls, and the
 * tick starts counting once the caller enables interrupts.
 */
void time_init(void);

#endif
