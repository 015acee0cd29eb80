/* Printing a symbolized call trace (frame-pointer walk). */
#ifndef BREENIX_STACKTRACE_H
#define BREENIX_STACKTRACE_H

#include <asm/ptrace.h>

/* The trace of the context in regs: its rip first, then its callers. */
void show_stack_trace(const struct pt_regs *regs);

#endif
