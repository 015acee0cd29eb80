/*
 * test=input: the harness types keys through the QEMU monitor and sends bytes
 * on COM1; this prints what reaches each input queue, so the harness can
 * check exact bytes: every key event, and each queue's bytes a line per CR.
 * EOT (Ctrl-D) from both the keyboard and the serial line ends the test.
 */
#include <stdbool.h>
#include <stdio.h>
#include <breenix/boottest.h>
#include <breenix/input.h>
#include <breenix/printk.h>
#include <breenix/time.h>
#include <asm/cpu.h>
#include "keyboard.h"

#define ECHO_LINE_MAX	64
#define EOT		0x04
#define TEST_TIMEOUT_NS	(120 * NSEC_PER_SEC)

struct echo {
	const char *name;
	struct input_queue *q;
	char line[ECHO_LINE_MAX];
	size_t len;
	bool done;
};

/* Printable ASCII as is, except quote and backslash; the rest as \xNN. */
static void echo_flush(struct echo *e)
{
	char text[ECHO_LINE_MAX * 4 + 1];
	size_t i, n = 0;

	for (i = 0; i < e->len; i++) {
		unsigned char c = e->line[i];

		if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\')
			text[n++] = c;
		else
			n += snprintf(text + n, sizeof(text) - n, "\\x%02x", c);
	}
	text[n] = '\0';
	pr_info("input: %s \"%s\"\n", e->name, text);
	e->len = 0;
}

static void echo_byte(struct echo *e, char c)
{
	if (c == EOT) {
		if (e->len)
			echo_flush(e);
		pr_info("input: %s EOT\n", e->name);
		e->done = true;
		return;
	}
	if (c == '\r') {
		echo_flush(e);
		return;
	}
	if (e->len == ECHO_LINE_MAX)
		echo_flush(e);
	e->line[e->len++] = c;
}

static void echo_drain(struct echo *e)
{
	char buf[32];
	size_t i, n;

	while ((n = input_read(e->q, buf, sizeof(buf))) > 0) {
		for (i = 0; i < n; i++)
			echo_byte(e, buf[i]);
	}
}

static void events_drain(void)
{
	struct key_event ev;

	while (input_read_events(kbd_event_queue(), &ev, 1)) {
		pr_info("input: key %u %s mods 0x%04x\n", (unsigned int)ev.keycode,
			!ev.pressed ? "up" : ev.repeat ? "repeat" : "down",
			(unsigned int)ev.modifiers);
	}
}

/*
 * Sleeps until an interrupt unless input is already waiting. Interrupts
 * are off for the check; "sti; hlt" then cannot lose a wake-up, as sti
 * takes effect only after the next instruction (Intel SDM 2B, STI).
 */
static void wait_for_input(void)
{
	local_irq_disable();
	if (input_pending(kbd_input_queue()) ||
	    input_pending(kbd_event_queue()) ||
	    input_pending(serial_input_queue())) {
		/* inline asm: re-enable interrupts, there is work to do. */
		__asm__ volatile("sti" : : : "memory");
		return;
	}
	/* inline asm: enable interrupts and halt until the next one, atomically. */
	__asm__ volatile("sti; hlt" : : : "memory");
}

/* Every byte arrived and none was lost on the way. */
static bool input_intact(void)
{
	struct serial_rx_stats st;
	unsigned long lost = kbd_input_queue()->dropped +
			     kbd_event_queue()->dropped +
			     serial_input_queue()->dropped;

	serial_rx_stats(&st);
	if (!lost && !st.overruns && !st.parity_errors &&
	    !st.framing_errors && !st.breaks)
		return true;
	pr_err("input: lost %lu, serial overruns %lu parity %lu framing %lu breaks %lu\n",
	       lost, st.overruns, st.parity_errors, st.framing_errors,
	       st.breaks);
	return false;
}

BOOT_TEST(input)
{
	struct echo kbd = { .name = "kbd", .q = kbd_input_queue() };
	struct echo serial = { .name = "serial", .q = serial_input_queue() };
	uint64_t deadline = ktime_get_ns() + TEST_TIMEOUT_NS;

	if (!i8042_keyboard_ready()) {
		pr_err("input: no PS/2 keyboard\n");
		return false;
	}
	/* The test reads the queues itself: the ttys stop taking their bytes. */
	input_queue_attach(kbd_input_queue(), NULL);
	input_queue_attach(serial_input_queue(), NULL);
	pr_info("input: ready\n");
	while (!kbd.done || !serial.done) {
		if (ktime_get_ns() > deadline) {
			pr_err("input: timed out\n");
			return false;
		}
		events_drain();
		echo_drain(&kbd);
		echo_drain(&serial);
		wait_for_input();
	}
	events_drain();
	if (!input_intact())
		return false;
	pr_info("input: done\n");
	return true;
}
