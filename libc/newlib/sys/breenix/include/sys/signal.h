/*
 * Signals with Linux's numbers (asm/signal.h from kernel/include/uapi) and
 * its x86_64 user-space layouts: sigset_t as the kernel's 64-bit mask,
 * siginfo_t in the 128 bytes of struct siginfo with the si_code values,
 * struct sigaction as C programs see it (sigaction() converts it for
 * rt_sigaction).
 */
#ifndef _SYS_SIGNAL_H
#define _SYS_SIGNAL_H

#include <sys/cdefs.h>
#include <sys/features.h>
#include <sys/types.h>
#include <sys/_sigset.h>
#include <sys/_timespec.h>
#include <asm/signal.h>

#ifdef __cplusplus
extern "C" {
#endif

#ifndef _SIGSET_T_DECLARED
#define _SIGSET_T_DECLARED
typedef __sigset_t sigset_t;
#endif

typedef void (*_sig_func_ptr)(int);

/* Signal 0 is kill()'s probe, so numbers run to _NSIG inclusive. */
#define NSIG		(_NSIG + 1)

union sigval {
	int sival_int;
	void *sival_ptr;
};

/* sigevent(7); SIGEV_* and the layout from Linux's asm-generic/siginfo.h. */
#define SIGEV_SIGNAL	0
#define SIGEV_NONE	1
#define SIGEV_THREAD	2
#define SIGEV_THREAD_ID	4

struct sigevent {
	union sigval sigev_value;
	int sigev_signo;
	int sigev_notify;
	union {
		int __pad[12];
		int __tid;
		struct {
			void (*__sev_function)(union sigval);
			void *__sev_attributes;
		} __sev_thread;
	} __un;
};

#define sigev_notify_thread_id	__un.__tid
#define sigev_notify_function	__un.__sev_thread.__sev_function
#define sigev_notify_attributes	__un.__sev_thread.__sev_attributes

/* Linux's siginfo_t: three ints, then a union at offset 16 (128 bytes). */
typedef struct {
	int si_signo;
	int si_errno;
	int si_code;
	union {
		int __pad[28];
		struct {
			pid_t __pid;
			uid_t __uid;
			union {
				int __status;
				union sigval __value;
			} __u;
			long __utime;
			long __stime;
		} __proc;
		struct {
			int __tid;
			int __overrun;
		} __timer;
		struct {
			void *__addr;
		} __fault;
	} __fields __attribute__((aligned(8)));
} siginfo_t;

#define si_pid		__fields.__proc.__pid
#define si_uid		__fields.__proc.__uid
#define si_status	__fields.__proc.__u.__status
#define si_value	__fields.__proc.__u.__value
#define si_int		si_value.sival_int
#define si_ptr		si_value.sival_ptr
#define si_utime	__fields.__proc.__utime
#define si_stime	__fields.__proc.__stime
#define si_addr		__fields.__fault.__addr
#define si_timerid	__fields.__timer.__tid
#define si_overrun	__fields.__timer.__overrun

/* si_code values (Linux's asm-generic/siginfo.h). */
#define SI_USER		0
#define SI_KERNEL	0x80
#define SI_QUEUE	(-1)
#define SI_TIMER	(-2)
#define SI_MESGQ	(-3)
#define SI_ASYNCIO	(-4)
#define SI_SIGIO	(-5)
#define SI_TKILL	(-6)
#define ILL_ILLOPC	1
#define ILL_ILLOPN	2
#define ILL_ILLADR	3
#define ILL_ILLTRP	4
#define ILL_PRVOPC	5
#define ILL_PRVREG	6
#define ILL_COPROC	7
#define ILL_BADSTK	8
#define FPE_INTDIV	1
#define FPE_INTOVF	2
#define FPE_FLTDIV	3
#define FPE_FLTOVF	4
#define FPE_FLTUND	5
#define FPE_FLTRES	6
#define FPE_FLTINV	7
#define FPE_FLTSUB	8
#define SEGV_MAPERR	1
#define SEGV_ACCERR	2
#define BUS_ADRALN	1
#define BUS_ADRERR	2
#define BUS_OBJERR	3
#define TRAP_BRKPT	1
#define TRAP_TRACE	2
#define CLD_EXITED	1
#define CLD_KILLED	2
#define CLD_DUMPED	3
#define CLD_TRAPPED	4
#define CLD_STOPPED	5
#define CLD_CONTINUED	6

/* sa_flags (Linux's asm-generic/signal-defs.h and x86's asm/signal.h). */
#define SA_NOCLDSTOP	0x00000001
#define SA_NOCLDWAIT	0x00000002
#define SA_SIGINFO	0x00000004
#define SA_RESTORER	0x04000000
#define SA_ONSTACK	0x08000000
#define SA_RESTART	0x10000000
#define SA_NODEFER	0x40000000
#define SA_RESETHAND	0x80000000

/* sigprocmask()'s how (asm-generic/signal-defs.h). */
#define SIG_BLOCK	0
#define SIG_UNBLOCK	1
#define SIG_SETMASK	2

struct sigaction {
	union {
		_sig_func_ptr __sa_handler;
		void (*__sa_sigaction)(int, siginfo_t *, void *);
	} __sa_u;
	sigset_t sa_mask;
	int sa_flags;
	void (*sa_restorer)(void);
};
#define sa_handler	__sa_u.__sa_handler
#define sa_sigaction	__sa_u.__sa_sigaction

/* sigaltstack(2) (x86's asm/signal.h). */
#define SS_ONSTACK	1
#define SS_DISABLE	2
#define SS_AUTODISARM	(1U << 31)
#define MINSIGSTKSZ	2048
#define SIGSTKSZ	8192

typedef struct sigaltstack {
	void *ss_sp;
	int ss_flags;
	size_t ss_size;
} stack_t;

int sigaction(int, const struct sigaction *__restrict, struct sigaction *__restrict);
int sigprocmask(int, const sigset_t *__restrict, sigset_t *__restrict);
int pthread_sigmask(int, const sigset_t *__restrict, sigset_t *__restrict);
int sigsuspend(const sigset_t *);
int sigpending(sigset_t *);
int sigaltstack(const stack_t *__restrict, stack_t *__restrict);
int kill(pid_t, int);
int killpg(pid_t, int);
int sigemptyset(sigset_t *);
int sigfillset(sigset_t *);
int sigaddset(sigset_t *, int);
int sigdelset(sigset_t *, int);
int sigismember(const sigset_t *, int);
int siginterrupt(int, int);
int sigtimedwait(const sigset_t *__restrict, siginfo_t *__restrict,
		 const struct timespec *__restrict);
int sigwaitinfo(const sigset_t *__restrict, siginfo_t *__restrict);
int sigwait(const sigset_t *__restrict, int *__restrict);
int sigqueue(pid_t, int, const union sigval);

#ifdef __cplusplus
}
#endif

#endif
