/*
 * Signal state across fork and exec, as POSIX and Linux define it. fork:
 * the child has the parent's handlers, mask and alternate stack, and no
 * pending signals. exec: caught signals go back to SIG_DFL, ignored ones
 * stay ignored (SIGCHLD too), the mask and the pending signals are kept,
 * the alternate stack is gone. Runs on Linux and Breenix; the image exec'd
 * is this program again, with "--after-exec".
 */
#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sigtest.h"
#include "tap.h"

static void on_usr(int sig, siginfo_t *si, void *uc)
{
	(void)sig, (void)si, (void)uc;
}

static bool handler_is(int sig, void (*want)(int))
{
	struct sigaction sa;

	return sigaction(sig, NULL, &sa) == 0 && sa.sa_handler == want;
}

static bool handler_is_info(int sig, void (*want)(int, siginfo_t *, void *))
{
	struct sigaction sa;

	return sigaction(sig, NULL, &sa) == 0 && (sa.sa_flags & SA_SIGINFO) &&
	       sa.sa_sigaction == want;
}

static bool is_blocked(int sig)
{
	sigset_t set;

	return sigprocmask(SIG_SETMASK, NULL, &set) == 0 && sigismember(&set, sig);
}

static bool is_pending(int sig)
{
	sigset_t set;

	return sigpending(&set) == 0 && sigismember(&set, sig);
}

static bool altstack_disabled(void)
{
	stack_t ss;

	return sigaltstack(NULL, &ss) == 0 && (ss.ss_flags & SS_DISABLE);
}

/*
 * The exec'd image: each expectation is a bit of the exit status, so the
 * parent names what went wrong.
 */
static int after_exec(void)
{
	int bad = 0;

	bad |= !handler_is(SIGUSR1, SIG_DFL) << 0;
	bad |= !handler_is(SIGUSR2, SIG_IGN) << 1;
	bad |= !handler_is(SIGCHLD, SIG_IGN) << 2;
	bad |= !is_blocked(SIGTERM) << 3;
	bad |= !is_pending(SIGTERM) << 4;
	bad |= !altstack_disabled() << 5;
	return bad;
}

/* The state both fork and exec start from. */
static void set_up_state(void)
{
	static char stack[1 << 16];
	stack_t ss = { .ss_sp = stack, .ss_size = sizeof(stack) };
	sigset_t set;

	sig_handle(SIGUSR1, on_usr, 0);
	signal(SIGUSR2, SIG_IGN);
	signal(SIGCHLD, SIG_IGN);
	sigaltstack(&ss, NULL);
	sigemptyset(&set);
	sigaddset(&set, SIGTERM);
	sigprocmask(SIG_BLOCK, &set, NULL);
	raise(SIGTERM);
}

static void fork_cases(void)
{
	pid_t pid;
	int st = 0;

	set_up_state();
	/* With SIGCHLD ignored the child would be reaped unseen: default for this. */
	signal(SIGCHLD, SIG_DFL);
	pid = fork();
	if (pid == 0) {
		int bad = 0;

		bad |= !handler_is_info(SIGUSR1, on_usr) << 0;
		bad |= !handler_is(SIGUSR2, SIG_IGN) << 1;
		bad |= !is_blocked(SIGTERM) << 2;
		bad |= is_pending(SIGTERM) << 3;
		bad |= altstack_disabled() << 4;
		_exit(bad);
	}
	check(waitpid(pid, &st, 0) == pid && exited_with(st, 0),
	      "fork: handlers, mask and alternate stack inherited, nothing pending",
	      "%s (bits: handler, ignore, mask, pending, altstack)", status_str(st));
	check(is_pending(SIGTERM), "the parent's pending signal stays with the parent", "it went");
}

static void exec_cases(const char *self)
{
	pid_t pid;
	int st = 0;

	pid = fork();
	if (pid == 0) {
		set_up_state();
		execl(self, self, "--after-exec", (char *)NULL);
		_exit(127);
	}
	check(waitpid(pid, &st, 0) == pid && exited_with(st, 0),
	      "exec: caught to SIG_DFL, ignored stay ignored, mask and pending kept, no altstack",
	      "%s (bits: handler, ignore, SIGCHLD ignore, mask, pending, altstack)",
	      status_str(st));
}

int main(int argc, char **argv)
{
	if (argc == 2 && !strcmp(argv[1], "--after-exec"))
		return after_exec();
	exec_cases(argv[0]);
	fork_cases();
	return done();
}
