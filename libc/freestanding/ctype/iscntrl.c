/*
 * iscntrl: true for the control characters 0x00-0x1f and 0x7f.
 */
#include <ctype.h>

#include "ctype_table.h"

int iscntrl(int c)
{
	return (ctype_bits(c) & CT_CNTRL) != 0;
}
