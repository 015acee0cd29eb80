/*
 * Key events and the bytes a terminal gets: the US layout with Shift, Caps
 * Lock, Ctrl and Alt, every key with an escape sequence, the keypad by Num
 * Lock, repeats and lock state, and scan codes through to bytes.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>
#include <breenix/input.h>
#include "keyboard.h"
#include "unit.h"

#define OUT_MAX	256

/* A keyboard and everything it has sent so far. */
struct term {
	struct kbd_state state;
	struct scancode_decoder decoder;
	char out[OUT_MAX];
	size_t len;
	struct key_event last;
	unsigned int flags;
};

static void term_init(struct term *t)
{
	memset(t, 0, sizeof(*t));
	scancode_decoder_reset(&t->decoder);
}

static void key(struct term *t, uint16_t keycode, bool pressed)
{
	struct key_event ev;
	char seq[KBD_SEQ_MAX];
	size_t n;

	t->flags = kbd_process(&t->state, keycode, pressed, &ev);
	if (!(t->flags & KBD_EVENT))
		return;
	t->last = ev;
	n = kbd_event_bytes(&ev, seq);
	ck_assert_uint_le(n, KBD_SEQ_MAX);
	ck_assert_uint_le(t->len + n, OUT_MAX);
	memcpy(t->out + t->len, seq, n);
	t->len += n;
}

static void tap(struct term *t, uint16_t keycode)
{
	key(t, keycode, true);
	key(t, keycode, false);
}

/* Taps keycode with the modifier keys mods held down. */
static void chord(struct term *t, const uint16_t *mods, int nmods,
		  uint16_t keycode)
{
	int i;

	for (i = 0; i < nmods; i++)
		key(t, mods[i], true);
	tap(t, keycode);
	for (i = nmods - 1; i >= 0; i--)
		key(t, mods[i], false);
}

#define CHORD(t, keycode, ...)						\
	do {								\
		static const uint16_t mods_[] = { __VA_ARGS__ };	\
		chord((t), mods_, sizeof(mods_) / sizeof(mods_[0]), (keycode)); \
	} while (0)

static void expect_out(struct term *t, const char *want, size_t len)
{
	ck_assert_uint_eq(t->len, len);
	ck_assert_mem_eq(t->out, want, len);
	t->len = 0;
}

#define EXPECT_OUT(t, lit)	expect_out((t), (lit), sizeof(lit) - 1)

/* The main block in US order, and what it types with and without Shift. */
static const uint16_t main_keys[] = {
	KEY_GRAVE, KEY_1, KEY_2, KEY_3, KEY_4, KEY_5, KEY_6, KEY_7, KEY_8,
	KEY_9, KEY_0, KEY_MINUS, KEY_EQUAL,
	KEY_Q, KEY_W, KEY_E, KEY_R, KEY_T, KEY_Y, KEY_U, KEY_I, KEY_O, KEY_P,
	KEY_LEFTBRACE, KEY_RIGHTBRACE, KEY_BACKSLASH,
	KEY_A, KEY_S, KEY_D, KEY_F, KEY_G, KEY_H, KEY_J, KEY_K, KEY_L,
	KEY_SEMICOLON, KEY_APOSTROPHE,
	KEY_Z, KEY_X, KEY_C, KEY_V, KEY_B, KEY_N, KEY_M, KEY_COMMA, KEY_DOT,
	KEY_SLASH, KEY_SPACE,
};
static const char main_plain[] =
	"`1234567890-=qwertyuiop[]\\asdfghjkl;'zxcvbnm,./ ";
static const char main_shift[] =
	"~!@#$%^&*()_+QWERTYUIOP{}|ASDFGHJKL:\"ZXCVBNM<>? ";
static const char main_caps[] =
	"`1234567890-=QWERTYUIOP[]\\ASDFGHJKL;'ZXCVBNM,./ ";
static const char main_caps_shift[] =
	"~!@#$%^&*()_+qwertyuiop{}|asdfghjkl:\"zxcvbnm<>? ";

#define NMAIN	(sizeof(main_keys) / sizeof(main_keys[0]))

static void type_main(struct term *t, uint16_t shift_key)
{
	size_t i;

	for (i = 0; i < NMAIN; i++)
		chord(t, &shift_key, shift_key ? 1 : 0, main_keys[i]);
}

START_TEST(us_layout_plain_and_shifted)
{
	struct term t;

	ck_assert_uint_eq(NMAIN, sizeof(main_plain) - 1);
	term_init(&t);
	type_main(&t, 0);
	expect_out(&t, main_plain, NMAIN);
	type_main(&t, KEY_LEFTSHIFT);
	expect_out(&t, main_shift, NMAIN);
	type_main(&t, KEY_RIGHTSHIFT);
	expect_out(&t, main_shift, NMAIN);
}
END_TEST

START_TEST(caps_lock_affects_letters_only)
{
	struct term t;

	term_init(&t);
	tap(&t, KEY_CAPSLOCK);
	ck_assert(t.state.modifiers & KMOD_CAPSLOCK);
	type_main(&t, 0);
	expect_out(&t, main_caps, NMAIN);
	type_main(&t, KEY_LEFTSHIFT);
	expect_out(&t, main_caps_shift, NMAIN);
	tap(&t, KEY_CAPSLOCK);
	ck_assert(!(t.state.modifiers & KMOD_CAPSLOCK));
	type_main(&t, 0);
	expect_out(&t, main_plain, NMAIN);
}
END_TEST

START_TEST(ctrl_letters_are_control_codes)
{
	static const uint16_t letters[26] = {
		KEY_A, KEY_B, KEY_C, KEY_D, KEY_E, KEY_F, KEY_G, KEY_H, KEY_I,
		KEY_J, KEY_K, KEY_L, KEY_M, KEY_N, KEY_O, KEY_P, KEY_Q, KEY_R,
		KEY_S, KEY_T, KEY_U, KEY_V, KEY_W, KEY_X, KEY_Y, KEY_Z,
	};
	struct term t;
	char want[26];
	int i;

	term_init(&t);
	for (i = 0; i < 26; i++) {
		want[i] = i + 1;
		CHORD(&t, letters[i], KEY_LEFTCTRL);
	}
	expect_out(&t, want, 26);
	/* Shift, Caps Lock and the right Ctrl change nothing. */
	tap(&t, KEY_CAPSLOCK);
	for (i = 0; i < 26; i++)
		CHORD(&t, letters[i], KEY_RIGHTCTRL, KEY_LEFTSHIFT);
	expect_out(&t, want, 26);
}
END_TEST

START_TEST(ctrl_punctuation_as_xterm)
{
	struct term t;

	term_init(&t);
	CHORD(&t, KEY_LEFTBRACE, KEY_LEFTCTRL);
	CHORD(&t, KEY_BACKSLASH, KEY_LEFTCTRL);
	CHORD(&t, KEY_RIGHTBRACE, KEY_LEFTCTRL);
	CHORD(&t, KEY_6, KEY_LEFTCTRL, KEY_LEFTSHIFT);		/* ^ */
	CHORD(&t, KEY_MINUS, KEY_LEFTCTRL, KEY_LEFTSHIFT);	/* _ */
	CHORD(&t, KEY_2, KEY_LEFTCTRL, KEY_LEFTSHIFT);		/* @ */
	CHORD(&t, KEY_SLASH, KEY_LEFTCTRL, KEY_LEFTSHIFT);	/* ? */
	CHORD(&t, KEY_SPACE, KEY_LEFTCTRL);
	EXPECT_OUT(&t, "\x1b\x1c\x1d\x1e\x1f\x00\x7f\x00");
	/* The digit row: Ctrl+2 NUL, Ctrl+3..7 ESC..US, Ctrl+8 DEL. */
	CHORD(&t, KEY_2, KEY_LEFTCTRL);
	CHORD(&t, KEY_3, KEY_LEFTCTRL);
	CHORD(&t, KEY_4, KEY_LEFTCTRL);
	CHORD(&t, KEY_5, KEY_LEFTCTRL);
	CHORD(&t, KEY_6, KEY_LEFTCTRL);
	CHORD(&t, KEY_7, KEY_LEFTCTRL);
	CHORD(&t, KEY_8, KEY_LEFTCTRL);
	CHORD(&t, KEY_MINUS, KEY_LEFTCTRL);
	EXPECT_OUT(&t, "\x00\x1b\x1c\x1d\x1e\x1f\x7f\x1f");
	/* No control code: the character itself. */
	CHORD(&t, KEY_1, KEY_LEFTCTRL);
	CHORD(&t, KEY_COMMA, KEY_LEFTCTRL);
	CHORD(&t, KEY_EQUAL, KEY_LEFTCTRL);
	EXPECT_OUT(&t, "1,=");
}
END_TEST

START_TEST(alt_sends_escape_first)
{
	struct term t;

	term_init(&t);
	CHORD(&t, KEY_X, KEY_LEFTALT);
	CHORD(&t, KEY_X, KEY_RIGHTALT, KEY_LEFTSHIFT);
	CHORD(&t, KEY_C, KEY_LEFTALT, KEY_LEFTCTRL);
	CHORD(&t, KEY_DOT, KEY_LEFTALT);
	CHORD(&t, KEY_BACKSPACE, KEY_LEFTALT);
	CHORD(&t, KEY_ENTER, KEY_LEFTALT);
	EXPECT_OUT(&t, "\x1bx\x1bX\x1b\x03\x1b.\x1b\x7f\x1b\r");
	/* Keys with an escape sequence send it alone. */
	CHORD(&t, KEY_UP, KEY_LEFTALT);
	EXPECT_OUT(&t, "\x1b[A");
}
END_TEST

static const struct {
	uint16_t keycode;
	const char *seq;
} special[] = {
	{ KEY_UP, "\x1b[A" }, { KEY_DOWN, "\x1b[B" },
	{ KEY_RIGHT, "\x1b[C" }, { KEY_LEFT, "\x1b[D" },
	{ KEY_HOME, "\x1b[H" }, { KEY_END, "\x1b[F" },
	{ KEY_INSERT, "\x1b[2~" }, { KEY_DELETE, "\x1b[3~" },
	{ KEY_PAGEUP, "\x1b[5~" }, { KEY_PAGEDOWN, "\x1b[6~" },
	{ KEY_F1, "\x1bOP" }, { KEY_F2, "\x1bOQ" }, { KEY_F3, "\x1bOR" },
	{ KEY_F4, "\x1bOS" }, { KEY_F5, "\x1b[15~" }, { KEY_F6, "\x1b[17~" },
	{ KEY_F7, "\x1b[18~" }, { KEY_F8, "\x1b[19~" },
	{ KEY_F9, "\x1b[20~" }, { KEY_F10, "\x1b[21~" },
	{ KEY_F11, "\x1b[23~" }, { KEY_F12, "\x1b[24~" },
	{ KEY_ENTER, "\r" }, { KEY_KPENTER, "\r" }, { KEY_BACKSPACE, "\x7f" },
	{ KEY_TAB, "\t" }, { KEY_ESC, "\x1b" },
};

START_TEST(special_keys_send_their_sequences)
{
	struct term t;
	size_t i;

	term_init(&t);
	for (i = 0; i < sizeof(special) / sizeof(special[0]); i++) {
		tap(&t, special[i].keycode);
		expect_out(&t, special[i].seq, strlen(special[i].seq));
	}
	/* With Shift and with Num Lock on, the same. */
	tap(&t, KEY_NUMLOCK);
	for (i = 0; i < sizeof(special) / sizeof(special[0]); i++) {
		if (special[i].keycode == KEY_TAB)
			continue;
		CHORD(&t, special[i].keycode, KEY_LEFTSHIFT);
		expect_out(&t, special[i].seq, strlen(special[i].seq));
	}
}
END_TEST

START_TEST(shift_tab_ctrl_backspace)
{
	struct term t;

	term_init(&t);
	CHORD(&t, KEY_TAB, KEY_LEFTSHIFT);
	CHORD(&t, KEY_BACKSPACE, KEY_LEFTCTRL);
	CHORD(&t, KEY_ENTER, KEY_LEFTCTRL);
	CHORD(&t, KEY_TAB, KEY_LEFTCTRL);
	EXPECT_OUT(&t, "\x1b[Z\b\r\t");
}
END_TEST

static const uint16_t keypad[] = {
	KEY_KP7, KEY_KP8, KEY_KP9, KEY_KP4, KEY_KP5, KEY_KP6, KEY_KP1,
	KEY_KP2, KEY_KP3, KEY_KP0, KEY_KPDOT, KEY_KPSLASH, KEY_KPASTERISK,
	KEY_KPMINUS, KEY_KPPLUS, KEY_KPENTER,
};

static void type_keypad(struct term *t)
{
	size_t i;

	for (i = 0; i < sizeof(keypad) / sizeof(keypad[0]); i++)
		tap(t, keypad[i]);
}

START_TEST(keypad_by_num_lock)
{
	struct term t;

	term_init(&t);
	type_keypad(&t);
	EXPECT_OUT(&t, "\x1b[H\x1b[A\x1b[5~\x1b[D\x1b[E\x1b[C\x1b[F\x1b[B"
		   "\x1b[6~\x1b[2~\x1b[3~/*-+\r");
	tap(&t, KEY_NUMLOCK);
	ck_assert(t.state.modifiers & KMOD_NUMLOCK);
	type_keypad(&t);
	EXPECT_OUT(&t, "7894561230./*-+\r");
	tap(&t, KEY_NUMLOCK);
	type_keypad(&t);
	EXPECT_OUT(&t, "\x1b[H\x1b[A\x1b[5~\x1b[D\x1b[E\x1b[C\x1b[F\x1b[B"
		   "\x1b[6~\x1b[2~\x1b[3~/*-+\r");
}
END_TEST

START_TEST(silent_keys_send_nothing)
{
	static const uint16_t silent[] = {
		KEY_LEFTSHIFT, KEY_RIGHTSHIFT, KEY_LEFTCTRL, KEY_RIGHTCTRL,
		KEY_LEFTALT, KEY_RIGHTALT, KEY_LEFTMETA, KEY_RIGHTMETA,
		KEY_CAPSLOCK, KEY_NUMLOCK, KEY_SCROLLLOCK, KEY_PAUSE,
		KEY_SYSRQ, KEY_COMPOSE,
	};
	struct term t;
	size_t i;

	term_init(&t);
	for (i = 0; i < sizeof(silent) / sizeof(silent[0]); i++) {
		tap(&t, silent[i]);
		ck_assert_uint_eq(t.len, 0);
	}
}
END_TEST

START_TEST(releases_send_nothing)
{
	struct term t;

	term_init(&t);
	key(&t, KEY_A, true);
	key(&t, KEY_UP, true);
	EXPECT_OUT(&t, "a\x1b[A");
	key(&t, KEY_A, false);
	key(&t, KEY_UP, false);
	ck_assert_uint_eq(t.len, 0);
	ck_assert(!t.last.pressed);
}
END_TEST

START_TEST(repeats_type_again_but_toggle_no_lock)
{
	struct term t;

	term_init(&t);
	key(&t, KEY_A, true);
	ck_assert(!t.last.repeat);
	key(&t, KEY_A, true);
	ck_assert(t.last.repeat && t.last.pressed);
	key(&t, KEY_A, true);
	key(&t, KEY_A, false);
	ck_assert(!t.last.repeat);
	EXPECT_OUT(&t, "aaa");

	key(&t, KEY_CAPSLOCK, true);
	ck_assert_uint_eq(t.flags, KBD_EVENT | KBD_LOCKS);
	key(&t, KEY_CAPSLOCK, true);
	ck_assert_uint_eq(t.flags, KBD_EVENT);
	key(&t, KEY_CAPSLOCK, false);
	ck_assert_uint_eq(t.flags, KBD_EVENT);
	ck_assert(t.state.modifiers & KMOD_CAPSLOCK);
	tap(&t, KEY_A);
	EXPECT_OUT(&t, "A");
}
END_TEST

START_TEST(events_carry_modifiers)
{
	struct term t;

	term_init(&t);
	key(&t, KEY_LEFTSHIFT, true);
	ck_assert_uint_eq(t.last.keycode, KEY_LEFTSHIFT);
	ck_assert_uint_eq(t.last.modifiers, KMOD_LSHIFT);
	key(&t, KEY_RIGHTCTRL, true);
	key(&t, KEY_RIGHTSHIFT, true);
	key(&t, KEY_RIGHTALT, true);
	key(&t, KEY_LEFTMETA, true);
	ck_assert_uint_eq(t.last.modifiers, KMOD_LSHIFT | KMOD_RSHIFT |
			  KMOD_RCTRL | KMOD_RALT | KMOD_LMETA);
	/* One Shift up, the other still down: still shifted. */
	key(&t, KEY_LEFTSHIFT, false);
	ck_assert_uint_eq(t.last.modifiers & KMOD_SHIFT, KMOD_RSHIFT);
	key(&t, KEY_RIGHTCTRL, false);
	key(&t, KEY_RIGHTALT, false);
	key(&t, KEY_LEFTMETA, false);
	tap(&t, KEY_A);
	EXPECT_OUT(&t, "A");
	key(&t, KEY_RIGHTSHIFT, false);
	ck_assert_uint_eq(t.last.modifiers, 0);
	tap(&t, KEY_SCROLLLOCK);
	tap(&t, KEY_NUMLOCK);
	ck_assert_uint_eq(t.last.modifiers, KMOD_SCROLLLOCK | KMOD_NUMLOCK);
	ck_assert_uint_eq(t.last.keycode, KEY_NUMLOCK);
}
END_TEST

/* A release without its press (a key held since before boot) is dropped. */
START_TEST(release_of_a_key_not_down_is_dropped)
{
	struct kbd_state s = { 0 };
	struct key_event ev;

	ck_assert_uint_eq(kbd_process(&s, KEY_LEFTSHIFT, false, &ev), 0);
	ck_assert_uint_eq(kbd_process(&s, KEY_A, false, &ev), 0);
	ck_assert_uint_eq(kbd_process(&s, KEY_RESERVED, true, &ev), 0);
	ck_assert_uint_eq(kbd_process(&s, KEY_CNT, true, &ev), 0);
	ck_assert_uint_eq(kbd_process(&s, 0xffff, true, &ev), 0);
	ck_assert_uint_eq(s.modifiers, 0);
}
END_TEST

/* Scan codes to bytes, the keyboard driver's whole pipeline. */
static void feed(struct term *t, const uint8_t *bytes, size_t len)
{
	struct scancode_key k;
	size_t i;

	for (i = 0; i < len; i++) {
		if (scancode_decode(&t->decoder, bytes[i], &k))
			key(t, k.keycode, k.pressed);
	}
}

START_TEST(scan_codes_to_bytes)
{
	static const uint8_t typed[] = {
		0x23, 0xa3,				/* h */
		0x2a, 0x1e, 0x9e, 0xaa,			/* Shift+a */
		0x1d, 0x2e, 0xae, 0x9d,			/* Ctrl+c */
		0xe0, 0x2a, 0xe0, 0x48, 0xe0, 0xc8, 0xe0, 0xaa, /* Up */
		0xe0, 0x53, 0xe0, 0xd3,			/* Delete */
		0x3b, 0xbb, 0x58, 0xd8,			/* F1, F12 */
		0xe1, 0x1d, 0x45, 0xe1, 0x9d, 0xc5,	/* Pause */
		0x38, 0x2d, 0xad, 0xb8,			/* Alt+x */
		0x45, 0xc5, 0x4f, 0xcf,			/* Num Lock, KP1 */
		0xe0, 0x1c, 0xe0, 0x9c,			/* KP Enter */
		0xaa,					/* BAT passed: no key */
	};
	struct term t;

	term_init(&t);
	feed(&t, typed, sizeof(typed));
	EXPECT_OUT(&t, "hA\x03\x1b[A\x1b[3~\x1bOP\x1b[24~\x1bx1\r");
	ck_assert_uint_eq(t.state.modifiers, KMOD_NUMLOCK);
}
END_TEST

Suite *unit_suite(void)
{
	Suite *s = suite_create("keymap");
	TCase *tc = tcase_create("us");

	tcase_add_test(tc, us_layout_plain_and_shifted);
	tcase_add_test(tc, caps_lock_affects_letters_only);
	tcase_add_test(tc, ctrl_letters_are_control_codes);
	tcase_add_test(tc, ctrl_punctuation_as_xterm);
	tcase_add_test(tc, alt_sends_escape_first);
	tcase_add_test(tc, special_keys_send_their_sequences);
	tcase_add_test(tc, shift_tab_ctrl_backspace);
	tcase_add_test(tc, keypad_by_num_lock);
	tcase_add_test(tc, silent_keys_send_nothing);
	tcase_add_test(tc, releases_send_nothing);
	tcase_add_test(tc, repeats_type_again_but_toggle_no_lock);
	tcase_add_test(tc, events_carry_modifiers);
	tcase_add_test(tc, release_of_a_key_not_down_is_dropped);
	tcase_add_test(tc, scan_codes_to_bytes);
	suite_add_tcase(s, tc);
	return s;
}
