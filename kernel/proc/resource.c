/*
 * Resource limits: the defaults PID 1 inherits (Linux's, from
 * include/asm-generic/resource.h) and the lookup the rest of the kernel
 * enforces them with.
 */
#include <breenix/process.h>
#include <breenix/signal_struct.h>
#include <breenix/task.h>

#define INF	{ RLIM_INFINITY, RLIM_INFINITY }

const struct rlimit64 init_rlimits[RLIM_NLIMITS] = {
	[RLIMIT_CPU] = INF,
	[RLIMIT_FSIZE] = INF,
	[RLIMIT_DATA] = INF,
	[RLIMIT_STACK] = { 8 << 20, RLIM_INFINITY },
	[RLIMIT_CORE] = { 0, RLIM_INFINITY },
	[RLIMIT_RSS] = INF,
	[RLIMIT_NPROC] = { 4096, 4096 },
	[RLIMIT_NOFILE] = { 1024, 4096 },
	[RLIMIT_MEMLOCK] = { 8 << 20, 8 << 20 },
	[RLIMIT_AS] = INF,
	[RLIMIT_LOCKS] = INF,
	[RLIMIT_SIGPENDING] = { 4096, 4096 },
	[RLIMIT_MSGQUEUE] = { 819200, 819200 },
	[RLIMIT_NICE] = { 0, 0 },
	[RLIMIT_RTPRIO] = { 0, 0 },
	[RLIMIT_RTTIME] = INF,
};

uint64_t rlimit(unsigned int resource)
{
	const struct signal_struct *sig = current->signal;

	if (resource >= RLIM_NLIMITS)
		return RLIM_INFINITY;
	return sig ? __atomic_load_n(&sig->rlim[resource].rlim_cur, __ATOMIC_RELAXED) :
		     init_rlimits[resource].rlim_cur;
}
