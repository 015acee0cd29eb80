/*
 * Wait-status encoding and the argument checks of wait4/waitid, as Linux
 * does them (kernel/exit.c); pure, host-tested in tests/unit/proc.
 */
#include <stdint.h>
#include <breenix/errno.h>
#include <breenix/wait_status.h>
#include <uapi/linux/signal.h>
#include <uapi/linux/wait.h>

void wstatus_to_sigchld(int status, int *si_code, int *value)
{
	if (status == WSTATUS_CONTINUED) {
		*si_code = CLD_CONTINUED;
		*value = SIGCONT;
	} else if ((status & 0xff) == 0x7f) {
		*si_code = CLD_STOPPED;
		*value = (status >> 8) & 0xff;
	} else if ((status & 0x7f) == 0) {
		*si_code = CLD_EXITED;
		*value = (status >> 8) & 0xff;
	} else {
		*si_code = (status & 0x80) ? CLD_DUMPED : CLD_KILLED;
		*value = status & 0x7f;
	}
}

int wait4_check_options(unsigned int options)
{
	if (options & ~(unsigned int)(WNOHANG | WUNTRACED | WCONTINUED |
				      __WNOTHREAD | __WCLONE | __WALL))
		return -EINVAL;
	return 0;
}

int waitid_check_options(unsigned int options)
{
	if (options & ~(unsigned int)(WNOHANG | WNOWAIT | WEXITED | WSTOPPED |
				      WCONTINUED | __WNOTHREAD | __WCLONE |
				      __WALL))
		return -EINVAL;
	if (!(options & (WEXITED | WSTOPPED | WCONTINUED)))
		return -EINVAL;
	return 0;
}

int wait4_pid_to_idtype(int upid, int *idtype, int *id)
{
	if (upid == INT32_MIN)
		return -ESRCH;
	*id = 0;
	if (upid == -1) {
		*idtype = P_ALL;
	} else if (upid < 0) {
		*idtype = P_PGID;
		*id = -upid;
	} else if (upid == 0) {
		*idtype = P_PGID;
	} else {
		*idtype = P_PID;
		*id = upid;
	}
	return 0;
}

int waitid_check_idtype(int idtype, int id)
{
	switch (idtype) {
	case P_ALL:
		return 0;
	case P_PID:
		return id > 0 ? 0 : -EINVAL;
	case P_PGID:
	case P_PIDFD:
		return id >= 0 ? 0 : -EINVAL;
	default:
		return -EINVAL;
	}
}
