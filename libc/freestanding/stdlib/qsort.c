/*
 * qsort: introsort, so the worst case is O(n log n) time and O(log n) stack
 * whatever the input or comparator. Not stable, as C allows.
 */
#include <stddef.h>
#include <stdlib.h>

/* Below this many elements insertion sort beats partitioning. */
#define INSERTION_MAX 12

typedef int (*cmp_fn)(const void *, const void *);

static void swap(char *a, char *b, size_t size)
{
	char t;

	while (size--) {
		t = *a;
		*a++ = *b;
		*b++ = t;
	}
}

static void insertion_sort(char *base, size_t n, size_t size, cmp_fn cmp)
{
	char *p;
	size_t i;

	for (i = 1; i < n; i++) {
		for (p = base + i * size; p > base && cmp(p - size, p) > 0;
		     p -= size)
			swap(p - size, p, size);
	}
}

static void sift_down(char *base, size_t root, size_t n, size_t size,
		      cmp_fn cmp)
{
	size_t child;

	for (;;) {
		child = 2 * root + 1;
		if (child >= n)
			return;
		if (child + 1 < n &&
		    cmp(base + child * size, base + (child + 1) * size) < 0)
			child++;
		if (cmp(base + root * size, base + child * size) >= 0)
			return;
		swap(base + root * size, base + child * size, size);
		root = child;
	}
}

static void heap_sort(char *base, size_t n, size_t size, cmp_fn cmp)
{
	size_t i;

	for (i = n / 2; i-- > 0;)
		sift_down(base, i, n, size, cmp);
	for (i = n - 1; i > 0; i--) {
		swap(base, base + i * size, size);
		sift_down(base, 0, i, size, cmp);
	}
}

/*
 * Moves the median of the first, middle and last elements to the front as
 * the pivot, then partitions the rest around it (Sedgewick's scheme:
 * elements equal to the pivot stop both scans, so runs of duplicates still
 * split evenly). Returns the pivot's final index. The bounds on i and j keep
 * an inconsistent comparator from walking off the array.
 */
static size_t partition(char *base, size_t n, size_t size, cmp_fn cmp)
{
	char *mid = base + (n / 2) * size;
	char *last = base + (n - 1) * size;
	size_t i = 0, j = n;

	if (cmp(mid, base) < 0)
		swap(mid, base, size);
	if (cmp(last, mid) < 0) {
		swap(last, mid, size);
		if (cmp(mid, base) < 0)
			swap(mid, base, size);
	}
	swap(base, mid, size);
	for (;;) {
		do
			i++;
		while (i < n && cmp(base + i * size, base) < 0);
		do
			j--;
		while (j > 0 && cmp(base, base + j * size) < 0);
		if (i >= j)
			break;
		swap(base + i * size, base + j * size, size);
	}
	swap(base, base + j * size, size);
	return j;
}

/*
 * Quicksort that recurses only into the smaller side, so the stack stays
 * O(log n); once depth (2*log2(n) at the top) runs out, heapsort finishes
 * the range, which bounds the time; short ranges end in insertion sort.
 */
static void introsort(char *base, size_t n, size_t size, cmp_fn cmp,
		      unsigned int depth)
{
	size_t p, right;

	while (n > INSERTION_MAX) {
		if (depth == 0) {
			heap_sort(base, n, size, cmp);
			return;
		}
		depth--;
		p = partition(base, n, size, cmp);
		right = n - p - 1;
		if (p < right) {
			introsort(base, p, size, cmp, depth);
			base += (p + 1) * size;
			n = right;
		} else {
			introsort(base + (p + 1) * size, right, size, cmp,
				  depth);
			n = p;
		}
	}
	insertion_sort(base, n, size, cmp);
}

void qsort(void *base, size_t nmemb, size_t size,
	   int (*compar)(const void *, const void *))
{
	unsigned int depth = 0;
	size_t m;

	for (m = nmemb; m > 1; m >>= 1)
		depth += 2;
	introsort(base, nmemb, size, compar, depth);
}
