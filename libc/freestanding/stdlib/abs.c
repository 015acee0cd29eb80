/*
 * abs: the absolute value of an int. Like C, leaves the most negative
 * value undefined.
 */
#include <stdlib.h>

int abs(int j)
{
	return j < 0 ? -j : j;
}
