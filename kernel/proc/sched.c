/*
 * The scheduler core: CPU 0's run queue, schedule() and the context switch
 * around it, wakeups, the tick's time-slice accounting and preemption. The
 * policy (who runs next, for how long) is sched_fair.c's; this file applies
 * it under the run-queue lock.
 */
#include <breenix/panic.h>
#include <breenix/pid.h>
#include <breenix/printk.h>
#include <breenix/sched.h>
#include <breenix/signal.h>
#include <breenix/slab.h>
#include <breenix/time.h>
#include <breenix/uaccess.h>
#include <asm/fpu.h>
#include <asm/switch_to.h>

/* One run queue per CPU; SMP raises the count and starts more CPUs. */
#define NR_CPUS		1

static struct rq runqueues[NR_CPUS];

static struct rq *this_rq(void)
{
	return this_cpu_read_stable(rq);
}

static struct rq *task_rq(const struct task *t)
{
	return &runqueues[t->cpu];
}

static void set_need_resched(void)
{
	this_cpu_write(need_resched, 1);
}

/*
 * Charges the running task for the CPU it used since it was last charged;
 * the idle task, which CFS does not schedule, keeps its time for /proc/uptime.
 */
static void update_curr(struct rq *rq)
{
	uint64_t now = ktime_get_ns();
	struct task *curr = rq->curr;

	if (now > rq->exec_start) {
		if (curr == rq->idle)
			curr->se.sum_exec_runtime += now - rq->exec_start;
		else if (curr->se.on_rq)
			cfs_update_curr(&rq->cfs, &curr->se,
					now - rq->exec_start);
	}
	rq->exec_start = now;
}

static struct task *pick_next_task(struct rq *rq)
{
	struct sched_entity *se = cfs_pick_next(&rq->cfs);

	return se ? container_of(se, struct task, se) : rq->idle;
}

/*
 * The second half of a switch, run by the task switched to: the lock
 * taken by the task that switched away is released here, and a task that
 * has exited is dropped now that nothing runs on its stack.
 */
static void finish_task_switch(struct task *prev)
{
	struct rq *rq = this_rq();

	raw_spin_unlock(&rq->lock);
	preempt_enable_no_resched();
	if (prev->state == TASK_DEAD)
		put_task(prev);
}

/*
 * Where a new task starts (from ret_from_kthread or the fork return path),
 * interrupts on. A CLONE_CHILD_SETTID child stores its tid in its own
 * address space now that it runs in it (a fault is ignored, as in Linux).
 */
void schedule_tail(struct task *prev)
{
	finish_task_switch(prev);
	local_irq_enable();
	if (current->set_child_tid)
		put_user(current->tid, current->set_child_tid);
}

/*
 * @preempt: the task is being switched out against its will and stays
 * queued whatever its state; it may be between setting a sleeping state
 * and testing its condition, and must come back to finish that test.
 */
static void __schedule(bool preempt)
{
	struct task *prev = current, *next;
	unsigned long flags = local_irq_save();
	struct rq *rq = this_rq();

	spin_lock(&rq->lock);
	this_cpu_write(need_resched, 0);
	update_curr(rq);
	if (!preempt && prev->state != TASK_RUNNING && prev != rq->idle)
		cfs_dequeue(&rq->cfs, &prev->se);
	next = pick_next_task(rq);
	if (next == prev) {
		spin_unlock(&rq->lock);
		local_irq_restore(flags);
		return;
	}
	rq->curr = next;
	rq->nr_switches++;
	this_cpu_write(current_task, next);
	prev = switch_to(prev, next);
	finish_task_switch(prev);
	local_irq_restore(flags);
}

void schedule(void)
{
	__schedule(false);
}

void preempt_schedule(void)
{
	do {
		__schedule(true);
	} while (need_resched());
}

void preempt_schedule_irq(void)
{
	while (need_resched() && !preempt_count())
		__schedule(true);
}

/* schedule() charges the caller and requeues it by its new vruntime. */
void yield(void)
{
	schedule();
}

bool wake_up_state(struct task *t, long state)
{
	struct rq *rq = task_rq(t);
	unsigned long flags = spin_lock_irqsave(&rq->lock);
	bool woke = false;

	if (!(t->state & state) || t->state == TASK_DEAD)
		goto out;
	t->state = TASK_RUNNING;
	woke = true;
	/* Still queued: it has not reached schedule() yet and now won't sleep. */
	if (t->se.on_rq)
		goto out;
	update_curr(rq);
	cfs_enqueue(&rq->cfs, &t->se, t->se.sum_exec_runtime ?
		    CFS_ENQUEUE_WAKEUP : CFS_ENQUEUE_NEW);
	if (rq->curr == rq->idle ||
	    cfs_wakeup_preempt(&rq->curr->se, &t->se))
		set_need_resched();
out:
	spin_unlock_irqrestore(&rq->lock, flags);
	return woke;
}

bool wake_up_process(struct task *t)
{
	return wake_up_state(t, TASK_INTERRUPTIBLE | TASK_UNINTERRUPTIBLE);
}

void sched_set_nice(struct task *t, int nice)
{
	struct rq *rq = task_rq(t);
	unsigned long flags = spin_lock_irqsave(&rq->lock);

	if (t == rq->curr)
		update_curr(rq);
	cfs_set_nice(&rq->cfs, &t->se, nice);
	spin_unlock_irqrestore(&rq->lock, flags);
}

uint64_t task_sched_runtime(struct task *t)
{
	struct rq *rq = task_rq(t);
	unsigned long flags = spin_lock_irqsave(&rq->lock);
	uint64_t ns;

	if (t == rq->curr)
		update_curr(rq);
	ns = t->se.sum_exec_runtime;
	spin_unlock_irqrestore(&rq->lock, flags);
	return ns;
}

void account_process_tick(bool user_mode)
{
	struct task *t = current;

	if (t == this_cpu_read_stable(idle))
		return;
	if (user_mode)
		t->utime_ticks++;
	else
		t->stime_ticks++;
	itimer_tick(user_mode);
}

uint64_t sched_nr_switches(void)
{
	return __atomic_load_n(&this_rq()->nr_switches, __ATOMIC_RELAXED);
}

/* Every tick, interrupts off: charge the running task, end its slice. */
static void sched_tick(void *data)
{
	struct rq *rq = data;
	struct task *curr;

	spin_lock(&rq->lock);
	curr = rq->curr;
	update_curr(rq);
	if (curr == rq->idle) {
		if (rq->cfs.nr_running)
			set_need_resched();
	} else if (curr->se.on_rq && cfs_should_preempt(&rq->cfs, &curr->se)) {
		set_need_resched();
	}
	spin_unlock(&rq->lock);
}

static struct tick_hook sched_tick_hook = {
	.fn = sched_tick,
	.data = &runqueues[0],
};

/* A wakeup between the test and the halt preempts it on interrupt return. */
static __attribute__((noreturn)) void idle_loop(void)
{
	for (;;) {
		if (need_resched())
			schedule();
		else
			cpu_idle();
	}
}

static int idle_fn(void *arg)
{
	(void)arg;
	idle_loop();
}

/* The boot task's FPU area: the others get theirs from task_create. */
static void *boot_fpu_alloc(void)
{
	size_t size = fpu_state_size() + FPU_STATE_ALIGN - 1;

	boot_task.fpu_alloc = kmalloc(size, GFP_KERNEL);
	if (!boot_task.fpu_alloc)
		panic("sched: no memory for the boot task's FPU state");
	return (void *)(((uintptr_t)boot_task.fpu_alloc + FPU_STATE_ALIGN - 1) &
			~(uintptr_t)(FPU_STATE_ALIGN - 1));
}

void sched_init(void)
{
	struct rq *rq = &runqueues[0];
	struct task *idle;

	pid_init();
	fpu_init();
	boot_task.fpu_state = boot_fpu_alloc();
	fpu_state_init(boot_task.fpu_state);
	cfs_rq_init(&rq->cfs);
	sched_entity_init(&boot_task.se, 0);
	idle = task_create(idle_fn, NULL, "idle/0");
	if (!idle)
		panic("sched: no memory for the idle task");
	idle->state = TASK_RUNNING;
	rq->idle = idle;
	rq->curr = &boot_task;
	rq->exec_start = ktime_get_ns();
	this_cpu_write(rq, rq);
	this_cpu_write(idle, idle);
	/* The boot task is CFS's running entity from here on. */
	cfs_enqueue(&rq->cfs, &boot_task.se, CFS_ENQUEUE_NEW);
	cfs_pick_next(&rq->cfs);
	tick_hook_register(&sched_tick_hook);
	pr_info("sched: CFS run queue on CPU 0, %u Hz tick\n", HZ);
}

void sched_boot_task_done(void)
{
	pr_info("sched: boot task done, CPU 0 to the idle task\n");
	task_exit(0);
}

uint64_t sched_idle_time(void)
{
	struct rq *rq = this_rq();

	return task_sched_runtime(rq->idle);
}

unsigned int sched_nr_running(void)
{
	return __atomic_load_n(&this_rq()->cfs.nr_running, __ATOMIC_RELAXED);
}
