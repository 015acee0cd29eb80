/*
 * toupper: map a-z to A-Z; every other value, EOF included, is returned as is.
 */
#include <ctype.h>

#include "ctype_table.h"

int toupper(int c)
{
	return (ctype_bits(c) & CT_LOWER) ? c - 'a' + 'A' : c;
}
