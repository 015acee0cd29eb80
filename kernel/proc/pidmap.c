/*
 * Pid numbers: a bitmap searched cyclically, Linux's policy (alloc_pid over
 * idr_alloc_cyclic): start after the last number given, wrap to
 * RESERVED_PIDS once the numbers have gone past it. Pure; host-tested in
 * tests/unit/pid.
 */
#include <breenix/errno.h>
#include <breenix/pidmap.h>

static bool test_bit_nr(const unsigned long *bits, unsigned int nr)
{
	return bits[nr / PIDMAP_LONG_BITS] & (1UL << (nr % PIDMAP_LONG_BITS));
}

void pidmap_init(struct pidmap *m, unsigned long *bits, unsigned int pid_max,
		 unsigned int first)
{
	unsigned int i;

	for (i = 0; i < PIDMAP_LONGS(pid_max); i++)
		bits[i] = 0;
	m->bits = bits;
	m->pid_max = pid_max;
	m->first = first;
	m->cursor = first;
	m->nr_used = 0;
}

/* The first clear bit in [from, to), or to; skips full words. */
static unsigned int find_free(const unsigned long *bits, unsigned int from,
			      unsigned int to)
{
	unsigned int nr = from;

	while (nr < to) {
		if (nr % PIDMAP_LONG_BITS == 0 &&
		    bits[nr / PIDMAP_LONG_BITS] == ~0UL) {
			nr += PIDMAP_LONG_BITS;
			continue;
		}
		if (!test_bit_nr(bits, nr))
			return nr;
		nr++;
	}
	return to;
}

static void take(struct pidmap *m, unsigned int nr)
{
	m->bits[nr / PIDMAP_LONG_BITS] |= 1UL << (nr % PIDMAP_LONG_BITS);
	m->nr_used++;
}

int pidmap_alloc(struct pidmap *m)
{
	unsigned int min = m->cursor > RESERVED_PIDS ? RESERVED_PIDS : m->first;
	unsigned int start = m->cursor < min ? min : m->cursor;
	unsigned int nr;

	if (start >= m->pid_max)
		start = min;
	nr = find_free(m->bits, start, m->pid_max);
	if (nr >= m->pid_max) {
		nr = find_free(m->bits, min, start);
		if (nr >= start)
			return -EAGAIN;
	}
	take(m, nr);
	m->cursor = nr + 1;
	return (int)nr;
}

int pidmap_alloc_nr(struct pidmap *m, unsigned int nr)
{
	if (nr >= m->pid_max)
		return -EINVAL;
	if (test_bit_nr(m->bits, nr))
		return -EEXIST;
	take(m, nr);
	return (int)nr;
}

void pidmap_free(struct pidmap *m, unsigned int nr)
{
	if (nr >= m->pid_max || !test_bit_nr(m->bits, nr))
		return;
	m->bits[nr / PIDMAP_LONG_BITS] &= ~(1UL << (nr % PIDMAP_LONG_BITS));
	m->nr_used--;
}

bool pidmap_test(const struct pidmap *m, unsigned int nr)
{
	return nr < m->pid_max && test_bit_nr(m->bits, nr);
}

int pidmap_next(const struct pidmap *m, unsigned int nr)
{
	while (nr < m->pid_max) {
		if (nr % PIDMAP_LONG_BITS == 0 && !m->bits[nr / PIDMAP_LONG_BITS]) {
			nr += PIDMAP_LONG_BITS;
			continue;
		}
		if (test_bit_nr(m->bits, nr))
			return (int)nr;
		nr++;
	}
	return -1;
}
