/*
 * Signals: the numbers (asm/signal.h) and the part of siginfo that waitid
 * fills (asm-generic/siginfo.h); the rest arrives with signal delivery.
 */
#ifndef _UAPI_LINUX_SIGNAL_H
#define _UAPI_LINUX_SIGNAL_H

#include <asm/signal.h>

/* si_code of SIGCHLD */
#define CLD_EXITED	1
#define CLD_KILLED	2
#define CLD_DUMPED	3
#define CLD_TRAPPED	4
#define CLD_STOPPED	5
#define CLD_CONTINUED	6

#define SI_MAX_SIZE	128

/* 128 bytes; the union starts at offset 16 (the int after si_code pads). */
struct siginfo {
	int si_signo;
	int si_errno;
	int si_code;
	union {
		int _pad[(SI_MAX_SIZE - 16) / sizeof(int)];
		struct {
			int si_pid;
			unsigned int si_uid;
			int si_status;
			long si_utime;
			long si_stime;
		} _sigchld;
	} __attribute__((aligned(8))) _sifields;
};

#endif
