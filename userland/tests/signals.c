/*
 * POSIX signals as Linux delivers them: handlers with their siginfo, masks
 * and pending sets, SA_RESTART against EINTR, sleeps that report the time
 * left, the alternate stack, faults caught and left by siglongjmp, SIGCHLD
 * and the zombie rules, stop and continue, real-time order, and a tampered
 * sigreturn frame that kills only its process. Runs on Linux and Breenix.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <ucontext.h>
#include <unistd.h>

#include "sigtest.h"
#include "tap.h"

static volatile sig_atomic_t hits;
static siginfo_t last;
static sigjmp_buf jb;

static void on_info(int sig, siginfo_t *si, void *uc)
{
	(void)sig, (void)uc;
	last = *si;
	hits++;
}

static void dfl(int sig)
{
	signal(sig, SIG_DFL);
}

static void test_siginfo(void)
{
	union sigval v = { .sival_int = 42 };

	sig_handle(SIGUSR1, on_info, 0);
	hits = 0;
	kill(getpid(), SIGUSR1);
	check(hits == 1 && last.si_signo == SIGUSR1 && last.si_code == SI_USER &&
	      last.si_pid == getpid() && last.si_uid == getuid(),
	      "kill: handler with SI_USER, pid, uid", "hits %d code %d pid %d",
	      hits, last.si_code, last.si_pid);
	sigqueue(getpid(), SIGUSR1, v);
	check(hits == 2 && last.si_code == SI_QUEUE && last.si_value.sival_int == 42,
	      "sigqueue: SI_QUEUE and si_value", "code %d value %d",
	      last.si_code, last.si_value.sival_int);
	syscall(SYS_tgkill, getpid(), (pid_t)syscall(SYS_gettid), SIGUSR1);
	check(hits == 3 && last.si_code == SI_TKILL, "tgkill: SI_TKILL",
	      "code %d", last.si_code);
	dfl(SIGUSR1);
}

static void test_masks(void)
{
	sigset_t set, old, pend;

	sig_handle(SIGUSR2, on_info, 0);
	hits = 0;
	sigemptyset(&set);
	sigaddset(&set, SIGUSR2);
	sigaddset(&set, SIGKILL);
	sigprocmask(SIG_BLOCK, &set, &old);
	raise(SIGUSR2);
	raise(SIGUSR2);
	sigpending(&pend);
	check(hits == 0 && sigismember(&pend, SIGUSR2), "blocked signal stays pending",
	      "hits %d", hits);
	sigprocmask(SIG_SETMASK, NULL, &set);
	check(!sigismember(&set, SIGKILL), "SIGKILL cannot be blocked", "it was");
	sigprocmask(SIG_SETMASK, &old, NULL);
	check(hits == 1, "a standard signal is queued once", "hits %d", hits);
	check_errno(syscall(SYS_rt_sigprocmask, SIG_BLOCK, &set, NULL, 4), EINVAL,
		    "rt_sigprocmask sigsetsize 4");
	check_errno(sigaction(SIGKILL, &(struct sigaction){ 0 }, NULL), EINVAL,
		    "sigaction(SIGKILL)");
	dfl(SIGUSR2);
}

/* A pipe read interrupted by the child's signal: restarted or EINTR. */
static void test_restart(int flags, const char *name)
{
	int p[2], status;
	char c = 0;
	ssize_t n;
	pid_t pid;

	sig_handle(SIGUSR1, on_info, flags);
	if (pipe(p))
		return fail(name, "pipe: %s", strerror(errno));
	pid = fork();
	if (pid == 0) {
		usleep(100000);
		kill(getppid(), SIGUSR1);
		usleep(100000);
		write(p[1], "x", 1);
		_exit(0);
	}
	n = read(p[0], &c, 1);
	if (flags & SA_RESTART)
		check(n == 1 && c == 'x', name, "read %zd errno %d", n, errno);
	else
		check(n == -1 && errno == EINTR, name, "read %zd errno %d", n, errno);
	waitpid(pid, &status, 0);
	close(p[0]);
	close(p[1]);
	dfl(SIGUSR1);
}

static void test_nanosleep(void)
{
	struct timespec req = { 2, 0 }, rem = { 0, 0 };
	int r;

	sig_handle(SIGALRM, on_info, 0);
	alarm(1);
	r = nanosleep(&req, &rem);
	check(r == -1 && errno == EINTR && rem.tv_sec <= 1 &&
	      (rem.tv_sec > 0 || rem.tv_nsec > 500000000),
	      "nanosleep: EINTR with the time left", "r %d rem %ld.%09ld", r,
	      (long)rem.tv_sec, rem.tv_nsec);
	dfl(SIGALRM);
}

static void on_fault(int sig, siginfo_t *si, void *uc)
{
	(void)uc;
	last = *si;
	last.si_signo = sig;
	siglongjmp(jb, 1);
}

static void test_faults(void)
{
	static char altstack[65536];
	unsigned int zero = 0;
	stack_t ss = { .ss_sp = altstack, .ss_size = sizeof(altstack) };

	sig_handle(SIGSEGV, on_fault, 0);
	if (!sigsetjmp(jb, 1))
		*(volatile int *)opaque_ptr(16) = 1;
	check(last.si_signo == SIGSEGV && last.si_code == SEGV_MAPERR &&
	      last.si_addr == (void *)16, "SIGSEGV: SEGV_MAPERR, si_addr",
	      "code %d addr %p", last.si_code, last.si_addr);
	if (!sigsetjmp(jb, 1))
		*(volatile char *)opaque_ptr((uintptr_t)"literal") = 1;
	check(last.si_code == SEGV_ACCERR, "SIGSEGV: SEGV_ACCERR on read-only",
	      "code %d", last.si_code);
	sig_handle(SIGFPE, on_fault, 0);
	last.si_signo = 0;
	if (!sigsetjmp(jb, 1)) {
		unsigned int a = 1, d = 0;

		/* A real divide by zero: gcc turns 1 / x into compares. */
		__asm__ volatile("divl %2" : "+a"(a), "+d"(d) : "r"(zero));
	}
	check(last.si_signo == SIGFPE && last.si_code == FPE_INTDIV &&
	      last.si_addr, "SIGFPE: FPE_INTDIV at the instruction",
	      "signo %d code %d", last.si_signo, last.si_code);
	sig_handle(SIGILL, on_fault, 0);
	if (!sigsetjmp(jb, 1))
		__asm__ volatile("ud2");
	check(last.si_signo == SIGILL && last.si_code == ILL_ILLOPN,
	      "SIGILL: ILL_ILLOPN", "code %d", last.si_code);
	sig_handle(SIGTRAP, on_fault, 0);
	if (!sigsetjmp(jb, 1))
		__asm__ volatile("int3");
	check(last.si_signo == SIGTRAP && last.si_code == SI_KERNEL,
	      "SIGTRAP: int3 is SI_KERNEL", "code %d", last.si_code);
	sigaltstack(&ss, NULL);
	sig_handle(SIGSEGV, on_fault, SA_ONSTACK);
	last.si_signo = 0;
	if (!sigsetjmp(jb, 1))
		recurse(0);
	check(last.si_signo == SIGSEGV, "stack overflow caught on sigaltstack",
	      "signo %d", last.si_signo);
	ss.ss_flags = SS_DISABLE;
	sigaltstack(&ss, NULL);
	dfl(SIGSEGV);
	dfl(SIGFPE);
	dfl(SIGILL);
	dfl(SIGTRAP);
}

static void test_children(void)
{
	int status;
	pid_t pid;

	signal(SIGCHLD, SIG_IGN);
	pid = fork();
	if (pid == 0)
		_exit(3);
	check(waitpid(pid, &status, 0) == -1 && errno == ECHILD,
	      "SIGCHLD ignored: no zombie, ECHILD", "errno %d", errno);
	dfl(SIGCHLD);
	pid = fork();
	if (pid == 0) {
		for (;;)
			pause();
	}
	kill(pid, SIGSTOP);
	check(waitpid(pid, &status, WUNTRACED) == pid && WIFSTOPPED(status) &&
	      WSTOPSIG(status) == SIGSTOP, "WUNTRACED reports the stop",
	      "%s", status_str(status));
	kill(pid, SIGCONT);
	check(waitpid(pid, &status, WCONTINUED) == pid && WIFCONTINUED(status),
	      "WCONTINUED reports the continue", "%s", status_str(status));
	kill(pid, SIGTERM);
	check(waitpid(pid, &status, 0) == pid && died_by(status, SIGTERM),
	      "SIGTERM kills", "%s", status_str(status));
}

static int order[8], norder;

static void on_rt(int sig, siginfo_t *si, void *uc)
{
	(void)uc;
	if (norder < 8)
		order[norder++] = sig * 100 + si->si_value.sival_int;
}

static void test_rt_order(void)
{
	struct sigaction sa;
	sigset_t set, old;
	int i;

	sigemptyset(&set);
	sigaddset(&set, SIGRTMIN + 1);
	sigaddset(&set, SIGRTMIN + 2);
	/* Each handler blocks both: otherwise the next frame nests above it. */
	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = on_rt;
	sa.sa_flags = SA_SIGINFO;
	sa.sa_mask = set;
	sigaction(SIGRTMIN + 1, &sa, NULL);
	sigaction(SIGRTMIN + 2, &sa, NULL);
	sigprocmask(SIG_BLOCK, &set, &old);
	for (i = 0; i < 3; i++) {
		sigqueue(getpid(), SIGRTMIN + 2, (union sigval){ .sival_int = i });
		sigqueue(getpid(), SIGRTMIN + 1, (union sigval){ .sival_int = i });
	}
	norder = 0;
	sigprocmask(SIG_SETMASK, &old, NULL);
	check(norder == 6 && order[0] == (SIGRTMIN + 1) * 100 &&
	      order[2] == (SIGRTMIN + 1) * 100 + 2 &&
	      order[3] == (SIGRTMIN + 2) * 100 && order[5] == (SIGRTMIN + 2) * 100 + 2,
	      "real-time signals: all queued, lowest first, in order",
	      "n %d: %d %d %d", norder, order[0], order[3], order[5]);
	signal(SIGRTMIN + 1, SIG_DFL);
	signal(SIGRTMIN + 2, SIG_DFL);
}

static void test_wait_calls(void)
{
	struct timespec ts = { 0, 50000000 };
	sigset_t set, old;
	siginfo_t si;
	int r;

	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	sigprocmask(SIG_BLOCK, &set, &old);
	r = sigtimedwait(&set, &si, &ts);
	check(r == -1 && errno == EAGAIN, "sigtimedwait: EAGAIN on timeout",
	      "r %d errno %d", r, errno);
	raise(SIGUSR1);
	r = sigtimedwait(&set, &si, &ts);
	check(r == SIGUSR1 && si.si_code == SI_TKILL, "sigtimedwait takes it",
	      "r %d code %d", r, si.si_code);
	sig_handle(SIGALRM, on_info, 0);
	hits = 0;
	alarm(1);
	r = sigsuspend(&old);
	check(r == -1 && errno == EINTR && hits == 1, "sigsuspend: alarm's handler",
	      "r %d hits %d", r, hits);
	sigprocmask(SIG_SETMASK, NULL, &set);
	check(sigismember(&set, SIGUSR1), "sigsuspend puts the mask back", "no");
	setitimer(ITIMER_REAL, &(struct itimerval){ { 0, 0 }, { 0, 100000 } }, NULL);
	hits = 0;
	while (!hits)
		pause();
	check(last.si_code == SI_KERNEL, "setitimer: SIGALRM from the kernel",
	      "code %d", last.si_code);
	sigprocmask(SIG_SETMASK, &old, NULL);
	dfl(SIGALRM);
}

/* A handler that garbles its frame's CS, RIP, RFLAGS or fpstate. */
static int tamper_what;

static void on_tamper(int sig, siginfo_t *si, void *ucp)
{
	ucontext_t *uc = ucp;

	(void)sig, (void)si;
	switch (tamper_what) {
	case 0:
		uc->uc_mcontext.gregs[REG_CSGSFS] = 0xffff;	/* cs: ring 0 */
		uc->uc_mcontext.gregs[REG_RIP] = 0;
		break;
	case 1:
		uc->uc_mcontext.gregs[REG_RIP] = 0x8000000000000000UL;
		break;
	case 2:
		uc->uc_mcontext.gregs[REG_EFL] = -1;		/* IOPL 3, VM... */
		uc->uc_mcontext.gregs[REG_RIP] = 0;
		break;
	default:
		uc->uc_mcontext.fpregs->mxcsr = 0xffffffff;	/* reserved bits */
		break;
	}
}

static int tamper(void *arg)
{
	tamper_what = (int)(intptr_t)arg;
	sig_handle(SIGUSR1, on_tamper, 0);
	raise(SIGUSR1);
	return 0;
}

static void test_tamper(void)
{
	static const struct child_case cases[] = {
		{ "tampered CS: SIGSEGV for the process only", SIGSEGV },
		{ "non-canonical RIP: SIGSEGV", SIGSEGV },
		{ "tampered RFLAGS: IOPL stays 0, SIGSEGV at RIP 0", SIGSEGV },
		{ "bad MXCSR in fpstate: SIGSEGV", SIGSEGV },
	};

	check_children(tamper, cases, 4);
}

int main(void)
{
	test_siginfo();
	test_masks();
	test_restart(SA_RESTART, "SA_RESTART: the pipe read restarts");
	test_restart(0, "without SA_RESTART: EINTR");
	test_nanosleep();
	test_faults();
	test_children();
	test_rt_order();
	test_wait_calls();
	test_tamper();
	return done();
}
