/*
 * The monotonic clock and the wall clock. Monotonic time is the clock
 * source's counter since registration scaled to ns (mult/shift with a
 * 128-bit product, as Linux's cyc2ns); the wall clock adds an offset that
 * the RTC sets at boot and settimeofday later.
 */
#include <breenix/clockcalc.h>
#include <breenix/errno.h>
#include <breenix/spinlock.h>
#include <breenix/time.h>
#include <breenix/timekeeping.h>

static struct {
	uint64_t (*read)(void);
	struct cyc2ns scale;
	uint64_t base;
} tk_clock;

/* Wall clock minus monotonic clock, in ns; readers load it atomically. */
static uint64_t tk_real_offset;
static spinlock_t tk_lock = SPINLOCK_INIT;
static const struct persistent_clock *tk_persistent;

void timekeeping_register_clock(uint64_t (*read)(void), uint32_t khz)
{
	cyc2ns_init(&tk_clock.scale, khz);
	tk_clock.base = read();
	/* Readers test read: publish it after the scale and base. */
	__atomic_store_n(&tk_clock.read, read, __ATOMIC_RELEASE);
}

uint64_t ktime_get_ns(void)
{
	uint64_t (*read)(void) = __atomic_load_n(&tk_clock.read,
						 __ATOMIC_ACQUIRE);

	if (!read)
		return 0;
	return cyc2ns(&tk_clock.scale, read() - tk_clock.base);
}

uint64_t ktime_get_real_ns(void)
{
	return ktime_get_ns() + __atomic_load_n(&tk_real_offset,
						__ATOMIC_RELAXED);
}

void ktime_set_real_ns(uint64_t ns)
{
	unsigned long flags = spin_lock_irqsave(&tk_lock);

	/* Modulo 2^64: monotonic + offset gives back ns. */
	__atomic_store_n(&tk_real_offset, ns - ktime_get_ns(),
			 __ATOMIC_RELAXED);
	spin_unlock_irqrestore(&tk_lock, flags);
}

void persistent_clock_register(const struct persistent_clock *pc)
{
	tk_persistent = pc;
}

int timekeeping_read_persistent_clock(int64_t *secs)
{
	int err;

	if (!tk_persistent)
		return -ENODEV;
	err = tk_persistent->read(secs);
	if (err)
		return err;
	/* The wall clock is unsigned ns since 1970: 1970 to 2554. */
	if (*secs < 0 || (uint64_t)*secs > UINT64_MAX / NSEC_PER_SEC)
		return -ERANGE;
	ktime_set_real_ns((uint64_t)*secs * NSEC_PER_SEC);
	return 0;
}
