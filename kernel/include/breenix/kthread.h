/*
 * Kernel threads. kthread_create() returns a stopped thread and a reference
 * to it; wake_up_process() starts it. The thread ends by returning from fn or
 * calling kthread_exit(). The reference is dropped by kthread_join(), which
 * waits for the end and returns the exit code, or by put_task() to detach;
 * the thread's stack and struct go once it has exited and nothing refers to it.
 */
#ifndef BREENIX_KTHREAD_H
#define BREENIX_KTHREAD_H

#include <breenix/sched.h>

__attribute__((format(printf, 3, 4)))
struct task *kthread_create(int (*fn)(void *), void *arg, const char *fmt, ...);

/* kthread_create and wake_up_process. */
#define kthread_run(fn, arg, ...) ({					\
	struct task *__t = kthread_create((fn), (arg), __VA_ARGS__);	\
									\
	if (__t)							\
		wake_up_process(__t);					\
	__t;								\
})

__attribute__((noreturn)) void kthread_exit(int code);

/* Waits for @t to exit, drops the caller's reference, returns its code. */
int kthread_join(struct task *t);

#endif
