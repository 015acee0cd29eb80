/*
 * In-kernel tests of the input path: the kfifo and the input queues in
 * kernel context, and scan codes injected into the 8042 reaching the
 * keyboard queues through the real IRQ 1 handler.
 */
#include <string.h>
#include <breenix/delay.h>
#include <breenix/errno.h>
#include <breenix/input.h>
#include <breenix/ktest.h>
#include <breenix/list.h>
#include <asm/io.h>
#include "keyboard.h"

KTEST(kfifo_wraps_in_kernel)
{
	static unsigned char storage[16];
	struct kfifo f = KFIFO_INIT(storage);
	unsigned char out[16];
	int i;

	for (i = 0; i < 100; i++) {
		KT_ASSERT_EQ(kfifo_put(&f, "abcdefghijk", 11), 11);
		KT_ASSERT_EQ(kfifo_len(&f), 11);
		KT_ASSERT_EQ(kfifo_put(&f, "0123456789", 10), 5);
		KT_ASSERT(kfifo_is_full(&f));
		KT_ASSERT_EQ(kfifo_get(&f, out, sizeof(out)), 16);
		KT_ASSERT(!memcmp(out, "abcdefghijk01234", 16));
	}
}

KTEST(input_queue_keeps_units_whole)
{
	static unsigned char storage[8];
	struct input_queue q = INPUT_QUEUE_INIT("test", storage);
	char out[8];

	KT_ASSERT_EQ(input_queue_put(&q, "\033[A", 3), 0);
	KT_ASSERT_EQ(input_queue_put(&q, "\033[B", 3), 0);
	KT_ASSERT_EQ(input_queue_put(&q, "\033[C", 3), -ENOSPC);
	KT_ASSERT_EQ(q.dropped, 1);
	KT_ASSERT_EQ(input_queue_put(&q, "xy", 2), 0);
	KT_ASSERT_EQ(input_pending(&q), 8);
	KT_ASSERT_EQ(input_read(&q, out, 4), 4);
	KT_ASSERT(!memcmp(out, "\033[A\033", 4));
	KT_ASSERT_EQ(input_flush(&q), 4);
	KT_ASSERT_EQ(input_read(&q, out, sizeof(out)), 0);
}

KTEST(input_queue_event_records)
{
	static unsigned char storage[64];
	struct input_queue q = INPUT_QUEUE_INIT("test-events", storage);
	struct key_event in[12], out[12];
	size_t i, n = 0;

	for (i = 0; i < 12; i++) {
		in[i] = (struct key_event){ .keycode = KEY_A + i,
					    .modifiers = i, .pressed = i & 1 };
		if (input_queue_put(&q, &in[i], sizeof(in[i])) == 0)
			n++;
	}
	KT_ASSERT_EQ(n, 64 / sizeof(struct key_event));
	KT_ASSERT_EQ(input_read_events(&q, out, 2), 2);
	KT_ASSERT_EQ(input_read_events(&q, out + 2, 12), n - 2);
	KT_ASSERT(!memcmp(in, out, n * sizeof(in[0])));
}

struct test_listener {
	struct input_listener l;
	struct input_queue *seen;
	int calls;
};

static void test_notify(struct input_listener *l, struct input_queue *q)
{
	struct test_listener *t = container_of(l, struct test_listener, l);

	t->seen = q;
	t->calls++;
}

KTEST(input_listener_is_told)
{
	static unsigned char storage[8];
	struct input_queue q = INPUT_QUEUE_INIT("test", storage);
	struct test_listener tl = { .l.notify = test_notify };

	input_queue_attach(&q, &tl.l);
	KT_ASSERT_EQ(input_queue_put(&q, "a", 1), 0);
	KT_ASSERT_EQ(tl.calls, 1);
	KT_ASSERT(tl.seen == &q);
	input_queue_attach(&q, NULL);
	KT_ASSERT_EQ(input_queue_put(&q, "b", 1), 0);
	KT_ASSERT_EQ(tl.calls, 1);
}

/*
 * The 8042's "write keyboard output buffer" command (0xD2, OSDev "8042 PS/2
 * Controller") hands a byte to the CPU as if the keyboard had sent it,
 * raising IRQ 1: scan codes go through the real interrupt path.
 */
#define I8042_DATA		0x60
#define I8042_STATUS		0x64
#define I8042_COMMAND		0x64
#define STR_OBF			0x01
#define STR_IBF			0x02
#define CMD_WRITE_KBD_OBUF	0xd2
#define INJECT_WAIT_US		100000

static bool i8042_idle(uint8_t mask)
{
	unsigned int us;

	for (us = 0; us < INJECT_WAIT_US; us += 10) {
		/* Port 0x64 read: the status register. */
		if (!(inb(I8042_STATUS) & mask))
			return true;
		udelay(10);
	}
	return false;
}

/* Waits until the handler has taken the byte before the next one. */
static bool inject(uint8_t byte)
{
	if (!i8042_idle(STR_IBF | STR_OBF))
		return false;
	/* Port 0x64 write: the next data byte goes to the output buffer. */
	outb(I8042_COMMAND, CMD_WRITE_KBD_OBUF);
	if (!i8042_idle(STR_IBF))
		return false;
	/* Port 0x60 write: the byte, as from the keyboard. */
	outb(I8042_DATA, byte);
	return i8042_idle(STR_IBF | STR_OBF);
}

KTEST(injected_scan_codes_reach_the_queues)
{
	static const uint8_t keys[] = { 0x23, 0x12, 0x26, 0x26, 0x18 };
	static const char want[] = "helloHELLOhelloHELLO";
	struct input_listener *tty = kbd_input_queue()->listener;
	struct key_event ev;
	char got[sizeof(want)];
	size_t i, n = 0, events = 0;
	int round;

	KT_ASSERT_MSG(i8042_keyboard_ready(), "no PS/2 keyboard");
	/* The test reads the queue itself: tty1 stops taking its bytes meanwhile. */
	input_queue_attach(kbd_input_queue(), NULL);
	input_flush(kbd_input_queue());
	input_flush(kbd_event_queue());
	for (round = 0; round < 4; round++) {
		if (round & 1)
			KT_ASSERT(inject(0x2a));	/* Left Shift down */
		for (i = 0; i < sizeof(keys); i++) {
			KT_ASSERT(inject(keys[i]));
			KT_ASSERT(inject(keys[i] | 0x80));
		}
		if (round & 1)
			KT_ASSERT(inject(0xaa));	/* Left Shift up */
		/* Read between rounds, as a tty would. */
		n += input_read(kbd_input_queue(), got + n,
				sizeof(got) - 1 - n);
	}
	while (input_read_events(kbd_event_queue(), &ev, 1))
		events++;
	input_queue_attach(kbd_input_queue(), tty);
	KT_ASSERT_EQ(n, sizeof(want) - 1);
	KT_ASSERT(!memcmp(got, want, n));
	KT_ASSERT_EQ(events, 4 * 2 * sizeof(keys) + 2 * 2);
}
