/*
 * isdigit: true for the decimal digits 0-9.
 */
#include <ctype.h>

#include "ctype_table.h"

int isdigit(int c)
{
	return (ctype_bits(c) & CT_DIGIT) != 0;
}
