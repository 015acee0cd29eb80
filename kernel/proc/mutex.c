/*
 * The sleeping mutex (mutex.h): a spinlock guards owner and the FIFO of
 * waiters; a waiter sleeps until unlock has made it the owner.
 */
#include <breenix/mutex.h>
#include <breenix/panic.h>
#include <breenix/sched.h>

struct mutex_waiter {
	struct list_head node;
	struct task *task;
	volatile bool granted;
};

void mutex_init(struct mutex *m)
{
	m->wait_lock = (spinlock_t)SPINLOCK_INIT;
	m->owner = NULL;
	INIT_LIST_HEAD(&m->waiters);
}

void mutex_lock(struct mutex *m)
{
	struct mutex_waiter w = { .task = current };
	unsigned long flags = spin_lock_irqsave(&m->wait_lock);

	if (!m->owner) {
		m->owner = current;
		goto out;
	}
	if (m->owner == current)
		panic("mutex_lock: %s already holds the mutex", current->name);
	list_add_tail(&w.node, &m->waiters);
	for (;;) {
		/* The state before the test: a handoff in between wakes us. */
		set_current_state(TASK_UNINTERRUPTIBLE);
		if (w.granted)
			break;
		spin_unlock_irqrestore(&m->wait_lock, flags);
		schedule();
		flags = spin_lock_irqsave(&m->wait_lock);
	}
	set_current_state(TASK_RUNNING);
out:
	spin_unlock_irqrestore(&m->wait_lock, flags);
}

bool mutex_trylock(struct mutex *m)
{
	unsigned long flags = spin_lock_irqsave(&m->wait_lock);
	bool got = !m->owner;

	if (got)
		m->owner = current;
	spin_unlock_irqrestore(&m->wait_lock, flags);
	return got;
}

void mutex_unlock(struct mutex *m)
{
	unsigned long flags = spin_lock_irqsave(&m->wait_lock);
	struct mutex_waiter *w;

	if (m->owner != current)
		panic("mutex_unlock: %s does not hold the mutex", current->name);
	if (list_empty(&m->waiters)) {
		m->owner = NULL;
		goto out;
	}
	w = list_first_entry(&m->waiters, struct mutex_waiter, node);
	list_del(&w->node);
	m->owner = w->task;
	w->granted = true;
	wake_up_process(w->task);
out:
	spin_unlock_irqrestore(&m->wait_lock, flags);
}

bool mutex_is_locked(struct mutex *m)
{
	return __atomic_load_n(&m->owner, __ATOMIC_RELAXED) != NULL;
}
