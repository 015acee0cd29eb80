/*
 * The local APIC timer (Intel SDM 3A 11.5.4), the scheduler tick on every
 * CPU that has one. It counts the bus clock divided by 16 (as Linux's
 * APIC_DIVISOR): slow enough that a 1 ms period fits 32 bits on any bus,
 * fast enough to divide it finely.
 */
#include <stddef.h>
#include <breenix/clockcalc.h>
#include <breenix/errno.h>
#include <breenix/timekeeping.h>
#include <asm/apic.h>
#include <asm/apic_timer.h>
#include <asm/irq_vectors.h>

#define APIC_TIMER_MAX_COUNT	0xffffffffu

bool apic_timer_calibration_start(void)
{
	if (!lapic_available())
		return false;
	lapic_write(APIC_TIMER_DIVIDE, APIC_TIMER_DIV_16);
	/* One-shot and masked: it counts down to 0 and raises nothing. */
	lapic_write(APIC_LVT_TIMER, APIC_LVT_MASKED | APIC_LVT_TIMER_ONESHOT |
		    LOCAL_TIMER_VECTOR);
	lapic_write(APIC_TIMER_INIT_COUNT, APIC_TIMER_MAX_COUNT);
	return true;
}

uint32_t apic_timer_count(void)
{
	return lapic_read(APIC_TIMER_CUR_COUNT);
}

static void apic_timer_interrupt(unsigned int vector, void *data)
{
	(void)vector;
	(void)data;
	tick_handle();
}

void apic_timer_stop(void)
{
	lapic_write(APIC_LVT_TIMER, APIC_LVT_MASKED | LOCAL_TIMER_VECTOR);
	/* Intel SDM 3A 11.5.4: an initial count of 0 stops the timer. */
	lapic_write(APIC_TIMER_INIT_COUNT, 0);
}

int apic_timer_start(uint64_t count_hz, unsigned int hz, uint64_t *tick_ns)
{
	uint64_t period = (count_hz + hz / 2) / hz;
	int err;

	if (!period || period > APIC_TIMER_MAX_COUNT) {
		apic_timer_stop();
		return -ERANGE;
	}
	err = irq_register_vector(LOCAL_TIMER_VECTOR, apic_timer_interrupt,
				  NULL);
	if (err) {
		apic_timer_stop();
		return err;
	}
	lapic_write(APIC_TIMER_DIVIDE, APIC_TIMER_DIV_16);
	/* Mode first: writing the initial count starts the period. */
	lapic_write(APIC_LVT_TIMER, APIC_LVT_TIMER_PERIODIC | LOCAL_TIMER_VECTOR);
	lapic_write(APIC_TIMER_INIT_COUNT, (uint32_t)period);
	*tick_ns = (period * NSEC_PER_SEC + count_hz / 2) / count_hz;
	return 0;
}
