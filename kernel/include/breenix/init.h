/*
 * Initcalls: subsystems and drivers register their start-up functions in
 * linker sections by level, so kmain runs them without naming any of them.
 */
#ifndef BREENIX_INIT_H
#define BREENIX_INIT_H

#include <breenix/bootinfo.h>

typedef int (*initcall_t)(void);

enum initcall_level {
	INITCALL_EARLY,		/* before anything: the serial console */
	INITCALL_CONSOLE,	/* boot information parsed: other consoles */
	INITCALL_DEVICE,	/* drivers */
	INITCALL_LEVELS
};

#define __define_initcall(fn, level)					\
	static const initcall_t __initcall_##fn				\
	__attribute__((used, section(".initcall" #level))) = fn

#define early_initcall(fn)	__define_initcall(fn, 0)
#define console_initcall(fn)	__define_initcall(fn, 1)
#define device_initcall(fn)	__define_initcall(fn, 2)

void do_initcalls(enum initcall_level level);

/* What the boot loader handed over, valid from INITCALL_CONSOLE on. */
extern struct boot_info boot_info;

#endif
