/*
 * The periodic tick: whichever device drives it (the local APIC timer, or
 * the PIT without one) calls tick_handle() HZ times a second; it counts
 * jiffies and runs the registered hooks (scheduler, timers).
 */
#include <breenix/percpu.h>
#include <breenix/sched.h>
#include <breenix/spinlock.h>
#include <breenix/time.h>
#include <breenix/timekeeping.h>
#include <asm/ptrace.h>

volatile uint64_t jiffies;
uint64_t tick_nsec;

static LIST_HEAD(tick_hooks);
/* Guards the list; the tick holds it while the hooks run. */
static spinlock_t tick_lock = SPINLOCK_INIT;

void tick_hook_register(struct tick_hook *hook)
{
	unsigned long flags = spin_lock_irqsave(&tick_lock);

	list_add_tail(&hook->node, &tick_hooks);
	spin_unlock_irqrestore(&tick_lock, flags);
}

void tick_hook_unregister(struct tick_hook *hook)
{
	unsigned long flags = spin_lock_irqsave(&tick_lock);

	list_del(&hook->node);
	spin_unlock_irqrestore(&tick_lock, flags);
}

void tick_handle(void)
{
	struct tick_hook *hook;

	struct pt_regs *regs = this_cpu_read(irq_regs);

	/* Only the tick writes jiffies; readers see whole 64-bit values. */
	__atomic_store_n(&jiffies, jiffies + 1, __ATOMIC_RELAXED);
	/* Charge the tick to the task it interrupted, in the mode it was in. */
	account_process_tick(regs && user_mode(regs));
	spin_lock(&tick_lock);
	list_for_each_entry(hook, &tick_hooks, node)
		hook->fn(hook->data);
	spin_unlock(&tick_lock);
}
