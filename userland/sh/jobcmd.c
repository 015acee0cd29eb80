/*
 * The job-control builtins, as bash words them: jobs (-l, -p, -r, -s), fg
 * and bg (which continue a stopped job), wait (ended early by a trapped
 * signal, XCU wait), kill (a job's process group for %n) and disown.
 */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "jobs.h"
#include "sh.h"

/* The option letters of @argv that are in @allowed; the index of the first operand. */
static int job_options(char **argv, const char *allowed, char *seen)
{
	int i = 1;

	for (; argv[i] && argv[i][0] == '-' && argv[i][1]; i++) {
		if (!strcmp(argv[i], "--"))
			return i + 1;
		for (const char *o = argv[i] + 1; *o; o++) {
			if (!strchr(allowed, *o)) {
				sh_warn("%s: -%c: invalid option", argv[0], *o);
				return -1;
			}
			seen[strchr(allowed, *o) - allowed] = 1;
		}
	}
	return i;
}

/* The prompt at which the user last saw the stopped jobs (a warning, or jobs). */
static unsigned long acknowledged;

/*
 * bash's warning: exit with stopped jobs only warns; an exit straight
 * after the warning or after "jobs" exits.
 */
int jobs_may_exit(void)
{
	int stopped = 0;

	if (!sh.job_control)
		return 1;
	reap_all();
	for (struct job *j = jobs; j; j = j->next)
		stopped |= job_state(j) == JOB_STOPPED;
	if (!stopped || (acknowledged && acknowledged + 1 == sh.prompts))
		return 1;
	acknowledged = sh.prompts;
	write_all(2, "There are stopped jobs.\n", 24);
	return 0;
}

/* jobs's options: -l, -p, and -r / -s for the running / stopped ones only. */
static void list_job(struct job *j, const char *opt)
{
	enum job_state st = job_state(j);

	if ((opt[2] && st != JOB_RUNNING) || (opt[3] && st != JOB_STOPPED))
		return;
	if (opt[1])
		fdprintf(1, "%ld\n", (long)j->pgid);
	else
		job_print(1, j, opt[0]);
}

int builtin_jobs(int argc, char **argv)
{
	char opt[4] = { 0 };
	int i = job_options(argv, "lprs", opt), status = 0;
	struct job *j, *next;

	(void)argc;
	if (i < 0)
		return 2;
	reap_all();
	acknowledged = sh.prompts;
	if (!argv[i])
		for (j = jobs; j; j = j->next)
			list_job(j, opt);
	for (; argv[i]; i++) {
		if ((j = job_find("jobs", argv[i])))
			list_job(j, opt);
		else
			status = 1;
	}
	/* What was listed as ended is told and forgotten. */
	for (j = jobs; j; j = next) {
		next = j->next;
		if (j->notified && job_state(j) == JOB_DONE)
			job_remove(j);
	}
	return status;
}

int builtin_fg(int argc, char **argv)
{
	struct job *j = job_find("fg", argc > 1 ? argv[1] : "%%");

	if (!j)
		return 1;
	fdprintf(1, "%s\n", j->text);
	job_continue(j, 1);
	return job_wait_fg(j);
}

int builtin_bg(int argc, char **argv)
{
	char *current[] = { argv[0], "%%", NULL };
	int status = 0;

	if (!sh.job_control) {
		sh_warn("bg: no job control");
		return 1;
	}
	if (argc == 1) {
		argv = current;
		argc = 2;
	}
	for (int i = 1; i < argc; i++) {
		struct job *j = job_find("bg", argv[i]);

		if (!j) {
			status = 1;
		} else if (job_state(j) != JOB_STOPPED) {
			sh_warn("bg: job %d already in background", j->id);
		} else {
			fdprintf(1, "[%d]%c %s &\n", j->id, job_mark(j), j->text);
			job_continue(j, 0);
		}
	}
	return status;
}

/* The status of a job waited for, which is then forgotten unless it only stopped. */
static int waited(struct job *j)
{
	int status = job_status(j);

	if (job_state(j) == JOB_DONE)
		job_remove(j);
	return status;
}

int builtin_wait(int argc, char **argv)
{
	int status = 0, sig;

	if (argc == 1) {
		if ((sig = jobs_wait(NULL)))
			return 128 + sig;
		for (struct job *j = jobs, *next; j; j = next) {
			next = j->next;
			if (job_state(j) == JOB_DONE)
				job_remove(j);
		}
		return 0;
	}
	for (int i = 1; i < argc; i++) {
		struct job *j = job_find("wait", argv[i]);

		if (!j) {
			status = 127;
			continue;
		}
		if ((sig = jobs_wait(j)))
			return 128 + sig;
		status = waited(j);
	}
	return status;
}

static int kill_list(int argc, char **argv)
{
	if (argc > 2) {
		int n = atoi(argv[2]);
		const char *name = signal_name(n > 128 ? n - 128 : n);

		if (!name) {
			sh_warn("kill: %s: invalid signal specification", argv[2]);
			return 1;
		}
		fdprintf(1, "%s\n", name);
		return 0;
	}
	signal_list(1);
	return 0;
}

static int kill_one(const char *target, int sig)
{
	char *end;
	pid_t pid;

	if (target[0] == '%') {
		struct job *j = job_find("kill", target);

		if (!j)
			return 1;
		if (job_kill(j, sig) < 0) {
			sh_warn("kill: %s: %s", target, strerror(errno));
			return 1;
		}
		/* As bash: a stopped job must run to see a SIGTERM or SIGHUP. */
		if (job_state(j) == JOB_STOPPED && (sig == SIGTERM || sig == SIGHUP))
			job_kill(j, SIGCONT);
		return 0;
	}
	pid = (pid_t)strtol(target, &end, 10);
	if (!*target || *end) {
		sh_warn("kill: %s: arguments must be process or job IDs", target);
		return 1;
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

/* disown's -h: the job stays, but the shell's leaving sends it no SIGHUP. */
static void disown_one(struct job *j, int keep)
{
	if (keep)
		j->nohup = 1;
	else
		job_remove(j);
}

/*
 * bash's disown [-ahr] [jobspec...]: the jobs leave the table (the current
 * one without operands; -a every job, -r the running ones), or with -h
 * stay but get no SIGHUP when the shell leaves.
 */
int builtin_disown(int argc, char **argv)
{
	char opt[3] = { 0 };
	int i = job_options(argv, "ahr", opt), status = 0;
	struct job *j, *next;

	(void)argc;
	if (i < 0)
		return 2;
	reap_all();
	if (!argv[i] && (opt[0] || opt[2])) {
		for (j = jobs; j; j = next) {
			next = j->next;
			if (!opt[2] || job_state(j) == JOB_RUNNING)
				disown_one(j, opt[1]);
		}
		return 0;
	}
	if (!argv[i]) {
		if (!(j = job_find("disown", "%%")))
			return 1;
		disown_one(j, opt[1]);
		return 0;
	}
	for (; argv[i]; i++) {
		if ((j = job_find("disown", argv[i])))
			disown_one(j, opt[1]);
		else
			status = 1;
	}
	return status;
}
