/*
 * <sched.h> as far as Breenix schedules: sched_yield(2) and the clone(2)
 * flags of kernel/include/uapi/linux/sched.h.
 */
#ifndef _SCHED_H_
#define _SCHED_H_

#include <sys/types.h>
#include <sys/sched.h>
#include <linux/sched.h>

#ifdef __cplusplus
extern "C" {
#endif

int sched_yield(void);

#ifdef __cplusplus
}
#endif

#endif
