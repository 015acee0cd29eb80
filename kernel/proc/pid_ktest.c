/*
 * In-kernel tests of the pid space: numbers come from one cyclic space,
 * lookups find live tasks, and a number is not reused while a reference
 * to its struct pid remains.
 */
#include <breenix/kthread.h>
#include <breenix/ktest.h>
#include <breenix/pid.h>
#include <breenix/task.h>

KTEST(pid_alloc_lookup)
{
	struct pid *a, *b, *c;
	unsigned int used = pid_nr_used();

	KT_ASSERT_EQ(alloc_pid(&a), 0);
	KT_ASSERT_EQ(alloc_pid(&b), 0);
	KT_ASSERT(b->nr > a->nr || b->nr >= RESERVED_PIDS);
	KT_ASSERT_EQ(pid_nr_used(), used + 2);
	c = find_get_pid(a->nr);
	KT_ASSERT(c == a);
	put_pid(a);
	/* Still referenced by the lookup: the number stays taken. */
	KT_ASSERT(find_get_pid(c->nr) == c);
	put_pid(c);
	put_pid(c);
	KT_ASSERT(find_get_pid(b->nr) == b);
	put_pid(b);
	put_pid(b);
	KT_ASSERT_EQ(pid_nr_used(), used);
	KT_ASSERT(!find_get_pid(0));
	KT_ASSERT(!find_get_pid(-3));
}

static int noop_fn(void *arg)
{
	(void)arg;
	return 7;
}

KTEST(pid_task_lookup)
{
	struct task *k, *found;
	int tid;

	found = find_get_task_by_pid(current->tid);
	if (current->tid) {
		KT_ASSERT(found == current);
		put_task(found);
	}
	k = kthread_create(noop_fn, NULL, "pid-ktest");
	KT_ASSERT(k);
	tid = k->tid;
	KT_ASSERT(tid > 1);
	found = find_get_task_by_pid(tid);
	KT_ASSERT(found == k);
	put_task(found);
	wake_up_process(k);
	KT_ASSERT_EQ(kthread_join(k), 7);
	/* Joined and freed: the number names nothing now. */
	KT_ASSERT(!find_get_task_by_pid(tid));
}
