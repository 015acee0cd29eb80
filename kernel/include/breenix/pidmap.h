/*
 * The pid number allocator's policy, free of locks and tasks so host tests
 * cover it: a bitmap of numbers in use, handed out cyclically from the last
 * one as Linux's alloc_pid does, so a number freed now is reused as late
 * as possible.
 */
#ifndef BREENIX_PIDMAP_H
#define BREENIX_PIDMAP_H

#include <stdbool.h>
#include <stddef.h>

/* Linux's defaults: pid_max, and the low numbers a wrap skips (daemons). */
#define PID_MAX_DEFAULT		32768
#define RESERVED_PIDS		300

#define PIDMAP_LONG_BITS	(8 * sizeof(unsigned long))
#define PIDMAP_LONGS(max)	(((max) + PIDMAP_LONG_BITS - 1) / PIDMAP_LONG_BITS)

struct pidmap {
	unsigned long *bits;		/* PIDMAP_LONGS(pid_max) words, bit n: n in use */
	unsigned int pid_max;		/* numbers are below it */
	unsigned int cursor;		/* the next search starts here */
	unsigned int first;		/* the lowest number a search may return */
	unsigned int nr_used;
};

/*
 * bits must hold PIDMAP_LONGS(pid_max) words; pid_max > RESERVED_PIDS.
 * Numbers below @first (0, and 1 for init) are only given out by
 * pidmap_alloc_nr.
 */
void pidmap_init(struct pidmap *m, unsigned long *bits, unsigned int pid_max,
		 unsigned int first);

/*
 * The next free number at or after the cursor, wrapping to the lowest
 * allowed: @first until the cursor has passed RESERVED_PIDS once, then
 * RESERVED_PIDS, as Linux does. -EAGAIN when every number is in use.
 */
int pidmap_alloc(struct pidmap *m);

/* Takes a given number; -EEXIST if in use, -EINVAL out of range. */
int pidmap_alloc_nr(struct pidmap *m, unsigned int nr);

void pidmap_free(struct pidmap *m, unsigned int nr);
bool pidmap_test(const struct pidmap *m, unsigned int nr);
/* The lowest number in use at or after @nr, or -1 when there is none. */
int pidmap_next(const struct pidmap *m, unsigned int nr);

#endif
