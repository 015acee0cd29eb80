/*
 * ChaCha20 against RFC 8439: the block function (2.3.2), the cipher
 * (2.4.2), and that the cipher is its own inverse across block boundaries.
 */
#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <breenix/chacha20.h>

#include "unit.h"

static void unhex(const char *hex, uint8_t *out, size_t len)
{
	size_t i;
	unsigned int b;

	for (i = 0; i < len; i++) {
		ck_assert_int_eq(sscanf(hex + 2 * i, "%2x", &b), 1);
		out[i] = (uint8_t)b;
	}
}

static void rfc_key(uint8_t key[CHACHA20_KEY_SIZE])
{
	int i;

	for (i = 0; i < CHACHA20_KEY_SIZE; i++)
		key[i] = (uint8_t)i;
}

START_TEST(block_rfc8439_2_3_2)
{
	static const char expect_hex[] =
		"10f1e7e4d13b5915500fdd1fa32071c4c7d1f4c733c068030422aa9a"
		"c3d46c4ed2826446079faa0914c2d705d98b02a2b5129cd1de164eb9"
		"cbd083e8a2503c4e";
	uint8_t key[32], nonce[12], out[64], expect[64];

	rfc_key(key);
	unhex("000000090000004a00000000", nonce, sizeof(nonce));
	unhex(expect_hex, expect, sizeof(expect));
	chacha20_block(key, 1, nonce, out);
	ck_assert_mem_eq(out, expect, sizeof(expect));
}
END_TEST

static const char sunscreen[] =
	"Ladies and Gentlemen of the class of '99: If I could offer you "
	"only one tip for the future, sunscreen would be it.";

static const char sunscreen_ct_hex[] =
	"6e2e359a2568f98041ba0728dd0d6981e97e7aec1d4360c20a27afccfd9fae0b"
	"f91b65c5524733ab8f593dabcd62b3571639d624e65152ab8f530c359f0861d8"
	"07ca0dbf500d6a6156a38e088a22b65e52bc514d16ccf806818ce91ab7793736"
	"5af90bbf74a35be6b40b8eedf2785e42874d";

START_TEST(encrypt_rfc8439_2_4_2)
{
	size_t len = sizeof(sunscreen) - 1;
	uint8_t key[32], nonce[12], out[114], expect[114], back[114];

	ck_assert_uint_eq(len, sizeof(expect));
	rfc_key(key);
	unhex("000000000000004a00000000", nonce, sizeof(nonce));
	unhex(sunscreen_ct_hex, expect, sizeof(expect));
	chacha20_xor(key, 1, nonce, sunscreen, out, len);
	ck_assert_mem_eq(out, expect, len);
	chacha20_xor(key, 1, nonce, out, back, len);
	ck_assert_mem_eq(back, sunscreen, len);
}
END_TEST

/* The cipher in pieces equals the cipher in one go when cut at blocks. */
START_TEST(encrypt_in_blocks)
{
	uint8_t key[32], nonce[12], whole[114], part[114];

	rfc_key(key);
	unhex("000000000000004a00000000", nonce, sizeof(nonce));
	chacha20_xor(key, 1, nonce, sunscreen, whole, sizeof(whole));
	chacha20_xor(key, 1, nonce, sunscreen, part, 64);
	chacha20_xor(key, 2, nonce, sunscreen + 64, part + 64, 50);
	ck_assert_mem_eq(whole, part, sizeof(whole));
}
END_TEST

Suite *unit_suite(void)
{
	Suite *s = suite_create("chacha20");
	TCase *tc = tcase_create("rfc8439");

	tcase_add_test(tc, block_rfc8439_2_3_2);
	tcase_add_test(tc, encrypt_rfc8439_2_4_2);
	tcase_add_test(tc, encrypt_in_blocks);
	suite_add_tcase(s, tc);
	return s;
}
