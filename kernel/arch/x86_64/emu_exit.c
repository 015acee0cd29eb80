/*
 * Ending an emulated test run. QEMU's isa-debug-exit device (configured by the
 * harness at port 0xf4) exits with status (value << 1) | 1; Bochs shuts down
 * when the string "Shutdown" is written to port 0x8900. On anything else the
 * writes go nowhere and the machine halts.
 */
#include <breenix/console.h>
#include <breenix/machine.h>
#include <asm/cpu.h>
#include <asm/io.h>

#define QEMU_DEBUG_EXIT_PORT	0xf4
#define TEST_EXIT_PASS		0x10	/* QEMU status 33 */
#define TEST_EXIT_FAIL		0x11	/* QEMU status 35 */
#define BOCHS_SHUTDOWN_PORT	0x8900

void machine_test_exit(bool pass)
{
	const char *s;

	local_irq_disable();
	/* Bochs drops whatever the UART has not sent yet when it shuts down. */
	console_flush_all();
	outb(QEMU_DEBUG_EXIT_PORT, pass ? TEST_EXIT_PASS : TEST_EXIT_FAIL);
	for (s = "Shutdown"; *s; s++)
		outb(BOCHS_SHUTDOWN_PORT, *s);
	cpu_halt_forever();
}
