/*
 * Jobs: each pipeline's processes in one process group (when the shell has
 * job control: an interactive shell whose terminal accepts setpgid and
 * tcsetpgrp), the foreground job given the terminal while it runs, and the
 * background jobs that jobs, fg, wait and kill name. Stopping jobs (^Z, bg)
 * needs signals.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sh.h"

struct proc {
	pid_t pid;
	int status;
	int done;
};

struct job {
	int id;			/* 0 until it goes to the background */
	pid_t pgid;
	struct proc *procs;
	int nprocs;
	char *text;
	struct job *next;
};

static struct job *jobs;	/* the newest first */

/* An interactive shell outlives ^C; the foreground command does not. */
static void on_sigint(int sig)
{
	(void)sig;
}

void jobs_init(void)
{
	pid_t pgid;

	sh.tty_fd = -1;
	sh.job_control = 0;
	if (!sh.interactive)
		return;
	/* POSIX sh: an interactive shell ignores SIGTERM and SIGQUIT, catches SIGINT. */
	signal(SIGTERM, SIG_IGN);
	signal(SIGQUIT, SIG_IGN);
	signal(SIGINT, on_sigint);
	sh.tty_fd = fd_private(open("/dev/tty", O_RDWR | O_CLOEXEC));
	if (sh.tty_fd < 0)
		sh.tty_fd = fd_private(dup(2));
	if (sh.tty_fd < 0)
		return;
	pgid = getpid();
	if (getpgrp() != pgid && setpgid(0, pgid) < 0)
		return;
	/*
	 * A shell taking the terminal back from a finished job is in the
	 * background at that moment: it must not be stopped for it.
	 */
	signal(SIGTTOU, SIG_IGN);
	signal(SIGTTIN, SIG_IGN);
	signal(SIGTSTP, SIG_IGN);
	if (tcsetpgrp(sh.tty_fd, pgid) < 0)
		return;
	sh.pgid = pgid;
	sh.job_control = 1;
}

void jobs_child_signals(void)
{
	static const int sigs[] = { SIGTERM, SIGQUIT, SIGINT, SIGTTOU, SIGTTIN, SIGTSTP };

	if (!sh.interactive)
		return;
	for (size_t i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		signal(sigs[i], SIG_DFL);
}

struct job *job_new(const char *text)
{
	struct job *j = xzalloc(sizeof(*j));

	j->text = xstrdup(text);
	return j;
}

static void job_free(struct job *j)
{
	free(j->procs);
	free(j->text);
	free(j);
}

static void job_unlink(struct job *j)
{
	for (struct job **pp = &jobs; *pp; pp = &(*pp)->next)
		if (*pp == j) {
			*pp = j->next;
			break;
		}
}

pid_t job_fork(struct job *j, int foreground)
{
	pid_t pid = fork();

	if (pid < 0) {
		sh_warn("fork: %s", strerror(errno));
		return -1;
	}
	if (pid == 0) {
		if (sh.job_control) {
			setpgid(0, j->pgid);
			if (foreground)
				tcsetpgrp(sh.tty_fd, getpgrp());
		}
		jobs_child_signals();
		sh.forked = 1;
		sh.interactive = 0;
		sh.job_control = 0;
		job_free(j);
		return 0;
	}
	if (sh.job_control) {
		setpgid(pid, j->pgid ? j->pgid : pid);
		if (foreground && !j->pgid)
			tcsetpgrp(sh.tty_fd, pid);
	}
	if (!j->pgid)
		j->pgid = pid;
	j->procs = xrealloc(j->procs, (j->nprocs + 1) * sizeof(*j->procs));
	j->procs[j->nprocs].pid = pid;
	j->procs[j->nprocs].status = 0;
	j->procs[j->nprocs].done = 0;
	j->nprocs++;
	return pid;
}

static int job_done(const struct job *j)
{
	for (int i = 0; i < j->nprocs; i++)
		if (!j->procs[i].done)
			return 0;
	return 1;
}

static int job_status(const struct job *j)
{
	return j->nprocs ? j->procs[j->nprocs - 1].status : 0;
}

static void record(struct job *fg, pid_t pid, int wstatus)
{
	for (struct job *j = fg; j; j = j == fg ? jobs : j->next)
		for (int i = 0; i < j->nprocs; i++)
			if (j->procs[i].pid == pid) {
				j->procs[i].done = 1;
				j->procs[i].status = status_of(wstatus);
				return;
			}
}

/* Waits (blocking or not) for one child; 0 when there is none to reap. */
static int reap(struct job *fg, int block)
{
	int wstatus;
	pid_t pid;

	do
		pid = waitpid(-1, &wstatus, block ? 0 : WNOHANG);
	while (pid < 0 && errno == EINTR);
	if (pid <= 0)
		return 0;
	record(fg, pid, wstatus);
	return 1;
}

static void wait_for(struct job *j)
{
	while (!job_done(j))
		if (!reap(j, 1))
			break;
}

int job_wait_fg(struct job *j)
{
	int status;

	wait_for(j);
	if (sh.job_control)
		tcsetpgrp(sh.tty_fd, sh.pgid);
	status = job_status(j);
	job_unlink(j);
	job_free(j);
	return status;
}

static int next_id(void)
{
	int id = 0;

	for (struct job *j = jobs; j; j = j->next)
		if (j->id > id)
			id = j->id;
	return id + 1;
}

void job_background(struct job *j)
{
	j->id = next_id();
	j->next = jobs;
	jobs = j;
	if (sh.interactive)
		fdprintf(2, "[%d] %ld\n", j->id, (long)j->procs[j->nprocs - 1].pid);
}

/* "+" marks the current job (the newest), "-" the one before. */
static char job_mark(const struct job *j)
{
	if (j == jobs)
		return '+';
	return jobs && j == jobs->next ? '-' : ' ';
}

static void job_print(int fd, struct job *j, int pids)
{
	struct strbuf state;

	sb_init(&state);
	if (!job_done(j))
		sb_puts(&state, "Running");
	else if (job_status(j) == 0)
		sb_puts(&state, "Done");
	else if (job_status(j) > 128)
		sb_printf(&state, "Terminated (%d)", job_status(j) - 128);
	else
		sb_printf(&state, "Done(%d)", job_status(j));
	if (pids)
		fdprintf(fd, "[%d]%c %ld %-22s %s%s\n", j->id, job_mark(j),
			 (long)j->pgid, state.s, j->text, job_done(j) ? "" : " &");
	else
		fdprintf(fd, "[%d]%c  %-22s  %s%s\n", j->id, job_mark(j), state.s, j->text,
			 job_done(j) ? "" : " &");
	sb_free(&state);
}

static void reap_all(void)
{
	while (jobs && reap(NULL, 0))
		;
}

/* Finished background jobs, reported and forgotten (at the prompt). */
void jobs_notify(void)
{
	struct job *j, *next;

	reap_all();
	for (j = jobs; j; j = next) {
		next = j->next;
		if (!job_done(j))
			continue;
		job_print(2, j, 0);
		job_unlink(j);
		job_free(j);
	}
}

static struct job *job_by_pid(pid_t pid)
{
	for (struct job *j = jobs; j; j = j->next)
		for (int i = 0; i < j->nprocs; i++)
			if (j->procs[i].pid == pid)
				return j;
	return NULL;
}

/* %n, %%, %+, %-, %prefix, or a process id. */
static struct job *job_find(const char *cmd, const char *spec)
{
	struct job *j = NULL;

	if (spec[0] != '%') {
		char *end;
		long pid = strtol(spec, &end, 10);

		if (*spec && !*end)
			j = job_by_pid((pid_t)pid);
	} else if (!spec[1] || !strcmp(spec, "%%") || !strcmp(spec, "%+")) {
		j = jobs;
	} else if (!strcmp(spec, "%-")) {
		j = jobs ? jobs->next : NULL;
	} else if (spec[1] >= '0' && spec[1] <= '9') {
		for (j = jobs; j && j->id != atoi(spec + 1); j = j->next)
			;
	} else {
		for (j = jobs; j && strncmp(j->text, spec + 1, strlen(spec + 1)); j = j->next)
			;
	}
	if (!j)
		sh_warn("%s: %s: no such job", cmd, spec);
	return j;
}

int builtin_jobs(int argc, char **argv)
{
	int pids = argc > 1 && !strcmp(argv[1], "-l");
	int only_pids = argc > 1 && !strcmp(argv[1], "-p");
	struct job **list = NULL;
	int n = 0;

	reap_all();
	for (struct job *j = jobs; j; j = j->next) {
		list = xrealloc(list, (n + 1) * sizeof(*list));
		list[n++] = j;
	}
	for (int i = n - 1; i >= 0; i--) {
		if (only_pids)
			fdprintf(1, "%ld\n", (long)list[i]->pgid);
		else
			job_print(1, list[i], pids);
	}
	for (int i = 0; i < n; i++)
		if (job_done(list[i])) {
			job_unlink(list[i]);
			job_free(list[i]);
		}
	free(list);
	return 0;
}

int builtin_fg(int argc, char **argv)
{
	struct job *j = job_find("fg", argc > 1 ? argv[1] : "%%");

	if (!j)
		return 1;
	fdprintf(1, "%s\n", j->text);
	if (sh.job_control)
		tcsetpgrp(sh.tty_fd, j->pgid);
	return job_wait_fg(j);
}

int builtin_bg(int argc, char **argv)
{
	struct job *j = job_find("bg", argc > 1 ? argv[1] : "%%");

	if (!j)
		return 1;
	sh_warn("bg: job %d already in background", j->id);
	return 0;
}

int builtin_wait(int argc, char **argv)
{
	int status = 0;

	if (argc == 1) {
		while (jobs) {
			struct job *j = jobs;

			wait_for(j);
			job_unlink(j);
			job_free(j);
		}
		return 0;
	}
	for (int i = 1; i < argc; i++) {
		struct job *j = job_find("wait", argv[i]);

		if (!j) {
			status = 127;
			continue;
		}
		wait_for(j);
		status = job_status(j);
		job_unlink(j);
		job_free(j);
	}
	return status;
}

static const struct {
	const char *name;
	int num;
} signals[] = {
	{ "HUP", SIGHUP }, { "INT", SIGINT }, { "QUIT", SIGQUIT }, { "ILL", SIGILL },
	{ "TRAP", SIGTRAP }, { "ABRT", SIGABRT }, { "BUS", SIGBUS }, { "FPE", SIGFPE },
	{ "KILL", SIGKILL }, { "USR1", SIGUSR1 }, { "SEGV", SIGSEGV }, { "USR2", SIGUSR2 },
	{ "PIPE", SIGPIPE }, { "ALRM", SIGALRM }, { "TERM", SIGTERM }, { "CHLD", SIGCHLD },
	{ "CONT", SIGCONT }, { "STOP", SIGSTOP }, { "TSTP", SIGTSTP }, { "TTIN", SIGTTIN },
	{ "TTOU", SIGTTOU }, { "URG", SIGURG }, { "XCPU", SIGXCPU }, { "XFSZ", SIGXFSZ },
	{ "VTALRM", SIGVTALRM }, { "PROF", SIGPROF }, { "WINCH", SIGWINCH }, { "SYS", SIGSYS },
};
#define NSIGNALS (sizeof(signals) / sizeof(signals[0]))

/* A signal by name (with or without SIG) or number; -1 if unknown. */
static int signal_number(const char *s)
{
	char *end;
	long n;

	if (!strncmp(s, "SIG", 3))
		s += 3;
	for (size_t i = 0; i < NSIGNALS; i++)
		if (!strcmp(signals[i].name, s))
			return signals[i].num;
	n = strtol(s, &end, 10);
	return *s && !*end && n >= 0 && n < 65 ? (int)n : -1;
}

static int kill_list(int argc, char **argv)
{
	if (argc > 2) {
		int n = atoi(argv[2]);

		n = n > 128 ? n - 128 : n;
		for (size_t i = 0; i < NSIGNALS; i++)
			if (signals[i].num == n) {
				fdprintf(1, "%s\n", signals[i].name);
				return 0;
			}
		sh_warn("kill: %s: invalid signal specification", argv[2]);
		return 1;
	}
	for (size_t i = 0; i < NSIGNALS; i++)
		fdprintf(1, "%2d) SIG%s\n", signals[i].num, signals[i].name);
	return 0;
}

static int kill_one(const char *target, int sig)
{
	pid_t pid;

	if (target[0] == '%') {
		struct job *j = job_find("kill", target);

		if (!j)
			return 1;
		pid = sh.job_control ? -j->pgid : j->pgid;
	} else {
		char *end;

		pid = (pid_t)strtol(target, &end, 10);
		if (!*target || *end) {
			sh_warn("kill: %s: arguments must be process or job IDs", target);
			return 1;
		}
	}
	if (kill(pid, sig) < 0) {
		sh_warn("kill: %s: %s", target, strerror(errno));
		return 1;
	}
	return 0;
}

int builtin_kill(int argc, char **argv)
{
	int sig = SIGTERM, i = 1, status = 0;

	if (argc > 1 && !strcmp(argv[1], "-l"))
		return kill_list(argc, argv);
	if (argc > 2 && (!strcmp(argv[1], "-s") || !strcmp(argv[1], "-n"))) {
		sig = signal_number(argv[2]);
		i = 3;
	} else if (argc > 1 && argv[1][0] == '-' && strcmp(argv[1], "--")) {
		sig = signal_number(argv[1] + 1);
		i = 2;
	} else if (argc > 1 && !strcmp(argv[1], "--")) {
		i = 2;
	}
	if (sig < 0) {
		sh_warn("kill: %s: invalid signal specification", argv[i - 1]);
		return 1;
	}
	if (i >= argc) {
		sh_warn("kill: usage: kill [-s sigspec | -signum] pid | jobspec ... or kill -l [sigspec]");
		return 2;
	}
	for (; i < argc; i++)
		status |= kill_one(argv[i], sig);
	return status;
}

/* A pipeline's text for "jobs": the canonical form without its brackets. */
char *command_text(const struct node *n)
{
	struct strbuf sb;

	sb_init(&sb);
	node_print(&sb, n);
	if (sb.len > 1 && sb.s[0] == '[' && sb.s[sb.len - 1] == ']') {
		memmove(sb.s, sb.s + 1, sb.len - 2);
		sb.len -= 2;
		sb.s[sb.len] = '\0';
	}
	return sb_take(&sb);
}
