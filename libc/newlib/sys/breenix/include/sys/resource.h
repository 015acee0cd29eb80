/*
 * getrlimit(2), setrlimit(2) and getrusage(2): the numbers and struct
 * rusage of kernel/include/uapi/linux/resource.h; rlim_t is 64-bit, as
 * the kernel's struct rlimit.
 */
#ifndef _SYS_RESOURCE_H_
#define _SYS_RESOURCE_H_

#include <sys/types.h>
#include <sys/_timeval.h>
#include <linux/resource.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef unsigned long rlim_t;

struct rlimit {
	rlim_t rlim_cur;
	rlim_t rlim_max;
};

#define RLIM_SAVED_CUR	RLIM_INFINITY
#define RLIM_SAVED_MAX	RLIM_INFINITY

/* getpriority(2)'s which (Linux's uapi/linux/resource.h). */
#define PRIO_PROCESS	0
#define PRIO_PGRP	1
#define PRIO_USER	2

int getrlimit(int, struct rlimit *);
int setrlimit(int, const struct rlimit *);
int getrusage(int, struct rusage *);

#ifdef __cplusplus
}
#endif

#endif
