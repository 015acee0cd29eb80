/*
 * Device interrupt dispatch for vectors 32-255. No interrupt controller is
 * programmed yet, so any such vector is unexpected and only reported.
 */
#include <breenix/printk.h>
#include <asm/traps.h>

void irq_handle_vector(struct pt_regs *regs)
{
	pr_warn("irq: unexpected interrupt on vector %llu\n",
		(unsigned long long)regs->vector);
}
