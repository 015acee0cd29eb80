/*
 * Scan code set 1 to key codes. The 8042 translates the keyboard's set 2 into
 * set 1, so this is what the CPU reads: one byte per key, bit 7 set on
 * release, 0xE0 before the extended keys and 0xE1 before Pause (IBM PS/2
 * Technical Reference, Keyboards; OSDev "PS/2 Keyboard", scan code set 1).
 */
#include <breenix/input.h>
#include "keyboard.h"

#define SC_BREAK	0x80
#define SC_E0		0xe0	/* the next byte is an extended key */
#define SC_E1		0xe1	/* Pause: E1 1D 45 on press, E1 9D C5 on release */
#define SC_ERROR	0xff	/* key detection error or buffer overrun */
#define SC_ERROR0	0x00	/* the same, as some keyboards send it */
#define SC_PAUSE_1	0x1d
#define SC_PAUSE_2	0x45

/*
 * Codes 0x01-0x53 are Linux's key codes 1-83 unchanged (Linux numbered its
 * keys after set 1); the few keys above them are listed here.
 */
static const uint8_t set1_high[0x80] = {
	[0x54] = KEY_SYSRQ,	/* Alt + Print Screen */
	[0x56] = KEY_102ND,
	[0x57] = KEY_F11,
	[0x58] = KEY_F12,
};

/*
 * After 0xE0. Not listed, so ignored: the fake shifts E0 2A and E0 36 that
 * keyboards wrap around extended keys to undo a held Shift or Num Lock, and
 * multimedia keys.
 */
static const uint8_t set1_e0[0x80] = {
	[0x1c] = KEY_KPENTER,
	[0x1d] = KEY_RIGHTCTRL,
	[0x35] = KEY_KPSLASH,
	[0x37] = KEY_SYSRQ,	/* Print Screen */
	[0x38] = KEY_RIGHTALT,
	[0x46] = KEY_PAUSE,	/* Ctrl + Pause (Break) */
	[0x47] = KEY_HOME,
	[0x48] = KEY_UP,
	[0x49] = KEY_PAGEUP,
	[0x4b] = KEY_LEFT,
	[0x4d] = KEY_RIGHT,
	[0x4f] = KEY_END,
	[0x50] = KEY_DOWN,
	[0x51] = KEY_PAGEDOWN,
	[0x52] = KEY_INSERT,
	[0x53] = KEY_DELETE,
	[0x5b] = KEY_LEFTMETA,
	[0x5c] = KEY_RIGHTMETA,
	[0x5d] = KEY_COMPOSE,
};

void scancode_decoder_reset(struct scancode_decoder *d)
{
	d->prefix = 0;
	d->pause_len = 0;
}

/* The two bytes after 0xE1: Pause's make (1D 45) or break (9D C5). */
static bool decode_pause(struct scancode_decoder *d, uint8_t byte,
			 struct scancode_key *key)
{
	uint8_t first = d->pause_first;

	if (d->pause_len++ == 0) {
		d->pause_first = byte;
		return false;
	}
	scancode_decoder_reset(d);
	if ((first & ~SC_BREAK) != SC_PAUSE_1 ||
	    (byte & ~SC_BREAK) != SC_PAUSE_2)
		return false;
	key->keycode = KEY_PAUSE;
	key->pressed = !(byte & SC_BREAK);
	return true;
}

static uint16_t set1_keycode(uint8_t code, bool extended)
{
	if (extended)
		return set1_e0[code];
	if (code <= KEY_KPDOT)
		return code;
	return set1_high[code];
}

bool scancode_decode(struct scancode_decoder *d, uint8_t byte,
		     struct scancode_key *key)
{
	bool extended;

	if (d->prefix == SC_E1)
		return decode_pause(d, byte, key);
	if (byte == SC_E0 || byte == SC_E1) {
		d->prefix = byte;
		d->pause_len = 0;
		return false;
	}
	extended = d->prefix == SC_E0;
	scancode_decoder_reset(d);
	if (byte == SC_ERROR || byte == SC_ERROR0)
		return false;
	key->keycode = set1_keycode(byte & ~SC_BREAK, extended);
	key->pressed = !(byte & SC_BREAK);
	return key->keycode != KEY_RESERVED;
}
