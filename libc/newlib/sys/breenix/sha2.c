/*
 * What SHA-256 and SHA-512 (FIPS 180-4) share: feeding a message through a
 * block buffer, and the final padding (section 5.1) with the length in bits.
 */
#include <string.h>
#include "sha2.h"

void __sha2_update(void *ctx, unsigned char *block, size_t bsize, uint64_t *len,
		   const void *data, size_t n, sha2_compress_fn compress)
{
	const unsigned char *p = data;
	size_t fill = *len % bsize;

	*len += n;
	if (fill) {
		size_t take = bsize - fill < n ? bsize - fill : n;

		memcpy(block + fill, p, take);
		p += take;
		n -= take;
		if (fill + take < bsize)
			return;
		compress(ctx, block);
	}
	for (; n >= bsize; p += bsize, n -= bsize)
		compress(ctx, p);
	memcpy(block, p, n);
}

/*
 * A 1 bit, zeros up to LENFIELD bytes short of a block boundary, then the
 * length in bits. Lengths here count bytes in 64 bits, so a 128-bit field's
 * upper half holds only the 3 bits shifted out.
 */
void __sha2_pad(void *ctx, unsigned char *block, size_t bsize, uint64_t len, size_t lenfield,
		sha2_compress_fn compress)
{
	size_t fill = len % bsize;
	uint64_t bits = len << 3;

	block[fill++] = 0x80;
	if (fill > bsize - lenfield) {
		memset(block + fill, 0, bsize - fill);
		compress(ctx, block);
		fill = 0;
	}
	memset(block + fill, 0, bsize - fill);
	if (lenfield > 8)
		block[bsize - 9] = (unsigned char)(len >> 61);
	for (size_t i = 0; i < 8; i++)
		block[bsize - 1 - i] = (unsigned char)(bits >> (8 * i));
	compress(ctx, block);
}
