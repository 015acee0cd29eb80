/*
 * The pid space: numbers from pidmap.c's cyclic allocator under one lock,
 * struct pids in a hash by number for lookups (kill, wait4 and
 * prlimit64 by pid), freed with their number at the last reference.
 */
#include <breenix/errno.h>
#include <breenix/pid.h>
#include <breenix/slab.h>
#include <breenix/spinlock.h>
#include <breenix/task.h>

#define PID_HASH_SIZE	256	/* a power of two; chains stay short */

static unsigned long pid_bits[PIDMAP_LONGS(PID_MAX_DEFAULT)];
static struct pidmap pidmap;
static struct list_head pid_hash[PID_HASH_SIZE];
static spinlock_t pid_lock = SPINLOCK_INIT;

static struct list_head *pid_bucket(int nr)
{
	return &pid_hash[(unsigned int)nr & (PID_HASH_SIZE - 1)];
}

void pid_init(void)
{
	unsigned int i;

	/* 0 is the boot task's, 1 init's: the cyclic search starts at 2. */
	pidmap_init(&pidmap, pid_bits, PID_MAX_DEFAULT, 2);
	pidmap_alloc_nr(&pidmap, 0);
	for (i = 0; i < PID_HASH_SIZE; i++)
		INIT_LIST_HEAD(&pid_hash[i]);
}

static int __alloc_pid(int nr, struct pid **out)
{
	struct pid *pid = kmalloc(sizeof(*pid), GFP_KERNEL);
	unsigned long flags;

	if (!pid)
		return -ENOMEM;
	flags = spin_lock_irqsave(&pid_lock);
	nr = nr ? pidmap_alloc_nr(&pidmap, (unsigned int)nr) :
		  pidmap_alloc(&pidmap);
	if (nr >= 0)
		list_add(&pid->hash_node, pid_bucket(nr));
	spin_unlock_irqrestore(&pid_lock, flags);
	if (nr < 0) {
		kfree(pid);
		return nr;
	}
	pid->count = 1;
	pid->nr = nr;
	pid->task = NULL;
	*out = pid;
	return 0;
}

int alloc_pid(struct pid **out)
{
	return __alloc_pid(0, out);
}

int alloc_pid_nr(int nr, struct pid **out)
{
	return nr > 0 ? __alloc_pid(nr, out) : -EINVAL;
}

struct pid *get_pid(struct pid *pid)
{
	if (pid)
		__atomic_add_fetch(&pid->count, 1, __ATOMIC_RELAXED);
	return pid;
}

void put_pid(struct pid *pid)
{
	unsigned long flags;

	if (!pid)
		return;
	/* Under the lock: a lookup must not take a reference at zero. */
	flags = spin_lock_irqsave(&pid_lock);
	if (--pid->count) {
		spin_unlock_irqrestore(&pid_lock, flags);
		return;
	}
	list_del(&pid->hash_node);
	pidmap_free(&pidmap, (unsigned int)pid->nr);
	spin_unlock_irqrestore(&pid_lock, flags);
	kfree(pid);
}

void attach_pid(struct task *t, struct pid *pid)
{
	unsigned long flags = spin_lock_irqsave(&pid_lock);

	pid->task = t;
	t->pid = pid;
	t->tid = pid->nr;
	spin_unlock_irqrestore(&pid_lock, flags);
}

/* The task keeps its tid for messages; the number may be reused now. */
void detach_pid(struct task *t)
{
	struct pid *pid = t->pid;
	unsigned long flags;

	if (!pid)
		return;
	flags = spin_lock_irqsave(&pid_lock);
	pid->task = NULL;
	t->pid = NULL;
	spin_unlock_irqrestore(&pid_lock, flags);
	put_pid(pid);
}

void exchange_tids(struct task *a, struct task *b)
{
	unsigned long flags = spin_lock_irqsave(&pid_lock);
	struct pid *pa = a->pid, *pb = b->pid;

	a->pid = pb;
	pb->task = a;
	a->tid = pb->nr;
	b->pid = pa;
	pa->task = b;
	b->tid = pa->nr;
	spin_unlock_irqrestore(&pid_lock, flags);
}

static struct pid *lookup(int nr)
{
	struct pid *pid;

	list_for_each_entry(pid, pid_bucket(nr), hash_node)
		if (pid->nr == nr)
			return pid;
	return NULL;
}

/* A task whose last reference is being dropped is as good as gone. */
static struct task *get_task_unless_dead(struct task *t)
{
	int n = __atomic_load_n(&t->refcount, __ATOMIC_RELAXED);

	do {
		if (!n)
			return NULL;
	} while (!__atomic_compare_exchange_n(&t->refcount, &n, n + 1, false,
					      __ATOMIC_ACQUIRE,
					      __ATOMIC_RELAXED));
	return t;
}

struct task *find_get_task_by_pid(int nr)
{
	struct task *t = NULL;
	unsigned long flags;
	struct pid *pid;

	if (nr <= 0)
		return NULL;
	flags = spin_lock_irqsave(&pid_lock);
	pid = lookup(nr);
	if (pid && pid->task)
		t = get_task_unless_dead(pid->task);
	spin_unlock_irqrestore(&pid_lock, flags);
	return t;
}

struct pid *find_get_pid(int nr)
{
	struct pid *pid = NULL;
	unsigned long flags;

	if (nr <= 0)
		return NULL;
	flags = spin_lock_irqsave(&pid_lock);
	pid = lookup(nr);
	if (pid)
		pid->count++;
	spin_unlock_irqrestore(&pid_lock, flags);
	return pid;
}

unsigned int pid_nr_used(void)
{
	return __atomic_load_n(&pidmap.nr_used, __ATOMIC_RELAXED);
}

int next_tgid(int nr)
{
	unsigned long flags;
	struct pid *pid;
	int found = -1;

	if (nr < 0)
		nr = 0;
	flags = spin_lock_irqsave(&pid_lock);
	while (found < 0 && (nr = pidmap_next(&pidmap, (unsigned int)nr)) >= 0) {
		pid = lookup(nr);
		/* A number held only by a group or session names no task. */
		if (pid && pid->task && pid->task->group_leader == pid->task)
			found = nr;
		nr++;
	}
	spin_unlock_irqrestore(&pid_lock, flags);
	return found;
}

unsigned int pid_nr_tasks(void)
{
	unsigned int i, n = 0;
	unsigned long flags;
	struct pid *pid;

	flags = spin_lock_irqsave(&pid_lock);
	for (i = 0; i < PID_HASH_SIZE; i++)
		list_for_each_entry(pid, &pid_hash[i], hash_node)
			if (pid->task)
				n++;
	spin_unlock_irqrestore(&pid_lock, flags);
	return n;
}

int pid_last_nr(void)
{
	unsigned long flags = spin_lock_irqsave(&pid_lock);
	int nr = (int)pidmap.cursor - 1;

	spin_unlock_irqrestore(&pid_lock, flags);
	return nr;
}
