/*
 * Execution of the syntax tree (XCU 2.9): simple commands (builtins,
 * functions, programs found on PATH), pipelines, and-or lists, background
 * jobs, subshells, compound commands, and command substitution.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "match.h"
#include "sh.h"

int status_of(int wstatus)
{
	if (WIFEXITED(wstatus))
		return WEXITSTATUS(wstatus);
	if (WIFSIGNALED(wstatus))
		return 128 + WTERMSIG(wstatus);
	if (WIFSTOPPED(wstatus))
		return 128 + WSTOPSIG(wstatus);
	return 1;
}

char *find_in_path(const char *name, const char *path, int *err)
{
	struct strbuf sb;

	*err = 127;
	if (!path)
		path = "/bin:/usr/bin";
	sb_init(&sb);
	for (;;) {
		const char *colon = strchr(path, ':');
		size_t n = colon ? (size_t)(colon - path) : strlen(path);
		struct stat st;

		sb.len = 0;
		if (n)
			sb_putn(&sb, path, n);
		else
			sb_putc(&sb, '.');
		sb_printf(&sb, "/%s", name);
		if (stat(sb.s, &st) == 0 && S_ISREG(st.st_mode)) {
			if (access(sb.s, X_OK) == 0)
				return sb_take(&sb);
			*err = 126;
		}
		if (!colon)
			break;
		path = colon + 1;
	}
	sb_free(&sb);
	return NULL;
}

/* A file execve refuses as not a program: a script for this shell. */
static void __attribute__((noreturn)) exec_script(const char *path, char **argv)
{
	int argc = 0;

	while (argv[argc])
		argc++;
	params_set(argc - 1, argv + 1);
	free(sh.arg0);
	sh.arg0 = xstrdup(path);
	sh_exit(run_file(path, 1));
}

void shell_exec(char **argv, char **env)
{
	char *path;
	int err = 127;

	if (strchr(argv[0], '/'))
		path = xstrdup(argv[0]);
	else
		path = find_in_path(argv[0], var_get("PATH"), &err);
	if (!path) {
		sh_warn(err == 126 ? "%s: Permission denied" : "%s: not found", argv[0]);
		sh_exit(err);
	}
	execve(path, argv, env);
	err = errno;
	if (err == ENOEXEC)
		exec_script(path, argv);
	sh_warn("%s: %s", argv[0], strerror(err));
	sh_exit(err == ENOENT || err == ENOTDIR ? 127 : 126);
}

/* "+ words" on stderr for set -x. */
static void xtrace(struct wordlist *assigns, struct wordlist *args)
{
	struct strbuf sb;
	const char *ps4 = var_get("PS4");

	sb_init(&sb);
	sb_puts(&sb, ps4 ? ps4 : "+ ");
	for (int i = 0; i < assigns->n; i++)
		sb_printf(&sb, "%s ", assigns->v[i]);
	for (int i = 0; i < args->n; i++)
		sb_printf(&sb, "%s%s", args->v[i], i + 1 < args->n ? " " : "");
	if (sb.len && sb.s[sb.len - 1] == ' ')
		sb.len--;
	sb_putc(&sb, '\n');
	write_all(2, sb.s, sb.len);
	sb_free(&sb);
}

/* The prefix assignments, expanded: "name=value" each. */
static void expand_assigns(struct word *w, struct wordlist *out)
{
	for (; w; w = w->next) {
		const char *eq = strchr(w->text, '=');
		char *value = expand_string(eq + 1, EXP_ASSIGN);
		struct strbuf sb;

		sb_init(&sb);
		sb_putn(&sb, w->text, eq - w->text + 1);
		sb_puts(&sb, value);
		free(value);
		wl_add(out, sb_take(&sb));
	}
}

/* Sets each assignment; local to the current scope when @scoped. */
static int apply_assigns(struct wordlist *a, int flags, int scoped)
{
	for (int i = 0; i < a->n; i++) {
		if (scoped) {
			char *name = xstrndup(a->v[i], strchr(a->v[i], '=') - a->v[i]);

			var_make_local(name);
			free(name);
		}
		if (var_assign(a->v[i], flags) < 0)
			return -1;
	}
	return 0;
}

static int apply_redirs(struct redir *r, int save)
{
	for (; r; r = r->next)
		if (redirect(r, save) < 0)
			return -1;
	return 0;
}

static int run_builtin(const struct builtin *b, struct node *n, struct wordlist *assigns,
		       struct wordlist *args)
{
	int mark = redir_mark(), status;
	/* "exec" without a command keeps its redirections. */
	int keep = !strcmp(b->name, "exec") && args->n == 1;

	if (!b->special)
		var_scope_push();
	if (apply_assigns(assigns, 0, !b->special) < 0 || apply_redirs(n->redirs, !keep) < 0) {
		status = 1;
		if (b->special && !sh.interactive)
			sh_exit(status);
	} else {
		status = b->fn(args->n, args->v);
	}
	redir_restore(mark);
	if (!b->special)
		var_scope_pop();
	return status;
}

static int call_function(struct node *f, struct node *n, struct wordlist *assigns,
			 struct wordlist *args, int flags)
{
	int mark = redir_mark(), status;
	int saved_argc = sh.argc;
	char **saved_argv = sh.argv;
	struct arena *arena = f->u.func.arena;

	arena_ref(arena);
	var_scope_push();
	if (apply_assigns(assigns, VAR_EXPORT, 1) < 0 || apply_redirs(n->redirs, 1) < 0) {
		status = 1;
	} else {
		sh.argv = NULL;
		sh.argc = 0;
		params_set(args->n - 1, args->v + 1);
		sh.func_depth++;
		status = eval(f->u.func.body, flags & EV_TESTED);
		sh.func_depth--;
		if (sh.returning) {
			sh.returning = 0;
			status = sh.status;
		}
		params_free();
		sh.argc = saved_argc;
		sh.argv = saved_argv;
	}
	redir_restore(mark);
	var_scope_pop();
	arena_unref(arena);
	return status;
}

/* A program: in this process when nothing follows, else in a child. */
static int run_program(struct node *n, struct wordlist *assigns, struct wordlist *args,
		       int flags)
{
	struct job *j;
	char *text;
	pid_t pid;

	if (!(flags & EV_EXIT)) {
		text = command_text(n);
		j = job_new(text);
		free(text);
		pid = job_fork(j, NULL, 1);
		if (pid < 0)
			return 2;
		if (pid > 0)
			return job_wait_fg(j);
	}
	if (apply_redirs(n->redirs, 0) < 0 || apply_assigns(assigns, VAR_EXPORT, 0) < 0)
		sh_exit(1);
	shell_exec(args->v, var_environ());
}

/* A command of assignments and redirections only. */
static int assign_only(struct node *n, struct wordlist *assigns)
{
	int mark = redir_mark(), status = sh.subst_status;

	if (apply_redirs(n->redirs, 1) < 0)
		status = 1;
	redir_restore(mark);
	if (apply_assigns(assigns, 0, 0) < 0) {
		status = 1;
		if (!sh.interactive)
			sh_exit(status);
	}
	return status;
}

static int dispatch(struct node *n, struct wordlist *assigns, struct wordlist *args,
		    int flags, int skip_functions)
{
	const char *name = args->v[0];
	const struct builtin *b = NULL;
	struct node *f = NULL;

	if (!strchr(name, '/')) {
		b = builtin_find(name);
		if (!skip_functions && !(b && b->special))
			f = func_get(name);
	}
	if (f)
		return call_function(f, n, assigns, args, flags);
	if (b)
		return run_builtin(b, n, assigns, args);
	return run_program(n, assigns, args, flags);
}

static int eval_simple(struct node *n, int flags)
{
	struct wordlist assigns = { 0 }, args = { 0 };
	int status;

	sh.subst_status = 0;
	expand_words(n->u.cmd.args, &args);
	expand_assigns(n->u.cmd.assigns, &assigns);
	if (sh.opt[OPT_x] && (assigns.n || args.n))
		xtrace(&assigns, &args);
	if (!args.n)
		status = assign_only(n, &assigns);
	else
		status = dispatch(n, &assigns, &args, flags, 0);
	wl_free(&assigns);
	wl_free(&args);
	return status;
}

int run_command(char **argv, int flags, int skip_functions)
{
	struct node n = { .type = N_CMD };
	struct wordlist assigns = { 0 }, args = { 0 };
	int status;

	for (; *argv; argv++)
		wl_add(&args, xstrdup(*argv));
	status = dispatch(&n, &assigns, &args, flags, skip_functions);
	wl_free(&args);
	return status;
}

/* A pipeline: its elements in one job, waited for unless it runs in the background. */
static int eval_pipe(struct node *n, int foreground)
{
	char *text = command_text(n);
	struct job *j = job_new(text);
	int prev = -1, fds[2] = { -1, -1 };
	pid_t pid = -1;

	free(text);
	for (struct node *c = n->u.pipe; c; c = c->next) {
		if (c->next && pipe(fds) < 0) {
			sh_warn("pipe: %s", strerror(errno));
			break;
		}
		pid = job_fork(j, c, foreground);
		if (pid == 0) {
			if (prev >= 0) {
				dup2(prev, 0);
				close(prev);
			}
			if (c->next) {
				close(fds[0]);
				dup2(fds[1], 1);
				close(fds[1]);
			}
			sh_exit(eval(c, EV_EXIT));
		}
		if (prev >= 0)
			close(prev);
		prev = -1;
		if (c->next) {
			close(fds[1]);
			prev = fds[0];
		}
		if (pid < 0)
			break;
	}
	if (prev >= 0)
		close(prev);
	if (foreground)
		return job_wait_fg(j);
	if (pid > 0)
		sh.last_bg = pid;
	job_background(j);
	return 0;
}

/* cmd &: a pipeline's processes are the job's own, as "jobs -l" shows them. */
static int eval_background(struct node *n)
{
	char *text;
	struct job *j;
	pid_t pid;

	if (n->u.body->type == N_PIPE)
		return eval_pipe(n->u.body, 0);
	text = command_text(n->u.body);
	j = job_new(text);
	free(text);
	pid = job_fork(j, NULL, 0);
	if (pid == 0)
		sh_exit(eval(n->u.body, EV_EXIT));
	if (pid < 0)
		return 2;
	sh.last_bg = pid;
	job_background(j);
	return 0;
}

static int eval_subshell(struct node *n, int flags)
{
	struct job *j;
	pid_t pid;

	if (flags & EV_EXIT)
		sh_exit(eval(n->u.body, EV_EXIT));
	j = job_new("subshell");
	pid = job_fork(j, NULL, 1);
	if (pid == 0)
		sh_exit(eval(n->u.body, EV_EXIT));
	if (pid < 0)
		return 2;
	return job_wait_fg(j);
}

/* After a loop's body: whether a break or continue ends this loop. */
static int loop_interrupted(void)
{
	if (sh.returning)
		return 1;
	if (sh.breaking) {
		sh.breaking--;
		return 1;
	}
	if (sh.continuing && --sh.continuing)
		return 1;
	return 0;
}

static int eval_while(struct node *n, int flags)
{
	int status = 0;

	sh.loop_depth++;
	for (;;) {
		int c = eval(n->u.cond.cond, EV_TESTED);

		if (sh.breaking || sh.continuing || sh.returning) {
			if (loop_interrupted())
				break;
			continue;
		}
		if ((c == 0) != (n->type == N_WHILE))
			break;
		status = eval(n->u.cond.then, flags & ~EV_EXIT);
		if (loop_interrupted())
			break;
	}
	sh.loop_depth--;
	return status;
}

static int eval_for(struct node *n, int flags)
{
	struct wordlist words = { 0 };
	int status = 0;

	if (n->u.loop.has_in)
		expand_words(n->u.loop.words, &words);
	else
		for (int i = 0; i < sh.argc; i++)
			wl_add(&words, xstrdup(sh.argv[i]));
	sh.loop_depth++;
	for (int i = 0; i < words.n; i++) {
		if (var_set(n->u.loop.var, words.v[i], 0) < 0) {
			status = 1;
			break;
		}
		status = eval(n->u.loop.body, flags & ~EV_EXIT);
		if (loop_interrupted())
			break;
	}
	sh.loop_depth--;
	wl_free(&words);
	return status;
}

static int eval_case(struct node *n, int flags)
{
	char *word = expand_string(n->u.cas.word, 0);
	int status = 0;

	for (struct case_item *ci = n->u.cas.items; ci; ci = ci->next) {
		struct word *p;

		for (p = ci->patterns; p; p = p->next) {
			char *pat = expand_string(p->text, EXP_PATTERN);
			int m = pmatch(pat, word);

			free(pat);
			if (m)
				break;
		}
		if (p) {
			status = ci->body ? eval(ci->body, flags) : 0;
			break;
		}
	}
	free(word);
	return status;
}

static int eval_if(struct node *n, int flags)
{
	int c = eval(n->u.cond.cond, EV_TESTED);

	if (sh.breaking || sh.continuing || sh.returning)
		return c;
	if (c == 0)
		return eval(n->u.cond.then, flags);
	if (n->u.cond.otherwise)
		return eval(n->u.cond.otherwise, flags);
	return 0;
}

static int eval_and_or(struct node *n, int flags)
{
	int l = eval(n->u.bin.left, (flags & ~EV_EXIT) | EV_TESTED);

	if (sh.breaking || sh.continuing || sh.returning)
		return l;
	if ((n->type == N_AND) == (l == 0))
		return eval(n->u.bin.right, flags);
	return l;
}

static int eval_compound(struct node *n, int flags)
{
	switch (n->type) {
	case N_SUBSHELL:
		return eval_subshell(n, flags);
	case N_GROUP:
		return eval(n->u.body, flags);
	case N_IF:
		return eval_if(n, flags);
	case N_WHILE: case N_UNTIL:
		return eval_while(n, flags);
	case N_FOR:
		return eval_for(n, flags);
	default:
		return eval_case(n, flags);
	}
}

static int eval_node(struct node *n, int flags)
{
	switch (n->type) {
	case N_CMD:
		return eval_simple(n, flags);
	case N_PIPE:
		return eval_pipe(n, 1);
	case N_AND: case N_OR:
		return eval_and_or(n, flags);
	case N_SEQ:
		eval(n->u.bin.left, flags & ~EV_EXIT);
		return eval(n->u.bin.right, flags);
	case N_BG:
		return eval_background(n);
	case N_NOT:
		return !eval(n->u.body, (flags & ~EV_EXIT) | EV_TESTED);
	case N_FUNC:
		func_set(n->u.func.name, n, n->u.func.arena);
		return 0;
	default:
		break;
	}
	/* A compound command's redirections hold while it runs. */
	if (n->redirs) {
		int mark = redir_mark(), status = 1;

		if (apply_redirs(n->redirs, 1) == 0)
			status = eval_compound(n, flags & ~EV_EXIT);
		redir_restore(mark);
		return status;
	}
	return eval_compound(n, flags);
}

int eval(struct node *n, int flags)
{
	int status;

	if (!n || sh.breaking || sh.continuing || sh.returning)
		return sh.status;
	/* With a trap set, the shell must be there when a signal or the end comes. */
	if (trap_any())
		flags &= ~EV_EXIT;
	sh.lineno = n->lineno;
	status = eval_node(n, flags);
	sh.status = status;
	trap_check();
	if (status && sh.opt[OPT_e] && !(flags & EV_TESTED) &&
	    (n->type == N_CMD || n->type == N_PIPE || n->type == N_SUBSHELL))
		sh_exit(status);
	return status;
}

static int input_at_end(struct input *in)
{
	return !in->npushback && !in->top->next && in->top->pos >= in->top->len && !in->more;
}

static void syntax_error(struct parser *p)
{
	if (sh.script)
		sh_warn("%s: line %d: syntax error: %s", sh.script, p->errline, p->err);
	else
		sh_warn("syntax error: %s", p->err);
}

int eval_input(struct input *in, int flags)
{
	struct parser p;
	struct node *n;
	struct arena *arena;
	int status = 0;

	parser_init(&p, in);
	for (;;) {
		enum parse_result r = parse_command(&p, &n, &arena);

		if (r == PARSE_EOF) {
			arena_unref(arena);
			break;
		}
		if (r == PARSE_ERROR) {
			syntax_error(&p);
			arena_unref(arena);
			status = sh.status = 2;
			if (!sh.interactive)
				sh_exit(2);
			continue;
		}
		if (n && !sh.opt[OPT_n])
			status = eval(n, input_at_end(in) ? flags : flags & ~EV_EXIT);
		else if (n)
			status = 0;
		arena_unref(arena);
		if (sh.returning || sh.breaking || sh.continuing)
			break;
	}
	parser_free(&p);
	return status;
}

int eval_string(const char *text, int flags)
{
	struct input in;
	int status;

	input_init_string(&in, text);
	status = eval_input(&in, flags);
	input_free(&in);
	return status;
}

static char *read_all(int fd)
{
	struct strbuf sb;
	char buf[4096];
	ssize_t n;

	sb_init(&sb);
	for (;;) {
		n = read(fd, buf, sizeof(buf));
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		sb_putn(&sb, buf, n);
	}
	return sb_take(&sb);
}

char *command_subst(const char *text)
{
	int fds[2], wstatus;
	pid_t pid;
	char *out;
	size_t len;

	if (pipe(fds) < 0) {
		sh_warn("pipe: %s", strerror(errno));
		sh_fail(2);
	}
	pid = fork();
	if (pid < 0) {
		sh_warn("fork: %s", strerror(errno));
		close(fds[0]);
		close(fds[1]);
		sh_fail(2);
	}
	if (pid == 0) {
		sh.forked = 1;
		sh.interactive = 0;
		sh.job_control = 0;
		trap_child(0);
		close(fds[0]);
		if (fds[1] != 1) {
			dup2(fds[1], 1);
			close(fds[1]);
		}
		sh_exit(eval_string(text, EV_EXIT));
	}
	close(fds[1]);
	out = read_all(fds[0]);
	close(fds[0]);
	while (waitpid(pid, &wstatus, 0) < 0 && errno == EINTR)
		;
	sh.subst_status = status_of(wstatus);
	len = strlen(out);
	while (len && out[len - 1] == '\n')
		out[--len] = '\0';
	return out;
}
