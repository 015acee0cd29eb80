/*
 * Busy-wait delays, for drivers polling hardware with or without interrupts.
 * They spin on the TSC once time_init() has calibrated it, and on PIT
 * channel 2 before that, so they are exact from the first instruction of
 * kmain on. A wait that may last a tick or more belongs on a wait queue.
 */
#ifndef BREENIX_DELAY_H
#define BREENIX_DELAY_H

/* At least ns, us, ms: never shorter, longer only by the cost of a poll. */
void ndelay(unsigned long ns);
void udelay(unsigned long us);
void mdelay(unsigned long ms);

#endif
