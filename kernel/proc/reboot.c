/*
 * reboot(2): power off through ACPI S5, restart through the FADT reset
 * register, then the keyboard controller's reset line, then a triple
 * fault (Linux's x86 order: BOOT_ACPI, BOOT_KBD, BOOT_TRIPLE), halt.
 * Root only; the magic numbers are checked as Linux checks them.
 */
#include <breenix/acpi.h>
#include <breenix/console.h>
#include <breenix/cred.h>
#include <breenix/delay.h>
#include <breenix/errno.h>
#include <breenix/printk.h>
#include <breenix/syscall.h>
#include <breenix/uaccess.h>
#include <asm/cpu.h>
#include <asm/io.h>
#include <uapi/linux/reboot.h>

/* The 8042's status and command ports; 0xfe pulses the CPU reset line. */
#define I8042_STATUS		0x64
#define I8042_COMMAND		0x64
#define I8042_STATUS_IBF	0x02
#define I8042_CMD_RESET		0xfe

/* Linux's C_A_D: whether Ctrl-Alt-Del reboots at once (the tty reads it). */
static int cad_reboots = 1;

static void kbd_reset(void)
{
	int i;

	for (i = 0; i < 10; i++) {
		int j;

		/* Wait for the 8042's input buffer to drain, then pulse reset. */
		for (j = 0; j < 0x10000 && (inb(I8042_STATUS) & I8042_STATUS_IBF); j++)
			udelay(2);
		outb(I8042_COMMAND, I8042_CMD_RESET);
		udelay(50);
	}
}

/* An empty IDT makes the next exception a triple fault: the CPU resets. */
static __attribute__((noreturn)) void triple_fault(void)
{
	static const struct {
		uint16_t limit;
		uint64_t base;
	} __attribute__((packed)) no_idt = { 0, 0 };

	__asm__ volatile("lidt %0; int3" : : "m"(no_idt) : "memory");
	cpu_halt_forever();
}

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
	local_irq_disable();
	acpi_reset();
	kbd_reset();
	triple_fault();
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
