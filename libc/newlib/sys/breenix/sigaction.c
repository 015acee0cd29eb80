/*
 * Signals through the kernel's rt_sigaction, rt_sigprocmask and friends
 * (newlib's in-process emulation, libc/signal/signal.c, is compiled out by
 * SIGNAL_PROVIDED; raise.c replaces its raise): handlers, masks, waiting
 * for and queueing signals. The sigset functions work on the
 * 64-bit mask of signals 1..64.
 */
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include "syscall.h"

/* The kernel's struct sigaction for x86_64 (Linux's kernel_sigaction). */
struct k_sigaction {
	void *handler;
	unsigned long flags;
	void (*restorer)(void);
	unsigned long mask;
};

/* Where a handler returns to: the rt_sigreturn system call. */
void __restore_rt(void);
__asm__(".text\n"
	".type __restore_rt, @function\n"
	"__restore_rt:\n"
	"	movq $15, %rax\n"		/* SYS_rt_sigreturn */

	"	syscall\n"
	".size __restore_rt, . - __restore_rt\n");

int sigaction(int sig, const struct sigaction *act, struct sigaction *oldact)
{
	struct k_sigaction kact, kold;
	long r;

	if (act) {
		kact.handler = (void *)act->sa_handler;
		kact.flags = (unsigned long)act->sa_flags | SA_RESTORER;
		kact.restorer = __restore_rt;
		kact.mask = act->sa_mask;
	}
	r = __sc4(SYS_rt_sigaction, sig, act ? &kact : NULL, oldact ? &kold : NULL,
		  sizeof(kact.mask));
	if (r < 0)
		return __syscall_ret(r);
	if (oldact) {
		oldact->sa_handler = (_sig_func_ptr)kold.handler;
		oldact->sa_flags = (int)kold.flags;
		oldact->sa_restorer = kold.restorer;
		oldact->sa_mask = kold.mask;
	}
	return 0;
}

/* signal(2) with BSD semantics (glibc's): the handler stays, calls restart. */
_sig_func_ptr signal(int sig, _sig_func_ptr handler)
{
	struct sigaction act = { 0 }, old;

	act.sa_handler = handler;
	act.sa_flags = SA_RESTART;
	if (sigaction(sig, &act, &old) < 0)
		return SIG_ERR;
	return old.sa_handler;
}

int sigprocmask(int how, const sigset_t *set, sigset_t *oldset)
{
	return SYSCALL4(SYS_rt_sigprocmask, how, set, oldset, sizeof(sigset_t));
}

int pthread_sigmask(int how, const sigset_t *set, sigset_t *oldset)
{
	long r = __sc4(SYS_rt_sigprocmask, how, set, oldset, sizeof(sigset_t));

	return r < 0 ? (int)-r : 0;
}

int sigsuspend(const sigset_t *mask)
{
	return SYSCALL2(SYS_rt_sigsuspend, mask, sizeof(sigset_t));
}

int sigpending(sigset_t *set)
{
	return SYSCALL2(SYS_rt_sigpending, set, sizeof(sigset_t));
}

int sigaltstack(const stack_t *ss, stack_t *old)
{
	return SYSCALL2(SYS_sigaltstack, ss, old);
}

int kill(pid_t pid, int sig)
{
	return SYSCALL2(SYS_kill, pid, sig);
}

int killpg(pid_t pgrp, int sig)
{
	if (pgrp < 0) {
		errno = EINVAL;
		return -1;
	}
	return kill(-pgrp, sig);
}

unsigned int alarm(unsigned int seconds)
{
	long r = __sc1(SYS_alarm, seconds);

	return r < 0 ? 0 : (unsigned int)r;
}

int pause(void)
{
	return SYSCALL0(SYS_pause);
}

int siginterrupt(int sig, int flag)
{
	struct sigaction act = { 0 };

	if (sigaction(sig, NULL, &act) < 0)
		return -1;
	if (flag)
		act.sa_flags &= ~SA_RESTART;
	else
		act.sa_flags |= SA_RESTART;
	return sigaction(sig, &act, NULL);
}

/* POSIX lets it fail with EINTR when a caught signal interrupts it. */
int sigtimedwait(const sigset_t *set, siginfo_t *info, const struct timespec *timeout)
{
	return SYSCALL4(SYS_rt_sigtimedwait, set, info, timeout, sizeof(sigset_t));
}

int sigwaitinfo(const sigset_t *set, siginfo_t *info)
{
	return sigtimedwait(set, info, NULL);
}

/* An error number, not -1; a caught signal's EINTR is not one of them. */
int sigwait(const sigset_t *set, int *sig)
{
	long r;

	do
		r = __sc4(SYS_rt_sigtimedwait, set, NULL, NULL, sizeof(sigset_t));
	while (r == -EINTR);
	if (r < 0)
		return (int)-r;
	*sig = (int)r;
	return 0;
}

/* The siginfo Linux's libcs send: SI_QUEUE, the sender and the value. */
int sigqueue(pid_t pid, int sig, const union sigval value)
{
	siginfo_t si;

	memset(&si, 0, sizeof(si));
	si.si_signo = sig;
	si.si_code = SI_QUEUE;
	si.si_pid = getpid();
	si.si_uid = getuid();
	si.si_value = value;
	return SYSCALL3(SYS_rt_sigqueueinfo, pid, sig, &si);
}

static int bad_signal(int sig)
{
	if (sig < 1 || sig > _NSIG) {
		errno = EINVAL;
		return 1;
	}
	return 0;
}

int sigemptyset(sigset_t *set)
{
	*set = 0;
	return 0;
}

int sigfillset(sigset_t *set)
{
	*set = ~0UL;
	return 0;
}

int sigaddset(sigset_t *set, int sig)
{
	if (bad_signal(sig))
		return -1;
	*set |= 1UL << (sig - 1);
	return 0;
}

int sigdelset(sigset_t *set, int sig)
{
	if (bad_signal(sig))
		return -1;
	*set &= ~(1UL << (sig - 1));
	return 0;
}

int sigismember(const sigset_t *set, int sig)
{
	if (bad_signal(sig))
		return -1;
	return (*set >> (sig - 1)) & 1;
}

int _kill(int, int) __attribute__((alias("kill")));
