/*
 * Spinlocks. The irqsave forms also disable local interrupts so an interrupt
 * handler on this CPU can never spin on a lock its own CPU holds. A held lock
 * also disables preemption, so its holder is never switched out for a task
 * that would spin on it.
 */
#ifndef BREENIX_SPINLOCK_H
#define BREENIX_SPINLOCK_H

#include <stdbool.h>
#include <asm/cpu.h>

#ifdef __breenix_kernel__
#include <breenix/preempt.h>
#else
/* Host tests have one context and nothing to preempt. */
static inline void preempt_disable(void)
{
}

static inline void preempt_enable(void)
{
}
#endif

typedef struct {
	volatile int locked;
} spinlock_t;

#define SPINLOCK_INIT { 0 }

static inline bool raw_spin_trylock(spinlock_t *lock)
{
	return !__atomic_exchange_n(&lock->locked, 1, __ATOMIC_ACQUIRE);
}

static inline void raw_spin_lock(spinlock_t *lock)
{
	while (!raw_spin_trylock(lock)) {
		while (__atomic_load_n(&lock->locked, __ATOMIC_RELAXED))
			cpu_relax();
	}
}

static inline void raw_spin_unlock(spinlock_t *lock)
{
	__atomic_store_n(&lock->locked, 0, __ATOMIC_RELEASE);
}

static inline bool spin_trylock(spinlock_t *lock)
{
	preempt_disable();
	if (raw_spin_trylock(lock))
		return true;
	preempt_enable();
	return false;
}

static inline void spin_lock(spinlock_t *lock)
{
	preempt_disable();
	raw_spin_lock(lock);
}

static inline void spin_unlock(spinlock_t *lock)
{
	raw_spin_unlock(lock);
	preempt_enable();
}

static inline unsigned long spin_lock_irqsave(spinlock_t *lock)
{
	unsigned long flags = local_irq_save();

	spin_lock(lock);
	return flags;
}

/* Interrupts back on before the count drops, so a pending reschedule
 * happens here rather than at the next interrupt. */
static inline void spin_unlock_irqrestore(spinlock_t *lock, unsigned long flags)
{
	raw_spin_unlock(lock);
	local_irq_restore(flags);
	preempt_enable();
}

#endif
