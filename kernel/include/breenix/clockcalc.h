/*
 * Clock arithmetic, free of hardware so host tests cover it: counter to
 * nanosecond scaling in fixed point (mult/shift, as Linux's clocksource and
 * cyc2ns) and the estimates drawn from calibration windows.
 */
#ifndef BREENIX_CLOCKCALC_H
#define BREENIX_CLOCKCALC_H

#include <stdbool.h>
#include <stdint.h>

#define NSEC_PER_USEC	1000ULL
#define NSEC_PER_MSEC	1000000ULL
#define NSEC_PER_SEC	1000000000ULL

/* (a * mul) >> shift with a 128-bit product: no overflow for any a. */
static inline uint64_t mul_u64_u32_shr(uint64_t a, uint32_t mul,
				       unsigned int shift)
{
	return (uint64_t)(((unsigned __int128)a * mul) >> shift);
}

/*
 * n / d rounded down, UINT64_MAX when the quotient does not fit 64 bits;
 * d not 0. Shift-and-subtract: the kernel has no libgcc for __udivti3.
 */
uint64_t div128_u64_sat(unsigned __int128 n, uint64_t d);

/*
 * The mult/shift pair converting a counter of rate `from` to rate `to`
 * (Linux clocks_calc_mult_shift): the most precise pair whose mult fits 32
 * bits and whose product with maxsec seconds of counts fits 64 bits.
 * maxsec 0 puts no limit, for callers that multiply in 128 bits.
 */
void clocks_calc_mult_shift(uint32_t *mult, uint32_t *shift, uint32_t from,
			    uint32_t to, uint32_t maxsec);

/* Counter cycles to nanoseconds: ns = cycles * mult >> shift. */
struct cyc2ns {
	uint32_t mult;
	uint32_t shift;
};

/* khz: the counter's rate in kHz, not 0. */
void cyc2ns_init(struct cyc2ns *c, uint32_t khz);

static inline uint64_t cyc2ns(const struct cyc2ns *c, uint64_t cycles)
{
	return mul_u64_u32_shr(cycles, c->mult, c->shift);
}

/* ns in cycles of a khz counter, exactly (rounded down; saturates). */
uint64_t cycles_to_ns(uint64_t cycles, uint32_t khz);

/* Cycles of a khz counter that last at least ns nanoseconds (saturates). */
uint64_t ns_to_cycles(uint64_t ns, uint32_t khz);

/* counts seen in ref_ticks of a ref_hz reference, as a rate in Hz (rounded). */
uint64_t rate_hz(uint64_t counts, uint64_t ref_ticks, uint64_t ref_hz);

/* The median of v[0..n-1], n > 0; sorts v. Even n: the lower middle. */
uint64_t median_u64(uint64_t *v, unsigned int n);

/* Whether a and b differ by at most ppm parts per million of b. */
bool rates_agree(uint64_t a, uint64_t b, uint32_t ppm);

/*
 * The TSC rate from CPUID leaf 0x15 (Intel SDM 2 CPUID: EBX/EAX is the
 * TSC/crystal ratio, ECX the crystal in Hz), in kHz; 0 if not enumerated.
 */
uint32_t cpuid15_tsc_khz(uint32_t eax, uint32_t ebx, uint32_t ecx);

#endif
