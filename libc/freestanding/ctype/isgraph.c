/*
 * isgraph: true for printable characters other than space.
 */
#include <ctype.h>

#include "ctype_table.h"

int isgraph(int c)
{
	return (ctype_bits(c) & CT_GRAPH) != 0;
}
