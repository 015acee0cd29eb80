/*
 * The TSC: its rate measured against PIT channel 2 in short polled windows
 * (Linux's pit_calibrate_tsc, with the median of several), or read from
 * CPUID leaf 0x15 when that agrees; then it backs the monotonic clock and
 * the busy-wait delays.
 */
#include <stdbool.h>
#include <breenix/clockcalc.h>
#include <breenix/delay.h>
#include <breenix/errno.h>
#include <breenix/printk.h>
#include <breenix/timekeeping.h>
#include <asm/cpu.h>
#include <asm/msr.h>
#include <asm/pit.h>
#include <asm/tsc.h>

#define CAL_WINDOW_TICKS	11932	/* 10 ms of the PIT */
#define CAL_WANT		5	/* windows for the median */
#define CAL_MAX_TRIES		15
/*
 * A window whose ends are known to less than 0.05% of its length; longer
 * polls mean an SMI or, under emulation, the host preempting the guest.
 */
#define CAL_MAX_SLACK_PPM	500
/* Far more TSC cycles than a 10 ms window can last at any real rate. */
#define CAL_TIMEOUT_CYCLES	(1ULL << 34)
/* CPUID 0x15 is taken when it is this close to the PIT's answer. */
#define CPUID_AGREE_PPM		2000

#define CPUID_TSC_LEAF		0x15
#define CPUID_EXT_MAX		0x80000000
#define CPUID_EXT_POWER		0x80000007
#define CPUID_INVARIANT_TSC	(1u << 8)	/* EDX: Intel SDM 3B 17.17.1 */

uint32_t tsc_khz;

struct cal_window {
	uint64_t tsc;		/* cycles in the window */
	uint64_t slack;		/* uncertainty at both ends, in cycles */
	uint64_t aux;		/* aux counts in the window; 0 if unusable */
};

/*
 * One window. Its start lies between the TSC reads around the port write
 * that starts the count; its end between the TSC read before the last poll
 * that saw OUT low and the read after the first poll that saw it high. Each
 * is taken at its midpoint, and the aux counter is read inside both pairs.
 */
static int cal_window_run(struct cal_window *w, uint32_t (*aux_read)(void))
{
	uint64_t before, after, prev, t, now;
	uint32_t aux0 = 0, aux1 = 0;

	before = pit_ch2_start(CAL_WINDOW_TICKS);
	if (aux_read)
		aux0 = aux_read();
	after = rdtsc_ordered();
	prev = before;
	for (;;) {
		t = rdtsc_ordered();
		if (pit_ch2_expired())
			break;
		if (t - before > CAL_TIMEOUT_CYCLES)
			return -EIO;
		prev = t;
	}
	if (aux_read)
		aux1 = aux_read();
	now = rdtsc_ordered();
	w->tsc = (prev + (now - prev) / 2) - (before + (after - before) / 2);
	w->slack = (now - prev) / 2 + (after - before) / 2;
	/* A down-counter that ran out or wrapped measured nothing. */
	w->aux = aux1 && aux1 < aux0 ? aux0 - aux1 : 0;
	return 0;
}

static uint32_t spread_ppm(const uint64_t *sorted, unsigned int n,
			   uint64_t median)
{
	uint64_t d = sorted[n - 1] - sorted[0];

	return median ? (uint32_t)(d * 1000000 / median) : 0;
}

/* Whether window a's ends are known more tightly than b's, relatively. */
static bool tighter(const struct cal_window *a, const struct cal_window *b)
{
	return (unsigned __int128)a->slack * b->tsc <
	       (unsigned __int128)b->slack * a->tsc;
}

/*
 * The TSC rate in Hz from the PIT, or 0; fills the window statistics. The
 * median of the windows within the slack bound; if a host so busy left
 * none, the tightest window of all, with a warning.
 */
static uint64_t tsc_pit_calibrate(uint32_t (*aux_read)(void),
				  struct tsc_calibration *cal)
{
	uint64_t tsc_hz[CAL_WANT], aux_hz[CAL_WANT];
	struct cal_window w, best = { .tsc = 1, .slack = UINT64_MAX };
	unsigned int n = 0, naux = 0;
	uint64_t hz;

	while (n < CAL_WANT && cal->tries < CAL_MAX_TRIES) {
		cal->tries++;
		if (cal_window_run(&w, aux_read))
			return 0;
		if (tighter(&w, &best))
			best = w;
		if (w.slack * 1000000 > w.tsc * CAL_MAX_SLACK_PPM)
			continue;
		tsc_hz[n++] = rate_hz(w.tsc, CAL_WINDOW_TICKS, PIT_HZ);
		if (w.aux)
			aux_hz[naux++] = rate_hz(w.aux, CAL_WINDOW_TICKS,
						 PIT_HZ);
	}
	if (!n) {
		pr_warn("tsc: no PIT window within %u ppm; the best is off by up to %llu ppm\n",
			CAL_MAX_SLACK_PPM,
			(unsigned long long)(best.slack * 1000000 / best.tsc));
		tsc_hz[n++] = rate_hz(best.tsc, CAL_WINDOW_TICKS, PIT_HZ);
		if (best.aux)
			aux_hz[naux++] = rate_hz(best.aux, CAL_WINDOW_TICKS,
						 PIT_HZ);
	}
	cal->windows = n;
	hz = median_u64(tsc_hz, n);
	cal->spread_ppm = spread_ppm(tsc_hz, n, hz);
	if (naux)
		cal->aux_hz = median_u64(aux_hz, naux);
	return hz;
}

static uint32_t cpuid_tsc_khz(void)
{
	uint32_t a, b, c, d;

	cpuid(0, &a, &b, &c, &d);
	if (a < CPUID_TSC_LEAF)
		return 0;
	cpuid(CPUID_TSC_LEAF, &a, &b, &c, &d);
	return cpuid15_tsc_khz(a, b, c);
}

static bool cpuid_invariant_tsc(void)
{
	uint32_t a, b, c, d;

	cpuid(CPUID_EXT_MAX, &a, &b, &c, &d);
	if (a < CPUID_EXT_POWER)
		return false;
	cpuid(CPUID_EXT_POWER, &a, &b, &c, &d);
	return d & CPUID_INVARIANT_TSC;
}

static uint64_t tsc_read(void)
{
	return rdtsc_ordered();
}

int tsc_init(uint32_t (*aux_read)(void), struct tsc_calibration *cal)
{
	uint64_t start = rdtsc_ordered(), pit_hz;
	uint32_t cpuid_khz = cpuid_tsc_khz(), khz;

	*cal = (struct tsc_calibration){ .source = "PIT-calibrated" };
	cal->invariant = cpuid_invariant_tsc();
	pit_hz = tsc_pit_calibrate(aux_read, cal);
	khz = (uint32_t)((pit_hz + 500) / 1000);
	if (cpuid_khz && (!khz || rates_agree(cpuid_khz, khz, CPUID_AGREE_PPM))) {
		khz = cpuid_khz;
		cal->source = "CPUID 0x15";
	} else if (cpuid_khz) {
		pr_warn("tsc: CPUID 0x15 says %u kHz, the PIT %u kHz: using the PIT\n",
			cpuid_khz, khz);
	}
	if (!khz)
		return -EIO;
	tsc_khz = khz;
	cal->duration_ns = cycles_to_ns(rdtsc_ordered() - start, khz);
	timekeeping_register_clock(tsc_read, khz);
	pr_info("tsc: %u kHz (%s), %u of %u PIT windows of 10 ms, spread %u ppm, calibrated in %llu ms, %sinvariant (CPUID 0x80000007 EDX[8])\n",
		khz, cal->source, cal->windows, cal->tries, cal->spread_ppm,
		(unsigned long long)(cal->duration_ns / NSEC_PER_MSEC),
		cal->invariant ? "" : "not ");
	return 0;
}

void ndelay(unsigned long ns)
{
	uint32_t khz = tsc_khz;
	uint64_t start, cycles;

	if (!khz) {
		pit_delay_ns(ns);
		return;
	}
	start = rdtsc_ordered();
	cycles = ns_to_cycles(ns, khz);
	while (rdtsc_ordered() - start < cycles)
		cpu_relax();
}

void udelay(unsigned long us)
{
	ndelay(us * NSEC_PER_USEC);
}

void mdelay(unsigned long ms)
{
	ndelay(ms * NSEC_PER_MSEC);
}
