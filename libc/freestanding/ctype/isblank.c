/*
 * isblank: true for space and horizontal tab.
 */
#include <ctype.h>

#include "ctype_table.h"

int isblank(int c)
{
	return (ctype_bits(c) & CT_BLANK) != 0;
}
