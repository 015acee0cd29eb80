/*
 * isspace: true for space, \t, \n, \v, \f and \r.
 */
#include <ctype.h>

#include "ctype_table.h"

int isspace(int c)
{
	return (ctype_bits(c) & CT_SPACE) != 0;
}
