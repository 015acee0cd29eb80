/*
 * The shell's state and the interfaces between its parts: variables,
 * expansion, execution, redirection, jobs, builtins, input and the line
 * editor. The pure parts (parse.h, match.h, arith.h) know nothing of this.
 */
#ifndef SH_H
#define SH_H

#include <setjmp.h>
#include <sys/types.h>

#include "mem.h"
#include "parse.h"

/* Options of "set" (XCU 2.14 set), indices into sh.opt. */
enum opt {
	OPT_a, OPT_C, OPT_e, OPT_f, OPT_n, OPT_u, OPT_v, OPT_x, OPT_i, OPT_m,
	NOPTS,
};

struct shell {
	int status;		/* $? */
	pid_t pid;		/* $$ */
	pid_t last_bg;		/* $! (0: none yet) */
	char *arg0;		/* $0 */
	int argc;		/* $# */
	char **argv;		/* $1... */
	char opt[NOPTS];
	int interactive;
	int job_control;
	int tty_fd;		/* the controlling terminal, or -1 */
	pid_t pgid;		/* the shell's own process group */
	int forked;		/* in a child (subshell, pipeline element) */
	const char *script;	/* for error messages: the script's name */
	int lineno;		/* the line of the command being run */
	int loop_depth;
	int breaking;		/* levels of loop left to break out of */
	int continuing;
	int returning;
	int func_depth;
	int dot_depth;
	int subst_status;	/* the last command substitution's status */
	int in_trap;		/* running a trap's action */
	int trap_status;	/* $? before it, for an "exit" in it */
	unsigned long prompts;	/* PS1 prompts shown, for the stopped-jobs warning */
	jmp_buf *abort;		/* where an error in an interactive shell goes */
};

extern struct shell sh;

/* Errors: "sh: <message>" on stderr. */
void sh_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/*
 * An error that ends the command (XCU 2.8.1): an interactive shell goes
 * back to its prompt, a script exits with @status.
 */
void sh_fail(int status) __attribute__((noreturn));
/* Exits the shell (or the subshell) with @status. */
void sh_exit(int status) __attribute__((noreturn));
/* Writes all of @s to @fd; -1 on error. */
int write_all(int fd, const char *s, size_t n);
/* printf to a file descriptor, for builtins (no stdio buffers to flush). */
int fdprintf(int fd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* var.c: shell variables and parameters. */
#define VAR_EXPORT 1
#define VAR_READONLY 2

const char *var_get(const char *name);
/* Returns -1 (after an error message) if @name is read-only. */
int var_set(const char *name, const char *value, int flags);
/* name=value: sets it. */
int var_assign(const char *assignment, int flags);
int var_unset(const char *name);
int var_flags(const char *name);
void var_set_flags(const char *name, int flags);
/* The environment for execve: the exported variables. */
char **var_environ(void);
void env_free(char **env);
/* Every variable, sorted, as "set" (or "export -p" with @flag) lists them. */
void var_list(int fd, int flag, const char *prefix);
/* Variables set by a scope (a function's locals, a command's prefix). */
void var_scope_push(void);
void var_scope_pop(void);
/* Saves @name in the innermost scope, to be restored when it ends. */
void var_make_local(const char *name);
void var_import(char **env);
/* A shell-quoted copy of @s, as set and alias print values. */
char *shell_quote(const char *s);
void params_set(int argc, char **argv);
void params_free(void);

/* Functions and aliases. */
struct node *func_get(const char *name);
void func_set(const char *name, struct node *body, struct arena *arena);
int func_unset(const char *name);
const char *alias_get(const char *name);
void alias_set(const char *name, const char *value);
int alias_unset(const char *name);
void alias_list(int fd);
void alias_clear(void);
/* For completion: the @i-th function or alias, NULL past the last. */
const char *func_name(size_t i);
const char *alias_name(size_t i);

/* expand.c: word expansion (XCU 2.6). */
struct wordlist {
	char **v;
	int n, cap;
};

void wl_add(struct wordlist *wl, char *s);
void wl_free(struct wordlist *wl);

#define EXP_FIELDS 1	/* field splitting and pathname expansion */
#define EXP_ASSIGN 2	/* tilde after = and : (an assignment's value) */
#define EXP_HEREDOC 4	/* a here-document: quotes are ordinary */
#define EXP_PATTERN 8	/* quoted pattern characters keep a backslash */

void expand_words(struct word *w, struct wordlist *out);
char *expand_string(const char *text, int flags);
/* A here-document's body. */
char *expand_heredoc(const char *body);
/* glob.c: pathname expansion of a pattern; returns the number added. */
int glob_expand(const char *pattern, struct wordlist *out);

/* exec.c */
#define EV_EXIT 1	/* nothing runs after this in this process */
#define EV_TESTED 2	/* a condition: set -e does not apply */

int eval(struct node *n, int flags);
/* Runs the commands of @text (eval, command substitution, -c). */
int eval_string(const char *text, int flags);
/* Runs the commands read from @in until its end (a script, a dot file). */
int eval_input(struct input *in, int flags);
/* Output of the commands in @text, trailing newlines removed. */
char *command_subst(const char *text);
/* PATH search: a malloc'd path, or NULL with *err (127 or 126). */
char *find_in_path(const char *name, const char *path, int *err);
/* Runs @argv as a command (the "command" and "exec" builtins' work). */
int run_command(char **argv, int flags, int skip_functions);
void shell_exec(char **argv, char **env) __attribute__((noreturn));
int status_of(int wstatus);

/* redir.c: redirections, undone later when @save. */
int redir_mark(void);
int redirect(struct redir *r, int save);
void redir_restore(int mark);
/* Moves @fd to a descriptor >= 10, closed on exec, for the shell's own use. */
int fd_private(int fd);

/* jobs.c */
struct job;

/*
 * Forks a child for a job element (@n: what it runs, for jobs -l; NULL for
 * a job of one process); in the child, joins the job's group.
 */
pid_t job_fork(struct job *j, const struct node *n, int foreground);
struct job *job_new(const char *text);
/*
 * Waits for a foreground job until it ends or stops (and then keeps it as
 * a stopped job); returns its status, 128 + the signal if it stopped.
 */
int job_wait_fg(struct job *j);
void job_background(struct job *j);
void jobs_notify(void);
void jobs_init(void);
/* SIGHUP (and SIGCONT) to the stopped jobs, or to every job when @all. */
void jobs_hangup(int all);
/* 0 after warning of stopped jobs: an interactive shell may not exit yet. */
int jobs_may_exit(void);
int builtin_jobs(int argc, char **argv);
int builtin_fg(int argc, char **argv);
int builtin_bg(int argc, char **argv);
int builtin_wait(int argc, char **argv);
int builtin_kill(int argc, char **argv);
int builtin_disown(int argc, char **argv);
/* The text of a command for "jobs" and notices. */
char *command_text(const struct node *n);

/* trap.c: signals and traps. */
int signal_number(const char *name);
/* "TERM" for SIGTERM; NULL for a signal without a name. */
const char *signal_name(int sig);
/* "Terminated" for SIGTERM. */
const char *signal_text(int sig);
void signal_list(int fd);
/* At the start: the dispositions the shell wants, signals ignored on entry kept. */
void trap_init(void);
/* In a forked child: traps reset, ignored ones kept; @async: SIGINT, SIGQUIT ignored. */
void trap_child(int async);
/* At a safe point: the actions for the signals caught since. */
void trap_check(void);
/* A caught signal not yet acted on, else 0. */
int trap_pending(void);
/* Unless @sig has a trap, the shell acts as if it had caught it (a foreground job's ^C). */
void trap_note(int sig);
/* Whether a hang-up waits to end the shell. */
int trap_hangup_pending(void);
/* Whether a trap has an action (so the shell must outlive its last command). */
int trap_any(void);
/* The EXIT trap's action, once, with $? = @status. */
void trap_exit(int status);
int builtin_trap(int argc, char **argv);

/* builtin.c */
typedef int (*builtin_fn)(int argc, char **argv);

struct builtin {
	const char *name;
	builtin_fn fn;
	int special;	/* a special built-in (XCU 2.14): assignments persist */
};

const struct builtin *builtin_find(const char *name);
const char *builtin_name(size_t i);
int set_option(char letter, const char *name, int on);
int builtin_test(int argc, char **argv);
int is_keyword(const char *name);
int builtin_cd(int argc, char **argv);
int builtin_pwd(int argc, char **argv);
int builtin_umask(int argc, char **argv);
int builtin_read(int argc, char **argv);
int builtin_getopts(int argc, char **argv);

/* main.c: input from files and the terminal. */
int run_file(const char *path, int must_exist);
/* The prompt: $PS1 or $PS2 after parameter expansion. */
char *prompt_string(int continued);

/* lineedit.c: the interactive line editor and its history. */
/* Reads a line into @line (with its newline); 0 at end of input. */
int lineedit_read(const char *prompt, struct strbuf *line);
void history_init(void);
void history_add(const char *line);

#endif
