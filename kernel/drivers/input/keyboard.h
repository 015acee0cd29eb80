/*
 * Keyboard policy, kept apart from the 8042 so the host tests compile it:
 * scan code set 1 decoding (scancode.c), and modifier and lock state with the
 * US keymap and the bytes a terminal expects (keymap.c).
 */
#ifndef DRIVERS_INPUT_KEYBOARD_H
#define DRIVERS_INPUT_KEYBOARD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <breenix/input.h>

/* Where the decoder is inside a multi-byte sequence. */
struct scancode_decoder {
	uint8_t prefix;		/* 0, or the 0xE0 / 0xE1 prefix just seen */
	uint8_t pause_len;	/* bytes seen after 0xE1 */
	uint8_t pause_first;	/* the first of them */
};

struct scancode_key {
	uint16_t keycode;
	bool pressed;
};

void scancode_decoder_reset(struct scancode_decoder *d);

/*
 * Takes the next byte from a keyboard speaking set 1 (or set 2 through the
 * 8042's translation); returns true when it completes a key press or release.
 * Unknown keys, the fake shifts around extended keys and error bytes give
 * nothing.
 */
bool scancode_decode(struct scancode_decoder *d, uint8_t byte,
		     struct scancode_key *key);

/* Modifiers held and locks on, and which keys are down. */
struct kbd_state {
	uint16_t modifiers;
	uint8_t down[KEY_CNT / 8];
};

#define KBD_EVENT	0x1	/* *ev is a new key event */
#define KBD_LOCKS	0x2	/* a lock state changed: update the LEDs */

/* Applies a key press or release to s; returns KBD_* flags. */
unsigned int kbd_process(struct kbd_state *s, uint16_t keycode, bool pressed,
			 struct key_event *ev);

/* Longest byte sequence one key event produces. */
#define KBD_SEQ_MAX	8

/*
 * The bytes a terminal (xterm, VT100) expects for a key event, as the Linux
 * console sends them; returns their count, 0 for releases and for keys that
 * send nothing (modifiers, locks, Pause, Print Screen).
 */
size_t kbd_event_bytes(const struct key_event *ev, char buf[KBD_SEQ_MAX]);

/* i8042.c: whether a PS/2 keyboard was found and feeds the queues. */
bool i8042_keyboard_ready(void);

#endif
