/*
 * raise() as glibc and musl have it: tkill to the calling thread (POSIX's
 * pthread_kill(pthread_self(), sig)), so a handler sees SI_TKILL. This
 * object replaces newlib's signal/raise.c, which kill()s the process.
 */
#include <reent.h>
#include <signal.h>
#include "syscall.h"

int raise(int sig)
{
	return SYSCALL2(SYS_tkill, __sc0(SYS_gettid), sig);
}

int _raise_r(struct _reent *reent, int sig)
{
	(void)reent;
	return raise(sig);
}
