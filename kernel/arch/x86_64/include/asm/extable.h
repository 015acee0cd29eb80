/*
 * The exception table: pairs of (instruction that may fault on a user
 * address, where to resume if it does), emitted next to the instruction by
 * _ASM_EXTABLE and searched by the page-fault and #GP handlers. Only code
 * listed here may touch user memory.
 */
#ifndef ASM_EXTABLE_H
#define ASM_EXTABLE_H

#ifdef __ASSEMBLER__
	.macro	_ASM_EXTABLE insn, fixup
	.pushsection __ex_table, "a"
	.balign	8
	.quad	\insn, \fixup
	.popsection
	.endm
#else
#include <stdbool.h>
#include <stdint.h>
#include <asm/ptrace.h>

struct exception_table_entry {
	uint64_t insn;
	uint64_t fixup;
};

/* Turns on SMEP and SMAP where the CPU has them. */
void uaccess_init(void);
/* Whether @rip is a user-access instruction listed in the table. */
bool search_exception_tables(uint64_t rip);
/* Resumes @regs at the fixup for its rip; false if it has none. */
bool fixup_exception(struct pt_regs *regs);
#endif

#endif
