/*
 * Key events and the US keymap: which modifiers are held and which locks are
 * on, and the bytes a terminal expects for each key, as the Linux console
 * sends them with xterm's sequences for the keys that have no character.
 */
#include <string.h>
#include <breenix/input.h>
#include "keyboard.h"

#define ESC	"\033"
#define CSI	ESC "["
#define SS3	ESC "O"
#define DEL	0x7f

/* US layout: the character of each key, without and with Shift. */
static const char us_plain[KEY_CNT] = {
	[KEY_1] = '1', [KEY_2] = '2', [KEY_3] = '3', [KEY_4] = '4',
	[KEY_5] = '5', [KEY_6] = '6', [KEY_7] = '7', [KEY_8] = '8',
	[KEY_9] = '9', [KEY_0] = '0', [KEY_MINUS] = '-', [KEY_EQUAL] = '=',
	[KEY_Q] = 'q', [KEY_W] = 'w', [KEY_E] = 'e', [KEY_R] = 'r',
	[KEY_T] = 't', [KEY_Y] = 'y', [KEY_U] = 'u', [KEY_I] = 'i',
	[KEY_O] = 'o', [KEY_P] = 'p', [KEY_LEFTBRACE] = '[',
	[KEY_RIGHTBRACE] = ']', [KEY_A] = 'a', [KEY_S] = 's', [KEY_D] = 'd',
	[KEY_F] = 'f', [KEY_G] = 'g', [KEY_H] = 'h', [KEY_J] = 'j',
	[KEY_K] = 'k', [KEY_L] = 'l', [KEY_SEMICOLON] = ';',
	[KEY_APOSTROPHE] = '\'', [KEY_GRAVE] = '`', [KEY_BACKSLASH] = '\\',
	[KEY_Z] = 'z', [KEY_X] = 'x', [KEY_C] = 'c', [KEY_V] = 'v',
	[KEY_B] = 'b', [KEY_N] = 'n', [KEY_M] = 'm', [KEY_COMMA] = ',',
	[KEY_DOT] = '.', [KEY_SLASH] = '/', [KEY_SPACE] = ' ',
	[KEY_102ND] = '<',
};

static const char us_shift[KEY_CNT] = {
	[KEY_1] = '!', [KEY_2] = '@', [KEY_3] = '#', [KEY_4] = '$',
	[KEY_5] = '%', [KEY_6] = '^', [KEY_7] = '&', [KEY_8] = '*',
	[KEY_9] = '(', [KEY_0] = ')', [KEY_MINUS] = '_', [KEY_EQUAL] = '+',
	[KEY_Q] = 'Q', [KEY_W] = 'W', [KEY_E] = 'E', [KEY_R] = 'R',
	[KEY_T] = 'T', [KEY_Y] = 'Y', [KEY_U] = 'U', [KEY_I] = 'I',
	[KEY_O] = 'O', [KEY_P] = 'P', [KEY_LEFTBRACE] = '{',
	[KEY_RIGHTBRACE] = '}', [KEY_A] = 'A', [KEY_S] = 'S', [KEY_D] = 'D',
	[KEY_F] = 'F', [KEY_G] = 'G', [KEY_H] = 'H', [KEY_J] = 'J',
	[KEY_K] = 'K', [KEY_L] = 'L', [KEY_SEMICOLON] = ':',
	[KEY_APOSTROPHE] = '"', [KEY_GRAVE] = '~', [KEY_BACKSLASH] = '|',
	[KEY_Z] = 'Z', [KEY_X] = 'X', [KEY_C] = 'C', [KEY_V] = 'V',
	[KEY_B] = 'B', [KEY_N] = 'N', [KEY_M] = 'M', [KEY_COMMA] = '<',
	[KEY_DOT] = '>', [KEY_SLASH] = '?', [KEY_SPACE] = ' ',
	[KEY_102ND] = '>',
};

/* Keys without a character: xterm's sequences (xterm ctlseqs, PC-style keys). */
static const char *const vt_keys[KEY_CNT] = {
	[KEY_UP] = CSI "A", [KEY_DOWN] = CSI "B",
	[KEY_RIGHT] = CSI "C", [KEY_LEFT] = CSI "D",
	[KEY_HOME] = CSI "H", [KEY_END] = CSI "F",
	[KEY_INSERT] = CSI "2~", [KEY_DELETE] = CSI "3~",
	[KEY_PAGEUP] = CSI "5~", [KEY_PAGEDOWN] = CSI "6~",
	[KEY_F1] = SS3 "P", [KEY_F2] = SS3 "Q", [KEY_F3] = SS3 "R",
	[KEY_F4] = SS3 "S", [KEY_F5] = CSI "15~", [KEY_F6] = CSI "17~",
	[KEY_F7] = CSI "18~", [KEY_F8] = CSI "19~", [KEY_F9] = CSI "20~",
	[KEY_F10] = CSI "21~", [KEY_F11] = CSI "23~", [KEY_F12] = CSI "24~",
};

/* The keypad with Num Lock on; the keys always sending a character too. */
static const char keypad_chars[KEY_CNT] = {
	[KEY_KP0] = '0', [KEY_KP1] = '1', [KEY_KP2] = '2', [KEY_KP3] = '3',
	[KEY_KP4] = '4', [KEY_KP5] = '5', [KEY_KP6] = '6', [KEY_KP7] = '7',
	[KEY_KP8] = '8', [KEY_KP9] = '9', [KEY_KPDOT] = '.',
	[KEY_KPSLASH] = '/', [KEY_KPASTERISK] = '*', [KEY_KPMINUS] = '-',
	[KEY_KPPLUS] = '+', [KEY_KPENTER] = '\r',
};

/* With Num Lock off, the keypad's digits are the editing keys printed on them. */
static const uint8_t keypad_nav[KEY_CNT] = {
	[KEY_KP0] = KEY_INSERT, [KEY_KP1] = KEY_END, [KEY_KP2] = KEY_DOWN,
	[KEY_KP3] = KEY_PAGEDOWN, [KEY_KP4] = KEY_LEFT, [KEY_KP6] = KEY_RIGHT,
	[KEY_KP7] = KEY_HOME, [KEY_KP8] = KEY_UP, [KEY_KP9] = KEY_PAGEUP,
	[KEY_KPDOT] = KEY_DELETE,
};

#define KP5_NO_NUMLOCK	CSI "E"	/* xterm's "begin" for the keypad's centre */

static uint16_t modifier_bit(uint16_t keycode)
{
	switch (keycode) {
	case KEY_LEFTSHIFT:	return KMOD_LSHIFT;
	case KEY_RIGHTSHIFT:	return KMOD_RSHIFT;
	case KEY_LEFTCTRL:	return KMOD_LCTRL;
	case KEY_RIGHTCTRL:	return KMOD_RCTRL;
	case KEY_LEFTALT:	return KMOD_LALT;
	case KEY_RIGHTALT:	return KMOD_RALT;
	case KEY_LEFTMETA:	return KMOD_LMETA;
	case KEY_RIGHTMETA:	return KMOD_RMETA;
	default:		return 0;
	}
}

static uint16_t lock_bit(uint16_t keycode)
{
	switch (keycode) {
	case KEY_CAPSLOCK:	return KMOD_CAPSLOCK;
	case KEY_NUMLOCK:	return KMOD_NUMLOCK;
	case KEY_SCROLLLOCK:	return KMOD_SCROLLLOCK;
	default:		return 0;
	}
}

/*
 * A release of a key that is not down (held since before the driver started)
 * is dropped, as Linux's input core does; a press of a key already down is a
 * typematic repeat, which sends its bytes again but toggles no lock.
 */
unsigned int kbd_process(struct kbd_state *s, uint16_t keycode, bool pressed,
			 struct key_event *ev)
{
	uint8_t bit = 1u << (keycode % 8);
	unsigned int ret = KBD_EVENT;
	bool was_down;

	if (keycode == KEY_RESERVED || keycode >= KEY_CNT)
		return 0;
	was_down = s->down[keycode / 8] & bit;
	if (!pressed && !was_down)
		return 0;
	if (pressed)
		s->down[keycode / 8] |= bit;
	else
		s->down[keycode / 8] &= ~bit;

	if (pressed)
		s->modifiers |= modifier_bit(keycode);
	else
		s->modifiers &= ~modifier_bit(keycode);
	if (lock_bit(keycode) && pressed && !was_down) {
		s->modifiers ^= lock_bit(keycode);
		ret |= KBD_LOCKS;
	}

	ev->keycode = keycode;
	ev->modifiers = s->modifiers;
	ev->pressed = pressed;
	ev->repeat = pressed && was_down;
	return ret;
}

static size_t put_string(char *buf, const char *s)
{
	size_t len = strlen(s);

	memcpy(buf, s, len);
	return len;
}

/*
 * Ctrl with a character, as xterm and the Linux console: '@' to '_' and the
 * letters become 0x00-0x1F, '?' becomes DEL, and the digit row keeps the
 * VT220's shortcuts (Ctrl+2 NUL, Ctrl+3 ESC ... Ctrl+7 US, Ctrl+8 DEL).
 */
static char ctrl_char(char c)
{
	if (c >= '@' && c <= '_')
		return c & 0x1f;
	if (c >= 'a' && c <= 'z')
		return c & 0x1f;
	if (c >= '3' && c <= '7')
		return c - '3' + 0x1b;
	switch (c) {
	case ' ':
	case '2':
		return 0x00;
	case '8':
	case '?':
		return DEL;
	case '-':
		return 0x1f;
	default:
		return c;
	}
}

/* The character of a main-block key, or -1 if it has none. */
static int key_char(const struct key_event *ev)
{
	bool shift = ev->modifiers & KMOD_SHIFT;
	char plain = us_plain[ev->keycode];
	char c = shift ? us_shift[ev->keycode] : plain;

	if (!plain)
		return -1;
	/* Caps Lock inverts Shift for letters only. */
	if ((ev->modifiers & KMOD_CAPSLOCK) && plain >= 'a' && plain <= 'z')
		c = shift ? plain : us_shift[ev->keycode];
	if (ev->modifiers & KMOD_CTRL)
		c = ctrl_char(c);
	return (unsigned char)c;
}

/* Keys that send one byte of their own, whatever the layout. */
static int control_key(const struct key_event *ev)
{
	switch (ev->keycode) {
	case KEY_ENTER:
		return '\r';
	case KEY_BACKSPACE:
		/* DEL, as Linux consoles send; Ctrl+Backspace is BS. */
		return ev->modifiers & KMOD_CTRL ? '\b' : DEL;
	case KEY_TAB:
		return '\t';
	case KEY_ESC:
		return 0x1b;
	default:
		return -1;
	}
}

/* The keypad, by the Num Lock state; returns bytes written or -1 if no keypad key. */
static int keypad_bytes(const struct key_event *ev, char *buf)
{
	uint16_t nav = keypad_nav[ev->keycode];

	if (!(ev->modifiers & KMOD_NUMLOCK) && ev->keycode == KEY_KP5)
		return put_string(buf, KP5_NO_NUMLOCK);
	if (!(ev->modifiers & KMOD_NUMLOCK) && nav)
		return put_string(buf, vt_keys[nav]);
	if (!keypad_chars[ev->keycode])
		return -1;
	buf[0] = keypad_chars[ev->keycode];
	return 1;
}

size_t kbd_event_bytes(const struct key_event *ev, char buf[KBD_SEQ_MAX])
{
	size_t n = 0;
	int c;

	if (!ev->pressed || ev->keycode >= KEY_CNT)
		return 0;
	c = keypad_bytes(ev, buf);
	if (c >= 0)
		return c;
	if (ev->keycode == KEY_TAB && (ev->modifiers & KMOD_SHIFT))
		return put_string(buf, CSI "Z");	/* back-tab, as xterm */
	if (vt_keys[ev->keycode])
		return put_string(buf, vt_keys[ev->keycode]);

	c = control_key(ev);
	if (c < 0)
		c = key_char(ev);
	if (c < 0)
		return 0;
	/* Alt sends ESC before the character (the Linux console's meta). */
	if (ev->modifiers & KMOD_ALT)
		buf[n++] = 0x1b;
	buf[n++] = c;
	return n;
}
