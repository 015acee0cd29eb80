/*
 * tolower: map A-Z to a-z; every other value, EOF included, is returned as is.
 */
#include <ctype.h>

#include "ctype_table.h"

int tolower(int c)
{
	return (ctype_bits(c) & CT_UPPER) ? c - 'A' + 'a' : c;
}
