/* Host stand-in for <asm/ptrace.h>: <breenix/panic.h> only names the type. */
#ifndef ASM_PTRACE_H
#define ASM_PTRACE_H

struct pt_regs;

#endif
