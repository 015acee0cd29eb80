/*
 * crypt(3) with the SHA-256 ("$5$") and SHA-512 ("$6$") schemes of Ulrich
 * Drepper's "Unix crypt using SHA-256 and SHA-512" (the specification glibc
 * implements), so a hash made on Linux verifies here and the reverse.
 * "Step n" below is the specification's numbered step.
 */
#include <crypt.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "sha2.h"

/* The specification's bounds: salt characters used, and rounds. */
#define SALT_LEN_MAX 16
#define ROUNDS_DEFAULT 5000
#define ROUNDS_MIN 1000
#define ROUNDS_MAX 999999999

union sha_ctx {
	struct sha256_ctx s256;
	struct sha512_ctx s512;
};

/*
 * Step 22e's order: each row takes the digest bytes at its first three
 * places (-1 for a zero byte), most significant first, as its last number
 * of base-64 characters, least significant 6 bits first.
 */
typedef signed char b64_order[4];

struct scheme {
	const char *magic;
	size_t size;			/* digest bytes */
	void (*init)(union sha_ctx *c);
	void (*update)(union sha_ctx *c, const void *data, size_t len);
	void (*final)(union sha_ctx *c, unsigned char *digest);
	const b64_order *order;
	size_t rows;
};

static void init256(union sha_ctx *c)
{
	__sha256_init(&c->s256);
}

static void update256(union sha_ctx *c, const void *data, size_t len)
{
	__sha256_update(&c->s256, data, len);
}

static void final256(union sha_ctx *c, unsigned char *digest)
{
	__sha256_final(&c->s256, digest);
}

static void init512(union sha_ctx *c)
{
	__sha512_init(&c->s512);
}

static void update512(union sha_ctx *c, const void *data, size_t len)
{
	__sha512_update(&c->s512, data, len);
}

static void final512(union sha_ctx *c, unsigned char *digest)
{
	__sha512_final(&c->s512, digest);
}

static const b64_order order256[] = {
	{ 0, 10, 20, 4 }, { 21, 1, 11, 4 }, { 12, 22, 2, 4 }, { 3, 13, 23, 4 },
	{ 24, 4, 14, 4 }, { 15, 25, 5, 4 }, { 6, 16, 26, 4 }, { 27, 7, 17, 4 },
	{ 18, 28, 8, 4 }, { 9, 19, 29, 4 }, { -1, 31, 30, 3 },
};

static const b64_order order512[] = {
	{ 0, 21, 42, 4 }, { 22, 43, 1, 4 }, { 44, 2, 23, 4 }, { 3, 24, 45, 4 },
	{ 25, 46, 4, 4 }, { 47, 5, 26, 4 }, { 6, 27, 48, 4 }, { 28, 49, 7, 4 },
	{ 50, 8, 29, 4 }, { 9, 30, 51, 4 }, { 31, 52, 10, 4 }, { 53, 11, 32, 4 },
	{ 12, 33, 54, 4 }, { 34, 55, 13, 4 }, { 56, 14, 35, 4 }, { 15, 36, 57, 4 },
	{ 37, 58, 16, 4 }, { 59, 17, 38, 4 }, { 18, 39, 60, 4 }, { 40, 61, 19, 4 },
	{ 62, 20, 41, 4 }, { -1, -1, 63, 2 },
};

static const struct scheme schemes[] = {
	{ "$5$", SHA256_DIGEST_SIZE, init256, update256, final256, order256,
	  sizeof(order256) / sizeof(order256[0]) },
	{ "$6$", SHA512_DIGEST_SIZE, init512, update512, final512, order512,
	  sizeof(order512) / sizeof(order512[0]) },
};

/* The parsed setting: "$5$" or "$6$", optionally "rounds=N$", then the salt. */
struct setting {
	unsigned long rounds;
	int rounds_custom;		/* "rounds=" given: the output repeats it */
	const char *salt;
	size_t salt_len;
};

/*
 * Out-of-range rounds are clamped, as the specification says; a "rounds="
 * not followed by digits and '$' is part of the salt.
 */
static void parse_setting(const char *p, struct setting *st)
{
	st->rounds = ROUNDS_DEFAULT;
	st->rounds_custom = 0;
	if (!strncmp(p, "rounds=", 7)) {
		char *end;
		unsigned long n = strtoul(p + 7, &end, 10);

		if (*end == '$') {
			p = end + 1;
			st->rounds = n < ROUNDS_MIN ? ROUNDS_MIN : n > ROUNDS_MAX ? ROUNDS_MAX : n;
			st->rounds_custom = 1;
		}
	}
	st->salt = p;
	st->salt_len = strcspn(p, "$");
	if (st->salt_len > SALT_LEN_MAX)
		st->salt_len = SALT_LEN_MAX;
}

/* Steps 9-10, 16 and 20: LEN bytes of DIGEST repeated (SIZE bytes each). */
static void repeat(unsigned char *out, const unsigned char *digest, size_t size, size_t len)
{
	for (; len > size; len -= size, out += size)
		memcpy(out, digest, size);
	memcpy(out, digest, len);
}

/* Wipes what held the key or digests of it; volatile so it is not elided. */
static void wipe(void *p, size_t len)
{
	volatile unsigned char *v = p;

	while (len--)
		*v++ = 0;
}

/* Steps 1-12: digest A, into A; P (key-length bytes) is scratch. */
static void digest_a(const struct scheme *s, const char *key, size_t klen,
		     const struct setting *st, unsigned char *a, unsigned char *p)
{
	union sha_ctx c;
	unsigned char b[SHA512_DIGEST_SIZE];

	s->init(&c);				/* steps 4-8: digest B */
	s->update(&c, key, klen);
	s->update(&c, st->salt, st->salt_len);
	s->update(&c, key, klen);
	s->final(&c, b);
	s->init(&c);				/* steps 1-3 */
	s->update(&c, key, klen);
	s->update(&c, st->salt, st->salt_len);
	repeat(p, b, s->size, klen);		/* steps 9-10 */
	s->update(&c, p, klen);
	for (size_t n = klen; n; n >>= 1)	/* step 11 */
		if (n & 1)
			s->update(&c, b, s->size);
		else
			s->update(&c, key, klen);
	s->final(&c, a);			/* step 12 */
	wipe(b, sizeof(b));
	wipe(&c, sizeof(c));
}

/* Steps 13-20: the byte sequences P (from the key) and S (from the salt). */
static void sequences(const struct scheme *s, const char *key, size_t klen,
		      const struct setting *st, const unsigned char *a, unsigned char *p,
		      unsigned char *salt_seq)
{
	union sha_ctx c;
	unsigned char d[SHA512_DIGEST_SIZE];

	s->init(&c);				/* steps 13-15: digest DP */
	for (size_t i = 0; i < klen; i++)
		s->update(&c, key, klen);
	s->final(&c, d);
	repeat(p, d, s->size, klen);		/* step 16 */
	s->init(&c);				/* steps 17-19: digest DS */
	for (unsigned int i = 0; i < 16u + a[0]; i++)
		s->update(&c, st->salt, st->salt_len);
	s->final(&c, d);
	repeat(salt_seq, d, s->size, st->salt_len);	/* step 20 */
	wipe(d, sizeof(d));
	wipe(&c, sizeof(c));
}

/* Step 21: the rounds, each digest C from the last (A the first time). */
static void rounds(const struct scheme *s, unsigned long n, unsigned char *a,
		   const unsigned char *p, size_t klen, const unsigned char *salt_seq,
		   size_t salt_len)
{
	union sha_ctx c;

	for (unsigned long r = 0; r < n; r++) {
		s->init(&c);
		if (r & 1)
			s->update(&c, p, klen);
		else
			s->update(&c, a, s->size);
		if (r % 3)
			s->update(&c, salt_seq, salt_len);
		if (r % 7)
			s->update(&c, p, klen);
		if (r & 1)
			s->update(&c, a, s->size);
		else
			s->update(&c, p, klen);
		s->final(&c, a);
	}
	wipe(&c, sizeof(c));
}

/* Step 22: "$id$[rounds=N$]salt$" and the digest in base 64. */
static void encode(const struct scheme *s, const struct setting *st, const unsigned char *digest,
		   char *out)
{
	static const char b64[] =
		"./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
	int n;

	if (st->rounds_custom)
		n = sprintf(out, "%srounds=%lu$", s->magic, st->rounds);
	else
		n = sprintf(out, "%s", s->magic);
	out += n;
	memcpy(out, st->salt, st->salt_len);
	out += st->salt_len;
	*out++ = '$';
	for (size_t i = 0; i < s->rows; i++) {
		unsigned long w = 0;

		for (int j = 0; j < 3; j++)
			w = w << 8 | (s->order[i][j] < 0 ? 0 : digest[s->order[i][j]]);
		for (int j = 0; j < s->order[i][3]; j++, w >>= 6)
			*out++ = b64[w & 0x3f];
	}
	*out = '\0';
}

static char *sha_crypt(const struct scheme *s, const char *key, const char *setting, char *out)
{
	struct setting st;
	size_t klen = strlen(key);
	unsigned char a[SHA512_DIGEST_SIZE], salt_seq[SALT_LEN_MAX];
	unsigned char *p = malloc(klen ? klen : 1);

	if (!p)
		return NULL;
	parse_setting(setting + strlen(s->magic), &st);
	digest_a(s, key, klen, &st, a, p);
	sequences(s, key, klen, &st, a, p, salt_seq);
	rounds(s, st.rounds, a, p, klen, salt_seq, st.salt_len);
	encode(s, &st, a, out);
	wipe(a, sizeof(a));
	wipe(salt_seq, sizeof(salt_seq));
	wipe(p, klen);
	free(p);
	return out;
}

char *crypt_r(const char *key, const char *setting, struct crypt_data *data)
{
	for (size_t i = 0; i < sizeof(schemes) / sizeof(schemes[0]); i++)
		if (setting && !strncmp(setting, schemes[i].magic, strlen(schemes[i].magic)))
			return sha_crypt(&schemes[i], key, setting, data->output);
	errno = EINVAL;
	return NULL;
}

char *crypt(const char *key, const char *setting)
{
	static struct crypt_data data;

	return crypt_r(key, setting, &data);
}
