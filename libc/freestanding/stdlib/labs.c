/*
 * labs: the absolute value of a long. Like C, leaves the most negative
 * value undefined.
 */
#include <stdlib.h>

long labs(long j)
{
	return j < 0 ? -j : j;
}
