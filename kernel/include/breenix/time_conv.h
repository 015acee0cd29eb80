/*
 * Conversions between nanoseconds and the time structures of the ABI, and
 * their validation, free of hardware so host tests cover them.
 */
#ifndef BREENIX_TIME_CONV_H
#define BREENIX_TIME_CONV_H

#include <stdbool.h>
#include <stdint.h>
#include <uapi/linux/time_types.h>

/* times(2) and si_utime count in USER_HZ ticks (Linux's x86 value). */
#define USER_HZ		100

/* tv_sec >= 0 and 0 <= tv_nsec < 10^9 (Linux's timespec64_valid). */
bool timespec_valid(const struct __kernel_timespec *ts);
/* A valid timespec as ns, saturated at INT64_MAX (Linux's KTIME_MAX). */
int64_t timespec_to_ns(const struct __kernel_timespec *ts);
struct __kernel_timespec ns_to_timespec(uint64_t ns);
struct __kernel_old_timeval ns_to_timeval(uint64_t ns);
/* ns as clock_t in USER_HZ ticks. */
long ns_to_clock_t(uint64_t ns);

#endif
