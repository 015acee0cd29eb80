/*
 * Processes: what exec, the fault handler and the arch code ask of the
 * process layer (kernel/proc/exit.c, fork.c, resource.c).
 */
#ifndef BREENIX_PROCESS_H
#define BREENIX_PROCESS_H

#include <stdbool.h>
#include <stdint.h>
#include <uapi/linux/resource.h>

struct task;

/*
 * Ends the calling thread (do_exit) or every thread of its process
 * (do_group_exit) with @code in wait-status form: (status & 0xff) << 8 for
 * an exit, the signal number (| 0x80 for a core dump) for a death by signal.
 */
__attribute__((noreturn)) void do_exit(int code);
__attribute__((noreturn)) void do_group_exit(int code);

/* Whether the current thread is being killed (fatal_signal_pending). */
bool group_exit_pending(void);
/*
 * send_sig(SIGPIPE, current) for code that does not see tasks (the pipes,
 * built into host tests too; wait.h has current_signal_pending).
 */
void send_sigpipe(void);

/*
 * The task is giving up its mm (exec or exit): wake a vfork parent and
 * honour CLONE_CHILD_CLEARTID.
 */
void mm_release(struct task *tsk);

/*
 * Starts PID 1 at the end of kmain: a kernel thread numbered 1 that
 * execs init= (or /sbin/init, /etc/init, /bin/init, /bin/sh) with the
 * command line's unknown words as arguments and environment.
 */
void start_init(void);

/* The calling process's soft limit for @resource (RLIMIT_*). */
uint64_t rlimit(unsigned int resource);

#endif
