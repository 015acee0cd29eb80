/*
 * POSIX signals with Linux's semantics (kernel/signal.c): sending to a
 * thread, a process, a process group or everyone; the checks that make a
 * signal ignored, queued once (standard) or in order (real-time); the
 * dequeue and default actions on the way back to user mode (the arch code
 * builds the handler's frame); stops, continues and the parent's SIGCHLD.
 */
#ifndef BREENIX_SIGNAL_H
#define BREENIX_SIGNAL_H

#include <stdbool.h>
#include <stdint.h>
#include <breenix/signal_types.h>
#include <breenix/task.h>

struct pid;
struct pt_regs;

static inline sigset_t sigmask(int sig)
{
	return 1UL << (sig - 1);
}

static inline bool valid_signal(unsigned long sig)
{
	return sig <= _NSIG;
}

/* Signals a process cannot catch, block or ignore (POSIX). */
#define SIG_KERNEL_ONLY_MASK	(sigmask(SIGKILL) | sigmask(SIGSTOP))
/* Whose default action is to stop, to dump core, to be ignored. */
#define SIG_KERNEL_STOP_MASK	(sigmask(SIGSTOP) | sigmask(SIGTSTP) |	\
				 sigmask(SIGTTIN) | sigmask(SIGTTOU))
#define SIG_KERNEL_COREDUMP_MASK (sigmask(SIGQUIT) | sigmask(SIGILL) |	\
				  sigmask(SIGTRAP) | sigmask(SIGABRT) |	\
				  sigmask(SIGFPE) | sigmask(SIGSEGV) |	\
				  sigmask(SIGBUS) | sigmask(SIGSYS) |	\
				  sigmask(SIGXCPU) | sigmask(SIGXFSZ))
#define SIG_KERNEL_IGNORE_MASK	(sigmask(SIGCONT) | sigmask(SIGCHLD) |	\
				 sigmask(SIGWINCH) | sigmask(SIGURG))
/* Faults: delivered before other pending signals, as Linux's SYNCHRONOUS_MASK. */
#define SYNCHRONOUS_MASK	(sigmask(SIGSEGV) | sigmask(SIGBUS) |	\
				 sigmask(SIGILL) | sigmask(SIGTRAP) |	\
				 sigmask(SIGFPE) | sigmask(SIGSYS))

static inline bool sig_in(int sig, sigset_t mask)
{
	return sig < SIGRTMIN && (mask & sigmask(sig));
}

/* A signal or the end of the process is waiting: sleeps end with EINTR. */
static inline bool signal_pending(const struct task *t)
{
	return __atomic_load_n(&t->sigpending, __ATOMIC_SEQ_CST);
}

/* SIGKILL is pending, or the process is exiting: uninterruptible work stops. */
bool fatal_signal_pending(const struct task *t);

/* What get_signal hands the arch code: a signal with a handler to run. */
struct ksignal {
	struct k_sigaction ka;
	siginfo_t info;
	int sig;
};

/* Sends @sig to the thread @t (tkill), or to @t's process. 0 or -errno. */
int send_sig_info(int sig, siginfo_t *info, struct task *t);
int group_send_sig_info(int sig, siginfo_t *info, struct task *p);
/* The same with a plain siginfo: SI_USER from the caller, or SI_KERNEL if @priv. */
int send_sig(int sig, struct task *t, bool priv);
int group_send_sig(int sig, struct task *p, bool priv);
/* kill(2): a process (> 0), the caller's group (0), everyone (-1), a group. */
int kill_something_info(int sig, siginfo_t *info, int pid);
/* The process with pid @pid (a thread's tid names its process). */
int kill_proc_info(int sig, siginfo_t *info, int pid);
/*
 * Every process in @pgrp (the tty's ^C, ^Z, SIGHUP on hang-up): 0 if one
 * got it, else the last error (-ESRCH for an empty group). With @priv the
 * kernel sends it and no permission is checked.
 */
int kill_pgrp(struct pid *pgrp, int sig, bool priv);
/* The same from the kernel, with the process tree's lock already held. */
void kill_pgrp_locked(struct pid *pgrp, int sig);

/*
 * A fault of the current thread in user mode: the signal is unblocked and
 * un-ignored, as Linux's force_sig_fault, so the process cannot hide from it.
 */
void force_sig_fault(int sig, int code, uint64_t addr);
/* The same with SI_KERNEL and no address (#GP, int3). */
void force_sig(int sig);
/* SIGSEGV for a frame that could not be built for @sig, or restored (0). */
void force_sigsegv(int sig);

/*
 * The next signal to handle, with its action; the default actions of the
 * rest happen inside (ignore, stop, continue, terminate never returns).
 * False when nothing is left to deliver.
 */
bool get_signal(struct ksignal *ksig);
/* The next signal of @t not in @blocked (siglock held), its info in @info. */
int dequeue_signal(struct task *t, sigset_t blocked, siginfo_t *info);
/* Drops the signals of @mask from @pending (siglock held). */
void flush_sigqueue_mask(sigset_t mask, struct sigpending *pending);
/* After the arch built the frame: block sa_mask and the signal, SA_RESETHAND. */
void signal_setup_done(bool failed, struct ksignal *ksig);

/* The mask rt_sigsuspend or ppoll replaced, put back when no handler runs. */
void restore_saved_sigmask(void);
void set_current_blocked(sigset_t set);
/* The old mask goes to saved_sigmask and is restored on the way out. */
void set_restore_sigmask(sigset_t saved);

/* sigaltstack: where the current thread's alternate stack is, and its state. */
bool on_sig_stack(unsigned long sp);
int sas_ss_flags(unsigned long sp);
int do_sigaltstack(const stack_t *ss, stack_t *oss, unsigned long sp);

/* Processes: fork shares or copies the handlers, exec resets them, exit drops. */
int copy_sighand(uint64_t clone_flags, struct task *p);
void put_sighand(struct sighand_struct *sh);
/* exec: handlers shared with another process become the task's own copy. */
int unshare_sighand(struct task *t);
void flush_signal_handlers(struct task *t);
void flush_sigqueue(struct sigpending *pending);
void init_sigpending(struct sigpending *pending);
/* A thread leaves: its pending signals go, a group stop counts it as stopped. */
void exit_signals(struct task *t);
/* exit_group and exec: the other threads of @t's process get SIGKILL. tasklist_lock held. */
void signal_group_exit(struct task *t);

/*
 * Tells the parent that @tsk's process ended (tasklist_lock held): SIGCHLD
 * (or the clone's exit signal @sig) and a wake of its wait. True when the
 * parent ignores SIGCHLD or set SA_NOCLDWAIT: the child is reaped at once.
 */
bool do_notify_parent(struct task *tsk, int sig);

/* Wakes @t to see a new signal (from any sleep if @fatal). siglock held. */
void signal_wake_up(struct task *t, bool fatal);
/* Recomputes the current thread's pending flag; siglock held. */
void recalc_sigpending(void);

/*
 * POSIX timers' entries (posix_timers.c). sigqueue_prealloc charges one to
 * the caller's user for the timer's life, -EAGAIN past RLIMIT_SIGPENDING;
 * sigqueue_prealloc_free gives the charge back (the entry not queued).
 * send_sigqueue_locked queues it to @t (siglock held, not queued yet):
 * false when the signal is ignored. sigqueue_unqueue takes it back out of
 * @pending if it is there, with the pending bit when nothing else holds it.
 */
int sigqueue_prealloc(struct sigqueue *q);
void sigqueue_prealloc_free(struct sigqueue *q);
bool send_sigqueue_locked(struct sigqueue *q, struct task *t, bool shared);
void sigqueue_unqueue(struct sigqueue *q, struct sigpending *pending);
/*
 * A timer's entry left its queue (siglock held): delivered with @info, or
 * flushed (NULL). A periodic timer starts its next period from here and
 * reports its overruns in @info, as Linux's posixtimer_deliver_signal.
 */
void posixtimer_sigqueue_done(struct sigqueue *q, siginfo_t *info);
/* Deletes the process's POSIX timers: at exec and when its last thread exits. */
void exit_itimers(struct task *tsk);

/* setitimer's timers: set up with the process, stopped when it ends. */
void itimer_init(struct signal_struct *sig);
void itimer_exit(struct signal_struct *sig);
/* Each tick, on the running task: ITIMER_VIRTUAL and ITIMER_PROF count. */
void itimer_tick(bool user_mode);

#endif
