/*
 * isalpha: true for the letters A-Z and a-z.
 */
#include <ctype.h>

#include "ctype_table.h"

int isalpha(int c)
{
	return (ctype_bits(c) & CT_ALPHA) != 0;
}
