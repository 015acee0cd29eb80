/*
 * The timer queue (timer.h) and the sleeps built on it: schedule_timeout()
 * arms a timer that wakes the sleeper, msleep() loops on it.
 */
#include <breenix/sched.h>
#include <breenix/time.h>
#include <breenix/timer.h>

struct timer_base {
	spinlock_t lock;
	struct rb_root_cached timers;
	struct timer_list *running;	/* whose callback runs now */
};

static struct timer_base base = { .lock = SPINLOCK_INIT };

void timer_setup(struct timer_list *timer,
		 void (*function)(struct timer_list *))
{
	RB_CLEAR_NODE(&timer->node);
	timer->function = function;
	timer->pending = false;
	timer->expires = 0;
}

static void enqueue_timer(struct timer_list *timer)
{
	struct rb_node **link = &base.timers.root.node, *parent = NULL;
	bool leftmost = true;

	while (*link) {
		struct timer_list *t;

		parent = *link;
		t = rb_entry(parent, struct timer_list, node);
		if (timer->expires < t->expires) {
			link = &parent->left;
		} else {
			link = &parent->right;
			leftmost = false;
		}
	}
	rb_link_node(&timer->node, parent, link);
	rb_insert_color_cached(&timer->node, &base.timers, leftmost);
	timer->pending = true;
}

static bool detach_timer(struct timer_list *timer)
{
	if (!timer->pending)
		return false;
	rb_erase_cached(&timer->node, &base.timers);
	RB_CLEAR_NODE(&timer->node);
	timer->pending = false;
	return true;
}

bool mod_timer(struct timer_list *timer, uint64_t expires)
{
	unsigned long flags = spin_lock_irqsave(&base.lock);
	bool was = detach_timer(timer);

	timer->expires = expires;
	enqueue_timer(timer);
	spin_unlock_irqrestore(&base.lock, flags);
	return was;
}

bool del_timer(struct timer_list *timer)
{
	unsigned long flags = spin_lock_irqsave(&base.lock);
	bool was = detach_timer(timer);

	spin_unlock_irqrestore(&base.lock, flags);
	return was;
}

/* Callbacks run from the tick on the CPU whose queue holds them; on another
 * CPU one may be running still, so wait for it to finish. */
bool del_timer_sync(struct timer_list *timer)
{
	bool was = del_timer(timer);

	while (__atomic_load_n(&base.running, __ATOMIC_ACQUIRE) == timer)
		cpu_relax();
	return was;
}

bool timer_pending(const struct timer_list *timer)
{
	return __atomic_load_n(&timer->pending, __ATOMIC_RELAXED);
}

/* Each tick: run, in expiry order, every timer that is due. */
static void run_timers(void *data)
{
	uint64_t now = jiffies;
	struct rb_node *left;

	(void)data;
	spin_lock(&base.lock);
	while ((left = rb_first_cached(&base.timers))) {
		struct timer_list *t = rb_entry(left, struct timer_list, node);

		if (t->expires > now)
			break;
		detach_timer(t);
		base.running = t;
		spin_unlock(&base.lock);
		t->function(t);
		spin_lock(&base.lock);
		__atomic_store_n(&base.running, NULL, __ATOMIC_RELEASE);
	}
	spin_unlock(&base.lock);
}

static struct tick_hook timer_tick_hook = { .fn = run_timers };

void timers_init(void)
{
	tick_hook_register(&timer_tick_hook);
}

struct sleeper {
	struct timer_list timer;
	struct task *task;
};

static void wake_sleeper(struct timer_list *timer)
{
	wake_up_process(container_of(timer, struct sleeper, timer)->task);
}

/*
 * The caller sets its sleeping state first, as for schedule(); returns the
 * jiffies left when woken early, 0 when the time ran out.
 */
long schedule_timeout(long timeout)
{
	struct sleeper s = { .task = current };
	uint64_t expires;
	long left;

	if (timeout == MAX_SCHEDULE_TIMEOUT) {
		schedule();
		return MAX_SCHEDULE_TIMEOUT;
	}
	if (timeout < 0)
		timeout = 0;
	expires = jiffies + (uint64_t)timeout;
	timer_setup(&s.timer, wake_sleeper);
	mod_timer(&s.timer, expires);
	schedule();
	del_timer_sync(&s.timer);
	left = (long)(expires - jiffies);
	return left > 0 ? left : 0;
}

/* One tick more than asked: the current tick is already partly gone. */
void msleep(unsigned int ms)
{
	long timeout = (long)((uint64_t)ms * HZ / 1000) + 1;

	while (timeout) {
		set_current_state(TASK_UNINTERRUPTIBLE);
		timeout = schedule_timeout(timeout);
	}
}
