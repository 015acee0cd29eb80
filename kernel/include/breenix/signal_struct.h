/*
 * What the threads of one process share besides memory, files and signal
 * handlers (Linux's signal_struct): resource limits now; the process's
 * exit status, CPU times of reaped children and job control join it.
 */
#ifndef BREENIX_SIGNAL_STRUCT_H
#define BREENIX_SIGNAL_STRUCT_H

#include <uapi/linux/resource.h>

struct signal_struct {
	int refcount;
	struct rlimit64 rlim[RLIM_NLIMITS];
};

/* The limits kernel threads and PID 1 start with. */
extern const struct rlimit64 init_rlimits[RLIM_NLIMITS];

#endif
