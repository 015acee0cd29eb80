/*
 * Input: key codes and key events from keyboards, and the queues through which
 * keyboard and serial input reach their reader (the tty layer). Key codes are
 * Linux's (uapi/linux/input-event-codes.h), so an evdev interface can follow.
 */
#ifndef BREENIX_INPUT_H
#define BREENIX_INPUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <breenix/kfifo.h>
#include <breenix/spinlock.h>
#include <breenix/wait.h>

enum {
	KEY_RESERVED = 0,
	KEY_ESC, KEY_1, KEY_2, KEY_3, KEY_4, KEY_5, KEY_6, KEY_7, KEY_8,
	KEY_9, KEY_0, KEY_MINUS, KEY_EQUAL, KEY_BACKSPACE, KEY_TAB,
	KEY_Q, KEY_W, KEY_E, KEY_R, KEY_T, KEY_Y, KEY_U, KEY_I, KEY_O, KEY_P,
	KEY_LEFTBRACE, KEY_RIGHTBRACE, KEY_ENTER, KEY_LEFTCTRL,
	KEY_A, KEY_S, KEY_D, KEY_F, KEY_G, KEY_H, KEY_J, KEY_K, KEY_L,
	KEY_SEMICOLON, KEY_APOSTROPHE, KEY_GRAVE, KEY_LEFTSHIFT, KEY_BACKSLASH,
	KEY_Z, KEY_X, KEY_C, KEY_V, KEY_B, KEY_N, KEY_M,
	KEY_COMMA, KEY_DOT, KEY_SLASH, KEY_RIGHTSHIFT, KEY_KPASTERISK,
	KEY_LEFTALT, KEY_SPACE, KEY_CAPSLOCK,
	KEY_F1, KEY_F2, KEY_F3, KEY_F4, KEY_F5, KEY_F6, KEY_F7, KEY_F8,
	KEY_F9, KEY_F10, KEY_NUMLOCK, KEY_SCROLLLOCK,
	KEY_KP7, KEY_KP8, KEY_KP9, KEY_KPMINUS, KEY_KP4, KEY_KP5, KEY_KP6,
	KEY_KPPLUS, KEY_KP1, KEY_KP2, KEY_KP3, KEY_KP0, KEY_KPDOT,	/* 83 */
	KEY_102ND = 86,		/* the extra key left of Z on ISO keyboards */
	KEY_F11 = 87,
	KEY_F12 = 88,
	KEY_KPENTER = 96,
	KEY_RIGHTCTRL = 97,
	KEY_KPSLASH = 98,
	KEY_SYSRQ = 99,		/* Print Screen / SysRq */
	KEY_RIGHTALT = 100,
	KEY_HOME = 102,
	KEY_UP = 103,
	KEY_PAGEUP = 104,
	KEY_LEFT = 105,
	KEY_RIGHT = 106,
	KEY_END = 107,
	KEY_DOWN = 108,
	KEY_PAGEDOWN = 109,
	KEY_INSERT = 110,
	KEY_DELETE = 111,
	KEY_PAUSE = 119,
	KEY_LEFTMETA = 125,
	KEY_RIGHTMETA = 126,
	KEY_COMPOSE = 127,	/* the menu key */
	KEY_CNT = 128		/* key codes are below this */
};

/* Modifier keys held, and lock states, when a key event happened. */
#define KMOD_LSHIFT	0x0001
#define KMOD_RSHIFT	0x0002
#define KMOD_LCTRL	0x0004
#define KMOD_RCTRL	0x0008
#define KMOD_LALT	0x0010
#define KMOD_RALT	0x0020
#define KMOD_LMETA	0x0040
#define KMOD_RMETA	0x0080
#define KMOD_CAPSLOCK	0x0100
#define KMOD_NUMLOCK	0x0200
#define KMOD_SCROLLLOCK	0x0400
#define KMOD_SHIFT	(KMOD_LSHIFT | KMOD_RSHIFT)
#define KMOD_CTRL	(KMOD_LCTRL | KMOD_RCTRL)
#define KMOD_ALT	(KMOD_LALT | KMOD_RALT)
#define KMOD_META	(KMOD_LMETA | KMOD_RMETA)
#define KMOD_LOCKS	(KMOD_CAPSLOCK | KMOD_NUMLOCK | KMOD_SCROLLLOCK)

/*
 * One key going down (pressed; repeat when it was already down, the
 * keyboard's typematic repeat) or up. modifiers is the state after this key:
 * a Shift press carries KMOD_LSHIFT, a Caps Lock press the new lock state.
 */
struct key_event {
	uint16_t keycode;
	uint16_t modifiers;
	bool pressed;
	bool repeat;
};

struct input_queue;

/*
 * Someone to tell when data arrives in a queue: the tty layer embeds one and
 * gets back to itself with container_of(), as Linux's tty flip buffers push
 * to the line discipline. notify runs in the producer's context (an
 * interrupt handler): it must be short, take no sleeping lock and must not
 * call printk. A listener must stay valid while it is attached.
 */
struct input_listener {
	void (*notify)(struct input_listener *l, struct input_queue *q);
};

/*
 * A queue of input: bytes, or key_event records. Each put is one unit (a
 * key's whole escape sequence, an event, a byte) that goes in whole or is
 * dropped and counted, so a reader never sees half a sequence. One producer
 * (the device's interrupt handler); readers are serialised by read_lock.
 */
struct input_queue {
	const char *name;
	struct kfifo fifo;
	spinlock_t read_lock;
	struct input_listener *listener;
	unsigned long dropped;		/* units lost to a full queue */
};

#define INPUT_QUEUE_INIT(qname, storage) {				\
	.name = (qname),						\
	.fifo = KFIFO_INIT(storage),					\
	.read_lock = SPINLOCK_INIT,					\
}

/* The queues of this machine's devices; they exist even with no device. */
struct input_queue *kbd_input_queue(void);	/* bytes a terminal expects */
struct input_queue *kbd_event_queue(void);	/* struct key_event records */
struct input_queue *serial_input_queue(void);	/* bytes received on COM1 */

/* Producer: queues len bytes as one unit; returns 0, or -ENOSPC (dropped). */
int input_queue_put(struct input_queue *q, const void *buf, size_t len);

/*
 * Reader, never blocks (the tty's wait queue will sleep on the listener's
 * notify): moves up to len queued bytes into buf; returns the count. An event
 * queue is read with input_read_events, which never splits a record.
 */
size_t input_read(struct input_queue *q, void *buf, size_t len);

/* Reader of an event queue: up to max whole events; returns the count. */
size_t input_read_events(struct input_queue *q, struct key_event *ev,
			 size_t max);

/* Reader: drops what is queued (tcflush); returns the bytes dropped. */
size_t input_flush(struct input_queue *q);

/* Bytes queued now. */
size_t input_pending(struct input_queue *q);

/*
 * Attaches (or with NULL detaches) the one listener of a queue. A handler
 * running on another CPU may still call the old listener just after.
 */
void input_queue_attach(struct input_queue *q, struct input_listener *l);

/* COM1's receive errors since boot (a full queue counts in its dropped). */
struct serial_rx_stats {
	unsigned long overruns;		/* bytes lost: the FIFO was full */
	unsigned long parity_errors;	/* bytes dropped for bad parity */
	unsigned long framing_errors;	/* bytes dropped without a stop bit */
	unsigned long breaks;		/* line breaks received */
};

void serial_rx_stats(struct serial_rx_stats *out);

#endif
