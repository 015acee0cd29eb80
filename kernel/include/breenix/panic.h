/* Stopping the kernel: panic() reports and halts; never returns. */
#ifndef BREENIX_PANIC_H
#define BREENIX_PANIC_H

#include <asm/ptrace.h>

__attribute__((noreturn, format(printf, 1, 2)))
void panic(const char *fmt, ...);

/* Panic with the registers of an exception frame (the trace starts there). */
__attribute__((noreturn, format(printf, 2, 3)))
void panic_regs(const struct pt_regs *regs, const char *fmt, ...);

#endif
