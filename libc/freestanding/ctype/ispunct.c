/*
 * ispunct: true for graphic characters that are neither letters nor digits.
 */
#include <ctype.h>

#include "ctype_table.h"

int ispunct(int c)
{
	return (ctype_bits(c) & CT_PUNCT) != 0;
}
