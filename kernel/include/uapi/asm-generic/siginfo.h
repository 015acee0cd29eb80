/*
 * siginfo_t as Linux lays it out for x86_64 (include/uapi/asm-generic/
 * siginfo.h): 128 bytes, three ints, then a union aligned to 8 at offset 16
 * whose member depends on the signal and si_code; and the si_code values.
 */
#ifndef _UAPI_ASM_GENERIC_SIGINFO_H
#define _UAPI_ASM_GENERIC_SIGINFO_H

typedef union sigval {
	int sival_int;
	void *sival_ptr;
} sigval_t;

#define SI_MAX_SIZE	128

typedef struct siginfo {
	int si_signo;
	int si_errno;
	int si_code;
	union {
		int _pad[(SI_MAX_SIZE - 16) / sizeof(int)];
		struct {			/* kill, tkill */
			int _pid;
			unsigned int _uid;
		} _kill;
		struct {			/* POSIX timers */
			int _tid;
			int _overrun;
			sigval_t _sigval;
			int _sys_private;
		} _timer;
		struct {			/* sigqueue */
			int _pid;
			unsigned int _uid;
			sigval_t _sigval;
		} _rt;
		struct {			/* SIGCHLD */
			int _pid;
			unsigned int _uid;
			int _status;
			long _utime;
			long _stime;
		} _sigchld;
		struct {			/* SIGILL, SIGFPE, SIGSEGV, SIGBUS, SIGTRAP */
			void *_addr;
			short _addr_lsb;
		} _sigfault;
		struct {			/* SIGPOLL */
			long _band;
			int _fd;
		} _sigpoll;
	} __attribute__((aligned(8))) _sifields;
} siginfo_t;

/*
 * timer_create's notification (Linux's sigevent_t): 64 bytes, the value,
 * signal and kind, then a thread id or the libc's SIGEV_THREAD function.
 */
#define SIGEV_SIGNAL	0		/* the signal to the process */
#define SIGEV_NONE	1		/* nothing: read it with timer_gettime */
#define SIGEV_THREAD	2		/* the libc's: a function in a new thread */
#define SIGEV_THREAD_ID	4		/* the signal to the thread sigev_notify_thread_id */

#define SIGEV_MAX_SIZE	64

typedef struct sigevent {
	sigval_t sigev_value;
	int sigev_signo;
	int sigev_notify;
	union {
		int _pad[(SIGEV_MAX_SIZE - 16) / sizeof(int)];
		int _tid;
		struct {
			void (*_function)(sigval_t);
			void *_attribute;
		} _sigev_thread;
	} _sigev_un;
} sigevent_t;

#define sigev_notify_function	_sigev_un._sigev_thread._function
#define sigev_notify_attributes	_sigev_un._sigev_thread._attribute
#define sigev_notify_thread_id	_sigev_un._tid

#define si_pid		_sifields._kill._pid
#define si_uid		_sifields._kill._uid
#define si_tid		_sifields._timer._tid
#define si_overrun	_sifields._timer._overrun
#define si_status	_sifields._sigchld._status
#define si_utime	_sifields._sigchld._utime
#define si_stime	_sifields._sigchld._stime
#define si_value	_sifields._rt._sigval
#define si_int		_sifields._rt._sigval.sival_int
#define si_ptr		_sifields._rt._sigval.sival_ptr
#define si_addr		_sifields._sigfault._addr
#define si_addr_lsb	_sifields._sigfault._addr_lsb
#define si_band		_sifields._sigpoll._band
#define si_fd		_sifields._sigpoll._fd

/* si_code: who sent it. Positive values are the kernel's, per signal. */
#define SI_USER		0		/* kill, raise */
#define SI_KERNEL	0x80
#define SI_QUEUE	-1		/* sigqueue */
#define SI_TIMER	-2
#define SI_MESGQ	-3
#define SI_ASYNCIO	-4
#define SI_SIGIO	-5
#define SI_TKILL	-6		/* tkill, tgkill */
#define SI_DETHREAD	-7
#define SI_ASYNCNL	-60

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
#define SEGV_BNDERR	3
#define SEGV_PKUERR	4

#define BUS_ADRALN	1
#define BUS_ADRERR	2
#define BUS_OBJERR	3

#define TRAP_BRKPT	1
#define TRAP_TRACE	2
#define TRAP_BRANCH	3
#define TRAP_HWBKPT	4

#define CLD_EXITED	1
#define CLD_KILLED	2
#define CLD_DUMPED	3
#define CLD_TRAPPED	4
#define CLD_STOPPED	5
#define CLD_CONTINUED	6

#define POLL_IN		1
#define POLL_OUT	2
#define POLL_MSG	3
#define POLL_ERR	4
#define POLL_PRI	5
#define POLL_HUP	6

#endif
