/*
 * Bringing time up at boot: the TSC and the local APIC timer calibrated
 * against the PIT, the TSC as the clock, the HZ tick on the LAPIC timer (the
 * PIT where there is none), and the wall clock from the RTC.
 */
#include <stdio.h>
#include <breenix/calendar.h>
#include <breenix/errno.h>
#include <breenix/panic.h>
#include <breenix/printk.h>
#include <breenix/time.h>
#include <breenix/timekeeping.h>
#include <asm/apic_timer.h>
#include <asm/pit.h>
#include <asm/tsc.h>

/* The tick device: the LAPIC timer if it measured well, else PIT channel 0. */
static const char *tick_start(bool lapic, uint64_t lapic_hz)
{
	int err;

	if (lapic) {
		err = lapic_hz ? apic_timer_start(lapic_hz, HZ, &tick_nsec) :
				 -EIO;
		if (!err) {
			pit_tick_stop();
			pr_info("apic-timer: %llu kHz, periodic on vector 0xef\n",
				(unsigned long long)(lapic_hz / 1000));
			return "LAPIC timer";
		}
		apic_timer_stop();
		pr_warn("apic-timer: unusable (error %d): the PIT drives the tick\n",
			err);
	}
	err = pit_tick_start(HZ, &tick_nsec);
	if (err)
		panic("time: no tick: IRQ 0 for the PIT: error %d", err);
	return "PIT";
}

static void format_wallclock(char *buf, size_t size)
{
	struct cal_time t;
	int64_t secs;
	int err = timekeeping_read_persistent_clock(&secs);

	if (err) {
		pr_warn("time: no wall clock from the RTC (error %d): it starts at 1970\n",
			err);
		snprintf(buf, size, "unavailable");
		return;
	}
	time64_to_cal(secs, &t);
	snprintf(buf, size, "%04d-%02d-%02d %02d:%02d:%02d UTC", t.year, t.mon,
		 t.mday, t.hour, t.min, t.sec);
}

void time_init(void)
{
	bool lapic = apic_timer_calibration_start();
	struct tsc_calibration cal;
	const char *tick;
	char wall[32];

	if (tsc_init(lapic ? apic_timer_count : NULL, &cal))
		panic("time: cannot measure the TSC: PIT channel 2 gave no usable window and CPUID no rate");
	tick = tick_start(lapic, cal.aux_hz);
	format_wallclock(wall, sizeof(wall));
	pr_info("time: TSC %u.%u MHz (%s), %s %u Hz (tick %llu ns), RTC %s\n",
		tsc_khz / 1000, tsc_khz % 1000 / 100, cal.source, tick, HZ,
		(unsigned long long)tick_nsec, wall);
}
