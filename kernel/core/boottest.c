/*
 * Test switches for the boot tests: test=boot ends the run as soon as the
 * kernel is up; test=ktest runs the in-kernel tests (ktest=NAME,... picks
 * some); test=panic faults on purpose to check the panic report; other
 * names come from BOOT_TEST() in the subsystems.
 * Without a switch this does nothing.
 */
#include <string.h>
#include <breenix/boottest.h>
#include <breenix/cmdline.h>
#include <breenix/ktest.h>
#include <breenix/machine.h>
#include <breenix/panic.h>
#include <breenix/printk.h>

/* Writes to page 0, which is never mapped; noinline keeps it in the trace. */
static __attribute__((noinline)) void panic_test_fault(void)
{
	volatile int *volatile null_page = NULL;

	*null_page = 1;
}

extern const struct boot_test __boottests_start[], __boottests_end[];

void boot_test_run(void)
{
	const char *test = cmdline_get("test");
	const struct boot_test *bt;

	if (!test)
		return;
	if (!strcmp(test, "boot")) {
		pr_info("test: boot reached the end of kmain\n");
		machine_test_exit(true);
	}
	if (!strcmp(test, "ktest")) {
		const char *filter = cmdline_get("ktest");

		machine_test_exit(ktest_run_all(filter ? filter : "") == 0);
	}
	if (!strcmp(test, "panic")) {
		panic_test_fault();
		panic("test=panic: the deliberate fault did not fault");
	}
	for (bt = __boottests_start; bt < __boottests_end; bt++) {
		if (!strcmp(test, bt->name))
			machine_test_exit(bt->fn());
	}
	panic("unknown test switch: test=%s", test);
}
