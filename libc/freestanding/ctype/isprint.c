/*
 * isprint: true for the printable characters 0x20-0x7e, space included.
 */
#include <ctype.h>

#include "ctype_table.h"

int isprint(int c)
{
	return (ctype_bits(c) & CT_PRINT) != 0;
}
