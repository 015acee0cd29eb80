/* Kernel error codes: functions return 0 or a negative errno, as in Linux. */
#ifndef BREENIX_ERRNO_H
#define BREENIX_ERRNO_H

#include <asm-generic/errno.h>

/*
 * Kernel-internal codes a syscall returns when a signal interrupted it
 * (Linux's include/linux/errno.h); the signal code turns them into EINTR
 * or a restart and user mode never sees them.
 */
#define ERESTARTSYS		512	/* restart if SA_RESTART, else EINTR */
#define ERESTARTNOINTR		513	/* always restart */
#define ERESTARTNOHAND		514	/* restart if no handler ran */
#define ERESTART_RESTARTBLOCK	516	/* restart through restart_syscall */

#endif
