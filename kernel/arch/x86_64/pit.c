/*
 * The Intel 8254 PIT: channel 0 as the periodic tick on IRQ 0 where there is
 * no local APIC timer, and channel 2, gated by port 0x61 and polled, as the
 * reference interval for calibration and for delays before the TSC is known.
 */
#include <stddef.h>
#include <breenix/clockcalc.h>
#include <breenix/irq.h>
#include <breenix/spinlock.h>
#include <breenix/timekeeping.h>
#include <asm/cpu.h>
#include <asm/io.h>
#include <asm/pit.h>
#include <asm/tsc.h>

#define PIT_CH0		0x40
#define PIT_CH2		0x42
#define PIT_MODE	0x43
#define PORT_B		0x61	/* PC system control port B (NMI_SC) */

/* Intel 8254 datasheet, control word: SC1-0 | RW1-0 | M2-0 | BCD. */
#define PIT_SEL_CH0	(0 << 6)
#define PIT_SEL_CH2	(2 << 6)
/* Read-Back: latch count (bit 5 clear) and status (bit 4 clear) of ch 2. */
#define PIT_READ_BACK_CH2	0xc8
#define PIT_STATUS_OUT		0x80	/* status byte bit 7: OUT pin */
#define PIT_RW_LOHI	(3 << 4)
#define PIT_MODE_0	(0 << 1)	/* interrupt on terminal count */
#define PIT_MODE_2	(2 << 1)	/* rate generator */

#define PORT_B_CH2_GATE	0x01	/* bit 0: channel 2 gate */
#define PORT_B_SPEAKER	0x02	/* bit 1: speaker data enable */
#define PORT_B_CH2_OUT	0x20	/* bit 5: channel 2 OUT, read only */

/* Port 0x43 commands come in sequences that must not interleave. */
static spinlock_t pit_lock = SPINLOCK_INIT;

static void pit_interrupt(unsigned int irq, void *data)
{
	(void)irq;
	(void)data;
	tick_handle();
}

int pit_tick_start(unsigned int hz, uint64_t *tick_ns)
{
	uint32_t divisor = (uint32_t)((PIT_HZ + hz / 2) / hz);
	unsigned long flags;
	int err;

	/* Counts run 1-65536; 65536 is written as 0 (8254 datasheet). */
	if (divisor < 1)
		divisor = 1;
	if (divisor > 65536)
		divisor = 65536;
	err = irq_register(PIT_IRQ, pit_interrupt, NULL);
	if (err)
		return err;
	flags = spin_lock_irqsave(&pit_lock);
	/* Port 0x43, then 0x40 twice: mode 2, divisor low byte then high. */
	outb(PIT_MODE, PIT_SEL_CH0 | PIT_RW_LOHI | PIT_MODE_2);
	outb(PIT_CH0, divisor & 0xff);
	outb(PIT_CH0, (divisor >> 8) & 0xff);
	spin_unlock_irqrestore(&pit_lock, flags);
	*tick_ns = (divisor * NSEC_PER_SEC + PIT_HZ / 2) / PIT_HZ;
	return 0;
}

void pit_tick_stop(void)
{
	unsigned long flags = spin_lock_irqsave(&pit_lock);

	/*
	 * Port 0x43: mode 0 without a count. The 8254 drives OUT low after a
	 * control word and counts nothing until a count is written, so IRQ 0
	 * sees no more edges (as Linux's pit_shutdown).
	 */
	outb(PIT_MODE, PIT_SEL_CH0 | PIT_RW_LOHI | PIT_MODE_0);
	spin_unlock_irqrestore(&pit_lock, flags);
}

uint64_t pit_ch2_start(uint16_t ticks)
{
	unsigned long flags = spin_lock_irqsave(&pit_lock);
	uint64_t before;

	/* Port 0x61: gate channel 2 on, keep the speaker off. */
	outb(PORT_B, (inb(PORT_B) & ~PORT_B_SPEAKER) | PORT_B_CH2_GATE);
	/* Port 0x43 then 0x42: mode 0, count low byte. */
	outb(PIT_MODE, PIT_SEL_CH2 | PIT_RW_LOHI | PIT_MODE_0);
	outb(PIT_CH2, ticks & 0xff);
	before = rdtsc_ordered();
	/* Port 0x42: the high byte; counting starts with it. */
	outb(PIT_CH2, ticks >> 8);
	spin_unlock_irqrestore(&pit_lock, flags);
	return before;
}

bool pit_ch2_expired(void)
{
	/* Port 0x61 read: bit 5 follows channel 2's OUT pin. */
	return inb(PORT_B) & PORT_B_CH2_OUT;
}

uint32_t pit_ch2_elapsed(void)
{
	unsigned long flags = spin_lock_irqsave(&pit_lock);
	uint8_t status, lo, hi;
	uint16_t left;

	/* Port 0x43: Read-Back; then 0x42 gives status, count low, high. */
	outb(PIT_MODE, PIT_READ_BACK_CH2);
	status = inb(PIT_CH2);
	lo = inb(PIT_CH2);
	hi = inb(PIT_CH2);
	spin_unlock_irqrestore(&pit_lock, flags);
	left = (uint16_t)(hi << 8 | lo);
	if (!(status & PIT_STATUS_OUT))
		return 0xffffu - left;
	return 0xffffu + (uint16_t)(0x10000u - left);
}

/*
 * A round lasts at most 55 ms; a TSC of any real rate counts fewer than 2^32
 * cycles in it, so a channel 2 that never expires (PCH with the 8254 clock
 * gated) costs a bounded wait instead of a hang.
 */
#define PIT_ROUND_TSC_BUDGET	(1ULL << 32)

void pit_delay_ns(uint64_t ns)
{
	unsigned __int128 t = (unsigned __int128)ns * PIT_HZ;
	uint64_t ticks = div128_u64_sat(t + NSEC_PER_SEC - 1, NSEC_PER_SEC);
	uint64_t start;

	/* Mode 0 reaches OUT high after count ticks; 0xffff per round. */
	while (ticks) {
		uint16_t n = ticks > 0xffff ? 0xffff : (uint16_t)ticks;

		start = pit_ch2_start(n);
		while (!pit_ch2_expired() &&
		       rdtsc() - start < PIT_ROUND_TSC_BUDGET)
			cpu_relax();
		ticks -= n;
	}
}
