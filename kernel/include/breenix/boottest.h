/*
 * Boot-time test switches (test=NAME on the command line), for the harness.
 * Built in: boot, ktest, panic. A subsystem adds its own with BOOT_TEST(name)
 * { ... }: the function runs at the end of boot and the run ends with its
 * verdict (true: pass).
 */
#ifndef BREENIX_BOOTTEST_H
#define BREENIX_BOOTTEST_H

#include <stdbool.h>

struct boot_test {
	const char *name;
	bool (*fn)(void);
};

#define BOOT_TEST(tname)						\
	static bool boot_test_fn_##tname(void);				\
	static const struct boot_test boot_test_##tname			\
	__attribute__((used, section(".boottests"), aligned(8))) = {	\
		.name = #tname,						\
		.fn = boot_test_fn_##tname,				\
	};								\
	static bool boot_test_fn_##tname(void)

/* Runs the test named by test= if any; a test ends the run, never returns. */
void boot_test_run(void);

#endif
