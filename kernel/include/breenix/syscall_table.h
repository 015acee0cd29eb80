/*
 * The dispatch table generated from kernel/syscalls.tbl: by number, the
 * entry point, the name and the argument letters the strace log prints by.
 */
#ifndef BREENIX_SYSCALL_TABLE_H
#define BREENIX_SYSCALL_TABLE_H

#include <stdbool.h>
#include <breenix/syscall.h>

struct syscall_desc {
	syscall_fn_t fn;		/* NULL: -ENOSYS */
	const char *name;
	const char *args;		/* see kernel/syscalls.tbl */
	bool noreturn;			/* traced before the call */
};

extern const struct syscall_desc syscall_table[];
extern const unsigned int nr_syscalls;

#endif
