/*
 * SHA-256 and SHA-512 (FIPS 180-4, "Secure Hash Standard", August 2015) for
 * crypt.c's $5$ and $6$ password hashes; internal to the C library, hence
 * the __ prefix. Incremental: init, any number of updates, final.
 */
#ifndef _BREENIX_SHA2_H
#define _BREENIX_SHA2_H

#include <stddef.h>
#include <stdint.h>

#define SHA256_DIGEST_SIZE 32
#define SHA256_BLOCK_SIZE 64
#define SHA512_DIGEST_SIZE 64
#define SHA512_BLOCK_SIZE 128

struct sha256_ctx {
	uint32_t h[8];
	uint64_t len;			/* bytes hashed so far */
	unsigned char block[SHA256_BLOCK_SIZE];
};

struct sha512_ctx {
	uint64_t h[8];
	uint64_t len;			/* bytes; FIPS 180-4 allows 2^128 bits */
	unsigned char block[SHA512_BLOCK_SIZE];
};

/* A block function: hashes one whole block into the context's state. */
typedef void (*sha2_compress_fn)(void *ctx, const unsigned char *block);

/*
 * The buffering both sizes share (sha2.c): __sha2_update feeds bytes through
 * BLOCK (BSIZE bytes, *LEN bytes hashed so far); __sha2_pad appends the
 * padding of FIPS 180-4 5.1 with the message length in bits as a
 * LENFIELD-byte big-endian number, compressing the last block(s).
 */
void __sha2_update(void *ctx, unsigned char *block, size_t bsize, uint64_t *len,
		   const void *data, size_t n, sha2_compress_fn compress);
void __sha2_pad(void *ctx, unsigned char *block, size_t bsize, uint64_t len, size_t lenfield,
		sha2_compress_fn compress);

void __sha256_init(struct sha256_ctx *ctx);
void __sha256_update(struct sha256_ctx *ctx, const void *data, size_t len);
void __sha256_final(struct sha256_ctx *ctx, unsigned char digest[SHA256_DIGEST_SIZE]);

void __sha512_init(struct sha512_ctx *ctx);
void __sha512_update(struct sha512_ctx *ctx, const void *data, size_t len);
void __sha512_final(struct sha512_ctx *ctx, unsigned char digest[SHA512_DIGEST_SIZE]);

#endif
