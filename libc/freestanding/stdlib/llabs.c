/*
 * llabs: the absolute value of a long long. Like C, leaves the most negative
 * value undefined.
 */
#include <stdlib.h>

long long llabs(long long j)
{
	return j < 0 ? -j : j;
}
