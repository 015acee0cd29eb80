/*
 * reboot(2): power off through ACPI S5 (halting where that fails, as
 * Linux), restart (machine_restart), halt. Root only; the magic numbers
 * are checked as Linux checks them.
 */
#include <breenix/acpi.h>
#include <breenix/console.h>
#include <breenix/cred.h>
#include <breenix/errno.h>
#include <breenix/machine.h>
#include <breenix/printk.h>
#include <breenix/signal.h>
#include <breenix/syscall.h>
#include <breenix/tty.h>
#include <breenix/uaccess.h>
#include <asm/cpu.h>
#include <uapi/linux/reboot.h>
#include <uapi/linux/signal.h>
#include "proc_internal.h"

/* Linux's C_A_D: whether Ctrl-Alt-Del reboots at once (the tty reads it). */
static int cad_reboots = 1;

static __attribute__((noreturn)) void kernel_halt(void)
{
	pr_emerg("reboot: System halted\n");
	console_flush_all();
	local_irq_disable();
	cpu_halt_forever();
}

static __attribute__((noreturn)) void kernel_restart(void)
{
	pr_emerg("reboot: Restarting system\n");
	console_flush_all();
	machine_restart();
}

/* Linux halts when the machine cannot power itself off. */
static __attribute__((noreturn)) void kernel_power_off(void)
{
	pr_emerg("reboot: Power down\n");
	console_flush_all();
	local_irq_disable();
	acpi_power_off();
	kernel_halt();
}

/*
 * Linux's ctrl_alt_del(), from the keyboard's interrupt: with C_A_D on
 * the machine restarts at once (no sync, as Linux's kernel_restart);
 * off, PID 1 gets SIGINT and decides (init reboots cleanly). A kernel
 * signal needs no allocation, so this is safe in an interrupt.
 */
void ctrl_alt_del(void)
{
	if (__atomic_load_n(&cad_reboots, __ATOMIC_RELAXED))
		kernel_restart();
	if (child_reaper)
		group_send_sig(SIGINT, child_reaper, true);
}

SYSCALL_DEFINE4(reboot, int, magic1, int, magic2, unsigned int, cmd,
		void *, arg)
{
	char buf[256];

	if (!capable_root())
		return -EPERM;
	if ((unsigned int)magic1 != LINUX_REBOOT_MAGIC1 ||
	    (magic2 != LINUX_REBOOT_MAGIC2 && magic2 != LINUX_REBOOT_MAGIC2A &&
	     magic2 != LINUX_REBOOT_MAGIC2B && magic2 != LINUX_REBOOT_MAGIC2C))
		return -EINVAL;
	switch (cmd) {
	case LINUX_REBOOT_CMD_RESTART:
		kernel_restart();
	case LINUX_REBOOT_CMD_RESTART2:
		/* The command string is for firmware that takes one; read, unused. */
		if (strncpy_from_user(buf, arg, sizeof(buf)) == -EFAULT)
			return -EFAULT;
		kernel_restart();
	case LINUX_REBOOT_CMD_HALT:
		kernel_halt();
	case LINUX_REBOOT_CMD_POWER_OFF:
		kernel_power_off();
	case LINUX_REBOOT_CMD_CAD_ON:
		__atomic_store_n(&cad_reboots, 1, __ATOMIC_RELAXED);
		return 0;
	case LINUX_REBOOT_CMD_CAD_OFF:
		__atomic_store_n(&cad_reboots, 0, __ATOMIC_RELAXED);
		return 0;
	default:
		/* SW_SUSPEND and KEXEC: no hibernation, no kexec image. */
		return -EINVAL;
	}
}
