/*
 * The run-time invariant limits of <limits.h>, with Linux's values
 * (include/uapi/linux/limits.h); the ones that vary (CHILD_MAX, OPEN_MAX)
 * are left to sysconf(), as POSIX allows.
 */
#ifndef _SYS_SYSLIMITS_H_
#define _SYS_SYSLIMITS_H_

#define ARG_MAX		131072
#define LINK_MAX	127
#define MAX_CANON	255
#define MAX_INPUT	255
#define NAME_MAX	255
#define NGROUPS_MAX	65536
#define PATH_MAX	4096
#define PIPE_BUF	4096
#define IOV_MAX		1024
#define BC_BASE_MAX	99
#define BC_DIM_MAX	2048
#define BC_SCALE_MAX	99
#define BC_STRING_MAX	1000
#define COLL_WEIGHTS_MAX 0
#define EXPR_NEST_MAX	32
#define LINE_MAX	2048
#define RE_DUP_MAX	255
#define HOST_NAME_MAX	64
#define LOGIN_NAME_MAX	256
#define TTY_NAME_MAX	32
#define SYMLOOP_MAX	40
#define SSIZE_MAX	__LONG_MAX__
/* The overrun count timer_getoverrun caps at, as Linux (INT_MAX). */
#define DELAYTIMER_MAX	__INT_MAX__

#endif
