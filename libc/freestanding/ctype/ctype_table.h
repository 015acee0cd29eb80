/*
 * The class table behind <ctype.h>: one entry per value from EOF (-1) to
 * 255, so every is*() function is a single load and mask.
 */
#ifndef BREENIX_LIBC_CTYPE_TABLE_H
#define BREENIX_LIBC_CTYPE_TABLE_H

#define CT_UPPER	0x001
#define CT_LOWER	0x002
#define CT_DIGIT	0x004
#define CT_XDIGIT	0x008
#define CT_SPACE	0x010	/* isspace: ' ' \t \n \v \f \r */
#define CT_BLANK	0x020	/* isblank: ' ' \t */
#define CT_PUNCT	0x040
#define CT_CNTRL	0x080
#define CT_SP		0x100	/* ' ' alone: printable but not graphic */

#define CT_ALPHA	(CT_UPPER | CT_LOWER)
#define CT_ALNUM	(CT_ALPHA | CT_DIGIT)
#define CT_GRAPH	(CT_ALNUM | CT_PUNCT)
#define CT_PRINT	(CT_GRAPH | CT_SP)

extern const unsigned short __breenix_ctype[257];

/* Values outside EOF..255 are undefined behaviour in C; they get no class. */
static inline unsigned int ctype_bits(int c)
{
	unsigned int i = (unsigned int)c + 1;

	return i <= 256 ? __breenix_ctype[i] : 0;
}

#endif
