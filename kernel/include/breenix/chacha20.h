/*
 * ChaCha20 (RFC 8439): the block function and the stream cipher, the core
 * of the kernel's random number generator. Policy code, host-tested.
 */
#ifndef BREENIX_CHACHA20_H
#define BREENIX_CHACHA20_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define CHACHA20_KEY_SIZE	32
#define CHACHA20_NONCE_SIZE	12
#define CHACHA20_BLOCK_SIZE	64

/* RFC 8439 2.3: the 64-byte keystream block number counter. */
void chacha20_block(const uint8_t key[CHACHA20_KEY_SIZE], uint32_t counter,
		    const uint8_t nonce[CHACHA20_NONCE_SIZE],
		    uint8_t out[CHACHA20_BLOCK_SIZE]);

/* RFC 8439 2.4: out = in XOR the keystream from block counter on. */
void chacha20_xor(const uint8_t key[CHACHA20_KEY_SIZE], uint32_t counter,
		  const uint8_t nonce[CHACHA20_NONCE_SIZE], const void *in,
		  void *out, size_t len);

/* Wipes key material: a plain memset of a dying buffer may be dropped. */
static inline void memzero_explicit(void *p, size_t len)
{
	memset(p, 0, len);
	/* inline asm: tells the compiler the zeroed memory is still read. */
	__asm__ volatile("" : : "r"(p) : "memory");
}

#endif
