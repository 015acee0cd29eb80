/*
 * Signals and traps (XCU 2.11 Signals and Error Handling, 2.14 trap): the
 * signal names, the dispositions the shell wants (an interactive shell's
 * own, a trap's), and the trap actions. The handler only records a signal;
 * the actions run at safe points, between commands.
 */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "sh.h"

/* Linux's signal numbers, with the words its strsignal() gives them. */
static const struct {
	int num;
	const char *name;
	const char *text;
} signals[] = {
	{ SIGHUP, "HUP", "Hangup" }, { SIGINT, "INT", "Interrupt" },
	{ SIGQUIT, "QUIT", "Quit" }, { SIGILL, "ILL", "Illegal instruction" },
	{ SIGTRAP, "TRAP", "Trace/breakpoint trap" }, { SIGABRT, "ABRT", "Aborted" },
	{ SIGBUS, "BUS", "Bus error" }, { SIGFPE, "FPE", "Floating point exception" },
	{ SIGKILL, "KILL", "Killed" }, { SIGUSR1, "USR1", "User defined signal 1" },
	{ SIGSEGV, "SEGV", "Segmentation fault" }, { SIGUSR2, "USR2", "User defined signal 2" },
	{ SIGPIPE, "PIPE", "Broken pipe" }, { SIGALRM, "ALRM", "Alarm clock" },
	{ SIGTERM, "TERM", "Terminated" }, { SIGSTKFLT, "STKFLT", "Stack fault" },
	{ SIGCHLD, "CHLD", "Child exited" }, { SIGCONT, "CONT", "Continued" },
	{ SIGSTOP, "STOP", "Stopped (signal)" }, { SIGTSTP, "TSTP", "Stopped" },
	{ SIGTTIN, "TTIN", "Stopped (tty input)" }, { SIGTTOU, "TTOU", "Stopped (tty output)" },
	{ SIGURG, "URG", "Urgent I/O condition" }, { SIGXCPU, "XCPU", "CPU time limit exceeded" },
	{ SIGXFSZ, "XFSZ", "File size limit exceeded" },
	{ SIGVTALRM, "VTALRM", "Virtual timer expired" },
	{ SIGPROF, "PROF", "Profiling timer expired" }, { SIGWINCH, "WINCH", "Window changed" },
	{ SIGIO, "IO", "I/O possible" }, { SIGPWR, "PWR", "Power failure" },
	{ SIGSYS, "SYS", "Bad system call" },
};
#define NSIGNALS (sizeof(signals) / sizeof(signals[0]))
/* Linux's signals run from 1 to 64 (asm/signal.h _NSIG); 0 is EXIT. */
#define NTRAPS 65

const char *signal_name(int sig)
{
	for (size_t i = 0; i < NSIGNALS; i++)
		if (signals[i].num == sig)
			return signals[i].name;
	return NULL;
}

const char *signal_text(int sig)
{
	for (size_t i = 0; i < NSIGNALS; i++)
		if (signals[i].num == sig)
			return signals[i].text;
	return "Unknown signal";
}

void signal_list(int fd)
{
	for (size_t i = 0; i < NSIGNALS; i++)
		fdprintf(fd, "%2d) SIG%s\n", signals[i].num, signals[i].name);
}

/* A name (any case, SIG optional, as bash takes them) or a number; -1 if neither. */
int signal_number(const char *s)
{
	char *end;
	long n;

	if (!strncasecmp(s, "SIG", 3))
		s += 3;
	for (size_t i = 0; i < NSIGNALS; i++)
		if (!strcasecmp(signals[i].name, s))
			return signals[i].num;
	n = strtol(s, &end, 10);
	return *s >= '0' && *s <= '9' && !*end && n < NTRAPS ? (int)n : -1;
}

enum disposition { DISP_DEFAULT, DISP_IGNORE, DISP_CATCH };

static char *actions[NTRAPS];		/* NULL: none; "": ignored; [0]: EXIT */
static int with_action;			/* how many have an action to run */
static unsigned char entry_ignored[NTRAPS];
static unsigned char installed[NTRAPS];	/* the disposition set in the kernel */
static volatile sig_atomic_t pending[NTRAPS], any_pending;
/* A SIGINT noted for a foreground job's ^C: the terminal has its newline. */
static int job_interrupted;

static void on_signal(int sig)
{
	pending[sig] = 1;
	any_pending = 1;
}

/*
 * What the shell wants for @sig without a trap: signals ignored on entry
 * stay ignored (XCU 2.11); an interactive shell ignores SIGTERM and
 * SIGQUIT, catches SIGINT (to end a command) and SIGHUP (to hang up its
 * jobs), and is never stopped by the terminal.
 */
static enum disposition own_disposition(int sig)
{
	if (entry_ignored[sig])
		return DISP_IGNORE;
	if (!sh.interactive)
		return DISP_DEFAULT;
	switch (sig) {
	case SIGINT: case SIGHUP:
		return DISP_CATCH;
	case SIGTERM: case SIGQUIT: case SIGTSTP: case SIGTTIN: case SIGTTOU:
		return DISP_IGNORE;
	}
	return DISP_DEFAULT;
}

static enum disposition wanted(int sig)
{
	if (!actions[sig])
		return own_disposition(sig);
	return *actions[sig] ? DISP_CATCH : DISP_IGNORE;
}

/*
 * Sets the kernel's disposition of @sig to what the shell wants. No
 * SA_RESTART: a caught signal must end the read builtin's read and the
 * line editor's (for a hang-up).
 */
static void apply(int sig)
{
	static void (*const handlers[])(int) = {
		[DISP_DEFAULT] = SIG_DFL, [DISP_IGNORE] = SIG_IGN, [DISP_CATCH] = on_signal,
	};
	enum disposition d = wanted(sig);
	struct sigaction sa = { 0 };

	if (installed[sig] == d)
		return;
	sa.sa_handler = handlers[d];
	sigemptyset(&sa.sa_mask);
	if (sigaction(sig, &sa, NULL) == 0)
		installed[sig] = d;
}

void trap_init(void)
{
	for (int sig = 1; sig < NTRAPS; sig++) {
		struct sigaction old;

		if (sigaction(sig, NULL, &old) < 0)
			continue;
		if (old.sa_handler == SIG_IGN) {
			installed[sig] = DISP_IGNORE;
			entry_ignored[sig] = !sh.interactive;
		}
		apply(sig);
	}
}

static void set_action(int sig, const char *action)
{
	with_action -= actions[sig] && *actions[sig];
	free(actions[sig]);
	actions[sig] = action ? xstrdup(action) : NULL;
	with_action += actions[sig] && *actions[sig];
	if (sig)
		apply(sig);
}

void trap_child(int async)
{
	sh.in_trap = 0;
	job_interrupted = 0;
	any_pending = 0;
	/* POSIX: without job control an asynchronous list ignores SIGINT and SIGQUIT. */
	if (async)
		entry_ignored[SIGINT] = entry_ignored[SIGQUIT] = 1;
	for (int sig = 0; sig < NTRAPS; sig++) {
		pending[sig] = 0;
		if (actions[sig] && *actions[sig])
			set_action(sig, NULL);
		else if (sig)
			apply(sig);
	}
}

int trap_any(void)
{
	return with_action > 0;
}

void trap_note(int sig)
{
	/* bash: a trap is not taken for a signal the shell itself did not get. */
	if (actions[sig])
		return;
	job_interrupted = sig == SIGINT;
	pending[sig] = 1;
	any_pending = 1;
}

int trap_pending(void)
{
	if (!any_pending)
		return 0;
	for (int sig = 1; sig < NTRAPS; sig++)
		if (pending[sig] && (!actions[sig] || *actions[sig]))
			return sig;
	return 0;
}

/* XCU 2.14 trap: $? is what it was before the action, unless it exits. */
static void run_action(int sig)
{
	char *text = xstrdup(actions[sig]);
	int status = sh.status;

	sh.in_trap++;
	sh.trap_status = status;
	eval_string(text, 0);
	sh.in_trap--;
	free(text);
	sh.status = status;
}

/* A signal the shell caught for itself: ^C ends the command, a hang-up the shell. */
static void own_action(int sig)
{
	if (sig == SIGINT && sh.interactive && sh.abort) {
		if (!job_interrupted)
			write_all(2, "\n", 1);
		job_interrupted = 0;
		sh_fail(128 + SIGINT);
	}
	if (sig == SIGHUP && sh.interactive) {
		struct sigaction sa = { .sa_handler = SIG_DFL };

		trap_exit(128 + SIGHUP);
		jobs_hangup(1);
		sigemptyset(&sa.sa_mask);
		sigaction(SIGHUP, &sa, NULL);
		kill(getpid(), SIGHUP);
		_exit(128 + SIGHUP);
	}
}

void trap_check(void)
{
	if (!any_pending || sh.in_trap)
		return;
	any_pending = 0;
	for (int sig = 1; sig < NTRAPS; sig++) {
		if (!pending[sig])
			continue;
		pending[sig] = 0;
		if (!actions[sig])
			own_action(sig);
		else if (*actions[sig])
			run_action(sig);
	}
}

int trap_hangup_pending(void)
{
	return pending[SIGHUP] && !actions[SIGHUP] && sh.interactive;
}

void trap_exit(int status)
{
	char *text = actions[0];

	if (!text)
		return;
	actions[0] = NULL;
	with_action -= *text != 0;
	sh.abort = NULL;
	sh.status = status;
	sh.in_trap++;
	sh.trap_status = status;
	eval_string(text, 0);
	sh.in_trap--;
	free(text);
}

static void print_trap(int sig)
{
	char *q = shell_quote(actions[sig]);

	if (!sig)
		fdprintf(1, "trap -- %s EXIT\n", q);
	else if (signal_name(sig))
		fdprintf(1, "trap -- %s SIG%s\n", q, signal_name(sig));
	else
		fdprintf(1, "trap -- %s %d\n", q, sig);
	free(q);
}

/* A trap condition: EXIT, a signal's name or number; -1 after an error. */
static int condition(const char *s)
{
	int sig = !strcasecmp(s, "EXIT") ? 0 : signal_number(s);

	if (sig < 0)
		sh_warn("trap: %s: invalid signal specification", s);
	return sig;
}

/* trap -p [condition...] or trap alone: the traps set, as commands to set them again. */
static int list_traps(char **conds)
{
	int status = 0, sig;

	if (!*conds) {
		for (sig = 0; sig < NTRAPS; sig++)
			if (actions[sig])
				print_trap(sig);
		return 0;
	}
	for (; *conds; conds++) {
		if ((sig = condition(*conds)) < 0)
			status = 1;
		else if (actions[sig])
			print_trap(sig);
	}
	return status;
}

/* Sets @action (NULL: the default) for each condition. */
static int set_traps(const char *action, char **conds)
{
	int status = 0, sig;

	for (; *conds; conds++) {
		if ((sig = condition(*conds)) < 0)
			status = 1;
		/* XCU 2.11: ignored on entry to a non-interactive shell, it stays so. */
		else if (entry_ignored[sig])
			set_action(sig, "");
		else
			set_action(sig, action);
	}
	return status;
}

static int is_unsigned(const char *s)
{
	return *s && strspn(s, "0123456789") == strlen(s);
}

int builtin_trap(int argc, char **argv)
{
	int i = 1;

	if (i < argc && !strcmp(argv[i], "-l")) {
		signal_list(1);
		return 0;
	}
	if (i < argc && !strcmp(argv[i], "-p"))
		return list_traps(argv + i + 1);
	if (i < argc && !strcmp(argv[i], "--"))
		i++;
	else if (i < argc && argv[i][0] == '-' && argv[i][1]) {
		sh_warn("trap: %s: invalid option", argv[i]);
		sh_warn("trap: usage: trap [-lp] [[action] condition ...]");
		return 2;
	}
	if (i >= argc)
		return list_traps(argv + argc);
	/* XCU trap: a first operand that is a number, "-" or alone resets. */
	if (i + 1 == argc || is_unsigned(argv[i]))
		return set_traps(NULL, argv + i);
	return set_traps(strcmp(argv[i], "-") ? argv[i] : NULL, argv + i + 1);
}
