/*
 * siglongjmp: the mask sigsetjmp saved (if it did) back through
 * rt_sigprocmask, then longjmp; _longjmp, which leaves the mask alone.
 * sigsetjmp.S writes the sigjmp_buf at the offsets checked here.
 */
#include <setjmp.h>
#include <signal.h>
#include <stddef.h>
#include "syscall.h"

_Static_assert(offsetof(struct { jmp_buf a; int b; __sigset_t c; }, b) == 64 &&
	       sizeof(sigjmp_buf) == 80, "sigsetjmp.S's offsets");

void siglongjmp(sigjmp_buf env, int val)
{
	if (env->__savemask)
		__sc4(SYS_rt_sigprocmask, SIG_SETMASK, &env->__mask, NULL, sizeof(sigset_t));
	longjmp(env->__jb, val);
}

void _longjmp(jmp_buf env, int val)
{
	longjmp(env, val);
}
