/*
 * Clock arithmetic without hardware: mult/shift scaling (as Linux's
 * kernel/time/clocksource.c) and the statistics of calibration windows.
 * Built into the kernel and into the host tests.
 */
#include <breenix/clockcalc.h>

uint64_t div128_u64_sat(unsigned __int128 n, uint64_t d)
{
	uint64_t hi = (uint64_t)(n >> 64), lo = (uint64_t)n, q = 0;
	int i;

	if (hi >= d)
		return UINT64_MAX;
	/* Invariant hi < d: each step brings one dividend bit down. */
	for (i = 0; i < 64; i++) {
		uint64_t top = hi >> 63;

		hi = hi << 1 | lo >> 63;
		lo <<= 1;
		q <<= 1;
		if (top || hi >= d) {
			hi -= d;
			q |= 1;
		}
	}
	return q;
}

void clocks_calc_mult_shift(uint32_t *mult, uint32_t *shift, uint32_t from,
			    uint32_t to, uint32_t maxsec)
{
	uint64_t tmp;
	uint32_t sft, sftacc = 32;

	/* Bits of maxsec seconds of counts limit how wide mult may be. */
	tmp = ((uint64_t)maxsec * from) >> 32;
	while (tmp) {
		tmp >>= 1;
		sftacc--;
	}
	/* The largest shift (most precise mult) that still fits. */
	for (sft = 32; sft > 0; sft--) {
		tmp = ((uint64_t)to << sft) + from / 2;
		tmp /= from;
		if ((tmp >> sftacc) == 0)
			break;
	}
	*mult = (uint32_t)tmp;
	*shift = sft;
}

void cyc2ns_init(struct cyc2ns *c, uint32_t khz)
{
	clocks_calc_mult_shift(&c->mult, &c->shift, khz, NSEC_PER_MSEC, 0);
}

uint64_t cycles_to_ns(uint64_t cycles, uint32_t khz)
{
	return div128_u64_sat((unsigned __int128)cycles * NSEC_PER_MSEC, khz);
}

uint64_t ns_to_cycles(uint64_t ns, uint32_t khz)
{
	unsigned __int128 c = (unsigned __int128)ns * khz;

	return div128_u64_sat(c + NSEC_PER_MSEC - 1, NSEC_PER_MSEC);
}

uint64_t rate_hz(uint64_t counts, uint64_t ref_ticks, uint64_t ref_hz)
{
	unsigned __int128 r = (unsigned __int128)counts * ref_hz;

	return div128_u64_sat(r + ref_ticks / 2, ref_ticks);
}

/* Insertion sort: calibration keeps a handful of windows. */
uint64_t median_u64(uint64_t *v, unsigned int n)
{
	unsigned int i, j;

	for (i = 1; i < n; i++) {
		uint64_t x = v[i];

		for (j = i; j > 0 && v[j - 1] > x; j--)
			v[j] = v[j - 1];
		v[j] = x;
	}
	return v[(n - 1) / 2];
}

bool rates_agree(uint64_t a, uint64_t b, uint32_t ppm)
{
	uint64_t diff = a > b ? a - b : b - a;

	return (unsigned __int128)diff * 1000000 <=
	       (unsigned __int128)b * ppm;
}

uint32_t cpuid15_tsc_khz(uint32_t eax, uint32_t ebx, uint32_t ecx)
{
	uint64_t khz;

	if (!eax || !ebx || !ecx)
		return 0;
	khz = (uint64_t)ecx * ebx / eax / 1000;
	return khz > UINT32_MAX ? 0 : (uint32_t)khz;
}
