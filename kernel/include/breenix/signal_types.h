/*
 * The signal state tasks and processes carry (Linux's signal_types.h): a
 * pending set with its queue of siginfo entries, the handler table shared
 * by CLONE_SIGHAND threads, and the restart block of an interrupted sleep.
 */
#ifndef BREENIX_SIGNAL_TYPES_H
#define BREENIX_SIGNAL_TYPES_H

#include <stdbool.h>
#include <stdint.h>
#include <breenix/list.h>
#include <breenix/spinlock.h>
#include <uapi/linux/signal.h>

struct user_struct;

/* A queued signal: its siginfo, charged to the sender's user. */
struct sigqueue {
	struct list_head list;		/* empty while not queued */
	unsigned int flags;
	siginfo_t info;
	struct user_struct *user;	/* NULL: not charged (kernel-made) */
};

/* A POSIX timer's own entry, reused for each expiry: never freed by a dequeue. */
#define SIGQUEUE_PREALLOC	1

/* Signals pending: the set, and their siginfos in arrival order. */
struct sigpending {
	struct list_head list;
	sigset_t signal;
	sigset_t kernel_noinfo;		/* standard ones the kernel sent unqueued */
};

struct k_sigaction {
	struct sigaction sa;
};

/*
 * The handlers of a process (or of CLONE_SIGHAND threads): refcounted;
 * siglock guards them and every pending set, mask and stop state of the
 * tasks that share it. Taken after tasklist_lock, never before.
 */
struct sighand_struct {
	int count;
	spinlock_t siglock;
	struct k_sigaction action[_NSIG];
};

/*
 * What restart_syscall resumes (Linux's restart_block): what is left of an
 * interrupted relative nanosleep or of a poll, whose timeouts must not
 * start again. fn NULL: restart_syscall gives EINTR.
 */
struct restart_block {
	long (*fn)(struct restart_block *rb);
	union {
		struct {
			uint64_t expires;	/* the clock's reading to sleep until */
			void *rmtp;		/* user: the remaining time, or NULL */
			int clockid;
		} nanosleep;
		struct {
			void *ufds;		/* user: the pollfd array */
			unsigned int nfds;
			bool has_timeout;
			uint64_t end;		/* ktime_get_ns() deadline */
		} poll;
	};
};

#endif
