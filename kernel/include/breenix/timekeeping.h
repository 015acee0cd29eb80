/*
 * What the clock, tick and RTC drivers hand to the time core: the counter
 * the clocks are read from, the interrupt handler of the tick device, and
 * the battery-backed clock that seeds the wall clock at boot.
 */
#ifndef BREENIX_TIMEKEEPING_H
#define BREENIX_TIMEKEEPING_H

#include <stdint.h>

/*
 * The clock source: a free-running counter of khz kHz, monotonic on this
 * CPU. Monotonic time starts at 0 when it is registered.
 */
void timekeeping_register_clock(uint64_t (*read)(void), uint32_t khz);

/* Called by the tick device's interrupt handler, once per tick. */
void tick_handle(void);

/* A clock that keeps time while the machine is off (the CMOS RTC). */
struct persistent_clock {
	/* Seconds since the epoch, UTC; 0 or a negative errno. */
	int (*read)(int64_t *secs);
};

/* The driver registers from an early initcall; time_init() reads it. */
void persistent_clock_register(const struct persistent_clock *pc);

/*
 * Sets the wall clock from the persistent clock, leaving its seconds since
 * the epoch in *secs. Returns 0, -ENODEV without one, the error it gave,
 * or -ERANGE for a time before 1970.
 */
int timekeeping_read_persistent_clock(int64_t *secs);

#endif
