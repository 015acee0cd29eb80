/*
 * isascii: true for values that fit in 7-bit ASCII, 0..127 (XSI).
 */
#include <ctype.h>

int isascii(int c)
{
	return c >= 0 && c <= 0x7f;
}
