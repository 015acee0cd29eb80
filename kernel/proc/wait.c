/*
 * Wait queues (see wait.h for the rule that keeps wakeups from being lost).
 * A woken task entry leaves the queue at once, so a waker never wakes the
 * same sleeper twice and exclusive wakeups reach the next sleeper in line;
 * entries with a wake function (poll's) decide for themselves.
 */
#include <breenix/sched.h>
#include <breenix/wait.h>

void init_waitqueue_head(wait_queue_head_t *wq)
{
	wq->lock = (spinlock_t)SPINLOCK_INIT;
	INIT_LIST_HEAD(&wq->head);
}

void init_wait_entry(struct wait_queue_entry *w, unsigned int flags)
{
	INIT_LIST_HEAD(&w->node);
	w->task = current;
	w->flags = flags;
	w->func = NULL;
	w->private = NULL;
}

void init_wait_func(struct wait_queue_entry *w, wait_queue_func_t func,
		    void *private)
{
	INIT_LIST_HEAD(&w->node);
	w->task = current;
	w->flags = 0;
	w->func = func;
	w->private = private;
}

void add_wait_queue(wait_queue_head_t *wq, struct wait_queue_entry *w)
{
	unsigned long flags = spin_lock_irqsave(&wq->lock);

	list_add_tail(&w->node, &wq->head);
	spin_unlock_irqrestore(&wq->lock, flags);
}

void remove_wait_queue(wait_queue_head_t *wq, struct wait_queue_entry *w)
{
	unsigned long flags = spin_lock_irqsave(&wq->lock);

	if (!list_empty(&w->node))
		list_del(&w->node);
	spin_unlock_irqrestore(&wq->lock, flags);
}

static void __prepare_to_wait(wait_queue_head_t *wq,
			      struct wait_queue_entry *w, long state)
{
	unsigned long flags = spin_lock_irqsave(&wq->lock);

	if (list_empty(&w->node))
		list_add_tail(&w->node, &wq->head);
	set_current_state(state);
	spin_unlock_irqrestore(&wq->lock, flags);
}

void prepare_to_wait(wait_queue_head_t *wq, struct wait_queue_entry *w,
		     long state)
{
	w->flags &= ~WQ_FLAG_EXCLUSIVE;
	__prepare_to_wait(wq, w, state);
}

void prepare_to_wait_exclusive(wait_queue_head_t *wq,
			       struct wait_queue_entry *w, long state)
{
	w->flags |= WQ_FLAG_EXCLUSIVE;
	__prepare_to_wait(wq, w, state);
}

void finish_wait(wait_queue_head_t *wq, struct wait_queue_entry *w)
{
	unsigned long flags;

	set_current_state(TASK_RUNNING);
	flags = spin_lock_irqsave(&wq->lock);
	if (!list_empty(&w->node))
		list_del(&w->node);
	spin_unlock_irqrestore(&wq->lock, flags);
}

void __wake_up_key(wait_queue_head_t *wq, int nr_exclusive, unsigned int key)
{
	struct wait_queue_entry *w, *n;
	unsigned long flags = spin_lock_irqsave(&wq->lock);

	list_for_each_entry_safe(w, n, &wq->head, node) {
		bool exclusive = w->flags & WQ_FLAG_EXCLUSIVE;
		int woke = 1;

		if (w->func) {
			woke = w->func(w, key);
		} else {
			list_del(&w->node);
			wake_up_process(w->task);
		}
		if (woke && exclusive && !--nr_exclusive)
			break;
	}
	spin_unlock_irqrestore(&wq->lock, flags);
}
