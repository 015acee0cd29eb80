/* times(2)'s structure (Linux's uapi/linux/times.h): USER_HZ ticks. */
#ifndef _UAPI_LINUX_TIMES_H
#define _UAPI_LINUX_TIMES_H

struct tms {
	long tms_utime;
	long tms_stime;
	long tms_cutime;
	long tms_cstime;
};

#endif
