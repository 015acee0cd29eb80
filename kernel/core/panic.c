/*
 * panic: report what went wrong (message, registers, call trace) on every
 * console and stop. In test mode (a test= switch on the command line) the
 * emulator is told the run failed, so a harness never waits on a dead guest.
 */
#include <stdio.h>
#include <breenix/cmdline.h>
#include <breenix/machine.h>
#include <breenix/panic.h>
#include <breenix/printk.h>
#include <breenix/stacktrace.h>
#include <asm/cpu.h>
#include <asm/traps.h>

static int panicking;

__attribute__((noreturn))
static void panic_report(const struct pt_regs *regs, const char *fmt,
			 va_list ap)
{
	char msg[256];

	local_irq_disable();
	/* A fault while reporting would recurse forever: stop quietly. */
	if (__atomic_exchange_n(&panicking, 1, __ATOMIC_SEQ_CST))
		cpu_halt_forever();
	printk_enter_panic();
	vsnprintf(msg, sizeof(msg), fmt, ap);
	printk(KERN_EMERG "Kernel panic - not syncing: %s\n", msg);
	show_regs(regs);
	show_stack_trace(regs);
	printk(KERN_EMERG "---[ end Kernel panic - not syncing: %s ]---\n", msg);
	if (cmdline_get("test"))
		machine_test_exit(false);
	cpu_halt_forever();
}

void panic_regs(const struct pt_regs *regs, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	panic_report(regs, fmt, ap);
}

void panic(const char *fmt, ...)
{
	struct pt_regs regs;
	va_list ap;

	arch_capture_regs(&regs);
	va_start(ap, fmt);
	panic_report(&regs, fmt, ap);
}
