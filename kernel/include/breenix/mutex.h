/*
 * A sleeping mutex. Waiters queue in arrival order and unlock hands the
 * mutex straight to the first of them, so no one starves and a lock
 * released under contention cannot be stolen by a latecomer.
 */
#ifndef BREENIX_MUTEX_H
#define BREENIX_MUTEX_H

#include <stdbool.h>
#include <breenix/list.h>
#include <breenix/spinlock.h>

struct task;

struct mutex {
	spinlock_t wait_lock;
	struct task *owner;
	struct list_head waiters;
};

#define MUTEX_INIT(name) { SPINLOCK_INIT, NULL, LIST_HEAD_INIT((name).waiters) }
#define DEFINE_MUTEX(name) struct mutex name = MUTEX_INIT(name)

void mutex_init(struct mutex *m);
/* Sleeps until the mutex is the caller's; task context only. */
void mutex_lock(struct mutex *m);
bool mutex_trylock(struct mutex *m);
/* By the owner only. */
void mutex_unlock(struct mutex *m);
bool mutex_is_locked(struct mutex *m);

#endif
