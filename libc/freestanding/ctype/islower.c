/*
 * islower: true for the lowercase letters a-z.
 */
#include <ctype.h>

#include "ctype_table.h"

int islower(int c)
{
	return (ctype_bits(c) & CT_LOWER) != 0;
}
