/* The time structures of the system-call ABI, as Linux's uapi/linux/time_types.h names them. */
#ifndef _UAPI_LINUX_TIME_TYPES_H
#define _UAPI_LINUX_TIME_TYPES_H

/* clock_gettime, nanosleep, ...: two 64-bit words on x86_64. */
struct __kernel_timespec {
	long long tv_sec;
	long long tv_nsec;
};

/* timer_settime and timer_gettime: the period, then the time left. */
struct __kernel_itimerspec {
	struct __kernel_timespec it_interval;
	struct __kernel_timespec it_value;
};

/* gettimeofday and struct rusage: two longs. */
struct __kernel_old_timeval {
	long tv_sec;
	long tv_usec;
};

/* gettimeofday's second argument, obsolete: Linux fills it from sys_tz. */
struct __kernel_timezone {
	int tz_minuteswest;
	int tz_dsttime;
};

#endif
