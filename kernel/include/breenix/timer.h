/*
 * Kernel timers: a function to run from the tick once jiffies reach an
 * expiry. Pending timers sit in a red-black tree ordered by expiry (equal
 * expiries in the order they were added), so each tick looks only at the
 * leftmost. Callbacks run in interrupt context with interrupts off.
 */
#ifndef BREENIX_TIMER_H
#define BREENIX_TIMER_H

#include <stdbool.h>
#include <stdint.h>
#include <breenix/rbtree.h>

struct timer_list {
	struct rb_node node;
	uint64_t expires;		/* in jiffies */
	void (*function)(struct timer_list *);
	bool pending;
};

void timer_setup(struct timer_list *timer,
		 void (*function)(struct timer_list *));
/* (Re)arms the timer for @expires; true if it was pending. */
bool mod_timer(struct timer_list *timer, uint64_t expires);
/* Disarms it; true if it was pending. */
bool del_timer(struct timer_list *timer);
/* del_timer, and waits for a run of its callback to finish. */
bool del_timer_sync(struct timer_list *timer);
bool timer_pending(const struct timer_list *timer);

void timers_init(void);

/* Sleeps at least @ms milliseconds. */
void msleep(unsigned int ms);

#endif
