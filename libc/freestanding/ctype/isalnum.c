/*
 * isalnum: true for letters and decimal digits.
 */
#include <ctype.h>

#include "ctype_table.h"

int isalnum(int c)
{
	return (ctype_bits(c) & CT_ALNUM) != 0;
}
