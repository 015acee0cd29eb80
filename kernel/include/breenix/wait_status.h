/*
 * The arithmetic of wait4 and waitid, free of tasks so host tests cover it:
 * the wait-status encoding, its waitid form (si_code, si_status), the
 * option checks and the meaning of wait4's pid argument, as Linux has them
 * (kernel/exit.c).
 */
#ifndef BREENIX_WAIT_STATUS_H
#define BREENIX_WAIT_STATUS_H

#include <stdint.h>

/* The status of a process that called exit(@code): (code & 0xff) << 8. */
static inline int wstatus_exited(int code)
{
	return (code & 0xff) << 8;
}

/* The status of a process killed by @sig, with a core dump if @core. */
static inline int wstatus_signaled(int sig, int core)
{
	return (sig & 0x7f) | (core ? 0x80 : 0);
}

/* The status of a process stopped by @sig (WIFSTOPPED), and of one continued. */
static inline int wstatus_stopped(int sig)
{
	return (sig & 0xff) << 8 | 0x7f;
}

#define WSTATUS_CONTINUED	0xffff

/* waitid's view of a status: CLD_EXITED/KILLED/DUMPED/STOPPED/CONTINUED and
 * the value (exit code or signal). */
void wstatus_to_sigchld(int status, int *si_code, int *value);

/* wait4's options: 0 or -EINVAL. */
int wait4_check_options(unsigned int options);
/* waitid's options: 0 or -EINVAL (one of WEXITED/WSTOPPED/WCONTINUED needed). */
int waitid_check_options(unsigned int options);

/*
 * wait4's pid as waitid's (idtype, id): -1 any child (P_ALL), < -1 the
 * group -pid, 0 the caller's group (*id 0 then), > 0 that child.
 * -ESRCH for INT_MIN, which has no negation.
 */
int wait4_pid_to_idtype(int upid, int *idtype, int *id);

/*
 * waitid's (idtype, id) checked: 0, or -EINVAL for a bad type or id.
 * P_PGID with id 0 means the caller's group, as in Linux 5.4 and later.
 */
int waitid_check_idtype(int idtype, int id);

#endif
