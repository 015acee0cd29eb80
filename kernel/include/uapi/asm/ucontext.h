/*
 * struct ucontext as a signal handler's third argument sees it on x86_64
 * (Linux's asm-generic/ucontext.h with x86's uc_flags).
 */
#ifndef _UAPI_ASM_UCONTEXT_H
#define _UAPI_ASM_UCONTEXT_H

#include <asm/sigcontext.h>
#include <linux/signal.h>

#define UC_FP_XSTATE		0x1	/* fpstate holds an XSAVE image */
#define UC_SIGCONTEXT_SS	0x2	/* ss is saved and restored */
#define UC_STRICT_RESTORE_SS	0x4

struct ucontext {
	unsigned long uc_flags;
	struct ucontext *uc_link;
	stack_t uc_stack;
	struct sigcontext uc_mcontext;
	sigset_t uc_sigmask;
};

#endif
