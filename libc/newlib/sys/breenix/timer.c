/*
 * POSIX per-process timers over Linux's timer_* calls: timer_t holds the
 * kernel's timer id. SIGEV_THREAD, which glibc and musl run on a helper
 * thread of their own, needs threads newlib does not have here: ENOTSUP.
 */
#include <errno.h>
#include <signal.h>
#include <time.h>
#include "syscall.h"

int timer_create(clockid_t clock, struct sigevent *__restrict evp, timer_t *__restrict timerid)
{
	int id;

	if (evp && evp->sigev_notify == SIGEV_THREAD) {
		errno = ENOTSUP;
		return -1;
	}
	if (SYSCALL3(SYS_timer_create, clock, evp, &id))
		return -1;
	*timerid = (timer_t)id;
	return 0;
}

int timer_settime(timer_t timerid, int flags, const struct itimerspec *__restrict value,
		  struct itimerspec *__restrict ovalue)
{
	return SYSCALL4(SYS_timer_settime, (int)timerid, flags, value, ovalue);
}

int timer_gettime(timer_t timerid, struct itimerspec *value)
{
	return SYSCALL2(SYS_timer_gettime, (int)timerid, value);
}

int timer_getoverrun(timer_t timerid)
{
	return SYSCALL1(SYS_timer_getoverrun, (int)timerid);
}

int timer_delete(timer_t timerid)
{
	return SYSCALL1(SYS_timer_delete, (int)timerid);
}
