/*
 * The shell's builtins that act on the shell itself: its options, variables,
 * parameters, aliases, control flow and command lookup. The table says
 * which are special built-ins (XCU 2.14), whose assignments persist.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sh.h"

static int builtin_true(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

static int builtin_false(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return 1;
}

/* echo's backslash escapes (with -e): returns 0 at \c (no more output). */
static int echo_escapes(struct strbuf *sb, const char *s)
{
	static const char from[] = "abefnrtv\\", to[] = "\a\b\033\f\n\r\t\v\\";

	for (; *s; s++) {
		const char *e;

		if (*s != '\\' || !s[1]) {
			sb_putc(sb, *s);
			continue;
		}
		s++;
		if (*s == 'c')
			return 0;
		if (*s == '0') {
			int v = 0;

			for (int i = 0; i < 3 && s[1] >= '0' && s[1] <= '7'; i++)
				v = v * 8 + (*++s - '0');
			sb_putc(sb, (char)v);
		} else if ((e = strchr(from, *s))) {
			sb_putc(sb, to[e - from]);
		} else {
			sb_putc(sb, '\\');
			sb_putc(sb, *s);
		}
	}
	return 1;
}

static int builtin_echo(int argc, char **argv)
{
	struct strbuf sb;
	int newline = 1, escapes = 0, i = 1, r;

	for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		const char *o = argv[i] + 1;

		if (strspn(o, "neE") != strlen(o))
			break;
		for (; *o; o++) {
			if (*o == 'n')
				newline = 0;
			else
				escapes = *o == 'e';
		}
	}
	sb_init(&sb);
	for (; i < argc; i++) {
		if (escapes && !echo_escapes(&sb, argv[i])) {
			newline = 0;
			break;
		}
		if (!escapes)
			sb_puts(&sb, argv[i]);
		if (i + 1 < argc)
			sb_putc(&sb, ' ');
	}
	if (newline)
		sb_putc(&sb, '\n');
	r = write_all(1, sb.s ? sb.s : "", sb.len);
	sb_free(&sb);
	if (r < 0) {
		sh_warn("echo: write error: %s", strerror(errno));
		return 1;
	}
	return 0;
}

/* A non-negative decimal number argument, or -1 after an error. */
static int number_arg(const char *cmd, const char *s)
{
	char *end;
	long n = strtol(s, &end, 10);

	if (!*s || *end || n < 0 || n > 0x7fffffff) {
		sh_warn("%s: %s: numeric argument required", cmd, s);
		return -1;
	}
	return (int)n;
}

static int builtin_exit(int argc, char **argv)
{
	/* XCU exit: in a trap's action, $? is the status from before it. */
	int status = sh.in_trap ? sh.trap_status : sh.status;

	if (argc > 1) {
		char *end;
		long n = strtol(argv[1], &end, 10);

		if (!*argv[1] || *end) {
			sh_warn("exit: %s: numeric argument required", argv[1]);
			status = 2;
		} else {
			status = (int)(n & 0xff);
		}
	}
	if (sh.interactive && !jobs_may_exit())
		return 1;
	sh_exit(status);
}

static int declare(int argc, char **argv, int flag, const char *prefix)
{
	int status = 0;

	if (argc == 1 || (argc == 2 && !strcmp(argv[1], "-p"))) {
		var_list(1, flag, prefix);
		return 0;
	}
	for (int i = 1; i < argc; i++) {
		const char *eq = strchr(argv[i], '=');
		char *name = xstrndup(argv[i], eq ? (size_t)(eq - argv[i]) : strlen(argv[i]));

		if (!strcmp(argv[i], "-p")) {
			free(name);
			continue;
		}
		if (!is_name(name)) {
			sh_warn("%s: %s: bad variable name", argv[0], name);
			status = 1;
		} else if (eq && var_set(name, eq + 1, flag) < 0) {
			status = 1;
		} else {
			var_set_flags(name, flag);
		}
		free(name);
	}
	return status;
}

static int builtin_export(int argc, char **argv)
{
	return declare(argc, argv, VAR_EXPORT, "export ");
}

static int builtin_readonly(int argc, char **argv)
{
	return declare(argc, argv, VAR_READONLY, "readonly ");
}

static int builtin_unset(int argc, char **argv)
{
	int funcs = 0, status = 0, i = 1;

	for (; i < argc && argv[i][0] == '-'; i++) {
		if (!strcmp(argv[i], "-f"))
			funcs = 1;
		else if (!strcmp(argv[i], "-v"))
			funcs = 0;
		else if (!strcmp(argv[i], "--") && ++i)
			break;
	}
	for (; i < argc; i++) {
		if (funcs)
			func_unset(argv[i]);
		else if (var_unset(argv[i]) < 0)
			status = 1;
	}
	return status;
}

static const struct {
	char letter;
	const char *name;
} options[] = {
	[OPT_a] = { 'a', "allexport" }, [OPT_C] = { 'C', "noclobber" },
	[OPT_e] = { 'e', "errexit" }, [OPT_f] = { 'f', "noglob" },
	[OPT_n] = { 'n', "noexec" }, [OPT_u] = { 'u', "nounset" },
	[OPT_v] = { 'v', "verbose" }, [OPT_x] = { 'x', "xtrace" },
	[OPT_i] = { 'i', "interactive" }, [OPT_m] = { 'm', "monitor" },
};

/* Sets option @letter (or the one named @name); -1 if there is none. */
int set_option(char letter, const char *name, int on)
{
	for (int i = 0; i < NOPTS; i++)
		if (name ? !strcmp(options[i].name, name) : options[i].letter == letter) {
			if (i != OPT_i)
				sh.opt[i] = on;
			return 0;
		}
	return -1;
}

static void print_options(void)
{
	for (int i = 0; i < NOPTS; i++)
		fdprintf(1, "%-15s %s\n", options[i].name, sh.opt[i] ? "on" : "off");
}

static int builtin_set(int argc, char **argv)
{
	int i = 1;

	if (argc == 1) {
		var_list(1, 0, "");
		return 0;
	}
	for (; i < argc && (argv[i][0] == '-' || argv[i][0] == '+'); i++) {
		int on = argv[i][0] == '-';

		if (!strcmp(argv[i], "--") || !strcmp(argv[i], "-")) {
			i++;
			params_set(argc - i, argv + i);
			return 0;
		}
		if (!strcmp(argv[i] + 1, "o")) {
			if (i + 1 >= argc) {
				print_options();
				return 0;
			}
			if (set_option(0, argv[++i], on) < 0) {
				sh_warn("set: %s: invalid option name", argv[i]);
				return 2;
			}
			continue;
		}
		for (const char *o = argv[i] + 1; *o; o++)
			if (set_option(*o, NULL, on) < 0) {
				sh_warn("set: -%c: invalid option", *o);
				return 2;
			}
	}
	if (i < argc)
		params_set(argc - i, argv + i);
	return 0;
}

static int builtin_shift(int argc, char **argv)
{
	int n = argc > 1 ? number_arg("shift", argv[1]) : 1;

	if (n < 0)
		return 2;
	if (n > sh.argc) {
		sh_warn("shift: can't shift that many");
		return 1;
	}
	params_set(sh.argc - n, sh.argv + n);
	return 0;
}

static int builtin_exec(int argc, char **argv)
{
	if (argc == 1)
		return 0;
	shell_exec(argv + 1, var_environ());
}

/* The file a dot command names: a path, else searched on PATH, then here. */
static char *dot_path(const char *name)
{
	int err;
	char *path;

	if (strchr(name, '/'))
		return xstrdup(name);
	path = find_in_path(name, var_get("PATH"), &err);
	if (!path && access(name, R_OK) == 0)
		path = xstrdup(name);
	return path;
}

static int builtin_dot(int argc, char **argv)
{
	int saved_argc = sh.argc, status;
	char **saved_argv = sh.argv;
	char *path;

	if (argc < 2) {
		sh_warn("%s: filename argument required", argv[0]);
		return 2;
	}
	path = dot_path(argv[1]);
	if (!path || access(path, R_OK) < 0) {
		if (path)
			sh_warn("%s: %s: %s", argv[0], argv[1], strerror(errno));
		else
			sh_warn("%s: %s: not found", argv[0], argv[1]);
		free(path);
		return 1;
	}
	if (argc > 2) {
		sh.argv = NULL;
		sh.argc = 0;
		params_set(argc - 2, argv + 2);
	}
	sh.dot_depth++;
	status = run_file(path, 1);
	sh.dot_depth--;
	if (sh.returning) {
		sh.returning = 0;
		status = sh.status;
	}
	if (argc > 2) {
		params_free();
		sh.argc = saved_argc;
		sh.argv = saved_argv;
	}
	free(path);
	return status;
}

static int builtin_eval(int argc, char **argv)
{
	struct strbuf sb;
	int status;

	sb_init(&sb);
	for (int i = 1; i < argc; i++)
		sb_printf(&sb, "%s%s", i > 1 ? " " : "", argv[i]);
	status = eval_string(sb.s ? sb.s : "", 0);
	sb_free(&sb);
	return status;
}

static int builtin_return(int argc, char **argv)
{
	int n = argc > 1 ? number_arg("return", argv[1]) : sh.status;

	if (!sh.func_depth && !sh.dot_depth) {
		sh_warn("return: can only return from a function or sourced script");
		return 1;
	}
	sh.status = n < 0 ? 2 : n & 0xff;
	sh.returning = 1;
	return sh.status;
}

static int loop_control(int argc, char **argv, int *counter)
{
	int n = argc > 1 ? number_arg(argv[0], argv[1]) : 1;

	if (n < 1) {
		if (n == 0)
			sh_warn("%s: 0: loop count out of range", argv[0]);
		return 1;
	}
	if (!sh.loop_depth)
		return 0;
	*counter = n > sh.loop_depth ? sh.loop_depth : n;
	return 0;
}

static int builtin_break(int argc, char **argv)
{
	return loop_control(argc, argv, &sh.breaking);
}

static int builtin_continue(int argc, char **argv)
{
	return loop_control(argc, argv, &sh.continuing);
}

static int builtin_local(int argc, char **argv)
{
	int status = 0;

	if (!sh.func_depth) {
		sh_warn("local: not in a function");
		return 1;
	}
	for (int i = 1; i < argc; i++) {
		const char *eq = strchr(argv[i], '=');
		char *name = xstrndup(argv[i], eq ? (size_t)(eq - argv[i]) : strlen(argv[i]));

		if (!is_name(name)) {
			sh_warn("local: %s: bad variable name", name);
			status = 1;
		} else {
			var_make_local(name);
			if (eq && var_set(name, eq + 1, 0) < 0)
				status = 1;
		}
		free(name);
	}
	return status;
}

static int builtin_alias(int argc, char **argv)
{
	int status = 0;

	if (argc == 1) {
		alias_list(1);
		return 0;
	}
	for (int i = 1; i < argc; i++) {
		const char *eq = strchr(argv[i], '=');

		if (eq) {
			char *name = xstrndup(argv[i], eq - argv[i]);

			alias_set(name, eq + 1);
			free(name);
		} else if (alias_get(argv[i])) {
			char *q = shell_quote(alias_get(argv[i]));

			fdprintf(1, "%s=%s\n", argv[i], q);
			free(q);
		} else {
			sh_warn("alias: %s: not found", argv[i]);
			status = 1;
		}
	}
	return status;
}

static int builtin_unalias(int argc, char **argv)
{
	int status = 0;

	if (argc > 1 && !strcmp(argv[1], "-a")) {
		alias_clear();
		return 0;
	}
	if (argc == 1) {
		sh_warn("unalias: usage: unalias [-a] name...");
		return 2;
	}
	for (int i = 1; i < argc; i++)
		if (alias_unset(argv[i]) < 0) {
			sh_warn("unalias: %s: not found", argv[i]);
			status = 1;
		}
	return status;
}

/* What @name runs as, printed for type (@verbose) or command -v. */
static int describe(const char *name, int verbose)
{
	const struct builtin *b = builtin_find(name);
	char *path;
	int err;

	if (alias_get(name)) {
		char *q = shell_quote(alias_get(name));

		if (verbose)
			fdprintf(1, "%s is an alias for %s\n", name, alias_get(name));
		else
			fdprintf(1, "alias %s=%s\n", name, q);
		free(q);
		return 0;
	}
	if (is_keyword(name) || func_get(name) || b) {
		if (!verbose)
			fdprintf(1, "%s\n", name);
		else if (is_keyword(name))
			fdprintf(1, "%s is a shell keyword\n", name);
		else if (func_get(name))
			fdprintf(1, "%s is a function\n", name);
		else
			fdprintf(1, "%s is a %sshell builtin\n", name, b->special ? "special " : "");
		return 0;
	}
	path = strchr(name, '/') ? (access(name, X_OK) ? NULL : xstrdup(name)) :
		find_in_path(name, var_get("PATH"), &err);
	if (!path) {
		if (verbose)
			sh_warn("type: %s: not found", name);
		return 1;
	}
	fdprintf(1, verbose ? "%s is %s\n" : "%.0s%s\n", name, path);
	free(path);
	return 0;
}

static int builtin_type(int argc, char **argv)
{
	int status = 0;

	for (int i = 1; i < argc; i++)
		status |= describe(argv[i], 1);
	return status;
}

static int builtin_command(int argc, char **argv)
{
	int i = 1, v = 0, status = 0;

	for (; i < argc && argv[i][0] == '-'; i++) {
		if (!strcmp(argv[i], "-v"))
			v = 1;
		else if (!strcmp(argv[i], "-V"))
			v = 2;
		else if (strcmp(argv[i], "-p")) {
			if (!strcmp(argv[i], "--"))
				i++;
			break;
		}
	}
	if (i >= argc)
		return 0;
	if (v) {
		for (; i < argc; i++)
			status |= describe(argv[i], v == 2);
		return status;
	}
	return run_command(argv + i, 0, 1);
}

static const struct builtin builtins[] = {
	{ ".", builtin_dot, 1 }, { ":", builtin_true, 1 }, { "[", builtin_test, 0 },
	{ "alias", builtin_alias, 0 }, { "bg", builtin_bg, 0 },
	{ "break", builtin_break, 1 }, { "cd", builtin_cd, 0 },
	{ "command", builtin_command, 0 }, { "continue", builtin_continue, 1 },
	{ "disown", builtin_disown, 0 },
	{ "echo", builtin_echo, 0 }, { "eval", builtin_eval, 1 },
	{ "exec", builtin_exec, 1 }, { "exit", builtin_exit, 1 },
	{ "export", builtin_export, 1 }, { "false", builtin_false, 0 },
	{ "fg", builtin_fg, 0 }, { "getopts", builtin_getopts, 0 },
	{ "jobs", builtin_jobs, 0 }, { "kill", builtin_kill, 0 },
	{ "local", builtin_local, 1 }, { "pwd", builtin_pwd, 0 },
	{ "read", builtin_read, 0 }, { "readonly", builtin_readonly, 1 },
	{ "return", builtin_return, 1 }, { "set", builtin_set, 1 },
	{ "shift", builtin_shift, 1 }, { "source", builtin_dot, 1 },
	{ "test", builtin_test, 0 }, { "trap", builtin_trap, 1 },
	{ "true", builtin_true, 0 }, { "type", builtin_type, 0 },
	{ "umask", builtin_umask, 0 }, { "unalias", builtin_unalias, 0 },
	{ "unset", builtin_unset, 1 }, { "wait", builtin_wait, 0 },
};

const struct builtin *builtin_find(const char *name)
{
	for (size_t i = 0; i < sizeof(builtins) / sizeof(builtins[0]); i++)
		if (!strcmp(builtins[i].name, name))
			return &builtins[i];
	return NULL;
}

/* For completion: the @i-th builtin's name, or NULL past the end. */
const char *builtin_name(size_t i)
{
	return i < sizeof(builtins) / sizeof(builtins[0]) ? builtins[i].name : NULL;
}

static const char *const keywords[] = {
	"!", "{", "}", "case", "do", "done", "elif", "else", "esac", "fi", "for",
	"if", "in", "then", "until", "while", NULL,
};

int is_keyword(const char *name)
{
	for (int i = 0; keywords[i]; i++)
		if (!strcmp(keywords[i], name))
			return 1;
	return 0;
}
