/*
 * Time-structure conversions for the time and resource syscalls; pure,
 * host-tested in tests/unit/proc.
 */
#include <breenix/time_conv.h>

#define NS_PER_SEC	1000000000LL

bool timespec_valid(const struct __kernel_timespec *ts)
{
	return ts->tv_sec >= 0 && ts->tv_nsec >= 0 && ts->tv_nsec < NS_PER_SEC;
}

int64_t timespec_to_ns(const struct __kernel_timespec *ts)
{
	if (ts->tv_sec >= (INT64_MAX - ts->tv_nsec) / NS_PER_SEC)
		return INT64_MAX;
	return ts->tv_sec * NS_PER_SEC + ts->tv_nsec;
}

struct __kernel_timespec ns_to_timespec(uint64_t ns)
{
	struct __kernel_timespec ts = {
		.tv_sec = (long long)(ns / NS_PER_SEC),
		.tv_nsec = (long long)(ns % NS_PER_SEC),
	};

	return ts;
}

struct __kernel_old_timeval ns_to_timeval(uint64_t ns)
{
	struct __kernel_old_timeval tv = {
		.tv_sec = (long)(ns / NS_PER_SEC),
		.tv_usec = (long)(ns % NS_PER_SEC / 1000),
	};

	return tv;
}

long ns_to_clock_t(uint64_t ns)
{
	return (long)(ns / (NS_PER_SEC / USER_HZ));
}
