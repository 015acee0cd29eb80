/*
 * The local APIC timer as the HZ tick: its count rate is measured against
 * the PIT (together with the TSC, see tsc_init()), then it runs periodic on
 * LOCAL_TIMER_VECTOR.
 */
#ifndef ASM_APIC_TIMER_H
#define ASM_APIC_TIMER_H

#include <stdbool.h>
#include <stdint.h>

/*
 * Sets the timer counting down, masked, from its largest count, so that
 * apic_timer_count() can be measured. False when there is no local APIC.
 */
bool apic_timer_calibration_start(void);

/* The timer's current count (it counts down). */
uint32_t apic_timer_count(void);

/*
 * Runs the timer periodic at the rate nearest hz, given the measured count
 * rate; each expiry calls tick_handle(). Leaves the real period in *tick_ns.
 * Returns 0, -ERANGE if count_hz cannot make hz, or the error of
 * irq_register_vector(); on error the timer is stopped.
 */
int apic_timer_start(uint64_t count_hz, unsigned int hz, uint64_t *tick_ns);

/* Masks the timer and stops its count. */
void apic_timer_stop(void);

#endif
