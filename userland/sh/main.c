/*
 * sh: the shell's start (options, -c, scripts, login and $ENV files), its
 * input from files and terminals, prompts, and how errors end a command or
 * the shell.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sh.h"

extern char **environ;

struct shell sh;

int write_all(int fd, const char *s, size_t n)
{
	while (n) {
		ssize_t w = write(fd, s, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		s += w;
		n -= w;
	}
	return 0;
}

int fdprintf(int fd, const char *fmt, ...)
{
	struct strbuf sb;
	va_list ap;
	int n, r;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return -1;
	sb_init(&sb);
	sb.s = xmalloc(n + 1);
	sb.cap = n + 1;
	va_start(ap, fmt);
	vsnprintf(sb.s, n + 1, fmt, ap);
	va_end(ap);
	r = write_all(fd, sb.s, n);
	sb_free(&sb);
	return r;
}

void sh_warn(const char *fmt, ...)
{
	va_list ap;
	char *msg;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	msg = xmalloc(n + 6);
	memcpy(msg, "sh: ", 4);
	va_start(ap, fmt);
	vsnprintf(msg + 4, n + 1, fmt, ap);
	va_end(ap);
	msg[n + 4] = '\n';
	write_all(2, msg, n + 5);
	free(msg);
}

void sh_exit(int status)
{
	trap_exit(status);
	if (sh.forked)
		_exit(status);
	jobs_hangup(0);
	exit(status);
}

void sh_fail(int status)
{
	sh.status = status;
	if (sh.interactive && sh.abort)
		longjmp(*sh.abort, 1);
	sh_exit(status);
}

/* A file's lines: byte by byte from fd 0, whose rest belongs to commands. */
struct file_source {
	int fd;
	char buf[4096];
	size_t len, pos;
};

static int file_getc(struct file_source *f)
{
	if (f->pos == f->len) {
		ssize_t n;

		do
			n = read(f->fd, f->buf, f->fd == 0 ? 1 : sizeof(f->buf));
		while (n < 0 && errno == EINTR);
		if (n <= 0)
			return EOF;
		f->len = n;
		f->pos = 0;
	}
	return (unsigned char)f->buf[f->pos++];
}

static int file_more(struct input *in, struct strbuf *line)
{
	struct file_source *f = in->ctx;
	int c;

	while ((c = file_getc(f)) != EOF) {
		sb_putc(line, c);
		if (c == '\n')
			break;
	}
	if (line->len && sh.opt[OPT_v])
		write_all(2, line->s, line->len);
	return line->len > 0;
}

char *prompt_string(int continued)
{
	const char *ps = var_get(continued ? "PS2" : "PS1");

	if (!ps)
		return xstrdup(continued ? "> " : geteuid() == 0 ? "# " : "$ ");
	return expand_string(ps, 0);
}

/* An interactive shell's lines: the line editor on a terminal. */
static int interactive_more(struct input *in, struct strbuf *line)
{
	char *prompt;
	int got;

	if (!in->continued) {
		jobs_notify();
		sh.prompts++;
	}
	prompt = prompt_string(in->continued);
	got = lineedit_read(prompt, line);
	free(prompt);
	/* A hang-up ends the line editor's read: the shell acts on it now. */
	if (!got)
		trap_check();
	if (got && sh.opt[OPT_v])
		write_all(2, line->s, line->len);
	return got;
}

int run_file(const char *path, int must_exist)
{
	struct file_source *f;
	struct input in;
	const char *saved = sh.script;
	int fd = fd_private(open(path, O_RDONLY | O_CLOEXEC)), status;

	if (fd < 0) {
		if (must_exist)
			sh_warn("%s: %s", path, strerror(errno));
		return must_exist ? 127 : 0;
	}
	f = xzalloc(sizeof(*f));
	f->fd = fd;
	input_init_more(&in, file_more, f);
	sh.script = path;
	status = eval_input(&in, 0);
	sh.script = saved;
	input_free(&in);
	close(fd);
	free(f);
	return status;
}

/* After an error in an interactive command: back to a clean prompt. */
static void reset_after_error(struct input *in)
{
	redir_restore(0);
	sh.loop_depth = sh.func_depth = sh.dot_depth = 0;
	sh.breaking = sh.continuing = sh.returning = 0;
	in->npushback = 0;
	for (struct input_frame *f = in->top; f; f = f->next)
		f->pos = f->len;
	sh.in_trap = 0;
}

static int run_interactive(void)
{
	struct file_source f = { .fd = 0 };
	struct input in;
	jmp_buf abort;

	if (sh.interactive)
		input_init_more(&in, interactive_more, NULL);
	else
		input_init_more(&in, file_more, &f);
	sh.abort = &abort;
	do {
		in.eof = 0;
		while (!in.eof) {
			if (setjmp(abort))
				reset_after_error(&in);
			eval_input(&in, 0);
		}
	} while (sh.interactive && !jobs_may_exit());
	sh.abort = NULL;
	input_free(&in);
	return sh.status;
}

static const char *alias_hook(const char *name)
{
	return alias_get(name);
}

static void set_defaults(void)
{
	char buf[32];

	var_set("IFS", " \t\n", 0);
	var_set("PS2", "> ", 0);
	var_set("PS4", "+ ", 0);
	var_set("OPTIND", "1", 0);
	if (!var_get("PATH"))
		var_set("PATH", "/bin:/sbin:/usr/bin:/usr/sbin", VAR_EXPORT);
	snprintf(buf, sizeof(buf), "%ld", (long)getppid());
	var_set("PPID", buf, 0);
}

struct args {
	const char *command;	/* -c */
	const char *script;
	int login, interactive, read_stdin;
};

static void usage(void)
{
	sh_warn("usage: sh [-aCefnuvxil] [-o option] [-c command [name [arg...]] | file [arg...]]");
	exit(2);
}

/* Options up to the first operand; returns the index of that operand. */
static int parse_args(int argc, char **argv, struct args *a)
{
	int i = 1;

	for (; i < argc && (argv[i][0] == '-' || argv[i][0] == '+') && argv[i][1]; i++) {
		int on = argv[i][0] == '-';

		if (!strcmp(argv[i], "--")) {
			i++;
			break;
		}
		for (const char *o = argv[i] + 1; *o; o++) {
			if (*o == 'c')
				a->command = "";
			else if (*o == 'i')
				a->interactive = on;
			else if (*o == 'l')
				a->login = on;
			else if (*o == 's')
				a->read_stdin = 1;
			else if (*o == 'o') {
				if (++i >= argc || set_option(0, argv[i], on) < 0)
					usage();
				break;
			} else if (set_option(*o, NULL, on) < 0) {
				sh_warn("-%c: invalid option", *o);
				usage();
			}
		}
	}
	return i;
}

static void start_files(int login)
{
	const char *home = var_get("HOME"), *env;

	if (login) {
		run_file("/etc/profile", 0);
		if (home) {
			struct strbuf sb;

			sb_init(&sb);
			sb_printf(&sb, "%s/.profile", home);
			run_file(sb.s, 0);
			sb_free(&sb);
		}
	}
	env = var_get("ENV");
	if (sh.interactive && env) {
		char *path = expand_string(env, 0);

		run_file(path, 0);
		free(path);
	}
}

int main(int argc, char **argv)
{
	struct args a = { 0 };
	int i;

	sh.pid = getpid();
	sh.arg0 = xstrdup(argv[0]);
	sh.tty_fd = -1;
	var_import(environ);
	set_defaults();
	parse_alias = alias_hook;
	i = parse_args(argc, argv, &a);
	if (a.command) {
		if (i >= argc) {
			sh_warn("-c: option requires an argument");
			return 2;
		}
		a.command = argv[i++];
		if (i < argc) {
			free(sh.arg0);
			sh.arg0 = xstrdup(argv[i++]);
		}
	} else if (i < argc && !a.read_stdin) {
		a.script = argv[i++];
		free(sh.arg0);
		sh.arg0 = xstrdup(a.script);
	}
	params_set(argc - i, argv + i);
	sh.interactive = a.interactive ||
		(!a.command && !a.script && isatty(0) && isatty(2));
	sh.opt[OPT_i] = sh.interactive;
	trap_init();
	if (sh.interactive) {
		jobs_init();
		sh.opt[OPT_m] = sh.job_control;
		history_init();
	}
	start_files(a.login || argv[0][0] == '-');
	if (a.command)
		sh_exit(eval_string(a.command, EV_EXIT));
	if (a.script)
		sh_exit(run_file(a.script, 1));
	sh_exit(run_interactive());
}
