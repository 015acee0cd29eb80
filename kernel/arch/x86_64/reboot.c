/*
 * Resetting an x86 PC, in Linux's order (arch/x86/kernel/reboot.c: BOOT_ACPI,
 * BOOT_KBD, BOOT_TRIPLE): the FADT reset register, the keyboard
 * controller's reset line, then a triple fault, which resets any CPU.
 */
#include <stdint.h>
#include <breenix/acpi.h>
#include <breenix/delay.h>
#include <breenix/machine.h>
#include <asm/cpu.h>
#include <asm/io.h>

/* The 8042's status and command port; command 0xfe pulses the CPU reset line. */
#define I8042_STATUS		0x64
#define I8042_COMMAND		0x64
#define I8042_STATUS_IBF	0x02
#define I8042_CMD_RESET		0xfe

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

	/* inline asm: lidt and int3 have no C equivalent. */
	__asm__ volatile("lidt %0; int3" : : "m"(no_idt) : "memory");
	cpu_halt_forever();
}

void machine_restart(void)
{
	local_irq_disable();
	acpi_reset();
	kbd_reset();
	triple_fault();
}
