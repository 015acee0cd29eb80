/*
 * Wait queues: a task sleeps on one until an event, and whoever causes the
 * event wakes the queue. No wakeup is lost: a waiter sets its sleeping state
 * before it tests its condition, and a wakeup sets it running again, so a
 * wakeup between test and schedule() only makes schedule() return at once.
 */
#ifndef BREENIX_WAIT_H
#define BREENIX_WAIT_H

#include <stdbool.h>
#include <stdint.h>
#include <breenix/errno.h>
#include <breenix/list.h>
#include <breenix/spinlock.h>

struct task;

#define WQ_FLAG_EXCLUSIVE	1U

/* TASK_(UN)INTERRUPTIBLE of <breenix/task.h>, which includes this header. */
#define WAIT_INTERRUPTIBLE	1
#define WAIT_UNINTERRUPTIBLE	2

struct wait_queue_entry;

/*
 * What a wakeup does to an entry (Linux's wait_queue_func_t), called with
 * the queue's lock held and interrupts off: @key is the events the waker
 * reports (POLLIN etc., 0 for a plain wake_up). Returns whether it woke
 * something, which counts against the exclusive wakeups. NULL: wake the
 * task and take the entry off the queue.
 */
typedef int (*wait_queue_func_t)(struct wait_queue_entry *w, unsigned int key);

struct wait_queue_entry {
	struct list_head node;
	struct task *task;
	unsigned int flags;
	wait_queue_func_t func;
	void *private;			/* func's */
};

typedef struct {
	spinlock_t lock;
	struct list_head head;
} wait_queue_head_t;

#define WAIT_QUEUE_HEAD_INIT(name) \
	{ SPINLOCK_INIT, LIST_HEAD_INIT((name).head) }
#define DECLARE_WAIT_QUEUE_HEAD(name) \
	wait_queue_head_t name = WAIT_QUEUE_HEAD_INIT(name)

void init_waitqueue_head(wait_queue_head_t *wq);
void init_wait_entry(struct wait_queue_entry *w, unsigned int flags);

/* Queue @w (once) and set the current task's state to @state. */
void prepare_to_wait(wait_queue_head_t *wq, struct wait_queue_entry *w,
		     long state);
/* As prepare_to_wait; a wake_up() wakes one exclusive waiter only. */
void prepare_to_wait_exclusive(wait_queue_head_t *wq,
			       struct wait_queue_entry *w, long state);
/* Running again, and off the queue. */
void finish_wait(wait_queue_head_t *wq, struct wait_queue_entry *w);

/*
 * An entry with its own func (poll and select, epoll later) stays queued
 * across wakeups until its owner removes it; no task state is changed.
 */
void init_wait_func(struct wait_queue_entry *w, wait_queue_func_t func,
		    void *private);
void add_wait_queue(wait_queue_head_t *wq, struct wait_queue_entry *w);
void remove_wait_queue(wait_queue_head_t *wq, struct wait_queue_entry *w);

/*
 * Wakes all non-exclusive waiters and @nr_exclusive exclusive ones (0: all),
 * telling entries with a func that @key's events happened (0: unspecified).
 */
void __wake_up_key(wait_queue_head_t *wq, int nr_exclusive, unsigned int key);
#define wake_up(wq)		__wake_up_key((wq), 1, 0)
#define wake_up_all(wq)		__wake_up_key((wq), 0, 0)
#define wake_up_poll(wq, events) __wake_up_key((wq), 0, (events))

void schedule(void);
long schedule_timeout(long timeout);

/* signal_pending(current) (signal.h), for sleeps in code that sees no tasks. */
bool current_signal_pending(void);

#define wait_event(wq, cond) do {					\
	struct wait_queue_entry __w;					\
									\
	init_wait_entry(&__w, 0);					\
	for (;;) {							\
		prepare_to_wait(&(wq), &__w, WAIT_UNINTERRUPTIBLE);	\
		if (cond)						\
			break;						\
		schedule();						\
	}								\
	finish_wait(&(wq), &__w);					\
} while (0)

/*
 * As wait_event, but a signal to be delivered ends the sleep: 0 once @cond
 * holds, else -ERESTARTSYS (a restart under SA_RESTART, EINTR otherwise).
 */
#define wait_event_interruptible(wq, cond) ({				\
	struct wait_queue_entry __w;					\
	int __ret = 0;							\
									\
	init_wait_entry(&__w, 0);					\
	for (;;) {							\
		prepare_to_wait(&(wq), &__w, WAIT_INTERRUPTIBLE);	\
		if (cond)						\
			break;						\
		if (current_signal_pending()) {				\
			__ret = -ERESTARTSYS;				\
			break;						\
		}							\
		schedule();						\
	}								\
	finish_wait(&(wq), &__w);					\
	__ret;								\
})

/*
 * The timed sleeps: until @cond, @timeout jiffies, or (interruptible) a
 * signal to be delivered. 0 if the time ran out with @cond still false,
 * -ERESTARTSYS for a signal, else the jiffies left (at least 1).
 */
#define __wait_event_timeout(wq, cond, timeout, state) ({		\
	struct wait_queue_entry __w;					\
	long __left = (timeout);					\
									\
	init_wait_entry(&__w, 0);					\
	for (;;) {							\
		prepare_to_wait(&(wq), &__w, (state));			\
		if (cond) {						\
			if (!__left)					\
				__left = 1;				\
			break;						\
		}							\
		if (!__left)						\
			break;						\
		if ((state) == WAIT_INTERRUPTIBLE &&			\
		    current_signal_pending()) {				\
			__left = -ERESTARTSYS;				\
			break;						\
		}							\
		__left = schedule_timeout(__left);			\
	}								\
	finish_wait(&(wq), &__w);					\
	__left;								\
})

#define wait_event_timeout(wq, cond, timeout)				\
	__wait_event_timeout(wq, cond, timeout, WAIT_UNINTERRUPTIBLE)
#define wait_event_interruptible_timeout(wq, cond, timeout)		\
	__wait_event_timeout(wq, cond, timeout, WAIT_INTERRUPTIBLE)

#endif
