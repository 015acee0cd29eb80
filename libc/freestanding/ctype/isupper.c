/*
 * isupper: true for the uppercase letters A-Z.
 */
#include <ctype.h>

#include "ctype_table.h"

int isupper(int c)
{
	return (ctype_bits(c) & CT_UPPER) != 0;
}
