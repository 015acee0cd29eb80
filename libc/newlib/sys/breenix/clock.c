/* Clocks and sleeping over Linux's clock_* calls, nanosleep and get/settimeofday. */
#include <errno.h>
#include <sys/time.h>
#include <time.h>
#include "syscall.h"

int clock_gettime(clockid_t clock, struct timespec *ts)
{
	return SYSCALL2(SYS_clock_gettime, clock, ts);
}

int clock_settime(clockid_t clock, const struct timespec *ts)
{
	return SYSCALL2(SYS_clock_settime, clock, ts);
}

int clock_getres(clockid_t clock, struct timespec *ts)
{
	return SYSCALL2(SYS_clock_getres, clock, ts);
}

/* POSIX: the error number is returned, errno left alone. */
int clock_nanosleep(clockid_t clock, int flags, const struct timespec *req, struct timespec *rem)
{
	return (int)-__sc4(SYS_clock_nanosleep, clock, flags, req, rem);
}

int nanosleep(const struct timespec *req, struct timespec *rem)
{
	return SYSCALL2(SYS_nanosleep, req, rem);
}

int gettimeofday(struct timeval *tv, void *tz)
{
	return SYSCALL2(SYS_gettimeofday, tv, tz);
}

int settimeofday(const struct timeval *tv, const struct timezone *tz)
{
	return SYSCALL2(SYS_settimeofday, tv, tz);
}

int _gettimeofday(struct timeval *, void *) __attribute__((alias("gettimeofday")));
