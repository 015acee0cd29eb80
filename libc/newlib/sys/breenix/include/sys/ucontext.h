/*
 * The x86_64 signal frame's user context under the names glibc and musl
 * give it: ucontext_t, mcontext_t with gregs[REG_*] and the fpregs pointer.
 * The layout is the kernel's struct ucontext (uapi asm/ucontext.h and
 * asm/sigcontext.h): the registers in sigcontext's order, then the FPU
 * image's address and eight reserved words.
 */
#ifndef _SYS_UCONTEXT_H
#define _SYS_UCONTEXT_H

#include <sys/features.h>
#include <sys/signal.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef long long greg_t;
#define NGREG	23
typedef greg_t gregset_t[NGREG];

#if __GNU_VISIBLE
/* gregs' indices: struct sigcontext's members in order. */
#define REG_R8		0
#define REG_R9		1
#define REG_R10		2
#define REG_R11		3
#define REG_R12		4
#define REG_R13		5
#define REG_R14		6
#define REG_R15		7
#define REG_RDI		8
#define REG_RSI		9
#define REG_RBP		10
#define REG_RBX		11
#define REG_RDX		12
#define REG_RAX		13
#define REG_RCX		14
#define REG_RSP		15
#define REG_RIP		16
#define REG_EFL		17
#define REG_CSGSFS	18	/* cs, gs, fs and ss, 16 bits each */
#define REG_ERR		19
#define REG_TRAPNO	20
#define REG_OLDMASK	21
#define REG_CR2		22
#endif

/* The FXSAVE image's legacy part (Linux's struct _fpstate_64). */
struct _libc_fpxreg {
	unsigned short significand[4];
	unsigned short exponent;
	unsigned short __glibc_reserved1[3];
};

struct _libc_xmmreg {
	unsigned int element[4];
};

struct _libc_fpstate {
	unsigned short cwd, swd, ftw, fop;
	unsigned long long rip, rdp;
	unsigned int mxcsr, mxcr_mask;
	struct _libc_fpxreg _st[8];
	struct _libc_xmmreg _xmm[16];
	unsigned int __glibc_reserved1[24];
};
typedef struct _libc_fpstate *fpregset_t;

typedef struct {
	gregset_t gregs;
	fpregset_t fpregs;
	unsigned long long __reserved1[8];
} mcontext_t;

typedef struct ucontext_t {
	unsigned long uc_flags;
	struct ucontext_t *uc_link;
	stack_t uc_stack;
	mcontext_t uc_mcontext;
	sigset_t uc_sigmask;
} ucontext_t;

#ifdef __cplusplus
}
#endif

#endif
