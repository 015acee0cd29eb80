/*
 * wait(2) and friends: the options and idtypes of
 * kernel/include/uapi/linux/wait.h and Linux's status encoding (exit code
 * in bits 8-15; terminating signal in bits 0-6, core dump in bit 7; 0x7f
 * in the low byte for a stop; 0xffff for a continue).
 */
#ifndef _SYS_WAIT_H
#define _SYS_WAIT_H

#include <sys/types.h>
#include <sys/signal.h>
#include <linux/wait.h>

#ifdef __cplusplus
extern "C" {
#endif

#define WEXITSTATUS(s)	(((s) & 0xff00) >> 8)
#define WTERMSIG(s)	((s) & 0x7f)
#define WSTOPSIG(s)	WEXITSTATUS(s)
#define WCOREDUMP(s)	((s) & 0x80)
#define WIFEXITED(s)	(WTERMSIG(s) == 0)
#define WIFSTOPPED(s)	(((s) & 0xff) == 0x7f)
#define WIFSIGNALED(s)	(((s) & 0xffff) - 1U < 0xffu && !WIFSTOPPED(s))
#define WIFCONTINUED(s)	((s) == 0xffff)

typedef enum {
	__P_ALL = P_ALL,
	__P_PID = P_PID,
	__P_PGID = P_PGID,
} idtype_t;

struct rusage;

pid_t wait(int *);
pid_t waitpid(pid_t, int *, int);
pid_t wait3(int *, int, struct rusage *);
pid_t wait4(pid_t, int *, int, struct rusage *);
int waitid(idtype_t, id_t, siginfo_t *, int);

#ifdef _COMPILING_NEWLIB
pid_t _wait(int *);
#endif

#ifdef __cplusplus
}
#endif

#endif
