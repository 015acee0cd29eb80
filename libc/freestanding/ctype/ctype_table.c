/*
 * The C locale's character classes for EOF and 0..255 (index c + 1). Bytes
 * 128..255 belong to no class, as in glibc's C locale.
 */
#include "ctype_table.h"

#define U CT_UPPER
#define L CT_LOWER
#define D CT_DIGIT
#define X CT_XDIGIT
#define S CT_SPACE
#define B CT_BLANK
#define P CT_PUNCT
#define C CT_CNTRL

const unsigned short __breenix_ctype[257] = {
	[1 + 0x00 ... 1 + 0x08] = C,
	[1 + '\t'] = C | S | B,
	[1 + '\n' ... 1 + '\r'] = C | S,
	[1 + 0x0e ... 1 + 0x1f] = C,
	[1 + ' '] = S | B | CT_SP,
	[1 + '!' ... 1 + '/'] = P,
	[1 + '0' ... 1 + '9'] = D | X,
	[1 + ':' ... 1 + '@'] = P,
	[1 + 'A' ... 1 + 'F'] = U | X,
	[1 + 'G' ... 1 + 'Z'] = U,
	[1 + '[' ... 1 + '`'] = P,
	[1 + 'a' ... 1 + 'f'] = L | X,
	[1 + 'g' ... 1 + 'z'] = L,
	[1 + '{' ... 1 + '~'] = P,
	[1 + 0x7f] = C,
};
