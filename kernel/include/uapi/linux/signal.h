/*
 * Signals as the system calls see them: the numbers (asm/signal.h), the
 * flags (asm-generic/signal-defs.h), the kernel's 64-bit sigset, struct
 * sigaction in rt_sigaction's layout, sigaltstack's stack_t, and siginfo.
 */
#ifndef _UAPI_LINUX_SIGNAL_H
#define _UAPI_LINUX_SIGNAL_H

#include <stddef.h>
#include <asm/signal.h>
#include <asm-generic/signal-defs.h>

typedef unsigned long sigset_t;

/* What rt_sigaction reads and writes (32 bytes). */
struct sigaction {
	__sighandler_t sa_handler;
	unsigned long sa_flags;
	__sigrestore_t sa_restorer;
	sigset_t sa_mask;
};

typedef struct sigaltstack {
	void *ss_sp;
	int ss_flags;
	size_t ss_size;
} stack_t;

#include <asm-generic/siginfo.h>

#endif
