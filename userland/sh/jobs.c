/*
 * Jobs: each pipeline's processes in one process group when the shell has
 * job control (an interactive shell whose terminal accepts setpgid and
 * tcsetpgrp), the foreground job given the terminal and, when ^Z stops it,
 * the terminal taken back with the job's modes kept; the current (+) and
 * previous (-) jobs chosen as bash chooses them; notices of background jobs
 * that stopped or ended, before the next prompt.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include "jobs.h"
#include "sh.h"

struct job *jobs;
static struct job *cur, *prev;
static struct job *fg_job;	/* the job job_wait_fg waits for */
static struct termios shell_tmodes;

void jobs_init(void)
{
	pid_t pgid;

	sh.tty_fd = fd_private(open("/dev/tty", O_RDWR | O_CLOEXEC));
	if (sh.tty_fd < 0)
		sh.tty_fd = fd_private(dup(2));
	if (sh.tty_fd < 0)
		return;
	pgid = getpid();
	if (getpgrp() != pgid && setpgid(0, pgid) < 0)
		return;
	/* trap_init ignores SIGTTOU: the shell may take the terminal. */
	if (tcsetpgrp(sh.tty_fd, pgid) < 0 || tcgetattr(sh.tty_fd, &shell_tmodes) < 0)
		return;
	sh.pgid = pgid;
	sh.job_control = 1;
}

struct job *job_new(const char *text)
{
	struct job *j = xzalloc(sizeof(*j));

	j->text = xstrdup(text);
	return j;
}

static void job_free(struct job *j)
{
	for (int i = 0; i < j->nprocs; i++)
		free(j->procs[i].text);
	free(j->procs);
	free(j->text);
	free(j);
}

/* The child's side of job_fork: its group, the terminal, the signals of a subshell. */
static void fork_child(struct job *j, int foreground)
{
	int async = !foreground && !sh.job_control;

	if (sh.job_control) {
		setpgid(0, j->pgid);
		if (foreground)
			tcsetpgrp(sh.tty_fd, getpgrp());
	}
	sh.forked = 1;
	sh.interactive = 0;
	sh.job_control = 0;
	trap_child(async);
	/* XCU 2.9.3.1: without job control an asynchronous list reads /dev/null. */
	if (async) {
		int fd = open("/dev/null", O_RDONLY);

		if (fd > 0) {
			dup2(fd, 0);
			close(fd);
		}
	}
	job_free(j);
}

/*
 * Signals are blocked across the fork, so that none reaches the child
 * before it has the dispositions of a subshell.
 */
pid_t job_fork(struct job *j, const struct node *n, int foreground)
{
	sigset_t all, old;
	struct proc *p;
	pid_t pid;

	sigfillset(&all);
	sigprocmask(SIG_BLOCK, &all, &old);
	pid = fork();
	if (pid == 0)
		fork_child(j, foreground);
	sigprocmask(SIG_SETMASK, &old, NULL);
	if (pid <= 0) {
		if (pid < 0)
			sh_warn("fork: %s", strerror(errno));
		return pid;
	}
	if (sh.job_control) {
		setpgid(pid, j->pgid ? j->pgid : pid);
		if (foreground && !j->pgid)
			tcsetpgrp(sh.tty_fd, pid);
	}
	if (!j->pgid)
		j->pgid = pid;
	j->procs = xrealloc(j->procs, (j->nprocs + 1) * sizeof(*j->procs));
	p = &j->procs[j->nprocs++];
	p->pid = pid;
	p->wstatus = 0;
	p->state = PROC_RUNNING;
	p->text = n ? command_text(n) : NULL;
	return pid;
}

enum job_state job_state(const struct job *j)
{
	int stopped = 0;

	for (int i = 0; i < j->nprocs; i++) {
		if (j->procs[i].state == PROC_RUNNING)
			return JOB_RUNNING;
		stopped |= j->procs[i].state == PROC_STOPPED;
	}
	return stopped ? JOB_STOPPED : JOB_DONE;
}

int job_status(const struct job *j)
{
	if (job_state(j) == JOB_STOPPED)
		for (int i = j->nprocs - 1; i >= 0; i--)
			if (j->procs[i].state == PROC_STOPPED)
				return status_of(j->procs[i].wstatus);
	return j->nprocs ? status_of(j->procs[j->nprocs - 1].wstatus) : 0;
}

/* The newest job in @state older than job @below (any age when 0). */
static struct job *newest(enum job_state state, int below)
{
	struct job *found = NULL;

	for (struct job *j = jobs; j; j = j->next)
		if ((!below || j->id < below) && job_state(j) == state)
			found = j;
	return found;
}

/*
 * Makes @j the current job; the previous one is the old current job if it
 * is stopped, else the newest stopped job older than a stopped @j, else
 * the newest running one (bash's rules).
 */
static void set_current(struct job *j)
{
	struct job *c;

	if (cur != j) {
		prev = cur;
		cur = j;
	}
	if (prev && prev != cur && job_state(prev) == JOB_STOPPED)
		return;
	if (job_state(cur) == JOB_STOPPED && (c = newest(JOB_STOPPED, cur->id))) {
		prev = c;
		return;
	}
	c = newest(JOB_RUNNING, job_state(cur) == JOB_RUNNING ? cur->id : 0);
	prev = c ? c : cur;
}

/* After a change: a stopped job stays current, else the newest stopped or running one. */
static void reset_current(void)
{
	struct job *c;

	if (cur && job_state(cur) == JOB_STOPPED)
		c = cur;
	else if (prev && job_state(prev) == JOB_STOPPED)
		c = prev;
	else if (!(c = newest(JOB_STOPPED, 0)))
		c = newest(JOB_RUNNING, 0);
	if (c)
		set_current(c);
	else
		cur = prev = NULL;
}

char job_mark(const struct job *j)
{
	if (j == cur)
		return '+';
	return j == prev ? '-' : ' ';
}

/* Adds @j to the table with the next free number (one more than the highest). */
static void job_add(struct job *j)
{
	struct job **pp = &jobs;
	int id = 0;

	for (; *pp; pp = &(*pp)->next)
		if ((*pp)->id > id)
			id = (*pp)->id;
	j->id = id + 1;
	j->next = NULL;
	*pp = j;
}

void job_remove(struct job *j)
{
	for (struct job **pp = &jobs; *pp; pp = &(*pp)->next)
		if (*pp == j) {
			*pp = j->next;
			break;
		}
	if (j == cur || j == prev) {
		cur = cur == j ? NULL : cur;
		prev = prev == j ? NULL : prev;
		reset_current();
	}
	job_free(j);
}

static struct proc *proc_in(struct job *j, pid_t pid)
{
	for (int i = 0; i < j->nprocs; i++)
		if (j->procs[i].pid == pid)
			return &j->procs[i];
	return NULL;
}

/* The process @pid of the foreground job or of a job in the table. */
static struct proc *find_proc(pid_t pid, struct job **jp)
{
	struct proc *p;

	if (fg_job && (p = proc_in(fg_job, pid))) {
		*jp = fg_job;
		return p;
	}
	for (struct job *j = jobs; j; j = j->next)
		if ((p = proc_in(j, pid))) {
			*jp = j;
			return p;
		}
	return NULL;
}

/* A child's new state; a background job that stopped becomes the current one. */
static void record(pid_t pid, int wstatus)
{
	struct job *j;
	struct proc *p = find_proc(pid, &j);
	enum job_state before, after;

	if (!p)
		return;
	before = job_state(j);
	if (WIFCONTINUED(wstatus)) {
		p->state = PROC_RUNNING;
	} else {
		p->state = WIFSTOPPED(wstatus) ? PROC_STOPPED : PROC_DONE;
		p->wstatus = wstatus;
	}
	after = job_state(j);
	if (after == before || j == fg_job)
		return;
	j->notified = after == JOB_RUNNING;
	if (after == JOB_STOPPED)
		set_current(j);
	else if (after == JOB_RUNNING)
		reset_current();
}

/* One child's change of state: 1 if there was one, 0 if none yet, -1 if no children. */
static int reap(int block)
{
	int flags = block ? 0 : WNOHANG, wstatus;
	pid_t pid;

	if (sh.job_control)
		flags |= WUNTRACED | WCONTINUED;
	do
		pid = waitpid(-1, &wstatus, flags);
	while (pid < 0 && errno == EINTR);
	if (pid < 0)
		return -1;
	if (pid == 0)
		return 0;
	record(pid, wstatus);
	return 1;
}

void reap_all(void)
{
	while (jobs && reap(0) > 0)
		;
}

static void on_child(int sig)
{
	(void)sig;
}

static int running_jobs(void)
{
	return newest(JOB_RUNNING, 0) != NULL;
}

/*
 * Every signal blocked but while sigsuspend waits, so that none arrives
 * between the check and the wait (XCU wait: a trapped signal ends it).
 */
int jobs_wait(struct job *j)
{
	struct sigaction sa = { .sa_handler = on_child }, old_sa;
	sigset_t all, old;
	int sig = 0, r;

	sigfillset(&all);
	sigemptyset(&sa.sa_mask);
	sigprocmask(SIG_BLOCK, &all, &old);
	sigaction(SIGCHLD, NULL, &old_sa);
	if (old_sa.sa_handler == SIG_DFL)
		sigaction(SIGCHLD, &sa, NULL);
	for (;;) {
		while ((r = reap(0)) > 0)
			;
		if (r < 0 || (j ? job_state(j) != JOB_RUNNING : !running_jobs()))
			break;
		if ((sig = trap_pending()))
			break;
		sigsuspend(&old);
	}
	if (old_sa.sa_handler == SIG_DFL)
		sigaction(SIGCHLD, &old_sa, NULL);
	sigprocmask(SIG_SETMASK, &old, NULL);
	return sig;
}

/*
 * The shell's terminal back after a foreground job: a job that stopped
 * keeps its modes for fg; one that ended normally leaves its modes as the
 * shell's (stty), else the shell's are put back (as bash does).
 */
static void take_terminal(struct job *j, enum job_state st)
{
	int last = j->nprocs ? j->procs[j->nprocs - 1].wstatus : 0;

	tcsetpgrp(sh.tty_fd, sh.pgid);
	if (st == JOB_STOPPED)
		j->has_tmodes = tcgetattr(sh.tty_fd, &j->tmodes) == 0;
	if (st == JOB_STOPPED || WIFSIGNALED(last))
		tcsetattr(sh.tty_fd, TCSADRAIN, &shell_tmodes);
	else
		tcgetattr(sh.tty_fd, &shell_tmodes);
}

/*
 * What bash tells of a foreground job killed by a signal: a newline after
 * the terminal's ^C (and the shell acts on the SIGINT too, ending the
 * command line), else what the signal is.
 */
static void report_signal(const struct job *j)
{
	int w = j->nprocs ? j->procs[j->nprocs - 1].wstatus : 0;

	if (!WIFSIGNALED(w) || WTERMSIG(w) == SIGPIPE)
		return;
	if (WTERMSIG(w) == SIGINT) {
		write_all(2, "\n", 1);
		trap_note(SIGINT);
		return;
	}
	fdprintf(2, "%s%s\n", signal_text(WTERMSIG(w)), WCOREDUMP(w) ? " (core dumped)" : "");
}

int job_wait_fg(struct job *j)
{
	enum job_state st;
	int status;

	fg_job = j;
	while (job_state(j) == JOB_RUNNING && reap(1) > 0)
		;
	fg_job = NULL;
	st = job_state(j);
	status = job_status(j);
	if (sh.job_control)
		take_terminal(j, st);
	if (st == JOB_STOPPED) {
		if (!j->id)
			job_add(j);
		set_current(j);
		write_all(2, "\n", 1);
		job_print(2, j, 0);
		return status;
	}
	if (sh.interactive)
		report_signal(j);
	if (j->id)
		job_remove(j);
	else
		job_free(j);
	return status;
}

void job_background(struct job *j)
{
	/* A pipeline whose first fork failed has nothing to run. */
	if (!j->nprocs) {
		job_free(j);
		return;
	}
	job_add(j);
	j->notified = 1;
	reset_current();
	if (sh.interactive)
		fdprintf(2, "[%d] %ld\n", j->id, (long)j->procs[j->nprocs - 1].pid);
}

/* A process's state in words, as bash's jobs -l: "Stopped (tty input)", "Exit 3". */
static void state_text(struct strbuf *sb, const struct proc *p)
{
	int w = p->wstatus;

	if (p->state == PROC_RUNNING)
		sb_puts(sb, "Running");
	else if (p->state == PROC_STOPPED)
		sb_puts(sb, signal_text(WSTOPSIG(w)));
	else if (WIFSIGNALED(w))
		sb_printf(sb, "%s%s", signal_text(WTERMSIG(w)),
			  WCOREDUMP(w) ? " (core dumped)" : "");
	else if (WEXITSTATUS(w))
		sb_printf(sb, "Exit %d", WEXITSTATUS(w));
	else
		sb_puts(sb, "Done");
}

/* jobs -l: a line for each process, its state where it differs from the one before. */
static void print_long(struct strbuf *sb, const struct job *j)
{
	char *last = NULL;

	for (int i = 0; i < j->nprocs; i++) {
		const struct proc *p = &j->procs[i];
		struct strbuf st;

		sb_init(&st);
		state_text(&st, p);
		if (!i)
			sb_printf(sb, "[%d]%c %5ld %-24s%s", j->id, job_mark(j), (long)p->pid, st.s,
				  p->text ? p->text : j->text);
		else
			sb_printf(sb, "\n     %5ld %-22s| %s", (long)p->pid,
				  strcmp(st.s, last) ? st.s : "", p->text ? p->text : "");
		free(last);
		last = sb_take(&st);
	}
	free(last);
}

void job_print(int fd, struct job *j, int long_form)
{
	struct strbuf sb;
	enum job_state st = job_state(j);

	sb_init(&sb);
	if (long_form) {
		print_long(&sb, j);
	} else {
		struct strbuf state;

		sb_init(&state);
		if (st == JOB_DONE)
			state_text(&state, &j->procs[j->nprocs - 1]);
		else
			sb_puts(&state, st == JOB_RUNNING ? "Running" : "Stopped");
		sb_printf(&sb, "[%d]%c  %-24s%s", j->id, job_mark(j), state.s, j->text);
		sb_free(&state);
	}
	sb_puts(&sb, st == JOB_RUNNING ? " &\n" : "\n");
	write_all(fd, sb.s, sb.len);
	sb_free(&sb);
	j->notified = 1;
}

/* Before a prompt: the jobs that stopped or ended since, told; the ended ones forgotten. */
void jobs_notify(void)
{
	struct job *j, *next;

	reap_all();
	for (j = jobs; j; j = j->next)
		if (!j->notified)
			job_print(2, j, 0);
	for (j = jobs; j; j = next) {
		next = j->next;
		if (job_state(j) == JOB_DONE)
			job_remove(j);
	}
}

static struct job *job_by_pid(pid_t pid)
{
	for (struct job *j = jobs; j; j = j->next)
		if (proc_in(j, pid))
			return j;
	return NULL;
}

/* %string: the one job whose text begins with it; %?string: contains it. */
static struct job *job_by_text(const char *cmd, const char *s)
{
	int contains = *s == '?';
	struct job *found = NULL;

	s += contains;
	for (struct job *j = jobs; j; j = j->next) {
		if (contains ? !strstr(j->text, s) : strncmp(j->text, s, strlen(s)))
			continue;
		if (found) {
			sh_warn("%s: %s: ambiguous job spec", cmd, s);
			return NULL;
		}
		found = j;
	}
	if (!found)
		sh_warn("%s: %%%s%s: no such job", cmd, contains ? "?" : "", s);
	return found;
}

struct job *job_find(const char *cmd, const char *spec)
{
	const char *s = spec + 1;
	struct job *j = NULL;

	if (spec[0] != '%') {
		char *end;
		long pid = strtol(spec, &end, 10);

		if (*spec && !*end)
			j = job_by_pid((pid_t)pid);
	} else if (!*s || !strcmp(s, "%") || !strcmp(s, "+")) {
		j = cur;
	} else if (!strcmp(s, "-")) {
		j = prev;
	} else if (*s >= '0' && *s <= '9') {
		for (j = jobs; j && j->id != atoi(s); j = j->next)
			;
	} else {
		return job_by_text(cmd, s);
	}
	if (!j)
		sh_warn("%s: %s: no such job", cmd, spec);
	return j;
}

int job_kill(struct job *j, int sig)
{
	int r = 0;

	if (sh.job_control)
		return kill(-j->pgid, sig);
	for (int i = 0; i < j->nprocs; i++)
		if (j->procs[i].state != PROC_DONE && kill(j->procs[i].pid, sig) < 0)
			r = -1;
	return r;
}

void job_continue(struct job *j, int foreground)
{
	if (foreground && sh.job_control) {
		if (j->has_tmodes)
			tcsetattr(sh.tty_fd, TCSADRAIN, &j->tmodes);
		tcsetpgrp(sh.tty_fd, j->pgid);
	}
	if (job_state(j) != JOB_STOPPED)
		return;
	for (int i = 0; i < j->nprocs; i++)
		if (j->procs[i].state == PROC_STOPPED)
			j->procs[i].state = PROC_RUNNING;
	job_kill(j, SIGCONT);
	if (!foreground)
		reset_current();
}

/*
 * An interactive shell leaving: its stopped jobs (every job, after a
 * hang-up) get SIGHUP, and SIGCONT so that a stopped one sees it.
 */
void jobs_hangup(int all)
{
	if (!sh.job_control)
		return;
	reap_all();
	for (struct job *j = jobs; j; j = j->next) {
		enum job_state st = job_state(j);

		if (st == JOB_DONE || (st == JOB_RUNNING && !all) || j->nohup)
			continue;
		kill(-j->pgid, SIGHUP);
		if (st == JOB_STOPPED)
			kill(-j->pgid, SIGCONT);
	}
}

/* A command's text for "jobs" and notices, as a person writes it. */
char *command_text(const struct node *n)
{
	struct strbuf sb;

	sb_init(&sb);
	node_print_plain(&sb, n);
	return sb_take(&sb);
}
