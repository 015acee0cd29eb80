/*
 * The newlib port's crypt(3) ($5$ and $6$) and its SHA-256/SHA-512 on the
 * host: published examples and vectors, then agreement with the host's own
 * crypt (libxcrypt) over many keys and salts.
 */
#include <crypt.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "sha2.h"
#include "unit.h"

/*
 * libxcrypt's, declared here as its <crypt.h> would clash with the port's;
 * DATA is at least its struct crypt_data (32 KiB in libxcrypt 4.4).
 */
char *crypt_rn(const char *phrase, const char *setting, void *data, int size);
#define HOST_CRYPT_DATA_SIZE 65536

static void hex(const unsigned char *d, size_t n, char *out)
{
	for (size_t i = 0; i < n; i++)
		sprintf(out + 2 * i, "%02x", d[i]);
}

static void sha256_hex(const void *data, size_t len, size_t piece, char *out)
{
	struct sha256_ctx c;
	unsigned char d[SHA256_DIGEST_SIZE];
	const char *p = data;

	__sha256_init(&c);
	for (size_t off = 0; off < len; off += piece)
		__sha256_update(&c, p + off, len - off < piece ? len - off : piece);
	__sha256_final(&c, d);
	hex(d, sizeof(d), out);
}

static void sha512_hex(const void *data, size_t len, size_t piece, char *out)
{
	struct sha512_ctx c;
	unsigned char d[SHA512_DIGEST_SIZE];
	const char *p = data;

	__sha512_init(&c);
	for (size_t off = 0; off < len; off += piece)
		__sha512_update(&c, p + off, len - off < piece ? len - off : piece);
	__sha512_final(&c, d);
	hex(d, sizeof(d), out);
}

static const char two_block256[] = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
static const char two_block512[] =
	"abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopq"
	"klmnopqrlmnopqrsmnopqrstnopqrstu";

/* NIST's examples for FIPS 180-4 (one block, two blocks) and the empty message. */
START_TEST(sha256_examples)
{
	char out[2 * SHA256_DIGEST_SIZE + 1];

	sha256_hex("abc", 3, 3, out);
	ck_assert_str_eq(out, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	sha256_hex(two_block256, strlen(two_block256), 64, out);
	ck_assert_str_eq(out, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
	sha256_hex("", 0, 1, out);
	ck_assert_str_eq(out, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}
END_TEST

START_TEST(sha512_examples)
{
	char out[2 * SHA512_DIGEST_SIZE + 1];

	sha512_hex("abc", 3, 3, out);
	ck_assert_str_eq(out, "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
			      "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f");
	sha512_hex(two_block512, strlen(two_block512), 128, out);
	ck_assert_str_eq(out, "8e959b75dae313da8cf4f72814fc143f8f7779c6eb9f7fa17299aeadb6889018"
			      "501d289e4900f7e4331b99dec4b5433ac7d329eeb6dd26545e96e55b874be909");
	sha512_hex("", 0, 1, out);
	ck_assert_str_eq(out, "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce"
			      "47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e");
}
END_TEST

/* A million 'a's fed in pieces that straddle block boundaries (7 bytes). */
START_TEST(sha_million_a)
{
	static char a[1000000];
	char out256[2 * SHA256_DIGEST_SIZE + 1], out512[2 * SHA512_DIGEST_SIZE + 1];

	memset(a, 'a', sizeof(a));
	sha256_hex(a, sizeof(a), 7, out256);
	ck_assert_str_eq(out256, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
	sha512_hex(a, sizeof(a), 7, out512);
	ck_assert_str_eq(out512, "e718483d0ce769644e2e42c7bc15b4638e1f98b13b2044285632a803afa973eb"
				 "de0ff244877ea60a4cb0432ce577c31beb009c5c2c49aa2e4eadb217ad8cc09b");
}
END_TEST

struct vector {
	const char *setting, *key, *hash;
};

static const char long_key[] =
	"a very much longer text to encrypt.  This one even stretches over morethan one line.";

/* The specification's own test vectors ("Unix crypt using SHA-256 and SHA-512"). */
static const struct vector spec[] = {
	{ "$5$saltstring", "Hello world!",
	  "$5$saltstring$5B8vYYiY.CVt1RlTTf8KbXBH3hsxY/GNooZaBBGWEc5" },
	{ "$5$rounds=10000$saltstringsaltstring", "Hello world!",
	  "$5$rounds=10000$saltstringsaltst$3xv.VbSHBb41AL9AvLeujZkZRBAwqFMz2.opqey6IcA" },
	{ "$5$rounds=5000$toolongsaltstring", "This is just a test",
	  "$5$rounds=5000$toolongsaltstrin$Un/5jzAHMgOGZ5.mWJpuVolil07guHPvOW8mGRcvxa5" },
	{ "$5$rounds=1400$anotherlongsaltstring", long_key,
	  "$5$rounds=1400$anotherlongsalts$Rx.j8H.h8HjEDGomFU8bDkXm3XIUnzyxf12oP84Bnq1" },
	{ "$5$rounds=77777$short", "we have a short salt string but not a short password",
	  "$5$rounds=77777$short$JiO1O3ZpDAxGJeaDIuqCoEFysAe1mZNJRs3pw0KQRd/" },
	{ "$5$rounds=123456$asaltof16chars..", "a short string",
	  "$5$rounds=123456$asaltof16chars..$gP3VQ/6X7UUEW3HkBn2w1/Ptq2jxPyzV/cZKmF/wJvD" },
	{ "$5$rounds=10$roundstoolow", "the minimum number is still observed",
	  "$5$rounds=1000$roundstoolow$yfvwcWrQ8l/K0DAWyuPMDNHpIVlTQebY9l/gL972bIC" },
	{ "$6$saltstring", "Hello world!",
	  "$6$saltstring$svn8UoSVapNtMuq1ukKS4tPQd8iKwSMHWjl/O817G3uBnIFNjnQJu"
	  "esI68u4OTLiBFdcbYEdFCoEOfaS35inz1" },
	{ "$6$rounds=10000$saltstringsaltstring", "Hello world!",
	  "$6$rounds=10000$saltstringsaltst$OW1/O6BYHV6BcXZu8QVeXbDWra3Oeqh0sbHbbMCVNSnCM/"
	  "UrjmM0Dp8vOuZeHBy/YTBmSK6H9qs/y3RnOaw5v." },
	{ "$6$rounds=5000$toolongsaltstring", "This is just a test",
	  "$6$rounds=5000$toolongsaltstrin$lQ8jolhgVRVhY4b5pZKaysCLi0QBxGoNeKQ"
	  "zQ3glMhwllF7oGDZxUhx1yxdYcz/e1JSbq3y6JMxxl8audkUEm0" },
	{ "$6$rounds=1400$anotherlongsaltstring", long_key,
	  "$6$rounds=1400$anotherlongsalts$POfYwTEok97VWcjxIiSOjiykti.o/pQs.wP"
	  "vMxQ6Fm7I6IoYN3CmLs66x9t0oSwbtEW7o7UmJEiDwGqd8p4ur1" },
	{ "$6$rounds=77777$short", "we have a short salt string but not a short password",
	  "$6$rounds=77777$short$WuQyW2YR.hBNpjjRhpYD/ifIw05xdfeEyQoMxIXbkvr0g"
	  "ge1a1x3yRULJ5CCaUeOxFmtlcGZelFl5CxtgfiAc0" },
	{ "$6$rounds=123456$asaltof16chars..", "a short string",
	  "$6$rounds=123456$asaltof16chars..$BtCwjqMJGx5hrJhZywWvt0RLE8uZ4oPwc"
	  "elCjmw2kSYu.Ec6ycULevoBK25fs2xXgMNrCzIMVcgEJAstJeonj1" },
	{ "$6$rounds=10$roundstoolow", "the minimum number is still observed",
	  "$6$rounds=1000$roundstoolow$kUMsbe306n21p9R.FRkW3IGn.S9NPN0x50YhH1x"
	  "hLsPuWGsUSklZt58jaTfF4ZEQpyUNGc0dqbpBYYBaHHrsX." },
};

START_TEST(spec_vectors)
{
	const struct vector *v = &spec[_i];
	struct crypt_data data = { .initialized = 0 };

	ck_assert_str_eq(crypt(v->key, v->setting), v->hash);
	/* A stored hash is its own setting: verifying recomputes it. */
	ck_assert_str_eq(crypt(v->key, v->hash), v->hash);
	ck_assert_str_eq(crypt_r(v->key, v->setting, &data), v->hash);
}
END_TEST

/* The host's crypt for KEY and SETTING, and ours, agree. */
static void agree(const char *key, const char *setting)
{
	static char host_data[HOST_CRYPT_DATA_SIZE];
	const char *host = crypt_rn(key, setting, host_data, sizeof(host_data));
	const char *ours = crypt(key, setting);

	CHECK(host, "host crypt refused %s", setting);
	CHECK(ours && !strcmp(ours, host), "key of %zu bytes, %s: %s, host %s", strlen(key),
	      setting, ours ? ours : "(null)", host);
}

/*
 * Keys of 0 to 150 bytes (across one and two digests' worth, where steps 9
 * to 11 and 16 change shape) with salts of 1 to 16 characters (and longer,
 * cut to 16), default and explicit rounds, against the host. (libxcrypt
 * refuses the empty salt glibc took: empty_salt has glibc's result.)
 */
START_TEST(host_agrees)
{
	static const char salt_chars[] = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
	char key[151], setting[64], salt[21];
	const char *magic = _i ? "$6$" : "$5$";

	for (size_t n = 0; n < sizeof(key) - 1; n++) {
		size_t slen = 1 + n % 20;

		for (size_t i = 0; i < n; i++)
			key[i] = (char)(' ' + (n * 7 + i * 13) % 95);
		key[n] = '\0';
		for (size_t i = 0; i < slen; i++)
			salt[i] = salt_chars[(n + i * 5) % 64];
		salt[slen] = '\0';
		snprintf(setting, sizeof(setting), "%s%s", magic, salt);
		agree(key, setting);
		if (n % 10 == 0) {
			snprintf(setting, sizeof(setting), "%srounds=%zu$%s$", magic, 1000 + n, salt);
			agree(key, setting);
		}
	}
	snprintf(setting, sizeof(setting), "%srounds=5000$abc", magic);
	agree("explicit default rounds are repeated", setting);
}
END_TEST

/* An empty salt, which glibc accepted (Crypt::Passwd::XS's glibc-derived vector). */
START_TEST(empty_salt)
{
	ck_assert_str_eq(crypt("test1234", "$5$"), "$5$$LTI8w5KsA5bMCaf3VTEMPeKckTBV4y9mN7la4rjh896");
}
END_TEST

/* What crypt refuses: schemes other than $5$ and $6$ (POSIX: NULL, errno set). */
START_TEST(unsupported)
{
	static const char *const settings[] = { "", "ab", "$1$salt", "$2b$05$x", "$7$", "$y$j9T$x",
						"$5", "6$salt" };

	for (size_t i = 0; i < sizeof(settings) / sizeof(settings[0]); i++) {
		errno = 0;
		ck_assert_ptr_null(crypt("key", settings[i]));
		ck_assert_int_eq(errno, EINVAL);
	}
}
END_TEST

/* A "rounds=" that is not a number ended by '$' is salt, as glibc reads it. */
START_TEST(rounds_not_a_number)
{
	struct crypt_data a = { .initialized = 0 }, b = { .initialized = 0 };
	const char *h = crypt_r("key", "$6$rounds=x$salt", &a);

	ck_assert_ptr_nonnull(h);
	ck_assert_int_eq(strncmp(h, "$6$rounds=x$", 12), 0);
	ck_assert_str_eq(crypt_r("key", "$6$rounds=x", &a), crypt_r("key", "$6$rounds=x$o", &b));
}
END_TEST

Suite *unit_suite(void)
{
	Suite *s = suite_create("crypt");
	TCase *tc = tcase_create("crypt");

	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, sha256_examples);
	tcase_add_test(tc, sha512_examples);
	tcase_add_test(tc, sha_million_a);
	tcase_add_loop_test(tc, spec_vectors, 0, sizeof(spec) / sizeof(spec[0]));
	tcase_add_loop_test(tc, host_agrees, 0, 2);
	tcase_add_test(tc, empty_salt);
	tcase_add_test(tc, unsupported);
	tcase_add_test(tc, rounds_not_a_number);
	suite_add_tcase(s, tc);
	return s;
}
