/*
 * The interval timers (getitimer(2), setitimer(2)): ITIMER_REAL's SIGALRM,
 * ITIMER_VIRTUAL's SIGVTALRM and ITIMER_PROF's SIGPROF, straight from the
 * kernel; struct itimerval is Linux's (two struct timeval of 64-bit fields).
 */
#include <sys/time.h>
#include "syscall.h"

int getitimer(int which, struct itimerval *value)
{
	return SYSCALL2(SYS_getitimer, which, value);
}

int setitimer(int which, const struct itimerval *value, struct itimerval *old)
{
	return SYSCALL3(SYS_setitimer, which, value, old);
}
