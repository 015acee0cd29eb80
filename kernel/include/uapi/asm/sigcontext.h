/*
 * The machine state a signal handler's frame holds on x86_64, in Linux's
 * layout (arch/x86/include/uapi/asm/sigcontext.h): the saved registers,
 * and the FXSAVE/XSAVE image fpstate points at, with the software bytes
 * that say an XSAVE image follows the legacy area.
 */
#ifndef _UAPI_ASM_SIGCONTEXT_H
#define _UAPI_ASM_SIGCONTEXT_H

#include <stdint.h>

#define FP_XSTATE_MAGIC1	0x46505853U	/* in sw_reserved.magic1 */
#define FP_XSTATE_MAGIC2	0x46505845U	/* after the XSAVE image */
#define FP_XSTATE_MAGIC2_SIZE	4

/* Bytes 464..511 of the FXSAVE area, which the CPU leaves to software. */
struct _fpx_sw_bytes {
	uint32_t magic1;
	uint32_t extended_size;		/* XSAVE image + FP_XSTATE_MAGIC2_SIZE */
	uint64_t xfeatures;
	uint32_t xstate_size;
	uint32_t padding[7];
};

/* The FXSAVE legacy area (Intel SDM 1 table 10-2), 512 bytes. */
struct _fpstate_64 {
	uint16_t cwd, swd, twd, fop;
	uint64_t rip, rdp;
	uint32_t mxcsr, mxcsr_mask;
	uint32_t st_space[32];
	uint32_t xmm_space[64];
	uint32_t reserved2[12];
	union {
		uint32_t reserved3[12];
		struct _fpx_sw_bytes sw_reserved;
	};
};

struct sigcontext {
	uint64_t r8, r9, r10, r11, r12, r13, r14, r15;
	uint64_t rdi, rsi, rbp, rbx, rdx, rax, rcx, rsp, rip;
	uint64_t eflags;
	uint16_t cs, gs, fs;
	union {
		uint16_t ss;
		uint16_t __pad0;
	};
	uint64_t err, trapno, oldmask, cr2;
	uint64_t fpstate;		/* user address of a struct _fpstate_64 */
	uint64_t reserved1[8];
};

#endif
