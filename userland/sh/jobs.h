/*
 * The job table shared by jobs.c (processes, waiting, the terminal) and
 * jobcmd.c (the builtins jobs, fg, bg, wait and kill).
 */
#ifndef SH_JOBS_H
#define SH_JOBS_H

#include <sys/types.h>
#include <termios.h>

enum proc_state { PROC_RUNNING, PROC_STOPPED, PROC_DONE };
enum job_state { JOB_RUNNING, JOB_STOPPED, JOB_DONE };

struct proc {
	pid_t pid;
	int wstatus;		/* the last stop or end waitpid reported */
	enum proc_state state;
	char *text;		/* a pipeline element's text, for jobs -l; else NULL */
};

struct job {
	int id;			/* 0 until it is in the table */
	pid_t pgid;
	struct proc *procs;
	int nprocs;
	char *text;
	int notified;		/* the user has seen its state */
	int nohup;		/* disown -h: no SIGHUP when the shell leaves */
	int has_tmodes;
	struct termios tmodes;	/* the terminal's modes when it stopped */
	struct job *next;
};

extern struct job *jobs;	/* the oldest first */

enum job_state job_state(const struct job *j);
/* Its $?: the last process's status, 128 + the signal if stopped. */
int job_status(const struct job *j);
/* Reaps what has changed without waiting. */
void reap_all(void);
/* %n, %%, %+, %-, %string, %?string or a process id; NULL after an error. */
struct job *job_find(const char *cmd, const char *spec);
/* "+" for the current job, "-" for the previous one, else " ". */
char job_mark(const struct job *j);
void job_print(int fd, struct job *j, int long_form);
/* Removes a job from the table and frees it. */
void job_remove(struct job *j);
/* Lets a stopped job run again, in the foreground (with the terminal) or not. */
void job_continue(struct job *j, int foreground);
/* Sends @sig to the job's processes; -1 with errno on failure. */
int job_kill(struct job *j, int sig);
/*
 * Waits until @j (every running job when NULL) no longer runs, or a signal
 * the shell acts on arrives: returns that signal, else 0.
 */
int jobs_wait(struct job *j);

#endif
