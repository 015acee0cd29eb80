/*
 * The Intel 8254 programmable interval timer: channel 0 can run the tick on
 * IRQ 0; channel 2, gated through port 0x61 and polled, measures intervals
 * with interrupts off (TSC and LAPIC timer calibration, early delays).
 */
#ifndef ASM_PIT_H
#define ASM_PIT_H

#include <stdbool.h>
#include <stdint.h>

/* Intel 8254 datasheet: the PC feeds it 14.31818 MHz / 12. */
#define PIT_HZ		1193182ULL
#define PIT_IRQ		0	/* channel 0 OUT is wired to ISA IRQ 0 */

/*
 * Makes channel 0 the tick: a rate generator at the rate nearest hz, its
 * IRQ 0 calling tick_handle(). Leaves the real period (divisor / 1193182 Hz,
 * not 1 / hz) in *tick_ns. Returns 0 or the error of irq_register().
 */
int pit_tick_start(unsigned int hz, uint64_t *tick_ns);

/* Stops channel 0: the firmware's 18.2 Hz timer too. */
void pit_tick_stop(void);

/*
 * Starts channel 2 counting ticks down (mode 0). Returns the TSC read just
 * before the port write that starts the count: the count starts after it.
 */
uint64_t pit_ch2_start(uint16_t ticks);

/* Whether the channel 2 count has run out (its OUT pin went high). */
bool pit_ch2_expired(void);

/*
 * Ticks since pit_ch2_start(0xffff), from the count and OUT latched
 * together (8254 Read-Back command). Mode 0 counts on past 0 from 0xffff
 * with OUT high, so this is right up to 2 * 0xffff ticks (109 ms).
 */
uint32_t pit_ch2_elapsed(void);

/* A polled wait of at least ns on channel 2; interrupts may be off. */
void pit_delay_ns(uint64_t ns);

#endif
