/*
 * Scan code set 1 decoding: every base and extended key, make and break,
 * the fake shifts, Print Screen, Pause, repeats, unknown and error bytes.
 */
#include <check.h>
#include <stdlib.h>
#include <breenix/input.h>
#include "keyboard.h"
#include "unit.h"

#define MAX_KEYS	16

struct decoded {
	struct scancode_key keys[MAX_KEYS];
	int n;
};

/* Decodes a byte sequence from a fresh decoder. */
static struct decoded decode(const uint8_t *bytes, size_t len)
{
	struct scancode_decoder d;
	struct decoded out = { .n = 0 };
	size_t i;

	scancode_decoder_reset(&d);
	for (i = 0; i < len; i++) {
		ck_assert_int_lt(out.n, MAX_KEYS);
		if (scancode_decode(&d, bytes[i], &out.keys[out.n]))
			out.n++;
	}
	return out;
}

#define DECODE(...)							\
	({								\
		static const uint8_t seq_[] = { __VA_ARGS__ };		\
		decode(seq_, sizeof(seq_));				\
	})

static void expect_key(const struct decoded *d, int i, uint16_t keycode,
		       bool pressed)
{
	ck_assert_int_gt(d->n, i);
	ck_assert_uint_eq(d->keys[i].keycode, keycode);
	ck_assert_int_eq(d->keys[i].pressed, pressed);
}

START_TEST(base_keys_are_linux_key_codes)
{
	unsigned int code;

	for (code = 0x01; code <= 0x53; code++) {
		uint8_t seq[2] = { code, code | 0x80 };
		struct decoded d = decode(seq, 2);

		ck_assert_int_eq(d.n, 2);
		expect_key(&d, 0, code, true);
		expect_key(&d, 1, code, false);
	}
}
END_TEST

START_TEST(keys_above_the_keypad)
{
	struct decoded d = DECODE(0x57, 0xd7, 0x58, 0xd8, 0x56, 0xd6, 0x54,
				  0xd4);

	ck_assert_int_eq(d.n, 8);
	expect_key(&d, 0, KEY_F11, true);
	expect_key(&d, 1, KEY_F11, false);
	expect_key(&d, 2, KEY_F12, true);
	expect_key(&d, 3, KEY_F12, false);
	expect_key(&d, 4, KEY_102ND, true);
	expect_key(&d, 5, KEY_102ND, false);
	expect_key(&d, 6, KEY_SYSRQ, true);
	expect_key(&d, 7, KEY_SYSRQ, false);
}
END_TEST

static const struct {
	uint8_t code;
	uint16_t keycode;
} extended[] = {
	{ 0x1c, KEY_KPENTER }, { 0x1d, KEY_RIGHTCTRL },
	{ 0x35, KEY_KPSLASH }, { 0x37, KEY_SYSRQ },
	{ 0x38, KEY_RIGHTALT }, { 0x46, KEY_PAUSE },
	{ 0x47, KEY_HOME }, { 0x48, KEY_UP }, { 0x49, KEY_PAGEUP },
	{ 0x4b, KEY_LEFT }, { 0x4d, KEY_RIGHT }, { 0x4f, KEY_END },
	{ 0x50, KEY_DOWN }, { 0x51, KEY_PAGEDOWN }, { 0x52, KEY_INSERT },
	{ 0x53, KEY_DELETE }, { 0x5b, KEY_LEFTMETA },
	{ 0x5c, KEY_RIGHTMETA }, { 0x5d, KEY_COMPOSE },
};

START_TEST(extended_keys_after_e0)
{
	size_t i;

	for (i = 0; i < sizeof(extended) / sizeof(extended[0]); i++) {
		uint8_t seq[4] = { 0xe0, extended[i].code, 0xe0,
				   extended[i].code | 0x80 };
		struct decoded d = decode(seq, 4);

		ck_assert_int_eq(d.n, 2);
		expect_key(&d, 0, extended[i].keycode, true);
		expect_key(&d, 1, extended[i].keycode, false);
	}
}
END_TEST

/* E0 applies to one byte only: the next key is a base key again. */
START_TEST(prefix_applies_to_one_byte)
{
	struct decoded d = DECODE(0xe0, 0x48, 0x48, 0xc8, 0xe0, 0xc8);

	ck_assert_int_eq(d.n, 4);
	expect_key(&d, 0, KEY_UP, true);
	expect_key(&d, 1, KEY_KP8, true);
	expect_key(&d, 2, KEY_KP8, false);
	expect_key(&d, 3, KEY_UP, false);
}
END_TEST

/* Num Lock on: Home comes wrapped in a fake Left Shift press and release. */
START_TEST(fake_shifts_are_ignored)
{
	struct decoded d = DECODE(0xe0, 0x2a, 0xe0, 0x47, 0xe0, 0xc7, 0xe0,
				  0xaa, 0xe0, 0x36, 0xe0, 0x53, 0xe0, 0xd3,
				  0xe0, 0xb6);

	ck_assert_int_eq(d.n, 4);
	expect_key(&d, 0, KEY_HOME, true);
	expect_key(&d, 1, KEY_HOME, false);
	expect_key(&d, 2, KEY_DELETE, true);
	expect_key(&d, 3, KEY_DELETE, false);
}
END_TEST

START_TEST(print_screen_is_one_key)
{
	struct decoded d = DECODE(0xe0, 0x2a, 0xe0, 0x37, 0xe0, 0xb7, 0xe0,
				  0xaa);

	ck_assert_int_eq(d.n, 2);
	expect_key(&d, 0, KEY_SYSRQ, true);
	expect_key(&d, 1, KEY_SYSRQ, false);
}
END_TEST

START_TEST(pause_sequence)
{
	struct decoded d = DECODE(0x1e, 0xe1, 0x1d, 0x45, 0xe1, 0x9d, 0xc5,
				  0x9e);

	ck_assert_int_eq(d.n, 4);
	expect_key(&d, 0, KEY_A, true);
	expect_key(&d, 1, KEY_PAUSE, true);
	expect_key(&d, 2, KEY_PAUSE, false);
	expect_key(&d, 3, KEY_A, false);
}
END_TEST

/* Ctrl+Pause is Break: E0 46 E0 C6, the same key. */
START_TEST(ctrl_pause_is_break)
{
	struct decoded d = DECODE(0x1d, 0xe0, 0x46, 0xe0, 0xc6, 0x9d);

	ck_assert_int_eq(d.n, 4);
	expect_key(&d, 0, KEY_LEFTCTRL, true);
	expect_key(&d, 1, KEY_PAUSE, true);
	expect_key(&d, 2, KEY_PAUSE, false);
	expect_key(&d, 3, KEY_LEFTCTRL, false);
}
END_TEST

/* A broken E1 sequence gives nothing and the decoder recovers. */
START_TEST(bad_pause_sequence_recovers)
{
	struct decoded d = DECODE(0xe1, 0x2a, 0x3b, 0x1e, 0x9e);

	ck_assert_int_eq(d.n, 2);
	expect_key(&d, 0, KEY_A, true);
	expect_key(&d, 1, KEY_A, false);
}
END_TEST

START_TEST(typematic_repeats_are_presses)
{
	struct decoded d = DECODE(0x1e, 0x1e, 0x1e, 0x9e, 0xe0, 0x48, 0xe0,
				  0x48, 0xe0, 0xc8);

	ck_assert_int_eq(d.n, 7);
	expect_key(&d, 0, KEY_A, true);
	expect_key(&d, 1, KEY_A, true);
	expect_key(&d, 2, KEY_A, true);
	expect_key(&d, 3, KEY_A, false);
	expect_key(&d, 4, KEY_UP, true);
	expect_key(&d, 5, KEY_UP, true);
	expect_key(&d, 6, KEY_UP, false);
}
END_TEST

START_TEST(unknown_keys_give_nothing)
{
	unsigned int code;

	for (code = 0x59; code <= 0x7f; code++) {
		uint8_t seq[6] = { code, code | 0x80, 0xe0, code,
				   0xe0, code | 0x80 };

		if (code == 0x5b || code == 0x5c || code == 0x5d)
			continue;	/* extended: the Windows and menu keys */
		ck_assert_int_eq(decode(seq, 6).n, 0);
	}
	/* Multimedia keys after E0 (mute, volume) and a stray 0x55. */
	ck_assert_int_eq(DECODE(0xe0, 0x20, 0xe0, 0xa0, 0xe0, 0x2e, 0xe0,
				0xae, 0x55, 0xd5).n, 0);
}
END_TEST

/* Error bytes are dropped and cancel a pending prefix. */
START_TEST(error_bytes_give_nothing)
{
	struct decoded d = DECODE(0x00, 0xff, 0xe0, 0xff, 0x48, 0xc8);

	ck_assert_int_eq(d.n, 2);
	expect_key(&d, 0, KEY_KP8, true);
	expect_key(&d, 1, KEY_KP8, false);
}
END_TEST

/* Bytes the keyboard answers commands with decode to no key. */
START_TEST(keyboard_replies_are_no_keys)
{
	struct decoded d = DECODE(0xfa, 0xfe, 0xee, 0xfc, 0xfd);

	ck_assert_int_eq(d.n, 0);
}
END_TEST

Suite *unit_suite(void)
{
	Suite *s = suite_create("scancode");
	TCase *tc = tcase_create("set1");

	tcase_add_test(tc, base_keys_are_linux_key_codes);
	tcase_add_test(tc, keys_above_the_keypad);
	tcase_add_test(tc, extended_keys_after_e0);
	tcase_add_test(tc, prefix_applies_to_one_byte);
	tcase_add_test(tc, fake_shifts_are_ignored);
	tcase_add_test(tc, print_screen_is_one_key);
	tcase_add_test(tc, pause_sequence);
	tcase_add_test(tc, ctrl_pause_is_break);
	tcase_add_test(tc, bad_pause_sequence_recovers);
	tcase_add_test(tc, typematic_repeats_are_presses);
	tcase_add_test(tc, unknown_keys_give_nothing);
	tcase_add_test(tc, error_bytes_give_nothing);
	tcase_add_test(tc, keyboard_replies_are_no_keys);
	suite_add_tcase(s, tc);
	return s;
}
