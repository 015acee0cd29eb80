/*
 * The time-stamp counter: reading it, and calibrating its rate against the
 * PIT so it can back the monotonic clock and the delays.
 */
#ifndef ASM_TSC_H
#define ASM_TSC_H

#include <stdbool.h>
#include <stdint.h>

/* The TSC's rate in kHz, 0 until tsc_init() has measured it. */
extern uint32_t tsc_khz;

/* inline asm: RDTSC (Intel SDM 2B) has no C equivalent. */
static inline uint64_t rdtsc(void)
{
	uint32_t lo, hi;

	__asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return (uint64_t)hi << 32 | lo;
}

/*
 * RDTSC after every earlier instruction: Intel SDM 2B RDTSC says LFENCE
 * before it keeps it from being executed ahead of them.
 */
static inline uint64_t rdtsc_ordered(void)
{
	uint32_t lo, hi;

	__asm__ volatile("lfence; rdtsc" : "=a"(lo), "=d"(hi) : : "memory");
	return (uint64_t)hi << 32 | lo;
}

/* How tsc_init() arrived at the rate, for the boot log and the tests. */
struct tsc_calibration {
	const char *source;	/* "PIT-calibrated" or "CPUID 0x15" */
	unsigned int windows;	/* PIT windows used, of tries */
	unsigned int tries;
	uint32_t spread_ppm;	/* max - min of the windows, over the median */
	uint64_t duration_ns;	/* time spent calibrating */
	bool invariant;		/* CPUID 0x80000007 EDX bit 8 */
	uint64_t aux_hz;	/* aux_read's counter rate; 0 if unmeasured */
};

/*
 * Measures the TSC against PIT channel 2 (interrupts off; CPUID leaf 0x15
 * is preferred when it agrees), sets tsc_khz and makes the TSC the clock
 * source. If aux_read is given, that 32-bit down-counter (the local APIC
 * timer) is measured in the same PIT windows, its rate left in
 * cal->aux_hz. Returns 0, or -EIO when no PIT window was usable and CPUID
 * gives no rate either.
 */
int tsc_init(uint32_t (*aux_read)(void), struct tsc_calibration *cal);

#endif
