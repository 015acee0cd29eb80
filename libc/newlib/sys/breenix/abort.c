/*
 * abort() as POSIX has it: SIGABRT through the kernel, and if a handler
 * returned from it, or it was blocked or ignored, death by SIGABRT all the
 * same (its default action), never a plain exit. This object replaces
 * newlib's stdlib/abort.c, which raises once and then calls _exit(1).
 */
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>

void abort(void)
{
	struct sigaction dfl = { .sa_handler = SIG_DFL };
	sigset_t set;

	raise(SIGABRT);
	/* Still here: no handler may run between the reset and the death. */
	sigfillset(&set);
	sigprocmask(SIG_BLOCK, &set, NULL);
	sigaction(SIGABRT, &dfl, NULL);
	raise(SIGABRT);
	sigemptyset(&set);
	sigaddset(&set, SIGABRT);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	_exit(127);
}
