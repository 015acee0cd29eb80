/*
 * isxdigit: true for the hexadecimal digits 0-9, A-F and a-f.
 */
#include <ctype.h>

#include "ctype_table.h"

int isxdigit(int c)
{
	return (ctype_bits(c) & CT_XDIGIT) != 0;
}
