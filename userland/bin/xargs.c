/*
 * xargs: run a command (echo by default) with arguments read from standard
 * input, as POSIX and GNU xargs: blanks separate arguments, quotes and
 * backslashes protect them; -0 reads NUL-separated ones, -n N caps each
 * command's arguments, -I STR runs once per line with STR replaced, -t
 * shows each command, -r runs nothing for empty input. The command's stdin
 * is /dev/null. Exit 123 if a command failed, 124 if one exited 255, 125
 * on a signal, 126 if it could not run, 127 if it was not found.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "msg.h"
#include "cli.h"

/* POSIX exit statuses of xargs. */
#define X_FAILED 123
#define X_STOPPED 124
#define X_SIGNALLED 125
#define X_CANNOT_RUN 126
#define X_NOT_FOUND 127
/* The most bytes of arguments one command gets (POSIX's minimum ARG_MAX is 4096). */
#define X_ARG_BYTES (128 * 1024)

struct word {
	char *s;
	size_t len, cap;
};

static bool nul_sep, trace, no_empty_run;
static const char *replace;
static unsigned long long max_args;
static int status;

static void word_add(struct word *w, char c)
{
	if (w->len + 2 > w->cap) {
		w->cap = w->cap ? 2 * w->cap : 64;
		w->s = realloc(w->s, w->cap);
		if (!w->s)
			msg_die(1, "out of memory");
	}
	w->s[w->len++] = c;
	w->s[w->len] = '\0';
}

static void unmatched(int quote) __attribute__((noreturn));
static void unmatched(int quote)
{
	msg_diex(1, "unmatched %s quote; by default quotes are special to xargs unless you use the -0 option",
		 quote == '\'' ? "single" : "double");
}

/* The next argument into w; false at the end of input. */
static bool read_word(struct word *w)
{
	int c, quote = 0;
	bool any = false;

	w->len = 0;
	word_add(w, 'x');
	w->len = 0;
	while ((c = getchar()) != EOF) {
		if (nul_sep) {
			if (!c)
				return true;
			word_add(w, c);
			any = true;
		} else if (quote) {
			if (c == '\n')
				unmatched(quote);
			if (c != quote)
				word_add(w, c);
			else
				quote = 0;
		} else if (c == ' ' || c == '\t' || c == '\n') {
			if (any)
				return true;
		} else {
			any = true;
			if (c == '\'' || c == '"')
				quote = c;
			else if (c != '\\')
				word_add(w, c);
			else if ((c = getchar()) != EOF)
				word_add(w, c);
		}
	}
	if (quote)
		unmatched(quote);
	if (ferror(stdin))
		msg_die(1, "standard input");
	return any;
}

/* -I: the next non-empty line, less leading blanks; false at the end. */
static bool read_line(char **line, size_t *cap, char **arg)
{
	ssize_t len;

	while ((len = getline(line, cap, stdin)) > 0) {
		if ((*line)[len - 1] == '\n')
			(*line)[--len] = '\0';
		*arg = *line + strspn(*line, " \t");
		if (**arg)
			return true;
	}
	if (ferror(stdin))
		msg_die(1, "standard input");
	return false;
}

/* Run argv; false if xargs must stop (status says why). */
static bool run(char **argv)
{
	pid_t pid;
	int st;

	if (trace) {
		for (int i = 0; argv[i]; i++)
			fprintf(stderr, "%s%s", i ? " " : "", argv[i]);
		fputc('\n', stderr);
	}
	fflush(stdout);
	pid = fork();
	if (pid < 0)
		msg_die(1, "cannot fork");
	if (!pid) {
		int fd = open("/dev/null", O_RDONLY);

		if (fd >= 0 && fd != STDIN_FILENO) {
			dup2(fd, STDIN_FILENO);
			close(fd);
		}
		execvp(argv[0], argv);
		msg_warn("%s", argv[0]);
		_exit(errno == ENOENT ? X_NOT_FOUND : X_CANNOT_RUN);
	}
	while (waitpid(pid, &st, 0) < 0)
		if (errno != EINTR)
			msg_die(1, "waitpid");
	if (WIFSIGNALED(st)) {
		msg_warnx("%s: terminated by signal %d", argv[0], WTERMSIG(st));
		status = X_SIGNALLED;
		return false;
	}
	st = WEXITSTATUS(st);
	if (st == 255) {
		msg_warnx("%s: exited with status 255; aborting", argv[0]);
		status = X_STOPPED;
	} else if (st == X_CANNOT_RUN || st == X_NOT_FOUND) {
		status = st;
	} else if (st) {
		status = X_FAILED;
		return true;
	} else {
		return true;
	}
	return false;
}

/* arg with each replace string swapped for word. */
static char *substitute(const char *arg, const char *word)
{
	size_t rlen = strlen(replace), wlen = strlen(word);
	struct word out = { 0 };
	const char *hit;

	word_add(&out, 'x');
	out.len = 0;
	while ((hit = strstr(arg, replace))) {
		while (arg < hit)
			word_add(&out, *arg++);
		for (size_t i = 0; i < wlen; i++)
			word_add(&out, word[i]);
		arg += rlen;
	}
	while (*arg)
		word_add(&out, *arg++);
	return out.s;
}

static void run_replaced(char **cmd, int ncmd, const char *word)
{
	char **argv = calloc(ncmd + 1, sizeof(*argv));

	if (!argv)
		msg_die(1, "out of memory");
	for (int i = 0; i < ncmd; i++)
		argv[i] = substitute(cmd[i], word);
	bool go_on = run(argv);

	for (int i = 0; i < ncmd; i++)
		free(argv[i]);
	free(argv);
	if (!go_on)
		exit(status);
}

static void run_batches(char **cmd, int ncmd)
{
	char **argv = malloc((ncmd + 1) * sizeof(*argv));
	size_t n = ncmd, cap = ncmd + 1, bytes = 0;
	struct word w = { 0 };
	bool ran = false, more;

	if (!argv)
		msg_die(1, "out of memory");
	memcpy(argv, cmd, ncmd * sizeof(*argv));
	for (int i = 0; i < ncmd; i++)
		bytes += strlen(cmd[i]) + 1;
	do {
		more = read_word(&w);
		if (more) {
			if (n + 2 > cap && !(argv = realloc(argv, (cap *= 2) * sizeof(*argv))))
				msg_die(1, "out of memory");
			if (!(argv[n++] = strdup(w.s)))
				msg_die(1, "out of memory");
			bytes += w.len + 1;
		}
		if (more && !(max_args && n - ncmd >= max_args) && bytes < X_ARG_BYTES)
			continue;
		/* At the end: a last command for what is left, or for no input. */
		if (!more && n == (size_t)ncmd && (ran || no_empty_run))
			break;
		argv[n] = NULL;
		if (!run(argv))
			exit(status);
		ran = true;
		while (n > (size_t)ncmd)
			free(argv[--n]);
		bytes = 0;
		for (int i = 0; i < ncmd; i++)
			bytes += strlen(cmd[i]) + 1;
	} while (more);
	free(w.s);
	free(argv);
}

/* GNU xargs' long names of xargs' options (-I has none). */
static const struct cli_option longopts[] = {
	{ "null", CLI_NO_ARG, '0' },
	{ "max-args", CLI_REQUIRED_ARG, 'n' },
	{ "no-run-if-empty", CLI_NO_ARG, 'r' },
	{ "verbose", CLI_NO_ARG, 't' },
	{ NULL, CLI_NO_ARG, 0 },
};

int main(int argc, char **argv)
{
	static char *echo[] = { "echo", NULL };
	char **cmd, *line = NULL, *arg;
	size_t cap = 0;
	int c, ncmd;

	cli_init(argv[0], "[-0rt] [-n MAX-ARGS] [-I REPLACE] [COMMAND [ARG]...]", 1);
	while ((c = cli_getopt_long(argc, argv, "+0rtn:I:", longopts)) != -1) {
		if (c == '0')
			nul_sep = true;
		else if (c == 'r')
			no_empty_run = true;
		else if (c == 't')
			trace = true;
		else if (c == 'I')
			replace = optarg;
		else if (!cli_parse_count(optarg, -1ULL, &max_args) || !max_args)
			cli_usage_error("invalid number \"%s\" for -n option", optarg);
	}
	cmd = optind < argc ? argv + optind : echo;
	ncmd = optind < argc ? argc - optind : 1;
	if (!replace)
		run_batches(cmd, ncmd);
	while (replace && read_line(&line, &cap, &arg))
		run_replaced(cmd, ncmd, arg);
	free(line);
	cli_exit(status);
}
