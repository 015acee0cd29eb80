/*
 * bsearch: binary search of a sorted array; returns any element comparing
 * equal to key, or NULL.
 */
#include <stdlib.h>

void *bsearch(const void *key, const void *base, size_t nmemb, size_t size,
	      int (*compar)(const void *, const void *))
{
	const char *lo = base;
	const char *p;
	int c;

	while (nmemb) {
		p = lo + (nmemb / 2) * size;
		c = compar(key, p);
		if (c == 0)
			return (void *)p;
		if (c > 0) {
			lo = p + size;
			nmemb -= nmemb / 2 + 1;
		} else {
			nmemb /= 2;
		}
	}
	return NULL;
}
