/*
 * The 8042 keyboard controller and the PS/2 keyboard on its first port: the
 * controller's set-up and self-tests, a keyboard reset, scan code set 2
 * translated by the controller into set 1, and the IRQ 1 handler that feeds
 * the keyboard queues. The second (mouse) port stays disabled.
 */
#include <stdbool.h>
#include <stdint.h>
#include <breenix/cmdline.h>
#include <breenix/delay.h>
#include <breenix/errno.h>
#include <breenix/init.h>
#include <breenix/input.h>
#include <breenix/irq.h>
#include <breenix/printk.h>
#include <breenix/tty.h>
#include <asm/io.h>
#include "keyboard.h"

/* Ports, registers and commands: OSDev "8042 PS/2 Controller", as Linux's i8042.h. */
#define I8042_DATA		0x60
#define I8042_STATUS		0x64	/* read */
#define I8042_COMMAND		0x64	/* write */

#define STR_OBF			0x01	/* a byte waits for the CPU in port 0x60 */
#define STR_IBF			0x02	/* the controller has not taken our last byte */
#define STR_AUXDATA		0x20	/* the waiting byte came from port 2 */
#define STR_TIMEOUT		0x40	/* the device did not answer */
#define STR_PARITY		0x80	/* the byte came with a parity error */

#define CMD_READ_CTR		0x20
#define CMD_WRITE_CTR		0x60
#define CMD_AUX_DISABLE		0xa7
#define CMD_SELF_TEST		0xaa
#define CMD_KBD_TEST		0xab
#define CMD_KBD_DISABLE		0xad
#define CMD_KBD_ENABLE		0xae
#define SELF_TEST_PASSED	0x55
#define KBD_TEST_PASSED		0x00

/* The controller configuration byte ("command byte"). */
#define CTR_KBDINT		0x01	/* IRQ 1 when port 1 has a byte */
#define CTR_AUXINT		0x02	/* IRQ 12 when port 2 has a byte */
#define CTR_KBDDIS		0x10	/* port 1 clock off */
#define CTR_AUXDIS		0x20	/* port 2 clock off */
#define CTR_XLATE		0x40	/* translate set 2 to set 1 */

/* Keyboard commands and replies: IBM PS/2 Technical Reference, Keyboards. */
#define KBD_CMD_SETLEDS		0xed
#define KBD_CMD_SCANSET		0xf0
#define KBD_CMD_ENABLE		0xf4	/* start scanning */
#define KBD_CMD_DISABLE		0xf5	/* stop scanning, load defaults */
#define KBD_CMD_RESET		0xff	/* reset and basic assurance test */
#define KBD_ACK			0xfa
#define KBD_RESEND		0xfe
#define KBD_SCANSET_1		1	/* arguments of KBD_CMD_SCANSET */
#define KBD_SCANSET_2		2
#define KBD_BAT_PASSED		0xaa
#define KBD_LED_SCROLL		0x01
#define KBD_LED_NUM		0x02
#define KBD_LED_CAPS		0x04

#define I8042_IRQ		1
#define I8042_BUFFER_SIZE	16	/* more bytes than this in a flush: no controller */
#define I8042_POLL_US		50
#define I8042_CTL_TIMEOUT_MS	500	/* a controller command, as Linux allows */
#define KBD_ACK_TIMEOUT_MS	200
#define KBD_BAT_TIMEOUT_MS	1000	/* the keyboard's self-test after reset */
#define KBD_RETRIES		3	/* answers of "resend" before giving up */
#define IRQ_WRITE_TIMEOUT_US	1000	/* in the interrupt handler: short */

static bool i8042_status_wait(uint8_t mask, uint8_t want, unsigned int us)
{
	unsigned int waited;

	for (waited = 0; waited <= us; waited += I8042_POLL_US) {
		/* Port 0x64 read: the status register. */
		if ((inb(I8042_STATUS) & mask) == want)
			return true;
		udelay(I8042_POLL_US);
	}
	return false;
}

/* Writes to port (0x60 data, 0x64 command) once the controller takes bytes. */
static int i8042_write(uint16_t port, uint8_t byte, unsigned int us)
{
	if (!i8042_status_wait(STR_IBF, 0, us))
		return -EIO;
	/* Port 0x60 or 0x64 write: a byte for the device or the controller. */
	outb(port, byte);
	return 0;
}

/* The next byte from the controller; -EIO if none, or if the device failed to send it. */
static int i8042_read(unsigned int ms)
{
	uint8_t status, byte;

	if (!i8042_status_wait(STR_OBF, STR_OBF, ms * 1000))
		return -EIO;
	/* Port 0x64 read: did the byte arrive intact. */
	status = inb(I8042_STATUS);
	/* Port 0x60 read: the byte waiting in the output buffer. */
	byte = inb(I8042_DATA);
	return status & (STR_TIMEOUT | STR_PARITY) ? -EIO : byte;
}

/* Drops stale bytes; -ENODEV if they never stop (no controller there). */
static int i8042_flush(void)
{
	int n;

	for (n = 0; n <= I8042_BUFFER_SIZE; n++) {
		/* Port 0x64 read: stop once the output buffer is empty. */
		if (!(inb(I8042_STATUS) & STR_OBF))
			return 0;
		udelay(I8042_POLL_US);
		/* Port 0x60 read: discard the byte. */
		inb(I8042_DATA);
	}
	return -ENODEV;
}

static int i8042_command(uint8_t cmd)
{
	return i8042_write(I8042_COMMAND, cmd, I8042_CTL_TIMEOUT_MS * 1000);
}

/* A controller command with a one-byte answer: the answer, or -errno. */
static int i8042_command_read(uint8_t cmd)
{
	int err = i8042_command(cmd);

	return err ? err : i8042_read(I8042_CTL_TIMEOUT_MS);
}

static int i8042_write_ctr(uint8_t ctr)
{
	int err = i8042_command(CMD_WRITE_CTR);

	if (err)
		return err;
	return i8042_write(I8042_DATA, ctr, I8042_CTL_TIMEOUT_MS * 1000);
}

/* The next byte other than skip (keystrokes, repeated ACKs), or -EIO. */
static int kbd_read_skipping(unsigned int ms, int (*skip)(int reply))
{
	int n, reply;

	for (n = 0; n <= I8042_BUFFER_SIZE; n++) {
		reply = i8042_read(ms);
		if (reply < 0 || !skip(reply))
			return reply;
	}
	return -EIO;
}

static int not_an_answer(int reply)
{
	return reply != KBD_ACK && reply != KBD_RESEND;
}

/* A byte to the keyboard, answered by ACK (or RESEND, then sent again). */
static int kbd_command(uint8_t byte)
{
	int tries, reply;

	for (tries = 0; tries < KBD_RETRIES; tries++) {
		if (i8042_write(I8042_DATA, byte, I8042_CTL_TIMEOUT_MS * 1000))
			return -EIO;
		reply = kbd_read_skipping(KBD_ACK_TIMEOUT_MS, not_an_answer);
		if (reply == KBD_ACK)
			return 0;
		if (reply < 0)
			return reply;
	}
	return -EIO;
}

/*
 * Linux's i8042_controller_init and OSDev's sequence: both ports and their
 * interrupts off, the output buffer flushed, the self-test, then port 1's
 * interface test. Returns the configuration byte to keep, or -errno.
 */
static int i8042_controller_init(void)
{
	int ctr, reply, err;

	/* Port 0x64 read: a floating bus (no controller) reads all ones. */
	if (inb(I8042_STATUS) == 0xff)
		return -ENODEV;
	if (i8042_command(CMD_KBD_DISABLE) || i8042_command(CMD_AUX_DISABLE))
		return -ENODEV;
	err = i8042_flush();
	if (err)
		return err;
	ctr = i8042_command_read(CMD_READ_CTR);
	if (ctr < 0)
		return -ENODEV;
	ctr &= ~(CTR_KBDINT | CTR_AUXINT | CTR_XLATE);
	ctr |= CTR_KBDDIS | CTR_AUXDIS;
	err = i8042_write_ctr(ctr);
	if (err)
		return err;

	reply = i8042_command_read(CMD_SELF_TEST);
	if (reply != SELF_TEST_PASSED) {
		pr_err("i8042: controller self-test failed (%d)\n", reply);
		return -EIO;
	}
	/* Some controllers come out of the self-test reset: set it again. */
	err = i8042_write_ctr(ctr);
	if (err)
		return err;
	reply = i8042_command_read(CMD_KBD_TEST);
	if (reply != KBD_TEST_PASSED) {
		pr_err("i8042: keyboard port test failed (%d)\n", reply);
		return -EIO;
	}
	ctr &= ~CTR_KBDDIS;
	err = i8042_write_ctr(ctr);
	if (!err)
		err = i8042_command(CMD_KBD_ENABLE);
	return err ? err : ctr;
}

static int is_ack(int reply)
{
	return reply == KBD_ACK;
}

/* Reset: ACK now, then the result of the keyboard's self-test (BAT). */
static int kbd_reset(void)
{
	int err = kbd_command(KBD_CMD_RESET);
	int reply;

	if (err)
		return err;
	reply = kbd_read_skipping(KBD_BAT_TIMEOUT_MS, is_ack);
	if (reply < 0)
		return reply;
	return reply == KBD_BAT_PASSED ? 0 : -EIO;
}

/* The keyboard's state, owned by the interrupt handler once it runs. */
enum led_step { LED_IDLE, LED_WAIT_CMD_ACK, LED_WAIT_ARG_ACK };

static struct {
	struct scancode_decoder decoder;
	struct kbd_state state;
	enum led_step led_step;
	uint8_t led_last;	/* the byte sent last, for a resend */
	uint8_t led_tries;
	bool ready;
} kbd;

static uint8_t kbd_led_byte(uint16_t modifiers)
{
	return (modifiers & KMOD_SCROLLLOCK ? KBD_LED_SCROLL : 0) |
	       (modifiers & KMOD_NUMLOCK ? KBD_LED_NUM : 0) |
	       (modifiers & KMOD_CAPSLOCK ? KBD_LED_CAPS : 0);
}

/* Sends one step of the Set LEDs command; gives up quietly if stuck. */
static void kbd_led_send(enum led_step step, uint8_t byte)
{
	kbd.led_last = byte;
	kbd.led_tries = 0;
	kbd.led_step = step;
	if (i8042_write(I8042_DATA, byte, IRQ_WRITE_TIMEOUT_US))
		kbd.led_step = LED_IDLE;
}

/*
 * Set LEDs (0xED, then the LED bits) without waiting: each ACK arrives as
 * an interrupt and moves the command on. If the locks changed meanwhile,
 * the command runs again once it ends.
 */
static void kbd_leds_update(void)
{
	if (kbd.led_step == LED_IDLE)
		kbd_led_send(LED_WAIT_CMD_ACK, KBD_CMD_SETLEDS);
}

/* A byte while a Set LEDs command runs; returns true if it was its answer. */
static bool kbd_led_reply(uint8_t byte)
{
	if (byte == KBD_RESEND && kbd.led_tries < KBD_RETRIES) {
		kbd.led_tries++;
		if (i8042_write(I8042_DATA, kbd.led_last, IRQ_WRITE_TIMEOUT_US))
			kbd.led_step = LED_IDLE;
		return true;
	}
	if (byte != KBD_ACK) {
		/* No answer after all: the command is lost, the byte is a key. */
		kbd.led_step = LED_IDLE;
		return byte == KBD_RESEND;
	}
	if (kbd.led_step == LED_WAIT_CMD_ACK) {
		kbd_led_send(LED_WAIT_ARG_ACK,
			     kbd_led_byte(kbd.state.modifiers));
		return true;
	}
	kbd.led_step = LED_IDLE;
	if (kbd_led_byte(kbd.state.modifiers) != kbd.led_last)
		kbd_leds_update();
	return true;
}

static void kbd_receive(uint8_t byte)
{
	struct scancode_key key;
	struct key_event ev;
	char seq[KBD_SEQ_MAX];
	unsigned int flags;
	size_t n;

	if (kbd.led_step != LED_IDLE && kbd_led_reply(byte))
		return;
	if (!scancode_decode(&kbd.decoder, byte, &key))
		return;
	flags = kbd_process(&kbd.state, key.keycode, key.pressed, &ev);
	if (!(flags & KBD_EVENT))
		return;
	input_queue_put(kbd_event_queue(), &ev, sizeof(ev));
	if (ev.pressed && ev.keycode == KEY_DELETE &&
	    (ev.modifiers & KMOD_CTRL) && (ev.modifiers & KMOD_ALT)) {
		ctrl_alt_del();
		return;
	}
	n = kbd_event_bytes(&ev, seq);
	if (n)
		input_queue_put(kbd_input_queue(), seq, n);
	if (flags & KBD_LOCKS)
		kbd_leds_update();
}

/*
 * IRQ 1: one byte is waiting. A byte from port 2, or one that came with a
 * parity error or timeout, is read (to free the buffer) and dropped.
 */
static void i8042_irq(unsigned int irq, void *data)
{
	uint8_t status, byte;

	(void)irq;
	(void)data;
	/* Port 0x64 read: is there a byte, and from where. */
	status = inb(I8042_STATUS);
	if (!(status & STR_OBF))
		return;
	/* Port 0x60 read: take the byte; this also lowers IRQ 1. */
	byte = inb(I8042_DATA);
	if (status & STR_AUXDATA)
		return;
	if (status & (STR_PARITY | STR_TIMEOUT)) {
		/* A lost byte may have been part of a sequence: start over. */
		scancode_decoder_reset(&kbd.decoder);
		return;
	}
	kbd_receive(byte);
}

/*
 * The keyboard after a reset: scanning stopped while it is set up, the scan
 * code set chosen so the CPU reads set 1, the LEDs matching the (off) locks.
 * With translation the keyboard keeps set 2, its default; without (the
 * controller refused it, or i8042.direct on the command line, as in Linux)
 * it is asked for set 1 itself.
 */
static int kbd_setup(bool translated)
{
	int err = kbd_command(KBD_CMD_DISABLE);

	if (err)
		return err;
	err = kbd_command(KBD_CMD_SCANSET);
	if (!err)
		err = kbd_command(translated ? KBD_SCANSET_2 : KBD_SCANSET_1);
	if (err && !translated)
		return err;
	if (err)
		pr_warn("i8042: keyboard refused set 2 (%d); keeping its default\n",
			err);
	if (!kbd_command(KBD_CMD_SETLEDS))
		kbd_command(kbd_led_byte(0));
	return kbd_command(KBD_CMD_ENABLE);
}

/* Asks for translation on or off; returns the configuration byte read back. */
static int i8042_set_translation(int ctr, bool translate)
{
	int err;

	ctr = translate ? ctr | CTR_XLATE : ctr & ~CTR_XLATE;
	err = i8042_write_ctr(ctr);
	if (err)
		return err;
	return i8042_command_read(CMD_READ_CTR);
}

static int i8042_init(void)
{
	bool translated;
	int ctr, err;

	ctr = i8042_controller_init();
	if (ctr < 0) {
		pr_info("i8042: no PS/2 controller (%d)\n", ctr);
		return 0;
	}
	err = kbd_reset();
	if (err) {
		pr_info("i8042: no keyboard on port 1 (%d)\n", err);
		i8042_command(CMD_KBD_DISABLE);
		return 0;
	}
	ctr = i8042_set_translation(ctr, !cmdline_enabled("i8042.direct"));
	if (ctr < 0)
		return ctr;
	translated = ctr & CTR_XLATE;
	err = kbd_setup(translated);
	if (err) {
		pr_err("i8042: keyboard set-up failed (%d)\n", err);
		return err;
	}
	i8042_flush();
	err = irq_register(I8042_IRQ, i8042_irq, NULL);
	if (err) {
		pr_err("i8042: cannot have IRQ %d (%d)\n", I8042_IRQ, err);
		return err;
	}
	kbd.ready = true;
	err = i8042_write_ctr(ctr | CTR_KBDINT);
	if (err)
		return err;
	pr_info("i8042: PS/2 keyboard on IRQ %d, scan code set %s\n",
		I8042_IRQ, translated ? "2 translated to set 1" : "1");
	return 0;
}
device_initcall(i8042_init);

bool i8042_keyboard_ready(void)
{
	return kbd.ready;
}
