/*
 * ChaCha20 as RFC 8439 section 2 specifies it: 20 rounds over a 4x4 state
 * of little-endian words (constants, 256-bit key, 32-bit counter, 96-bit
 * nonce), with the input added back so the block function is one-way.
 */
#include <string.h>
#include <breenix/chacha20.h>

#define ROTL32(v, n)	(((v) << (n)) | ((v) >> (32 - (n))))

/* RFC 8439 2.1. */
#define QUARTERROUND(a, b, c, d) do {					\
	a += b; d ^= a; d = ROTL32(d, 16);				\
	c += d; b ^= c; b = ROTL32(b, 12);				\
	a += b; d ^= a; d = ROTL32(d, 8);				\
	c += d; b ^= c; b = ROTL32(b, 7);				\
} while (0)

static uint32_t get_le32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	       (uint32_t)p[3] << 24;
}

static void put_le32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)v;
	p[1] = (uint8_t)(v >> 8);
	p[2] = (uint8_t)(v >> 16);
	p[3] = (uint8_t)(v >> 24);
}

void chacha20_block(const uint8_t key[CHACHA20_KEY_SIZE], uint32_t counter,
		    const uint8_t nonce[CHACHA20_NONCE_SIZE],
		    uint8_t out[CHACHA20_BLOCK_SIZE])
{
	uint32_t in[16], x[16];
	int i;

	/* RFC 8439 2.3: "expand 32-byte k" as four little-endian words. */
	in[0] = 0x61707865;
	in[1] = 0x3320646e;
	in[2] = 0x79622d32;
	in[3] = 0x6b206574;
	for (i = 0; i < 8; i++)
		in[4 + i] = get_le32(key + 4 * i);
	in[12] = counter;
	for (i = 0; i < 3; i++)
		in[13 + i] = get_le32(nonce + 4 * i);
	memcpy(x, in, sizeof(x));
	for (i = 0; i < 10; i++) {
		/* A column round, then a diagonal round. */
		QUARTERROUND(x[0], x[4], x[8], x[12]);
		QUARTERROUND(x[1], x[5], x[9], x[13]);
		QUARTERROUND(x[2], x[6], x[10], x[14]);
		QUARTERROUND(x[3], x[7], x[11], x[15]);
		QUARTERROUND(x[0], x[5], x[10], x[15]);
		QUARTERROUND(x[1], x[6], x[11], x[12]);
		QUARTERROUND(x[2], x[7], x[8], x[13]);
		QUARTERROUND(x[3], x[4], x[9], x[14]);
	}
	for (i = 0; i < 16; i++)
		put_le32(out + 4 * i, x[i] + in[i]);
	memzero_explicit(x, sizeof(x));
	memzero_explicit(in, sizeof(in));
}

void chacha20_xor(const uint8_t key[CHACHA20_KEY_SIZE], uint32_t counter,
		  const uint8_t nonce[CHACHA20_NONCE_SIZE], const void *in,
		  void *out, size_t len)
{
	const uint8_t *src = in;
	uint8_t *dst = out, ks[CHACHA20_BLOCK_SIZE];
	size_t i, n;

	while (len) {
		chacha20_block(key, counter++, nonce, ks);
		n = len < sizeof(ks) ? len : sizeof(ks);
		for (i = 0; i < n; i++)
			dst[i] = src[i] ^ ks[i];
		src += n;
		dst += n;
		len -= n;
	}
	memzero_explicit(ks, sizeof(ks));
}
