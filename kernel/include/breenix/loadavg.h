/*
 * The load average: exponentially damped averages of the number of
 * runnable tasks over 1, 5 and 15 minutes, in Linux's fixed point
 * (include/linux/sched/loadavg.h), for sysinfo and /proc/loadavg.
 */
#ifndef BREENIX_LOADAVG_H
#define BREENIX_LOADAVG_H

#define FSHIFT		11		/* bits of fraction */
#define FIXED_1		(1UL << FSHIFT)

/* avenrun[0..2] scaled to 2^(FSHIFT + @shift) per task, plus @offset. */
void get_avenrun(unsigned long loads[3], unsigned long offset, int shift);

#endif
